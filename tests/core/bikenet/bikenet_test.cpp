// The bike network on hand-made data whose answers are known: which ends join, where the
// breaks are and how long, the shortest path and the counties it crosses.
#include <doctest/doctest.h>

#include "bikenet/gaps.h"
#include "bikenet/network.h"
#include "bikenet/route_planner.h"
#include "metres.h"

using namespace beitai;
using bikenet::RouteSegment;
using geo::LatLon;

namespace {

using testing::at;

RouteSegment route(const char* id, const char* county, std::vector<LatLon> line) { return {id, id, county, std::move(line)}; }

// Taipei: A—B—C along the x axis, 0 to 2000 m, with a spur B—D north.
// NewTaipei: E—F starting 5 m from C (snaps), then F—G.
// Keelung: H—I starting 400 m east of G: a break between NewTaipei and Keelung.
// Taoyuan: J—K 1 km south of A: far from everything (beyond 3 km? no: 1 km, a break with Taipei).
std::vector<RouteSegment> sample() {
    return {
        route("tp-1", "Taipei", {at(0, 0), at(500, 0), at(1000, 0)}),
        route("tp-2", "Taipei", {at(1000, 0), at(2000, 0)}),
        route("tp-spur", "Taipei", {at(1000, 0), at(1000, 800)}),
        route("ntp-1", "NewTaipei", {at(2005, 0), at(3000, 0)}),
        route("ntp-2", "NewTaipei", {at(3000, 0), at(3000, 1000), at(4000, 1000)}),
        route("kl-1", "Keelung", {at(4400, 1000), at(6000, 1000)}),
        route("ty-1", "Taoyuan", {at(0, -1000), at(-2000, -1000)}),
    };
}

}  // namespace

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

TEST_CASE("degenerate routes are dropped, not crashed on") {
    std::vector<RouteSegment> bad = {route("empty", "Taipei", {}), route("one", "Taipei", {at(0, 0)}),
                                     route("ok", "Taipei", {at(0, 0), at(10, 0)})};
    auto net = bikenet::build_network(bad);
    CHECK(net.routes.size() == 1);
    CHECK(net.edges.size() == 1);
    CHECK(bikenet::find_gaps(net).empty());
}
