// core/render/colour: the Scene's CSS hex colours as bytes, with the Style's opacity.
#include <doctest/doctest.h>

#include <string>

#include "render/colour.h"

using beitai::render::parse_css_colour;
using beitai::render::Rgba;

TEST_CASE("#rrggbb and #rgb read as bytes, opaque unless told") {
    auto teal = parse_css_colour("#0b3d4f");
    REQUIRE(teal.ok());
    CHECK(*teal == Rgba{0x0b, 0x3d, 0x4f, 255});
    auto upper = parse_css_colour("#C1121F");
    REQUIRE(upper.ok());
    CHECK(*upper == Rgba{0xc1, 0x12, 0x1f, 255});
    auto short_form = parse_css_colour("#fa0");
    REQUIRE(short_form.ok());
    CHECK(*short_form == Rgba{0xff, 0xaa, 0x00, 255});
}

TEST_CASE("opacity becomes alpha, rounded, and is kept to 0…1") {
    CHECK(parse_css_colour("#ffffff", 0.9)->a == 230);   // 229.5 rounds up
    CHECK(parse_css_colour("#ffffff", 0.55)->a == 140);  // a stale car park
    CHECK(parse_css_colour("#ffffff", 0)->a == 0);
    CHECK_FALSE(parse_css_colour("#ffffff", 0)->visible());
    CHECK(parse_css_colour("#ffffff", 7)->a == 255);
    CHECK(parse_css_colour("#ffffff", -1)->a == 0);
}

TEST_CASE("anything but #rgb or #rrggbb is an error that names it") {
    for (const char* bad : {"", "0b3d4f", "#0b3d4", "#0b3d4f0", "red", "#ggg", "#12 456"}) {
        CAPTURE(bad);
        auto c = parse_css_colour(bad);
        REQUIRE_FALSE(c.ok());
        CHECK(c.error().find(std::string("\"") + bad + "\"") != std::string::npos);
    }
    CHECK(parse_css_colour("#12x456").error().find("\"x\" is not a hex digit") != std::string::npos);
}
