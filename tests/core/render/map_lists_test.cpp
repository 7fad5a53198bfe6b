// The map's lists: every site, route and gap, or long lists folded into links per county.
#include <doctest/doctest.h>

#include "render/map_fixture.h"
#include "render/map_lists.h"
#include "render/map_place.h"
#include "render/map_scene.h"
#include "text/lang.h"

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
    // Beside the map the lists start folded; on their own pages they start open.
    CHECK(sites.find("<details>") != std::string::npos);
    CHECK(routes.find("<details>") != std::string::npos);
    const auto own = render::ListPlace::own_page;
    CHECK(render::sites_list_html(f.data(), text::Lang::zh_TW, "", render::kInlineListLimit, own).find("<details open>") !=
          std::string::npos);
    CHECK(render::routes_list_html(f.data(), text::Lang::en, "Taipei", render::kInlineListLimit, own).find("<details open>") !=
          std::string::npos);
    CHECK(render::distance_text(850) == "850 m");
    CHECK(render::distance_text(12345) == "12.3 km");
}

TEST_CASE("a site without a position: listed with its certificate and why it has no marker; no map draws it") {
    Fixture f;
    content::Site unplaced;
    unplaced.id = "(100)環署訓證字第EC009001-02號";
    unplaced.name = "臺北市關渡自然公園";
    unplaced.county = "Taipei";
    unplaced.address = "臺北市北投區關渡路55號";
    unplaced.licence = unplaced.id;
    unplaced.valid_until = "2015-12-31";
    unplaced.certificate_expired = true;
    f.sites.sites.push_back(unplaced);
    for (text::Lang lang : {text::Lang::zh_TW, text::Lang::en}) {
        auto list = render::sites_list_html(f.data(), lang);
        CHECK(count(list, "<li data-site=") == 3);
        CHECK(count(list, "class=\"show-on-map\"") == 2);  // not for the site without a position
        CHECK(list.find(text::tr("map.no_position", lang)) != std::string::npos);
        CHECK(list.find("2015-12-31") != std::string::npos);
        CHECK(list.find(text::tr("map.certificate_expired", lang)) != std::string::npos);
    }
    // The map, its SVG and its card: the site is not drawn, nothing breaks, the card still reads.
    auto view = *render::parse_map_view({{"layers", "sites"}, {"focus", unplaced.id}});
    auto scene = render::map_scene(f.data(), view);
    CHECK(scene.markers.size() == 2);
    for (const auto& m : scene.markers) CHECK(m.id != unplaced.id);
    CHECK(render::map_svg(f.data(), view, {}).find("<svg") != std::string::npos);
    CHECK(render::map_card_html(f.data(), unplaced.id, text::Lang::zh_TW).find("臺北市關渡自然公園") != std::string::npos);
    // Nor is it a place a route can start from.
    CHECK_FALSE(render::resolve_place("臺北市關渡自然公園", "from", &f.sites, &f.counties, text::Lang::zh_TW).ok());
}
