// A site's card, in the map's popup and in the list beside the map.
#include <doctest/doctest.h>

#include "render/site_card.h"
#include "test_content.h"

using namespace beitai;

TEST_CASE("a site's card: escaped, its county named in the page's language, sample data labelled") {
    const auto& counties = testing::repository_catalog().counties;
    content::Site site{"s<1>", "示範<濕地>", "Taipei", "臺北市示範路 1 號", geo::LatLon{25.1, 121.5}, "賞鳥", "", true, true, "", "", false};
    const auto zh = render::site_card_html(site, &counties, text::Lang::zh_TW);
    CHECK(zh.find("data-site=\"s&lt;1&gt;\"") != std::string::npos);
    CHECK(zh.find("<h3>示範&lt;濕地&gt;</h3>") != std::string::npos);
    CHECK(zh.find("<dd>臺北市</dd>") != std::string::npos);
    CHECK(zh.find("示範資料") != std::string::npos);
    CHECK(zh.find("開放時間") == std::string::npos);  // no hours given: no hours shown
    const auto en = render::site_card_html(site, &counties, text::Lang::en, 4);
    CHECK(en.find("<h4><span lang=\"zh-Hant-TW\">示範&lt;濕地&gt;</span></h4>") != std::string::npos);
    CHECK(en.find("<dd>Taipei City</dd>") != std::string::npos);
    CHECK(en.find("<span lang=\"en\">sample data</span>") != std::string::npos);
    site.sample = false;
    CHECK(render::site_card_html(site, nullptr, text::Lang::zh_TW).find("示範資料") == std::string::npos);
    CHECK(render::site_card_html(site, nullptr, text::Lang::zh_TW).find("<dd>Taipei</dd>") != std::string::npos);
}
