// The map's tests' made-up data (map_scene_test, map_lists_test, svg_test): the repository's
// counties, two sites (one with markup in its name), two routes and their gaps; and a count
// of the times a string occurs in another.
#pragma once

#include <string>
#include <vector>

#include "render/map_scene.h"
#include "test_content.h"

namespace beitai::map_fixture {

struct Fixture {
    std::vector<content::County> counties = testing::repository_catalog().counties;
    content::SiteList sites;
    bikenet::Network network;
    std::vector<bikenet::Gap> gaps;
    Fixture() {
        sites.sample = true;
        sites.sites = {{"s1", "關渡<自然>公園", "Taipei", "臺北市北投區", geo::LatLon{25.117, 121.472}, "賞鳥", "09:00", true, true, "", "", false},
                       {"s2", "羅東自然教育中心", "YilanCounty", "宜蘭縣羅東鎮", geo::LatLon{24.68, 121.77}, "", "", true, true, "", "", false}};
        network = bikenet::build_network({{"tp-1", "淡水河", "Taipei", {{25.05, 121.50}, {25.06, 121.51}}},
                                          {"ntp-1", "大漢溪", "NewTaipei", {{25.07, 121.52}, {25.08, 121.53}}}});
        gaps = bikenet::find_gaps(network);
    }
    render::MapData data() const {
        render::MapData d;
        d.counties = &counties;
        d.network = &network;
        d.gaps = &gaps;
        d.sites = &sites;
        return d;
    }
};

inline size_t count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace beitai::map_fixture
