// core/geo/geojson: reading FeatureCollections with errors that name their path, and
// writing RFC 7946 back (longitude first).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "geo/geojson.h"

using namespace beitai::geo;
using beitai::text::Json;

namespace {

const char* kSample = R"({
  "type": "FeatureCollection",
  "name": "sample",
  "features": [
    {"type": "Feature", "id": "taipei-101",
     "geometry": {"type": "Point", "coordinates": [121.5645, 25.034]},
     "properties": {"name": "台北101", "sample": true}},
    {"type": "Feature",
     "geometry": {"type": "LineString", "coordinates": [[121.517, 25.0478], [121.5645, 25.034, 12.5]]},
     "properties": null},
    {"type": "Feature",
     "geometry": {"type": "MultiLineString",
                  "coordinates": [[[121.5123, 25.0456], [121.513, 25.046]], [[121.52, 25.05], [121.53, 25.06], [121.54, 25.07]]]},
     "properties": {"county": "Taipei", "length": [1, 2]}},
    {"type": "Feature",
     "geometry": {"type": "Polygon",
                  "coordinates": [[[121.0, 24.8], [121.1, 24.8], [121.1, 24.9], [121.0, 24.9], [121.0, 24.8]],
                                  [[121.04, 24.84], [121.06, 24.84], [121.06, 24.86], [121.04, 24.84]]]},
     "properties": {}},
    {"type": "Feature",
     "geometry": {"type": "MultiPolygon",
                  "coordinates": [[[[121.7, 24.7], [121.8, 24.7], [121.8, 24.8], [121.7, 24.7]]],
                                  [[[121.9, 24.8], [121.95, 24.8], [121.95, 24.85], [121.9, 24.8]]]]},
     "properties": {"kind": "islands"}}
  ]
})";

// One feature with the given geometry JSON, in a collection.
std::string collection_with(const std::string& geometry, const std::string& properties = "{}") {
    return R"({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": )" + geometry +
           R"(, "properties": )" + properties + "}]}";
}

// The single error message of reading `text`, or "" when it read.
std::vector<std::string> errors_of(const std::string& text, const ReadOptions& options = {}) {
    auto r = read_feature_collection_text(text, "map.geojson", options);
    if (r.ok()) return {};
    std::vector<std::string> lines;
    size_t start = 0;
    const std::string& e = r.error();
    while (start <= e.size()) {
        size_t end = e.find('\n', start);
        if (end == std::string::npos) end = e.size();
        lines.push_back(e.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

bool same_line(const Polyline& a, const Polyline& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].lat != b[i].lat || a[i].lon != b[i].lon) return false;
    return true;
}

bool same_features(const std::vector<Feature>& a, const std::vector<Feature>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        const Geometry& g = a[i].geometry;
        const Geometry& h = b[i].geometry;
        if (g.type != h.type || g.lines.size() != h.lines.size() || g.polygons.size() != h.polygons.size()) return false;
        for (size_t k = 0; k < g.lines.size(); ++k)
            if (!same_line(g.lines[k], h.lines[k])) return false;
        for (size_t k = 0; k < g.polygons.size(); ++k) {
            if (g.polygons[k].size() != h.polygons[k].size()) return false;
            for (size_t r = 0; r < g.polygons[k].size(); ++r)
                if (!same_line(g.polygons[k][r], h.polygons[k][r])) return false;
        }
        if (a[i].properties != b[i].properties) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("a FeatureCollection of every geometry type reads into lat/lon order") {
    auto r = read_feature_collection_text(kSample, "sample.geojson");
    REQUIRE_MESSAGE(r.ok(), r.error());
    const auto& f = *r;
    REQUIRE(f.size() == 5);

    CHECK(f[0].geometry.type == GeometryType::point);
    REQUIRE(f[0].geometry.lines.size() == 1);
    REQUIRE(f[0].geometry.lines[0].size() == 1);
    CHECK(f[0].geometry.lines[0][0].lat == 25.034);
    CHECK(f[0].geometry.lines[0][0].lon == 121.5645);
    CHECK(f[0].properties["name"] == "台北101");
    CHECK(f[0].properties["sample"] == true);

    CHECK(f[1].geometry.type == GeometryType::line_string);
    REQUIRE(f[1].geometry.lines.size() == 1);
    REQUIRE(f[1].geometry.lines[0].size() == 2);
    CHECK(f[1].geometry.lines[0][1].lat == 25.034);  // the elevation 12.5 is ignored
    CHECK(f[1].properties == Json::object());      // null properties read as {}

    CHECK(f[2].geometry.type == GeometryType::multi_line_string);
    REQUIRE(f[2].geometry.lines.size() == 2);
    CHECK(f[2].geometry.lines[1].size() == 3);
    CHECK(f[2].geometry.lines[1][2].lat == 25.07);

    CHECK(f[3].geometry.type == GeometryType::polygon);
    REQUIRE(f[3].geometry.polygons.size() == 1);
    REQUIRE(f[3].geometry.polygons[0].size() == 2);  // outer ring and a hole
    CHECK(f[3].geometry.polygons[0][0].size() == 5);
    CHECK(contains(f[3].geometry.polygons[0], {24.82, 121.02}));
    CHECK_FALSE(contains(f[3].geometry.polygons[0], {24.845, 121.055}));  // in the hole

    CHECK(f[4].geometry.type == GeometryType::multi_polygon);
    CHECK(f[4].geometry.polygons.size() == 2);
}

TEST_CASE("writing is RFC 7946, longitude first, and reads back equal") {
    auto first = read_feature_collection_text(kSample, "sample.geojson");
    REQUIRE(first.ok());
    const Json written = to_feature_collection(*first);
    CHECK(written["type"] == "FeatureCollection");
    REQUIRE(written["features"].size() == 5);
    const Json& point = written["features"][0];
    CHECK(point["type"] == "Feature");
    CHECK(point["geometry"]["type"] == "Point");
    CHECK(point["geometry"]["coordinates"] == Json::array({121.5645, 25.034}));
    CHECK(written["features"][1]["geometry"]["coordinates"][1] == Json::array({121.5645, 25.034}));
    CHECK(written["features"][2]["geometry"]["type"] == "MultiLineString");
    CHECK(written["features"][3]["geometry"]["type"] == "Polygon");
    CHECK(written["features"][4]["geometry"]["type"] == "MultiPolygon");
    CHECK(written["features"][2]["properties"]["county"] == "Taipei");

    auto second = read_feature_collection(written, "written");
    REQUIRE_MESSAGE(second.ok(), second.error());
    CHECK(same_features(*first, *second));

    // Full double precision survives the text form too (well past 7 decimals, ~1 cm).
    std::vector<Feature> precise(1);
    precise[0].geometry.lines = {{{25.033964123456789, 121.564468987654321}}};
    const std::string text = beitai::text::to_json_text(to_feature_collection(precise));
    auto back = read_feature_collection_text(text, "precise");
    REQUIRE(back.ok());
    CHECK(same_features(precise, *back));

    // A geometry with nothing to write becomes null, which RFC 7946 allows.
    Feature hollow;
    CHECK(to_geojson(hollow)["geometry"].is_null());
    CHECK(to_geojson(hollow)["properties"] == Json::object());
}

TEST_CASE("every malformed case names its path") {
    struct Case {
        const char* what;
        std::string text;
        std::string message;
    };
    const std::vector<Case> cases{
        {"top level not a collection", R"({"type": "Feature", "features": []})",
         R"(map.geojson: type: expected "FeatureCollection", found "Feature")"},
        {"top level an array", "[]", "map.geojson: (top): expected an object, found an array"},
        {"features missing", R"({"type": "FeatureCollection"})", "map.geojson: features: missing"},
        {"feature of the wrong type",
         R"({"type": "FeatureCollection", "features": [{"type": "Point", "geometry": {"type": "Point", "coordinates": [121, 25]}, "properties": {}}]})",
         R"(map.geojson: features[0].type: expected "Feature", found "Point")"},
        {"feature not an object", R"({"type": "FeatureCollection", "features": [7]})",
         "map.geojson: features[0]: expected an object, found an integer"},
        {"geometry type not a string", collection_with(R"({"type": 3, "coordinates": [121, 25]})"),
         "map.geojson: features[0].geometry.type: expected a string, found an integer"},
        {"geometry missing",
         R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}}]})",
         "map.geojson: features[0].geometry: missing"},
        {"coordinates missing", collection_with(R"({"type": "LineString"})"),
         "map.geojson: features[0].geometry.coordinates: missing"},
        {"latitude out of range",
         collection_with(R"({"type": "LineString", "coordinates": [[121, 25], [121.1, 95]]})"),
         "map.geojson: features[0].geometry.coordinates[1]: latitude 95 out of range (-90..90)"},
        {"longitude out of range", collection_with(R"({"type": "Point", "coordinates": [181, 25]})"),
         "map.geojson: features[0].geometry.coordinates: longitude 181 out of range (-180..180)"},
        {"position too long", collection_with(R"({"type": "Point", "coordinates": [121, 25, 0, 1]})"),
         "map.geojson: features[0].geometry.coordinates: expected a position [longitude, latitude] or "
         "[longitude, latitude, elevation], found 4 values"},
        {"position of strings", collection_with(R"({"type": "Point", "coordinates": [121, "25"]})"),
         "map.geojson: features[0].geometry.coordinates[1]: expected a number, found a string"},
        {"unclosed ring",
         collection_with(
             R"({"type": "Polygon", "coordinates": [[[121, 25], [121.1, 25], [121.1, 25.1], [121, 25.1]]]})"),
         "map.geojson: features[0].geometry.coordinates[0]: the ring is not closed: its last position "
         "[121, 25.1] differs from its first [121, 25]"},
        {"ring closed in latitude only",
         collection_with(
             R"({"type": "Polygon", "coordinates": [[[121, 25], [121.1, 25], [121.1, 25.1], [121.2, 25]]]})"),
         "map.geojson: features[0].geometry.coordinates[0]: the ring is not closed: its last position "
         "[121.2, 25] differs from its first [121, 25]"},
        {"ring too short",
         collection_with(R"({"type": "Polygon", "coordinates": [[[121, 25], [121.1, 25], [121, 25]]]})"),
         "map.geojson: features[0].geometry.coordinates[0]: a polygon ring needs at least 4 positions, found 3"},
        {"one-point LineString", collection_with(R"({"type": "LineString", "coordinates": [[121, 25]]})"),
         "map.geojson: features[0].geometry.coordinates: a line string needs at least 2 positions, found 1"},
        {"one-point line in a MultiLineString",
         collection_with(R"({"type": "MultiLineString", "coordinates": [[[121, 25], [121.1, 25]], [[121, 25]]]})"),
         "map.geojson: features[0].geometry.coordinates[1]: a line string needs at least 2 positions, found 1"},
        {"unknown geometry type", collection_with(R"({"type": "Circle", "coordinates": [121, 25]})"),
         R"(map.geojson: features[0].geometry.type: unknown geometry type "Circle"; expected Point, LineString, )"
         R"(MultiLineString, Polygon or MultiPolygon)"},
        {"properties not an object",
         collection_with(R"({"type": "Point", "coordinates": [121, 25]})", R"(["a"])"),
         "map.geojson: features[0].properties: expected an object or null, found an array"},
        {"properties missing",
         R"({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [121, 25]}}]})",
         "map.geojson: features[0].properties: missing"},
        {"empty MultiPolygon", collection_with(R"({"type": "MultiPolygon", "coordinates": []})"),
         "map.geojson: features[0].geometry.coordinates: a MultiPolygon needs at least one polygon"},
        {"invalid JSON", R"({"type": "FeatureCollection", "features": [)",
         "map.geojson: line 1, column "},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        const auto errors = errors_of(c.text);
        REQUIRE(errors.size() == 1);
        if (std::string(c.what) == "invalid JSON") {
            CHECK(errors[0].rfind(c.message, 0) == 0);
            CHECK(errors[0].find("invalid JSON") != std::string::npos);
        } else {
            CHECK(errors[0] == c.message);
        }
    }
}

TEST_CASE("the region check refuses data for the wrong place") {
    ReadOptions options;
    options.region = northern_taiwan();
    options.check_region = true;
    const std::string kaohsiung = collection_with(R"({"type": "LineString", "coordinates": [[121.5, 25], [120.3014, 22.6273]]})");
    const auto errors = errors_of(kaohsiung, options);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          "map.geojson: features[0].geometry.coordinates[1]: position [120.3014, 22.6273] is outside the region "
          "(latitude 24.2..25.5, longitude 120.5..122.2)");
    CHECK(errors_of(kaohsiung).empty());  // without the check the same data reads

    const std::string taipei = collection_with(R"({"type": "Point", "coordinates": [121.5645, 25.034]})");
    CHECK(errors_of(taipei, options).empty());
}

TEST_CASE("northern Taiwan's box holds the eight counties and leaves the south out") {
    const BBox box = northern_taiwan();
    // County seats, from content/counties.json.
    const LatLon inside[] = {
        {24.7302, 121.7631}, {25.1316, 121.7445}, {25.0375, 121.5637}, {25.012, 121.465},
        {24.9936, 121.301},  {24.827, 121.0129},  {24.8138, 120.9675}, {24.5602, 120.8214},
        {25.2972, 121.5375},  // Cape Fugui, Taipei's north tip (New Taipei)
        {25.0076, 122.0022},  // Cape Sandiao, the east tip (New Taipei)
        {24.8429, 121.9519},  // Guishan Island (Yilan)
        {24.4397, 120.6410},  // Yuanli's coast (Miaoli)
        {24.2790, 121.0260},  // Miaoli's southern mountains
        {24.3600, 121.7800},  // Nan'ao (Yilan's south)
        {25.4260, 121.9990},  // Huaping Islet (Keelung)
    };
    for (const auto& p : inside) {
        CAPTURE(p.lat);
        CAPTURE(p.lon);
        CHECK(box.contains(p));
    }
    const LatLon outside[] = {{22.6273, 120.3014}, {24.1477, 120.6736}, {23.9910, 121.6114}, {25.6281, 122.0794}};
    for (const auto& p : outside) {
        CAPTURE(p.lat);
        CAPTURE(p.lon);
        CHECK_FALSE(box.contains(p));
    }
}

TEST_CASE("every problem is reported, not only the first") {
    const std::string two_bad = R"({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [121.5, 25]}, "properties": {}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [121.5, 95]}, "properties": {}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [121.5, 25.1]}, "properties": {}},
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[121, 25]]}, "properties": {}}
    ]})";
    const auto errors = errors_of(two_bad);
    REQUIRE(errors.size() == 2);
    CHECK(errors[0] == "map.geojson: features[1].geometry.coordinates: latitude 95 out of range (-90..90)");
    CHECK(errors[1] ==
          "map.geojson: features[3].geometry.coordinates: a line string needs at least 2 positions, found 1");

    // Within one geometry too: two bad positions, two messages.
    const auto both = errors_of(collection_with(R"({"type": "LineString", "coordinates": [[200, 25], [121, -100]]})"));
    REQUIRE(both.size() == 2);
    CHECK(both[0] == "map.geojson: features[0].geometry.coordinates[0]: longitude 200 out of range (-180..180)");
    CHECK(both[1] == "map.geojson: features[0].geometry.coordinates[1]: latitude -100 out of range (-90..90)");
}

TEST_CASE("the polygons reaching into a box are kept whole; the rest, and features left empty, go") {
    const std::string text = R"({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"n": "inside"},
         "geometry": {"type": "Polygon", "coordinates": [[[121.5, 25.0], [121.6, 25.0], [121.6, 25.1], [121.5, 25.0]]]}},
        {"type": "Feature", "properties": {"n": "main and far island"},
         "geometry": {"type": "MultiPolygon", "coordinates": [
            [[[121.7, 24.6], [121.8, 24.6], [121.8, 24.7], [121.7, 24.6]]],
            [[[121.5, 22.0], [121.6, 22.0], [121.6, 22.1], [121.5, 22.0]]]]}},
        {"type": "Feature", "properties": {"n": "far away"},
         "geometry": {"type": "MultiPolygon", "coordinates": [
            [[[118.3, 24.4], [118.4, 24.4], [118.4, 24.5], [118.3, 24.4]]],
            [[[119.9, 26.1], [120.0, 26.1], [120.0, 26.2], [119.9, 26.1]]]]}},
        {"type": "Feature", "properties": {"n": "across the edge"},
         "geometry": {"type": "Polygon", "coordinates": [[[120.6, 23.9], [121.0, 23.9], [121.0, 24.3], [120.6, 23.9]]]}},
        {"type": "Feature", "properties": {"n": "a point outside"}, "geometry": {"type": "Point", "coordinates": [118.3, 24.4]}}
    ]})";
    auto read = read_feature_collection(*beitai::text::parse_json_text(text, "areas"), "areas");
    REQUIRE(read.ok());
    const auto kept = polygons_reaching(*read, northern_taiwan());
    std::vector<std::string> names;
    for (const auto& f : kept) names.push_back(f.properties.value("n", ""));
    CHECK(names == std::vector<std::string>{"inside", "main and far island", "across the edge", "a point outside"});
    CHECK(kept[1].geometry.polygons.size() == 1);
    CHECK(kept[1].geometry.polygons[0][0][0].lat == doctest::Approx(24.6));
    // Kept whole: the ring that crosses the box's south edge keeps its points outside it.
    const auto& ring = kept[2].geometry.polygons[0][0];
    REQUIRE(ring.size() == read->at(3).geometry.polygons[0][0].size());
    CHECK(ring[0].lat == doctest::Approx(23.9));
    CHECK(ring[2].lat == doctest::Approx(24.3));
    // Nothing in, nothing out; an empty box reaches nothing.
    CHECK(polygons_reaching({}, northern_taiwan()).empty());
    CHECK(polygons_reaching(*read, BBox{}).size() == 1);
}
