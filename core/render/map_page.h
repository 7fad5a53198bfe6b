// The /map page's main content: layer toggles (a form that works without JavaScript), the
// map (an SVG picture of the same Scene until the browser's Leaflet replaces it), the route
// planner and its result, and every layer as a list.
#pragma once

#include <optional>
#include <string>

#include "bikenet/route_planner.h"
#include "render/map_scene.h"

namespace beitai::render {

struct PlanRequest {
    std::string from, to;  // as typed: a place's name or "lat,lon"
    std::optional<bikenet::PlannedRoute> result;
    std::string error;                  // about the plan as a whole
    std::string from_error, to_error;   // about one field, shown next to it
};

// Reads the two fields (render/map_place.h) and plans with `planner`; what went wrong is
// said next to the field it concerns, in `lang`.
void plan_route(PlanRequest& plan, const MapData& data, const bikenet::RoutePlanner& planner, text::Lang lang);

// The little card a tap on the map opens: the point, "set as start", "set as end" — a tap
// alone never changes the plan.
std::string map_point_actions_html(geo::LatLon at, text::Lang lang);

// Where map tiles come from: none (the offline basemap alone), OpenStreetMap, or the
// NLSC's 臺灣通用電子地圖 (EMAP) WMTS.
struct TileSource {
    std::string url;  // Leaflet template; empty for none
    std::string attribution;
};
// "osm", "nlsc", "none"; unknown → none. The attribution is in the page's language.
TileSource tile_source(const std::string& name, text::Lang lang = text::Lang::zh_TW);

std::string map_page_html(const MapData& data, const MapView& view, const PlanRequest& plan, bool sample_data,
                          const TileSource& tiles, text::Lang lang);

// The planned route as text: length, counties crossed, where it leaves the network; when
// none was found, why, in `lang`.
std::string planned_route_html(const bikenet::PlannedRoute& route, const MapData& data, text::Lang lang);

}  // namespace beitai::render
