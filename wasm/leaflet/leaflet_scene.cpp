#include "leaflet/leaflet_scene.h"

#include "text/html.h"

namespace beitai::wasm {

using emscripten::val;

namespace {

val lat_lng(geo::LatLon p) {
    val a = val::array();
    a.call<void>("push", p.lat);
    a.call<void>("push", p.lon);
    return a;
}

// A text label as the marker itself: readable without icons, and Leaflet makes it
// keyboard-focusable with the title as its accessible name.
val marker_for(const val& L, const render::SceneMarker& m) {
    val icon_options = val::object();
    icon_options.set("className", "scene-marker scene-marker-" + m.layer);
    icon_options.set("html", "<span>" + text::escape_html(m.label) + "</span>");
    icon_options.set("iconSize", val::null());
    val options = val::object();
    options.set("icon", L.call<val>("divIcon", icon_options));
    options.set("title", m.title);
    options.set("alt", m.title);
    options.set("keyboard", true);
    val marker = L.call<val>("marker", lat_lng(m.at), options);
    marker.call<val>("bindTooltip", m.title);
    return marker;
}

}  // namespace

val create_leaflet_map(const LeafletMapOptions& options, const render::Scene& scene) {
    val L = val::global("L");
    val map_options = val::object();
    map_options.set("zoomSnap", 0.25);
    val map = L.call<val>("map", options.element_id, map_options);
    if (!options.tile_url.empty()) {
        val tile_options = val::object();
        tile_options.set("attribution", options.tile_attribution);
        tile_options.set("maxZoom", 18);
        L.call<val>("tileLayer", options.tile_url, tile_options).call<val>("addTo", map);
    }
    val layer = L.call<val>("layerGroup");
    for (const auto& m : scene.markers) marker_for(L, m).call<val>("addTo", layer);
    layer.call<val>("addTo", map);
    val bounds = val::array();
    bounds.call<void>("push", lat_lng(scene.fit_south_west));
    bounds.call<void>("push", lat_lng(scene.fit_north_east));
    val fit_options = val::object();
    fit_options.set("padding", lat_lng({40, 40}));
    map.call<val>("fitBounds", bounds, fit_options);
    return map;
}

}  // namespace beitai::wasm
