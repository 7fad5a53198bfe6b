// The citizen's map as a Scene: the basemap (county areas from the Ministry of the
// Interior's boundaries), bike routes coloured by county, the breaks between counties, the
// environmental-education sites and the car parks with their live free spaces — filtered
// by the view's layers and box — and the route the user planned, when there is one (layer
// "path", whatever the layers).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bikenet/gaps.h"
#include "bikenet/network.h"
#include "bikenet/route_planner.h"
#include "content/site.h"
#include "geo/geojson.h"
#include "parking/snapshot.h"
#include "render/scene.h"
#include "render/svg.h"
#include "text/result.h"
#include "text/url.h"

namespace beitai::render {

struct MapLayers {
    bool basemap = true;
    bool routes = true;
    bool gaps = true;
    bool sites = true;
    // Off at first: 200-odd car parks would bury the sites and routes the map is about; the
    // legend turns them on (and "show on map" does for one car park).
    bool parking = false;
};

struct MapView {
    MapLayers layers;
    std::optional<geo::BBox> bbox;
    std::string county;  // the sites of one county (TDX id), or all when empty
    std::string focus;   // the feature a "show on map" link is about (a marker's id); never gathered into a cluster
    // The zoom the scene is seen at: markers too close to tell apart there are gathered
    // (render/map_clusters.h). None: every marker is itself (lists, tests).
    std::optional<double> zoom;
    text::Lang lang = text::Lang::zh_TW;
};

// "layers=routes,gaps,sites,basemap", "bbox=west,south,east,north" (Leaflet's
// toBBoxString order), "county=Taipei" (a TDX id: letters only) and "focus=<feature id>". Unknown layers, malformed or inverted boxes are errors that say so.
Result<MapView> parse_map_view(const text::QueryParams& params, const std::vector<std::string>& also_allowed = {});
text::QueryParams to_params(const MapView& view);

// "25.03,121.56" (latitude first, as people say it) inside northern Taiwan; errors name
// the parameter ("from: …").
Result<geo::LatLon> parse_point(const std::string& text, const std::string& name);

// What the map views read; the owner (the server's MapState, the browser's MapExplorer)
// keeps the data alive.
struct MapData {
    const std::vector<content::County>* counties = nullptr;
    const bikenet::Network* network = nullptr;
    const std::vector<bikenet::Gap>* gaps = nullptr;
    const content::SiteList* sites = nullptr;
    const std::vector<geo::Feature>* basemap = nullptr;  // polygons with COUNTYNAME
    const parking::ParkingSnapshot* parking = nullptr;   // live car parks, when the owner has them
    const bikenet::PlannedRoute* planned = nullptr;      // the route the user planned, drawn over the rest
    std::int64_t now = 0;                                // Unix seconds: the ages of live data
};

inline MapData map_data(const std::vector<content::County>& counties, const bikenet::Network& network,
                        const std::vector<bikenet::Gap>& gaps, const content::SiteList& sites,
                        const std::vector<geo::Feature>& basemap) {
    return MapData{&counties, &network, &gaps, &sites, &basemap};
}

// More routes in view than this, and each county's routes are drawn as one line (id
// "routes:<county>", titled with the county and how many): ten thousand lines, each its own
// feature, made every pan of the browser's map stutter, and at a zoom that shows so many a
// route is too small to pick out anyway; the list names every one.
constexpr std::size_t kRouteLinesMax = 1000;

Scene map_scene(const MapData& data, const MapView& view);

// /map.svg: the scene as a picture of `options`' size, its markers gathered as the zoom the
// picture's fit comes to gathers them (the view's own zoom, when it has one).
std::string map_svg(const MapData& data, const MapView& view, const SvgOptions& options);

// The card a scene marker with has_card opens: for a site id, the site card (with the car
// parks that have space near it, when there is live parking data); for "parking:<key>",
// the car park's card. Empty when the data holds no such thing.
std::string map_card_html(const MapData& data, const std::string& id, text::Lang lang);

// A county's name in `lang`, or its id when the data holds no such county.
std::string county_label(const MapData& data, const std::string& id, text::Lang lang);

}  // namespace beitai::render
