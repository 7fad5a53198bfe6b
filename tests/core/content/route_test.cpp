// content/route: bike routes from GeoJSON features. A MultiLineString becomes one route per
// line; every missing property and wrong geometry is named by feature; positions outside
// northern Taiwan are refused; what is written reads back the same.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "content/route.h"

using namespace beitai;
using text::Json;

namespace {

Json collection(bool with_sample = true) {
    Json c = Json::parse(R"({
      "type": "FeatureCollection",
      "features": [
        {"type": "Feature", "properties": {"id": "Taipei-01", "name": "示範河濱自行車道", "county": "Taipei"},
         "geometry": {"type": "LineString", "coordinates": [[121.50, 25.05], [121.51, 25.06], [121.52, 25.06]]}},
        {"type": "Feature", "properties": {"id": "Keelung-02", "name": "示範海岸自行車道", "county": "Keelung"},
         "geometry": {"type": "MultiLineString", "coordinates": [[[121.74, 25.13], [121.75, 25.14]],
                                                                 [[121.76, 25.14], [121.77, 25.15]],
                                                                 [[121.78, 25.15], [121.79, 25.16]]]}}
      ]})");
    if (with_sample) c["sample"] = true;
    return c;
}

geo::Feature feature(Json properties, geo::GeometryType type, std::vector<geo::Polyline> lines) {
    geo::Feature f;
    f.properties = std::move(properties);
    f.geometry.type = type;
    f.geometry.lines = std::move(lines);
    return f;
}

const geo::Polyline kLine = {{25.0, 121.5}, {25.01, 121.51}};

}  // namespace

TEST_CASE("each line of a MultiLineString is a route: id, id#2, id#3, with the feature's name and county") {
    auto set = content::read_routes(collection(), "content/maps/routes.geojson");
    REQUIRE_MESSAGE(set.ok(), set.error());
    CHECK(set->sample);
    REQUIRE(set->routes.size() == 4);
    CHECK(set->routes[0].id == "Taipei-01");
    CHECK(set->routes[0].line.size() == 3);
    CHECK(set->routes[0].line[0].lat == 25.05);  // GeoJSON's [lon, lat] turned round
    CHECK(set->routes[0].line[0].lon == 121.50);
    const char* const ids[] = {"Keelung-02", "Keelung-02#2", "Keelung-02#3"};
    for (size_t k = 0; k < 3; ++k) {
        CAPTURE(k);
        const auto& r = set->routes[1 + k];
        CHECK(r.id == ids[k]);
        CHECK(r.name == "示範海岸自行車道");
        CHECK(r.county == "Keelung");
        REQUIRE(r.line.size() == 2);
        CHECK(r.line[0].lon == doctest::Approx(121.74 + 0.02 * static_cast<double>(k)));
    }
}

TEST_CASE("the sample flag comes from the collection; absent is official data") {
    auto official = content::read_routes(collection(false), "r.geojson");
    REQUIRE_MESSAGE(official.ok(), official.error());
    CHECK_FALSE(official->sample);
    auto flagged = content::read_routes(collection(true), "r.geojson");
    REQUIRE(flagged.ok());
    CHECK(flagged->sample);
}

TEST_CASE("routes written as GeoJSON read back the same, sample flag included") {
    for (bool sample : {true, false}) {
        CAPTURE(sample);
        auto set = content::read_routes(collection(sample), "r.geojson");
        REQUIRE_MESSAGE(set.ok(), set.error());
        const Json written = content::routes_to_geojson(set->routes, sample);
        CHECK(written["type"] == "FeatureCollection");
        CHECK(written["sample"] == sample);
        REQUIRE(written["features"].size() == 4);  // one LineString per route
        for (const auto& f : written["features"]) {
            CHECK(f["geometry"]["type"] == "LineString");
            CHECK(f["properties"]["sample"] == sample);
        }
        auto back = content::read_routes(written, "r.geojson");
        REQUIRE_MESSAGE(back.ok(), back.error());
        CHECK(back->sample == sample);
        REQUIRE(back->routes.size() == set->routes.size());
        for (size_t i = 0; i < back->routes.size(); ++i) {
            CAPTURE(i);
            const auto& a = set->routes[i];
            const auto& b = back->routes[i];
            CHECK(b.id == a.id);  // "Keelung-02#2" stays itself: no second suffix
            CHECK(b.name == a.name);
            CHECK(b.county == a.county);
            REQUIRE(b.line.size() == a.line.size());
            for (size_t k = 0; k < a.line.size(); ++k) {
                CHECK(b.line[k].lat == a.line[k].lat);
                CHECK(b.line[k].lon == a.line[k].lon);
            }
        }
    }
    CHECK(content::routes_to_geojson({}, false)["features"].empty());
}

TEST_CASE("a feature without id, name or county is refused, every one named") {
    const std::vector<geo::Feature> features = {
        feature({{"id", "a"}, {"name", "甲"}, {"county", "Taipei"}}, geo::GeometryType::line_string, {kLine}),
        feature({{"name", "乙"}, {"county", "Taipei"}}, geo::GeometryType::line_string, {kLine}),
        feature({{"id", "c"}, {"name", ""}, {"county", 7}}, geo::GeometryType::line_string, {kLine}),
        feature({{"id", "d"}, {"name", "丁"}, {"county", nullptr}}, geo::GeometryType::multi_line_string, {kLine, kLine}),
    };
    auto set = content::routes_from_features(features, "routes.geojson", false);
    REQUIRE_FALSE(set.ok());
    CHECK(set.error() ==
          "routes.geojson: features[1].properties.id: missing (a non-empty string)\n"
          "routes.geojson: features[2].properties.name: missing (a non-empty string)\n"
          "routes.geojson: features[2].properties.county: missing (a non-empty string)\n"
          "routes.geojson: features[3].properties.county: missing (a non-empty string)");
}

TEST_CASE("a point or an area is no route") {
    geo::Feature point = feature({{"id", "p"}, {"name", "點"}, {"county", "Taipei"}}, geo::GeometryType::point, {{kLine[0]}});
    geo::Feature area = feature({{"id", "q"}, {"name", "面"}, {"county", "Taipei"}}, geo::GeometryType::polygon, {});
    area.geometry.polygons = {{{kLine[0], kLine[1], {25.02, 121.5}, kLine[0]}}};
    geo::Feature ok = feature({{"id", "r"}, {"name", "線"}, {"county", "Taipei"}}, geo::GeometryType::line_string, {kLine});
    auto set = content::routes_from_features({ok, point, area}, "x.geojson", true);
    REQUIRE_FALSE(set.ok());
    CHECK(set.error() ==
          "x.geojson: features[1].geometry: a route is a LineString or MultiLineString\n"
          "x.geojson: features[2].geometry: a route is a LineString or MultiLineString");

    auto only_ok = content::routes_from_features({ok}, "x.geojson", true);
    REQUIRE_MESSAGE(only_ok.ok(), only_ok.error());
    CHECK(only_ok->sample);
    REQUIRE(only_ok->routes.size() == 1);
    CHECK(only_ok->routes[0].id == "r");
    auto none = content::routes_from_features({}, "x.geojson", false);
    REQUIRE(none.ok());
    CHECK(none->routes.empty());
}

TEST_CASE("a route outside northern Taiwan is refused with the position's path") {
    Json c = collection();
    c["features"][1]["geometry"]["coordinates"][2][1] = {120.20, 22.99};  // Tainan
    auto set = content::read_routes(c, "content/maps/routes.geojson");
    REQUIRE_FALSE(set.ok());
    CHECK(set.error().find("content/maps/routes.geojson: features[1].geometry.coordinates[2][1]: position [120.2, 22.99] "
                           "is outside the region") == 0);

    // Latitude and longitude swapped, as a hand-written file might have them.
    Json swapped = collection();
    swapped["features"][0]["geometry"]["coordinates"][0] = {25.05, 121.50};
    auto refused = content::read_routes(swapped, "r.geojson");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().find("r.geojson: features[0].geometry.coordinates[0]:") == 0);

    auto not_collection = content::read_routes(Json::array(), "r.geojson");
    REQUIRE_FALSE(not_collection.ok());
    CHECK(not_collection.error() == "r.geojson: (top): expected an object, found an array");
}

TEST_CASE("a sample flag that is not true or false is refused with its path, not thrown over") {
    for (const char* value : {R"("yes")", "1", "null", "[]"}) {
        const std::string shown = value;
        CAPTURE(shown);
        Json c = collection();
        c["sample"] = Json::parse(value);
        auto set = content::read_routes(c, "content/maps/routes.geojson");
        REQUIRE_FALSE(set.ok());
        CHECK(set.error() == "content/maps/routes.geojson: sample: expected true or false");
    }
    // Reported with the features' own problems, not instead of them.
    Json both = collection();
    both["sample"] = "yes";
    both["features"][0]["properties"].erase("county");
    auto set = content::read_routes(both, "r.geojson");
    REQUIRE_FALSE(set.ok());
    CHECK(set.error() == "r.geojson: sample: expected true or false\n"
                         "r.geojson: features[0].properties.county: missing (a non-empty string)");
}

TEST_CASE("merging an import replaces the imported counties' routes and keeps the others'") {
    content::RouteSet held;
    held.routes = {{"Taipei-tdx-1", "舊河濱線", "Taipei", kLine},
                   {"Taipei-tdx-2", "舊市區線", "Taipei", kLine},
                   {"Keelung-kml-1", "海岸線", "Keelung", kLine}};
    const std::vector<content::Route> imported = {{"Taipei-geojson-1", "新河濱線", "Taipei", kLine},
                                                  {"Taoyuan-geojson-2", "埤塘線", "Taoyuan", kLine}};
    auto merged = content::merge_routes(held, imported);
    REQUIRE(merged);
    CHECK(merged->kept == 1);
    CHECK(merged->replaced == 2);
    std::vector<std::string> ids;
    for (const auto& r : merged->routes) ids.push_back(r.id);
    CHECK(ids == std::vector<std::string>{"Keelung-kml-1", "Taipei-geojson-1", "Taoyuan-geojson-2"});

    SUBCASE("an import of nothing keeps everything") {
        auto same = content::merge_routes(held, {});
        REQUIRE(same);
        CHECK(same->routes.size() == 3);
        CHECK(same->replaced == 0);
    }
    SUBCASE("sample routes are never mixed with official ones") {
        held.sample = true;
        auto refused = content::merge_routes(held, imported);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().find("sample") != std::string::npos);
        held.routes.clear();  // an empty sample file holds nothing to mix with
        CHECK(content::merge_routes(held, imported));
    }
}
