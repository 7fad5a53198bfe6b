// The map's views: the Scene a view asks for, the view's parameters, the lists, the SVG, and
// TopoJSON decoding for the basemap.
#include <doctest/doctest.h>

#include "bikenet/gaps.h"
#include "geo/topojson.h"
#include "render/map_lists.h"
#include "render/map_scene.h"
#include "render/parking_views.h"
#include "render/svg.h"
#include "test_content.h"

using namespace beitai;

namespace {

struct Fixture {
    std::vector<content::County> counties = testing::repository_catalog().counties;
    content::SiteList sites;
    bikenet::Network network;
    std::vector<bikenet::Gap> gaps;
    Fixture() {
        sites.sample = true;
        sites.sites = {{"s1", "關渡<自然>公園", "Taipei", "臺北市北投區", {25.117, 121.472}, "賞鳥", "09:00", true, true},
                       {"s2", "羅東自然教育中心", "YilanCounty", "宜蘭縣羅東鎮", {24.68, 121.77}, "", "", true, true}};
        network = bikenet::build_network({{"tp-1", "淡水河", "Taipei", {{25.05, 121.50}, {25.06, 121.51}}},
                                          {"ntp-1", "大漢溪", "NewTaipei", {{25.07, 121.52}, {25.08, 121.53}}}});
        gaps = bikenet::find_gaps(network);
    }
    render::MapData data() const {
        render::MapData d;
        d.counties = &counties;
        d.network = &network;
        d.gaps = &gaps;
        d.sites = &sites;
        return d;
    }
};

size_t count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("the view's parameters: layers, box, and clear errors") {
    auto all = render::parse_map_view({});
    REQUIRE(all.ok());
    CHECK(all->layers.routes);
    CHECK(all->layers.sites);
    CHECK_FALSE(all->bbox.has_value());
    auto some = render::parse_map_view({{"layers", "sites,gaps"}, {"bbox", "121.4,25.0,121.6,25.2"}});
    REQUIRE(some.ok());
    CHECK_FALSE(some->layers.routes);
    CHECK(some->layers.gaps);
    REQUIRE(some->bbox.has_value());
    CHECK(some->bbox->west == doctest::Approx(121.4));
    CHECK(text::to_query_string(render::to_params(*some)) == "layers=gaps%2Csites&bbox=121.40000%2C25.00000%2C121.60000%2C25.20000");
    CHECK(render::parse_map_view({{"layers", "rivers"}}).error().find("layers: unknown layer \"rivers\"") == 0);
    CHECK(render::parse_map_view({{"bbox", "1,2"}}).error().find("bbox: expected west,south,east,north") == 0);
    CHECK(render::parse_map_view({{"bbox", "121.6,25,121.5,25.1"}}).error().find("west must be less than east") != std::string::npos);
    CHECK(render::parse_map_view({{"bbox", "x,25,121.5,25.1"}}).error() == "bbox: \"x\" is not a number");
    CHECK(render::parse_map_view({{"zoom", "3"}}).error().find("unknown parameter \"zoom\"") == 0);
    CHECK(render::parse_map_view({{"zoom", "3"}}, {"zoom"}).ok());

    CHECK(render::parse_point("25.03,121.56", "from").ok());
    CHECK(render::parse_point("25.03", "from").error() == "from: expected lat,lon (two numbers), found \"25.03\"");
    CHECK(render::parse_point("95,121", "to").error() == "to: coordinates out of range");
    CHECK(render::parse_point("22.6,120.3", "to").error() == "to: 22.6,120.3 is outside northern Taiwan");
}

TEST_CASE("the scene holds the layers asked for, inside the box") {
    Fixture f;
    auto view = *render::parse_map_view({});
    auto scene = render::map_scene(f.data(), view);
    CHECK(scene.polylines.size() == 2 + f.gaps.size());  // routes and break lines
    size_t sites = 0;
    for (const auto& m : scene.markers) sites += m.layer == "sites";
    CHECK(sites == 2);
    // Routes carry their county's colour, the same everywhere.
    CHECK(scene.polylines[0].look.stroke == render::county_colour("Taipei"));
    CHECK(render::county_colour("Taipei") != render::county_colour("NewTaipei"));
    // Site markers open the site card, escaped, which says the data is a sample.
    for (const auto& m : scene.markers) CHECK(m.has_card == (m.layer == "sites"));
    const std::string card = render::map_card_html(f.data(), "s1", view.lang);
    CHECK(card.find("示範資料") != std::string::npos);
    CHECK(card.find("關渡&lt;自然&gt;公園") != std::string::npos);
    CHECK(card.find("<自然>") == std::string::npos);
    CHECK(render::map_card_html(f.data(), "no-such-site", view.lang).empty());

    auto taipei_only = *render::parse_map_view({{"layers", "sites"}, {"bbox", "121.4,25.0,121.6,25.2"}});
    auto boxed = render::map_scene(f.data(), taipei_only);
    CHECK(boxed.polylines.empty());
    REQUIRE(boxed.markers.size() == 1);
    CHECK(boxed.markers[0].id == "s1");
}

TEST_CASE("a planned route is part of the scene, styled there, over the routes") {
    Fixture f;
    bikenet::RoutePlanner planner(f.network, f.gaps);
    const auto plan = planner.plan({25.05, 121.50}, {25.06, 121.51});
    REQUIRE(plan.found);
    auto data = f.data();
    const auto view = *render::parse_map_view({{"layers", "routes"}});
    const auto without = render::map_scene(data, view);
    data.planned = &plan;
    const auto with = render::map_scene(data, view);
    REQUIRE(with.polylines.size() == without.polylines.size() + 1);
    const auto& path = with.polylines.back();  // drawn last: on top
    CHECK(path.layer == "path");
    REQUIRE(path.points.size() == plan.path.size());
    CHECK(path.points.front().lat == plan.path.front().lat);
    CHECK(path.look.stroke == "#111111");
    CHECK(path.look.weight == 6);
    CHECK(path.look.opacity == 0.75);
    // The view stays where it was: the plan does not move what the map fits.
    CHECK(with.fit_south_west.lat == without.fit_south_west.lat);
    CHECK(with.fit_north_east.lon == without.fit_north_east.lon);
    // Whatever the layers: a plan shown with every layer off is still drawn.
    CHECK(render::map_scene(data, *render::parse_map_view({{"layers", ""}})).polylines.size() == 1);
    // The SVG draws it with the rest.
    CHECK(render::scene_svg(with, {}).find("stroke=\"#111111\"") != std::string::npos);
}

TEST_CASE("the parking colours are the core's alone: the stylesheet is written from them, web/ restates none") {
    const std::string css = render::parking_stylesheet();
    const std::string portal_css = testing::read_text_file(std::string(BEITAI_SOURCE_DIR) + "/web/css/portal.css");
    const std::string map_js = testing::read_text_file(std::string(BEITAI_SOURCE_DIR) + "/web/js/map.js");
    for (auto level : {parking::Level::plenty, parking::Level::few, parking::Level::full, parking::Level::closed,
                       parking::Level::unknown}) {
        const std::string fill = render::parking_style(level, false).fill;
        CAPTURE(fill);
        CHECK(portal_css.find(fill) == std::string::npos);
        CHECK(map_js.find(fill) == std::string::npos);
        if (level != parking::Level::unknown) CHECK(css.find(fill) != std::string::npos);
    }
    CHECK(css.find(".parking-level.level-few { color: " + render::parking_style(parking::Level::few, false).fill) !=
          std::string::npos);
    CHECK(css.find(".feed-ok { color: " + render::parking_style(parking::Level::plenty, false).fill) != std::string::npos);
    // Stale markers keep their colour, faded and dashed: in the Scene, for every renderer.
    const auto stale = render::parking_style(parking::Level::full, true);
    CHECK(stale.fill == render::parking_style(parking::Level::full, false).fill);
    CHECK(stale.dashed);
    CHECK(stale.opacity < 1);
}

TEST_CASE("the lists hold every entry, or fold long ones into links per county") {
    Fixture f;
    auto sites = render::sites_list_html(f.data(), text::Lang::zh_TW);
    CHECK(count(sites, "<li data-site=") == 2);
    CHECK(sites.find("示範資料") != std::string::npos);
    auto folded = render::sites_list_html(f.data(), text::Lang::zh_TW, "", 1);
    CHECK(count(folded, "<li data-site=") == 0);
    CHECK(folded.find("href=\"/map/sites?county=Taipei\"") != std::string::npos);
    auto one_county = render::sites_list_html(f.data(), text::Lang::zh_TW, "YilanCounty", 1);
    CHECK(count(one_county, "<li data-site=") == 1);
    auto routes = render::routes_list_html(f.data(), text::Lang::en);
    CHECK(count(routes, "<tr data-route=") == 2);
    CHECK(routes.find("Taipei City") != std::string::npos);
    auto gaps = render::gaps_list_html(f.data(), text::Lang::zh_TW);
    CHECK(count(gaps, "<tr data-gap=") == f.gaps.size());
    CHECK(render::distance_text(850) == "850 m");
    CHECK(render::distance_text(12345) == "12.3 km");
}

TEST_CASE("the SVG draws every primitive of the scene with its look") {
    Fixture f;
    auto scene = render::map_scene(f.data(), *render::parse_map_view({}));
    auto svg = render::scene_svg(scene, {960, 720, "地圖 <map>"});
    CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
    CHECK(count(svg, "class=\"line layer-routes\"") == 2);
    CHECK(count(svg, "class=\"marker layer-sites\"") == 2);
    CHECK(svg.find("stroke=\"" + render::county_colour("Taipei") + "\"") != std::string::npos);
    CHECK(svg.find("<title>地圖 &lt;map&gt;</title>") != std::string::npos);
    CHECK(svg.find("</svg>") == svg.size() - 6);
}

TEST_CASE("TopoJSON: shared, delta-encoded arcs decode into closed rings") {
    // Two squares sharing an edge: arc 0 is the shared edge, 1 and 2 the rest of each.
    auto topology = text::Json::parse(R"({
      "type": "Topology",
      "transform": {"scale": [0.001, 0.001], "translate": [121.0, 25.0]},
      "arcs": [[[1000, 0], [0, 1000]], [[1000, 1000], [-1000, 0], [0, -1000], [1000, 0]], [[1000, 0], [1000, 0], [0, 1000], [-1000, 0]]],
      "objects": {"counties": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "properties": {"COUNTYNAME": "西"}},
        {"type": "Polygon", "arcs": [[2, -1]], "properties": {"COUNTYNAME": "東"}},
        {"type": "Point", "coordinates": [1, 1]}]}}
    })");
    auto features = geo::read_topojson(topology, "counties", "test.json");
    REQUIRE_MESSAGE(features.ok(), features.error());
    REQUIRE(features->size() == 2);
    const auto& west = (*features)[0].geometry.polygons[0][0];
    CHECK(west.size() == 5);
    CHECK(west.front().lat == doctest::Approx(west.back().lat));
    CHECK(west.front().lon == doctest::Approx(west.back().lon));
    CHECK(west[0].lon == doctest::Approx(122.0));
    CHECK(west[1].lat == doctest::Approx(26.0));
    CHECK((*features)[1].properties["COUNTYNAME"] == "東");
    CHECK(geo::contains((*features)[0].geometry.polygons[0], {25.5, 121.5}));
    CHECK_FALSE(geo::contains((*features)[0].geometry.polygons[0], {25.5, 122.5}));
    CHECK(geo::contains((*features)[1].geometry.polygons[0], {25.5, 122.5}));

    CHECK(geo::read_topojson(text::Json::parse("{}"), "counties", "x").error() == "x: not a TopoJSON Topology");
    auto broken = topology;
    broken["objects"]["counties"]["geometries"][0]["arcs"] = text::Json::parse("[[7]]");
    CHECK(geo::read_topojson(broken, "counties", "t").error() == "t: objects.counties.geometries[0]: arc 7 does not exist");
}
