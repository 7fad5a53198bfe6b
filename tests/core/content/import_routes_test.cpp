// Bike routes from what the agencies publish: GeoJSON (as GDAL writes it too), TDX Cycling
// Shape JSON and XML, KML; the county from the record, the flag or the basemap. The files are
// tests/fixtures/imports/, made by hand from the published field lists.
#include <doctest/doctest.h>

#include "content/import_routes.h"
#include "test_content.h"

using namespace beitai;

namespace {

const std::vector<content::County>& counties() { return testing::repository_catalog().counties; }

std::string fixture(const std::string& name) {
    return testing::read_text_file(std::string(BEITAI_SOURCE_DIR) + "/tests/fixtures/imports/" + name);
}

// Taoyuan's part of the fixture, and a neighbour that is not a member.
const std::vector<geo::Feature>& areas() {
    static const std::vector<geo::Feature> a = {testing::square_area("桃園市", 24.85, 121.25, 0.2), testing::square_area("台中市", 24.20, 120.50, 0.1)};
    return a;
}

content::RouteImport imported(const std::string& text, const content::RouteImportOptions& options = {}) {
    auto r = content::import_routes(text, "test", counties(), options);
    REQUIRE_MESSAGE(r.ok(), r.error());
    return *r;
}

}  // namespace

TEST_CASE("TDX Cycling Shape JSON: the real record's quirks taken, bad records refused with the reason") {
    auto r = imported(fixture("tdx-cycling-shape.json"));
    CHECK(r.format == "TDX Cycling Shape JSON");
    REQUIRE(r.report.size() == 4);
    // "AuthorityName": "NULL", an ROC FinishedTime, a "NULL" section end.
    CHECK(r.report[0].taken);
    CHECK(r.report[0].what == "基隆河右岸自行車道（大直橋－）");
    CHECK(r.report[0].detail.find("Taipei (from City): 1 line(s)") == 0);
    CHECK(r.report[0].detail.find("FinishedTime") == std::string::npos);
    // A MULTILINESTRING of two lines: two routes, the stated length far from the drawn one said.
    CHECK(r.report[1].taken);
    CHECK(r.report[1].detail.find("NewTaipei (from City): 2 line(s)") == 0);
    CHECK(r.report[1].detail.find("CyclingLength says 1400 m") != std::string::npos);
    REQUIRE(r.routes.size() == 3);
    CHECK(r.routes[0].id == "Taipei-tdx-1");
    CHECK(r.routes[1].id == "NewTaipei-tdx-2");
    CHECK(r.routes[2].id == "NewTaipei-tdx-2#2");
    CHECK(r.routes[0].line.front().lat == doctest::Approx(25.08));  // "lon lat" in the WKT
    CHECK_FALSE(r.report[2].taken);
    CHECK(r.report[2].detail ==
          "Geometry: at character 18: longitude 270000 out of range (-180..180) (TWD97 metres rather than WGS84 degrees?)");
    CHECK_FALSE(r.report[3].taken);
    CHECK(r.report[3].detail == "City: \"臺中市\" is not one of the eight counties");
}

TEST_CASE("TDX Cycling Shape JSON: records that are not records, and documents that are not TDX's") {
    auto r = imported(R"j([{"City": "宜蘭縣", "Geometry": "LINESTRING(121.7 24.7,121.71 24.71)"}, "not a record",
                          {"RouteName": "x", "City": "宜蘭縣", "Geometry": "LINESTRING(121.7 24.7,121.71 24.71)", "FinishedTime": "昨天"}])j");
    CHECK(r.report[0].detail == "RouteName: missing");
    CHECK(r.report[1].detail == "not an object");
    CHECK(r.report[2].taken);
    CHECK(r.report[2].detail.find("FinishedTime \"昨天\" is not an ROC date, ignored") != std::string::npos);
    auto wrapped = content::import_routes(R"({"CyclingShapes": []})", "w.json", counties());
    REQUIRE_FALSE(wrapped.ok());
    CHECK(wrapped.error().find("type: expected \"FeatureCollection\"") != std::string::npos);
    CHECK_FALSE(content::import_routes("", "e.json", counties()).ok());
    CHECK_FALSE(content::import_routes("[{\"RouteName\": ", "t.json", counties()).ok());
}

TEST_CASE("TDX Cycling Shape XML: records by their fields whatever the list is called, section ends optional") {
    auto r = imported(fixture("tdx-cycling-shape.xml"));
    CHECK(r.format == "TDX Cycling Shape XML");
    REQUIRE(r.report.size() == 3);
    CHECK(r.report[0].what == "頭前溪自行車道（舊港橋－中正大橋）");
    CHECK(r.report[0].detail.find("Hsinchu (from City)") == 0);
    CHECK(r.report[1].what == "冬山河自行車道");  // no RoadSectionStart/End in this record
    CHECK(r.report[1].detail.find("YilanCounty (from City): 2 line(s)") == 0);
    CHECK_FALSE(r.report[2].taken);
    CHECK(r.report[2].detail.find("Geometry: at character") == 0);
    CHECK(r.routes.size() == 3);
}

TEST_CASE("XML that is hostile or broken: no entity expanded, no endless descent, the place of a syntax error") {
    // A DTD's entity is never expanded: the name stays as the text has it, or the record fails.
    auto r = content::import_routes(
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY big \"AAAAAAAA\">]><List><Shape><RouteName>&big;</RouteName>"
        "<City>宜蘭縣</City><Geometry>LINESTRING(121.7 24.7,121.71 24.71)</Geometry></Shape></List>",
        "dtd.xml", counties());
    if (r.ok()) {
        for (const auto& l : r->report) CHECK(l.what.find("AAAAAAAA") == std::string::npos);
    }
    std::string deep;
    for (int i = 0; i < 100; ++i) deep += "<a>";
    deep += "<RouteName>x</RouteName>";
    for (int i = 0; i < 100; ++i) deep += "</a>";
    auto too_deep = content::import_routes(deep, "deep.xml", counties());
    REQUIRE_FALSE(too_deep.ok());
    CHECK(too_deep.error().find("nested deeper than") != std::string::npos);
    auto broken = content::import_routes("<List>\n<Shape><RouteName>x</Shape></List>", "b.xml", counties());
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().find("b.xml: line 2, column") == 0);
    auto none = content::import_routes("<List><Other/></List>", "n.xml", counties());
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().find("no cycling-route record") != std::string::npos);
}

TEST_CASE("a county's GeoJSON layer as GDAL writes it: CRS84, z = 0, Multi*, null geometry, no county property") {
    const std::string text = fixture("county-bike-paths.geojson");
    // Without a county anywhere, each line's county comes from the basemap's areas.
    content::RouteImportOptions options;
    options.areas = &areas();
    auto r = imported(text, options);
    CHECK(r.format == "GeoJSON");
    REQUIRE(r.report.size() == 4);
    CHECK(r.report[0].taken);
    CHECK(r.report[0].what == "大溪河濱自行車道");
    CHECK(r.report[0].detail.find("Taoyuan (from the basemap: its first point lies in 桃園市): 1 line(s)") == 0);
    CHECK(r.report[1].detail.find("Taoyuan (from the basemap: its first point lies in 桃園市): 2 line(s)") == 0);
    CHECK(r.report[2].detail == "geometry: null (the feature has no line)");
    CHECK(r.report[3].detail ==
          "county: the record names none, no --county was given, and its line lies in no county area of the basemap");
    REQUIRE(r.routes.size() == 3);
    CHECK(r.routes[0].id == "Taoyuan-geojson-1");
    CHECK(r.routes[0].line.size() == 3);
    CHECK(r.routes[0].line[0].lat == doctest::Approx(24.883));  // z dropped, [lon, lat, z] read right

    // The flag names the county of records that name none: the line out at sea is taken too.
    content::RouteImportOptions flagged;
    flagged.county = "Taoyuan";
    auto f = imported(text, flagged);
    CHECK(f.report[0].detail.find("Taoyuan (from --county)") == 0);
    CHECK(f.report[3].taken);
    // Neither flag nor basemap: said, not guessed.
    auto bare = imported(text);
    CHECK(bare.report[0].detail == "county: the record names none; give --county (or the basemap)");
}

TEST_CASE("GeoJSON: a county property wins, a neighbour's area is refused, other CRSs and shapes are refused") {
    content::RouteImportOptions options;
    options.areas = &areas();
    options.county = "Taipei";
    auto r = imported(R"({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "甲", "county": "桃園市"},
         "geometry": {"type": "LineString", "coordinates": [[121.30, 24.90], [121.31, 24.91]]}},
        {"type": "Feature", "properties": null,
         "geometry": {"type": "LineString", "coordinates": [[121.30, 24.90], [121.31, 24.91]]}},
        {"type": "Feature", "properties": {"name": "點"}, "geometry": {"type": "Point", "coordinates": [121.3, 24.9]}},
        {"type": "Feature", "properties": {"name": "四維"},
         "geometry": {"type": "LineString", "coordinates": [[121.30, 24.90, 0, 0], [121.31, 24.91, 0, 0]]}},
        {"type": "Feature", "properties": {"name": "台南"}, "geometry": {"type": "LineString", "coordinates": [[120.2, 23.0], [120.21, 23.01]]}},
        7
    ]})", options);
    CHECK(r.report[0].detail.find("Taoyuan (from properties.county)") == 0);
    CHECK(r.report[1].detail == "properties.name: missing");
    CHECK(r.report[2].detail == "geometry: a Point, not a LineString or MultiLineString");
    CHECK(r.report[3].detail.find("geometry.coordinates[0]: expected a position") == 0);
    CHECK(r.report[4].detail == "positions outside northern Taiwan (is it TWD97 metres rather than degrees?)");
    CHECK(r.report[5].detail == "not an object");

    content::RouteImportOptions by_area;
    by_area.areas = &areas();
    auto neighbour = imported(R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "乙"},
        "geometry": {"type": "LineString", "coordinates": [[120.55, 24.25], [120.56, 24.26]]}}]})", by_area);
    CHECK(neighbour.report[0].detail == "county: its first point lies in 台中市, not one of the eight counties");

    auto twd97 = content::import_routes(R"({"type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3826"}}, "features": []})", "t.geojson", counties());
    REQUIRE_FALSE(twd97.ok());
    CHECK(twd97.error().find("crs: \"urn:ogc:def:crs:EPSG::3826\" — only WGS84") != std::string::npos);
}

TEST_CASE("KML: Placemarks in folders, LineString or MultiGeometry, the county from ExtendedData or the basemap") {
    const std::vector<geo::Feature> keelung = {testing::square_area("基隆市", 25.10, 121.65, 0.1)};
    content::RouteImportOptions options;
    options.areas = &keelung;
    auto r = imported(fixture("routes.kml"), options);
    CHECK(r.format == "KML");
    REQUIRE(r.report.size() == 4);
    CHECK(r.report[0].detail.find("MiaoliCounty (from ExtendedData county): 1 line(s)") == 0);
    CHECK(r.report[1].detail.find("Keelung (from the basemap: its first point lies in 基隆市): 2 line(s)") == 0);
    CHECK(r.report[2].detail == "a Point, not a LineString");
    CHECK(r.report[3].detail == "LineString 0: coordinates: tuple 0 \"121.7000;25.1200\": expected lon,lat[,alt]");
    REQUIRE(r.routes.size() == 3);
    CHECK(r.routes[0].id == "MiaoliCounty-kml-1");
    CHECK(r.routes[0].line.size() == 3);
    CHECK(r.routes[0].line[2].lon == doctest::Approx(120.84));
    auto out_of_range = imported("<kml><Placemark><name>x</name><LineString><coordinates>250000,2700000 250100,2700100"
                                 "</coordinates></LineString></Placemark></kml>");
    CHECK(out_of_range.report[0].detail.find("out of range (TWD97") != std::string::npos);
}
