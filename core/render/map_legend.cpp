#include "render/map_legend.h"

#include "render/parking_views.h"
#include "text/html.h"

namespace beitai::render {

using text::escape_html;
using text::tr;

Style basemap_look() { return Style{"#8aa1a8", "#eef2ea", 1, 1, false, 0}; }
Style gap_line_look() { return Style{"#C1121F", "", 4, 1, true, 0}; }
Style gap_marker_look() { return Style{"#ffffff", "#C1121F", 2, 1, false, 9, true}; }
Style site_look(bool green_tourism) { return Style{"#ffffff", green_tourism ? "#2E7D32" : "#546E7A", 1.5, 1, false, 6}; }
Style path_look() { return Style{"#111111", "", 6, 0.75, false, 0}; }
Style path_off_look() { return Style{"#111111", "", 5, 0.75, true, 0}; }
Style path_pin_look() { return Style{"#ffffff", "#111111", 2, 1, false, 9}; }
// A cluster keeps its layer's hue and shape (round for sites, square for car parks) with a
// white ring, and grows a little with its count so a big one reads as big.
Style cluster_look(const std::string& layer, int count) {
    const double radius = count < 10 ? 12 : count < 100 ? 14 : count < 1000 ? 17 : 20;
    return Style{"#ffffff", layer == "parking" ? "#1A56B0" : "#2E7D32", 2, 0.95, false, radius, layer == "parking"};
}

namespace {

// A symbol 36×20 px as inline SVG with presentation attributes (the pages' CSP allows those,
// not style attributes), hidden from screen readers: the words beside it say it.
std::string symbol(const std::string& body) {
    return "<svg class=\"legend-symbol\" width=\"36\" height=\"20\" viewBox=\"0 0 36 20\" aria-hidden=\"true\" focusable=\"false\">" +
           body + "</svg>";
}

std::string line(const Style& s, double y = 10) {
    std::string out = "<line x1=\"2\" y1=\"" + std::to_string(static_cast<int>(y)) + "\" x2=\"34\" y2=\"" +
                      std::to_string(static_cast<int>(y)) + "\" stroke=\"" + s.stroke + "\" stroke-width=\"" +
                      std::to_string(static_cast<int>(s.weight)) + "\"";
    if (s.dashed) out += " stroke-dasharray=\"6 4\"";
    if (s.opacity < 1) out += " stroke-opacity=\"" + std::to_string(s.opacity).substr(0, 4) + "\"";
    return out + " stroke-linecap=\"butt\"/>";
}

std::string circle(const Style& s, int cx) {
    return "<circle cx=\"" + std::to_string(cx) + "\" cy=\"10\" r=\"" + std::to_string(static_cast<int>(s.radius)) +
           "\" fill=\"" + s.fill + "\" stroke=\"" + s.stroke + "\" stroke-width=\"" + std::to_string(s.weight).substr(0, 3) + "\"/>";
}

// The box Leaflet draws for a labelled marker (a break's number, a car park's spaces).
std::string box(const Style& s, const std::string& label, int x = 4, int width = 28) {
    return "<rect x=\"" + std::to_string(x) + "\" y=\"2\" width=\"" + std::to_string(width) +
           "\" height=\"16\" rx=\"3\" fill=\"" + s.fill + "\" stroke=\"#ffffff\" stroke-width=\"1.5\"/><text x=\"" +
           std::to_string(x + width / 2) + "\" y=\"14.5\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"700\" fill=\"#ffffff\">" +
           escape_html(label) + "</text>";
}

// A cluster of sites: a round badge with its count, as the map draws it.
std::string badge(const Style& s, const std::string& label) {
    return "<circle cx=\"9\" cy=\"10\" r=\"8\" fill=\"" + s.fill + "\" stroke=\"#ffffff\" stroke-width=\"1.5\"/><text x=\"9\" y=\"14\" "
           "text-anchor=\"middle\" font-size=\"11\" font-weight=\"700\" fill=\"#ffffff\">" + escape_html(label) + "</text>";
}

std::string entry(const char* layer, bool on, const std::string& symbol_svg, text::Lang lang, const std::string& extra = "") {
    return "<div class=\"legend-entry\" data-layer=\"" + std::string(layer) + "\"><label><input type=\"checkbox\" name=\"layer\" value=\"" +
           layer + "\"" + (on ? " checked" : "") + ">" + symbol_svg + "<span>" +
           escape_html(tr(std::string("map.layer.") + layer, lang)) + "</span></label>" + extra + "</div>";
}

}  // namespace

std::string map_legend_html(const MapData& data, const MapView& view, text::Lang lang) {
    const MapLayers& on = view.layers;
    std::string out = "<fieldset class=\"legend-switch\"><legend>" + escape_html(tr("map.legend", lang)) + "</legend>";
    out += entry("routes", on.routes,
                 symbol(line({county_colour("Taipei"), "", 4, 1, false, 0}, 4) + line({county_colour("NewTaipei"), "", 4, 1, false, 0}, 10) +
                        line({county_colour("Taoyuan"), "", 4, 1, false, 0}, 16)),
                 lang, "<p class=\"legend-note\">" + escape_html(tr("map.legend.routes", lang)) + "</p>");
    out += entry("gaps", on.gaps, symbol(line(gap_line_look()) + box(gap_marker_look(), "1", 11, 14)), lang);
    std::string counties = "<div class=\"field county-filter\"><label for=\"map-county\">" +
                           escape_html(tr("map.county_filter", lang)) + "</label><select id=\"map-county\" name=\"county\"><option value=\"\">" +
                           escape_html(tr("map.all_counties", lang)) + "</option>";
    if (data.counties)
        for (const auto& c : *data.counties)
            counties += "<option value=\"" + escape_html(c.id) + "\"" + (view.county == c.id ? " selected" : "") + ">" +
                        escape_html(lang == text::Lang::en ? c.name_en : c.name_zh) + "</option>";
    counties += "</select></div>";
    out += entry("sites", on.sites, symbol(circle(site_look(true), 10) + circle(site_look(false), 26)), lang,
                 "<p class=\"legend-note\">" + escape_html(tr("map.legend.sites", lang)) + "</p>" + counties);
    if (data.parking) {
        std::string levels = "<ul class=\"legend-levels\">";
        for (auto [level, label] : {std::pair{parking::Level::plenty, "P12"}, {parking::Level::few, "P3"},
                                    {parking::Level::full, lang == text::Lang::en ? "P0" : "P滿"}, {parking::Level::unknown, "P"}})
            levels += "<li>" + symbol(box(parking_style(level, false), label)) + "<span>" +
                      escape_html(tr("parking.level." + std::string(parking::level_id(level)), lang)) + "</span></li>";
        out += entry("parking", on.parking, symbol(box(parking_style(parking::Level::plenty, false), "P12", 1, 34)), lang,
                     levels + "</ul>");
    }
    out += entry("basemap", on.basemap, symbol("<rect x=\"3\" y=\"3\" width=\"30\" height=\"14\" fill=\"" + basemap_look().fill +
                                               "\" stroke=\"" + basemap_look().stroke + "\"/>"),
                 lang);
    // The planned route is not a layer to switch: it shows when there is one.
    out += "<div class=\"legend-entry legend-path\">" +
           symbol(line(path_look()) + box(path_pin_look(), std::string(tr("map.pin.start_short", lang)), 0, 14) +
                  box(path_pin_look(), std::string(tr("map.pin.end_short", lang)), 22, 14)) +
           "<span>" + escape_html(tr("map.legend.path", lang)) + "</span></div>" +
           "<div class=\"legend-entry legend-path-off\">" + symbol(line(path_off_look())) + "<span>" +
           escape_html(tr("map.legend.path_off", lang)) + "</span></div>";
    // Clusters are not a layer either: they are how the sites and car parks look from afar.
    out += "<div class=\"legend-entry legend-clusters\">" +
           symbol(badge(cluster_look("sites", 5), "5") + box(cluster_look("parking", 5), "9", 20, 14)) + "<span>" +
           escape_html(tr("map.legend.clusters", lang)) + "</span></div>";
    return out + "</fieldset>";
}

}  // namespace beitai::render
