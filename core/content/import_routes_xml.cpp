// Bike routes from XML: TDX's Cycling Shape as XML, and KML (import_routes.h).
//
// Both are parsed with pugixml under the most restrictive settings, as the parking XML is
// (core/parking/tdx_xml.cpp): no DTD, no entities beyond XML's own, no processing
// instructions. Namespaces are ignored (element names are matched by their local name): TDX
// and KML writers differ in the prefixes they use, not in the names.
//
// Index of this file:
// [SECTION] Walking the tree
// [SECTION] TDX Cycling Shape XML
// [SECTION] KML

#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "content/import_routes.h"
#include "text/text_position.h"

namespace beitai::content {

using text::Json;

// import_routes.cpp: one TDX record, from the object its fields make.
RouteRecord tdx_cycling_record(const Json& record, size_t index);

namespace {

// -----------------------------------------------------------------------------------------
// [SECTION] Walking the tree
// -----------------------------------------------------------------------------------------

// Deeper than any real document: a KML Folder in a Folder in a Document, a TDX list. The walk
// stops there, so a hostile file cannot make it recurse without end.
constexpr int kMaxDepth = 32;

std::string_view local_name(const pugi::xml_node& node) {
    std::string_view name = node.name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child_named(const pugi::xml_node& node, std::string_view name) {
    for (const pugi::xml_node& c : node.children())
        if (c.type() == pugi::node_element && local_name(c) == name) return c;
    return {};
}

std::string trimmed_text(const pugi::xml_node& node) {
    std::string s = node.child_value();
    if (s.empty())  // the text may be CDATA, or come after a comment
        for (const pugi::xml_node& c : node.children())
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) s += c.value();
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// Every element for which `is_record` holds, in document order, not looking inside them.
template <class Pred>
bool collect(const pugi::xml_node& node, int depth, Pred is_record, std::vector<pugi::xml_node>& out) {
    if (depth > kMaxDepth) return false;
    for (const pugi::xml_node& c : node.children()) {
        if (c.type() != pugi::node_element) continue;
        if (is_record(c)) out.push_back(c);
        else if (!collect(c, depth + 1, is_record, out)) return false;
    }
    return true;
}

// -----------------------------------------------------------------------------------------
// [SECTION] TDX Cycling Shape XML
// -----------------------------------------------------------------------------------------

// A record is any element holding a RouteName or a Geometry, whatever its own name and the
// list's; its child elements become the fields of the JSON record, all as text.
Result<std::vector<RouteRecord>> tdx_records(const pugi::xml_node& root) {
    std::vector<pugi::xml_node> found;
    auto is_record = [](const pugi::xml_node& n) { return child_named(n, "RouteName") || child_named(n, "Geometry"); };
    if (!collect(root, 1, is_record, found)) return Error{"nested deeper than " + std::to_string(kMaxDepth) + " elements"};
    if (found.empty()) return Error{"no cycling-route record (an element with RouteName or Geometry) in the XML"};
    std::vector<RouteRecord> out;
    for (size_t i = 0; i < found.size(); ++i) {
        Json record = Json::object();
        for (const pugi::xml_node& c : found[i].children())
            if (c.type() == pugi::node_element) record[std::string(local_name(c))] = trimmed_text(c);
        out.push_back(tdx_cycling_record(record, i));
    }
    return out;
}

// -----------------------------------------------------------------------------------------
// [SECTION] KML
// -----------------------------------------------------------------------------------------

// "lon,lat[,alt] lon,lat[,alt] …" (KML 2.2 §16.9.1); the problem, or "" when it reads.
std::string kml_coordinates(const std::string& text, geo::Polyline& out) {
    size_t i = 0, tuple = 0;
    while (true) {
        while (i < text.size() && std::strchr(" \t\r\n", text[i])) ++i;
        if (i >= text.size()) break;
        size_t end = i;
        while (end < text.size() && !std::strchr(" \t\r\n", text[end])) ++end;
        const std::string t = text.substr(i, end - i);
        i = end;
        double v[3] = {0, 0, 0};
        size_t n = 0, at = 0;
        bool ok = true;
        while (ok && at <= t.size() && n < 4) {
            const size_t comma = std::min(t.find(',', at), t.size());
            const std::string part = t.substr(at, comma - at);
            char* stop = nullptr;
            const double value = std::strtod(part.c_str(), &stop);
            ok = !part.empty() && *stop == '\0' && std::isfinite(value);
            if (ok && n < 3) v[n] = value;
            ++n;
            at = comma + 1;
        }
        if (!ok || n < 2 || n > 3) return "coordinates: tuple " + std::to_string(tuple) + " \"" + t + "\": expected lon,lat[,alt]";
        if (!(v[0] >= -180 && v[0] <= 180) || !(v[1] >= -90 && v[1] <= 90))
            return "coordinates: tuple " + std::to_string(tuple) + " \"" + t + "\": out of range (TWD97 metres rather than WGS84 degrees?)";
        out.push_back({v[1], v[0]});
        ++tuple;
    }
    return {};
}

// The LineStrings of a geometry (itself, or inside a MultiGeometry at any depth); what else it
// holds is named in `others`.
std::string kml_lines(const pugi::xml_node& geometry, int depth, std::vector<geo::Polyline>& lines, std::string& others) {
    if (depth > kMaxDepth) return "MultiGeometry nested too deep";
    const std::string_view name = local_name(geometry);
    if (name == "LineString") {
        geo::Polyline line;
        std::string problem = kml_coordinates(trimmed_text(child_named(geometry, "coordinates")), line);
        if (!problem.empty()) return "LineString " + std::to_string(lines.size()) + ": " + problem;
        if (line.size() < 2) return "LineString " + std::to_string(lines.size()) + ": fewer than 2 positions";
        lines.push_back(std::move(line));
    } else if (name == "MultiGeometry") {
        for (const pugi::xml_node& c : geometry.children())
            if (c.type() == pugi::node_element)
                if (std::string problem = kml_lines(c, depth + 1, lines, others); !problem.empty()) return problem;
    } else if (name == "Point" || name == "Polygon" || name == "LinearRing" || name == "Model" || name == "Track" ||
               name == "MultiTrack") {
        if (others.empty()) others = std::string(name);
    }
    return {};
}

// ExtendedData's <Data name="…"><value> or <SchemaData><SimpleData name="…">.
std::string kml_data(const pugi::xml_node& placemark, std::initializer_list<const char*> keys, std::string& found) {
    const pugi::xml_node data = child_named(placemark, "ExtendedData");
    if (!data) return {};
    for (const char* key : keys) {
        for (const pugi::xml_node& d : data.children()) {
            if (d.type() != pugi::node_element) continue;
            if (local_name(d) == "Data" && std::strcmp(d.attribute("name").value(), key) == 0) {
                const std::string v = trimmed_text(child_named(d, "value"));
                if (!v.empty()) return found = key, v;
            }
            if (local_name(d) == "SchemaData")
                for (const pugi::xml_node& s : d.children())
                    if (s.type() == pugi::node_element && local_name(s) == "SimpleData" &&
                        std::strcmp(s.attribute("name").value(), key) == 0) {
                        const std::string v = trimmed_text(s);
                        if (!v.empty()) return found = key, v;
                    }
        }
    }
    return {};
}

Result<std::vector<RouteRecord>> kml_records(const pugi::xml_node& root) {
    std::vector<pugi::xml_node> found;
    auto is_placemark = [](const pugi::xml_node& n) { return local_name(n) == "Placemark"; };
    if (!collect(root, 1, is_placemark, found)) return Error{"nested deeper than " + std::to_string(kMaxDepth) + " elements"};
    std::vector<RouteRecord> out;
    for (size_t i = 0; i < found.size(); ++i) {
        RouteRecord r;
        r.record = i;
        r.name = trimmed_text(child_named(found[i], "name"));
        std::string key;
        r.county = kml_data(found[i], {"county", "City", "COUNTYNAME"}, key);
        r.county_field = "ExtendedData " + key;
        std::string others;
        for (const pugi::xml_node& c : found[i].children()) {
            if (c.type() != pugi::node_element) continue;
            if (std::string problem = kml_lines(c, 1, r.lines, others); !problem.empty()) {
                r.refused = problem;
                break;
            }
        }
        if (r.refused.empty() && r.lines.empty())
            r.refused = others.empty() ? "no geometry" : "a " + others + ", not a LineString";
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace

Result<std::vector<RouteRecord>> read_route_xml(std::string_view xml, std::string& format, std::string& tag) {
    // No parse_doctype, parse_pi, parse_comments or parse_declaration: a DTD is skipped, never
    // read, and no entity of it is expanded.
    constexpr unsigned flags = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_eol;
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), flags, pugi::encoding_utf8);
    if (!parsed) return Error{text::text_position(xml, static_cast<size_t>(parsed.offset)) + ": " + parsed.description()};
    const pugi::xml_node root = doc.document_element();
    if (!root) return Error{"no root element"};
    if (local_name(root) == "kml") {
        format = "KML";
        tag = "kml";
        return kml_records(root);
    }
    format = "TDX Cycling Shape XML";
    tag = "tdx";
    return tdx_records(root);
}

Result<std::vector<RouteRecord>> read_tdx_cycling_xml(std::string_view xml) {
    std::string format, tag;
    auto records = read_route_xml(xml, format, tag);
    if (records && tag != "tdx") return Error{"a KML document, not TDX's XML"};
    return records;
}

Result<std::vector<RouteRecord>> read_kml_routes(std::string_view kml) {
    std::string format, tag;
    auto records = read_route_xml(kml, format, tag);
    if (records && tag != "kml") return Error{"the root element is not <kml>"};
    return records;
}

}  // namespace beitai::content
