// The importers of official forms: what they take, what they refuse and why, record by record.
#include <doctest/doctest.h>

#include "content/imports.h"
#include "test_content.h"

using namespace beitai;
using text::Json;

namespace {
const std::vector<content::County>& counties() { return testing::repository_catalog().counties; }
}  // namespace

TEST_CASE("the county of an address, whichever way 臺 is written") {
    CHECK(content::county_of_address("臺北市北投區關渡路55號", counties()) == "Taipei");
    CHECK(content::county_of_address("台北市北投區關渡路55號", counties()) == "Taipei");
    CHECK(content::county_of_address("112台北市北投區", counties()) == "Taipei");  // postcode first
    CHECK(content::county_of_address("新北市新店區", counties()) == "NewTaipei");
    CHECK(content::county_of_address("桃園縣大溪鎮", counties()) == "Taoyuan");  // before 2014
    CHECK(content::county_of_address("新竹縣竹北市", counties()) == "HsinchuCounty");
    CHECK(content::county_of_address("新竹市東區", counties()) == "Hsinchu");
    CHECK(content::county_of_address("臺中市西屯區", counties()).empty());
    CHECK(content::county_of_address("", counties()).empty());
}

TEST_CASE("TDX cycling records: taken with their lines, refused with the reason") {
    Json doc = Json::parse(R"json([
      {"RouteName": "淡水河左岸自行車道", "AuthorityName": "NULL", "City": "台北市", "Town": "",
       "RoadSectionStart": "華中橋", "RoadSectionEnd": "關渡", "Direction": "雙向", "CyclingType": "NULL",
       "CyclingLength": 200, "FinishedTime": "1021231",
       "Geometry": "MULTILINESTRING((121.4900 25.0300,121.4910 25.0310),(121.4920 25.0320,121.4930 25.0330))"},
      {"RouteName": "大漢溪自行車道", "City": "新北市", "FinishedTime": "960409",
       "Geometry": "MULTILINESTRING((121.40 24.95,121.41 24.96)"},
      {"RouteName": "外縣市路線", "City": "臺中市", "Geometry": "LINESTRING(120.6 24.1,120.7 24.2)"},
      {"RouteName": "座標錯置", "City": "桃園市", "Geometry": "LINESTRING(250000 2700000,250100 2700100)"},
      {"City": "宜蘭縣", "Geometry": "LINESTRING(121.7 24.7,121.71 24.71)"},
      "not a record"
    ])json");
    auto imported = content::import_tdx_cycling(doc, counties());
    REQUIRE_MESSAGE(imported.ok(), imported.error());
    REQUIRE(imported->report.size() == 6);
    // Record 0: two lines, the section in the name, the county from 台北市.
    REQUIRE(imported->routes.size() == 2);
    CHECK(imported->routes[0].county == "Taipei");
    CHECK(imported->routes[0].id == "Taipei-tdx-1");
    CHECK(imported->routes[1].id == "Taipei-tdx-1#2");
    CHECK(imported->routes[0].name == "淡水河左岸自行車道（華中橋－關渡）");
    CHECK(imported->report[0].taken);
    CHECK(imported->report[0].detail.find("2 line(s)") == 0);
    // The stated length (200 m) is far from the drawn one (about 290 m): said, not refused.
    CHECK(imported->report[0].detail.find("CyclingLength says 200 m") != std::string::npos);

    CHECK_FALSE(imported->report[1].taken);
    CHECK(imported->report[1].detail.find("Geometry: at character") == 0);
    CHECK_FALSE(imported->report[2].taken);
    CHECK(imported->report[2].detail == "City: \"臺中市\" is not one of the eight counties");
    CHECK_FALSE(imported->report[3].taken);
    CHECK(imported->report[3].detail ==
          "Geometry: at character 12: longitude 250000 out of range (-180..180) (TWD97 metres rather than WGS84 degrees?)");
    CHECK_FALSE(imported->report[4].taken);
    CHECK(imported->report[4].detail == "RouteName: missing");
    CHECK_FALSE(imported->report[5].taken);
    CHECK(imported->report[5].detail == "not an object");

    auto text = content::report_text(imported->report, "tdx.json");
    CHECK(text.find("tdx.json: taken 1, refused 5") == 0);
    CHECK_FALSE(content::import_tdx_cycling(Json::parse(R"({"CyclingShapes": []})"), counties()).ok());
}

TEST_CASE("certified sites: county from the address, coordinates from columns, the rest reported") {
    const std::string csv =
        "\xEF\xBB\xBF" "no,org_name,address,applicant,uniform_no,applicant_addr,license_no,cert_date,valid_date,lat,lon\r\n"
        "1,臺北市關渡自然公園,台北市北投區關渡路55號,某單位,123,地址,(100)環署訓證字第EC009001-02號,2011/05/13,2026/05/12,25.1170,121.4720\r\n"
        "2,\"羅東自然教育中心, 宜蘭\",宜蘭縣羅東鎮,某單位,124,地址,EC-2,2012/01/01,2027/01/01,,\r\n"
        "3,高美濕地,臺中市清水區,某單位,125,地址,EC-3,2013/01/01,2028/01/01,24.31,120.55\r\n"
        "4,,新北市,某單位,126,地址,EC-4,2014/01/01,2029/01/01,25.0,121.5\r\n"
        "5,錯誤座標,新北市石碇區,某單位,127,地址,EC-5,2014/01/01,2029/01/01,22.0,120.3\r\n";
    auto imported = content::import_certified_sites(csv, counties());
    REQUIRE_MESSAGE(imported.ok(), imported.error());
    REQUIRE(imported->report.size() == 5);
    REQUIRE(imported->sites.size() == 1);
    CHECK(imported->sites[0].county == "Taipei");
    CHECK(imported->sites[0].id == "(100)環署訓證字第EC009001-02號");
    CHECK(imported->sites[0].at.lat == doctest::Approx(25.117));
    CHECK_FALSE(imported->sites[0].sample);
    CHECK(imported->report[1].what == "羅東自然教育中心, 宜蘭");  // a quoted comma
    CHECK(imported->report[1].detail.find("cannot place") == 0);
    CHECK(imported->report[2].detail.find("not in the eight counties") != std::string::npos);
    CHECK(imported->report[3].detail == "org_name: missing");
    CHECK(imported->report[4].detail == "lat/lon: outside northern Taiwan");
    CHECK(imported->report[4].record == 6);  // the CSV line, header being line 1

    CHECK_FALSE(content::import_certified_sites("name,where\r\nx,y\r\n", counties()).ok());
    auto broken = content::import_certified_sites("org_name,address\n\"never closed,x\n", counties());
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error() == "line 2: a quoted field is never closed");
}
