// The map's symbols, one meaning each, and the legend that shows them. Every layer's look is
// decided here (parking's by level in parking_views.cpp), so the Leaflet map, /map.svg, the
// kiosk's paint and the legend draw the same thing:
//   routes   solid lines, one colour per county (county_colour)
//   breaks   red dashed segments with a red numbered box — red means a break, nothing else
//   sites    green circles (in the green-tourism programme) or slate circles — green means a site
//   parking  square boxes with the free spaces, blue/violet/ink by level (parking_style)
//   route    a black line with the start and end pins, dashed where it leaves the bike routes
// The legend is also the layer switch: each entry is a checkbox of the GET form #map-layers
// (no JavaScript needed; with it the map redraws in place).
#pragma once

#include <string>

#include "render/map_scene.h"
#include "render/scene.h"

namespace beitai::render {

Style basemap_look();
Style gap_line_look();
Style gap_marker_look();
Style site_look(bool green_tourism);
Style path_look();
Style path_off_look();  // the planned trip's legs off the bike routes: dashed
Style path_pin_look();
Style cluster_look(const std::string& layer, int count);

// The form's legend: a checkbox per layer with its symbol and words, the county filter of
// the sites, and the planned route's key.
std::string map_legend_html(const MapData& data, const MapView& view, text::Lang lang);

}  // namespace beitai::render
