// The sample bike network (content/maps/routes.geojson, written by
// content/maps/generate_sample.py) has the breaks its generator intends — B1 to B7 in the
// generator's BREAKS — and no other: the core's own rule (bikenet/gaps) finds them. The
// generator draws geometry only; it does not restate the rule.
#include <doctest/doctest.h>

#include <set>
#include <utility>

#include "bikenet/gaps.h"
#include "bikenet/network.h"
#include "content/route.h"
#include "test_content.h"

using namespace beitai;

TEST_CASE("the sample routes have exactly the breaks content/maps/generate_sample.py intends") {
    const std::string text =
        testing::read_text_file(std::string(BEITAI_SOURCE_DIR) + "/content/maps/routes.geojson");
    auto json = text::parse_json_text(text, "content/maps/routes.geojson");
    REQUIRE_MESSAGE(json, json.error());
    auto routes = content::read_routes(*json, "content/maps/routes.geojson");
    REQUIRE_MESSAGE(routes, routes.error());
    const auto network = bikenet::build_network(routes->routes);
    // generate_sample.py's BREAKS, as unordered route pairs.
    const std::set<std::set<std::string>> intended = {
        {"NewTaipei-08", "Keelung-01"}, {"NewTaipei-09", "Keelung-03"},       {"Keelung-05", "NewTaipei-11"},
        {"NewTaipei-10", "YilanCounty-01"}, {"Taoyuan-04", "NewTaipei-12"},   {"Taoyuan-05", "HsinchuCounty-03"},
        {"Hsinchu-03", "MiaoliCounty-01"}};
    std::set<std::set<std::string>> found;
    for (const auto& g : bikenet::find_gaps(network)) {
        CAPTURE(g.route_a);
        CAPTURE(g.route_b);
        CHECK(g.county_a != g.county_b);
        // The generator keeps every break between 150 m and 3 km.
        CHECK(g.distance_m >= 150);
        CHECK(g.distance_m <= 3000);
        found.insert({g.route_a, g.route_b});
    }
    CHECK(found == intended);
}
