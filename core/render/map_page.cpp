#include "render/map_page.h"

#include <cstdio>

#include "bikenet/plan_words.h"
#include "render/map_legend.h"
#include "render/map_lists.h"
#include "render/map_place.h"
#include "render/parking_views.h"
#include "render/site_card.h"
#include "text/html.h"

namespace beitai::render {

using text::escape_html;
using text::tr;

std::string planned_route_html(const bikenet::PlannedRoute& r, const MapData& data, text::Lang lang) {
    if (!r.found)
        return "<p class=\"error\" role=\"alert\">" +
               escape_html(bikenet::plan_failure_text(r.failure, bikenet::PlanOptions{}, lang)) + "</p>";
    std::string counties;
    for (const auto& c : r.counties) counties += (counties.empty() ? "" : " → ") + county_label(data, c, lang);
    std::string out = "<dl class=\"facts plan-result\" data-length=\"" + std::to_string(static_cast<long long>(r.length_m)) +
                      "\"><div class=\"fact\"><dt>" + escape_html(tr("map.length", lang)) + "</dt><dd>" +
                      escape_html(distance_text(r.length_m)) + "</dd></div><div class=\"fact\"><dt>" +
                      escape_html(tr("map.counties_crossed", lang)) + "</dt><dd data-counties=\"" +
                      std::to_string(r.counties.size()) + "\">" + escape_html(counties) + "</dd></div>";
    if (r.off_network_m > 0)
        out += "<div class=\"fact\"><dt>" + escape_html(tr("map.off_network_total", lang)) + "</dt><dd>" +
               escape_html(distance_text(r.off_network_m)) + "</dd></div>";
    out += "</dl>";
    if (r.legs.empty()) return out;
    // The legs in order, each with what it is: a bike route by name, or the way off the
    // network (to it, across a break, on roads, from it) between the counties it joins.
    auto route_name = [&](const std::string& id) -> std::string {
        if (data.network)
            for (const auto& route : data.network->routes)
                if (route.id == id) return route.name;
        return id;
    };
    std::string legs;
    for (const auto& leg : r.legs) {
        std::string what = std::string(bikenet::leg_kind_label(leg.kind, lang));
        if (leg.kind == bikenet::LegKind::route) what += " · " + route_name(leg.route_id);
        else if (!leg.county_from.empty() && !leg.county_to.empty() && leg.county_from != leg.county_to)
            what += " · " + county_label(data, leg.county_from, lang) + " – " + county_label(data, leg.county_to, lang);
        legs += "<li class=\"leg\" data-kind=\"" + std::string(bikenet::leg_kind_id(leg.kind)) + "\" data-length=\"" +
                std::to_string(static_cast<long long>(leg.length_m)) + "\">" + escape_html(what) + " · " +
                escape_html(distance_text(leg.length_m)) + "</li>";
    }
    out += "<h3 class=\"plan-legs-title\">" + escape_html(tr("map.legs", lang)) + "</h3><ol class=\"plan-legs\">" + legs + "</ol>";
    if (r.off_network_m > 0) out += "<p class=\"hint\">" + escape_html(tr("map.legs_note", lang)) + "</p>";
    return out;
}

TileSource tile_source(const std::string& name, text::Lang lang) {
    // Leaflet shows the attribution as HTML: escaped here, once.
    if (name == "osm")
        return {"https://tile.openstreetmap.org/{z}/{x}/{y}.png", escape_html(tr("map.attribution_osm", lang))};
    if (name == "nlsc")
        return {"https://wmts.nlsc.gov.tw/wmts/EMAP/default/GoogleMapsCompatible/{z}/{y}/{x}",
                escape_html(tr("map.attribution_nlsc", lang))};
    return {};
}

void plan_route(PlanRequest& plan, const MapData& data, const bikenet::RoutePlanner& planner, text::Lang lang) {
    auto from = resolve_place(plan.from, std::string(tr("map.from", lang)), data.sites, data.counties, lang);
    auto to = resolve_place(plan.to, std::string(tr("map.to", lang)), data.sites, data.counties, lang);
    if (!from) plan.from_error = from.error();
    if (!to) plan.to_error = to.error();
    if (from && to) plan.result = planner.plan(from->at, to->at);
}

std::string map_point_actions_html(geo::LatLon at, text::Lang lang) {
    char value[64];
    std::snprintf(value, sizeof value, "%.5f,%.5f", at.lat, at.lon);
    return "<div class=\"point-actions\"><p>" + std::string(value) + "</p><button type=\"button\" data-set=\"from\" data-value=\"" +
           value + "\">" + escape_html(tr("map.set_start", lang)) + "</button> <button type=\"button\" data-set=\"to\" data-value=\"" +
           value + "\">" + escape_html(tr("map.set_end", lang)) + "</button></div>";
}

namespace {

// A field of the planner: its label, the text typed, the error about it next to it.
std::string plan_field(const char* name, const char* label_key, const std::string& value, const std::string& error,
                       const char* placeholder, text::Lang lang) {
    const std::string id = std::string("plan-") + name;
    return "<div class=\"field\"><label for=\"" + id + "\">" + escape_html(tr(label_key, lang)) + "</label><input id=\"" + id +
           "\" name=\"" + name + "\" type=\"text\" inputmode=\"text\" autocomplete=\"off\" list=\"plan-places\" value=\"" +
           escape_html(value) + "\" placeholder=\"" + placeholder + "\" aria-describedby=\"plan-hint " + id + "-error\"" +
           (error.empty() ? "" : " aria-invalid=\"true\"") + "><p class=\"field-error\" id=\"" + id + "-error\"" +
           (error.empty() ? " hidden" : "") + ">" + escape_html(error) + "</p></div>";
}

}  // namespace

std::string map_page_html(const MapData& data, const MapView& view, const PlanRequest& plan, bool sample_data,
                          const TileSource& tiles, text::Lang lang) {
    std::string svg_query = text::to_query_string(to_params(view));
    std::string out = "<h1>" + escape_html(tr("map.title", lang)) + "</h1>";
    if (sample_data || (data.parking && data.parking->sample())) out += sample_note_html(lang);
    // The map first: on a phone it is the first screen, the legend and planner below it.
    out += "<div class=\"map-layout\"><div class=\"map-column\"><div id=\"map\" class=\"map map-large\" role=\"region\" aria-label=\"" +
           escape_html(tr("map.title", lang)) + "\" data-tiles=\"" + escape_html(tiles.url) + "\" data-tiles-attribution=\"" +
           escape_html(tiles.attribution) + "\"" + (data.parking ? " data-parking=\"live\"" : "") + " data-view=\"" +
           escape_html(svg_query) +
           "\"><noscript><img class=\"map-fallback\" src=\"/map.svg?" + escape_html(svg_query) + "\" alt=\"" +
           escape_html(tr("map.title", lang)) + "\" width=\"960\" height=\"720\"><p>" + escape_html(tr("map.no_js", lang)) +
           "</p></noscript></div><p class=\"map-touch-hint\">" + escape_html(tr("map.touch_hint", lang)) +
           "</p><p id=\"map-status\" class=\"visually-hidden\" aria-live=\"polite\"></p>";
    // The feature a "show on map" link asked for, as its card: without JavaScript this is
    // where it shows; with it, the map opens the same card on the feature.
    if (!view.focus.empty()) {
        const std::string card = map_card_html(data, view.focus, lang);
        if (!card.empty())
            out += "<section id=\"map-focus\" class=\"map-focus\" aria-labelledby=\"map-focus-h\"><h2 id=\"map-focus-h\">" +
                   escape_html(tr("map.focus_title", lang)) + "</h2>" + card + "</section>";
    }
    out += "</div><form id=\"map-layers\" class=\"filters legend-form\" method=\"get\" action=\"/map\">"
           "<input type=\"hidden\" name=\"layers\" value=\"\">" +
           map_legend_html(data, view, lang) + "<button type=\"submit\">" + escape_html(tr("map.apply", lang)) + "</button></form>";
    out += "<form id=\"map-plan\" class=\"plan\" method=\"get\" action=\"/map\"><h2>" + escape_html(tr("map.plan", lang)) +
           "</h2><p class=\"hint\" id=\"plan-hint\">" + escape_html(tr("map.plan_hint_places", lang)) + "</p><div class=\"plan-fields\">" +
           plan_field("from", "map.from", plan.from, plan.from_error, lang == text::Lang::en ? "Taipei City" : "臺北市", lang) +
           plan_field("to", "map.to", plan.to, plan.to_error, "24.8066,120.9686", lang) + "<button type=\"submit\">" +
           escape_html(tr("map.plan_go", lang)) + "</button> <button type=\"button\" id=\"locate-me\" hidden>" +
           escape_html(tr("map.locate", lang)) + "</button></div><datalist id=\"plan-places\">";
    for (const auto& name : place_names(data.sites, data.counties, lang)) out += "<option value=\"" + escape_html(name) + "\">";
    out += "</datalist><div id=\"plan-result\" aria-live=\"polite\">";
    if (!plan.error.empty()) out += "<p class=\"error\" role=\"alert\">" + escape_html(plan.error) + "</p>";
    else if (plan.result) out += planned_route_html(*plan.result, data, lang);
    // The feeds' freshness under the planner: the browser replaces it as events arrive.
    const bool parking = view.layers.parking;
    out += "</div></form>" + (parking ? parking_feeds_html(data, lang) : parking_feeds_off_html(data)) +
           "</div><div class=\"layer-lists\">" + gaps_list_html(data, lang) + routes_list_html(data, lang) +
           sites_list_html(data, lang, view.county) +
           (parking ? parking_list_html(data, lang) : parking_list_off_html(data, lang)) + "</div>";
    return out;
}

}  // namespace beitai::render
