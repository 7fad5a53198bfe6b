// bikenet/route_planner: the shortest way along the routes and their breaks, its length,
// counties and routes, the breaks it must cross, and the reasons when there is none.
#include <doctest/doctest.h>

#include "bikenet/gaps.h"
#include "bikenet/network.h"
#include "bikenet/route_planner.h"
#include "geo/geometry.h"

#include <cmath>

#include "sample_network.h"

using namespace beitai;
using namespace beitai::testing;

TEST_CASE("the planner finds the shortest way, its length and the counties crossed") {
    auto net = bikenet::build_network(sample());
    bikenet::RoutePlanner planner(net, bikenet::find_gaps(net));
    // From near A to near F: along tp-1, tp-2, ntp-1.
    auto plan = planner.plan(at(5, 10), at(2990, 5));
    REQUIRE_MESSAGE(plan.found, plan.message);
    CHECK(plan.length_m == doctest::Approx(2000 + 995).epsilon(0.003));
    CHECK(plan.counties == std::vector<std::string>{"Taipei", "NewTaipei"});
    CHECK(plan.breaks.empty());
    CHECK(plan.off_network_m == 0);
    CHECK(plan.start_snap_m == doctest::Approx(std::sqrt(25.0 + 100.0)).epsilon(0.01));

    // Into Keelung the trip must leave the network at the 400 m break.
    auto across = planner.plan(at(0, 0), at(6000, 1000));
    REQUIRE_MESSAGE(across.found, across.message);
    CHECK(across.counties == std::vector<std::string>{"Taipei", "NewTaipei", "Keelung"});
    REQUIRE(across.breaks.size() == 1);
    CHECK(across.breaks[0].distance_m == doctest::Approx(400).epsilon(0.003));
    CHECK(across.off_network_m == doctest::Approx(400).epsilon(0.003));
    CHECK(across.length_m == doctest::Approx(2000 + 995 + 2000 + 400 + 1600).epsilon(0.003));
    // The path starts and ends at the snapped points and never jumps more than a segment.
    REQUIRE(across.path.size() >= 2);
    CHECK(geo::distance_m(across.path.front(), at(0, 0)) < 1);
    CHECK(geo::distance_m(across.path.back(), at(6000, 1000)) < 1);

    // Points snap to the nearest vertex of a route; along one route the path is the part
    // between the two vertices, walked backwards when the end comes first.
    auto within = planner.plan(at(980, 0), at(20, 0));
    REQUIRE(within.found);
    CHECK(within.length_m == doctest::Approx(1000).epsilon(0.003));
    CHECK(within.start_snap_m == doctest::Approx(20).epsilon(0.01));
    CHECK(within.counties == std::vector<std::string>{"Taipei"});
    REQUIRE(within.path.size() == 3);
    CHECK(within.path.front().lon > within.path.back().lon);  // from east to west
}

TEST_CASE("points far from any route are refused with the reason") {
    auto net = bikenet::build_network(sample());
    bikenet::RoutePlanner planner(net, bikenet::find_gaps(net));
    auto far = planner.plan(at(0, 50000), at(1000, 0));
    CHECK_FALSE(far.found);
    CHECK(far.message == "the start is more than 2000 m from any bike route");
    auto far_end = planner.plan(at(0, 0), at(0, -50000));
    CHECK_FALSE(far_end.found);
    CHECK(far_end.message == "the end is more than 2000 m from any bike route");

    // Two networks with no break between them: no way.
    std::vector<RouteSegment> apart = {route("a", "Taipei", {at(0, 0), at(100, 0)}),
                                       route("b", "Keelung", {at(10000, 0), at(10100, 0)})};
    auto net2 = bikenet::build_network(apart);
    bikenet::PlanOptions wide;
    wide.max_snap_m = 20000;
    bikenet::RoutePlanner p2(net2, bikenet::find_gaps(net2), wide);
    auto none = p2.plan(at(0, 0), at(10100, 0));
    CHECK_FALSE(none.found);
    CHECK(none.message == "no way along the routes and their breaks joins the two points");
}

TEST_CASE("the routes ridden are listed in order, each once per stay") {
    auto net = bikenet::build_network(sample());
    bikenet::RoutePlanner planner(net, bikenet::find_gaps(net));
    auto plan = planner.plan(at(0, 0), at(3000, 1000));
    REQUIRE_MESSAGE(plan.found, plan.message);
    CHECK(plan.route_ids == std::vector<std::string>{"tp-1", "tp-2", "ntp-1", "ntp-2"});
    CHECK(plan.counties == std::vector<std::string>{"Taipei", "NewTaipei"});
    CHECK(plan.length_m == doctest::Approx(1000 + 1000 + 1000 + 1000).epsilon(0.003));
    // The path never repeats a point and never jumps farther than the sample's longest segment.
    REQUIRE(plan.path.size() >= 2);
    for (size_t i = 1; i < plan.path.size(); ++i) {
        CAPTURE(i);
        const double step = geo::distance_m(plan.path[i - 1], plan.path[i]);
        CHECK(step > 0);
        CHECK(step < 1001);
    }
    CHECK(geo::length_m(plan.path) == doctest::Approx(plan.length_m));

    // Up the spur and back down it is not the way: from D to A is D–B–A.
    auto spur = planner.plan(at(1000, 800), at(0, 0));
    REQUIRE(spur.found);
    CHECK(spur.route_ids == std::vector<std::string>{"tp-spur", "tp-1"});
    CHECK(spur.length_m == doctest::Approx(1800).epsilon(0.003));
}

TEST_CASE("a trip from a point to itself is found and has no length") {
    auto net = bikenet::build_network(sample());
    bikenet::RoutePlanner planner(net, bikenet::find_gaps(net));
    auto plan = planner.plan(at(500, 10), at(500, 10));
    REQUIRE_MESSAGE(plan.found, plan.message);
    CHECK(plan.length_m == 0);
    CHECK(plan.off_network_m == 0);
    CHECK(plan.breaks.empty());
    CHECK(plan.path.size() == 1);
    CHECK(plan.counties == std::vector<std::string>{"Taipei"});
    CHECK(plan.start_snap_m == doctest::Approx(10).epsilon(0.01));
    CHECK(plan.end_snap_m == doctest::Approx(10).epsilon(0.01));
}

TEST_CASE("the off-network penalty decides between a long ride and a long walk across a break") {
    // Taipei's route runs 6 km east; NewTaipei's runs back west above it, 900 m away at the
    // west end and 100 m at the east end: two breaks between the same two networks.
    std::vector<RouteSegment> routes = {route("south", "Taipei", {at(0, 0), at(6000, 0)}),
                                        route("north", "NewTaipei", {at(6000, 100), at(0, 900)})};
    auto net = bikenet::build_network(routes);
    auto gaps = bikenet::find_gaps(net);
    REQUIRE(gaps.size() == 2);
    const double north_length = std::sqrt(6000.0 * 6000.0 + 800.0 * 800.0);

    // At 3 m a metre, crossing 900 m (2700) beats riding 6 km, crossing 100 m and riding back.
    bikenet::RoutePlanner cheap(net, gaps);
    auto walk = cheap.plan(at(0, 0), at(0, 900));
    REQUIRE_MESSAGE(walk.found, walk.message);
    REQUIRE(walk.breaks.size() == 1);
    CHECK(walk.off_network_m == doctest::Approx(900).epsilon(0.003));
    CHECK(walk.length_m == doctest::Approx(900).epsilon(0.003));
    CHECK(walk.breaks[0].county_from == "Taipei");
    CHECK(walk.breaks[0].county_to == "NewTaipei");
    CHECK(walk.counties == std::vector<std::string>{"Taipei", "NewTaipei"});

    // At 20 a metre the 900 m crossing costs 18 km: ride round by the 100 m one.
    bikenet::PlanOptions dear;
    dear.off_network_penalty = 20;
    bikenet::RoutePlanner careful(net, gaps, dear);
    auto ride = careful.plan(at(0, 0), at(0, 900));
    REQUIRE_MESSAGE(ride.found, ride.message);
    REQUIRE(ride.breaks.size() == 1);
    CHECK(ride.off_network_m == doctest::Approx(100).epsilon(0.003));
    CHECK(ride.length_m == doctest::Approx(6000 + 100 + north_length).epsilon(0.003));
    CHECK(ride.route_ids == std::vector<std::string>{"south", "north"});
}

TEST_CASE("the snapping limit is the planner's option, and an empty network snaps nothing") {
    auto net = bikenet::build_network(sample());
    bikenet::PlanOptions strict;
    strict.max_snap_m = 100;
    bikenet::RoutePlanner planner(net, bikenet::find_gaps(net), strict);
    CHECK(planner.plan(at(0, 90), at(1000, 0)).found);
    auto refused = planner.plan(at(0, 150), at(1000, 0));
    CHECK_FALSE(refused.found);
    CHECK(refused.message == "the start is more than 100 m from any bike route");

    auto empty = bikenet::build_network({});
    bikenet::RoutePlanner none(empty, {});
    auto plan = none.plan(at(0, 0), at(10, 0));
    CHECK_FALSE(plan.found);
    CHECK(plan.message == "the start is more than 2000 m from any bike route");
}
