// bikenet/network: routes joined into one graph — ends that snap together, T-junctions
// that split the route they meet, components, lengths per county and per route.
#include <doctest/doctest.h>

#include "bikenet/gaps.h"
#include "bikenet/network.h"
#include "geo/geometry.h"

#include <algorithm>

#include "sample_network.h"

using namespace beitai;
using namespace beitai::testing;

TEST_CASE("ends within the snapping tolerance join; a T-junction splits the route it meets") {
    auto net = bikenet::build_network(sample());
    // Components: Taipei + NewTaipei (joined at C/E), Keelung, Taoyuan.
    CHECK(net.component_count == 3);
    // tp-1 has an interior vertex at 500 m that nothing snaps to: it stays inside the edge.
    // Nodes: A, B(=1000,0 shared by tp-1, tp-2, spur), C/E, D, F(3000,0), G(4000,1000), H, I, J, K.
    CHECK(net.nodes.size() == 10);
    auto lengths = bikenet::length_per_county(net);
    REQUIRE(lengths.size() == 4);
    CHECK(lengths[0].key == "Taipei");
    CHECK(lengths[0].length_m == doctest::Approx(2800).epsilon(0.002));
    CHECK(lengths[1].key == "NewTaipei");
    CHECK(lengths[1].length_m == doctest::Approx(995 + 1000 + 1000).epsilon(0.002));

    // A route ending on the middle of another splits it there.
    std::vector<RouteSegment> tee = {route("long", "Taipei", {at(0, 0), at(500, 0), at(1000, 0)}),
                                     route("stem", "Taipei", {at(500, 3), at(500, 600)})};
    auto t = bikenet::build_network(tee);
    CHECK(t.component_count == 1);
    CHECK(t.edges.size() == 3);  // long split in two, plus the stem
    size_t degree3 = 0;
    for (size_t n = 0; n < t.nodes.size(); ++n) degree3 += t.degree(n) == 3;
    CHECK(degree3 == 1);
}

TEST_CASE("degenerate routes are dropped, not crashed on") {
    std::vector<RouteSegment> bad = {route("empty", "Taipei", {}), route("one", "Taipei", {at(0, 0)}),
                                     route("ok", "Taipei", {at(0, 0), at(10, 0)})};
    auto net = bikenet::build_network(bad);
    CHECK(net.routes.size() == 1);
    CHECK(net.edges.size() == 1);
    CHECK(bikenet::find_gaps(net).empty());
}

TEST_CASE("every edge runs between its nodes, is in both nodes' lists and stays in one component") {
    auto net = bikenet::build_network(sample());
    REQUIRE(net.adjacency.size() == net.nodes.size());
    REQUIRE(net.component.size() == net.nodes.size());
    size_t degrees = 0;
    for (size_t n = 0; n < net.nodes.size(); ++n) degrees += net.degree(n);
    CHECK(degrees == 2 * net.edges.size());  // no edge of the sample is a loop
    double total = 0;
    for (size_t e = 0; e < net.edges.size(); ++e) {
        CAPTURE(e);
        const auto& edge = net.edges[e];
        REQUIRE(edge.line.size() >= 2);
        CHECK(edge.line.front().lat == net.nodes[edge.from].lat);
        CHECK(edge.line.front().lon == net.nodes[edge.from].lon);
        CHECK(edge.line.back().lat == net.nodes[edge.to].lat);
        CHECK(edge.line.back().lon == net.nodes[edge.to].lon);
        CHECK(edge.length_m == doctest::Approx(geo::length_m(edge.line)));
        CHECK(net.component[edge.from] == net.component[edge.to]);
        const auto& at_from = net.adjacency[edge.from];
        const auto& at_to = net.adjacency[edge.to];
        CHECK(std::count(at_from.begin(), at_from.end(), e) == 1);
        CHECK(std::count(at_to.begin(), at_to.end(), e) == 1);
        total += edge.length_m;
    }
    // 1000 + 1000 + 800 (Taipei) + 1000 + 2000 (NewTaipei: E stands at C's place, 5 m west
    // of where ntp-1 starts) + 1600 (Keelung) + 2000 (Taoyuan).
    CHECK(total == doctest::Approx(9400).epsilon(0.0005));
    for (size_t n = 0; n < net.nodes.size(); ++n) CHECK(net.component[n] < net.component_count);
}

TEST_CASE("the snapping tolerance decides whether two ends are one place") {
    // Two counties' routes whose ends are 30 m apart.
    std::vector<RouteSegment> routes = {route("a", "Taipei", {at(0, 0), at(1000, 0)}),
                                        route("b", "NewTaipei", {at(1030, 0), at(2000, 0)})};
    auto loose = bikenet::build_network(routes);  // 20 m by default
    CHECK(loose.component_count == 2);
    CHECK(loose.nodes.size() == 4);
    bikenet::NetworkOptions wide;
    wide.snap_m = 50;
    auto joined = bikenet::build_network(routes, wide);
    CHECK(joined.component_count == 1);
    REQUIRE(joined.nodes.size() == 3);
    // The joined ends share one node, where both edges meet.
    size_t shared = 0;
    for (size_t n = 0; n < joined.nodes.size(); ++n)
        if (joined.degree(n) == 2) ++shared;
    CHECK(shared == 1);
}

TEST_CASE("a route never snaps to itself, however short") {
    std::vector<RouteSegment> routes = {route("short", "Taipei", {at(0, 0), at(5, 0)})};
    auto net = bikenet::build_network(routes);
    CHECK(net.nodes.size() == 2);
    REQUIRE(net.edges.size() == 1);
    CHECK(net.edges[0].length_m == doctest::Approx(5).epsilon(0.01));
    CHECK(net.component_count == 1);
}

TEST_CASE("lengths per route add a split route's pieces back together; per county in first-seen order") {
    std::vector<RouteSegment> tee = {route("stem", "NewTaipei", {at(500, 3), at(500, 600)}),
                                     route("long", "Taipei", {at(0, 0), at(500, 0), at(1000, 0)})};
    auto net = bikenet::build_network(tee);
    auto by_route = bikenet::length_per_route(net);
    REQUIRE(by_route.size() == 2);
    CHECK(by_route[0].key == "stem");
    CHECK(by_route[0].segments == 1);
    CHECK(by_route[0].length_m == doctest::Approx(597).epsilon(0.002));
    CHECK(by_route[1].key == "long");
    CHECK(by_route[1].segments == 2);  // split at the T-junction
    CHECK(by_route[1].length_m == doctest::Approx(1000).epsilon(0.002));
    auto by_county = bikenet::length_per_county(net);
    REQUIRE(by_county.size() == 2);
    CHECK(by_county[0].key == "NewTaipei");
    CHECK(by_county[1].key == "Taipei");
    CHECK(by_county[1].segments == 2);

    CHECK(bikenet::length_per_route(bikenet::build_network({})).empty());
    CHECK(bikenet::length_per_county(bikenet::build_network({})).empty());
}

TEST_CASE("a node's county is that of the first route touching it; no node, no county") {
    std::vector<RouteSegment> routes = {route("a", "Taipei", {at(0, 0), at(1000, 0)}),
                                        route("b", "NewTaipei", {at(1005, 0), at(2000, 0)})};
    auto net = bikenet::build_network(routes);
    REQUIRE(net.nodes.size() == 3);
    size_t taipei = 0, new_taipei = 0;
    for (size_t n = 0; n < net.nodes.size(); ++n) {
        CAPTURE(n);
        const std::string& county = net.node_county(n);
        taipei += county == "Taipei";
        new_taipei += county == "NewTaipei";
    }
    CHECK(taipei == 2);  // a's west end and the shared one (a comes first)
    CHECK(new_taipei == 1);
    CHECK(net.node_county(net.nodes.size()).empty());
    CHECK(net.node_county(static_cast<size_t>(-1)).empty());
}
