// Drawing a core Scene with Leaflet, from C++ through embind (emscripten::val). Leaflet is
// loaded by the page as the global `L`; nothing here knows the domain — colours, titles and
// popups all come in the Scene.
#pragma once

#include <emscripten/val.h>

#include <map>
#include <set>
#include <string>

#include "render/scene.h"
#include "text/lang.h"

namespace beitai::wasm {

struct LeafletMapOptions {
    std::string element_id;
    std::string tile_url;  // empty: no tile layer (tests, offline kiosks)
    std::string tile_attribution;
    text::Lang lang = text::Lang::zh_TW;  // the zoom buttons' names
};

// A Leaflet map that redraws a Scene: one layer group per scene layer, polylines and areas
// on a shared Canvas renderer (thousands of features stay smooth), markers as circle
// markers. A marker with a card opens a popup whose HTML comes from the page's
// `sceneCard(id)` (set on the module, e.g. to MapExplorer.card) when it opens; a cluster
// (render/map_clusters.h) zooms to its members.
//
// A redraw changes only what changed: a feature whose id and look are the same stays the
// Leaflet layer it was. The map is redrawn for what is in sight after every move, and an
// open card, a hovered line or a marker that has the keyboard focus must survive that.
class LeafletScene {
public:
    LeafletScene(const LeafletMapOptions& options);

    // Replaces what is drawn by `scene` (only the layer `only_layer`, when given: a live
    // layer redraws without touching the others). When `fit` is set, the view moves to the scene.
    void draw(const render::Scene& scene, bool fit, const std::string& only_layer = "");
    emscripten::val map() const { return map_; }
    // Shows the box whole.
    void fit(geo::LatLon south_west, geo::LatLon north_east);
    // Moves to the feature `id` and opens its card (a marker with one) or its title; false
    // when no feature drawn has that id.
    bool focus(const std::string& id);
    // How many Leaflet layers each scene layer holds now (tests compare with the lists).
    int count(const std::string& layer) const;

private:
    emscripten::val group(const std::string& layer);
    emscripten::val style(const render::Style& look, bool filled);
    void add(emscripten::val layer, const std::string& group, const std::string& title, const std::string& card_id);
    emscripten::val make_marker(const render::SceneMarker& m);

    // What is on the map, by a key that names the scene layer, the kind and the id.
    struct Drawn {
        emscripten::val layer;
        std::string scene_layer;
        std::string group;  // the Leaflet group it is in (keyboard stops have their own: stops_group)
        std::string id;
        std::string signature;  // everything the feature looks like; another means redraw it
        int represents = 1;     // a cluster stands for its members, a line of many parts for each
        bool marker = false;
        bool canvas = false;    // on the shared canvas, where the order of adding is the order of painting
        unsigned seen = 0;      // the draw that last had it
    };
    std::map<std::string, Drawn> drawn_;
    unsigned generation_ = 0;

    emscripten::val L_;
    emscripten::val map_;
    emscripten::val renderer_;
    std::map<std::string, emscripten::val> groups_;
    std::map<std::string, emscripten::val> styles_;
    std::set<std::string> tooltips_bound_, popups_bound_, clusters_bound_;
};

}  // namespace beitai::wasm
