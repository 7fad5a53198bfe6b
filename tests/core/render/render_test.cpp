#include <doctest/doctest.h>

#include "render/county_list.h"
#include "render/scene.h"
#include "render/status_summary.h"
#include "test_content.h"
#include "text/html.h"

using namespace beitai;

TEST_CASE("HTML escaping neutralises markup and quotes") {
    CHECK(text::escape_html("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK(text::escape_html("a&b \"c\" 'd'") == "a&amp;b &quot;c&quot; &#39;d&#39;");
    CHECK(text::escape_html("臺北市") == "臺北市");
}

TEST_CASE("the status summary shows the counts in either language") {
    tracker::StatusCounts c{41, 14};
    auto zh = render::status_summary_html(c, text::Lang::zh_TW);
    CHECK(zh.find("<dt>列管</dt><dd data-status=\"open\" data-count=\"41\">41</dd>") != std::string::npos);
    CHECK(zh.find("<dt>解除列管</dt><dd data-status=\"closed\" data-count=\"14\">14</dd>") != std::string::npos);
    CHECK(zh.find("data-count=\"55\"") != std::string::npos);
    auto en = render::status_summary_html(c, text::Lang::en);
    CHECK(en.find("<dt>Open</dt>") != std::string::npos);
    CHECK(en.find("<dt>Closed</dt>") != std::string::npos);
}

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
    CHECK(scene.markers[2].title == "臺北市（Taipei City）");
    auto en = render::county_seats_scene(catalog.counties, text::Lang::en);
    CHECK(en.markers[2].label == "Taipei City");
    CHECK(scene.fit_north_east.lat == doctest::Approx(25.1316));  // Keelung is the northernmost seat
}

TEST_CASE("the county list holds every county, escaped, in both languages") {
    const auto& catalog = testing::repository_catalog();
    auto html = render::county_list_html(catalog.counties, text::Lang::zh_TW);
    size_t items = 0;
    for (size_t at = html.find("<li"); at != std::string::npos; at = html.find("<li", at + 1)) ++items;
    CHECK(items == 8);
    CHECK(html.find("<span class=\"county-name\">臺北市</span> <span class=\"county-alt\" lang=\"en\">Taipei City</span>") !=
          std::string::npos);
    std::vector<content::County> hostile = {{"X", "<b>縣</b>", "\"County\"", {25, 121.5}}};
    auto escaped = render::county_list_html(hostile, text::Lang::en);
    CHECK(escaped.find("<b>") == std::string::npos);
    CHECK(escaped.find("&lt;b&gt;縣&lt;/b&gt;") != std::string::npos);
    CHECK(escaped.find("&quot;County&quot;") != std::string::npos);
    CHECK(escaped.find("25.0000, 121.5000") != std::string::npos);
}
