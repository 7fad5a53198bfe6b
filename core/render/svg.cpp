#include "render/svg.h"

#include <cstdio>
#include <vector>

#include "render/marker_labels.h"
#include "render/viewport.h"
#include "text/html.h"

namespace beitai::render {

namespace {
std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// An opacity as given (0.55 stays 0.55: one decimal would draw a stale car park at 0.6).
std::string fraction(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// Drawn with presentation attributes, so /map.svg looks right on its own (as an <img>,
// printed) where the page's stylesheet does not reach.
std::string style_attributes(const Style& look, bool filled) {
    std::string a = " stroke=\"" + text::escape_xml(look.stroke) + "\" stroke-width=\"" + num(look.weight) + "\"";
    a += filled && !look.fill.empty() ? " fill=\"" + text::escape_xml(look.fill) + "\"" : " fill=\"none\"";
    if (look.opacity < 1) a += " opacity=\"" + fraction(look.opacity) + "\"";
    if (look.dashed) a += " stroke-dasharray=\"6 4\"";
    return a;
}

// Round ends, except on dashes: a round cap adds half the width at each end of every dash,
// and at a width of 4 that closes the 4 px gaps of "6 4" — the break would look unbroken.
const char* cap(const Style& look) { return look.dashed ? "butt" : "round"; }

std::string label_svg(const MarkerLabel& l, const std::string& text) {
    std::string out = "<text x=\"" + num(l.at.x) + "\" y=\"" + num(l.at.y) + "\"";
    if (l.anchor == LabelAnchor::middle) out += " text-anchor=\"middle\"";
    out += " font-size=\"" + num(l.size_px) + "\" fill=\"" + l.colour + "\"";
    if (l.halo) out += " stroke=\"" + std::string(l.halo) + "\" stroke-width=\"" + num(l.halo_px) + "\" paint-order=\"stroke\"";
    return out + ">" + text::escape_xml(text) + "</text>";
}

}  // namespace

Viewport scene_svg_view(const Scene& scene, const SvgOptions& o) {
    // Room for labels: they run to the right of their marker, or above and below it.
    return fit_scene(scene, o.width, o.height, Padding{24, 30, 64, 30});
}

std::string scene_svg(const Scene& scene, const SvgOptions& o) {
    const Viewport view = scene_svg_view(scene, o);

    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"scene\" viewBox=\"0 0 " +
                      std::to_string(o.width) + " " + std::to_string(o.height) + "\" width=\"" +
                      std::to_string(o.width) + "\" height=\"" + std::to_string(o.height) +
                      "\" role=\"img\" aria-label=\"" + text::escape_xml(o.title) + "\"><title>" +
                      text::escape_xml(o.title) + "</title><rect class=\"scene-bg\" width=\"100%\" height=\"100%\" fill=\"#dcebef\"/>";
    out.reserve(out.size() + 64 * (scene.markers.size() + scene.polylines.size() * 8 + scene.polygons.size() * 64));

    auto points_of = [&](const geo::Polyline& line) {
        std::string pts;
        for (const auto& p : line) {
            const Pixel px = view.project(p);
            pts += num(px.x) + "," + num(px.y) + " ";
        }
        if (!pts.empty()) pts.pop_back();
        return pts;
    };
    for (const auto& poly : scene.polygons) {
        std::string d;
        for (const auto& ring : poly.rings) {
            if (ring.empty()) continue;
            d += "M" + points_of(ring) + "Z";
        }
        out += "<path class=\"area layer-" + text::escape_xml(poly.layer) + "\" fill-rule=\"evenodd\" d=\"" + d + "\"" +
               style_attributes(poly.look, true) + "><title>" + text::escape_xml(poly.title) + "</title></path>";
    }
    // A line's parts as one path, "Mx,y x,y … Mx,y …" (a county's routes together are one).
    for (const auto& line : scene.polylines) {
        std::string d;
        for (const auto& part : line.parts)
            if (!part.empty()) d += "M" + points_of(part);
        out += "<path class=\"line layer-" + text::escape_xml(line.layer) + "\" data-id=\"" +
               text::escape_xml(line.id) + "\" d=\"" + d + "\"" + style_attributes(line.look, false) +
               " stroke-linecap=\"" + cap(line.look) + "\" stroke-linejoin=\"round\"><title>" +
               text::escape_xml(line.title) + "</title></path>";
    }

    // The seats' positions first: where a seat's label goes depends on its neighbours.
    std::vector<Pixel> seats;
    for (const auto& m : scene.markers)
        if (label_beside(m)) seats.push_back(view.project(m.at));
    size_t seat = 0;
    for (const auto& m : scene.markers) {
        const Pixel at = view.project(m.at);
        const bool beside = label_beside(m);
        const LabelSide side = beside ? seat_label_side(seats.data(), seats.size(), seat++) : LabelSide::inside;
        // County seats are classed by their style (plain, active, muted, origin), map
        // markers by their layer; the look decides either's colours.
        const std::string cls = beside ? "marker marker-" + (m.style.empty() ? std::string("plain") : m.style)
                                       : "marker layer-" + m.layer;
        out += "<g class=\"" + text::escape_xml(cls) + (m.cluster_count > 0 ? " cluster\" data-count=\"" + std::to_string(m.cluster_count) : std::string()) +
               "\" data-id=\"" + text::escape_xml(m.id) + "\"><title>" + text::escape_xml(m.title) + "</title>";
        const double r = m.look.radius;
        if (m.look.square)
            out += "<rect x=\"" + num(at.x - r) + "\" y=\"" + num(at.y - r) + "\" width=\"" + num(2 * r) + "\" height=\"" +
                   num(2 * r) + "\" rx=\"3\"" + style_attributes(m.look, true) + "/>";
        else
            out += "<circle cx=\"" + num(at.x) + "\" cy=\"" + num(at.y) + "\" r=\"" + num(r) + "\"" + style_attributes(m.look, true) + "/>";
        if (!m.label.empty()) out += label_svg(marker_label(m, at, side), m.label);
        out += "</g>";
    }
    if (!o.sample_label.empty()) {
        // Wide enough for the text: a CJK character is about the font's size, Latin half that.
        double width = 16;
        for (size_t i = 0; i < o.sample_label.size();) {
            const auto c = static_cast<unsigned char>(o.sample_label[i]);
            const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            width += n >= 3 ? 14 : 7.5;
            i += n;
        }
        out += "<g class=\"sample-label\"><rect x=\"8\" y=\"" + num(o.height - 36) + "\" width=\"" + num(width) +
               "\" height=\"28\" rx=\"4\" fill=\"#fff3c4\" stroke=\"#8a6d00\"/><text x=\"16\" y=\"" + num(o.height - 17) +
               "\" font-size=\"14\" fill=\"#4d3d00\">" + text::escape_xml(o.sample_label) + "</text></g>";
    }
    return out + "</svg>";
}

}  // namespace beitai::render
