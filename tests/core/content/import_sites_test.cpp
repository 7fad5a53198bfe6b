// The ministry's certified environmental-education sites, JSON and CSV (both field sets):
// filtered to the eight counties, the county from the address, expired certificates flagged,
// positions from the file, the positions file or a geocoder — or none, said. The files are
// tests/fixtures/imports/, made by hand from the published field list (made-up applicants).
#include <doctest/doctest.h>

#include "content/import_sites.h"
#include "test_content.h"

using namespace beitai;
using text::Json;

namespace {

const std::vector<content::County>& counties() { return testing::repository_catalog().counties; }

std::string fixture(const std::string& name) {
    return testing::read_text_file(std::string(BEITAI_SOURCE_DIR) + "/tests/fixtures/imports/" + name);
}

content::SiteImport imported(const std::string& text, const content::SitePositions* positions = nullptr) {
    auto list = content::read_certified_list(text);
    REQUIRE_MESSAGE(list.ok(), list.error());
    content::SiteImportOptions options;
    options.today = {2024, 6, 1};
    options.positions = positions;
    return content::import_certified_sites(*list, counties(), options);
}

content::SitePositions fixture_positions() {
    text::Diagnostics d("site_positions.json");
    auto json = Json::parse(fixture("site_positions.json"));
    auto p = content::read_site_positions(json, d);
    REQUIRE_MESSAGE(d.empty(), d.joined());
    return p;
}

}  // namespace

TEST_CASE("the certified list as JSON: the eight counties' sites taken, the rest refused, expiry flagged") {
    const auto positions = fixture_positions();
    auto r = imported(fixture("certified-sites.json"), &positions);
    CHECK(r.format == "JSON");
    REQUIRE(r.report.size() == 8);
    REQUIRE(r.sites.size() == 5);
    // 台 for 臺; the licence number is the id.
    CHECK(r.sites[0].county == "Taipei");
    CHECK(r.sites[0].id == "(100)環署訓證字第EC009001-02號");
    CHECK(r.sites[0].licence == r.sites[0].id);
    CHECK(r.sites[0].valid_until == "2099-05-12");
    CHECK_FALSE(r.sites[0].certificate_expired);
    CHECK_FALSE(r.sites[0].at);
    CHECK(r.report[0].detail == "Taipei; no position: listed without a marker");
    // 臺北縣 is New Taipei; its position from the positions file.
    CHECK(r.sites[1].county == "NewTaipei");
    REQUIRE(r.sites[1].at);
    CHECK(r.sites[1].at->lat == doctest::Approx(24.91));
    CHECK(r.report[1].detail == "NewTaipei; position from the positions file");
    // 桃園縣 is Taoyuan; valid until 2015: expired on the day of the import.
    CHECK(r.sites[2].county == "Taoyuan");
    CHECK(r.sites[2].certificate_expired);
    CHECK(r.report[2].detail == "Taoyuan; no position: listed without a marker; certificate expired on 2015-12-31");
    CHECK(r.sites[3].county == "YilanCounty");  // a postcode first
    CHECK(r.report[4].detail == "address: \"台中市清水區測試路1號\" is not in the eight counties");
    CHECK(r.report[5].detail == "org_name: missing");
    CHECK(r.report[6].detail == "license_no: \"(100)環署訓證字第EC009001-02號\" already taken at record 0");
    CHECK(r.report[7].taken);
    CHECK(r.report[7].detail.find("valid_date \"2099/13/01\" is not a date (YYYY/MM/DD), not checked") != std::string::npos);
    // Nothing of the applicant is kept anywhere.
    for (const auto& s : r.sites) CHECK(content::to_json(s).dump().find("測試用") == std::string::npos);
    const std::string text = content::site_report_text(r, "list.json");
    CHECK(text.find("list.json: taken 5 (positions: 0 from the file, 1 from the positions file, 0 from the geocoder, "
                    "4 none, listed without a marker; 1 certificate(s) expired), refused 3\n") == 0);
    CHECK(text.find("list.json: refused record 5 ((no org_name)): org_name: missing") != std::string::npos);
}

TEST_CASE("the certified list as CSV with the JSON's field names, and in the form with Chinese headers") {
    auto r = imported(fixture("certified-sites.csv"));
    CHECK(r.format == "CSV");
    REQUIRE(r.report.size() == 3);
    CHECK(r.report[0].record == 2);  // CSV lines, the header being line 1
    CHECK(r.sites[0].county == "Taipei");
    CHECK(r.sites[1].name == "東眼山自然教育中心, 復興");  // a quoted comma
    CHECK(r.sites[1].certificate_expired);
    CHECK(r.report[2].detail.find("not in the eight counties") != std::string::npos);

    auto zh = imported(fixture("certified-sites-zh.csv"));
    REQUIRE(zh.report.size() == 3);
    REQUIRE(zh.sites.size() == 2);
    CHECK(zh.sites[0].county == "Hsinchu");
    REQUIRE(zh.sites[0].at);
    CHECK(zh.sites[0].at->lon == doctest::Approx(120.979));
    CHECK(zh.report[0].detail == "Hsinchu; position from the file's lat/lon");
    CHECK(zh.report[1].detail == "MiaoliCounty; no position: listed without a marker");
    CHECK(zh.report[2].detail == "lat/lon: outside northern Taiwan");
}

TEST_CASE("lists that do not read: the JSON array read as JSON (not CSV), errors naming the line") {
    // The ministry's JSON once met "a quote inside an unquoted field": it is JSON, read so.
    auto json = content::read_certified_list(R"([{"org_name": "甲", "address": "宜蘭縣"}])");
    REQUIRE_MESSAGE(json.ok(), json.error());
    CHECK(json->format == "JSON");
    CHECK_FALSE(content::read_certified_list(R"({"org_name": "甲"})").ok());
    CHECK_FALSE(content::read_certified_list("").ok());
    CHECK_FALSE(content::read_certified_list("name,where\r\nx,y\r\n").ok());
    auto broken = content::read_certified_list("org_name,address\n\"never closed,x\n");
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error() == "line 2: a quoted field is never closed");
    auto r = imported(R"([7, {"org_name": 5, "address": "宜蘭縣"}, {"org_name": "乙", "address": ["宜蘭縣"]}])");
    CHECK(r.report[0].detail == "not an object");
    CHECK(r.report[1].detail == "org_name: missing");
    CHECK(r.report[2].detail == "address: \"\" is not in the eight counties");
    auto bad_numbers = imported("org_name,address,lat,lon\n甲,宜蘭縣,north,121.7\n");
    CHECK(bad_numbers.report[0].detail == "lat/lon: not numbers");
}

TEST_CASE("a geocoder's answer: kept in the site's county, refused elsewhere, a failure said") {
    auto r = imported(fixture("certified-sites.json"));
    REQUIRE(r.sites.size() == 5);
    content::place_site(r, 0, geo::LatLon{25.117, 121.472}, counties(), nullptr);
    REQUIRE(r.sites[0].at);
    CHECK(r.position[0] == content::PositionFrom::geocoder);
    CHECK(r.report[0].detail == "Taipei; position from the geocoder");
    content::place_site(r, 2, Error{"not found"}, counties(), nullptr);
    CHECK_FALSE(r.sites[2].at);
    CHECK(r.report[2].detail.find("; geocoder: not found") != std::string::npos);
    content::place_site(r, 3, geo::LatLon{22.6, 120.3}, counties(), nullptr);
    CHECK(r.report[3].detail.find("; geocoder: the geocoder's position is outside northern Taiwan") != std::string::npos);
    // By the basemap: a position in another county is the geocoder's mistake.
    const std::vector<geo::Feature> areas = {testing::square_area("台北市", 24.9, 121.4, 0.3)};
    content::place_site(r, 4, geo::LatLon{25.0, 121.5}, counties(), &areas);
    CHECK_FALSE(r.sites[4].at);
    CHECK(r.report[r.site_line[4]].detail.find("lies in 台北市, not in the address's county") != std::string::npos);
    CHECK(content::site_report_text(r, "x").find("1 from the geocoder, 4 none") != std::string::npos);
}

TEST_CASE("the positions file: keyed by licence, positions in northern Taiwan, every mistake named") {
    text::Diagnostics d("site_positions.json");
    auto p = content::read_site_positions(Json::parse(R"({"note": "n", "positions": {
        "A": {"lat": 25.0, "lon": 121.5},
        "B": {"lat": 22.6, "lon": 120.3},
        "C": {"lat": "25", "lon": 121.5},
        "D": {"lat": 25.0, "lon": 121.5, "elevation": 3}}, "extra": 1})"), d);
    CHECK(p.by_licence.count("A") == 1);
    CHECK(p.by_licence.count("B") == 0);
    const std::string all = d.joined();
    CHECK(all.find("positions.B.lat: not in northern Taiwan") != std::string::npos);
    CHECK(all.find("positions.C.lat") != std::string::npos);
    CHECK(all.find("positions.D.elevation") != std::string::npos);
    CHECK(all.find("extra") != std::string::npos);
    // The repository's own file reads, and holds no invented position.
    text::Diagnostics repo("content/maps/site_positions.json");
    auto own = content::read_site_positions(
        Json::parse(testing::read_text_file(std::string(BEITAI_SOURCE_DIR) + "/content/maps/site_positions.json")), repo);
    CHECK_MESSAGE(repo.empty(), repo.joined());
    CHECK(own.by_licence.empty());
}
