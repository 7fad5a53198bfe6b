// GET /api/bikenet/route: a planned route written as the server sends it reads back to the
// same route, found or not, breaks and all.
#include <doctest/doctest.h>

#include "bikenet/gaps.h"
#include "bikenet/route_json.h"
#include "metres.h"

using namespace beitai;
using bikenet::RouteSegment;
using text::Json;

namespace {

using testing::at;

// Taipei's route, then New Taipei's 300 m on: one break to cross.
bikenet::Network across_a_break() {
    return bikenet::build_network({{"tp-1", "tp-1", "Taipei", {at(0, 0), at(1000, 0)}},
                                   {"ntp-1", "ntp-1", "NewTaipei", {at(1300, 0), at(2500, 0)}}});
}

}  // namespace

TEST_CASE("a planned route reads back to what was written, its break included") {
    const auto network = across_a_break();
    bikenet::RoutePlanner planner(network, bikenet::find_gaps(network));
    const auto plan = planner.plan(at(10, 5), at(2400, 5));
    REQUIRE(plan.found);
    REQUIRE(plan.breaks.size() == 1);
    const Json written = bikenet::planned_route_json(plan, true);
    CHECK(written["path"]["type"] == "LineString");
    CHECK(written["path"]["coordinates"][0][0] == plan.path[0].lon);  // GeoJSON: longitude first
    CHECK(written["breaks"][0]["county_from"] == "Taipei");
    // Through text, as it travels.
    auto back = bikenet::read_planned_route_json(Json::parse(written.dump()));
    REQUIRE_MESSAGE(back, back.error());
    CHECK(back->sample);
    CHECK(back->route.found);
    CHECK(back->route.length_m == plan.length_m);
    CHECK(back->route.counties == plan.counties);
    CHECK(back->route.route_ids == plan.route_ids);
    CHECK(back->route.path.size() == plan.path.size());
    CHECK(back->route.breaks[0].distance_m == plan.breaks[0].distance_m);
    CHECK(bikenet::planned_route_json(back->route, back->sample) == written);
}

TEST_CASE("no way found: the reason and an empty path travel too; a broken body is refused with the path") {
    const auto network = bikenet::build_network({{"a", "a", "Taipei", {at(0, 0), at(100, 0)}},
                                                 {"b", "b", "Keelung", {at(10000, 0), at(10100, 0)}}});
    bikenet::PlanOptions wide;
    wide.max_snap_m = 20000;
    bikenet::RoutePlanner planner(network, bikenet::find_gaps(network), wide);
    const auto none = planner.plan(at(0, 0), at(10100, 0));
    REQUIRE_FALSE(none.found);
    const Json written = bikenet::planned_route_json(none, false);
    auto back = bikenet::read_planned_route_json(written);
    REQUIRE_MESSAGE(back, back.error());
    CHECK_FALSE(back->route.found);
    CHECK(back->route.message == none.message);
    CHECK(back->route.path.empty());
    CHECK(bikenet::planned_route_json(back->route, false) == written);

    Json bad = written;
    bad["start"]["lat"] = "north";
    bad["path"] = {{"type", "Point"}, {"coordinates", {121.5, 25.0}}};
    auto refused = bikenet::read_planned_route_json(bad);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().find("start.lat") != std::string::npos);
    CHECK(refused.error().find("path: expected a LineString") != std::string::npos);
}
