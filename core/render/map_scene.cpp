#include "render/map_scene.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "bikenet/plan_words.h"
#include "render/map_clusters.h"
#include "render/map_lists.h"
#include "render/map_legend.h"
#include "render/parking_views.h"
#include "render/site_card.h"
#include "text/decimal.h"
#include "tracker/labels.h"

namespace beitai::render {

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        size_t at = s.find(sep, start);
        out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos) return out;
        start = at + 1;
    }
}

// Plain decimals only: "0x19", "NaN" or "25 " in a bbox or a point is refused, never read.
std::optional<double> number(const std::string& s) { return text::parse_decimal(s); }

std::string km(double metres) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f km", metres / 1000);
    return buf;
}

std::string metres_text(double metres) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f m", metres);
    return buf;
}

bool in_view(const std::optional<geo::BBox>& box, const geo::BBox& extent) { return !box || box->intersects(extent); }

Style route_look(const std::string& county) { return Style{county_colour(county), "", 4, 0.9, false, 0}; }

}  // namespace

Result<MapView> parse_map_view(const text::QueryParams& params, const std::vector<std::string>& also_allowed) {
    MapView view;
    for (const auto& [key, value] : params) {
        if (key == "layers") {
            view.layers = {false, false, false, false, false};
            if (value.empty()) continue;
            for (const auto& name : split(value, ',')) {
                if (name == "basemap") view.layers.basemap = true;
                else if (name == "routes") view.layers.routes = true;
                else if (name == "gaps") view.layers.gaps = true;
                else if (name == "sites") view.layers.sites = true;
                else if (name == "parking") view.layers.parking = true;
                else return Error{"layers: unknown layer \"" + name + "\" (known: basemap, routes, gaps, sites, parking)"};
            }
        } else if (key == "bbox") {
            auto parts = split(value, ',');
            if (parts.size() != 4)
                return Error{"bbox: expected west,south,east,north (four numbers), found \"" + value + "\""};
            double v[4];
            for (int i = 0; i < 4; ++i) {
                auto n = number(parts[i]);
                if (!n) return Error{"bbox: \"" + parts[i] + "\" is not a number"};
                v[i] = *n;
            }
            geo::BBox box;
            box.west = v[0];
            box.south = v[1];
            box.east = v[2];
            box.north = v[3];
            if (box.west < -180 || box.east > 180 || box.south < -90 || box.north > 90)
                return Error{"bbox: coordinates out of range"};
            if (box.west >= box.east || box.south >= box.north)
                return Error{"bbox: west must be less than east and south less than north"};
            view.bbox = box;
        } else if (key == "county") {
            if (value.size() > 32 || value.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") != std::string::npos)
                return Error{"county: expected a county id such as Taipei, found \"" + value.substr(0, 40) + "\""};
            view.county = value;
        } else if (key == "focus") {
            if (value.size() > 200) return Error{"focus: a feature id is at most 200 bytes"};
            view.focus = value;
        } else if (key == "lang") {
            view.lang = text::parse_lang(value);
        } else if (std::find(also_allowed.begin(), also_allowed.end(), key) == also_allowed.end()) {
            return Error{"unknown parameter \"" + key + "\" (known: layers, bbox, county, focus)"};
        }
    }
    return view;
}

text::QueryParams to_params(const MapView& view) {
    std::string layers;
    auto add = [&](bool on, const char* name) {
        if (on) layers += (layers.empty() ? "" : ",") + std::string(name);
    };
    add(view.layers.basemap, "basemap");
    add(view.layers.routes, "routes");
    add(view.layers.gaps, "gaps");
    add(view.layers.sites, "sites");
    add(view.layers.parking, "parking");
    text::QueryParams p = {{"layers", layers}};
    if (view.bbox) {
        char buf[128];
        std::snprintf(buf, sizeof buf, "%.5f,%.5f,%.5f,%.5f", view.bbox->west, view.bbox->south, view.bbox->east,
                      view.bbox->north);
        p.emplace_back("bbox", buf);
    }
    if (!view.county.empty()) p.emplace_back("county", view.county);
    return p;
}

std::string map_card_html(const MapData& data, const std::string& id, text::Lang lang) {
    if (id.rfind("parking:", 0) == 0) {
        if (!data.parking) return {};
        const std::string key = id.substr(8);
        for (const auto& c : data.parking->car_parks())
            if (parking::car_park_key(c.park) == key) return car_park_card_html(data, c, lang);
        return {};
    }
    if (!data.sites) return {};
    for (const auto& s : data.sites->sites)
        if (s.id == id) {
            std::string card = site_card_html(s, data.counties, lang);
            if (data.parking && s.at) card += nearby_parking_html(data, *s.at, lang);
            return card;
        }
    return {};
}

std::string county_label(const MapData& data, const std::string& id, text::Lang lang) {
    if (data.counties)
        if (const auto* c = content::find_county(*data.counties, id)) return lang == text::Lang::en ? c->name_en : c->name_zh;
    return id;
}

Result<geo::LatLon> parse_point(const std::string& text, const std::string& name) {
    auto parts = split(text, ',');
    if (parts.size() != 2) return Error{name + ": expected lat,lon (two numbers), found \"" + text + "\""};
    auto lat = number(parts[0]), lon = number(parts[1]);
    if (!lat || !lon) return Error{name + ": expected lat,lon (two numbers), found \"" + text + "\""};
    geo::LatLon p{*lat, *lon};
    if (!geo::is_valid(p)) return Error{name + ": coordinates out of range"};
    if (!geo::northern_taiwan().contains(p)) return Error{name + ": " + text + " is outside northern Taiwan"};
    return p;
}

Scene map_scene(const MapData& data, const MapView& view) {
    Scene scene;
    const bool en = view.lang == text::Lang::en;

    if (view.layers.basemap && data.basemap) {
        for (size_t i = 0; i < data.basemap->size(); ++i) {
            const auto& f = (*data.basemap)[i];
            std::string name = f.properties.value("COUNTYNAME", "");
            std::string name_en = f.properties.value("COUNTYENG", "");
            for (const auto& polygon : f.geometry.polygons) {
                if (polygon.empty()) continue;
                if (!in_view(view.bbox, geo::bbox_of(polygon.front()))) continue;
                ScenePolygon p;
                p.id = "basemap-" + std::to_string(i);
                p.layer = "basemap";
                p.title = en && !name_en.empty() ? name_en : name;
                p.rings = polygon;
                p.look = basemap_look();
                scene.polygons.push_back(std::move(p));
            }
        }
    }
    if (view.layers.routes && data.network) {
        const auto& routes = data.network->routes;
        std::vector<const bikenet::RouteSegment*> in_sight;
        for (const auto& r : routes)
            if (in_view(view.bbox, geo::bbox_of(r.line))) in_sight.push_back(&r);
        if (in_sight.size() <= kRouteLinesMax) {
            for (const auto* r : in_sight) {
                ScenePolyline l;
                l.id = r->id;
                l.layer = "routes";
                l.title = r->name + " · " + km(geo::length_m(r->line));
                l.parts = {r->line};
                l.look = route_look(r->county);
                scene.polylines.push_back(std::move(l));
            }
        } else {
            // Each county's routes as one line, every one of them whether in sight or not:
            // the line stays the same while the map pans (nothing to rebuild), and the
            // renderer leaves out what is off screen itself.
            std::vector<std::string> counties;  // in the order they first come
            std::vector<ScenePolyline> merged;
            for (const auto& r : routes) {
                const size_t k = std::find(counties.begin(), counties.end(), r.county) - counties.begin();
                if (k == counties.size()) {
                    counties.push_back(r.county);
                    ScenePolyline l;
                    l.id = "routes:" + r.county;
                    l.layer = "routes";
                    l.look = route_look(r.county);
                    merged.push_back(std::move(l));
                }
                merged[k].parts.push_back(r.line);
            }
            for (size_t k = 0; k < merged.size(); ++k) {
                merged[k].title = tracker::fill(tracker::fill(text::tr("map.routes.together", view.lang), "county",
                                                              county_label(data, counties[k], view.lang)),
                                                "n", std::to_string(merged[k].parts.size()));
                scene.polylines.push_back(std::move(merged[k]));
            }
        }
    }
    if (view.layers.gaps && data.gaps) {
        for (size_t i = 0; i < data.gaps->size(); ++i) {
            const auto& g = (*data.gaps)[i];
            geo::BBox extent;
            extent.extend(g.end_a);
            extent.extend(g.end_b);
            if (!in_view(view.bbox, extent)) continue;
            const std::string title = (en ? "Break " : "斷點 ") + std::to_string(i + 1) + " · " + metres_text(g.distance_m);
            scene.polylines.push_back(
                {"gap-" + std::to_string(i + 1), "gaps", title, {{g.end_a, g.end_b}}, gap_line_look()});
            SceneMarker m;
            m.id = "gap-" + std::to_string(i + 1);
            m.layer = "gaps";
            m.at = {(g.end_a.lat + g.end_b.lat) / 2, (g.end_a.lon + g.end_b.lon) / 2};
            m.label = std::to_string(i + 1);
            m.title = title;
            m.look = gap_marker_look();
            // A numbered box (a shape of its own, not a dot like a site's), with its title.
            m.labelled = true;
            scene.markers.push_back(std::move(m));
        }
    }
    if (view.layers.sites && data.sites) {
        for (const auto& s : data.sites->sites) {
            if (!s.at) continue;  // listed (map_lists.h), never drawn: it has no place
            // The feature shown on the map is drawn wherever the view is (it moves there next).
            if (view.bbox && !view.bbox->contains(*s.at) && s.id != view.focus) continue;
            if (!view.county.empty() && s.county != view.county) continue;
            SceneMarker m;
            m.id = s.id;
            m.layer = "sites";
            m.at = *s.at;
            m.title = s.name;
            m.look = site_look(s.green_tourism);
            m.has_card = true;
            scene.markers.push_back(std::move(m));
        }
    }
    // Fit to what the map is about (routes, breaks, sites), not to the basemap, whose
    // neighbouring counties reach far south; with none of those, northern Taiwan.
    // With one county's sites asked for, fit to those sites.
    Scene about;
    if (view.county.empty() || !view.layers.sites) about.polylines = scene.polylines;
    for (const auto& m : scene.markers)
        if (view.county.empty() || m.layer == "sites") about.markers.push_back(m);
    fit_to_contents(about);
    if (about.polylines.empty() && about.markers.empty()) {
        const geo::BBox north = geo::northern_taiwan();
        scene.fit_south_west = {north.south, north.west};
        scene.fit_north_east = {north.north, north.east};
    } else {
        scene.fit_south_west = about.fit_south_west;
        scene.fit_north_east = about.fit_north_east;
    }
    if (view.bbox) {
        scene.fit_south_west = {view.bbox->south, view.bbox->west};
        scene.fit_north_east = {view.bbox->north, view.bbox->east};
    }
    // The planned route over the routes it follows; like the car parks, not part of what the
    // view fits (the map stays where the user is looking when a plan comes).
    if (data.planned && data.planned->found) {
        // Leg by leg, each named ("一般道路 · 7.6 km"): solid along the bike routes, dashed off them.
        const auto& legs = data.planned->legs;
        for (size_t i = 0; i < legs.size(); ++i) {
            const auto& leg = legs[i];
            ScenePolyline l;
            l.id = "path-leg-" + std::to_string(i + 1);
            l.layer = "path";
            l.title = std::string(bikenet::leg_kind_label(leg.kind, view.lang)) + " · " + distance_text(leg.length_m);
            l.parts = {leg.line};
            l.look = leg.kind == bikenet::LegKind::route ? path_look() : path_off_look();
            scene.polylines.push_back(std::move(l));
        }
        // Its ends as pins, keyboard stops that say where the trip starts and ends.
        for (bool start : {true, false}) {
            SceneMarker pin;
            pin.id = start ? "path-start" : "path-end";
            pin.layer = "path";
            pin.at = start ? data.planned->path.front() : data.planned->path.back();  // the trip's own ends
            pin.label = std::string(text::tr(start ? "map.pin.start_short" : "map.pin.end_short", view.lang));
            pin.title = std::string(text::tr(start ? "map.from" : "map.to", view.lang));
            pin.style = start ? "start" : "end";
            pin.look = path_pin_look();
            pin.labelled = true;
            pin.focusable = true;
            scene.markers.push_back(std::move(pin));
        }
    }
    // Car parks last: drawn on top, and not part of what the view fits (they come and go
    // with the feeds).
    if (view.layers.parking) add_parking_markers(scene, data, view);
    if (view.zoom) cluster_markers(scene, *view.zoom, view.lang, view.focus);
    return scene;
}

std::string map_svg(const MapData& data, const MapView& view, const SvgOptions& options) {
    MapView unclustered = view;
    unclustered.zoom.reset();
    Scene scene = map_scene(data, unclustered);
    cluster_markers(scene, view.zoom ? *view.zoom : scene_svg_view(scene, options).zoom(), view.lang, view.focus);
    return scene_svg(scene, options);
}

}  // namespace beitai::render
