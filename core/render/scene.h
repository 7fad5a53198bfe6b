// A Scene: what a map shows, independent of who draws it. The browser turns it into
// Leaflet layers (wasm/leaflet/), the kiosk into ImGui draw lists, the server into SVG
// (render/svg.h). Colours, widths and dashes are decided here, once, so a rule changes in
// one place.
#pragma once

#include <string>
#include <vector>

#include "content/county.h"
#include "geo/geometry.h"
#include "text/lang.h"

namespace beitai::render {

// How a primitive is drawn. Colours are CSS hex strings.
struct Style {
    std::string stroke = "#136b79";
    std::string fill = "";  // empty: no fill
    double weight = 3;
    double opacity = 1;
    bool dashed = false;
    double radius = 7;  // markers
    // Markers: a square box of side 2·radius (car parks, a break's number) instead of a dot:
    // the shape says the kind, for readers who cannot tell the colours apart.
    bool square = false;
};

struct SceneMarker {
    std::string id;     // stable key, e.g. the county id
    geo::LatLon at;
    std::string label;  // short text drawn on the map (may be empty)
    std::string title;  // full accessible name (both languages)
    std::string layer;  // "county-seats", "sites", "gaps", …
    std::string style;  // "" plain, "active" highlighted, "muted" de-emphasised, "origin" where it comes from
    Style look;
    // Activation opens the owner's card for `id` (render::map_card_html), rendered when it
    // opens: thousands of markers need no card until one is chosen, and the card is current.
    bool has_card = false;
    // Drawn as its label in a small box (a number to read, such as free spaces) instead of a
    // dot; `focusable` ones are also keyboard stops on the map (the few that matter).
    bool labelled = false;
    bool focusable = false;
    // A car park with free spaces by fresh data: what a cluster of car parks counts.
    bool has_space = false;
    // A cluster (render/map_clusters.h): how many markers it stands for (0: none, an
    // ordinary marker) and the box they lie in, which activating it zooms to.
    int cluster_count = 0;
    geo::BBox cluster_box;
};

// A line of one or more parts, drawn as one feature with one title: a route, a break, the
// planned trip, or a county's routes together (render/map_scene.h, kRouteLinesMax).
struct ScenePolyline {
    std::string id;
    std::string layer;  // "routes", "gaps", "path"
    std::string title;
    std::vector<geo::Polyline> parts;
    Style look;
};

struct ScenePolygon {
    std::string id;
    std::string layer;  // "basemap"
    std::string title;
    geo::Polygon rings;
    Style look;
};

struct Scene {
    std::vector<ScenePolygon> polygons;  // drawn first (underneath)
    std::vector<ScenePolyline> polylines;
    std::vector<SceneMarker> markers;
    // The view that shows everything: south-west and north-east corners.
    geo::LatLon fit_south_west;
    geo::LatLon fit_north_east;
};

// The colour of a county's routes: eight hues told apart by people with common colour
// vision deficiencies too (Okabe–Ito, extended), in TDX id order.
const std::string& county_colour(const std::string& county_id);

// A county seat's dot for its marker style ("" plain, "active", "muted", "origin").
Style county_seat_look(const std::string& style);

// The eight county seats, labelled in `lang` first.
Scene county_seats_scene(const std::vector<content::County>& counties, text::Lang lang);

// The county seats with the cooperating counties highlighted and the proposing one marked
// as the origin (a proposal's small map).
Scene cooperation_scene(const std::vector<content::County>& counties, const std::vector<std::string>& cooperating,
                        const std::string& proposing, text::Lang lang);

// Sets the fit box to the bounds of everything in the scene.
void fit_to_contents(Scene& scene);

}  // namespace beitai::render
