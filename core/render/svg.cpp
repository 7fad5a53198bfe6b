#include "render/svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "text/html.h"

namespace beitai::render {

namespace {
std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}
}  // namespace

std::string scene_svg(const Scene& scene, const SvgOptions& o) {
    // Room for labels: they run to the right of their marker, or above and below it.
    const double pad_left = 24, pad_right = 64, pad_y = 30;
    const double mean_lat = (scene.fit_south_west.lat + scene.fit_north_east.lat) / 2 * M_PI / 180;
    const double kx = std::cos(mean_lat);
    const double span_x = std::max(1e-6, (scene.fit_north_east.lon - scene.fit_south_west.lon) * kx);
    const double span_y = std::max(1e-6, scene.fit_north_east.lat - scene.fit_south_west.lat);
    const double scale = std::min((o.width - pad_left - pad_right) / span_x, (o.height - 2 * pad_y) / span_y);
    const double off_x = pad_left + (o.width - pad_left - pad_right - span_x * scale) / 2;
    const double off_y = (o.height - span_y * scale) / 2;
    auto x_of = [&](geo::LatLon p) { return off_x + (p.lon - scene.fit_south_west.lon) * kx * scale; };
    auto y_of = [&](geo::LatLon p) { return off_y + (scene.fit_north_east.lat - p.lat) * scale; };

    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"scene\" viewBox=\"0 0 " +
                      std::to_string(o.width) + " " + std::to_string(o.height) + "\" width=\"" +
                      std::to_string(o.width) + "\" height=\"" + std::to_string(o.height) +
                      "\" role=\"img\" aria-label=\"" + text::escape_html(o.title) + "\"><title>" +
                      text::escape_html(o.title) + "</title><rect class=\"scene-bg\" width=\"100%\" height=\"100%\" fill=\"#dcebef\"/>";
    out.reserve(out.size() + 64 * (scene.markers.size() + scene.polylines.size() * 8 + scene.polygons.size() * 64));

    // Drawn with presentation attributes, so /map.svg looks right on its own (as an <img>,
    // printed) where the page's stylesheet does not reach.
    auto style_attributes = [](const Style& look, bool filled) {
        std::string a = " stroke=\"" + text::escape_html(look.stroke) + "\" stroke-width=\"" + num(look.weight) + "\"";
        a += filled && !look.fill.empty() ? " fill=\"" + text::escape_html(look.fill) + "\"" : " fill=\"none\"";
        if (look.opacity < 1) a += " opacity=\"" + num(look.opacity) + "\"";
        if (look.dashed) a += " stroke-dasharray=\"6 4\"";
        return a;
    };
    auto points_of = [&](const geo::Polyline& line) {
        std::string pts;
        for (const auto& p : line) pts += num(x_of(p)) + "," + num(y_of(p)) + " ";
        if (!pts.empty()) pts.pop_back();
        return pts;
    };
    for (const auto& poly : scene.polygons) {
        std::string d;
        for (const auto& ring : poly.rings) {
            if (ring.empty()) continue;
            d += "M" + points_of(ring) + "Z";
        }
        out += "<path class=\"area layer-" + text::escape_html(poly.layer) + "\" fill-rule=\"evenodd\" d=\"" + d + "\"" +
               style_attributes(poly.look, true) + "><title>" + text::escape_html(poly.title) + "</title></path>";
    }
    for (const auto& line : scene.polylines)
        out += "<polyline class=\"line layer-" + text::escape_html(line.layer) + "\" data-id=\"" +
               text::escape_html(line.id) + "\" points=\"" + points_of(line.points) + "\"" +
               style_attributes(line.look, false) + " stroke-linecap=\"round\" stroke-linejoin=\"round\"><title>" +
               text::escape_html(line.title) + "</title></polyline>";

    for (const auto& m : scene.markers) {
        const double x = x_of(m.at), y = y_of(m.at);
        if (m.layer != "county-seats") {
            // Map markers: their look decides; a label (a break's number) sits inside.
            out += "<g class=\"marker layer-" + text::escape_html(m.layer) + "\" data-id=\"" + text::escape_html(m.id) +
                   "\"><title>" + text::escape_html(m.title) + "</title><circle cx=\"" + num(x) + "\" cy=\"" + num(y) +
                   "\" r=\"" + num(m.look.radius) + "\"" + style_attributes(m.look, true) + "/>";
            if (!m.label.empty())
                out += "<text x=\"" + num(x) + "\" y=\"" + num(y + 4) +
                       "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#ffffff\">" + text::escape_html(m.label) +
                       "</text>";
            out += "</g>";
            continue;
        }
        // Labels run to the right of their marker. When another marker sits close on the
        // right (臺北市 east of 新北市, 新竹縣 east of 新竹市), this label moves below its
        // marker if the neighbour is to the north, above it if to the south.
        int placement = 0;  // 0 right, -1 above, +1 below
        for (const auto& other : scene.markers) {
            if (other.layer != m.layer) continue;
            const double dx = x_of(other.at) - x, dy = y_of(other.at) - y;
            if (&other != &m && dx > 0 && dx < 70 && std::abs(dy) < 22) placement = dy <= 0 ? 1 : -1;
        }
        std::string label_at = placement == 0
            ? "x=\"" + num(x + 10) + "\" y=\"" + num(y + 5) + "\""
            : "x=\"" + num(x) + "\" y=\"" + num(placement < 0 ? y - 11 : y + 21) + "\" text-anchor=\"middle\"";
        const std::string cls = "marker marker-" + (m.style.empty() ? std::string("plain") : m.style);
        out += "<g class=\"" + text::escape_html(cls) + "\" data-id=\"" + text::escape_html(m.id) + "\"><title>" +
               text::escape_html(m.title) + "</title><circle cx=\"" + num(x) + "\" cy=\"" + num(y) +
               "\" r=\"7\"/><text " + label_at + ">" + text::escape_html(m.label) + "</text></g>";
    }
    return out + "</svg>";
}

}  // namespace beitai::render
