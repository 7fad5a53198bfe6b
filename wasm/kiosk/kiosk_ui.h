// What every kiosk screen draws with: the fonts, the colours, and a few touch-sized widgets
// placed in the layout's rectangles (render/kiosk_layout.h). Everything is drawn through
// ImGui's draw lists at an explicit pixel size, so text is as large as the layout says at
// any canvas size, and every button is an InvisibleButton of the full rectangle a finger
// may hit.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

#include "render/colour.h"
#include "render/kiosk_layout.h"
#include "text/lang.h"

namespace beitai::kiosk {

struct KioskFonts {
    ImFont* text = nullptr;    // every character of the subset, at the body size
    ImFont* title = nullptr;   // at the title size: the kiosk's words and the content's titles and names
    ImFont* figure = nullptr;  // digits and the figures' words, at the figure size
};

// Colours: light text on a deep teal, every pair at least 4.5:1 (the kiosk test measures
// them on the screenshots).
namespace palette {
constexpr ImU32 background = IM_COL32(11, 61, 79, 255);
constexpr ImU32 band = IM_COL32(6, 40, 52, 255);         // header and footer
constexpr ImU32 tile = IM_COL32(19, 107, 121, 255);
constexpr ImU32 tile_pressed = IM_COL32(13, 84, 96, 255);
constexpr ImU32 selected = IM_COL32(238, 153, 46, 255);  // amber, with dark text
constexpr ImU32 text = IM_COL32(255, 255, 255, 255);
constexpr ImU32 muted_text = IM_COL32(214, 232, 236, 255);
constexpr ImU32 dark_text = IM_COL32(20, 20, 20, 255);
constexpr ImU32 panel = IM_COL32(245, 247, 248, 255);    // cards: dark text on near white
constexpr ImU32 warning = IM_COL32(255, 214, 102, 255);  // stale data, sample data (on dark)
constexpr ImU32 sample_badge = IM_COL32(255, 214, 102, 255);
constexpr ImU32 scrim = IM_COL32(0, 0, 0, 170);
}  // namespace palette

ImVec2 ToImVec2(float x, float y);
inline ImVec2 TopLeft(const render::KioskRect& r) { return ImVec2(r.x, r.y); }
inline ImVec2 BottomRight(const render::KioskRect& r) { return ImVec2(r.right(), r.bottom()); }

// What could be tapped in the last frame and where, by its label: a test (or a screen
// reader's description of the canvas) finds "the button that says 列管" as a person does,
// without knowing the layout's arithmetic. Fixed storage: logging allocates nothing.
struct TapTarget {
    char label[96] = {};
    render::KioskRect rect;
};
struct TapTargets {
    static constexpr int kCapacity = 256;
    TapTarget items[kCapacity];
    int count = 0;

    void clear() { count = 0; }
    void add(std::string_view label, const render::KioskRect& rect);
};

// One frame's drawing context for the screens.
class KioskUi {
public:
    KioskUi(const render::KioskLayout& layout, const KioskFonts& fonts, text::Lang lang, bool presses_enabled,
            TapTargets* targets = nullptr)
        : layout_(layout), fonts_(fonts), lang_(lang), presses_enabled_(presses_enabled), targets_(targets) {}

    const render::KioskLayout& layout() const { return layout_; }
    const KioskFonts& fonts() const { return fonts_; }
    text::Lang lang() const { return lang_; }
    // The one of two texts in the visit's language.
    const char* say(const char* zh, const char* en) const { return text::say(lang_, zh, en); }
    std::string tr(std::string_view key) const { return std::string(text::tr(key, lang_)); }

    // A tile-like button over all of `r`, its label centred (wrapped to its width); true
    // when a tap ended on it. `selected` draws it amber (a toggle that is on).
    bool Button(const char* id, const render::KioskRect& r, std::string_view label, bool selected = false);
    // A button's face alone, for a button whose Area() was submitted earlier (one that lies
    // over another target and must take its taps first).
    void ButtonFace(const render::KioskRect& r, std::string_view label, bool selected, bool held) const;
    // The same, empty: the caller draws on it. True when tapped; `pressed` tells it is held.
    // `label` names it among the tap targets.
    bool Area(const char* id, const render::KioskRect& r, bool* pressed = nullptr, std::string_view label = {});

    // Text at `size` px from `at`, wrapped at `wrap_w` (0: no wrap); returns its height.
    // (Views, not strings: a frame that only redraws must not allocate.)
    float Text(ImVec2 at, std::string_view s, float size, ImU32 colour, float wrap_w = 0, ImFont* font = nullptr) const;
    float TextHeight(std::string_view s, float size, float wrap_w = 0, ImFont* font = nullptr) const;
    float TextWidth(std::string_view s, float size, ImFont* font = nullptr) const;
    // A heading in the title font.
    float Title(ImVec2 at, std::string_view s, ImU32 colour = palette::text, float wrap_w = 0) const;
    // The 示範資料 label: drawn on every screen that shows sample data.
    void SampleBadge(ImVec2 at) const;

    ImDrawList* draw() const { return ImGui::GetWindowDrawList(); }
    bool presses_enabled() const { return presses_enabled_; }

private:
    const render::KioskLayout& layout_;
    const KioskFonts& fonts_;
    text::Lang lang_;
    bool presses_enabled_;
    TapTargets* targets_;
};

// Vertical drag-to-scroll with inertia for a list drawn by hand in `area`: touch screens
// have no wheel and no scrollbar a finger can hold. Call Update() once a frame before
// drawing the list; it reads and writes the scroll offset the visit keeps.
class TouchScroll {
public:
    void Update(const render::KioskRect& area, float& scroll_px, float max_scroll_px, bool presses_enabled);
    // A press that moved less than this is a tap, not a scroll.
    bool dragged() const { return dragged_; }
    // The height of what was drawn last frame, for a screen that learns it while drawing.
    float content_h = 0;

private:
    float velocity_ = 0;  // px per frame, after the finger left
    bool dragged_ = false;
    float travelled_ = 0;
};

}  // namespace beitai::kiosk
