// The county list: every county, escaped, in both languages.
#include <doctest/doctest.h>

#include "render/county_list.h"
#include "test_content.h"

using namespace beitai;

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
