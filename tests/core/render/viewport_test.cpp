// core/render/viewport: the map on a canvas and the moves a hand makes on it. Expected
// pixels come from the slippy-map formula written out here (x = (lon + 180)/360 · 256·2^z,
// y = (1 − ln(tan φ + sec φ)/π)/2 · 256·2^z), not from geo's projection, so a wrong scale
// or a flipped axis fails.
#include <doctest/doctest.h>

#include <cmath>

#include "render/viewport.h"

using namespace beitai;
using render::Pixel;
using render::Viewport;

namespace {

constexpr double kPi = 3.14159265358979323846;

Pixel world_pixel(geo::LatLon p, double zoom) {
    const double size = 256 * std::exp2(zoom), phi = p.lat * kPi / 180;
    return {(p.lon + 180) / 360 * size, (1 - std::log(std::tan(phi) + 1 / std::cos(phi)) / kPi) / 2 * size};
}

const geo::LatLon kTaipei{25.0375, 121.5637};
const geo::LatLon kKeelung{25.1316, 121.7445};
const geo::LatLon kMiaoli{24.5602, 120.8214};

void check_pixel(Pixel got, Pixel want, double within = 1e-6) {
    CHECK(std::fabs(got.x - want.x) <= within);
    CHECK(std::fabs(got.y - want.y) <= within);
}

void check_place(geo::LatLon got, geo::LatLon want) {
    CHECK(std::fabs(got.lat - want.lat) < 1e-9);
    CHECK(std::fabs(got.lon - want.lon) < 1e-9);
}

}  // namespace

TEST_CASE("a place lands where Leaflet's scale puts it, relative to the centre") {
    const Viewport v(kTaipei, 10.5, 1920, 1080);
    const Pixel centre = world_pixel(kTaipei, 10.5), keelung = world_pixel(kKeelung, 10.5);
    check_pixel(v.project(kTaipei), {960, 540});
    check_pixel(v.project(kKeelung), {960 + keelung.x - centre.x, 540 + keelung.y - centre.y}, 1e-6);
    // North is up: Keelung, north-east of Taipei, is right of and above it.
    CHECK(v.project(kKeelung).x > 960);
    CHECK(v.project(kKeelung).y < 540);
    // At zoom 0 the world is 256 px wide.
    const Viewport world({0, 0}, 0, 256, 256);
    CHECK(world.project(geo::LatLon{0, 180}).x - world.project(geo::LatLon{0, -180}).x == doctest::Approx(256));
    CHECK(v.metres_per_pixel() == doctest::Approx(2 * kPi * 6378137 / (256 * std::exp2(10.5))));
}

TEST_CASE("a pixel goes back to its place, and the visible box holds the corners") {
    const Viewport v(kTaipei, 9.25, 1080, 1920);
    for (Pixel p : {Pixel{0, 0}, Pixel{1080, 1920}, Pixel{12.5, 1700.25}}) {
        const Pixel back = v.project(v.unproject(p));
        CHECK(back.x == doctest::Approx(p.x));
        CHECK(back.y == doctest::Approx(p.y));
    }
    const geo::BBox box = v.visible_box();
    CHECK(box.contains(v.unproject({1, 1})));
    CHECK(box.contains(v.unproject({1079, 1919})));
    CHECK_FALSE(box.contains(v.unproject({-20, 500})));
    CHECK(box.north > kTaipei.lat);
    CHECK(box.south < kTaipei.lat);
}

TEST_CASE("a drag moves the map with the finger") {
    const Viewport v(kTaipei, 11, 1920, 1080);
    const Pixel before = v.project(kKeelung);
    const Viewport after = v.panned({-150, 40});
    check_pixel(after.project(kKeelung), {before.x - 150, before.y + 40}, 1e-6);
    CHECK(after.zoom() == 11);
}

TEST_CASE("zooming about a point keeps the place under it; the range holds") {
    const Viewport v(kTaipei, 10, 1920, 1080, {7, 12});
    const Pixel anchor{300, 800};
    const geo::LatLon under = v.unproject(anchor);
    const Viewport in = v.zoomed_about(anchor, 1.5);
    CHECK(in.zoom() == doctest::Approx(11.5));
    check_place(in.unproject(anchor), under);
    // Past the range's end: the zoom stops at 12 and the place still stays put.
    const Viewport far = in.zoomed_about(anchor, 3);
    CHECK(far.zoom() == 12);
    check_place(far.unproject(anchor), under);
    CHECK(v.zoomed_about(anchor, -10).zoom() == 7);
    // The buttons: a whole step about the centre, which does not move.
    CHECK(v.zoomed_in().zoom() == 11);
    CHECK(v.zoomed_out().zoom() == 9);
    check_place(v.zoomed_in().centre(), v.centre());
    CHECK(Viewport(kTaipei, 30, 100, 100, {7, 12}).zoom() == 12);
    CHECK(v.with_zoom_range({10.5, 14}).zoom() == 10.5);
}

TEST_CASE("a pinch scales with the fingers' spread and keeps the place under their midpoint") {
    const Viewport v(kTaipei, 10, 1920, 1080);
    const Pixel a0{800, 500}, b0{900, 500};
    const geo::LatLon under_a = v.unproject(a0), under_b = v.unproject(b0), under_mid = v.unproject({850, 500});
    // Spread to twice the distance while the hand drifts right and down.
    const Pixel a1{780, 560}, b1{980, 560};
    const Viewport after = v.pinched(a0, b0, a1, b1);
    CHECK(after.zoom() == doctest::Approx(11));
    check_place(after.unproject({880, 560}), under_mid);
    // Without a twist, each finger keeps its own place too.
    check_pixel(after.project(under_a), a1, 1e-6);
    check_pixel(after.project(under_b), b1, 1e-6);
    // Two fingers on one spot: no scale, only the drift.
    const Viewport same = v.pinched({10, 10}, {10, 10}, {30, 10}, {30, 10});
    CHECK(same.zoom() == 10);
    check_pixel(same.project(v.unproject({10, 10})), {30, 10}, 1e-6);
}

TEST_CASE("a fit shows the whole box inside the padding, as large as it can") {
    const geo::LatLon sw{24.5602, 120.8214}, ne{25.1316, 121.7445};
    const render::Padding pad{24, 30, 64, 30};
    const Viewport v = render::fit_box(sw, ne, 960, 720, pad);
    const Pixel a = v.project(sw), b = v.project(ne);
    CHECK(a.x >= 24 - 1e-6);
    CHECK(b.x <= 960 - 64 + 1e-6);
    CHECK(b.y >= 30 - 1e-6);
    CHECK(a.y <= 720 - 30 + 1e-6);
    // Tight on one axis (the wider one, here east–west), centred in what the padding leaves.
    CHECK(b.x - a.x == doctest::Approx(960 - 24 - 64));
    CHECK((a.x + b.x) / 2 == doctest::Approx(24 + (960 - 24 - 64) / 2.0));
    CHECK((a.y + b.y) / 2 == doctest::Approx(360));
    // The zoom that does it, from the formula.
    const double span = world_pixel(ne, 0).x - world_pixel(sw, 0).x;
    CHECK(v.zoom() == doctest::Approx(std::log2((960 - 24 - 64) / span)));

    // A box of one point: the range's largest zoom, the point in the middle.
    const Viewport one = render::fit_box(kMiaoli, kMiaoli, 400, 300, {}, {5, 16});
    CHECK(one.zoom() == 16);
    check_pixel(one.project(kMiaoli), {200, 150}, 1e-6);
    // A scene's fit box is what fit_scene fits.
    render::Scene scene;
    scene.fit_south_west = sw;
    scene.fit_north_east = ne;
    CHECK(render::fit_scene(scene, 960, 720, pad).zoom() == doctest::Approx(v.zoom()));
}

TEST_CASE("a rotated canvas keeps the centre and the zoom") {
    const Viewport v(kTaipei, 10, 1920, 1080);
    const Viewport r = v.resized(1080, 1920);
    CHECK(r.zoom() == 10);
    check_pixel(r.project(kTaipei), {540, 960}, 1e-6);
}
