// The map's Scene: the view's parameters, the layers and box asked for, the site card, and
// a planned route drawn over the rest.
#include <doctest/doctest.h>

#include "render/map_fixture.h"
#include "render/scene_paint.h"
#include "render/svg.h"

using namespace beitai;
using namespace beitai::map_fixture;

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
    REQUIRE(path.parts.size() == 1);
    REQUIRE(path.parts[0].size() == plan.path.size());
    CHECK(path.parts[0].front().lat == plan.path.front().lat);
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

    // A trip that leaves the routes: a line per leg, named, dashed where it is off them.
    const auto across = planner.plan({25.05, 121.50}, {25.08, 121.53});
    REQUIRE(across.legs.size() == 3);
    data.planned = &across;
    const auto legs = render::map_scene(data, view);
    std::vector<const render::ScenePolyline*> drawn;
    for (const auto& l : legs.polylines)
        if (l.layer == "path") drawn.push_back(&l);
    REQUIRE(drawn.size() == 3);
    CHECK(drawn[0]->id == "path-leg-1");
    CHECK(drawn[0]->title.rfind("自行車道 · ", 0) == 0);
    CHECK_FALSE(drawn[0]->look.dashed);
    CHECK(drawn[1]->look.dashed);
    CHECK(drawn[1]->title.find(" · ") != std::string::npos);
    CHECK(drawn[1]->title.find("km") != std::string::npos);
    CHECK_FALSE(drawn[2]->look.dashed);
    // The legs join end to end, from the trip's start to its end, where the pins are.
    CHECK(drawn[0]->parts[0].front().lat == across.path.front().lat);
    CHECK(drawn[2]->parts[0].back().lon == across.path.back().lon);
    size_t pins = 0;
    for (const auto& m : legs.markers)
        if (m.layer == "path") {
            ++pins;
            const auto& end = m.id == "path-start" ? across.path.front() : across.path.back();
            CHECK(m.at.lat == end.lat);
        }
    CHECK(pins == 2);
}

TEST_CASE("more routes in view than kRouteLinesMax: each county's routes are one line of many parts") {
    Fixture f;
    // Short routes side by side: a Taipei one and a Taoyuan one in every step, spread west to east.
    std::vector<bikenet::RouteSegment> routes;
    const size_t n = render::kRouteLinesMax;  // per county: twice the limit in all
    for (size_t i = 0; i < n; ++i) {
        const double lon = 121.0 + 0.5 * static_cast<double>(i) / n;
        routes.push_back({"tp-" + std::to_string(i), "北" + std::to_string(i), "Taipei", {{25.00, lon}, {25.001, lon}}});
        routes.push_back({"ty-" + std::to_string(i), "桃" + std::to_string(i), "Taoyuan", {{24.90, lon}, {24.901, lon}}});
    }
    f.network = bikenet::build_network(routes);
    f.gaps.clear();
    auto view = *render::parse_map_view({{"layers", "routes"}});

    const auto together = render::map_scene(f.data(), view);
    REQUIRE(together.polylines.size() == 2);
    const auto& taipei = together.polylines[0];
    CHECK(taipei.id == "routes:Taipei");
    CHECK(taipei.layer == "routes");
    CHECK(taipei.parts.size() == n);
    // Every route, in the network's order.
    REQUIRE(taipei.parts[3].size() == 2);
    CHECK(taipei.parts[3][0].lon == routes[6].line[0].lon);
    CHECK(taipei.look.stroke == render::county_colour("Taipei"));
    CHECK(taipei.title == "臺北市的 " + std::to_string(n) + " 條自行車道 · 放大可看各條");
    CHECK(together.polylines[1].id == "routes:Taoyuan");
    view.lang = text::Lang::en;
    CHECK(render::map_scene(f.data(), view).polylines[1].title ==
          std::to_string(n) + " bike routes in Taoyuan City · zoom in to see each");

    // A box that still holds too many: still together, and with the routes outside it too, so
    // the line is the same while the map pans.
    view.bbox = geo::BBox{24.8, 121.05, 25.1, 121.5};  // south, west, north, east
    const auto panned = render::map_scene(f.data(), view);
    REQUIRE(panned.polylines.size() == 2);
    CHECK(panned.polylines[0].parts.size() == n);

    // Zoomed in to a box that holds fewer: every route its own line, only those in the box.
    view.bbox = geo::BBox{24.95, 121.0, 25.1, 121.1};
    const auto close = render::map_scene(f.data(), view);
    REQUIRE_FALSE(close.polylines.empty());
    CHECK(close.polylines.size() < render::kRouteLinesMax);
    for (const auto& l : close.polylines) {
        CHECK(l.id.rfind("tp-", 0) == 0);
        CHECK(l.parts.size() == 1);
    }

    // The SVG draws a county's routes as one path of n parts; a tap on any part finds it.
    const std::string svg = render::scene_svg(together, {800, 600, "map"});
    CHECK(count(svg, "class=\"line layer-routes\"") == 2);
    const size_t at = svg.find("data-id=\"routes:Taoyuan\"");
    REQUIRE(at != std::string::npos);
    const size_t d = svg.find(" d=\"", at);
    CHECK(count(svg.substr(d, svg.find('"', d + 4) - d), "M") == n);
    const auto view_px = render::scene_svg_view(together, {800, 600, "map"});
    const auto hit = render::hit_test(together, view_px, view_px.project(routes[9].line[0]), 4);
    REQUIRE(hit.has_value());
    CHECK(hit->id == "routes:Taoyuan");
}
