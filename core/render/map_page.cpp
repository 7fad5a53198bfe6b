#include "render/map_page.h"

#include "render/map_lists.h"
#include "render/parking_views.h"
#include "render/site_card.h"
#include "text/html.h"

namespace beitai::render {

using text::escape_html;
using text::tr;

std::string planned_route_html(const bikenet::PlannedRoute& r, const MapData& data, text::Lang lang) {
    const bool en = lang == text::Lang::en;
    if (!r.found) return "<p class=\"error\" role=\"alert\">" + escape_html(r.message) + "</p>";
    std::string counties;
    for (const auto& c : r.counties) counties += (counties.empty() ? "" : " → ") + county_label(data, c, lang);
    std::string out = "<dl class=\"facts plan-result\" data-length=\"" + std::to_string(static_cast<long long>(r.length_m)) +
                      "\"><div class=\"fact\"><dt>" + escape_html(tr("map.length", lang)) + "</dt><dd>" +
                      escape_html(distance_text(r.length_m)) + "</dd></div><div class=\"fact\"><dt>" +
                      escape_html(en ? "Counties crossed" : "經過縣市") + "</dt><dd data-counties=\"" +
                      std::to_string(r.counties.size()) + "\">" + escape_html(counties) + "</dd></div>";
    if (!r.breaks.empty()) {
        std::string legs;
        for (const auto& b : r.breaks)
            legs += "<li>" + escape_html(county_label(data, b.county_from, lang)) + " – " +
                    escape_html(county_label(data, b.county_to, lang)) + " · " + escape_html(distance_text(b.distance_m)) + "</li>";
        out += "<div class=\"fact\"><dt>" + escape_html(en ? "Off the network at breaks" : "須離開路網的斷點") +
               "</dt><dd><ul class=\"plan-breaks\">" + legs + "</ul></dd></div>";
    }
    return out + "</dl>";
}

TileSource tile_source(const std::string& name) {
    if (name == "osm") return {"https://tile.openstreetmap.org/{z}/{x}/{y}.png", "&copy; OpenStreetMap contributors"};
    if (name == "nlsc")
        return {"https://wmts.nlsc.gov.tw/wmts/EMAP/default/GoogleMapsCompatible/{z}/{y}/{x}",
                "&copy; 內政部國土測繪中心 臺灣通用電子地圖"};
    return {};
}

std::string map_page_html(const MapData& data, const MapView& view, const PlanRequest& plan, bool sample_data,
                          const TileSource& tiles, text::Lang lang) {
    auto checkbox = [&](const char* name, bool on) {
        return "<label><input type=\"checkbox\" name=\"layer\" value=\"" + std::string(name) + "\"" + (on ? " checked" : "") +
               "> " + escape_html(tr(std::string("map.layer.") + name, lang)) + "</label>";
    };
    std::string svg_query = text::to_query_string(to_params(view));
    std::string out = "<h1>" + escape_html(tr("map.title", lang)) + "</h1>";
    if (sample_data || (data.parking && data.parking->sample())) out += "<p class=\"sample-note\">" + sample_badge_html(lang) + " " + escape_html(tr("map.sample_title", lang)) + "</p>";
    out += "<div class=\"map-layout\"><form id=\"map-layers\" class=\"filters\" method=\"get\" action=\"/map\">"
           "<input type=\"hidden\" name=\"layers\" value=\"\"><fieldset><legend>" +
           escape_html(tr("map.layers", lang)) + "</legend>" + checkbox("basemap", view.layers.basemap) +
           checkbox("routes", view.layers.routes) + checkbox("gaps", view.layers.gaps) + checkbox("sites", view.layers.sites) +
           (data.parking ? checkbox("parking", view.layers.parking) : std::string()) + "</fieldset><button type=\"submit\">" + escape_html(tr("map.apply", lang)) + "</button></form>";
    out += "<div class=\"map-column\"><div id=\"map\" class=\"map map-large\" role=\"region\" aria-label=\"" +
           escape_html(tr("map.title", lang)) + "\" data-tiles=\"" + escape_html(tiles.url) + "\" data-tiles-attribution=\"" +
           escape_html(tiles.attribution) + "\"" + (data.parking ? " data-parking=\"live\"" : "") + " data-view=\"" +
           escape_html(svg_query) +
           "\"><noscript><img class=\"map-fallback\" src=\"/map.svg?" + escape_html(svg_query) + "\" alt=\"" +
           escape_html(tr("map.title", lang)) + "\" width=\"960\" height=\"720\"><p>" + escape_html(tr("map.no_js", lang)) +
           "</p></noscript></div>";
    out += "<form id=\"map-plan\" class=\"plan\" method=\"get\" action=\"/map\"><h2>" + escape_html(tr("map.plan", lang)) +
           "</h2><p class=\"hint\">" + escape_html(tr("map.plan_hint", lang)) + "</p><div class=\"plan-fields\">" +
           "<div class=\"field\"><label for=\"plan-from\">" + escape_html(tr("map.from", lang)) +
           "</label><input id=\"plan-from\" name=\"from\" value=\"" + escape_html(plan.from) +
           "\" placeholder=\"25.0478,121.5170\" inputmode=\"decimal\"></div><div class=\"field\"><label for=\"plan-to\">" +
           escape_html(tr("map.to", lang)) + "</label><input id=\"plan-to\" name=\"to\" value=\"" + escape_html(plan.to) +
           "\" placeholder=\"24.8066,120.9686\" inputmode=\"decimal\"></div><button type=\"submit\">" +
           escape_html(tr("map.plan_go", lang)) + "</button> <button type=\"button\" id=\"locate-me\" hidden>" +
           escape_html(tr("map.locate", lang)) + "</button></div><div id=\"plan-result\" aria-live=\"polite\">";
    if (!plan.error.empty()) out += "<p class=\"error\" role=\"alert\">" + escape_html(plan.error) + "</p>";
    else if (plan.result) out += planned_route_html(*plan.result, data, lang);
    // The feeds' freshness under the planner: the browser replaces it as events arrive.
    out += "</div></form>" + parking_feeds_html(data, lang) + "</div></div><div class=\"layer-lists\">" +
           gaps_list_html(data, lang) + routes_list_html(data, lang) + sites_list_html(data, lang) +
           parking_list_html(data, lang) + "</div>";
    return out;
}

}  // namespace beitai::render
