// A Scene: what a map shows, independent of who draws it. The browser turns it into
// Leaflet layers (wasm/leaflet/), the kiosk into ImGui draw lists, the server into SVG.
// A colour or a rule changes here, once.
//
// This first slice holds labelled markers; polylines, polygons and styles per layer come
// with the maps issue.
#pragma once

#include <string>
#include <vector>

#include "content/county.h"
#include "geo/latlon.h"
#include "text/lang.h"

namespace beitai::render {

struct SceneMarker {
    std::string id;     // stable key, e.g. the county id
    geo::LatLon at;
    std::string label;  // short text drawn on the map
    std::string title;  // full accessible name (both languages)
    std::string layer;  // "county-seats", …
    std::string style;  // "" plain, "active" highlighted, "muted" de-emphasised, "origin" where it comes from
};

struct Scene {
    std::vector<SceneMarker> markers;
    // The view that shows everything: south-west and north-east corners.
    geo::LatLon fit_south_west;
    geo::LatLon fit_north_east;
};

// The eight county seats, labelled in `lang` first.
Scene county_seats_scene(const std::vector<content::County>& counties, text::Lang lang);

// The county seats with the cooperating counties highlighted and the proposing one marked
// as the origin (a proposal's small map).
Scene cooperation_scene(const std::vector<content::County>& counties, const std::vector<std::string>& cooperating,
                        const std::string& proposing, text::Lang lang);

}  // namespace beitai::render
