// content/parking/car_parks.json: the sample car parks read, check against the counties, and
// give every sample site a car park of its county nearby (the "car parks near this site"
// answer). Problems in the file name the record and the field.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "content/catalog.h"
#include "geo/geometry.h"
#include "test_content.h"

using namespace beitai;
using namespace beitai::content;
using namespace beitai::text;

namespace {

std::vector<SourceFile> with_parking() {
    auto files = testing::repository_content();
    for (const char* name : {"maps/sites.json", "parking/car_parks.json"}) {
        std::string rel = std::string("content/") + name;
        files.push_back({rel, testing::read_text_file(std::string(BEITAI_SOURCE_DIR) + "/" + rel)});
    }
    return files;
}

std::string problems_of(const std::string& car_parks) {
    auto files = testing::repository_content();
    files.push_back({"content/parking/car_parks.json", car_parks});
    auto r = read_catalog(files);
    REQUIRE_FALSE(r.ok());
    return r.error();
}

}  // namespace

TEST_CASE("the sample car parks: every county, flagged sample, near the sample sites") {
    auto catalog = read_catalog(with_parking());
    REQUIRE_MESSAGE(catalog, catalog.error());
    const auto& set = catalog->car_parks;
    CHECK(set.sample);
    CHECK(set.note.find("示範資料") == 0);
    std::map<std::string, int> per_county;
    std::set<std::string> ids;
    for (const auto& c : set.car_parks) {
        per_county[c.county]++;
        CHECK(ids.insert(c.id).second);
        CHECK(c.name_zh.rfind("示範停車場 ", 0) == 0);
        CHECK(c.address.find("（示範地址）") != std::string::npos);
        CHECK(c.total_spaces.value_or(0) > 0);
    }
    CHECK(per_county.size() == 8);
    for (const auto& entry : per_county) {  // no structured binding: emcc's doctest cannot CAPTURE one
        CAPTURE(entry.first);
        CHECK(entry.second >= 20);
        CHECK(entry.second <= 40);
    }
    int within_1km = 0;
    for (const auto& site : catalog->sites.sites) {
        double nearest = 1e9;
        for (const auto& c : set.car_parks)
            if (c.county == site.county) nearest = std::min(nearest, geo::distance_m(*site.at, c.position));
        CAPTURE(site.id);
        CHECK(nearest <= 3000);
        within_1km += nearest <= 1000;
    }
    CHECK(within_1km >= 30);
}

TEST_CASE("car park records: every problem names the record and field") {
    const std::string ok_record =
        R"({"id":"TPE-S001","county":"Taipei","name_zh":"示範停車場 甲","name_en":"","lat":25.0,"lon":121.5,)"
        R"("address":"","fare":"","type":1,"live_data":true,"wheelchair":false,"ev_charging":false,)"
        R"("total_spaces":null,"sample":true})";
    {
        auto files = testing::repository_content();
        files.push_back({"content/parking/car_parks.json", R"({"sample":true,"car_parks":[)" + ok_record + "]}"});
        auto r = read_catalog(files);
        REQUIRE_MESSAGE(r, r.error());
        REQUIRE(r->car_parks.car_parks.size() == 1);
        CHECK_FALSE(r->car_parks.car_parks[0].total_spaces.has_value());  // null: not known
        CHECK(to_json(r->car_parks.car_parks[0], true) == Json::parse(ok_record));
    }
    std::string bad = ok_record;
    bad.replace(bad.find(R"("type":1)"), 8, R"("type":9)");
    CHECK(problems_of(R"({"sample":true,"car_parks":[)" + bad + "]}") ==
          "content/parking/car_parks.json: car_parks[0].type: expected a TDX CarParkType (1–6, 254 or 255), found 9");
    CHECK(problems_of(R"({"sample":true,"car_parks":[)" + ok_record + "," + ok_record + "]}") ==
          "content/parking/car_parks.json: car_parks[1].id: \"TPE-S001\" appears twice in Taipei");
    std::string tainan = ok_record;
    tainan.replace(tainan.find("Taipei"), 6, "Tainan");
    CHECK(problems_of(R"({"sample":true,"car_parks":[)" + tainan + "]}") ==
          "content/parking/car_parks.json: car_parks[0].county: unknown county id \"Tainan\"");
}
