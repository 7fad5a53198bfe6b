// content/site: the environmental-education sites of sites.json. The list and each site say
// whether they are sample data; every problem names its path; what is written reads back.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "content/site.h"

using namespace beitai;
using text::Json;

namespace {

const char* const kFile = "content/maps/sites.json";

Json list() {
    return Json::parse(R"({
      "sample": true,
      "note": "示範資料",
      "sites": [
        {"id": "site-001", "name": "示範濕地公園", "county": "Taipei", "address": "臺北市示範路1號（示範地址）",
         "lat": 25.117, "lon": 121.472, "activities": "賞鳥", "hours": "09:00–17:00",
         "green_tourism": true, "sample": true},
        {"id": "site-002", "name": "示範森林步道", "county": "YilanCounty", "address": "宜蘭縣示範鄉",
         "lat": 24.6, "lon": 121.6, "green_tourism": false, "sample": false}
      ]})");
}

std::vector<std::string> problems_of(const Json& root) {
    text::Diagnostics d(kFile);
    content::read_sites(root, d);
    return d.messages();
}

}  // namespace

TEST_CASE("sites read with every field; activities, hours and the note may be left out") {
    text::Diagnostics d(kFile);
    auto read = content::read_sites(list(), d);
    CHECK(d.empty());
    CHECK(read.sample);
    CHECK(read.note == "示範資料");
    REQUIRE(read.sites.size() == 2);
    const auto& a = read.sites[0];
    CHECK(a.id == "site-001");
    CHECK(a.county == "Taipei");
    CHECK(a.at->lat == 25.117);
    CHECK(a.at->lon == 121.472);
    CHECK(a.activities == "賞鳥");
    CHECK(a.green_tourism);
    CHECK(a.sample);
    const auto& b = read.sites[1];
    CHECK(b.activities.empty());
    CHECK(b.hours.empty());
    CHECK_FALSE(b.green_tourism);
    CHECK_FALSE(b.sample);

    Json bare = list();
    bare.erase("note");
    bare["sites"][0]["hours"] = nullptr;
    text::Diagnostics d2(kFile);
    auto read2 = content::read_sites(bare, d2);
    CHECK(d2.empty());
    CHECK(read2.note.empty());
    CHECK(read2.sites[0].hours.empty());
}

TEST_CASE("a site written to JSON reads back the same") {
    text::Diagnostics d(kFile);
    auto read = content::read_sites(list(), d);
    REQUIRE(d.empty());
    Json again = {{"sample", read.sample}, {"note", read.note}, {"sites", Json::array()}};
    for (const auto& s : read.sites) again["sites"].push_back(content::to_json(s));
    // The written form always carries activities and hours, empty when there were none.
    Json expected = list();
    expected["sites"][1]["activities"] = "";
    expected["sites"][1]["hours"] = "";
    CHECK(again == expected);
    text::Diagnostics d2(kFile);
    auto back = content::read_sites(again, d2);
    CHECK(d2.empty());
    REQUIRE(back.sites.size() == 2);
    CHECK(content::to_json(back.sites[0]) == content::to_json(read.sites[0]));
    CHECK(content::to_json(back.sites[1]) == content::to_json(read.sites[1]));
}

TEST_CASE("every broken site field is named with its path") {
    struct Break {
        const char* pointer;
        const char* value;
        std::vector<std::string> problems;
    };
    const Break cases[] = {
        {"/sample", R"("yes")", {"content/maps/sites.json: sample: expected true or false, found a string"}},
        {"/note", "3", {"content/maps/sites.json: note: expected a string or null, found an integer"}},
        {"/sites", R"({})", {"content/maps/sites.json: sites: expected an array, found an object"}},
        {"/sites/1", R"("site-002")", {"content/maps/sites.json: sites[1]: expected an object, found a string"}},
        {"/sites/0/name", R"("")", {"content/maps/sites.json: sites[0].name: must not be empty"}},
        {"/sites/1/lat", R"("24.6")", {"content/maps/sites.json: sites[1].lat: expected a number, found a string"}},
        {"/sites/1/lat", "-91", {"content/maps/sites.json: sites[1].lat: coordinates out of range"}},
        {"/sites/1/green_tourism", "1", {"content/maps/sites.json: sites[1].green_tourism: expected true or false, found an integer"}},
        {"/sites/0/phone", R"("x")", {"content/maps/sites.json: sites[0].phone: unknown field"}},
        {"/extra", "[]", {"content/maps/sites.json: extra: unknown field"}},
    };
    for (const auto& c : cases) {
        const std::string shown_c_pointer = c.pointer;
        CAPTURE(shown_c_pointer);
        const std::string shown_c_value = c.value;
        CAPTURE(shown_c_value);
        Json root = list();
        root[Json::json_pointer(c.pointer)] = Json::parse(c.value);
        CHECK(problems_of(root) == c.problems);
    }

    Json missing = list();
    missing["sites"][1].erase("county");
    missing["sites"][1].erase("sample");
    CHECK(problems_of(missing) == std::vector<std::string>{"content/maps/sites.json: sites[1].county: missing",
                                                            "content/maps/sites.json: sites[1].sample: missing"});
    Json no_sample = list();
    no_sample.erase("sample");
    CHECK(problems_of(no_sample) == std::vector<std::string>{"content/maps/sites.json: sample: missing"});
    CHECK(problems_of(Json::array()) == std::vector<std::string>{"content/maps/sites.json: (top): expected an object, found an array"});
}

TEST_CASE("a coordinate out of range is reported at its own key") {
    struct Break {
        const char* key;
        double value;
        const char* problem;
    };
    const Break cases[] = {
        {"lat", 91, "content/maps/sites.json: sites[0].lat: coordinates out of range"},
        {"lon", 181, "content/maps/sites.json: sites[0].lon: coordinates out of range"},
        {"lon", -180.5, "content/maps/sites.json: sites[0].lon: coordinates out of range"},
        {"lat", -90, nullptr},
        {"lon", 180, nullptr},
    };
    for (const auto& c : cases) {
        const std::string key = c.key;
        CAPTURE(key);
        CAPTURE(c.value);
        Json root = list();
        root["sites"][0][key] = c.value;
        CHECK(problems_of(root) == (c.problem ? std::vector<std::string>{c.problem} : std::vector<std::string>{}));
    }
}

TEST_CASE("a site without a position, and the certificate's fields, read and written back") {
    Json root = {{"sample", false}, {"sites", Json::array({Json{{"id", "EC-1"}, {"name", "甲"}, {"county", "Taipei"},
        {"address", "臺北市"}, {"green_tourism", false}, {"sample", false}, {"licence", "EC-1"},
        {"valid_until", "2015-12-31"}, {"certificate_expired", true}}})}};
    text::Diagnostics d(kFile);
    auto read = content::read_sites(root, d);
    CHECK_MESSAGE(d.empty(), d.joined());
    REQUIRE(read.sites.size() == 1);
    CHECK_FALSE(read.sites[0].at);
    CHECK(read.sites[0].valid_until == "2015-12-31");
    CHECK(read.sites[0].certificate_expired);
    const Json back = content::to_json(read.sites[0]);
    CHECK_FALSE(back.contains("lat"));
    CHECK(back["licence"] == "EC-1");
    // Half a position is a mistake, and so is a date that is not one.
    root["sites"][0]["lat"] = 25.0;
    root["sites"][0]["valid_until"] = "2015/12/31";
    const auto problems = problems_of(root);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].find("sites[0].lon") != std::string::npos);
    CHECK(problems[1].find("sites[0].valid_until: expected a date as YYYY-MM-DD") != std::string::npos);
}
