// Bike routes from GeoJSON and TDX's Cycling Shape JSON, and the rules every route format
// shares (import_routes.h). The XML forms, TDX's and KML, are read in import_routes_xml.cpp.
//
// Index of this file:
// [SECTION] GeoJSON
// [SECTION] TDX Cycling Shape records (JSON, and XML turned into the same objects)
// [SECTION] The common rules
// [SECTION] Telling the formats apart

#include "content/import_routes.h"

#include <cmath>
#include <cstdio>

#include "content/county_areas.h"
#include "geo/wkt.h"
#include "text/date.h"

namespace beitai::content {

using text::Json;

namespace {

std::string metres(double m) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f m", m);
    return buf;
}

// Degrees out of range are nearly always projected metres: TWD97 (EPSG:3826) is what
// Taiwan's GIS software writes by default.
std::string with_twd97_hint(std::string message) {
    if (message.find("out of range") != std::string::npos) message += " (TWD97 metres rather than WGS84 degrees?)";
    return message;
}

// The first non-empty string among `keys` of an object; `found` says which key held it.
std::string first_string(const Json& object, std::initializer_list<const char*> keys, std::string& found) {
    if (!object.is_object()) return {};
    for (const char* key : keys) {
        auto it = object.find(key);
        if (it != object.end() && it->is_string() && !it->get_ref<const std::string&>().empty() &&
            it->get_ref<const std::string&>() != "NULL") {
            found = key;
            return it->get<std::string>();
        }
    }
    return {};
}

// -----------------------------------------------------------------------------------------
// [SECTION] GeoJSON
// -----------------------------------------------------------------------------------------

// RFC 7946 has no "crs": positions are WGS84 longitude, latitude. GDAL still names one, and
// a file in TWD97 names its own: anything but WGS84 is refused as a whole, before any
// position is misread as degrees.
std::string crs_problem(const Json& collection) {
    auto crs = collection.find("crs");
    if (crs == collection.end() || crs->is_null()) return {};
    std::string name;
    if (crs->is_object() && crs->contains("properties") && (*crs)["properties"].is_object()) {
        const Json& p = (*crs)["properties"];
        if (p.contains("name") && p["name"].is_string()) name = p["name"].get<std::string>();
    }
    for (const char* wgs84 : {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "urn:ogc:def:crs:EPSG::4326",
                              "EPSG:4326", "CRS84", "OGC:CRS84"})
        if (name == wgs84) return {};
    return "crs: \"" + (name.empty() ? std::string("(no name)") : name) +
           "\" — only WGS84 longitude/latitude is read (CRS84, EPSG:4326); reproject first, e.g. "
           "ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson";
}

const char* geometry_type_name(const Json& geometry) {
    if (geometry.is_object() && geometry.contains("type") && geometry["type"].is_string())
        return geometry["type"].get_ref<const std::string&>().c_str();
    return "";
}

RouteRecord geojson_record(const Json& feature, size_t index) {
    RouteRecord r;
    r.record = index;
    if (!feature.is_object()) {
        r.refused = "not an object";
        return r;
    }
    const Json* properties = nullptr;
    if (auto it = feature.find("properties"); it != feature.end() && it->is_object()) properties = &*it;
    if (properties) {
        std::string key;
        r.name = first_string(*properties, {"name", "RouteName", "title"}, key);
        r.name_field = "properties." + (key.empty() ? std::string("name") : key);
        r.county = first_string(*properties, {"county", "City", "COUNTYNAME"}, key);
        r.county_field = "properties." + key;
    } else {
        r.name_field = "properties.name";
    }
    auto g = feature.find("geometry");
    if (g == feature.end() || g->is_null()) {
        r.refused = "geometry: null (the feature has no line)";
        return r;
    }
    const std::string type = geometry_type_name(*g);
    if (type != "LineString" && type != "MultiLineString") {
        r.refused = "geometry: " + (type.empty() ? std::string("not a geometry") : "a " + type) +
                    ", not a LineString or MultiLineString";
        return r;
    }
    text::Diagnostics diagnostics("record");
    geo::Geometry geometry;
    if (!geo::read_geometry(*g, "geometry", diagnostics, geometry)) {
        std::string message = diagnostics.empty() ? "geometry: does not read" : diagnostics.messages().front();
        if (message.rfind("record: ", 0) == 0) message = message.substr(8);
        if (diagnostics.messages().size() > 1)
            message += " (and " + std::to_string(diagnostics.messages().size() - 1) + " more)";
        r.refused = with_twd97_hint(message);
        return r;
    }
    r.lines = std::move(geometry.lines);
    return r;
}

}  // namespace

Result<std::vector<RouteRecord>> read_geojson_routes(const Json& collection) {
    if (!collection.is_object()) return Error{"expected a GeoJSON FeatureCollection (an object)"};
    auto type = collection.find("type");
    if (type == collection.end() || !type->is_string() || *type != "FeatureCollection")
        return Error{"type: expected \"FeatureCollection\""};
    if (std::string problem = crs_problem(collection); !problem.empty()) return Error{problem};
    auto features = collection.find("features");
    if (features == collection.end() || !features->is_array()) return Error{"features: expected an array"};
    std::vector<RouteRecord> out;
    for (size_t i = 0; i < features->size(); ++i) out.push_back(geojson_record((*features)[i], i));
    return out;
}

// -----------------------------------------------------------------------------------------
// [SECTION] TDX Cycling Shape records
// -----------------------------------------------------------------------------------------

namespace {

// TDX writes the literal string "NULL" where a value is missing.
std::string field(const Json& record, const char* key) {
    auto it = record.find(key);
    if (it == record.end() || !it->is_string()) return {};
    const std::string& v = it->get_ref<const std::string&>();
    return v == "NULL" ? std::string() : v;
}

}  // namespace

// One TDX record (a JSON object, or an XML record turned into one by the XML reader, where
// every value is text).
RouteRecord tdx_cycling_record(const Json& r, size_t index) {
    RouteRecord out;
    out.record = index;
    out.name_field = "RouteName";
    out.county_field = "City";
    if (!r.is_object()) {
        out.refused = "not an object";
        return out;
    }
    const std::string name = field(r, "RouteName");
    const std::string start = field(r, "RoadSectionStart"), end = field(r, "RoadSectionEnd");
    out.name = name.empty() || (start.empty() && end.empty()) ? name : name + "（" + start + "－" + end + "）";
    out.county = field(r, "City");
    auto lines = geo::parse_wkt_lines(field(r, "Geometry"));
    if (!lines) {
        out.refused = with_twd97_hint("Geometry: " + lines.error());
        return out;
    }
    out.lines = std::move(*lines);
    double length = 0;
    for (const auto& l : out.lines) length += geo::length_m(l);
    // The stated length may be a number (JSON) or text (XML).
    double stated = 0;
    if (auto it = r.find("CyclingLength"); it != r.end()) {
        if (it->is_number()) stated = it->get<double>();
        else if (it->is_string()) stated = std::atof(it->get_ref<const std::string&>().c_str());
    }
    if (stated > 0 && std::abs(stated - length) > 0.2 * stated)
        out.notes.push_back("CyclingLength says " + metres(stated));
    const std::string finished = field(r, "FinishedTime");
    if (!finished.empty() && !text::parse_roc_date(finished))
        out.notes.push_back("FinishedTime \"" + finished + "\" is not an ROC date, ignored");
    return out;
}

Result<std::vector<RouteRecord>> read_tdx_cycling_json(const Json& document) {
    if (!document.is_array()) return Error{"expected TDX's array of cycling-route records"};
    std::vector<RouteRecord> out;
    for (size_t i = 0; i < document.size(); ++i) out.push_back(tdx_cycling_record(document[i], i));
    return out;
}

// -----------------------------------------------------------------------------------------
// [SECTION] The common rules
// -----------------------------------------------------------------------------------------

namespace {

const char* const kPointNames[] = {"first point", "middle point", "last point"};

}  // namespace

RouteImport take_routes(const std::vector<RouteRecord>& records, const std::string& format, const std::string& tag,
                        const std::vector<County>& counties, const RouteImportOptions& options) {
    RouteImport out;
    out.format = format;
    const geo::BBox region = geo::northern_taiwan();
    for (const auto& r : records) {
        ImportLine line;
        line.record = r.record;
        line.what = r.name.empty() ? "(no " + r.name_field + ")" : r.name;
        out.report.push_back(line);
        ImportLine& l = out.report.back();
        if (!r.refused.empty()) {
            l.detail = r.refused;
            continue;
        }
        if (r.name.empty()) {
            l.detail = r.name_field + ": missing";
            continue;
        }
        if (r.lines.empty() || r.lines.front().empty()) {
            l.detail = "no line";
            continue;
        }
        // The county: the record's word, else the flag, else the basemap.
        std::string county, from;
        if (!r.county.empty()) {
            county = county_id_of(r.county, counties);
            if (county.empty()) {
                l.detail = r.county_field + ": \"" + r.county + "\" is not one of the eight counties";
                continue;
            }
            from = "from " + r.county_field;
        } else if (!options.county.empty()) {
            county = options.county;
            from = "from --county";
        } else if (options.areas) {
            const geo::Polyline& first = r.lines.front();
            const geo::LatLon probes[] = {first.front(), first[first.size() / 2], r.lines.back().back()};
            AreaHit hit;
            size_t probe = 0;
            for (; probe < 3 && hit.area.empty(); ++probe) hit = county_at(*options.areas, probes[probe], counties);
            if (hit.area.empty()) {
                l.detail = "county: the record names none, no --county was given, and its line lies in no county area of the basemap";
                continue;
            }
            if (hit.county.empty()) {
                l.detail = std::string("county: its ") + kPointNames[probe - 1] + " lies in " + hit.area +
                           ", not one of the eight counties";
                continue;
            }
            county = hit.county;
            from = std::string("from the basemap: its ") + kPointNames[probe - 1] + " lies in " + hit.area;
        } else {
            l.detail = "county: the record names none; give --county (or the basemap)";
            continue;
        }
        bool inside = true;
        for (const auto& line_ : r.lines)
            for (const auto& p : line_) inside = inside && region.contains(p);
        if (!inside) {
            l.detail = "positions outside northern Taiwan (is it TWD97 metres rather than degrees?)";
            continue;
        }
        double length = 0;
        const std::string id = county + "-" + tag + "-" + std::to_string(r.record + 1);
        for (size_t k = 0; k < r.lines.size(); ++k) {
            out.routes.push_back({k == 0 ? id : id + "#" + std::to_string(k + 1), r.name, county, r.lines[k]});
            length += geo::length_m(r.lines[k]);
        }
        l.taken = true;
        l.detail = county + " (" + from + "): " + std::to_string(r.lines.size()) + " line(s), " + metres(length);
        for (const auto& note : r.notes) l.detail += "; " + note;
    }
    return out;
}

// -----------------------------------------------------------------------------------------
// [SECTION] Telling the formats apart
// -----------------------------------------------------------------------------------------

// Defined in import_routes_xml.cpp: either XML form, `format`/`tag` saying which it was.
Result<std::vector<RouteRecord>> read_route_xml(std::string_view xml, std::string& format, std::string& tag);

Result<RouteImport> import_routes(std::string_view text, const std::string& source, const std::vector<County>& counties,
                                  const RouteImportOptions& options) {
    size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    while (start < text.size() && (text[start] == ' ' || text[start] == '\t' || text[start] == '\r' || text[start] == '\n'))
        ++start;
    if (start == text.size()) return Error{source + ": the file is empty"};
    if (text[start] == '<') {
        std::string format, tag;
        auto records = read_route_xml(text, format, tag);
        if (!records) return Error{source + ": " + records.error()};
        return take_routes(*records, format, tag, counties, options);
    }
    auto json = text::parse_json_text(text.substr(start), source);
    if (!json) return Error{json.error()};
    if (json->is_array()) {
        auto records = read_tdx_cycling_json(*json);
        if (!records) return Error{source + ": " + records.error()};
        return take_routes(*records, "TDX Cycling Shape JSON", "tdx", counties, options);
    }
    auto records = read_geojson_routes(*json);
    if (!records)
        return Error{source + ": " + records.error() +
                     " (routes are read from GeoJSON, TDX Cycling Shape JSON or XML, and KML)"};
    return take_routes(*records, "GeoJSON", "geojson", counties, options);
}

}  // namespace beitai::content
