// content/county: the eight counties as counties.json lists them. Every problem names the
// file, the element and the key; what is written reads back the same.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "content/county.h"

using namespace beitai;
using text::Json;

namespace {

const char* const kFile = "content/counties.json";

Json two_counties() {
    return Json::parse(R"([
      {"id": "Taipei", "name_zh": "臺北市", "name_en": "Taipei City", "seat": {"lat": 25.0375, "lon": 121.5637}},
      {"id": "YilanCounty", "name_zh": "宜蘭縣", "name_en": "Yilan County", "seat": {"lat": 24.7302, "lon": 121.7631}}
    ])");
}

std::vector<std::string> problems_of(const Json& root) {
    text::Diagnostics d(kFile);
    content::read_counties(root, d);
    return d.messages();
}

}  // namespace

TEST_CASE("counties read with their names and seats, in file order") {
    text::Diagnostics d(kFile);
    auto counties = content::read_counties(two_counties(), d);
    CHECK(d.empty());
    REQUIRE(counties.size() == 2);
    CHECK(counties[0].id == "Taipei");
    CHECK(counties[0].name_zh == "臺北市");
    CHECK(counties[0].name_en == "Taipei City");
    CHECK(counties[0].seat.lat == 25.0375);
    CHECK(counties[0].seat.lon == 121.5637);
    CHECK(counties[1].id == "YilanCounty");

    text::Diagnostics none(kFile);
    CHECK(content::read_counties(Json::array(), none).empty());
    CHECK(none.empty());
}

TEST_CASE("a county written to JSON reads back the same, and the JSON is what the file holds") {
    text::Diagnostics d(kFile);
    auto counties = content::read_counties(two_counties(), d);
    REQUIRE(d.empty());
    Json written = Json::array();
    for (const auto& c : counties) written.push_back(content::to_json(c));
    CHECK(written == two_counties());
    text::Diagnostics again(kFile);
    auto back = content::read_counties(written, again);
    CHECK(again.empty());
    REQUIRE(back.size() == counties.size());
    for (size_t i = 0; i < back.size(); ++i) {
        CAPTURE(i);
        CHECK(back[i].id == counties[i].id);
        CHECK(back[i].name_zh == counties[i].name_zh);
        CHECK(back[i].name_en == counties[i].name_en);
        CHECK(back[i].seat.lat == counties[i].seat.lat);
        CHECK(back[i].seat.lon == counties[i].seat.lon);
    }
}

TEST_CASE("a file that is not a list of counties says so once") {
    for (const char* text : {"{}", "\"Taipei\"", "null", "8"}) {
        const std::string shown_text = text;
        CAPTURE(shown_text);
        text::Diagnostics d(kFile);
        CHECK(content::read_counties(Json::parse(text), d).empty());
        CHECK(d.messages() == std::vector<std::string>{"content/counties.json: (top): expected an array of counties"});
    }
}

TEST_CASE("each broken county field is named with its index and key") {
    struct Break {
        const char* json;  // the second county, replaced
        std::vector<std::string> problems;
    };
    const Break cases[] = {
        {R"("Keelung")", {"content/counties.json: [1]: expected an object, found a string"}},
        {R"({"name_zh": "基隆市", "name_en": "Keelung City", "seat": {"lat": 25.13, "lon": 121.74}})",
         {"content/counties.json: [1].id: missing"}},
        {R"({"id": "", "name_zh": "基隆市", "name_en": "Keelung City", "seat": {"lat": 25.13, "lon": 121.74}})",
         {"content/counties.json: [1].id: must not be empty"}},
        {R"({"id": "Keelung", "name_zh": 7, "name_en": "Keelung City", "seat": {"lat": 25.13, "lon": 121.74}})",
         {"content/counties.json: [1].name_zh: expected a string, found an integer"}},
        {R"({"id": "Keelung", "name_zh": "基隆市", "name_en": "Keelung City"})",
         {"content/counties.json: [1].seat: missing"}},
        {R"({"id": "Keelung", "name_zh": "基隆市", "name_en": "Keelung City", "seat": [121.74, 25.13]})",
         {"content/counties.json: [1].seat: expected an object, found an array"}},
        {R"({"id": "Keelung", "name_zh": "基隆市", "name_en": "Keelung City", "seat": {"lat": "25.13", "lon": 121.74}})",
         {"content/counties.json: [1].seat.lat: expected a number, found a string"}},
        {R"({"id": "Keelung", "name_zh": "基隆市", "name_en": "Keelung City", "seat": {"lat": 25.13}})",
         {"content/counties.json: [1].seat.lon: missing"}},
        // Longitude and latitude swapped: 121 is no latitude.
        {R"({"id": "Keelung", "name_zh": "基隆市", "name_en": "Keelung City", "seat": {"lat": 121.74, "lon": 25.13}})",
         {"content/counties.json: [1].seat: coordinates out of range"}},
        {R"({"id": "Keelung", "name_zh": "基隆市", "name_en": "Keelung City", "seat": {"lat": 25.13, "lon": 181}})",
         {"content/counties.json: [1].seat: coordinates out of range"}},
        {R"({"id": "Keelung", "name_zh": "基隆市", "name_en": "Keelung City", "seat": {"lat": 25.13, "lon": 121.74, "alt": 5}, "mayor": "x"})",
         {"content/counties.json: [1].seat.alt: unknown field", "content/counties.json: [1].mayor: unknown field"}},
        {R"({"id": "Taipei", "name_zh": "臺北市", "name_en": "Taipei City", "seat": {"lat": 25.04, "lon": 121.56}})",
         {"content/counties.json: [1].id: duplicate county id \"Taipei\""}},
    };
    for (const auto& c : cases) {
        const std::string shown_c_json = c.json;
        CAPTURE(shown_c_json);
        Json root = two_counties();
        root[1] = Json::parse(c.json);
        CHECK(problems_of(root) == c.problems);
    }
}

TEST_CASE("the edges of the world are valid seats; two missing ids are not a duplicate") {
    Json root = two_counties();
    root[0]["seat"] = {{"lat", -90}, {"lon", -180}};
    root[1]["seat"] = {{"lat", 90}, {"lon", 180}};
    CHECK(problems_of(root).empty());

    Json nameless = two_counties();
    nameless[0].erase("id");
    nameless[1].erase("id");
    CHECK(problems_of(nameless) ==
          std::vector<std::string>{"content/counties.json: [0].id: missing", "content/counties.json: [1].id: missing"});

    // A third county with the first one's id: the later one is named.
    Json three = two_counties();
    three.push_back(three[0]);
    CHECK(problems_of(three) == std::vector<std::string>{"content/counties.json: [2].id: duplicate county id \"Taipei\""});
}

TEST_CASE("find_county finds by exact id") {
    text::Diagnostics d(kFile);
    auto counties = content::read_counties(two_counties(), d);
    REQUIRE(counties.size() == 2);
    CHECK(content::find_county(counties, "YilanCounty") == &counties[1]);
    CHECK(content::find_county(counties, "Taipei") == &counties[0]);
    CHECK(content::find_county(counties, "taipei") == nullptr);  // ids are TDX's spelling, case and all
    CHECK(content::find_county(counties, "臺北市") == nullptr);   // a name is not an id
    CHECK(content::find_county(counties, "") == nullptr);
    CHECK(content::find_county({}, "Taipei") == nullptr);
}
