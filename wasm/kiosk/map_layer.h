// The kiosk's map on the GPU: the Scene painted once per zoom into a vertex buffer of its
// own, then drawn each frame with an offset. Panning — most of what fingers do on a map —
// and a frame where nothing moves upload nothing; handing a 5,000-feature map's vertices to
// WebGL every frame cost 10–20 ms in Chromium, against a frame budget of 8.
//
// The area painted is three times the map's size each way around the centre it was painted
// for, so a pan of up to one map's width reuses it; farther, another zoom, other data or
// another language paint it again. Drawn through an ImGui draw callback, between the map's
// background and the buttons over it, with ImGui's own vertex format and font texture (the
// labels' glyphs).
#pragma once

#include <GLES3/gl3.h>
#include <imgui.h>

#include "render/kiosk_layout.h"
#include "render/scene_paint.h"
#include "scene_painter.h"

namespace beitai::kiosk {

class MapLayer {
public:
    MapLayer() = default;
    MapLayer(const MapLayer&) = delete;
    MapLayer& operator=(const MapLayer&) = delete;
    ~MapLayer();

    // Adds the map as `view` shows it to `draw`, clipped to `clip` (the map's rectangle on
    // the screen, whose top-left is `view`'s pixel 0,0). Paints again first when needed.
    void Draw(ImDrawList* draw, const render::PreparedScene& prepared, int scene_generation, const render::Viewport& view,
              const render::KioskRect& clip, ImFont* font, const render::PaintOptions& options);

    int repaints() const { return repaints_; }  // how often the buffer was painted (tests, the bench)

private:
    bool Stale(int scene_generation, const render::Viewport& view) const;
    void Paint(const render::PreparedScene& prepared, const render::Viewport& view, ImFont* font,
               const render::PaintOptions& options);
    void Upload();
    static void Render(const ImDrawList* parent, const ImDrawCmd* cmd);

    // What is painted.
    render::PaintList paint_;
    ScenePainter painter_;
    ImDrawList* list_ = nullptr;  // painted geometry; kept between paints for its capacity
    int generation_ = -1;
    geo::Projected anchor_{};  // the Web Mercator point at the painted area's centre
    double zoom_ = -1;
    float painted_w_ = 0, painted_h_ = 0;
    int repaints_ = 0;

    // On the GPU.
    GLuint program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0;
    GLint proj_at_ = -1, offset_at_ = -1, texture_at_ = -1;
    GLsizei index_count_ = 0;

    // This frame's placement, read by the callback at render time.
    ImVec2 offset_{};
    render::KioskRect clip_{};
};

}  // namespace beitai::kiosk
