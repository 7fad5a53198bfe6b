// The map's pages: /map (server-rendered, with the same Scene as an SVG picture until Leaflet
// takes over), /map.svg, and the layers as lists (/map/sites, /map/routes, /map/gaps).
#include "render/map_lists.h"
#include "render/map_page.h"
#include "render/notices.h"
#include "render/page.h"
#include "render/site_card.h"
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

// The map's data with the live car parks as they are now (the caller keeps `parking` alive
// while it renders).
render::MapData with_parking(render::MapData data, const std::shared_ptr<const parking::ParkingSnapshot>& parking,
                             UnixTime now) {
    if (parking) {
        data.parking = parking.get();
        data.now = now;
    }
    return data;
}

}  // namespace

Response Portal::map_page(const Call& call) {
    const Request& request = call.request;
    const text::Lang lang = request_lang(request);
    render::PageFrame frame = page_frame(request, "map");
    frame.title = std::string(text::tr("map.title", lang));
    frame.styles = {"/vendor/leaflet/leaflet.css"};
    frame.scripts = {"/vendor/leaflet/leaflet.js", "/wasm/beitai_core.js", "/static/js/map.js"};
    // What map.js fetches, and the core's code (compiled while the data arrives).
    frame.preloads = {"/wasm/beitai_core.wasm", "/api/counties", "/api/routes", "/api/sites", "/api/basemap"};
    // lat, lon and zoom are the browser's view of the map, kept in the URL for links.
    auto view = render::parse_map_view(fold_layer_boxes(request.query), {"from", "to", "lat", "lon", "zoom"});
    if (!view) {
        frame.main_html = render::error_main_html(frame.title, view.error(), "/map", "/map");
        return html_page(400, render::page_html(frame));
    }
    view->lang = lang;
    // The live car parks only for a view that shows them (map.js fetches them then, and
    // otherwise when first needed): a first view without them is lighter, and its page,
    // without their live list, is the same from one view to the next (a 304).
    if (parking_ && (view->layers.parking || view->focus.rfind("parking:", 0) == 0)) frame.preloads.push_back("/api/parking");
    if (!view->county.empty() && !content::find_county(map_->counties, view->county)) {
        frame.main_html = render::error_main_html(frame.title, "county: unknown county id \"" + view->county + "\"", "/map", "/map");
        return html_page(400, render::page_html(frame));
    }
    render::PlanRequest plan;
    for (const auto& [k, v] : request.query) {
        if (k == "from") plan.from = v;
        if (k == "to") plan.to = v;
    }
    if (!plan.from.empty() || !plan.to.empty()) render::plan_route(plan, map_->data(), *map_->planner, lang);
    const auto parking = parking_ ? parking_->snapshot() : nullptr;
    frame.main_html = render::map_page_html(with_parking(map_->data(), parking, call.now), *view, plan, map_->routes_sample || map_->sites.sample,
                                            render::tile_source(config_.tiles, lang), lang);
    return html_page(200, render::page_html(frame));
}

Response Portal::map_sites_page(const Call& call) { return map_list_page(call, "sites"); }
Response Portal::map_routes_page(const Call& call) { return map_list_page(call, "routes"); }
Response Portal::map_gaps_page(const Call& call) { return map_list_page(call, "gaps"); }

Response Portal::map_list_page(const Call& call, const std::string& layer) const {
    const Request& request = call.request;
    const text::Lang lang = request_lang(request);
    render::PageFrame frame = page_frame(request, "map");
    frame.title = std::string(text::tr(layer == "sites" ? "map.sites_by_county" : layer == "gaps" ? "map.gaps_list" : "map.routes_list", lang));
    // A list page's mistakes come as a page (the reader followed or typed a link), with the
    // way back to the map.
    const auto refused = [&](const std::string& message) {
        frame.main_html = render::error_main_html(frame.title, message, "/map", "/map");
        return html_page(400, render::page_html(frame));
    };
    if (layer == "gaps") {
        if (!request.query.empty()) return refused("/map/gaps takes no parameters");
        frame.main_html = render::back_link_html("/map", text::tr("map.title", lang)) +
                          (map_->routes_sample ? render::sample_note_html(lang) : std::string()) +
                          render::gaps_list_html(map_->data(), lang, SIZE_MAX);
        return html_page(200, render::page_html(frame));
    }
    std::string county;
    for (const auto& [k, v] : request.query) {
        if (k == "county") county = v;
        else return refused("unknown parameter \"" + k + "\" (known: county)");
    }
    // No county: every county's (folded to a link per county when there are many).
    if (!county.empty() && !content::find_county(map_->counties, county))
        return refused("county: unknown county id \"" + county + "\"");
    const auto data = map_->data();
    const bool sample = layer == "sites" ? map_->sites.sample : map_->routes_sample;
    frame.main_html = render::back_link_html("/map", text::tr("map.title", lang)) +
                      (sample ? render::sample_note_html(lang) : std::string()) +
                      (layer == "sites" ? render::sites_list_html(data, lang, county, render::kInlineListLimit, render::ListPlace::own_page)
                                         : render::routes_list_html(data, lang, county, render::kInlineListLimit, render::ListPlace::own_page));
    return html_page(200, render::page_html(frame));
}

Response Portal::map_svg(const Call& call) {
    const Request& request = call.request;
    auto view = render::parse_map_view(request.query);
    if (!view) return Response::json_error(400, view.error());
    view->lang = request_lang(request);
    render::SvgOptions options;
    options.width = 960;
    options.height = 720;
    options.title = std::string(text::tr("map.title", view->lang));
    if (map_->routes_sample || map_->sites.sample) options.sample_label = render::sample_label_text(view->lang);
    Response r;
    r.content_type = "image/svg+xml";
    const auto parking = parking_ ? parking_->snapshot() : nullptr;
    r.body = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
             render::map_svg(with_parking(map_->data(), parking, call.now), *view, options);
    return r;
}

}  // namespace beitai::site
