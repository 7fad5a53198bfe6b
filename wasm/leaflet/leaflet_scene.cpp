#include "leaflet/leaflet_scene.h"

namespace beitai::wasm {

using emscripten::val;

namespace {

val lat_lng(geo::LatLon p) {
    val a = val::array();
    a.call<void>("push", p.lat);
    a.call<void>("push", p.lon);
    return a;
}

// A text label as the marker itself: readable without icons (a county's name, a car park's
// free spaces). Focusable ones are keyboard stops, with the title as their accessible name.
val marker_for(const val& L, const render::SceneMarker& m) {
    val icon_options = val::object();
    icon_options.set("className", "scene-marker scene-marker-" + m.layer + (m.style.empty() ? "" : " " + m.style));
    // A look with a fill (a car park's level) colours the box; without one, the page's CSS does.
    icon_options.set("html", val::module_property("sceneLabel")(m.id, m.label, m.look.fill, m.look.opacity, m.look.dashed));
    icon_options.set("iconSize", val::null());
    val options = val::object();
    options.set("icon", L.call<val>("divIcon", icon_options));
    options.set("keyboard", m.focusable);
    if (m.focusable) {
        options.set("title", m.title);
        options.set("alt", m.title);
    }
    return L.call<val>("marker", L.call<val>("latLng", m.at.lat, m.at.lon), options);
}


// One call into JS per line (leaflet_bridge.js), not one per point: drawing thousands of
// routes was spending most of its time crossing the embind boundary.
val lat_lngs(const geo::Polyline& line) {
    static_assert(sizeof(geo::LatLon) == 2 * sizeof(double), "LatLon is two packed doubles");
    const double* flat = line.empty() ? nullptr : &line.front().lat;
    return val::module_property("latLngPairs")(val(emscripten::typed_memory_view(line.size() * 2, flat)));
}

val path_options(const render::Style& look, const val& renderer, bool filled) {
    val o = val::object();
    o.set("color", look.stroke);
    o.set("weight", look.weight);
    o.set("opacity", look.opacity);
    if (look.dashed) {
        o.set("dashArray", std::string("6 4"));
        // Leaflet's round caps would grow each dash by the line's width and fill the gaps
        // (as in render/svg.cpp).
        o.set("lineCap", std::string("butt"));
    }
    if (filled && !look.fill.empty()) {
        o.set("fillColor", look.fill);
        o.set("fillOpacity", look.radius > 0 ? 0.95 : 0.6);
    } else {
        o.set("fill", false);
    }
    if (filled) o.set("radius", look.radius);
    // A click on a dot is about the dot (its card), not also about the map under it (which
    // offers the point as a start or an end).
    if (filled && look.radius > 0) o.set("bubblingMouseEvents", false);
    o.set("renderer", renderer);
    return o;
}

std::string style_key(const render::Style& look, bool filled) {
    return look.stroke + '|' + look.fill + '|' + std::to_string(look.weight) + '|' + std::to_string(look.opacity) +
           '|' + (look.dashed ? "d" : "") + '|' + std::to_string(look.radius) + '|' + (filled ? "f" : "");
}

}  // namespace

LeafletScene::LeafletScene(const LeafletMapOptions& options)
    : L_(val::global("L")), map_(val::undefined()), renderer_(val::undefined()) {
    val map_options = val::object();
    map_options.set("zoomSnap", 0.25);
    map_options.set("preferCanvas", true);
    // Leaflet's own controls speak English: the zoom buttons are made here with the page's
    // words, and the attribution's prefix is a plain link (its default title is English).
    map_options.set("zoomControl", false);
    map_ = L_.call<val>("map", options.element_id, map_options);
    val zoom_options = val::object();
    zoom_options.set("zoomInTitle", std::string(text::tr("map.zoom_in", options.lang)));
    zoom_options.set("zoomOutTitle", std::string(text::tr("map.zoom_out", options.lang)));
    L_["control"].call<val>("zoom", zoom_options).call<val>("addTo", map_);
    map_["attributionControl"].call<val>("setPrefix", std::string("<a href=\"https://leafletjs.com\">Leaflet</a>"));
    renderer_ = L_.call<val>("canvas");
    if (!options.tile_url.empty()) {
        val tile_options = val::object();
        tile_options.set("attribution", options.tile_attribution);
        tile_options.set("maxZoom", 18);
        L_.call<val>("tileLayer", options.tile_url, tile_options).call<val>("addTo", map_);
    }
}

val LeafletScene::group(const std::string& layer) {
    auto it = groups_.find(layer);
    if (it != groups_.end()) return it->second;
    val g = L_.call<val>("featureGroup");
    g.call<val>("addTo", map_);
    groups_.emplace(layer, g);
    return g;
}

// Leaflet copies a layer's options into its own object, so one options object per style
// serves every feature drawn in it: thousands of features, a handful of styles.
val LeafletScene::style(const render::Style& look, bool filled) {
    const std::string key = style_key(look, filled);
    auto it = styles_.find(key);
    if (it != styles_.end()) return it->second;
    return styles_.emplace(key, path_options(look, renderer_, filled)).first->second;
}

// A tooltip or popup is bound once to the layer's group, which finds what to show from the
// feature under the pointer (sceneTitle, sceneCard in its options) when it opens. Binding
// one to each of thousands of features built thousands of Tooltip and Popup objects that
// are never shown.
void LeafletScene::add(val layer, const std::string& group_name, const std::string& title,
                       const std::string& card_id) {
    val g = group(group_name);
    if (!title.empty() || !card_id.empty()) {
        val options = layer["options"];
        if (!title.empty()) options.set("sceneTitle", title);
        if (!card_id.empty()) options.set("sceneCard", card_id);
    }
    if (!title.empty() && tooltips_bound_.insert(group_name).second)
        g.call<val>("bindTooltip", val::module_property("sceneTitle"));
    if (!card_id.empty() && popups_bound_.insert(group_name).second)
        g.call<val>("bindPopup", val::module_property("scenePopup"));
    layer.call<val>("addTo", g);
    counts_[group_name] += 1;
}

void LeafletScene::fit(geo::LatLon south_west, geo::LatLon north_east) {
    val bounds = val::array();
    bounds.call<void>("push", lat_lng(south_west));
    bounds.call<void>("push", lat_lng(north_east));
    val options = val::object();
    val padding = val::array();
    padding.call<void>("push", 24);
    padding.call<void>("push", 24);
    options.set("padding", padding);
    options.set("maxZoom", 16);
    options.set("animate", false);
    map_.call<val>("fitBounds", bounds, options);
}

bool LeafletScene::focus(const std::string& id) {
    for (auto& [layer, features] : ids_) {
        auto it = features.find(id);
        if (it == features.end()) continue;
        val feature = it->second;
        if (feature["getLatLng"].isUndefined()) {
            val options = val::object();
            options.set("maxZoom", 15);
            options.set("animate", false);
            map_.call<val>("fitBounds", feature.call<val>("getBounds"), options);
        } else {
            val at = feature.call<val>("getLatLng");
            const double zoom = map_.call<double>("getZoom");
            // At once: the card opens where the feature is, and no motion is forced on anyone.
            val options = val::object();
            options.set("animate", false);
            map_.call<val>("setView", at, zoom < 15 ? 15 : zoom, options);
        }
        // A click on the feature, as if the person had clicked it: its group's popup (the
        // card) or tooltip opens for this feature (they are bound once per group).
        val event = val::object();
        event.set("latlng", feature["getLatLng"].isUndefined() ? feature.call<val>("getCenter") : feature.call<val>("getLatLng"));
        if (!feature["options"]["sceneCard"].isUndefined()) feature.call<val>("fire", std::string("click"), event, true);
        else if (!feature.call<val>("getTooltip").isUndefined()) feature.call<val>("openTooltip");
        else feature.call<val>("fire", std::string("mouseover"), event, true);
        return true;
    }
    return false;
}

int LeafletScene::count(const std::string& layer) const {
    auto it = counts_.find(layer);
    return it == counts_.end() ? 0 : it->second;
}

void LeafletScene::draw(const render::Scene& scene, bool fit, const std::string& only_layer) {
    const bool all = only_layer.empty();
    for (auto& [name, g] : groups_)
        if (all || name == only_layer) g.call<void>("clearLayers");
    if (all) counts_.clear();
    else counts_.erase(only_layer);
    if (all) ids_.clear();
    else ids_.erase(only_layer);
    for (const auto& p : scene.polygons) {
        if (!all && p.layer != only_layer) continue;
        val rings = val::array();
        for (const auto& ring : p.rings) rings.call<void>("push", lat_lngs(ring));
        add(L_.call<val>("polygon", rings, style(p.look, true)), p.layer, "", "");
    }
    for (const auto& l : scene.polylines)
        if (all || l.layer == only_layer) {
            val line = L_.call<val>("polyline", lat_lngs(l.points), style(l.look, false));
            add(line, l.layer, l.title, "");
            if (!l.id.empty()) ids_[l.layer].insert_or_assign(l.id, line);
        }
    for (const auto& m : scene.markers) {
        if (!all && m.layer != only_layer) continue;
        const std::string card = m.has_card ? m.id : std::string();
        val marker = val::undefined();
        if (m.focusable) {
            // Keyboard stops carry their own tooltip, which Leaflet opens on focus too.
            marker = marker_for(L_, m);
            marker.call<val>("bindTooltip", m.title);
            add(marker, m.layer, "", card);
        } else if (m.labelled) {
            marker = marker_for(L_, m);
            add(marker, m.layer, m.title, card);
        } else {
            marker = L_.call<val>("circleMarker", L_.call<val>("latLng", m.at.lat, m.at.lon), style(m.look, true));
            add(marker, m.layer, m.title, card);
        }
        if (!m.id.empty()) ids_[m.layer].insert_or_assign(m.id, marker);
    }
    if (fit) {
        val bounds = val::array();
        bounds.call<void>("push", lat_lng(scene.fit_south_west));
        bounds.call<void>("push", lat_lng(scene.fit_north_east));
        // Moves the page makes (a county chosen, a route planned, a feature shown) are
        // instant: an animation still running would end where it was going and undo the next.
        val options = val::object();
        options.set("animate", false);
        map_.call<val>("fitBounds", bounds, options);
    }
}

}  // namespace beitai::wasm
