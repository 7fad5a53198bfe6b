// The Scene drawn as SVG.
#include <doctest/doctest.h>

#include "render/map_fixture.h"
#include "render/svg.h"

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
