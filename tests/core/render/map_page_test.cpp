#include <doctest/doctest.h>

#include "map_fixture.h"
#include "render/map_page.h"

using namespace beitai;

TEST_CASE("tiles come from OpenStreetMap, the NLSC EMAP, or nowhere") {
    CHECK(render::tile_source("osm").url.find("tile.openstreetmap.org") != std::string::npos);
    CHECK(render::tile_source("nlsc").url.find("wmts.nlsc.gov.tw") != std::string::npos);
    for (const char* name : {"none", "", "google", "OSM"}) {
        CAPTURE(name);
        CHECK(render::tile_source(name).url.empty());
    }
}

TEST_CASE("the map page says 示範資料 for sample data, in the page's language") {
    map_fixture::Fixture f;
    render::MapView view;
    render::PlanRequest plan;
    const auto tiles = render::tile_source("none");
    const std::string zh = render::map_page_html(f.data(), view, plan, true, tiles, text::Lang::zh_TW);
    CHECK(zh.find("此為示意用的示範資料，非官方資料") != std::string::npos);
    view.lang = text::Lang::en;
    const std::string en = render::map_page_html(f.data(), view, plan, true, tiles, text::Lang::en);
    CHECK(en.find("Illustrative sample data, not official data") != std::string::npos);
    const std::string official = render::map_page_html(f.data(), view, plan, false, tiles, text::Lang::zh_TW);
    CHECK(official.find("sample-note") == std::string::npos);
}

TEST_CASE("a plan that could not be read or found is announced, escaped") {
    map_fixture::Fixture f;
    render::PlanRequest plan;
    plan.from = "<x>";
    plan.error = "from: expected lat,lon, found \"<x>\"";
    const std::string html = render::map_page_html(f.data(), {}, plan, false, render::tile_source("none"), text::Lang::zh_TW);
    CHECK(html.find("<p class=\"error\" role=\"alert\">from: expected lat,lon, found &quot;&lt;x&gt;&quot;</p>") !=
          std::string::npos);
    bikenet::PlannedRoute none;
    none.message = "the start is more than 500 m from any bike route";
    CHECK(render::planned_route_html(none, f.data(), text::Lang::en) ==
          "<p class=\"error\" role=\"alert\">the start is more than 500 m from any bike route</p>");
}
