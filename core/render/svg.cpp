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
                      text::escape_html(o.title) + "</title><rect class=\"scene-bg\" width=\"100%\" height=\"100%\"/>";
    for (const auto& m : scene.markers) {
        const double x = x_of(m.at), y = y_of(m.at);
        // Labels run to the right of their marker. When another marker sits close on the
        // right (臺北市 east of 新北市, 新竹縣 east of 新竹市), this label moves below its
        // marker if the neighbour is to the north, above it if to the south.
        int placement = 0;  // 0 right, -1 above, +1 below
        for (const auto& other : scene.markers) {
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
