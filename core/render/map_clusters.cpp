#include "render/map_clusters.h"

#include <cmath>
#include <string>
#include <unordered_map>

#include "geo/geometry.h"
#include "render/map_legend.h"
#include "tracker/labels.h"

namespace beitai::render {

namespace {

constexpr double kWorldMetres = 2 * 20037508.342789244;  // Web Mercator's width

bool clustered_layer(const std::string& layer) { return layer == "sites" || layer == "parking"; }

struct Cell {
    std::size_t first = 0;  // the member whose place the cluster takes
    int count = 0;
    int with_space = 0;
    double lat_sum = 0, lon_sum = 0;
    geo::BBox box;
    std::string id;
};

std::string cluster_title(const std::string& layer, const Cell& c, text::Lang lang) {
    if (layer == "parking")
        return tracker::fill(tracker::fill(text::tr("map.cluster.parking", lang), "n", std::to_string(c.count)), "space",
                             std::to_string(c.with_space));
    return tracker::fill(text::tr("map.cluster.sites", lang), "n", std::to_string(c.count));
}

}  // namespace

void cluster_markers(Scene& scene, double zoom, text::Lang lang, std::string_view keep_id) {
    if (!(zoom < kClusterMaxZoom)) return;
    // Whole zoom levels: a fractional zoom (Leaflet's zoomSnap, a kiosk's pinch) groups as the
    // level below it does, so the groups change at the same steps everywhere.
    const int level = static_cast<int>(std::floor(std::max(zoom, 0.0)));
    const double cell_m = kWorldMetres / (256.0 * std::ldexp(1.0, level)) * kClusterCellPx;

    auto key_of = [&](const SceneMarker& m) {
        const geo::Projected p = geo::to_web_mercator(m.at);
        const auto column = static_cast<long long>(std::floor(p.x / cell_m));
        const auto row = static_cast<long long>(std::floor(p.y / cell_m));
        return m.layer + ":" + std::to_string(level) + ":" + std::to_string(column) + ":" + std::to_string(row);
    };

    std::unordered_map<std::string, Cell> cells;
    std::vector<std::string> keys(scene.markers.size());
    for (std::size_t i = 0; i < scene.markers.size(); ++i) {
        const SceneMarker& m = scene.markers[i];
        if (!clustered_layer(m.layer) || m.cluster_count > 0 || (!keep_id.empty() && m.id == keep_id)) continue;
        keys[i] = key_of(m);
        auto [it, fresh] = cells.try_emplace(keys[i]);
        Cell& c = it->second;
        if (fresh) c.first = i;
        c.count += 1;
        c.with_space += m.has_space ? 1 : 0;
        c.lat_sum += m.at.lat;
        c.lon_sum += m.at.lon;
        c.box.extend(m.at);
    }

    std::vector<SceneMarker> out;
    out.reserve(scene.markers.size());
    for (std::size_t i = 0; i < scene.markers.size(); ++i) {
        if (keys[i].empty()) {
            out.push_back(std::move(scene.markers[i]));
            continue;
        }
        const Cell& c = cells.at(keys[i]);
        if (c.count < 2) {
            out.push_back(std::move(scene.markers[i]));
            continue;
        }
        if (c.first != i) continue;
        const std::string& layer = scene.markers[i].layer;
        SceneMarker cluster;
        cluster.id = "cluster:" + keys[i];
        cluster.layer = layer;
        // At the members' mean: where they are, not the corner of a grid square.
        cluster.at = {c.lat_sum / c.count, c.lon_sum / c.count};
        cluster.label = std::to_string(c.count);
        cluster.title = cluster_title(layer, c, lang);
        cluster.style = "cluster";
        cluster.look = cluster_look(layer, c.count);
        cluster.labelled = true;
        cluster.focusable = true;
        cluster.has_space = c.with_space > 0;
        cluster.cluster_count = c.count;
        cluster.cluster_box = c.box;
        out.push_back(std::move(cluster));
    }
    scene.markers = std::move(out);
}

}  // namespace beitai::render
