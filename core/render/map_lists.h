// Every map layer as an HTML list, for keyboard and screen-reader users and for anyone
// without the map: sites by county, routes with their lengths, breaks with their distances.
#pragma once

#include <string>

#include "render/map_scene.h"

namespace beitai::render {

std::string sites_list_html(const MapData& data, text::Lang lang);
std::string routes_list_html(const MapData& data, text::Lang lang);
std::string gaps_list_html(const MapData& data, text::Lang lang);

// A distance as people read it: "850 m", "12.3 km".
std::string distance_text(double metres);

}  // namespace beitai::render
