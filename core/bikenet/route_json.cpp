#include "bikenet/route_json.h"

#include "geo/geojson.h"

namespace beitai::bikenet {

using text::Json;

namespace {

Json point_json(geo::LatLon p) { return {{"lat", p.lat}, {"lon", p.lon}}; }

geo::LatLon read_point(text::ObjectReader& parent, const char* key) {
    const Json* node = parent.object(key);
    if (!node) return {};
    text::ObjectReader r(*node, parent.path_of(key), parent.diagnostics());
    geo::LatLon p{r.number("lat"), r.number("lon")};
    r.reject_unknown_keys();
    if (parent.diagnostics().empty() && !geo::is_valid(p)) parent.error(key, "coordinates out of range");
    return p;
}

}  // namespace

Json planned_route_json(const PlannedRoute& plan, bool sample) {
    geo::Geometry path;
    path.type = geo::GeometryType::line_string;
    path.lines = {plan.path};
    Json breaks = Json::array();
    for (const auto& b : plan.breaks)
        breaks.push_back({{"from", point_json(b.from)}, {"to", point_json(b.to)}, {"distance_m", b.distance_m},
                          {"county_from", b.county_from}, {"county_to", b.county_to}});
    return {{"found", plan.found},
            {"message", plan.message},
            {"length_m", plan.length_m},
            {"off_network_m", plan.off_network_m},
            {"counties", plan.counties},
            {"routes", plan.route_ids},
            {"breaks", breaks},
            {"start", point_json(plan.start)},
            {"end", point_json(plan.end)},
            {"path", geo::geometry_json(path)},
            {"sample", sample}};
}

Result<PlannedRouteReply> read_planned_route_json(const Json& root) {
    text::Diagnostics diagnostics("/api/bikenet/route");
    text::ObjectReader r(root, "", diagnostics);
    PlannedRouteReply out;
    PlannedRoute& plan = out.route;
    plan.found = r.boolean("found");
    if (auto message = r.optional_string("message")) plan.message = *message;
    plan.length_m = r.number("length_m");
    plan.off_network_m = r.number("off_network_m");
    plan.counties = r.string_array("counties");
    plan.route_ids = r.string_array("routes");
    if (const Json* breaks = r.array("breaks")) {
        for (size_t i = 0; i < breaks->size(); ++i) {
            text::ObjectReader b((*breaks)[i], text::index_path(r.path_of("breaks"), i), diagnostics);
            OffNetworkLeg leg;
            leg.from = read_point(b, "from");
            leg.to = read_point(b, "to");
            leg.distance_m = b.number("distance_m");
            if (auto c = b.optional_string("county_from")) leg.county_from = *c;
            if (auto c = b.optional_string("county_to")) leg.county_to = *c;
            b.reject_unknown_keys();
            plan.breaks.push_back(std::move(leg));
        }
    }
    plan.start = read_point(r, "start");
    plan.end = read_point(r, "end");
    if (const Json* path = r.object("path")) {
        // No route found: no path, written as a LineString without positions.
        const auto coordinates = path->find("coordinates");
        const bool none = !plan.found && coordinates != path->end() && coordinates->is_array() && coordinates->empty();
        geo::Geometry line;
        if (!none && geo::read_geometry(*path, r.path_of("path"), diagnostics, line)) {
            if (line.type != geo::GeometryType::line_string) r.error("path", "expected a LineString");
            else plan.path = line.lines.front();
        }
    }
    out.sample = r.boolean("sample");
    r.reject_unknown_keys();
    if (!diagnostics.empty()) return Error{diagnostics.joined()};
    return out;
}

}  // namespace beitai::bikenet
