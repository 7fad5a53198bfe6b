// The Scene drawn as SVG.
#include <doctest/doctest.h>

#include <cstdio>

#include "render/map_fixture.h"
#include "render/site_card.h"
#include "render/svg.h"
#include "test_content.h"

using namespace beitai;
using namespace beitai::map_fixture;

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

TEST_CASE("county seats carry their colours and their labels' looks in the SVG itself") {
    // Once the page's stylesheet held them; now the Scene and the label rule do, so /map.svg
    // as an image and the kiosk draw them the same.
    const auto& counties = testing::repository_catalog().counties;
    auto scene = render::cooperation_scene(counties, {"Taipei", "Keelung"}, "Taipei", text::Lang::zh_TW);
    auto svg = render::scene_svg(scene, {640, 480, "合作縣市"});
    CHECK(count(svg, "<circle ") == 8);
    CHECK(count(svg, "r=\"9.0\" stroke=\"#ffffff\" stroke-width=\"2.0\" fill=\"#b45f06\"") == 1);  // the proposer
    CHECK(count(svg, "fill=\"#136b79\"") == 1);                                                   // the other cooperator
    CHECK(count(svg, "fill=\"#9fb0b6\"") == 6);                                                   // the rest, greyed
    CHECK(count(svg, "font-size=\"13.0\" fill=\"#6b7c82\" stroke=\"#ffffff\" stroke-width=\"3.0\" paint-order=\"stroke\"") == 6);
    CHECK(count(svg, "font-size=\"13.0\" fill=\"#14232b\"") == 2);
}

TEST_CASE("the SVG draws from its view: Web Mercator, the fit box inside room for labels") {
    const auto& counties = testing::repository_catalog().counties;
    auto scene = render::county_seats_scene(counties, text::Lang::zh_TW);
    const render::SvgOptions options{960, 720, "縣市"};
    const auto svg = render::scene_svg(scene, options);
    const auto view = render::scene_svg_view(scene, options);
    for (const auto& m : scene.markers) {
        CAPTURE(m.id);
        const auto at = view.project(m.at);
        char cx[64];
        std::snprintf(cx, sizeof cx, "cx=\"%.1f\" cy=\"%.1f\"", at.x, at.y);
        CHECK(count(svg, cx) == 1);
        // Inside the picture less the room kept for labels (24 left, 64 right, 30 above and below).
        CHECK(at.x >= 24 - 0.05);
        CHECK(at.x <= 960 - 64 + 0.05);
        CHECK(at.y >= 30 - 0.05);
        CHECK(at.y <= 720 - 30 + 0.05);
    }
    // Keelung (north-east) is above and right of Miaoli (south-west): north up, east right.
    const auto keelung = view.project(scene.markers[1].at), miaoli = view.project(scene.markers[7].at);
    CHECK(keelung.x > miaoli.x);
    CHECK(keelung.y < miaoli.y);
}

TEST_CASE("a picture of sample data says so in its corner; one of official data does not") {
    render::Scene scene = render::county_seats_scene(testing::repository_catalog().counties, text::Lang::zh_TW);
    render::SvgOptions options{480, 360, "map"};
    CHECK(render::scene_svg(scene, options).find("sample-label") == std::string::npos);
    options.sample_label = render::sample_label_text(text::Lang::en);
    const std::string svg = render::scene_svg(scene, options);
    // Drawn last (over everything), in the lower-left corner, escaped like any text.
    const size_t at = svg.find("<g class=\"sample-label\"><rect x=\"8\" y=\"324.0\"");
    REQUIRE(at != std::string::npos);
    CHECK(svg.find(">示範資料 sample data · Illustrative sample data, not official data</text></g></svg>", at) != std::string::npos);
    options.sample_label = "<示範>";
    CHECK(render::scene_svg(scene, options).find("&lt;示範&gt;") != std::string::npos);
}
