#include "render/map_lists.h"

#include <algorithm>
#include <cstdio>

#include "render/prose.h"
#include "render/site_card.h"
#include "text/html.h"
#include "text/url.h"

namespace beitai::render {

using text::escape_html;
using text::tr;

std::string distance_text(double metres) {
    char buf[32];
    if (metres < 1000) std::snprintf(buf, sizeof buf, "%.0f m", metres);
    else std::snprintf(buf, sizeof buf, "%.1f km", metres / 1000);
    return buf;
}

std::string show_on_map_html(const std::string& id, text::Lang lang) {
    // Parking layers are off at first: the link turns the one it points at on.
    const std::string layers = id.rfind("parking:", 0) == 0 ? "layers=basemap%2Croutes%2Cgaps%2Csites%2Cparking&" : "";
    return "<a class=\"show-on-map\" href=\"/map?" + layers + "focus=" + escape_html(text::percent_encode(id)) +
           "#map\" data-focus=\"" + escape_html(id) + "\">" + escape_html(tr("map.show_on_map", lang)) + "</a>";
}

namespace {

std::string details_open_tag(ListPlace place) { return place == ListPlace::own_page ? "<details open>" : "<details>"; }

}  // namespace

std::string sites_list_html(const MapData& data, text::Lang lang, const std::string& only_county, size_t inline_limit,
                            ListPlace place) {
    if (!data.sites || !data.counties) return {};
    const bool folded_to_links = only_county.empty() && data.sites->sites.size() > inline_limit;
    // Lists start folded: a page with thousands of entries opens quickly, and the summary
    // says how many there are.
    std::string out = "<section class=\"layer-list\" id=\"list-sites\" aria-labelledby=\"list-sites-h\">" + details_open_tag(place) +
                      "<summary><h2 id=\"list-sites-h\">" +
                      escape_html(tr("map.sites_by_county", lang)) + " <span class=\"count\">(" +
                      std::to_string(data.sites->sites.size()) + ")</span></h2></summary>";
    if (data.sites->sample) out += "<p>" + sample_badge_html(lang) + "</p>";
    for (const auto& c : *data.counties) {
        if (!only_county.empty() && c.id != only_county) continue;
        std::string items;
        size_t n = 0;
        for (const auto& s : data.sites->sites) {
            if (s.county != c.id) continue;
            ++n;
            if (folded_to_links) continue;
            // A site without a position is listed all the same, saying why it has no marker.
            items += "<li data-site=\"" + escape_html(s.id) + "\">" + site_card_html(s, data.counties, lang, 4) +
                     (s.at ? show_on_map_html(s.id, lang)
                           : "<p class=\"no-position\">" + escape_html(tr("map.no_position", lang)) + "</p>") +
                     "</li>";
        }
        if (n == 0) continue;
        const std::string name = escape_html(lang == text::Lang::en ? c.name_en : c.name_zh);
        if (folded_to_links)
            out += "<h3><a href=\"/map/sites?county=" + escape_html(c.id) + "\">" + name + "</a> <span class=\"count\">(" +
                   std::to_string(n) + ")</span></h3>";
        else
            out += "<h3>" + name + " <span class=\"count\">(" + std::to_string(n) + ")</span></h3><ul data-county=\"" +
                   escape_html(c.id) + "\">" + items + "</ul>";
    }
    return out + "</details></section>";
}

std::string routes_list_html(const MapData& data, text::Lang lang, const std::string& only_county, size_t inline_limit,
                             ListPlace place) {
    if (!data.network) return {};
    if (only_county.empty() && data.network->routes.size() > inline_limit && data.counties) {
        std::string out = "<section class=\"layer-list\" id=\"list-routes\" aria-labelledby=\"list-routes-h\"><h2 id=\"list-routes-h\">" +
                          escape_html(tr("map.routes_list", lang)) + " <span class=\"count\">(" +
                          std::to_string(data.network->routes.size()) + ")</span></h2><ul>";
        for (const auto& c : *data.counties) {
            size_t n = 0;
            for (const auto& r : data.network->routes) n += r.county == c.id;
            if (n > 0)
                out += "<li><a href=\"/map/routes?county=" + escape_html(c.id) + "\">" +
                       escape_html(lang == text::Lang::en ? c.name_en : c.name_zh) + "</a> (" + std::to_string(n) + ")</li>";
        }
        return out + "</ul></section>";
    }
    std::string out = "<section class=\"layer-list\" id=\"list-routes\" aria-labelledby=\"list-routes-h\">" + details_open_tag(place) +
                      "<summary><h2 id=\"list-routes-h\">" +
                      escape_html(tr("map.routes_list", lang)) + " <span class=\"count\">(" +
                      std::to_string(data.network->routes.size()) + ")</span></h2></summary><table><thead><tr><th scope=\"col\">" +
                      escape_html(tr("map.route_name", lang)) + "</th><th scope=\"col\">" + escape_html(tr("map.county", lang)) +
                      "</th><th scope=\"col\">" + escape_html(tr("map.length", lang)) + "</th><th scope=\"col\">" +
                      escape_html(tr("map.show_on_map", lang)) + "</th></tr></thead><tbody>";
    for (const auto& r : data.network->routes)
        if (only_county.empty() || r.county == only_county) out += "<tr data-route=\"" + escape_html(r.id) + "\"><td>" + source_text(escape_html(r.name), lang) + "</td><td>" +
               escape_html(county_label(data, r.county, lang)) + "</td><td data-metres=\"" +
               std::to_string(static_cast<long long>(geo::length_m(r.line))) + "\">" +
               escape_html(distance_text(geo::length_m(r.line))) + "</td><td>" + show_on_map_html(r.id, lang) + "</td></tr>";
    return out + "</tbody></table></details></section>";
}

std::string gaps_list_html(const MapData& data, text::Lang lang, size_t inline_limit) {
    if (!data.gaps) return {};
    std::string out = "<section class=\"layer-list\" id=\"list-gaps\" aria-labelledby=\"list-gaps-h\"><details open><summary><h2 id=\"list-gaps-h\">" +
                      escape_html(tr("map.gaps_list", lang)) + " <span class=\"count\">(" + std::to_string(data.gaps->size()) +
                      ")</span></h2></summary><table><thead><tr><th scope=\"col\">#</th><th scope=\"col\">" +
                      escape_html(tr("map.between", lang)) + "</th><th scope=\"col\">" + escape_html(tr("map.distance", lang)) +
                      "</th><th scope=\"col\">" + escape_html(tr("map.where", lang)) + "</th><th scope=\"col\">" +
                      escape_html(tr("map.show_on_map", lang)) + "</th></tr></thead><tbody>";
    const size_t shown = std::min(data.gaps->size(), inline_limit);
    for (size_t i = 0; i < shown; ++i) {
        const auto& g = (*data.gaps)[i];
        char where[96];
        std::snprintf(where, sizeof where, "%.5f, %.5f → %.5f, %.5f", g.end_a.lat, g.end_a.lon, g.end_b.lat, g.end_b.lon);
        out += "<tr data-gap=\"" + std::to_string(i + 1) + "\"><td>" + std::to_string(i + 1) + "</td><td>" +
               escape_html(county_label(data, g.county_a, lang)) + " – " + escape_html(county_label(data, g.county_b, lang)) +
               "</td><td data-metres=\"" + std::to_string(static_cast<long long>(g.distance_m)) + "\">" +
               escape_html(distance_text(g.distance_m)) + "</td><td>" + where + "</td><td>" +
               show_on_map_html("gap-" + std::to_string(i + 1), lang) + "</td></tr>";
    }
    out += "</tbody></table>";
    if (shown < data.gaps->size())
        out += "<p><a href=\"/map/gaps\">" + escape_html(tr("map.all_gaps", lang)) + "</a> (" +
               std::to_string(data.gaps->size()) + ")</p>";
    return out + "</details></section>";
}

}  // namespace beitai::render
