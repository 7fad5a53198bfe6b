// geo/topojson: a Topology's areas decoded into features. The cases encode their own
// shapes (quantised, delta-encoded, borders shared and walked backwards) and check that
// decoding gives the shapes back; every error names the geometry and the reason.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "geo/topojson.h"

using namespace beitai;
using geo::LatLon;
using text::Json;

namespace {

using LonLat = std::pair<double, double>;

constexpr double kScale = 1e-4;  // degrees per quantisation step: about 10 m
constexpr double kTx = 121.0, kTy = 24.5;

// An arc as TopoJSON writes it under the transform: quantised, then each position as the
// difference from the previous one (the first from 0,0).
Json encode_arc(const std::vector<LonLat>& points) {
    Json arc = Json::array();
    long long px = 0, py = 0;
    for (const auto& [lon, lat] : points) {
        const long long x = std::llround((lon - kTx) / kScale), y = std::llround((lat - kTy) / kScale);
        arc.push_back({x - px, y - py});
        px = x;
        py = y;
    }
    return arc;
}

// Two neighbours whose border zig-zags east to 121.52 halfway up: west and east of it.
const std::vector<LonLat> kBorder = {{121.50, 25.00}, {121.52, 25.05}, {121.50, 25.10}};  // south to north
const std::vector<LonLat> kWestRest = {{121.50, 25.10}, {121.40, 25.10}, {121.40, 25.00}, {121.50, 25.00}};
const std::vector<LonLat> kEastRest = {{121.50, 25.00}, {121.60, 25.00}, {121.60, 25.10}, {121.50, 25.10}};

Json neighbours() {
    Json t = {{"type", "Topology"},
              {"transform", {{"scale", {kScale, kScale}}, {"translate", {kTx, kTy}}}},
              {"arcs", {encode_arc(kBorder), encode_arc(kWestRest), encode_arc(kEastRest)}}};
    t["objects"]["towns"] = Json::parse(R"({"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "西區", "code": 1}},
        {"type": "Polygon", "arcs": [[2, -1]], "properties": {"name": "東區", "code": 2}}]})");
    return t;
}

void check_ring(const geo::Ring& ring, const std::vector<LonLat>& expected) {
    REQUIRE(ring.size() == expected.size());
    for (size_t i = 0; i < ring.size(); ++i) {
        CAPTURE(i);
        CHECK(std::abs(ring[i].lon - expected[i].first) <= kScale / 2);
        CHECK(std::abs(ring[i].lat - expected[i].second) <= kScale / 2);
    }
}

std::string error_of(const Json& topology, const char* object = "towns") {
    auto r = geo::read_topojson(topology, object, "atlas.json");
    REQUIRE_FALSE(r.ok());
    return r.error();
}

// One member of the valid topology replaced (a JSON pointer and the JSON put there), and the
// message the reader must give for it.
struct Break {
    const char* pointer;
    const char* value;
    const char* error;
};

template <size_t N>
void check_breaks(const Break (&cases)[N]) {
    for (const auto& c : cases) {
        const std::string pointer = c.pointer, value = c.value;
        CAPTURE(pointer);
        CAPTURE(value);
        Json t = neighbours();
        t[Json::json_pointer(c.pointer)] = Json::parse(c.value);
        CHECK(error_of(t) == c.error);
    }
}

}  // namespace

TEST_CASE("quantised arcs decode to the positions they encode, joins not repeated") {
    auto features = geo::read_topojson(neighbours(), "towns", "atlas.json");
    REQUIRE_MESSAGE(features.ok(), features.error());
    REQUIRE(features->size() == 2);
    const auto& west = (*features)[0].geometry;
    CHECK(west.type == geo::GeometryType::polygon);
    REQUIRE(west.polygons.size() == 1);
    REQUIRE(west.polygons[0].size() == 1);
    // Border then the rest: 3 + 4 positions, the shared join once: 6, closed.
    check_ring(west.polygons[0][0],
               {{121.50, 25.00}, {121.52, 25.05}, {121.50, 25.10}, {121.40, 25.10}, {121.40, 25.00}, {121.50, 25.00}});
}

TEST_CASE("a negative arc index walks the shared border backwards") {
    auto features = geo::read_topojson(neighbours(), "towns", "atlas.json");
    REQUIRE_MESSAGE(features.ok(), features.error());
    REQUIRE(features->size() == 2);
    const auto& east = (*features)[1].geometry.polygons[0][0];
    // The rest of the east, then the border north to south (~0 = -1).
    check_ring(east, {{121.50, 25.00}, {121.60, 25.00}, {121.60, 25.10}, {121.50, 25.10}, {121.52, 25.05}, {121.50, 25.00}});
    // The two areas meet along the same zig-zag: a point east of 121.50 but west of the
    // bulge is in the west only.
    const auto& west_polygon = (*features)[0].geometry.polygons[0];
    const auto& east_polygon = (*features)[1].geometry.polygons[0];
    for (const LatLon p : {LatLon{25.05, 121.51}, LatLon{25.05, 121.45}}) {
        CAPTURE(p.lon);
        CHECK(geo::contains(west_polygon, p));
        CHECK_FALSE(geo::contains(east_polygon, p));
    }
    for (const LatLon p : {LatLon{25.05, 121.53}, LatLon{25.02, 121.515}}) {
        CAPTURE(p.lon);
        CHECK(geo::contains(east_polygon, p));
        CHECK_FALSE(geo::contains(west_polygon, p));
    }
}

TEST_CASE("properties come with each feature; points and lines are left out") {
    Json t = neighbours();
    t["objects"]["towns"]["geometries"].push_back({{"type", "Point"}, {"coordinates", {1, 1}}});
    t["objects"]["towns"]["geometries"].push_back({{"type", "LineString"}, {"arcs", {0}}});
    t["objects"]["towns"]["geometries"].push_back({{"type", "Polygon"}, {"arcs", {{0, 1}}}});  // no properties
    auto features = geo::read_topojson(t, "towns", "atlas.json");
    REQUIRE_MESSAGE(features.ok(), features.error());
    REQUIRE(features->size() == 3);
    CHECK((*features)[0].properties == Json{{"name", "西區"}, {"code", 1}});
    CHECK((*features)[1].properties["name"] == "東區");
    CHECK((*features)[2].properties == Json::object());
}

TEST_CASE("without a transform, positions are absolute, not deltas") {
    Json t = Json::parse(R"({"type": "Topology",
      "arcs": [[[121.4, 25.0], [121.5, 25.0], [121.5, 25.1], [121.4, 25.1], [121.4, 25.0]],
               [[121.42, 25.02], [121.42, 25.04], [121.44, 25.04], [121.44, 25.02], [121.42, 25.02]],
               [[121.7, 25.2, 12.5], [121.8, 25.2, 13], [121.8, 25.3, 0], [121.7, 25.2, 12.5]]],
      "objects": {"islands": {"type": "GeometryCollection", "geometries": [
        {"type": "MultiPolygon", "arcs": [[[0], [1]], [[2]]], "properties": {"name": "示範群島"}}]}}})");
    auto features = geo::read_topojson(t, "islands", "atlas.json");
    REQUIRE_MESSAGE(features.ok(), features.error());
    REQUIRE(features->size() == 1);
    const auto& g = (*features)[0].geometry;
    CHECK(g.type == geo::GeometryType::multi_polygon);
    REQUIRE(g.polygons.size() == 2);
    REQUIRE(g.polygons[0].size() == 2);  // an outer ring and a hole
    check_ring(g.polygons[0][0], {{121.4, 25.0}, {121.5, 25.0}, {121.5, 25.1}, {121.4, 25.1}, {121.4, 25.0}});
    check_ring(g.polygons[1][0], {{121.7, 25.2}, {121.8, 25.2}, {121.8, 25.3}, {121.7, 25.2}});  // elevation dropped
    CHECK(geo::contains(g.polygons[0], {25.05, 121.45}));
    CHECK_FALSE(geo::contains(g.polygons[0], {25.03, 121.43}));  // in the hole
}

TEST_CASE("a ring of one arc reversed is the same ring the other way round") {
    Json t = neighbours();
    t["arcs"].push_back(encode_arc({{121.0, 24.5}, {121.1, 24.5}, {121.1, 24.6}, {121.0, 24.5}}));
    t["objects"]["towns"]["geometries"] = Json::parse(R"([{"type": "Polygon", "arcs": [[3]]}, {"type": "Polygon", "arcs": [[-4]]}])");
    auto features = geo::read_topojson(t, "towns", "atlas.json");
    REQUIRE_MESSAGE(features.ok(), features.error());
    REQUIRE(features->size() == 2);
    check_ring((*features)[0].geometry.polygons[0][0], {{121.0, 24.5}, {121.1, 24.5}, {121.1, 24.6}, {121.0, 24.5}});
    check_ring((*features)[1].geometry.polygons[0][0], {{121.0, 24.5}, {121.1, 24.6}, {121.1, 24.5}, {121.0, 24.5}});
}

TEST_CASE("every malformed topology is refused with the place and the reason") {
    SUBCASE("not a topology") {
        CHECK(error_of(Json::array()) == "atlas.json: not a TopoJSON Topology");
        Json t = neighbours();
        t["type"] = "FeatureCollection";
        CHECK(error_of(t) == "atlas.json: not a TopoJSON Topology");
    }
    SUBCASE("arcs and objects") {
        Json t = neighbours();
        t.erase("arcs");
        CHECK(error_of(t) == "atlas.json: arcs: missing");
        t = neighbours();
        t["arcs"] = Json::object();
        CHECK(error_of(t) == "atlas.json: arcs: missing");
        CHECK(error_of(neighbours(), "counties") == "atlas.json: objects.counties: missing");
        t = neighbours();
        t["objects"]["towns"]["type"] = "Polygon";
        CHECK(error_of(t) == "atlas.json: objects.towns: expected a GeometryCollection");
        t = neighbours();
        t["objects"]["towns"].erase("geometries");
        CHECK(error_of(t) == "atlas.json: objects.towns: expected a GeometryCollection");
    }
    SUBCASE("the transform") {
        Json t = neighbours();
        t["transform"]["scale"] = {kScale, kScale, 1};
        CHECK(error_of(t) == "atlas.json: transform: expected scale and translate pairs");
        t = neighbours();
        t["transform"].erase("translate");
        CHECK(error_of(t) == "atlas.json: transform: expected scale and translate pairs");
    }
    SUBCASE("arc indices and positions, named by geometry") {
        const Break cases[] = {
            {"/objects/towns/geometries/1/arcs", "[[2, -9]]", "atlas.json: objects.towns.geometries[1]: arc 8 does not exist"},
            {"/objects/towns/geometries/0/arcs", "[[0, 3]]", "atlas.json: objects.towns.geometries[0]: arc 3 does not exist"},
            {"/objects/towns/geometries/0/arcs", "[[0, 1.5]]",
             "atlas.json: objects.towns.geometries[0]: an arc index is not an integer"},
            {"/objects/towns/geometries/0/arcs", "[[\"0\"]]",
             "atlas.json: objects.towns.geometries[0]: an arc index is not an integer"},
            {"/objects/towns/geometries/1/arcs", "[0]",
             "atlas.json: objects.towns.geometries[1]: a ring is not an array of arc indices"},
            {"/objects/towns/geometries/1/arcs", "0", "atlas.json: objects.towns.geometries[1]: a polygon is not an array of rings"},
            {"/objects/towns/geometries/0/type", "\"MultiPolygon\"",
             "atlas.json: objects.towns.geometries[0]: a ring is not an array of arc indices"},
            {"/objects/towns/geometries/1", R"({"type": "MultiPolygon", "arcs": 5})",
             "atlas.json: objects.towns.geometries[1]: arcs: expected an array of polygons"},
            {"/arcs/1/2", "[5]", "atlas.json: objects.towns.geometries[0]: arc 1 has a malformed position"},
            {"/arcs/2/0", "[\"a\", 1]", "atlas.json: objects.towns.geometries[1]: arc 2 has a malformed position"},
            {"/arcs/0", "{}", "atlas.json: objects.towns.geometries[0]: arc 0 does not exist"},
        };
        check_breaks(cases);
        Json t = neighbours();
        t["objects"]["towns"]["geometries"][1].erase("arcs");
        CHECK(error_of(t) == "atlas.json: objects.towns.geometries[1]: a polygon is not an array of rings");
    }
}

TEST_CASE("members of the wrong JSON type are refused with a message, never thrown over") {
    // The core is built without exceptions (WASM): a hand-edited atlas with a string where a
    // number belongs must give an error, not abort.
    const Break cases[] = {
        {"/type", "5", "atlas.json: not a TopoJSON Topology"},
        {"/transform/scale", R"(["1e-4", "1e-4"])", "atlas.json: transform: expected scale and translate pairs"},
        {"/transform/translate", R"({"x": 121, "y": 24.5})", "atlas.json: transform: expected scale and translate pairs"},
        {"/transform", "[1, 2]", "atlas.json: transform: expected scale and translate pairs"},
        {"/objects", "[]", "atlas.json: objects.towns: missing"},
        {"/objects/towns", "[]", "atlas.json: objects.towns: expected a GeometryCollection"},
        {"/objects/towns/type", "7", "atlas.json: objects.towns: expected a GeometryCollection"},
        {"/objects/towns/geometries", R"({"a": 1})", "atlas.json: objects.towns: expected a GeometryCollection"},
    };
    check_breaks(cases);
    // A geometry that is no object, or whose type is no string, is no area: left out.
    Json t = neighbours();
    t["objects"]["towns"]["geometries"].push_back("Polygon");
    t["objects"]["towns"]["geometries"].push_back({{"type", 3}, {"arcs", {{0, 1}}}});
    t["objects"]["towns"]["geometries"].push_back({{"type", "Polygon"}, {"arcs", {{0, 1}}}, {"properties", "西區"}});
    auto features = geo::read_topojson(t, "towns", "atlas.json");
    REQUIRE_MESSAGE(features.ok(), features.error());
    REQUIRE(features->size() == 3);
    CHECK((*features)[2].properties == Json::object());
}

TEST_CASE("TopoJSON: shared, delta-encoded arcs decode into closed rings") {
    // Two squares sharing an edge: arc 0 is the shared edge, 1 and 2 the rest of each.
    auto topology = text::Json::parse(R"({
      "type": "Topology",
      "transform": {"scale": [0.001, 0.001], "translate": [121.0, 25.0]},
      "arcs": [[[1000, 0], [0, 1000]], [[1000, 1000], [-1000, 0], [0, -1000], [1000, 0]], [[1000, 0], [1000, 0], [0, 1000], [-1000, 0]]],
      "objects": {"counties": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "properties": {"COUNTYNAME": "西"}},
        {"type": "Polygon", "arcs": [[2, -1]], "properties": {"COUNTYNAME": "東"}},
        {"type": "Point", "coordinates": [1, 1]}]}}
    })");
    auto features = geo::read_topojson(topology, "counties", "test.json");
    REQUIRE_MESSAGE(features.ok(), features.error());
    REQUIRE(features->size() == 2);
    const auto& west = (*features)[0].geometry.polygons[0][0];
    CHECK(west.size() == 5);
    CHECK(west.front().lat == doctest::Approx(west.back().lat));
    CHECK(west.front().lon == doctest::Approx(west.back().lon));
    CHECK(west[0].lon == doctest::Approx(122.0));
    CHECK(west[1].lat == doctest::Approx(26.0));
    CHECK((*features)[1].properties["COUNTYNAME"] == "東");
    CHECK(geo::contains((*features)[0].geometry.polygons[0], {25.5, 121.5}));
    CHECK_FALSE(geo::contains((*features)[0].geometry.polygons[0], {25.5, 122.5}));
    CHECK(geo::contains((*features)[1].geometry.polygons[0], {25.5, 122.5}));

    CHECK(geo::read_topojson(text::Json::parse("{}"), "counties", "x").error() == "x: not a TopoJSON Topology");
    auto broken = topology;
    broken["objects"]["counties"]["geometries"][0]["arcs"] = text::Json::parse("[[7]]");
    CHECK(geo::read_topojson(broken, "counties", "t").error() == "t: objects.counties.geometries[0]: arc 7 does not exist");
}
