// GET /api/bikenet/route: a planned route written as the server sends it reads back to the
// same route, found or not, its legs and all; why not is said in the reader's language.
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

TEST_CASE("a planned route reads back to what was written, its legs included") {
    const auto network = across_a_break();
    bikenet::RoutePlanner planner(network, bikenet::find_gaps(network));
    const auto plan = planner.plan(at(10, 5), at(2400, 5));
    REQUIRE(plan.found);
    const Json written = bikenet::planned_route_json(plan, true, text::Lang::zh_TW, planner.options());
    CHECK(written["path"]["type"] == "LineString");
    CHECK(written["path"]["coordinates"][0][0] == plan.path[0].lon);  // GeoJSON: longitude first
    CHECK(written["failure"] == "");
    CHECK(written["message"] == "");
    // Onto the network, along Taipei's route, across the break, along New Taipei's, off it.
    REQUIRE(written["legs"].size() == 5);
    CHECK(written["legs"][0]["kind"] == "to_network");
    CHECK(written["legs"][1]["kind"] == "route");
    CHECK(written["legs"][1]["route"] == "tp-1");
    CHECK(written["legs"][2]["kind"] == "across_break");
    CHECK(written["legs"][2]["county_from"] == "Taipei");
    CHECK(written["legs"][2]["county_to"] == "NewTaipei");
    CHECK(written["legs"][4]["kind"] == "from_network");
    CHECK_FALSE(written["legs"][2].contains("route"));
    // Through text, as it travels.
    auto back = bikenet::read_planned_route_json(Json::parse(written.dump()));
    REQUIRE_MESSAGE(back, back.error());
    CHECK(back->sample);
    CHECK(back->route.found);
    CHECK(back->route.length_m == plan.length_m);
    CHECK(back->route.counties == plan.counties);
    CHECK(back->route.route_ids == plan.route_ids);
    CHECK(back->route.path.size() == plan.path.size());
    REQUIRE(back->route.legs.size() == plan.legs.size());
    CHECK(back->route.legs[2].length_m == plan.legs[2].length_m);
    CHECK(back->route.legs[2].kind == bikenet::LegKind::across_break);
    CHECK(bikenet::planned_route_json(back->route, back->sample, text::Lang::zh_TW, planner.options()) == written);

    Json odd = written;
    odd["legs"][1]["kind"] = "teleport";
    auto refused = bikenet::read_planned_route_json(odd);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().find("legs[1].kind: unknown leg kind \"teleport\"") != std::string::npos);
}

TEST_CASE("no way found: the reason in the reader's language and an empty path travel too; a broken body is refused with the path") {
    // Two routes 20 km apart: farther than any road link, and each end within reach of one only.
    const auto network = bikenet::build_network({{"a", "a", "Taipei", {at(0, 0), at(100, 0)}},
                                                 {"b", "b", "Keelung", {at(20000, 0), at(20100, 0)}}});
    bikenet::RoutePlanner planner(network, bikenet::find_gaps(network));
    const auto none = planner.plan(at(0, 0), at(20100, 0));
    REQUIRE_FALSE(none.found);
    CHECK(none.failure == bikenet::PlanFailure::unconnected);
    const Json written = bikenet::planned_route_json(none, false, text::Lang::zh_TW, planner.options());
    CHECK(written["failure"] == "unconnected");
    CHECK(written["message"] == "沿自行車道、斷點及路網片段間 10000 公尺內的一般道路都無法連接這兩點。");
    CHECK(bikenet::planned_route_json(none, false, text::Lang::en, planner.options())["message"] ==
          "No way along the bike routes, their breaks and roads of up to 10000 m between them joins the two points.");
    auto back = bikenet::read_planned_route_json(written);
    REQUIRE_MESSAGE(back, back.error());
    CHECK_FALSE(back->route.found);
    CHECK(back->route.failure == bikenet::PlanFailure::unconnected);
    CHECK(back->message == written["message"]);
    CHECK(back->route.path.empty());
    CHECK(bikenet::planned_route_json(back->route, false, text::Lang::zh_TW, planner.options()) == written);

    Json bad = written;
    bad["start"]["lat"] = "north";
    bad["failure"] = "lost";
    bad["path"] = {{"type", "Point"}, {"coordinates", {121.5, 25.0}}};
    auto refused = bikenet::read_planned_route_json(bad);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().find("start.lat") != std::string::npos);
    CHECK(refused.error().find("failure: expected") != std::string::npos);
    CHECK(refused.error().find("path: expected a LineString") != std::string::npos);
}
