// core/geo/geometry: distances, boxes, Web Mercator, simplification, projection onto a
// segment and point in polygon. Reference values were computed independently with
// Python's math module (haversine on R = 6371008.8 m; EPSG:3857 with R = 6378137 m).
#include <doctest/doctest.h>

#include <cmath>

#include "geo/geometry.h"

using namespace beitai::geo;

namespace {
constexpr double kPi = 3.14159265358979323846;
const LatLon kTaipei101{25.0340, 121.5645};
const LatLon kTaipeiMain{25.0478, 121.5170};
}  // namespace

TEST_CASE("haversine distances match independently computed values") {
    // Python: 2*R*asin(sqrt(hav)) with R = 6371008.8 gives 5025.32 m from Taipei 101 to
    // Taipei Main Station (the straight line; the MRT ride is longer).
    CHECK(std::fabs(distance_m(kTaipei101, kTaipeiMain) - 5025.32) < 0.05);
    CHECK(distance_m(kTaipei101, kTaipeiMain) == distance_m(kTaipeiMain, kTaipei101));
    CHECK(distance_m(kTaipei101, kTaipei101) == 0);

    // London (51.5074, -0.1278) to Paris (48.8566, 2.3522): Python gives 343556.53 m.
    CHECK(std::fabs(distance_m({51.5074, -0.1278}, {48.8566, 2.3522}) - 343556.53) < 0.05);

    // One degree of latitude is R·π/180 = 111195.08 m wherever it is measured.
    CHECK(std::fabs(distance_m({0, 0}, {1, 0}) - 111195.08) < 0.01);
    CHECK(std::fabs(distance_m({25, 121}, {26, 121}) - 111195.08) < 0.01);
    // One degree of longitude shrinks with cos(latitude).
    CHECK(std::fabs(distance_m({60, 10}, {60, 11}) - 111195.08 * std::cos(60 * kPi / 180)) < 5);

    // Antipodes: half the circumference, no NaN from rounding.
    CHECK(std::fabs(distance_m({0, 0}, {0, 180}) - kPi * kEarthRadiusMetres) < 1e-3);
}

TEST_CASE("a polyline's length is the sum of its segments") {
    const Polyline line{kTaipei101, kTaipeiMain, {25.0600, 121.5200}, {25.0600, 121.5300}};
    const double parts = distance_m(line[0], line[1]) + distance_m(line[1], line[2]) + distance_m(line[2], line[3]);
    CHECK(std::fabs(length_m(line) - parts) < 1e-6);
    CHECK(length_m(line) > distance_m(line[0], line[3]));
    CHECK(length_m({}) == 0);
    CHECK(length_m({kTaipei101}) == 0);
}

TEST_CASE("bounding boxes extend, contain, intersect and pad") {
    BBox box;
    CHECK(box.empty());
    CHECK_FALSE(box.contains({0, 0}));
    box.extend(kTaipei101);
    CHECK_FALSE(box.empty());
    CHECK(box.contains(kTaipei101));
    box.extend(kTaipeiMain);
    CHECK(box.south == 25.0340);
    CHECK(box.north == 25.0478);
    CHECK(box.west == 121.5170);
    CHECK(box.east == 121.5645);
    CHECK(box.contains({25.04, 121.54}));
    CHECK_FALSE(box.contains({25.05, 121.54}));
    CHECK_FALSE(box.contains({25.04, 121.57}));

    const BBox same = bbox_of({kTaipei101, kTaipeiMain});
    CHECK(same.south == box.south);
    CHECK(same.north == box.north);
    CHECK(same.west == box.west);
    CHECK(same.east == box.east);
    CHECK(bbox_of({}).empty());

    BBox other = bbox_of({{25.0478, 121.5645}, {25.1, 121.6}});  // touches at a corner
    CHECK(box.intersects(other));
    CHECK(other.intersects(box));
    BBox apart = bbox_of({{25.1, 121.6}, {25.2, 121.7}});
    CHECK_FALSE(box.intersects(apart));
    CHECK_FALSE(box.intersects(BBox{}));
    CHECK_FALSE(BBox{}.intersects(box));

    BBox merged = box;
    merged.extend(apart);
    CHECK(merged.contains({25.15, 121.65}));
    merged.extend(BBox{});  // extending by an empty box changes nothing
    CHECK(merged.north == 25.2);

    SUBCASE("padding converts metres to degrees at the box's latitude") {
        const BBox point_box = bbox_of({kTaipei101});
        const BBox p = point_box.padded(1000);
        // North and south: 1000 m of meridian.
        CHECK(std::fabs(distance_m(kTaipei101, {p.north, kTaipei101.lon}) - 1000) < 0.01);
        CHECK(std::fabs(distance_m(kTaipei101, {p.south, kTaipei101.lon}) - 1000) < 0.01);
        // East and west: at least 1000 m along the parallel, and not much more.
        const double east = distance_m(kTaipei101, {kTaipei101.lat, p.east});
        const double west = distance_m(kTaipei101, {kTaipei101.lat, p.west});
        CHECK(east >= 1000);
        CHECK(east < 1001);
        CHECK(west >= 1000);
        CHECK(west < 1001);
        CHECK(p.contains({kTaipei101.lat + 0.008, kTaipei101.lon + 0.0095}));
        CHECK(BBox{}.padded(1000).empty());
    }

    SUBCASE("padding stops at the poles and the antimeridian") {
        const BBox arctic = bbox_of({{89.99, 10}, {89.995, 20}});
        const BBox p = arctic.padded(5000);
        CHECK(p.north == 90);
        CHECK(p.west == -180);
        CHECK(p.east == 180);
        const BBox edge = bbox_of({{0, 179.999}}).padded(1000);
        CHECK(edge.east == 180);
        CHECK(edge.west < 179.999);
    }
}

TEST_CASE("Web Mercator matches EPSG:3857 and round-trips") {
    // x = R·λ: lon 180 is half the equator of a 6378137 m sphere.
    CHECK(std::fabs(to_web_mercator({0, 180}).x - 20037508.342789) < 1e-5);
    CHECK(std::fabs(to_web_mercator({0, -180}).x + 20037508.342789) < 1e-5);
    CHECK(std::fabs(to_web_mercator({0, 0}).y) < 1e-9);
    // Python: R·ln(tan(π/4 + φ/2)) = 2879921.3364 m and R·λ = 13532498.2385 m for Taipei 101.
    const Projected t = to_web_mercator(kTaipei101);
    CHECK(std::fabs(t.x - 13532498.2385) < 1e-3);
    CHECK(std::fabs(t.y - 2879921.3364) < 1e-3);
    // The clamp latitude is where the world becomes square.
    CHECK(std::fabs(to_web_mercator({85.05112878, 0}).y - 20037508.34) < 0.1);
    CHECK(to_web_mercator({89.9, 0}).y == to_web_mercator({85.05112878, 0}).y);
    CHECK(to_web_mercator({-90, 0}).y == to_web_mercator({-85.05112878, 0}).y);
    CHECK(std::isfinite(to_web_mercator({90, 0}).y));

    for (double lat = -85; lat <= 85; lat += 8.5) {
        for (double lon = -180; lon <= 180; lon += 22.5) {
            const LatLon back = from_web_mercator(to_web_mercator({lat, lon}));
            CAPTURE(lat);
            CAPTURE(lon);
            CHECK(std::fabs(back.lat - lat) < 1e-9);
            CHECK(std::fabs(back.lon - lon) < 1e-9);
        }
    }
    const LatLon back = from_web_mercator(to_web_mercator(kTaipei101));
    CHECK(std::fabs(back.lat - kTaipei101.lat) < 1e-9);
    CHECK(std::fabs(back.lon - kTaipei101.lon) < 1e-9);
}

TEST_CASE("simplify keeps the ends and the shape, and drops what the tolerance allows") {
    SUBCASE("collinear points go") {
        // Along a meridian: a straight vertical line in Web Mercator.
        Polyline meridian;
        for (int i = 0; i <= 10; ++i) meridian.push_back({25.0 + i * 0.01, 121.5});
        const Polyline s = simplify(meridian, 1);
        REQUIRE(s.size() == 2);
        CHECK(s.front().lat == 25.0);
        CHECK(s.back().lat == meridian.back().lat);
    }

    SUBCASE("a spike above the tolerance stays, one below it goes") {
        // A line along the 25th parallel with a 50 m spike north in the middle.
        const double spike = 50.0 / 111195.08;
        const Polyline line{{25, 121.50}, {25, 121.51}, {25 + spike, 121.52}, {25, 121.53}, {25, 121.54}};
        // Between the ends and the spike's top the flat points lie 25 m off: 30 m drops them.
        const Polyline kept = simplify(line, 30);
        REQUIRE(kept.size() == 3);
        CHECK(kept[0].lon == 121.50);
        CHECK(kept[1].lat == 25 + spike);
        CHECK(kept[2].lon == 121.54);
        const Polyline gone = simplify(line, 80);
        REQUIRE(gone.size() == 2);
        CHECK(gone[0].lon == 121.50);
        CHECK(gone[1].lon == 121.54);
    }

    SUBCASE("the tolerance is in ground metres, not in stretched Mercator metres") {
        // At 60° N Mercator doubles lengths: a 30 m spike spans 60 projected metres.
        const double deg = 1 / 111195.08;
        const Polyline small{{60, 10.00}, {60 + 30 * deg, 10.01}, {60, 10.02}};
        const Polyline large{{60, 10.00}, {60 + 50 * deg, 10.01}, {60, 10.02}};
        CHECK(simplify(small, 40).size() == 2);
        CHECK(simplify(large, 40).size() == 3);
    }

    SUBCASE("a closed loop keeps its far side") {
        const Polyline loop{{25, 121}, {25, 121.1}, {25.1, 121.1}, {25.1, 121}, {25, 121}};
        const Polyline s = simplify(loop, 100);
        REQUIRE(s.size() >= 4);
        CHECK(s.front().lat == s.back().lat);
        CHECK(s.front().lon == s.back().lon);
    }

    SUBCASE("short lines and odd tolerances") {
        const Polyline two{kTaipei101, kTaipeiMain};
        CHECK(simplify(two, 1e9).size() == 2);
        CHECK(simplify({kTaipei101}, 10).size() == 1);
        CHECK(simplify({}, 10).empty());
        const Polyline three{kTaipei101, {25.04, 121.54}, kTaipeiMain};
        CHECK(simplify(three, std::nan("")).size() == 3);
        CHECK(simplify(three, -1).size() == 3);
    }
}

TEST_CASE("projecting onto a segment finds the nearest point and its distance") {
    // A segment along the 25th parallel, 0.02° (about 2 km) long.
    const LatLon a{25, 121.50}, b{25, 121.52};
    const double north_100m = 100.0 / 111195.08;

    const Projection mid = project_onto_segment({25 + north_100m, 121.51}, a, b);
    CHECK(std::fabs(mid.t - 0.5) < 1e-9);
    CHECK(std::fabs(mid.point.lon - 121.51) < 1e-12);
    CHECK(std::fabs(mid.point.lat - 25) < 1e-12);
    CHECK(std::fabs(mid.distance_m - 100) < 0.01);

    const Projection past = project_onto_segment({25, 121.53}, a, b);
    CHECK(past.t == 1);
    CHECK(past.point.lon == b.lon);
    CHECK(std::fabs(past.distance_m - distance_m({25, 121.53}, b)) < 0.5);

    const Projection before = project_onto_segment({24.99, 121.49}, a, b);
    CHECK(before.t == 0);
    CHECK(before.point.lon == a.lon);
    CHECK(std::fabs(before.distance_m - distance_m({24.99, 121.49}, a)) < 1);

    const Projection on = project_onto_segment({25, 121.505}, a, b);
    CHECK(std::fabs(on.t - 0.25) < 1e-9);
    CHECK(on.distance_m < 1e-6);

    // A diagonal segment: the plane is scaled by cos(latitude), so the foot of the
    // perpendicular agrees with the great-circle distance to a few centimetres.
    const Projection diag = project_onto_segment(kTaipei101, kTaipeiMain, {25.06, 121.60});
    CHECK(diag.t > 0);
    CHECK(diag.t < 1);
    CHECK(std::fabs(diag.distance_m - distance_m(kTaipei101, diag.point)) < 0.05);

    const Projection degenerate = project_onto_segment(kTaipei101, a, a);
    CHECK(degenerate.t == 0);
    CHECK(degenerate.point.lat == a.lat);
    CHECK(std::fabs(degenerate.distance_m - distance_m(kTaipei101, a)) < 50);
}

TEST_CASE("contains uses the even-odd rule with holes") {
    const Ring outer{{0, 0}, {0, 10}, {10, 10}, {10, 0}, {0, 0}};
    const Ring hole{{4, 4}, {4, 6}, {6, 6}, {6, 4}, {4, 4}};
    const Polygon square{outer};
    const Polygon holed{outer, hole};

    CHECK(contains(square, {5, 5}));
    CHECK(contains(square, {1, 9}));
    CHECK_FALSE(contains(square, {11, 5}));
    CHECK_FALSE(contains(square, {5, -1}));

    CHECK_FALSE(contains(holed, {5, 5}));
    CHECK(contains(holed, {2, 2}));
    CHECK(contains(holed, {5, 8}));
    CHECK_FALSE(contains(holed, {-5, 5}));

    // An unclosed ring is closed implicitly.
    const Polygon open{{{0, 0}, {0, 10}, {10, 10}, {10, 0}}};
    CHECK(contains(open, {5, 5}));
    CHECK_FALSE(contains(open, {5, 15}));

    // A concave ring (a "C" open to the east).
    const Polygon c{{{0, 0}, {0, 3}, {1, 3}, {1, 1}, {2, 1}, {2, 3}, {3, 3}, {3, 0}, {0, 0}}};
    CHECK(contains(c, {0.5, 2}));
    CHECK_FALSE(contains(c, {1.5, 2}));
    CHECK(contains(c, {2.5, 2}));

    CHECK_FALSE(contains(Polygon{}, {0, 0}));
}
