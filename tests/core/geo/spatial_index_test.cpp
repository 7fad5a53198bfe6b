// core/geo/spatial_index: the grid's answers must equal brute force exactly — the same
// indices in the same order — on generated data with many exact ties.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "geo/spatial_index.h"

using namespace beitai::geo;

namespace {

// A deterministic generator (Knuth's MMIX LCG), the same on every platform.
struct Lcg {
    uint64_t state;
    explicit Lcg(uint64_t seed) : state(seed) {}
    double uniform() {  // [0, 1)
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state >> 11) / 9007199254740992.0;
    }
    double between(double lo, double hi) { return lo + (hi - lo) * uniform(); }
};

// Points over northern Taiwan rounded to 0.002° so that many coincide (exact ties), plus a
// tight cluster of identical points.
std::vector<LatLon> generated_points(size_t count) {
    Lcg rng(20230612);
    std::vector<LatLon> points;
    for (size_t i = 0; i < count; ++i) {
        const double lat = std::round(rng.between(24.3, 25.3) / 0.002) * 0.002;
        const double lon = std::round(rng.between(120.7, 122.0) / 0.002) * 0.002;
        points.push_back({lat, lon});
    }
    for (int i = 0; i < 12; ++i) points.push_back({25.0478, 121.5170});
    return points;
}

std::vector<size_t> brute_nearest(const std::vector<LatLon>& points, LatLon p, size_t n, double max_m) {
    std::vector<std::pair<double, size_t>> all;
    for (size_t i = 0; i < points.size(); ++i) {
        const double d = distance_m(p, points[i]);
        if (d <= max_m) all.push_back({d, i});
    }
    std::sort(all.begin(), all.end());
    std::vector<size_t> out;
    for (size_t k = 0; k < all.size() && k < n; ++k) out.push_back(all[k].second);
    return out;
}

std::vector<size_t> brute_within(const std::vector<LatLon>& points, const BBox& box) {
    std::vector<size_t> out;
    for (size_t i = 0; i < points.size(); ++i)
        if (box.contains(points[i])) out.push_back(i);
    return out;
}

}  // namespace

TEST_CASE("nearest equals brute force, ties broken by index") {
    const std::vector<LatLon> points = generated_points(3000);

    // Queries: random places, data points themselves (exact ties with their duplicates),
    // the identical cluster, and places far outside the data, one across the antimeridian
    // from it (the short way round is not the grid's way).
    Lcg rng(7);
    std::vector<LatLon> queries;
    for (int i = 0; i < 40; ++i) queries.push_back({rng.between(24.2, 25.4), rng.between(120.6, 122.1)});
    for (int i = 0; i < 20; ++i) queries.push_back(points[static_cast<size_t>(rng.uniform() * 3000)]);
    queries.push_back({25.0478, 121.5170});
    queries.push_back({22.6273, 120.3014});  // Kaohsiung
    queries.push_back({0, 0});
    queries.push_back({-33.8688, -70.6693});  // Santiago: 192° of longitude from the data's west edge
    queries.push_back({89.9, 121});
    queries.push_back({25, -179.9});

    const size_t counts[] = {1, 3, 16, 64, 5000};
    const double limits[] = {1e12, 3000, 250, 0};
    size_t nonempty = 0, compared = 0;
    for (double cell_m : {1000.0, 50.0, 20000.0, 1.0}) {
        const PointIndex index(points, cell_m);
        REQUIRE(index.size() == points.size());
        for (size_t q = 0; q < queries.size(); ++q) {
            for (size_t n : counts) {
                for (double max_m : limits) {
                    CAPTURE(cell_m);
                    CAPTURE(q);
                    CAPTURE(n);
                    CAPTURE(max_m);
                    const auto expected = brute_nearest(points, queries[q], n, max_m);
                    const auto got = index.nearest(queries[q], n, max_m);
                    CHECK(got == expected);
                    ++compared;
                    if (!expected.empty()) ++nonempty;
                }
            }
        }
    }
    // The comparisons were not all trivially empty.
    CHECK(compared == 4 * queries.size() * 5 * 4);
    CHECK(nonempty > compared / 2);
}

TEST_CASE("nearest orders equal distances by index") {
    std::vector<LatLon> points(30, LatLon{25.0340, 121.5645});
    points[7] = {25.2, 121.7};
    const PointIndex index(points);
    const auto got = index.nearest({25.0340, 121.5645}, 5);
    CHECK(got == std::vector<size_t>{0, 1, 2, 3, 4});
    const auto all = index.nearest({25.0340, 121.5645}, 100);
    REQUIRE(all.size() == 30);
    CHECK(all.back() == 7);
    CHECK(all[6] == 6);
    CHECK(all[7] == 8);
}

TEST_CASE("equal distances in different cells still go by index") {
    // 0.25° east and west of the query: exactly the same distance. The west point is
    // visited first (columns ascend) but has the larger index.
    std::vector<LatLon> points{{25, 121.75}, {25, 121.25}, {25.5, 121.5}, {24.5, 121.5}};
    const PointIndex index(points, 1000);
    REQUIRE(distance_m({25, 121.5}, points[0]) == distance_m({25, 121.5}, points[1]));
    CHECK(index.nearest({25, 121.5}, 1) == std::vector<size_t>{0});
    CHECK(index.nearest({25, 121.5}, 2) == std::vector<size_t>{0, 1});
}

TEST_CASE("within equals brute force, ascending") {
    const std::vector<LatLon> points = generated_points(3000);
    const PointIndex index(points, 1000);
    Lcg rng(99);
    size_t nonempty = 0;
    for (int i = 0; i < 200; ++i) {
        const double south = rng.between(24.1, 25.4), west = rng.between(120.5, 122.1);
        BBox box;
        box.extend(LatLon{south, west});
        box.extend(LatLon{south + rng.between(0, 0.3), west + rng.between(0, 0.3)});
        CAPTURE(i);
        const auto expected = brute_within(points, box);
        const auto got = index.within(box);
        CHECK(got == expected);
        CHECK(std::is_sorted(got.begin(), got.end()));
        if (!expected.empty()) ++nonempty;
    }
    CHECK(nonempty > 100);

    // Edges count: a box exactly on a data point contains it.
    BBox exact;
    exact.extend(points[10]);
    const auto at = index.within(exact);
    CHECK(std::find(at.begin(), at.end(), size_t{10}) != at.end());
    CHECK(at == brute_within(points, exact));

    BBox everything;
    everything.extend(LatLon{-90, -180});
    everything.extend(LatLon{90, 180});
    CHECK(index.within(everything).size() == points.size());

    BBox far_away = bbox_of({{-10, -10}, {-5, -5}});
    CHECK(index.within(far_away).empty());
    CHECK(index.within(BBox{}).empty());
}

TEST_CASE("an empty index answers nothing") {
    const PointIndex none;
    CHECK(none.size() == 0);
    CHECK(none.nearest({25, 121.5}, 5).empty());
    BBox everything = bbox_of({{-90, -180}, {90, 180}});
    CHECK(none.within(everything).empty());

    const PointIndex empty_vector(std::vector<LatLon>{}, 1000);
    CHECK(empty_vector.nearest({25, 121.5}, 5).empty());
    CHECK(empty_vector.within(everything).empty());
}

TEST_CASE("identical points, zero counts and far queries") {
    const std::vector<LatLon> same(10, LatLon{24.8, 121.0});
    const PointIndex index(same, 1000);
    CHECK(index.nearest({24.8, 121.0}, 3) == std::vector<size_t>{0, 1, 2});
    CHECK(index.nearest({-40, -70}, 2) == std::vector<size_t>{0, 1});
    CHECK(index.nearest({24.8, 121.0}, 0).empty());
    CHECK(index.nearest({25.8, 121.0}, 3, 1000).empty());   // 111 km away, limit 1 km
    CHECK(index.nearest({24.8, 121.0}, 3, 0).size() == 3);  // distance 0 is within 0
    CHECK(index.within(bbox_of({{24.8, 121.0}})).size() == 10);
    CHECK(index.within(bbox_of({{24.9, 121.0}, {25.0, 121.1}})).empty());
}

TEST_CASE("invalid positions keep their indices but are never answered") {
    const std::vector<LatLon> points{{25, 121.5}, {95, 121.5}, {std::nan(""), 121.5}, {25.001, 121.5}};
    const PointIndex index(points);
    CHECK(index.size() == 4);
    CHECK(index.nearest({25, 121.5}, 10) == std::vector<size_t>{0, 3});
    CHECK(index.within(bbox_of({{-90, -180}, {90, 180}})) == std::vector<size_t>{0, 3});
    CHECK(index.nearest({std::nan(""), 121.5}, 10).empty());
}
