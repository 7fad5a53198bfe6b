#include "bikenet/route_json.h"

#include "bikenet/plan_words.h"
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

namespace {

constexpr const char* kFailureIds[] = {"", "start_far", "end_far", "unconnected"};

}  // namespace

Json planned_route_json(const PlannedRoute& plan, bool sample, text::Lang lang, const PlanOptions& options) {
    geo::Geometry path;
    path.type = geo::GeometryType::line_string;
    path.lines = {plan.path};
    Json legs = Json::array();
    for (const auto& leg : plan.legs) {
        Json l = {{"kind", std::string(leg_kind_id(leg.kind))}, {"from", point_json(leg.from)}, {"to", point_json(leg.to)},
                  {"length_m", leg.length_m}, {"county_from", leg.county_from}, {"county_to", leg.county_to}};
        if (leg.kind == LegKind::route) l["route"] = leg.route_id;
        legs.push_back(std::move(l));
    }
    return {{"found", plan.found},
            {"failure", kFailureIds[static_cast<int>(plan.failure)]},
            {"message", plan_failure_text(plan.failure, options, lang)},
            {"length_m", plan.length_m},
            {"off_network_m", plan.off_network_m},
            {"counties", plan.counties},
            {"routes", plan.route_ids},
            {"legs", legs},
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
    const std::string failure = r.optional_string("failure").value_or("");
    bool known = false;
    for (int i = 0; i < 4; ++i)
        if (failure == kFailureIds[i]) {
            plan.failure = static_cast<PlanFailure>(i);
            known = true;
        }
    if (!known) r.error("failure", "expected \"\", start_far, end_far or unconnected");
    out.message = r.optional_string("message").value_or("");
    plan.length_m = r.number("length_m");
    plan.off_network_m = r.number("off_network_m");
    plan.counties = r.string_array("counties");
    plan.route_ids = r.string_array("routes");
    if (const Json* legs = r.array("legs")) {
        for (size_t i = 0; i < legs->size(); ++i) {
            text::ObjectReader l((*legs)[i], text::index_path(r.path_of("legs"), i), diagnostics);
            Leg leg;
            const std::string kind = l.string("kind");
            if (!parse_leg_kind(kind, leg.kind)) l.error("kind", "unknown leg kind \"" + kind.substr(0, 40) + "\"");
            leg.from = read_point(l, "from");
            leg.to = read_point(l, "to");
            leg.length_m = l.number("length_m");
            if (leg.kind == LegKind::route) leg.route_id = l.string("route");
            leg.county_from = l.optional_string("county_from").value_or("");
            leg.county_to = l.optional_string("county_to").value_or("");
            l.reject_unknown_keys();
            plan.legs.push_back(std::move(leg));
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
