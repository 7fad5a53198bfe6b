#include <doctest/doctest.h>

#include "map_fixture.h"
#include "parking/live.h"
#include "render/map_page.h"

using namespace beitai;

TEST_CASE("tiles come from OpenStreetMap, the NLSC EMAP, or nowhere") {
    CHECK(render::tile_source("osm").url.find("tile.openstreetmap.org") != std::string::npos);
    CHECK(render::tile_source("nlsc").url.find("wmts.nlsc.gov.tw") != std::string::npos);
    for (const char* name : {"none", "", "google", "OSM"}) {
        CAPTURE(name);
        CHECK(render::tile_source(name).url.empty());
    }
    // The attribution is in the page's language, escaped for Leaflet's HTML.
    CHECK(render::tile_source("osm", text::Lang::zh_TW).attribution == "© OpenStreetMap 貢獻者");
    CHECK(render::tile_source("osm", text::Lang::en).attribution == "© OpenStreetMap contributors");
    CHECK(render::tile_source("nlsc", text::Lang::en).attribution.find("Taiwan e-Map") != std::string::npos);
}

TEST_CASE("the map page says 示範資料 for sample data, in the page's language") {
    map_fixture::Fixture f;
    render::MapView view;
    render::PlanRequest plan;
    const auto tiles = render::tile_source("none", text::Lang::zh_TW);
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
    none.failure = bikenet::PlanFailure::end_far;
    CHECK(render::planned_route_html(none, f.data(), text::Lang::en) ==
          "<p class=\"error\" role=\"alert\">The end is more than 2000 m from any bike route.</p>");
}

TEST_CASE("a plan found lists its legs in order, each saying what it is, in the page's language") {
    map_fixture::Fixture f;
    bikenet::RoutePlanner planner(f.network, f.gaps);
    // From the 淡水河 route's start to the 大漢溪 route's end: the two do not meet.
    const auto plan = planner.plan({25.05, 121.50}, {25.08, 121.53});
    REQUIRE(plan.found);
    const std::string zh = render::planned_route_html(plan, f.data(), text::Lang::zh_TW);
    CHECK(map_fixture::count(zh, "<li class=\"leg\"") == plan.legs.size());
    REQUIRE(plan.legs.size() == 3);
    CHECK(zh.find("<li class=\"leg\" data-kind=\"route\"") != std::string::npos);
    CHECK(zh.find(">自行車道 · 淡水河 · ") != std::string::npos);
    CHECK(zh.find(">自行車道 · 大漢溪 · ") != std::string::npos);
    // Between them, off the network: a break between two counties, named.
    CHECK(zh.find("臺北市 – 新北市") != std::string::npos);
    CHECK(zh.find("不在自行車道上") != std::string::npos);
    CHECK(zh.find("以直線距離估算") != std::string::npos);
    const std::string en = render::planned_route_html(plan, f.data(), text::Lang::en);
    CHECK(en.find(">Bike route · ") != std::string::npos);
    CHECK(en.find("Taipei City – New Taipei City") != std::string::npos);
    CHECK(en.find("as the crow flies") != std::string::npos);
    CHECK(en.find("自行車道") == std::string::npos);
}

TEST_CASE("the planner reads names and coordinates; what is wrong is said next to its field, in the page's language") {
    map_fixture::Fixture f;
    bikenet::RoutePlanner planner(f.network, f.gaps);
    render::PlanRequest plan;
    plan.from = "火星";
    plan.to = "25.06,121.51";
    render::plan_route(plan, f.data(), planner, text::Lang::zh_TW);
    CHECK(plan.from_error == "起點：找不到「火星」。請輸入縣市名稱、場所名稱或座標（緯度,經度）。");
    CHECK(plan.to_error.empty());
    CHECK_FALSE(plan.result);
    const std::string html = render::map_page_html(f.data(), {}, plan, false, render::tile_source("none"), text::Lang::zh_TW);
    CHECK(html.find("aria-describedby=\"plan-hint plan-from-error\" aria-invalid=\"true\"><p class=\"field-error\" id=\"plan-from-error\">起點：找不到「火星」") !=
          std::string::npos);
    CHECK(html.find("<p class=\"field-error\" id=\"plan-to-error\" hidden></p>") != std::string::npos);
    // Text fields that take a comma (no decimal keypad), with the places suggested.
    CHECK(map_fixture::count(html, "type=\"text\" inputmode=\"text\"") == 2);
    CHECK(html.find("<option value=\"羅東自然教育中心\">") != std::string::npos);

    render::PlanRequest by_name;
    by_name.from = "25.05,121.50";
    by_name.to = "淡水";  // no such place in the fixture
    render::plan_route(by_name, f.data(), planner, text::Lang::en);
    CHECK(by_name.to_error.find("To: no place called") == 0);

    render::PlanRequest ok;
    ok.from = "25.05,121.50";
    ok.to = "25.06，121.51";
    render::plan_route(ok, f.data(), planner, text::Lang::en);
    REQUIRE(ok.result);
    CHECK(ok.result->found);
}

TEST_CASE("a plan that finds no way says why in the page's language") {
    map_fixture::Fixture f;
    bikenet::PlannedRoute far;
    far.failure = bikenet::PlanFailure::start_far;
    CHECK(render::planned_route_html(far, f.data(), text::Lang::zh_TW) ==
          "<p class=\"error\" role=\"alert\">起點離最近的自行車道超過 2000 公尺。</p>");
    far.failure = bikenet::PlanFailure::unconnected;
    CHECK(render::planned_route_html(far, f.data(), text::Lang::en) ==
          "<p class=\"error\" role=\"alert\">No way along the bike routes, their breaks and roads of up to 10000 m between them joins the two points.</p>");
}

TEST_CASE("a tap on the map offers to set the start or the end, and does nothing by itself") {
    const std::string html = render::map_point_actions_html({25.0478, 121.517}, text::Lang::zh_TW);
    CHECK(html.find("data-set=\"from\" data-value=\"25.04780,121.51700\">設為起點</button>") != std::string::npos);
    CHECK(html.find("data-set=\"to\" data-value=\"25.04780,121.51700\">設為終點</button>") != std::string::npos);
}

TEST_CASE("the map comes first, then the legend that switches the layers, then the planner") {
    map_fixture::Fixture f;
    const std::string html = render::map_page_html(f.data(), {}, {}, false, render::tile_source("none"), text::Lang::zh_TW);
    const size_t map = html.find("id=\"map\""), legend = html.find("id=\"map-layers\""), plan = html.find("id=\"map-plan\"");
    CHECK(map < legend);
    CHECK(legend < plan);
    CHECK(html.find("class=\"legend-switch\"") != std::string::npos);
    // Every site in the list has its "show on map".
    CHECK(map_fixture::count(html, "class=\"show-on-map\" href=\"/map?focus=s") == f.sites.sites.size());
    // A focused feature's card by the map, for readers without JavaScript.
    render::MapView view;
    view.focus = "s2";
    const std::string focused = render::map_page_html(f.data(), view, {}, false, render::tile_source("none"), text::Lang::zh_TW);
    CHECK(focused.find("id=\"map-focus\"") != std::string::npos);
    CHECK(focused.find("羅東自然教育中心", focused.find("id=\"map-focus\"")) != std::string::npos);
    view.focus = "no-such-thing";
    CHECK(render::map_page_html(f.data(), view, {}, false, render::tile_source("none"), text::Lang::zh_TW).find("map-focus") ==
          std::string::npos);
}

namespace {

// One live car park in Taipei, as its feed sent it `age_s` seconds before `now`.
parking::ParkingSnapshot one_car_park(long long now, int available, long long age_s) {
    parking::CountyParking taipei;
    taipei.status.county = "Taipei";
    taipei.status.stale_after_s = 300;
    taipei.status.last_success_at = now - age_s;
    parking::CarPark c;
    c.county = "Taipei";
    c.id = "P1";
    c.name_zh = "示範停車場";
    c.position = {25.05, 121.5};
    c.live_data = true;
    taipei.car_parks.car_parks.push_back(c);
    auto a = testing::live(available, 100);
    a.car_park_id = "P1";
    a.collected_at = now - age_s;
    parking::AvailabilityList list;
    list.items.push_back(a);
    taipei.availability = list;
    return parking::ParkingSnapshot({taipei});
}

}  // namespace

TEST_CASE("the car parks' list and feeds are in the page only with their layer on: otherwise the page stays the same as they change") {
    map_fixture::Fixture f;
    const auto tiles = render::tile_source("none");
    const auto page = [&](const parking::ParkingSnapshot* p, long long now, bool layer, text::Lang lang = text::Lang::zh_TW) {
        auto d = f.data();
        d.parking = p;
        d.now = now;
        render::MapView view;
        view.layers.parking = layer;
        view.lang = lang;
        return render::map_page_html(d, view, {}, false, tiles, lang);
    };
    const auto before = one_car_park(1'700'000'000, 40, 10);
    const auto later = one_car_park(1'700'000'090, 0, 70);
    // Off (the first view): the list's place says how to show it; the panel waits, empty.
    const std::string off = page(&before, 1'700'000'000, false);
    CHECK(off.find("<section class=\"layer-list\" id=\"list-parking\" aria-labelledby=\"list-parking-h\"><h2 id=\"list-parking-h\">各縣市停車場即時車位</h2>"
                   "<p>在圖例勾選「停車場即時車位」，即列出各停車場的即時車位。</p></section>") != std::string::npos);
    CHECK(off.find("<section class=\"parking-feeds\" id=\"parking-feeds\" hidden></section>") != std::string::npos);
    CHECK(off.find("data-car-park") == std::string::npos);
    CHECK(off.find("示範停車場") == std::string::npos);
    // Other levels, other ages, the same page: one entity tag for every repeat view.
    CHECK(page(&later, 1'700'000'090, false) == off);
    CHECK(page(&before, 1'700'000'000, false, text::Lang::en).find("<p>Tick &quot;Car parks, live free spaces&quot; in the legend to list every car park&#39;s free spaces.</p>") !=
          std::string::npos);
    // On: the car parks as they are, and each feed's freshness.
    const std::string on = page(&later, 1'700'000'090, true);
    CHECK(map_fixture::count(on, "<tr data-car-park=\"Taipei/P1\" data-level=\"full\">") == 1);
    CHECK(on.find("<li data-county=\"Taipei\" data-state=\"ok\">") != std::string::npos);
    CHECK(on.find("在圖例勾選") == std::string::npos);
    // Without live parking there is no place for either.
    CHECK(page(nullptr, 0, false).find("list-parking") == std::string::npos);
    CHECK(page(nullptr, 0, false).find("parking-feeds") == std::string::npos);
}
