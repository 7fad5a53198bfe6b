// Benchmark: the route planner on the repository's sample network (content/maps/), natively:
// building its search graph (stations, road links), the trips the issue measured (Taipei
// Main Station to Banqiao and to Taoyuan), and every trip between two of the sample sites,
// whose slowest is the worst case. Prints figures; asserts nothing about time.
// Run after the native build: build/native/tests/bench/route_planner_bench
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bench_support.h"
#include "bikenet/gaps.h"
#include "bikenet/network.h"
#include "bikenet/route_planner.h"
#include "content/route.h"
#include "content/site.h"
#include "text/json_reader.h"

using namespace beitai;
using bench::median;
using bench::ms_since;

namespace {

text::Json read_json(const std::string& name) {
    std::ifstream in(std::string(BEITAI_SOURCE_DIR) + "/content/maps/" + name, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    auto json = text::parse_json_text(ss.str(), name);
    if (!json) {
        std::fprintf(stderr, "%s\n", json.error().c_str());
        std::exit(1);
    }
    return *json;
}

}  // namespace

int main() {
    auto routes = content::read_routes(read_json("routes.geojson"), "routes.geojson");
    text::Diagnostics diagnostics("sites.json");
    const auto sites = content::read_sites(read_json("sites.json"), diagnostics);
    if (!routes || !diagnostics.empty()) {
        std::fprintf(stderr, "cannot read the sample network or sites\n");
        return 1;
    }
    const auto net = bikenet::build_network(routes->routes);
    const auto gaps = bikenet::find_gaps(net);
    std::vector<double> build_ms;
    std::size_t links = 0;
    for (int run = 0; run < 11; ++run) {
        auto t = std::chrono::steady_clock::now();
        bikenet::RoutePlanner planner(net, gaps);
        build_ms.push_back(ms_since(t));
        links = planner.road_link_count();
    }
    bikenet::RoutePlanner planner(net, gaps);
    std::printf("route planner benchmark (native), the sample network: %zu routes, %zu components, %zu breaks\n",
                routes->routes.size(), net.component_count, gaps.size());
    std::printf("  search graph build       %7.2f ms median of 11 (%zu road links)\n", median(build_ms), links);

    const geo::LatLon taipei_main{25.0478, 121.5170}, banqiao{25.0143, 121.4632}, taoyuan{24.9892, 121.3134};
    for (const auto& [name, to] : {std::pair<const char*, geo::LatLon>{"Banqiao", banqiao}, {"Taoyuan", taoyuan}}) {
        std::vector<double> ms;
        bikenet::PlannedRoute plan;
        for (int run = 0; run < 21; ++run) {
            auto t = std::chrono::steady_clock::now();
            plan = planner.plan(taipei_main, to);
            ms.push_back(ms_since(t));
        }
        const double straight = geo::distance_m(taipei_main, to);
        double roads = 0;
        for (const auto& leg : plan.legs) roads += leg.kind == bikenet::LegKind::route ? 0 : leg.length_m;
        std::printf("  Taipei Main Station → %-8s %6.3f ms median of 21: %.1f km (%.2f × the %.1f km straight), %.1f km off the routes, %zu legs\n",
                    name, median(ms), plan.length_m / 1000, plan.length_m / straight, straight / 1000, roads / 1000,
                    plan.legs.size());
    }

    // Every trip between two sample sites: the worst case is the slowest of them.
    std::vector<double> ms;
    double worst = 0;
    std::string worst_pair;
    std::size_t found = 0;
    for (const auto& a : sites.sites)
        for (const auto& b : sites.sites) {
            if (&a == &b || !a.at || !b.at) continue;  // a site without a position is no trip's end
            auto t = std::chrono::steady_clock::now();
            const auto plan = planner.plan(*a.at, *b.at);
            const double took = ms_since(t);
            ms.push_back(took);
            found += plan.found;
            if (took > worst) {
                worst = took;
                worst_pair = a.id + " → " + b.id + " (" + std::to_string(static_cast<int>(plan.length_m / 1000)) + " km)";
            }
        }
    std::sort(ms.begin(), ms.end());
    std::printf("  %zu trips between sample sites: median %.3f ms, p99 %.3f ms, worst %.3f ms (%s); %zu found\n", ms.size(),
                ms[ms.size() / 2], ms[ms.size() * 99 / 100], worst, worst_pair.c_str(), found);
    return 0;
}
