#include "kiosk_ui.h"

#include "kiosk_font.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace beitai::kiosk {

ImVec2 ToImVec2(float x, float y) { return ImVec2(x, y); }

void TapTargets::add(std::string_view label, const render::KioskRect& rect) {
    if (count == kCapacity) return;
    TapTarget& t = items[count++];
    // Cut at a character boundary: a UTF-8 sequence is never split.
    std::size_t n = std::min(label.size(), sizeof t.label - 1);
    while (n > 0 && n < label.size() && (static_cast<unsigned char>(label[n]) & 0xC0) == 0x80) --n;
    std::memcpy(t.label, label.data(), n);
    t.label[n] = '\0';
    t.rect = rect;
}

bool KioskUi::Area(const char* id, const render::KioskRect& r, bool* pressed, std::string_view label) {
    if (targets_) targets_->add(label.empty() ? std::string_view(id) : label, r);
    ImGui::SetCursorScreenPos(TopLeft(r));
    const bool tapped = ImGui::InvisibleButton(id, ImVec2(std::max(r.w, 1.0f), std::max(r.h, 1.0f)));
    if (pressed) *pressed = presses_enabled_ && ImGui::IsItemActive();
    return tapped && presses_enabled_;
}

bool KioskUi::Button(const char* id, const render::KioskRect& r, std::string_view label, bool selected) {
    bool held = false;
    const bool tapped = Area(id, r, &held, label);
    ButtonFace(r, label, selected, held);
    return tapped;
}

void KioskUi::ButtonFace(const render::KioskRect& r, std::string_view label, bool selected, bool held) const {
    ImDrawList* d = draw();
    const float rounding = 12 * layout_.scale;
    d->AddRectFilled(TopLeft(r), BottomRight(r), selected ? palette::selected : held ? palette::tile_pressed : palette::tile,
                     rounding);
    const float size = LineSize(layout_.body_px);
    const float pad = layout_.margin_px / 2;
    const float wrap = std::max(r.w - 2 * pad, 1.0f);
    const ImVec2 text_size = fonts_.text->CalcTextSizeA(size, FLT_MAX, wrap, label.data(), label.data() + label.size());
    const ImVec2 at(r.x + std::max((r.w - text_size.x) / 2, pad), r.y + std::max((r.h - text_size.y) / 2, 0.0f));
    d->AddText(fonts_.text, size, at, selected ? palette::dark_text : palette::text, label.data(), label.data() + label.size(),
               wrap);
}

float KioskUi::Text(ImVec2 at, std::string_view s, float size, ImU32 colour, float wrap_w, ImFont* font) const {
    ImFont* f = font ? font : fonts_.text;
    draw()->AddText(f, LineSize(size), at, colour, s.data(), s.data() + s.size(), wrap_w);
    return TextHeight(s, size, wrap_w, f);
}

float KioskUi::TextHeight(std::string_view s, float size, float wrap_w, ImFont* font) const {
    ImFont* f = font ? font : fonts_.text;
    return f->CalcTextSizeA(LineSize(size), FLT_MAX, wrap_w, s.data(), s.data() + s.size()).y;
}

float KioskUi::TextWidth(std::string_view s, float size, ImFont* font) const {
    ImFont* f = font ? font : fonts_.text;
    return f->CalcTextSizeA(LineSize(size), FLT_MAX, 0, s.data(), s.data() + s.size()).x;
}

float KioskUi::Title(ImVec2 at, std::string_view s, ImU32 colour, float wrap_w) const {
    return Text(at, s, layout_.title_px, colour, wrap_w, fonts_.title);
}

void KioskUi::SampleBadge(ImVec2 at) const {
    const char* label = say("示範資料", "示範資料 sample data");
    const float size = LineSize(layout_.small_px);
    const ImVec2 ts = fonts_.text->CalcTextSizeA(size, FLT_MAX, 0, label);
    const float pad = 8 * layout_.scale;
    draw()->AddRectFilled(at, ImVec2(at.x + ts.x + 2 * pad, at.y + ts.y + pad), palette::sample_badge, 6 * layout_.scale);
    draw()->AddText(fonts_.text, size, ImVec2(at.x + pad, at.y + pad / 2), palette::dark_text, label);
}

void TouchScroll::Update(const render::KioskRect& area, float& scroll_px, float max_scroll_px, bool presses_enabled) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool hovered = ImGui::IsMouseHoveringRect(TopLeft(area), BottomRight(area), false);
    if (ImGui::IsMouseClicked(0)) {
        // The press's own frame: the pointer jumped here from the last touch's place, a
        // jump that is no drag.
        velocity_ = 0;
        dragged_ = false;
        travelled_ = 0;
    } else if (presses_enabled && io.MouseDown[0] && hovered) {
        travelled_ += std::fabs(io.MouseDelta.y);
        if (travelled_ > 12) dragged_ = true;  // a finger wobbles a few pixels on a tap
        if (dragged_) {
            scroll_px -= io.MouseDelta.y;
            velocity_ = -io.MouseDelta.y;
        }
    } else if (std::fabs(velocity_) > 0.5f) {
        scroll_px += velocity_;
        velocity_ *= 0.92f;  // friction: a flick runs on for about a second
    } else {
        velocity_ = 0;
    }
    if (io.MouseWheel != 0 && hovered) scroll_px -= io.MouseWheel * 80;
    scroll_px = std::clamp(scroll_px, 0.0f, std::max(max_scroll_px, 0.0f));
}

}  // namespace beitai::kiosk
