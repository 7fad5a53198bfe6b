// Drawing a core Scene with Leaflet, from C++ through embind (emscripten::val).
// Leaflet is loaded by the page as the global `L`; nothing here knows the domain.
#pragma once

#include <emscripten/val.h>

#include <string>

#include "render/scene.h"

namespace beitai::wasm {

struct LeafletMapOptions {
    std::string element_id;
    std::string tile_url;  // empty: no tile layer (tests, offline kiosks)
    std::string tile_attribution;
};

// Creates the map in the element, adds the scene's markers, fits the view.
// Returns the Leaflet map object.
emscripten::val create_leaflet_map(const LeafletMapOptions& options, const render::Scene& scene);

}  // namespace beitai::wasm
