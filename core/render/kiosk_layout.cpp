#include "render/kiosk_layout.h"

#include <algorithm>
#include <cmath>

namespace beitai::render {

namespace {

// Sizes at 1080 px on the short side.
constexpr float kReferenceShortSide = 1080;
constexpr float kBody = 28, kSmall = 24, kTitle = 48, kFigure = 72;
constexpr float kTouchMin = 48, kButton = 72, kMargin = 24, kGap = 24;
constexpr float kHeader = 112;
// The footer holds the QR code: a phone reads it from arm's length when its side is about
// 5 cm, 180–250 px on a lobby screen; portrait screens have the height to spare.
constexpr float kFooterLandscape = 208, kFooterPortrait = 280;
// The clock holds two short lines: the time and the data's age (資料更新於 12 分鐘前).
constexpr float kHomeButton = 160, kLangToggle = 160, kClock = 280, kPauseButton = 240;
constexpr float kDialogWidth = 960, kDialogHeight = 480;
// Floors for small screens, in pixels whatever the scale.
constexpr float kTouchFloor = 44, kTextFloor = 18;

// The top of something `h` tall centred vertically in `band`.
float centred(const KioskRect& band, float h) { return band.y + (band.h - h) / 2; }

// On whole pixels, for crisp edges. Edges are rounded, not sizes: rounding is monotonic, so
// rectangles that did not overlap still do not, and one inside another stays inside.
void snap(KioskRect& r) {
    const float x0 = std::round(r.x), y0 = std::round(r.y);
    const float x1 = std::round(r.x + r.w), y1 = std::round(r.y + r.h);
    r = {x0, y0, x1 - x0, y1 - y0};
}

}  // namespace

bool KioskRect::contains(const KioskRect& r) const {
    return r.x >= x && r.y >= y && r.right() <= right() && r.bottom() <= bottom();
}

bool KioskRect::overlaps(const KioskRect& r) const {
    return r.x < right() && x < r.right() && r.y < bottom() && y < r.bottom();
}

bool is_portrait(float width_px, float height_px, KioskOrientation orientation) {
    if (orientation == KioskOrientation::portrait) return true;
    if (orientation == KioskOrientation::landscape) return false;
    return height_px > width_px;
}

KioskGrid home_grid(int tiles, bool portrait) {
    if (tiles <= 0) return {};
    if (portrait) {
        const int columns = tiles <= 4 ? 1 : 2;
        return {columns, (tiles + columns - 1) / columns};
    }
    const int rows = tiles <= 3 ? 1 : 2;
    return {(tiles + rows - 1) / rows, rows};
}

KioskLayout kiosk_layout(float width_px, float height_px, KioskOrientation orientation, int tile_count) {
    KioskLayout l;
    const float W = std::max(width_px, 1.0f), H = std::max(height_px, 1.0f);
    l.width = W;
    l.height = H;
    l.portrait = is_portrait(W, H, orientation);
    const float s = std::min(W, H) / kReferenceShortSide;
    l.scale = s;
    // Minimums are rounded up to whole pixels: a snapped control never falls below them.
    l.body_px = std::ceil(std::max(kBody * s, kTextFloor));
    l.small_px = std::ceil(std::max(kSmall * s, kTextFloor));
    l.title_px = std::ceil(std::max(kTitle * s, kTextFloor));
    l.figure_px = std::ceil(std::max(kFigure * s, kTextFloor));
    l.touch_min_px = std::ceil(std::max(kTouchMin * s, kTouchFloor));
    l.button_px = std::ceil(std::max(kButton * s, l.touch_min_px));
    l.margin_px = kMargin * s;
    l.gap_px = kGap * s;
    const float m = l.margin_px;

    // The bands: never shorter than a button with a margin above and below, never together
    // more than half the canvas (a very flat canvas keeps room for content).
    const float band_min = l.button_px + m;  // half a margin above and below
    float header_h = std::max(kHeader * s, band_min);
    float footer_h = std::max((l.portrait ? kFooterPortrait : kFooterLandscape) * s, band_min);
    if (header_h + footer_h > H / 2) {
        const float k = (H / 2) / (header_h + footer_h);
        header_h *= k;
        footer_h *= k;
    }
    l.header = {0, 0, W, header_h};
    l.footer = {0, H - footer_h, W, footer_h};
    l.content = {m, header_h + m, std::max(W - 2 * m, 0.0f), std::max(H - header_h - footer_h - 2 * m, 0.0f)};

    // Header: Home button left, language toggle right, the clock left of it, the title between.
    const float button_h = std::min(l.button_px, header_h);
    l.home_button = {m, centred(l.header, button_h), std::ceil(std::max(kHomeButton * s, l.touch_min_px)), button_h};
    l.lang_toggle = {0, centred(l.header, button_h), std::ceil(std::max(kLangToggle * s, l.touch_min_px)), button_h};
    l.lang_toggle.x = W - m - l.lang_toggle.w;
    l.clock = {0, centred(l.header, button_h), kClock * s, button_h};
    l.clock.x = l.lang_toggle.x - m - l.clock.w;
    l.title = {l.home_button.right() + m, l.header.y, 0, header_h};
    l.title.w = std::max(l.clock.x - m - l.title.x, 0.0f);

    // Footer: pause button left, the QR code right (a square as tall as the band allows),
    // its caption between.
    const float footer_button_h = std::min(l.button_px, footer_h);
    l.pause_button = {m, centred(l.footer, footer_button_h), std::ceil(std::max(kPauseButton * s, l.touch_min_px)),
                      footer_button_h};
    const float qr_side = std::floor(std::max(footer_h - 2 * m, 0.0f));  // whole pixels: it stays square
    l.qr = {std::round(W - m) - qr_side, std::round(centred(l.footer, qr_side)), qr_side, qr_side};
    l.qr_caption = {l.pause_button.right() + m, l.footer.y, 0, footer_h};
    l.qr_caption.w = std::max(l.qr.x - m - l.qr_caption.x, 0.0f);

    const float dw = std::min(kDialogWidth * s, W - 2 * m), dh = std::min(kDialogHeight * s, H - 2 * m);
    l.dialog = {(W - dw) / 2, (H - dh) / 2, std::max(dw, 0.0f), std::max(dh, 0.0f)};

    // The Home grid fills the content; a short last row shares its width among fewer tiles.
    const KioskGrid grid = home_grid(tile_count, l.portrait);
    l.columns = grid.columns;
    l.rows = grid.rows;
    if (tile_count > 0) {
        const float g = l.gap_px;
        const float tile_h = std::max((l.content.h - g * (grid.rows - 1)) / grid.rows, 0.0f);
        for (int row = 0; row < grid.rows; ++row) {
            const int in_row = std::min(grid.columns, tile_count - row * grid.columns);
            const float tile_w = std::max((l.content.w - g * (in_row - 1)) / in_row, 0.0f);
            for (int col = 0; col < in_row; ++col)
                l.tiles.push_back({l.content.x + col * (tile_w + g), l.content.y + row * (tile_h + g), tile_w, tile_h});
        }
    }
    for (KioskRect* r : {&l.header, &l.home_button, &l.title, &l.clock, &l.lang_toggle, &l.content, &l.footer,
                         &l.pause_button, &l.qr_caption, &l.qr, &l.dialog})
        snap(*r);
    for (KioskRect& r : l.tiles) snap(r);
    return l;
}

}  // namespace beitai::render
