// The member list: every county in the page's language only, each leading to its proposals.
#include <doctest/doctest.h>

#include "render/county_list.h"
#include "test_content.h"

using namespace beitai;

TEST_CASE("the county list holds every county in the page's language, each a link to its proposals") {
    const auto& catalog = testing::repository_catalog();
    auto zh = render::county_list_html(catalog.counties, text::Lang::zh_TW);
    size_t items = 0;
    for (size_t at = zh.find("<li"); at != std::string::npos; at = zh.find("<li", at + 1)) ++items;
    CHECK(items == 8);
    CHECK(zh.find("<a href=\"/proposals?county=Taipei\">臺北市</a>") != std::string::npos);
    CHECK(zh.find("Taipei City") == std::string::npos);
    auto en = render::county_list_html(catalog.counties, text::Lang::en);
    CHECK(en.find("<a href=\"/proposals?county=HsinchuCounty\">Hsinchu County</a>") != std::string::npos);
    CHECK(en.find("新竹縣") == std::string::npos);

    std::vector<content::County> hostile = {{"X&y=\"1\"", "<b>縣</b>", "\"County\"", {25, 121.5}}};
    auto escaped = render::county_list_html(hostile, text::Lang::en);
    CHECK(escaped.find("<b>") == std::string::npos);
    CHECK(escaped.find("&quot;County&quot;") != std::string::npos);
    CHECK(escaped.find("county=X%26y%3D%221%22") != std::string::npos);
}
