// The county-seat scene: one marker per county, all inside the fit.
#include <doctest/doctest.h>

#include "render/scene.h"
#include "test_content.h"

using namespace beitai;

TEST_CASE("the county-seat scene has one marker per county and fits them all") {
    const auto& catalog = testing::repository_catalog();
    auto scene = render::county_seats_scene(catalog.counties, text::Lang::zh_TW);
    REQUIRE(scene.markers.size() == 8);
    for (const auto& m : scene.markers) {
        CAPTURE(m.id);
        CHECK(m.at.lat >= scene.fit_south_west.lat);
        CHECK(m.at.lat <= scene.fit_north_east.lat);
        CHECK(m.at.lon >= scene.fit_south_west.lon);
        CHECK(m.at.lon <= scene.fit_north_east.lon);
    }
    CHECK(scene.markers[2].label == "臺北市");
    CHECK(scene.markers[2].title == "臺北市");
    auto en = render::county_seats_scene(catalog.counties, text::Lang::en);
    CHECK(en.markers[2].label == "Taipei City");
    CHECK(en.markers[2].title == "Taipei City");
    CHECK(scene.fit_north_east.lat == doctest::Approx(25.1316));  // Keelung is the northernmost seat
}
