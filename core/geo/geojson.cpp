// GeoJSON (RFC 7946) FeatureCollections in and out.
//
// Reading checks everything a map would otherwise draw wrongly or not at all: the object
// types, each position's form and range ([lon, lat] with an optional elevation), the
// minimum sizes of lines and rings, closed rings, and, when asked, that every position lies
// in the region. Every problem is recorded with its JSON path and reading goes on, so one
// run names them all. Foreign members (RFC 7946 §6.1: "id", "bbox", "crs", a "name"…) are
// allowed and ignored.
//
// Index of this file:
// [SECTION] Reading positions and coordinate arrays
// [SECTION] Reading geometries and features
// [SECTION] Writing

#include "geo/geojson.h"

#include <cstdio>

namespace beitai::geo {

using text::Diagnostics;
using text::index_path;
using text::Json;
using text::json_type_name;
using text::key_path;
using text::ObjectReader;

namespace {

// A coordinate as people write it: 95, 121.5645, 1e+20.
std::string format_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

// -----------------------------------------------------------------------------------------
// [SECTION] Reading positions and coordinate arrays
// -----------------------------------------------------------------------------------------

struct Reader {
    Diagnostics& diagnostics;
    const ReadOptions& options;

    // One position; false (after recording why) when it is unusable.
    bool position(const Json& j, const std::string& path, LatLon& out) {
        if (!j.is_array()) {
            diagnostics.add(path, std::string("expected a position [longitude, latitude], found ") + json_type_name(j));
            return false;
        }
        if (j.size() < 2 || j.size() > 3) {
            diagnostics.add(path, "expected a position [longitude, latitude] or [longitude, latitude, elevation], "
                                  "found " + std::to_string(j.size()) + " values");
            return false;
        }
        bool ok = true;
        for (size_t k = 0; k < j.size(); ++k) {
            if (!j[k].is_number()) {
                diagnostics.add(index_path(path, k), std::string("expected a number, found ") + json_type_name(j[k]));
                ok = false;
            }
        }
        if (!ok) return false;
        out.lon = j[0].get<double>();
        out.lat = j[1].get<double>();
        if (!(out.lon >= -180 && out.lon <= 180)) {
            diagnostics.add(path, "longitude " + format_number(out.lon) + " out of range (-180..180)");
            ok = false;
        }
        if (!(out.lat >= -90 && out.lat <= 90)) {
            diagnostics.add(path, "latitude " + format_number(out.lat) + " out of range (-90..90)");
            ok = false;
        }
        if (ok && options.check_region && !options.region.contains(out)) {
            const BBox& r = options.region;
            diagnostics.add(path, "position [" + format_number(out.lon) + ", " + format_number(out.lat) +
                                      "] is outside the region (latitude " + format_number(r.south) + ".." +
                                      format_number(r.north) + ", longitude " + format_number(r.west) + ".." +
                                      format_number(r.east) + ")");
            ok = false;
        }
        return ok;
    }

    // An array of positions (a line string or a ring). Reports every bad position.
    bool positions(const Json& j, const std::string& path, Polyline& out) {
        if (!j.is_array()) {
            diagnostics.add(path, std::string("expected an array of positions, found ") + json_type_name(j));
            return false;
        }
        bool ok = true;
        out.clear();
        out.reserve(j.size());
        for (size_t i = 0; i < j.size(); ++i) {
            LatLon p;
            if (position(j[i], index_path(path, i), p))
                out.push_back(p);
            else
                ok = false;
        }
        return ok;
    }

    bool line_string(const Json& j, const std::string& path, Polyline& out) {
        if (!positions(j, path, out)) return false;
        if (out.size() < 2) {
            diagnostics.add(path, "a line string needs at least 2 positions, found " + std::to_string(out.size()));
            return false;
        }
        return true;
    }

    bool ring(const Json& j, const std::string& path, Ring& out) {
        if (!positions(j, path, out)) return false;
        if (out.size() < 4) {
            diagnostics.add(path, "a polygon ring needs at least 4 positions, found " + std::to_string(out.size()));
            return false;
        }
        const LatLon& a = out.front();
        const LatLon& b = out.back();
        if (a.lat != b.lat || a.lon != b.lon) {
            diagnostics.add(path, "the ring is not closed: its last position [" + format_number(b.lon) + ", " +
                                      format_number(b.lat) + "] differs from its first [" + format_number(a.lon) +
                                      ", " + format_number(a.lat) + "]");
            return false;
        }
        return true;
    }

    bool polygon(const Json& j, const std::string& path, Polygon& out) {
        if (!j.is_array()) {
            diagnostics.add(path, std::string("expected an array of rings, found ") + json_type_name(j));
            return false;
        }
        if (j.empty()) {
            diagnostics.add(path, "a polygon needs an outer ring");
            return false;
        }
        bool ok = true;
        out.assign(j.size(), {});
        for (size_t i = 0; i < j.size(); ++i) ok = ring(j[i], index_path(path, i), out[i]) && ok;
        return ok;
    }

    // -------------------------------------------------------------------------------------
    // [SECTION] Reading geometries and features
    // -------------------------------------------------------------------------------------

    bool geometry(const Json& j, const std::string& path, Geometry& out) {
        ObjectReader r(j, path, diagnostics);
        if (!r.is_object()) return false;
        const size_t before = diagnostics.messages().size();
        const std::string type = r.string("type");
        const Json* coordinates = r.array("coordinates");
        if (type.empty()) return false;  // already reported
        const std::string at = r.path_of("coordinates");
        if (type == "Point") {
            out.type = GeometryType::point;
            if (!coordinates) return false;
            LatLon p;
            // The position itself is the coordinates member, not an array of them.
            if (!position(*coordinates, at, p)) return false;
            out.lines = {{p}};
        } else if (type == "LineString") {
            out.type = GeometryType::line_string;
            if (!coordinates) return false;
            out.lines.assign(1, {});
            line_string(*coordinates, at, out.lines[0]);
        } else if (type == "MultiLineString") {
            out.type = GeometryType::multi_line_string;
            if (!coordinates) return false;
            if (coordinates->empty()) diagnostics.add(at, "a MultiLineString needs at least one line string");
            out.lines.assign(coordinates->size(), {});
            for (size_t i = 0; i < coordinates->size(); ++i)
                line_string((*coordinates)[i], index_path(at, i), out.lines[i]);
        } else if (type == "Polygon") {
            out.type = GeometryType::polygon;
            if (!coordinates) return false;
            out.polygons.assign(1, {});
            polygon(*coordinates, at, out.polygons[0]);
        } else if (type == "MultiPolygon") {
            out.type = GeometryType::multi_polygon;
            if (!coordinates) return false;
            if (coordinates->empty()) diagnostics.add(at, "a MultiPolygon needs at least one polygon");
            out.polygons.assign(coordinates->size(), {});
            for (size_t i = 0; i < coordinates->size(); ++i)
                polygon((*coordinates)[i], index_path(at, i), out.polygons[i]);
        } else {
            r.error("type", "unknown geometry type \"" + type +
                                "\"; expected Point, LineString, MultiLineString, Polygon or MultiPolygon");
            return false;
        }
        return diagnostics.messages().size() == before;
    }

    void feature(const Json& j, const std::string& path, std::vector<Feature>& out) {
        ObjectReader r(j, path, diagnostics);
        if (!r.is_object()) return;
        const std::string type = r.string("type");
        if (!type.empty() && type != "Feature") r.error("type", "expected \"Feature\", found \"" + type + "\"");
        Feature f;
        bool ok = true;
        if (const Json* g = r.object("geometry"))
            ok = geometry(*g, r.path_of("geometry"), f.geometry);
        else
            ok = false;  // missing, null or not an object: reported by the reader
        if (const Json* props = r.object("properties", /*nullable=*/true)) f.properties = *props;
        if (ok) out.push_back(std::move(f));
    }
};

}  // namespace

Result<std::vector<Feature>> read_feature_collection(const Json& json, const std::string& source,
                                                     const ReadOptions& options) {
    Diagnostics diagnostics(source);
    Reader reader{diagnostics, options};
    std::vector<Feature> features;
    ObjectReader top(json, "", diagnostics);
    if (top.is_object()) {
        const std::string type = top.string("type");
        if (!type.empty() && type != "FeatureCollection")
            top.error("type", "expected \"FeatureCollection\", found \"" + type + "\"");
        if (const Json* list = top.array("features")) {
            features.reserve(list->size());
            for (size_t i = 0; i < list->size(); ++i)
                reader.feature((*list)[i], index_path(key_path("", "features"), i), features);
        }
    }
    if (!diagnostics.empty()) return Error{diagnostics.joined()};
    return features;
}

bool read_geometry(const Json& json, const std::string& path, Diagnostics& diagnostics, Geometry& out,
                   const ReadOptions& options) {
    Reader reader{diagnostics, options};
    return reader.geometry(json, path, out);
}

Result<std::vector<Feature>> read_feature_collection_text(const std::string& text, const std::string& source,
                                                          const ReadOptions& options) {
    auto json = text::parse_json_text(text, source);
    if (!json) return Error{json.error()};
    return read_feature_collection(*json, source, options);
}

// -----------------------------------------------------------------------------------------
// [SECTION] Writing
// -----------------------------------------------------------------------------------------

namespace {

Json position_json(LatLon p) { return Json::array({p.lon, p.lat}); }

Json positions_json(const Polyline& line) {
    Json out = Json::array();
    for (const auto& p : line) out.push_back(position_json(p));
    return out;
}

Json polygon_json(const Polygon& polygon) {
    Json out = Json::array();
    for (const auto& ring : polygon) out.push_back(positions_json(ring));
    return out;
}

}  // namespace

// A geometry with nothing to write (a point without a position) becomes null, which
// RFC 7946 allows for a feature's geometry, rather than invalid coordinates.
Json geometry_json(const Geometry& g) {
    switch (g.type) {
        case GeometryType::point:
            if (g.lines.empty() || g.lines[0].empty()) return nullptr;
            return Json{{"type", "Point"}, {"coordinates", position_json(g.lines[0][0])}};
        case GeometryType::line_string:
            if (g.lines.empty()) return nullptr;
            return Json{{"type", "LineString"}, {"coordinates", positions_json(g.lines[0])}};
        case GeometryType::multi_line_string: {
            Json lines = Json::array();
            for (const auto& line : g.lines) lines.push_back(positions_json(line));
            return Json{{"type", "MultiLineString"}, {"coordinates", std::move(lines)}};
        }
        case GeometryType::polygon:
            if (g.polygons.empty()) return nullptr;
            return Json{{"type", "Polygon"}, {"coordinates", polygon_json(g.polygons[0])}};
        case GeometryType::multi_polygon: {
            Json polygons = Json::array();
            for (const auto& p : g.polygons) polygons.push_back(polygon_json(p));
            return Json{{"type", "MultiPolygon"}, {"coordinates", std::move(polygons)}};
        }
    }
    return nullptr;
}

Json to_geojson(const Feature& feature) {
    Json out = Json::object();
    out["type"] = "Feature";
    out["geometry"] = geometry_json(feature.geometry);
    // RFC 7946 §3.2: properties is an object or null.
    out["properties"] = feature.properties.is_object() ? feature.properties : Json(nullptr);
    return out;
}

Json to_feature_collection(const std::vector<Feature>& features) {
    Json list = Json::array();
    for (const auto& f : features) list.push_back(to_geojson(f));
    Json out = Json::object();
    out["type"] = "FeatureCollection";
    out["features"] = std::move(list);
    return out;
}

BBox northern_taiwan() {
    // The eight counties span about 24.27–25.30 N (Miaoli's south to Taipei's Cape Fugui)
    // and 120.62–121.96 E (Miaoli's coast to Yilan's Guishan Island), and Keelung's
    // Huaping and Mianhua islets reach 25.48 N, 122.10 E. The margin keeps those inside;
    // Pengjia Islet (25.63 N, 122.08 E), Keelung's weather station, lies outside.
    BBox box;
    box.south = 24.2;
    box.west = 120.5;
    box.north = 25.5;
    box.east = 122.2;
    return box;
}

std::vector<Feature> polygons_reaching(std::vector<Feature> features, const BBox& box) {
    std::vector<Feature> out;
    for (auto& f : features) {
        if (f.geometry.polygons.empty()) {
            out.push_back(std::move(f));
            continue;
        }
        std::vector<Polygon> kept;
        for (auto& polygon : f.geometry.polygons)
            if (!polygon.empty() && bbox_of(polygon.front()).intersects(box)) kept.push_back(std::move(polygon));
        if (kept.empty()) continue;
        f.geometry.polygons = std::move(kept);
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace beitai::geo
