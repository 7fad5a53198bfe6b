// The parking views' colours: the core's alone, written into the stylesheet.
#include <doctest/doctest.h>

#include "render/parking_views.h"
#include "test_content.h"

using namespace beitai;

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
