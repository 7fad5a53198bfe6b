// The map explains itself: one meaning per colour and shape, a legend that shows the very
// symbols the Scene draws and is the layer switch, parking off at first, the county filter,
// the planned route's pins.
#include <doctest/doctest.h>

#include <set>

#include "map_fixture.h"
#include "render/map_legend.h"
#include "render/parking_views.h"

using namespace beitai;
using map_fixture::Fixture;

TEST_CASE("one meaning per colour: breaks, sites and car parks share no colour") {
    std::set<std::string> gaps = {render::gap_line_look().stroke, render::gap_marker_look().fill};
    std::set<std::string> sites = {render::site_look(true).fill, render::site_look(false).fill};
    std::set<std::string> parking;
    for (auto level : {parking::Level::plenty, parking::Level::few, parking::Level::full, parking::Level::closed,
                       parking::Level::unknown})
        parking.insert(render::parking_style(level, false).fill);
    CHECK(parking.size() == 5);  // each level its own shade
    for (const auto& c : gaps) {
        CAPTURE(c);
        CHECK(sites.count(c) == 0);
        CHECK(parking.count(c) == 0);
    }
    for (const auto& c : sites) {
        CAPTURE(c);
        CHECK(parking.count(c) == 0);
    }
    // Shape as well as colour: a break is a dashed line and a numbered box, a site a dot.
    CHECK(render::gap_line_look().dashed);
    CHECK_FALSE(render::site_look(true).dashed);
}

TEST_CASE("the scene draws with the legend's looks; breaks are boxes with their number") {
    Fixture f;
    const auto scene = render::map_scene(f.data(), {});
    bool saw_gap_marker = false, saw_gap_line = false, saw_site = false;
    for (const auto& m : scene.markers) {
        if (m.layer == "gaps") {
            saw_gap_marker = true;
            CHECK(m.labelled);
            CHECK(m.look.fill == render::gap_marker_look().fill);
        }
        if (m.layer == "sites") {
            saw_site = true;
            CHECK_FALSE(m.labelled);
            CHECK(m.look.fill == render::site_look(true).fill);
        }
    }
    for (const auto& l : scene.polylines)
        if (l.layer == "gaps") {
            saw_gap_line = true;
            CHECK(l.look.stroke == render::gap_line_look().stroke);
        }
    CHECK(saw_site);
    CHECK(saw_gap_line == !f.gaps.empty());
    CHECK(saw_gap_marker == !f.gaps.empty());
}

TEST_CASE("the legend is the layer switch, each entry with the symbol the map draws") {
    Fixture f;
    render::MapView view;
    const std::string html = render::map_legend_html(f.data(), view, text::Lang::zh_TW);
    for (const char* layer : {"routes", "gaps", "sites", "basemap"}) {
        CAPTURE(layer);
        CHECK(html.find("name=\"layer\" value=\"" + std::string(layer) + "\" checked>") != std::string::npos);
    }
    CHECK(html.find("value=\"parking\"") == std::string::npos);  // no live parking: no entry
    CHECK(html.find("stroke=\"" + render::gap_line_look().stroke + "\" stroke-width=\"4\" stroke-dasharray=\"6 4\"") !=
          std::string::npos);
    CHECK(html.find("fill=\"" + render::site_look(true).fill + "\"") != std::string::npos);
    CHECK(html.find("fill=\"" + render::site_look(false).fill + "\"") != std::string::npos);
    CHECK(html.find(render::county_colour("Taipei")) != std::string::npos);
    CHECK(html.find("綠色：參與北臺綠色旅遊") != std::string::npos);
    // The county filter of the sites, with the chosen county selected.
    view.county = "Taipei";
    view.layers.sites = false;
    const std::string en = render::map_legend_html(f.data(), view, text::Lang::en);
    CHECK(en.find("name=\"layer\" value=\"sites\">") != std::string::npos);  // unticked
    CHECK(en.find("<option value=\"Taipei\" selected>Taipei City</option>") != std::string::npos);
    CHECK(en.find("Legend and layers") != std::string::npos);
}

TEST_CASE("car parks are off at first; asked for, each is a keyboard stop") {
    CHECK_FALSE(render::MapView{}.layers.parking);
    auto all = render::parse_map_view({{"layers", "basemap,parking"}});
    REQUIRE(all);
    CHECK(all->layers.parking);
}

TEST_CASE("the county filter keeps that county's sites, and the view fits them") {
    Fixture f;
    auto view = render::parse_map_view({{"county", "YilanCounty"}});
    REQUIRE(view);
    CHECK(view->county == "YilanCounty");
    CHECK(text::to_query_string(render::to_params(*view)).find("county=YilanCounty") != std::string::npos);
    const auto scene = render::map_scene(f.data(), *view);
    size_t sites = 0;
    for (const auto& m : scene.markers)
        if (m.layer == "sites") {
            ++sites;
            CHECK(m.id == "s2");
        }
    CHECK(sites == 1);
    CHECK(scene.fit_south_west.lat == doctest::Approx(24.68));
    CHECK(scene.fit_north_east.lon == doctest::Approx(121.77));
    // Routes and breaks are not filtered: they cross counties.
    CHECK(scene.polylines.size() == render::map_scene(f.data(), {}).polylines.size());
    CHECK(render::parse_map_view({{"county", "<x>"}}).error().find("county: expected a county id") == 0);
    CHECK(render::parse_map_view({{"focus", "parking:Taipei/1"}})->focus == "parking:Taipei/1");
    CHECK_FALSE(render::parse_map_view({{"focus", std::string(300, 'x')}}));
}

TEST_CASE("a planned route has its start and end pins, keyboard stops, in the page's language") {
    Fixture f;
    bikenet::RoutePlanner planner(f.network, f.gaps);
    const auto plan = planner.plan({25.05, 121.50}, {25.06, 121.51});
    REQUIRE(plan.found);
    auto data = f.data();
    data.planned = &plan;
    render::MapView view;
    view.lang = text::Lang::en;
    const auto scene = render::map_scene(data, view);
    std::vector<const render::SceneMarker*> pins;
    for (const auto& m : scene.markers)
        if (m.layer == "path") pins.push_back(&m);
    REQUIRE(pins.size() == 2);
    CHECK(pins[0]->label == "A");
    CHECK(pins[0]->title == "From");
    CHECK(pins[0]->at.lat == plan.start.lat);
    CHECK(pins[1]->label == "B");
    CHECK(pins[1]->at.lon == plan.end.lon);
    CHECK(pins[0]->focusable);
    CHECK(pins[1]->labelled);
}
