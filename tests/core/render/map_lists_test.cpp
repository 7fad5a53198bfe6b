// The map's lists: every site, route and gap, or long lists folded into links per county.
#include <doctest/doctest.h>

#include "render/map_fixture.h"
#include "render/map_lists.h"

using namespace beitai;
using namespace beitai::map_fixture;

TEST_CASE("the lists hold every entry, or fold long ones into links per county") {
    Fixture f;
    auto sites = render::sites_list_html(f.data(), text::Lang::zh_TW);
    CHECK(count(sites, "<li data-site=") == 2);
    CHECK(sites.find("示範資料") != std::string::npos);
    auto folded = render::sites_list_html(f.data(), text::Lang::zh_TW, "", 1);
    CHECK(count(folded, "<li data-site=") == 0);
    CHECK(folded.find("href=\"/map/sites?county=Taipei\"") != std::string::npos);
    auto one_county = render::sites_list_html(f.data(), text::Lang::zh_TW, "YilanCounty", 1);
    CHECK(count(one_county, "<li data-site=") == 1);
    auto routes = render::routes_list_html(f.data(), text::Lang::en);
    CHECK(count(routes, "<tr data-route=") == 2);
    CHECK(routes.find("Taipei City") != std::string::npos);
    auto gaps = render::gaps_list_html(f.data(), text::Lang::zh_TW);
    CHECK(count(gaps, "<tr data-gap=") == f.gaps.size());
    CHECK(render::distance_text(850) == "850 m");
    CHECK(render::distance_text(12345) == "12.3 km");
}
