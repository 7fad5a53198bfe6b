// bikenet/route_planner: the shortest way along the routes, across their breaks and on roads
// between them, its labelled legs, length, counties and routes, and the reasons when there
// is none; on the repository's sample network, the trips the issue measured.
#include <doctest/doctest.h>

#include "bikenet/gaps.h"
#include "bikenet/network.h"
#include "bikenet/plan_words.h"
#include "bikenet/route_planner.h"
#include "content/route.h"
#include "geo/geometry.h"
#include "text/json_reader.h"

#include <cmath>

#include "sample_network.h"
#include "test_content.h"

using namespace beitai;
using namespace beitai::testing;
using bikenet::LegKind;

namespace {

// "route tp-1 1000 m, on_roads 2000 m, …": what a failed check shows.
std::string legs_text(const bikenet::PlannedRoute& plan) {
    std::string out;
    for (const auto& leg : plan.legs)
        out += std::string(bikenet::leg_kind_id(leg.kind)) + " " + leg.route_id + " " + leg.county_from + ">" + leg.county_to +
               " " + std::to_string(static_cast<long>(leg.length_m)) + " m; ";
    return out;
}

std::vector<LegKind> kinds(const bikenet::PlannedRoute& plan) {
    std::vector<LegKind> out;
    for (const auto& leg : plan.legs) out.push_back(leg.kind);
    return out;
}

// What every plan found must hold: legs that join end to end from the start point to the
// end point, lengths that add up, and a path as long as the legs.
void check_legs(const bikenet::PlannedRoute& plan, geo::LatLon from, geo::LatLon to) {
    REQUIRE(plan.found);
    REQUIRE_FALSE(plan.path.empty());
    CHECK(geo::distance_m(plan.path.front(), from) < 0.01);
    CHECK(geo::distance_m(plan.path.back(), to) < 0.01);
    double total = 0, off = 0;
    for (size_t i = 0; i < plan.legs.size(); ++i) {
        CAPTURE(i);
        const auto& leg = plan.legs[i];
        CHECK(leg.length_m > 0);
        if (i > 0) CHECK(geo::distance_m(plan.legs[i - 1].to, leg.from) < 0.01);
        CHECK((leg.kind == LegKind::route) == !leg.route_id.empty());
        total += leg.length_m;
        off += leg.kind == LegKind::route ? 0 : leg.length_m;
    }
    if (!plan.legs.empty()) {
        CHECK(geo::distance_m(plan.legs.front().from, from) < 0.01);
        CHECK(geo::distance_m(plan.legs.back().to, to) < 0.01);
    }
    CHECK(plan.length_m == doctest::Approx(total));
    CHECK(plan.off_network_m == doctest::Approx(off));
    CHECK(geo::length_m(plan.path) == doctest::Approx(plan.length_m));
}

}  // namespace

TEST_CASE("the planner finds the shortest way along the routes, and says how it joins and leaves them") {
    auto net = bikenet::build_network(sample());
    bikenet::RoutePlanner planner(net, bikenet::find_gaps(net));
    // From 11 m off A to 11 m off F: onto the network, along tp-1, tp-2, ntp-1, and off it.
    auto plan = planner.plan(at(5, 10), at(2990, 5));
    check_legs(plan, at(5, 10), at(2990, 5));
    const double snap = std::sqrt(25.0 + 100.0);
    CHECK(kinds(plan) == std::vector<LegKind>{LegKind::to_network, LegKind::route, LegKind::route, LegKind::route,
                                              LegKind::from_network});
    CHECK(plan.legs[0].length_m == doctest::Approx(snap).epsilon(0.01));
    CHECK(plan.length_m == doctest::Approx(2000 + 995 + 2 * snap).epsilon(0.003));
    CHECK(plan.off_network_m == doctest::Approx(2 * snap).epsilon(0.01));
    CHECK(plan.counties == std::vector<std::string>{"Taipei", "NewTaipei"});
    CHECK(plan.route_ids == std::vector<std::string>{"tp-1", "tp-2", "ntp-1"});
    CHECK(plan.start_snap_m == doctest::Approx(snap).epsilon(0.01));
    CHECK(geo::distance_m(plan.start, at(0, 0)) < 0.5);

    // Into Keelung the trip must leave the network at the 400 m break.
    auto across = planner.plan(at(0, 0), at(6000, 1000));
    check_legs(across, at(0, 0), at(6000, 1000));
    CHECK(across.counties == std::vector<std::string>{"Taipei", "NewTaipei", "Keelung"});
    CHECK(kinds(across) == std::vector<LegKind>{LegKind::route, LegKind::route, LegKind::route, LegKind::route,
                                                LegKind::across_break, LegKind::route});
    CHECK(across.legs[4].length_m == doctest::Approx(400).epsilon(0.003));
    CHECK(across.legs[4].county_from == "NewTaipei");
    CHECK(across.legs[4].county_to == "Keelung");
    CHECK(across.off_network_m == doctest::Approx(400).epsilon(0.003));
    CHECK(across.length_m == doctest::Approx(2000 + 995 + 2000 + 400 + 1600).epsilon(0.003));

    // Along one route, walked backwards when the end comes first; each end 20 m off it.
    auto within = planner.plan(at(1000, 20), at(0, 20));
    check_legs(within, at(1000, 20), at(0, 20));
    CHECK(kinds(within) == std::vector<LegKind>{LegKind::to_network, LegKind::route, LegKind::from_network});
    CHECK(within.legs[1].length_m == doctest::Approx(1000).epsilon(0.003));
    CHECK(within.counties == std::vector<std::string>{"Taipei"});
    CHECK(within.path.front().lon > within.path.back().lon);  // from east to west
}

TEST_CASE("points far from any route, or routes too far apart, are refused with the reason in both languages") {
    auto net = bikenet::build_network(sample());
    bikenet::RoutePlanner planner(net, bikenet::find_gaps(net));
    auto far = planner.plan(at(0, 50000), at(1000, 0));
    CHECK_FALSE(far.found);
    CHECK(far.failure == bikenet::PlanFailure::start_far);
    CHECK(bikenet::plan_failure_text(far.failure, planner.options(), text::Lang::en) ==
          "The start is more than 2000 m from any bike route.");
    CHECK(bikenet::plan_failure_text(far.failure, planner.options(), text::Lang::zh_TW) == "起點離最近的自行車道超過 2000 公尺。");
    auto far_end = planner.plan(at(0, 0), at(0, -50000));
    CHECK_FALSE(far_end.found);
    CHECK(far_end.failure == bikenet::PlanFailure::end_far);

    // Two networks 20 km apart: no road link reaches (10 km between fragments), and each
    // end is near one only.
    std::vector<RouteSegment> apart = {route("a", "Taipei", {at(0, 0), at(100, 0)}),
                                       route("b", "Keelung", {at(20000, 0), at(20100, 0)})};
    auto net2 = bikenet::build_network(apart);
    bikenet::RoutePlanner p2(net2, bikenet::find_gaps(net2));
    auto none = p2.plan(at(0, 0), at(20100, 0));
    CHECK_FALSE(none.found);
    CHECK(none.failure == bikenet::PlanFailure::unconnected);
    CHECK(none.legs.empty());

    // 8 km apart, the two fragments are joined by a road link, said as such.
    std::vector<RouteSegment> nearer = {route("a", "Taipei", {at(0, 0), at(100, 0)}),
                                        route("b", "Keelung", {at(8100, 0), at(8200, 0)})};
    auto net3 = bikenet::build_network(nearer);
    bikenet::RoutePlanner p3(net3, bikenet::find_gaps(net3));
    auto joined = p3.plan(at(0, 0), at(8200, 0));
    check_legs(joined, at(0, 0), at(8200, 0));
    CHECK(kinds(joined) == std::vector<LegKind>{LegKind::route, LegKind::on_roads, LegKind::route});
    CHECK(joined.legs[1].length_m == doctest::Approx(8000).epsilon(0.003));
    CHECK(joined.legs[1].county_from == "Taipei");
    CHECK(joined.legs[1].county_to == "Keelung");
    CHECK(joined.counties == std::vector<std::string>{"Taipei", "Keelung"});

    // With ends allowed 30 km from the routes, the 20 km way is found, and the 20 km between
    // the two networks is said to be off them: never hidden in a snap.
    bikenet::PlanOptions wide;
    wide.max_snap_m = 30000;
    bikenet::RoutePlanner p4(net2, bikenet::find_gaps(net2), wide);
    auto reached = p4.plan(at(0, 0), at(20100, 0));
    check_legs(reached, at(0, 0), at(20100, 0));
    CHECK(reached.off_network_m == doctest::Approx(20000).epsilon(0.003));
    CHECK(reached.length_m == doctest::Approx(20100).epsilon(0.003));
}

TEST_CASE("the routes ridden are listed in order, each once per stay") {
    auto net = bikenet::build_network(sample());
    bikenet::RoutePlanner planner(net, bikenet::find_gaps(net));
    auto plan = planner.plan(at(0, 0), at(3000, 1000));
    check_legs(plan, at(0, 0), at(3000, 1000));
    CHECK(plan.route_ids == std::vector<std::string>{"tp-1", "tp-2", "ntp-1", "ntp-2"});
    CHECK(plan.counties == std::vector<std::string>{"Taipei", "NewTaipei"});
    CHECK(plan.length_m == doctest::Approx(1000 + 1000 + 1000 + 1000).epsilon(0.003));
    CHECK(plan.off_network_m == 0);
    // The path never repeats a point and never jumps farther than the sample's longest segment.
    for (size_t i = 1; i < plan.path.size(); ++i) {
        CAPTURE(i);
        const double step = geo::distance_m(plan.path[i - 1], plan.path[i]);
        CHECK(step > 0);
        CHECK(step < 1001);
    }

    // Up the spur and back down it is not the way: from D to A is D–B–A (1.8 km), not the
    // 1.3 km straight on roads (2.6 km at the penalty).
    auto spur = planner.plan(at(1000, 800), at(0, 0));
    check_legs(spur, at(1000, 800), at(0, 0));
    CHECK(spur.route_ids == std::vector<std::string>{"tp-spur", "tp-1"});
    CHECK(spur.length_m == doctest::Approx(1800).epsilon(0.003));
}

TEST_CASE("a trip from a point to itself is found and has no length") {
    auto net = bikenet::build_network(sample());
    bikenet::RoutePlanner planner(net, bikenet::find_gaps(net));
    auto plan = planner.plan(at(500, 10), at(500, 10));
    REQUIRE(plan.found);
    CHECK(plan.length_m == 0);
    CHECK(plan.off_network_m == 0);
    CHECK(plan.legs.empty());
    CHECK(plan.path.size() == 1);
}

TEST_CASE("the off-network penalty decides between a long ride and a crossing off the routes") {
    // Taipei's route runs 6 km east; NewTaipei's runs back west above it, 900 m away at the
    // west end and 100 m at the east end: two breaks between the same two networks. Road
    // links are kept shorter than the crossing, so only the breaks leave the network.
    std::vector<RouteSegment> routes = {route("south", "Taipei", {at(0, 0), at(6000, 0)}),
                                        route("north", "NewTaipei", {at(6000, 100), at(0, 900)})};
    auto net = bikenet::build_network(routes);
    auto gaps = bikenet::find_gaps(net);
    REQUIRE(gaps.size() == 2);
    const double north_length = std::sqrt(6000.0 * 6000.0 + 800.0 * 800.0);

    // At 3 m a metre, crossing 900 m (2700) beats riding 6 km, crossing 100 m and riding back.
    bikenet::PlanOptions cheap;
    cheap.off_network_penalty = 3;
    cheap.road_link_max_m = 500;
    bikenet::RoutePlanner walker(net, gaps, cheap);
    auto walk = walker.plan(at(0, 0), at(0, 900));
    check_legs(walk, at(0, 0), at(0, 900));
    CHECK(kinds(walk) == std::vector<LegKind>{LegKind::across_break});
    CHECK(walk.off_network_m == doctest::Approx(900).epsilon(0.003));
    CHECK(walk.legs[0].county_from == "Taipei");
    CHECK(walk.legs[0].county_to == "NewTaipei");
    CHECK(walk.counties == std::vector<std::string>{"Taipei", "NewTaipei"});

    // At 20 a metre the 900 m crossing costs 18 km: ride round by the 100 m one.
    bikenet::PlanOptions dear = cheap;
    dear.off_network_penalty = 20;
    bikenet::RoutePlanner careful(net, gaps, dear);
    auto ride = careful.plan(at(0, 0), at(0, 900));
    check_legs(ride, at(0, 0), at(0, 900));
    CHECK(kinds(ride) == std::vector<LegKind>{LegKind::route, LegKind::across_break, LegKind::route});
    CHECK(ride.off_network_m == doctest::Approx(100).epsilon(0.003));
    CHECK(ride.length_m == doctest::Approx(6000 + 100 + north_length).epsilon(0.003));
    CHECK(ride.route_ids == std::vector<std::string>{"south", "north"});
}

TEST_CASE("road links join fragments of one county's network, so a trip never detours absurdly") {
    // A U of routes: 5 km east, 1 km north, 5 km back west; and a fragment 2 km beyond its
    // west end that no route reaches.
    std::vector<RouteSegment> routes = {
        route("bottom", "Taoyuan", {at(0, 0), at(1000, 0), at(2000, 0), at(3000, 0), at(4000, 0), at(5000, 0)}),
        route("side", "Taoyuan", {at(5000, 0), at(5000, 1000)}),
        route("top", "Taoyuan", {at(5000, 1000), at(4000, 1000), at(3000, 1000), at(2000, 1000), at(1000, 1000), at(0, 1000)}),
        route("beyond", "Taoyuan", {at(-2000, 1000), at(-4000, 1000)}),
    };
    auto net = bikenet::build_network(routes);
    bikenet::RoutePlanner planner(net, bikenet::find_gaps(net));
    CHECK(planner.road_link_count() > 0);
    // From the U's bottom-left corner to its top-left: 1 km north on roads, not 11 km round.
    auto across = planner.plan(at(0, 0), at(0, 1000));
    check_legs(across, at(0, 0), at(0, 1000));
    CHECK(across.length_m <= 1.6 * 1000);
    CHECK(kinds(across) == std::vector<LegKind>{LegKind::on_roads});
    // Into the fragment: along the top, then 2 km on roads, then along the fragment.
    auto on = planner.plan(at(3000, 1000), at(-4000, 1000));
    check_legs(on, at(3000, 1000), at(-4000, 1000));
    CHECK(kinds(on) == std::vector<LegKind>{LegKind::route, LegKind::on_roads, LegKind::route});
    CHECK(on.legs[1].length_m == doctest::Approx(2000).epsilon(0.003));
    CHECK(on.legs[1].county_from == "Taoyuan");
    CHECK(on.route_ids == std::vector<std::string>{"top", "beyond"});
    CHECK(on.length_m == doctest::Approx(7000).epsilon(0.003));
}

TEST_CASE("the snapping limit is the planner's option, and an empty network snaps nothing") {
    auto net = bikenet::build_network(sample());
    bikenet::PlanOptions strict;
    strict.max_snap_m = 100;
    bikenet::RoutePlanner planner(net, bikenet::find_gaps(net), strict);
    CHECK(planner.plan(at(0, 90), at(1000, 0)).found);
    auto refused = planner.plan(at(0, 150), at(1000, 0));
    CHECK_FALSE(refused.found);
    CHECK(bikenet::plan_failure_text(refused.failure, planner.options(), text::Lang::en) ==
          "The start is more than 100 m from any bike route.");

    auto empty = bikenet::build_network({});
    bikenet::RoutePlanner none(empty, {});
    auto plan = none.plan(at(0, 0), at(10, 0));
    CHECK_FALSE(plan.found);
    CHECK(plan.failure == bikenet::PlanFailure::start_far);
}

TEST_CASE("on the repository's sample network: Taipei Main Station to Banqiao and to Taoyuan") {
    auto json = text::parse_json_text(read_text_file(std::string(BEITAI_SOURCE_DIR) + "/content/maps/routes.geojson"), "routes");
    REQUIRE(json);
    auto routes = content::read_routes(*json, "content/maps/routes.geojson");
    REQUIRE_MESSAGE(routes, routes.error());
    auto net = bikenet::build_network(routes->routes);
    bikenet::RoutePlanner planner(net, bikenet::find_gaps(net));

    const geo::LatLon taipei_main{25.0478, 121.5170}, banqiao{25.0143, 121.4632}, taoyuan{24.9892, 121.3134};
    auto to_banqiao = planner.plan(taipei_main, banqiao);
    check_legs(to_banqiao, taipei_main, banqiao);
    const double straight = geo::distance_m(taipei_main, banqiao);
    CAPTURE(to_banqiao.length_m);
    CHECK(to_banqiao.length_m <= 1.6 * straight);
    CHECK(to_banqiao.legs.front().kind == LegKind::to_network);
    CHECK(to_banqiao.legs.back().kind == LegKind::from_network);

    auto to_taoyuan = planner.plan(taipei_main, taoyuan);
    CAPTURE(legs_text(to_taoyuan));
    check_legs(to_taoyuan, taipei_main, taoyuan);
    bool on_roads = false;
    for (const auto& leg : to_taoyuan.legs) on_roads |= leg.kind == LegKind::on_roads || leg.kind == LegKind::across_break;
    CHECK(on_roads);
    CHECK(to_taoyuan.counties.back() == "Taoyuan");
    CAPTURE(to_taoyuan.length_m);
    CHECK(to_taoyuan.length_m <= 2.0 * geo::distance_m(taipei_main, taoyuan));
}
