// Benchmark: the bike network at scale — build + break analysis for 50,000 segments, a
// route query across it, and the SVG of a 10,000-feature scene — natively and as WASM
// under node (the same source in both trees). Prints medians; asserts nothing about time.
//
// The input is generated at start-up: for each of the eight counties a lattice of 100 m
// segments (each with a few wiggling vertices). Counties 0–1, 2–3, 4–5 and 6–7 are joined
// along every 16th row; between the pairs the links stop 50 m short of the county line, so
// the network has four parts and the break analysis finds the misses.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_support.h"
#include "bikenet/gaps.h"
#include "bikenet/network.h"
#include "bikenet/route_planner.h"
#include "render/map_scene.h"
#include "render/svg.h"

using namespace beitai;
using bench::median;
using bench::ms_since;

namespace {

const char* kCounties[] = {"MiaoliCounty", "Hsinchu", "HsinchuCounty", "Taoyuan",
                           "NewTaipei", "Taipei", "Keelung", "YilanCounty"};

std::vector<bikenet::RouteSegment> lattice(int columns_per_county, int rows) {
    const double step = 0.01, lat0 = 24.4, lon0 = 120.7;
    bench::Random rnd(42);
    std::vector<bikenet::RouteSegment> out;
    auto segment = [&](int county, double la, double lo, double lb, double lob, const std::string& id) {
        bikenet::RouteSegment s;
        s.id = id;
        s.name = id;
        s.county = kCounties[county];
        for (int k = 0; k <= 5; ++k) {
            const double t = k / 5.0;
            const double wiggle = (k == 0 || k == 5) ? 0 : (rnd.unit() - 0.5) * 0.0001;  // ±5 m
            s.line.push_back({la + (lb - la) * t + wiggle, lo + (lob - lo) * t + wiggle});
        }
        out.push_back(std::move(s));
    };
    int n = 0;
    for (int c = 0; c < 8; ++c) {
        const int x0 = c * columns_per_county;
        for (int x = x0; x < x0 + columns_per_county; ++x)
            for (int y = 0; y < rows; ++y) {
                const double la = lat0 + y * step * 0.1, lo = lon0 + x * step * 0.1;
                const bool last_column = x == x0 + columns_per_county - 1;
                // Eastward: inside the county always; across the line on every 16th row
                // within a pair, 50 m short of it between pairs.
                if (!last_column || (c % 2 == 0 && y % 16 == 0))
                    segment(c, la, lo, la, lo + step * 0.1, "s" + std::to_string(n++));
                else if (c < 7 && c % 2 == 1 && y % 16 == 8)
                    segment(c, la, lo, la, lo + step * 0.1 - 0.0005, "s" + std::to_string(n++));
                if (y + 1 < rows) segment(c, la, lo, la + step * 0.1, lo, "s" + std::to_string(n++));
            }
    }
    return out;
}

}  // namespace

int main() {
    const char* target = bench::target_name();
    const auto routes = lattice(40, 80);  // 8 × 40 × 80 × ~2 ≈ 51,000 segments
    std::printf("bike network benchmark (%s): %zu segments\n", target, routes.size());

    std::vector<double> build_ms, gap_ms;
    bikenet::Network net;
    std::vector<bikenet::Gap> gaps;
    for (int run = 0; run < 5; ++run) {
        auto t = std::chrono::steady_clock::now();
        net = bikenet::build_network(routes);
        build_ms.push_back(ms_since(t));
        t = std::chrono::steady_clock::now();
        gaps = bikenet::find_gaps(net);
        gap_ms.push_back(ms_since(t));
    }
    std::printf("  network build          %8.1f ms median of 5 (%zu nodes, %zu edges, %zu components)\n",
                median(build_ms), net.nodes.size(), net.edges.size(), net.component_count);
    std::printf("  break analysis         %8.1f ms median of 5 (%zu breaks)\n", median(gap_ms), gaps.size());
    std::printf("  build + breaks         %8.1f ms\n", median(build_ms) + median(gap_ms));

    bikenet::RoutePlanner planner(net, gaps);
    std::vector<double> query_ms;
    double length = 0;
    size_t counties = 0;
    for (int run = 0; run < 21; ++run) {
        auto t = std::chrono::steady_clock::now();
        auto plan = planner.plan({24.401, 120.701}, {24.47, 120.70 + 0.319});
        query_ms.push_back(ms_since(t));
        length = plan.length_m;
        counties = plan.counties.size();
    }
    std::printf("  route query, corner to corner %5.2f ms median of 21 (%.1f km, %zu counties: the worst case)\n",
                median(query_ms), length / 1000, counties);
    // A typical trip: about 6 km, from one county into the next.
    std::vector<double> local_ms;
    for (int run = 0; run < 21; ++run) {
        auto t = std::chrono::steady_clock::now();
        auto plan = planner.plan({24.43, 120.70 + 0.125}, {24.45, 120.70 + 0.17});
        local_ms.push_back(ms_since(t));
        length = plan.length_m;
        counties = plan.counties.size();
    }
    std::printf("  route query, 2 counties   %5.2f ms median of 21 (%.1f km, %zu counties)\n", median(local_ms),
                length / 1000, counties);

    // A 10,000-feature scene: 10,000 of the routes as polylines.
    render::Scene scene;
    for (size_t i = 0; i < 10000 && i < net.routes.size(); ++i)
        scene.polylines.push_back({net.routes[i].id, "routes", net.routes[i].name, {net.routes[i].line},
                                   render::Style{render::county_colour(net.routes[i].county), "", 2, 1, false, 0}});
    render::fit_to_contents(scene);
    std::vector<double> svg_ms;
    size_t bytes = 0;
    for (int run = 0; run < 11; ++run) {
        auto t = std::chrono::steady_clock::now();
        const std::string svg = render::scene_svg(scene, {960, 720, "bench"});
        svg_ms.push_back(ms_since(t));
        bytes = svg.size();
    }
    std::printf("  SVG, 10,000 features   %8.1f ms median of 11 (%zu bytes)\n", median(svg_ms), bytes);
    return gaps.empty();
}
