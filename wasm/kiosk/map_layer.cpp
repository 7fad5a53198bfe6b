#include "map_layer.h"

#include <cmath>
#include <cstdio>

namespace beitai::kiosk {

namespace {

constexpr float kPaintedScale = 3;  // the painted area, in map sizes each way

// ImGui's vertex format and blending, with an offset: pixels of the painted area moved to
// the screen, then to clip space.
constexpr const char* kVertexShader = R"(#version 300 es
uniform vec2 Display;
uniform vec2 Offset;
in vec2 Position;
in vec2 UV;
in vec4 Color;
out vec2 Frag_UV;
out vec4 Frag_Color;
void main() {
    Frag_UV = UV;
    Frag_Color = Color;
    vec2 p = Position + Offset;
    gl_Position = vec4(p.x / Display.x * 2.0 - 1.0, 1.0 - p.y / Display.y * 2.0, 0.0, 1.0);
})";

constexpr const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D Texture;
in vec2 Frag_UV;
in vec4 Frag_Color;
layout (location = 0) out vec4 Out_Color;
void main() {
    Out_Color = Frag_Color * texture(Texture, Frag_UV.st);
})";

GLuint compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[512] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        std::fprintf(stderr, "kiosk map shader: %s\n", log);
    }
    return shader;
}

}  // namespace

MapLayer::~MapLayer() {
    if (list_) IM_DELETE(list_);
    if (program_) {
        glDeleteProgram(program_);
        glDeleteBuffers(1, &vbo_);
        glDeleteBuffers(1, &ibo_);
        glDeleteVertexArrays(1, &vao_);
    }
}

bool MapLayer::Stale(int scene_generation, const render::Viewport& view) const {
    if (scene_generation != generation_ || view.zoom() != zoom_) return true;
    if (painted_w_ != static_cast<float>(view.width()) * kPaintedScale ||
        painted_h_ != static_cast<float>(view.height()) * kPaintedScale)
        return true;
    // Panned farther than the margin painted round the map?
    const render::Pixel at = view.project(anchor_);
    return std::fabs(at.x - view.width() / 2) > view.width() || std::fabs(at.y - view.height() / 2) > view.height();
}

void MapLayer::Paint(const render::PreparedScene& prepared, const render::Viewport& view, ImFont* font,
                     const render::PaintOptions& options) {
    anchor_ = view.centre_projected();
    zoom_ = view.zoom();
    painted_w_ = static_cast<float>(view.width()) * kPaintedScale;
    painted_h_ = static_cast<float>(view.height()) * kPaintedScale;
    const render::Viewport area = render::Viewport::from_projected(anchor_, zoom_, painted_w_, painted_h_, view.zoom_range());
    render::paint_scene(prepared, area, paint_, options);

    if (!list_) list_ = IM_NEW(ImDrawList)(ImGui::GetDrawListSharedData());
    list_->_ResetForNewFrame();
    list_->PushClipRect(ImVec2(0, 0), ImVec2(painted_w_, painted_h_));
    list_->PushTextureID(ImGui::GetIO().Fonts->TexID);
    painter_.Draw(list_, paint_, ImVec2(0, 0), font);
    ++repaints_;
}

void MapLayer::Upload() {
    if (!program_) {
        program_ = glCreateProgram();
        const GLuint vs = compile(GL_VERTEX_SHADER, kVertexShader), fs = compile(GL_FRAGMENT_SHADER, kFragmentShader);
        glAttachShader(program_, vs);
        glAttachShader(program_, fs);
        glLinkProgram(program_);
        glDeleteShader(vs);
        glDeleteShader(fs);
        proj_at_ = glGetUniformLocation(program_, "Display");
        offset_at_ = glGetUniformLocation(program_, "Offset");
        texture_at_ = glGetUniformLocation(program_, "Texture");
        glGenVertexArrays(1, &vao_);
        glGenBuffers(1, &vbo_);
        glGenBuffers(1, &ibo_);
        glBindVertexArray(vao_);
        glBindBuffer(GL_ARRAY_BUFFER, vbo_);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);
        const GLint position = glGetAttribLocation(program_, "Position"), uv = glGetAttribLocation(program_, "UV"),
                    colour = glGetAttribLocation(program_, "Color");
        glEnableVertexAttribArray(position);
        glEnableVertexAttribArray(uv);
        glEnableVertexAttribArray(colour);
        glVertexAttribPointer(position, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                              reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, pos)));
        glVertexAttribPointer(uv, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, uv)));
        glVertexAttribPointer(colour, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert),
                              reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, col)));
        glBindVertexArray(0);
    }
    // One draw: the painter's list holds one texture and one clip rect, and 32-bit indices
    // need no vertex offsets.
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list_->VtxBuffer.Size) * sizeof(ImDrawVert), list_->VtxBuffer.Data,
                 GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list_->IdxBuffer.Size) * sizeof(ImDrawIdx),
                 list_->IdxBuffer.Data, GL_STATIC_DRAW);
    index_count_ = list_->IdxBuffer.Size;
}

void MapLayer::Draw(ImDrawList* draw, const render::PreparedScene& prepared, int scene_generation,
                    const render::Viewport& view, const render::KioskRect& clip, ImFont* font,
                    const render::PaintOptions& options) {
    if (Stale(scene_generation, view)) {
        generation_ = scene_generation;
        Paint(prepared, view, font, options);
        Upload();
    }
    // The painted area's centre is the anchor; on the screen the anchor is where the view
    // projects it.
    const render::Pixel at = view.project(anchor_);
    offset_ = ImVec2(clip.x + static_cast<float>(at.x) - painted_w_ / 2, clip.y + static_cast<float>(at.y) - painted_h_ / 2);
    clip_ = clip;
    draw->AddCallback(&MapLayer::Render, this);
    draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

void MapLayer::Render(const ImDrawList*, const ImDrawCmd* cmd) {
    const auto* self = static_cast<const MapLayer*>(cmd->UserCallbackData);
    if (!self->program_ || self->index_count_ == 0) return;
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 scale = io.DisplayFramebufferScale;
    const float fb_h = io.DisplaySize.y * scale.y;
    const render::KioskRect& c = self->clip_;
    glEnable(GL_SCISSOR_TEST);
    glScissor(static_cast<GLint>(c.x * scale.x), static_cast<GLint>(fb_h - c.bottom() * scale.y),
              static_cast<GLsizei>(c.w * scale.x), static_cast<GLsizei>(c.h * scale.y));
    glUseProgram(self->program_);
    glUniform2f(self->proj_at_, io.DisplaySize.x, io.DisplaySize.y);
    glUniform2f(self->offset_at_, self->offset_.x, self->offset_.y);
    glUniform1i(self->texture_at_, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(io.Fonts->TexID)));
    glBindVertexArray(self->vao_);
    glDrawElements(GL_TRIANGLES, self->index_count_, sizeof(ImDrawIdx) == 4 ? GL_UNSIGNED_INT : GL_UNSIGNED_SHORT, nullptr);
    glBindVertexArray(0);
}

}  // namespace beitai::kiosk
