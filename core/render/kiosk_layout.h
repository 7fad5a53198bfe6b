// Where everything goes on the kiosk's canvas, worked out from its size in pixels, so that
// landscape 1920×1080, portrait 1080×1920, 4K and a small 1280×800 all fill the screen with
// big touch targets. The ImGui screens place their windows and widgets in these rectangles
// and size their fonts from it; nothing here draws.
//
//   ┌ header: [Home]  title ……………………………… clock/data age  [English] ┐
//   │ content: the Home tiles in a grid, or a screen's own body       │
//   └ footer: [Pause]  "continue on your phone" caption        [QR]   ┘
//
// Sizes are given for 1080 px on the short side and scaled with it; the smallest are
// floored (a touch target never under 44 px, WCAG 2.5.5; text never under 18 px) for
// small screens.
#pragma once

#include <vector>

#include "render/kiosk_config.h"

namespace beitai::render {

struct KioskRect {
    float x = 0, y = 0, w = 0, h = 0;

    float right() const { return x + w; }
    float bottom() const { return y + h; }
    float area() const { return w * h; }
    bool contains(const KioskRect& r) const;  // r lies inside (edges may touch)
    bool overlaps(const KioskRect& r) const;  // they share area (touching edges do not)
};

struct KioskLayout {
    float width = 0, height = 0;
    bool portrait = false;
    float scale = 1;         // 1.0 at 1080 px on the short side
    float body_px = 28;      // running text (≥ 24 at 1080p)
    float small_px = 24;     // captions, the staff line (still ≥ 24 at 1080p)
    float title_px = 48;     // a screen's title, a tile's title
    float figure_px = 72;    // a tile's live figure
    float touch_min_px = 48; // the smallest side of anything a finger presses
    float button_px = 72;    // the height of the header's and footer's buttons
    float margin_px = 24;    // from the canvas's edges to the content
    float gap_px = 24;       // between tiles

    KioskRect header;       // the full-width band on top
    KioskRect home_button;  // in the header, left (hidden on Home itself)
    KioskRect title;
    KioskRect clock;        // the time and the data's age
    KioskRect lang_toggle;  // 中文 / English, right
    KioskRect content;      // between the bands, inside the margins
    KioskRect footer;       // the full-width band at the bottom: the hand-off
    KioskRect pause_button; // the attract loop's pause (WCAG 2.2.2), left
    KioskRect qr_caption;   // "scan to continue on your phone"
    KioskRect qr;           // the QR code, a square, right
    KioskRect dialog;       // the "still there?" warning, centred over everything

    int columns = 0, rows = 0;    // the Home grid
    std::vector<KioskRect> tiles; // one per subject, row by row; a short last row is shared out wider
};

// The orientation a canvas is laid out in: as set, or (auto) portrait when taller than wide.
bool is_portrait(float width_px, float height_px, KioskOrientation orientation);

// The Home grid for `tiles` subjects: landscape in at most 2 rows (4 → 2×2, 5–6 → 3×2),
// portrait in 1 column up to 4 tiles, then 2 (6 → 2×3). {columns, rows}.
struct KioskGrid {
    int columns = 0, rows = 0;
};
KioskGrid home_grid(int tiles, bool portrait);

// The layout of a canvas (sizes below 1 px count as 1) with `tile_count` Home tiles.
KioskLayout kiosk_layout(float width_px, float height_px, KioskOrientation orientation, int tile_count);

}  // namespace beitai::render
