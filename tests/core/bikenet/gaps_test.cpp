// bikenet/gaps: the breaks between two counties' separate networks — which loose ends
// make one, how far, and when two candidates are the same place.
#include <doctest/doctest.h>

#include "bikenet/gaps.h"
#include "bikenet/network.h"
#include "bikenet/route_planner.h"
#include "geo/geometry.h"

#include "sample_network.h"

using namespace beitai;
using namespace beitai::testing;

TEST_CASE("breaks are the short misses between two counties' separate networks, shortest first") {
    auto net = bikenet::build_network(sample());
    auto gaps = bikenet::find_gaps(net);
    REQUIRE(gaps.size() == 2);
    // NewTaipei's G to Keelung's H: 400 m.
    CHECK(gaps[0].distance_m == doctest::Approx(400).epsilon(0.003));
    CHECK(((gaps[0].county_a == "NewTaipei" && gaps[0].county_b == "Keelung") ||
           (gaps[0].county_a == "Keelung" && gaps[0].county_b == "NewTaipei")));
    // Taoyuan's J to Taipei's A: 1000 m.
    CHECK(gaps[1].distance_m == doctest::Approx(1000).epsilon(0.003));
    CHECK(((gaps[1].county_a == "Taoyuan" && gaps[1].county_b == "Taipei") ||
           (gaps[1].county_a == "Taipei" && gaps[1].county_b == "Taoyuan")));

    // Connected ends are not breaks, nor are misses inside one county, nor misses past the limit.
    bikenet::GapOptions tight;
    tight.max_gap_m = 500;
    auto near_only = bikenet::find_gaps(net, tight);
    REQUIRE(near_only.size() == 1);
    CHECK(near_only[0].distance_m < 500);
    std::vector<RouteSegment> same_county = {route("a", "Taipei", {at(0, 0), at(100, 0)}),
                                             route("b", "Taipei", {at(300, 0), at(400, 0)})};
    CHECK(bikenet::find_gaps(bikenet::build_network(same_county)).empty());
}

TEST_CASE("a break runs from a loose end to the other network, with both routes named") {
    auto net = bikenet::build_network(sample());
    auto gaps = bikenet::find_gaps(net);
    REQUIRE(gaps.size() == 2);
    for (const auto& g : gaps) {
        CAPTURE(g.route_a);
        CAPTURE(g.route_b);
        CHECK(net.degree(g.node_a) == 1);  // only a loose end starts a break
        CHECK(net.component[g.node_a] != net.component[g.node_b]);
        CHECK(g.county_a != g.county_b);
        CHECK(g.end_a.lat == net.nodes[g.node_a].lat);
        CHECK(g.end_b.lon == net.nodes[g.node_b].lon);
        CHECK(g.distance_m == doctest::Approx(geo::distance_m(g.end_a, g.end_b)));
        CHECK(net.node_county(g.node_a) == g.county_a);
        CHECK(net.node_county(g.node_b) == g.county_b);
    }
    // NewTaipei's G and Keelung's H, either way round.
    const bool from_new_taipei = gaps[0].county_a == "NewTaipei";
    CHECK((from_new_taipei ? gaps[0].route_a : gaps[0].route_b) == "ntp-2");
    CHECK((from_new_taipei ? gaps[0].route_b : gaps[0].route_a) == "kl-1");
    CHECK(geo::distance_m(from_new_taipei ? gaps[0].end_a : gaps[0].end_b, at(4000, 1000)) < 1);
}

TEST_CASE("one place seen from both sides and from the far ends is one break") {
    // Taipei's a ends 300 m before Keelung's b begins, on one line: a's east end and b's west
    // end see each other, and the far ends aim at the same two nodes.
    std::vector<RouteSegment> routes = {route("a", "Taipei", {at(0, 0), at(1000, 0)}),
                                        route("b", "Keelung", {at(1300, 0), at(3000, 0)})};
    auto gaps = bikenet::find_gaps(bikenet::build_network(routes));
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].distance_m == doctest::Approx(300).epsilon(0.003));

    bikenet::GapOptions short_only;
    short_only.max_gap_m = 250;
    CHECK(bikenet::find_gaps(bikenet::build_network(routes), short_only).empty());
}

TEST_CASE("two misses between the same networks far apart are two breaks, unless merge_m joins them") {
    // Parallel routes 200 m apart, 5 km long: a miss at each end.
    std::vector<RouteSegment> routes = {route("west-east", "Taipei", {at(0, 0), at(5000, 0)}),
                                        route("parallel", "NewTaipei", {at(0, 200), at(5000, 200)})};
    auto net = bikenet::build_network(routes);
    auto gaps = bikenet::find_gaps(net);
    REQUIRE(gaps.size() == 2);
    CHECK(gaps[0].distance_m == doctest::Approx(200).epsilon(0.003));
    CHECK(gaps[1].distance_m == doctest::Approx(200).epsilon(0.003));
    CHECK(geo::distance_m(gaps[0].end_a, gaps[1].end_a) > 4900);

    bikenet::GapOptions one_place;
    one_place.merge_m = 6000;
    CHECK(bikenet::find_gaps(net, one_place).size() == 1);
}

TEST_CASE("a loose end looks past its own county's other network to the nearest foreign one") {
    // Taipei's b lies 100 m east of a, unconnected; NewTaipei's c 600 m east of a.
    std::vector<RouteSegment> routes = {route("a", "Taipei", {at(-1000, 0), at(0, 0)}),
                                        route("b", "Taipei", {at(100, 0), at(100, 3000)}),
                                        route("c", "NewTaipei", {at(600, 0), at(2000, 0)})};
    auto gaps = bikenet::find_gaps(bikenet::build_network(routes));
    bool a_to_c = false;
    for (const auto& g : gaps) {
        CHECK(g.county_a != g.county_b);
        if ((g.route_a == "a" && g.route_b == "c") || (g.route_a == "c" && g.route_b == "a")) a_to_c = true;
    }
    CHECK(a_to_c);
    CHECK(bikenet::find_gaps(bikenet::build_network({})).empty());
}

TEST_CASE("a place where every route was too short to keep is no network to reach") {
    // The same 15 m segment published twice: all four ends snap into one node, and both
    // edges, from that node to itself, are dropped — a node no edge touches. A loose end
    // 500 m away must not take it for another county's network.
    std::vector<RouteSegment> routes = {route("dup", "Taipei", {at(0, 0), at(15, 0)}),
                                        route("dup-again", "Taipei", {at(0, 0), at(15, 0)}),
                                        route("kl", "Keelung", {at(500, 0), at(2000, 0)})};
    auto net = bikenet::build_network(routes);
    size_t bare = 0;
    for (size_t n = 0; n < net.nodes.size(); ++n) bare += net.degree(n) == 0;
    REQUIRE(bare == 1);  // the premise of the case
    CHECK(bikenet::find_gaps(net).empty());
    bikenet::RoutePlanner planner(net, bikenet::find_gaps(net));
    CHECK(planner.plan(at(600, 0), at(1900, 0)).found);
}
