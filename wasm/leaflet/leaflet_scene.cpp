#include "leaflet/leaflet_scene.h"

#include <cstdio>

#include "render/map_clusters.h"

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

std::string stops_group(const std::string& layer) { return layer + ":stops"; }

// A drawn feature's key: its scene layer, its kind (area, line, marker: a break's box has
// its line's id) and its id, or its place in the scene when it has none.
std::string feature_key(const std::string& layer, char kind, const std::string& id, size_t index) {
    return layer + '\x1f' + kind + (id.empty() ? "#" + std::to_string(index) : id);
}

// A line's points in a few bytes: how many, and the first, middle and last. The planned
// route keeps its id when it changes, and a redraw must see that; hashing every point of
// 12,000 routes at every move cost more than drawing them.
std::string points_signature(const geo::Polyline& line) {
    if (line.empty()) return "0";
    char buf[128];
    const geo::LatLon &a = line.front(), &m = line[line.size() / 2], &b = line.back();
    std::snprintf(buf, sizeof buf, "%zu:%.7f,%.7f:%.7f,%.7f:%.7f,%.7f", line.size(), a.lat, a.lon, m.lat, m.lon, b.lat, b.lon);
    return buf;
}

// A line's parts the same way: how many, and the first and last part's signature.
std::string parts_signature(const std::vector<geo::Polyline>& parts) {
    if (parts.empty()) return "-";
    return std::to_string(parts.size()) + '/' + points_signature(parts.front()) + '/' + points_signature(parts.back());
}

// One part as Leaflet's list of points; more as a list of such lists (a multi-polyline).
val parts_lat_lngs(const std::vector<geo::Polyline>& parts) {
    if (parts.size() == 1) return lat_lngs(parts.front());
    val all = val::array();
    for (const auto& part : parts) all.call<void>("push", lat_lngs(part));
    return all;
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
    // A marker before a line of the same id (a break's box over its dashed segment).
    const Drawn* found = nullptr;
    for (const auto& [key, d] : drawn_)
        if (d.id == id && (!found || (d.marker && !found->marker))) found = &d;
    if (!found) return false;
    // A copy: moving the map redraws it (the page redraws what is in sight after a move).
    val feature = found->layer;
    if (feature["getLatLng"].isUndefined()) {
        val options = val::object();
        options.set("maxZoom", 15);
        options.set("animate", false);
        map_.call<val>("fitBounds", feature.call<val>("getBounds"), options);
    } else {
        val at = feature.call<val>("getLatLng");
        const double zoom = map_.call<double>("getZoom");
        // At once: the card opens where the feature is, and no motion is forced on anyone.
        // At the zoom where no marker is gathered into a cluster.
        val options = val::object();
        options.set("animate", false);
        map_.call<val>("setView", at, zoom < render::kClusterMaxZoom ? render::kClusterMaxZoom : zoom, options);
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

int LeafletScene::count(const std::string& layer) const {
    int n = 0;
    for (const auto& [key, d] : drawn_)
        if (d.scene_layer == layer) n += d.represents;
    return n;
}

val LeafletScene::make_marker(const render::SceneMarker& m) {
    const std::string card = m.has_card ? m.id : std::string();
    val marker = val::undefined();
    if (m.focusable) {
        // Keyboard stops carry their own tooltip, which Leaflet opens on focus too; in a
        // group of their own, as the layer's group tooltip would open a second, empty one.
        marker = marker_for(L_, m);
        marker.call<val>("bindTooltip", m.title);
        add(marker, stops_group(m.layer), "", card);
    } else if (m.labelled) {
        marker = marker_for(L_, m);
        add(marker, m.layer, m.title, card);
    } else {
        marker = L_.call<val>("circleMarker", L_.call<val>("latLng", m.at.lat, m.at.lon), style(m.look, true));
        add(marker, m.layer, m.title, card);
    }
    if (m.cluster_count > 0) {
        val box = val::array();
        for (double v : {m.cluster_box.south, m.cluster_box.west, m.cluster_box.north, m.cluster_box.east,
                         render::kClusterMaxZoom})
            box.call<void>("push", v);
        marker["options"].set("sceneZoom", box);
        if (clusters_bound_.insert(m.layer).second)
            group(stops_group(m.layer)).call<val>("on", std::string("click"), val::module_property("sceneClusterClick"));
    }
    return marker;
}

void LeafletScene::draw(const render::Scene& scene, bool fit, const std::string& only_layer) {
    const bool all = only_layer.empty();
    const unsigned now = ++generation_;
    bool added_under = false;  // a line or area added under what the canvas already paints
    bool canvas_seen = false;
    // Keeps the feature drawn under `key` when it looks the same; else (re)makes it.
    auto keep_or_make = [&](const std::string& key, std::string signature, const std::string& scene_layer,
                            const std::string& group_name, const std::string& id, int represents, bool marker, bool canvas,
                            auto make) {
        auto it = drawn_.find(key);
        if (it != drawn_.end() && it->second.signature == signature) {
            it->second.seen = now;
            canvas_seen = canvas_seen || canvas;
            return;
        }
        if (it != drawn_.end()) {
            group(it->second.group).call<void>("removeLayer", it->second.layer);
            drawn_.erase(it);
        }
        if (canvas && canvas_seen) added_under = true;
        drawn_.emplace(key, Drawn{make(), scene_layer, group_name, id, std::move(signature), represents, marker, canvas, now});
    };
    for (size_t i = 0; i < scene.polygons.size(); ++i) {
        const auto& p = scene.polygons[i];
        if (!all && p.layer != only_layer) continue;
        std::string sig = style_key(p.look, true) + '|' + p.title;
        for (const auto& ring : p.rings) sig += '|' + points_signature(ring);
        keep_or_make(feature_key(p.layer, 'a', p.id, i), std::move(sig), p.layer, p.layer, p.id, 1,
                     false, true, [&] {
                         val rings = val::array();
                         for (const auto& ring : p.rings) rings.call<void>("push", lat_lngs(ring));
                         val polygon = L_.call<val>("polygon", rings, style(p.look, true));
                         add(polygon, p.layer, "", "");
                         return polygon;
                     });
    }
    for (size_t i = 0; i < scene.polylines.size(); ++i) {
        const auto& l = scene.polylines[i];
        if (!all && l.layer != only_layer) continue;
        keep_or_make(feature_key(l.layer, 'l', l.id, i),
                     style_key(l.look, false) + '|' + l.title + '|' + parts_signature(l.parts), l.layer, l.layer, l.id,
                     static_cast<int>(l.parts.size()), false, true, [&] {
                         val line = L_.call<val>("polyline", parts_lat_lngs(l.parts), style(l.look, false));
                         add(line, l.layer, l.title, "");
                         return line;
                     });
    }
    for (size_t i = 0; i < scene.markers.size(); ++i) {
        const auto& m = scene.markers[i];
        if (!all && m.layer != only_layer) continue;
        char at[64];
        std::snprintf(at, sizeof at, "%.7f,%.7f", m.at.lat, m.at.lon);
        const std::string sig = style_key(m.look, true) + '|' + m.label + '|' + m.title + '|' + m.style + '|' + at + '|' +
                                (m.has_card ? "c" : "") + (m.labelled ? "l" : "") + (m.focusable ? "f" : "") + '|' +
                                std::to_string(m.cluster_count);
        const bool on_canvas = !m.focusable && !m.labelled;
        keep_or_make(feature_key(m.layer, 'm', m.id, i), sig, m.layer, m.focusable ? stops_group(m.layer) : m.layer, m.id,
                     m.cluster_count > 0 ? m.cluster_count : 1, true, on_canvas, [&] { return make_marker(m); });
    }
    // What this draw no longer has goes (in the layers it drew).
    for (auto it = drawn_.begin(); it != drawn_.end();) {
        if (it->second.seen != now && (all || it->second.scene_layer == only_layer)) {
            group(it->second.group).call<void>("removeLayer", it->second.layer);
            it = drawn_.erase(it);
        } else {
            ++it;
        }
    }
    // The canvas paints in the order features were added: a route that came into sight
    // after a pan would lie over the sites' dots. Put everything back in the scene's order
    // (areas, lines, dots), which is cheap beside painting.
    if (added_under) {
        auto raise = [&](const std::string& key) {
            auto it = drawn_.find(key);
            if (it != drawn_.end() && it->second.canvas) it->second.layer.call<val>("bringToFront");
        };
        for (size_t i = 0; i < scene.polygons.size(); ++i) raise(feature_key(scene.polygons[i].layer, 'a', scene.polygons[i].id, i));
        for (size_t i = 0; i < scene.polylines.size(); ++i) raise(feature_key(scene.polylines[i].layer, 'l', scene.polylines[i].id, i));
        for (size_t i = 0; i < scene.markers.size(); ++i) raise(feature_key(scene.markers[i].layer, 'm', scene.markers[i].id, i));
    }
    if (fit) this->fit(scene.fit_south_west, scene.fit_north_east);
}

}  // namespace beitai::wasm
