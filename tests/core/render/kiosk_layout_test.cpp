// The kiosk's layout at the screens lobbies have: landscape and portrait at 1080p and 4K,
// and a small 1280×800. Every rectangle inside the canvas, nothing overlapping, targets big
// enough for a finger, text big enough to read, and the Home tiles filling the screen.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "render/kiosk_layout.h"

using namespace beitai;
using render::KioskLayout;
using render::KioskOrientation;
using render::KioskRect;

namespace {

struct Screen {
    float w, h;
};

const Screen kScreens[] = {{1920, 1080}, {1080, 1920}, {3840, 2160}, {2160, 3840}, {1280, 800}, {800, 1280}};

float tiles_area(const KioskLayout& l) {
    float a = 0;
    for (const auto& t : l.tiles) a += t.area();
    return a;
}

// Every tile, band and control of a layout, named for the messages.
std::vector<std::pair<std::string, KioskRect>> named_rects(const KioskLayout& l) {
    std::vector<std::pair<std::string, KioskRect>> out = {
        {"header", l.header},     {"home_button", l.home_button}, {"title", l.title},
        {"clock", l.clock},       {"lang_toggle", l.lang_toggle}, {"content", l.content},
        {"footer", l.footer},     {"pause_button", l.pause_button}, {"qr_caption", l.qr_caption},
        {"qr", l.qr},             {"dialog", l.dialog}};
    for (size_t i = 0; i < l.tiles.size(); ++i) out.emplace_back("tile " + std::to_string(i), l.tiles[i]);
    return out;
}

}  // namespace

TEST_CASE("kiosk layout: scale, text and touch targets at every screen size") {
    for (const auto& s : kScreens) {
        const KioskLayout l = render::kiosk_layout(s.w, s.h, KioskOrientation::automatic, 4);
        CAPTURE(s.w);
        CAPTURE(s.h);
        const float scale = std::min(s.w, s.h) / 1080;
        CHECK(l.scale == doctest::Approx(scale));
        // At least 24 px body text and 48 px targets at 1080p, scaled; floored on small screens.
        CHECK(l.body_px >= 24 * scale);
        CHECK(l.small_px >= 24 * scale);
        CHECK(l.body_px >= 18);
        CHECK(l.title_px > l.body_px);
        CHECK(l.figure_px > l.title_px);
        CHECK(l.touch_min_px >= 48 * scale);
        CHECK(l.touch_min_px >= 44);
        // Everything a finger presses is at least that big both ways.
        for (const auto& named : std::vector<std::pair<std::string, KioskRect>>{
                 {"home_button", l.home_button}, {"lang_toggle", l.lang_toggle}, {"pause_button", l.pause_button}}) {
            // Not a structured binding: CAPTURE's lambda cannot capture one in C++17 (clang).
            const std::string& name = named.first;
            const KioskRect& r = named.second;
            CAPTURE(name);
            CHECK(r.w >= l.touch_min_px);
            CHECK(r.h >= l.touch_min_px);
        }
        for (const auto& t : l.tiles) {
            CHECK(t.w >= 4 * l.touch_min_px);
            CHECK(t.h >= 2 * l.touch_min_px);
        }
        // The QR code is square and big enough for a phone at arm's length (≥ 100 px at any size).
        CHECK(l.qr.w == l.qr.h);
        CHECK(l.qr.w >= 100);
    }
    // 1080p exactly: the house's sizes.
    const auto hd = render::kiosk_layout(1920, 1080, KioskOrientation::automatic, 4);
    CHECK(hd.body_px == 28);
    CHECK(hd.touch_min_px == 48);
    const auto uhd = render::kiosk_layout(3840, 2160, KioskOrientation::automatic, 4);
    CHECK(uhd.body_px == 56);
    CHECK(uhd.touch_min_px == 96);
    const auto small = render::kiosk_layout(1280, 800, KioskOrientation::automatic, 4);
    CHECK(small.touch_min_px == 44);  // 48 × 0.74 = 35.6 would be too small for a finger
}

TEST_CASE("kiosk layout: inside the canvas, nothing overlapping, tiles clear of the bands") {
    for (const auto& s : kScreens) {
        for (int tiles : {1, 3, 4, 5, 6}) {
            const KioskLayout l = render::kiosk_layout(s.w, s.h, KioskOrientation::automatic, tiles);
            CAPTURE(s.w);
            CAPTURE(s.h);
            CAPTURE(tiles);
            REQUIRE(l.tiles.size() == static_cast<size_t>(tiles));
            const KioskRect canvas{0, 0, s.w, s.h};
            for (const auto& named : named_rects(l)) {
                const std::string& name = named.first;
                const KioskRect& r = named.second;
                CAPTURE(name);
                CHECK(canvas.contains(r));
                CHECK(r.w > 0);
                CHECK(r.h > 0);
            }
            CHECK_FALSE(l.header.overlaps(l.content));
            CHECK_FALSE(l.footer.overlaps(l.content));
            CHECK_FALSE(l.header.overlaps(l.footer));
            for (size_t i = 0; i < l.tiles.size(); ++i) {
                CAPTURE(i);
                CHECK(l.content.contains(l.tiles[i]));
                CHECK_FALSE(l.tiles[i].overlaps(l.header));
                CHECK_FALSE(l.tiles[i].overlaps(l.footer));
                for (size_t j = i + 1; j < l.tiles.size(); ++j) CHECK_FALSE(l.tiles[i].overlaps(l.tiles[j]));
            }
            // The header's controls side by side inside it, the footer's inside the footer.
            for (const auto& r : {l.home_button, l.title, l.clock, l.lang_toggle}) CHECK(l.header.contains(r));
            for (const auto& r : {l.pause_button, l.qr_caption, l.qr}) CHECK(l.footer.contains(r));
            CHECK_FALSE(l.home_button.overlaps(l.title));
            CHECK_FALSE(l.title.overlaps(l.clock));
            CHECK_FALSE(l.clock.overlaps(l.lang_toggle));
            CHECK_FALSE(l.pause_button.overlaps(l.qr_caption));
            CHECK_FALSE(l.qr_caption.overlaps(l.qr));
        }
    }
}

TEST_CASE("kiosk layout: the Home tiles fill the screen in both orientations") {
    for (const auto& s : kScreens) {
        for (int tiles : {4, 6}) {
            const KioskLayout l = render::kiosk_layout(s.w, s.h, KioskOrientation::automatic, tiles);
            CAPTURE(s.w);
            CAPTURE(s.h);
            CAPTURE(tiles);
            // Most of the content area is tiles (the rest is gaps)…
            CHECK(tiles_area(l) / l.content.area() >= 0.85f);
            // …and most of what lies below the header, footer included: portrait must not
            // leave two thirds of the screen empty, as /kiosk's first version did.
            const float below_header = s.w * (s.h - l.header.bottom());
            CHECK(tiles_area(l) / below_header >= 0.6f);
        }
    }
}

TEST_CASE("kiosk layout: grid shapes by orientation") {
    using render::home_grid;
    // Landscape: at most two rows of big tiles.
    CHECK(home_grid(4, false).columns == 2);
    CHECK(home_grid(4, false).rows == 2);
    CHECK(home_grid(6, false).columns == 3);
    CHECK(home_grid(6, false).rows == 2);
    CHECK(home_grid(5, false).columns == 3);
    CHECK(home_grid(3, false).rows == 1);
    // Portrait: one column of wide tiles up to four, then two.
    CHECK(home_grid(4, true).columns == 1);
    CHECK(home_grid(4, true).rows == 4);
    CHECK(home_grid(6, true).columns == 2);
    CHECK(home_grid(6, true).rows == 3);
    CHECK(home_grid(0, true).rows == 0);

    const auto landscape = render::kiosk_layout(1920, 1080, KioskOrientation::automatic, 6);
    CHECK_FALSE(landscape.portrait);
    CHECK(landscape.columns == 3);
    CHECK(landscape.rows == 2);
    // Row by row: the first three share a top, left to right.
    CHECK(landscape.tiles[0].y == landscape.tiles[2].y);
    CHECK(landscape.tiles[0].x < landscape.tiles[1].x);
    CHECK(landscape.tiles[3].y > landscape.tiles[0].y);
    const auto portrait = render::kiosk_layout(1080, 1920, KioskOrientation::automatic, 4);
    CHECK(portrait.portrait);
    CHECK(portrait.columns == 1);
    CHECK(portrait.tiles[0].w == doctest::Approx(portrait.content.w));
    CHECK(portrait.tiles[3].bottom() == doctest::Approx(portrait.content.bottom()));
    // Portrait's footer is taller: a bigger QR code where there is height to spare.
    CHECK(portrait.qr.w > landscape.qr.w);

    // A short last row shares out its width: five tiles in 3 + 2, the two wider.
    const auto five = render::kiosk_layout(1920, 1080, KioskOrientation::automatic, 5);
    CHECK(five.tiles[3].w > five.tiles[0].w);
    CHECK(five.tiles[4].right() == doctest::Approx(five.content.right()));

    // Forced orientation wins over the aspect; a square canvas is landscape.
    CHECK(render::kiosk_layout(1920, 1080, KioskOrientation::portrait, 4).portrait);
    CHECK_FALSE(render::kiosk_layout(1080, 1920, KioskOrientation::landscape, 4).portrait);
    CHECK_FALSE(render::is_portrait(1000, 1000, KioskOrientation::automatic));
}

TEST_CASE("kiosk layout: a degenerate canvas gives sizes, never negative ones") {
    for (const auto& s : std::vector<Screen>{{0, 0}, {-5, 300}, {300, 20}, {20, 300}}) {
        const KioskLayout l = render::kiosk_layout(s.w, s.h, KioskOrientation::automatic, 4);
        for (const auto& named : named_rects(l)) {
            const std::string& name = named.first;
            const KioskRect& r = named.second;
            CAPTURE(name);
            CHECK(r.w >= 0);
            CHECK(r.h >= 0);
        }
    }
    CHECK(render::kiosk_layout(1920, 1080, KioskOrientation::automatic, 0).tiles.empty());
    CHECK(render::kiosk_layout(1920, 1080, KioskOrientation::automatic, -1).tiles.empty());
}
