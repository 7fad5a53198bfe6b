// Preparing a Scene once and painting it each frame. The rules that decide how a feature
// looks are the SVG's (render/svg.cpp): the same fit (render/viewport.h), colours from the
// same Style with its opacity, the same widths and "6 4" dashes, the same label rule
// (render/marker_labels.h). Opacity here is each colour's alpha; the SVG's is the element's
// opacity, which differs only where a feature's own fill and stroke overlap.
//
// Index of this file:
// [SECTION] Preparing
// [SECTION] Dashes
// [SECTION] Painting

#include "render/scene_paint.h"

#include <algorithm>
#include <cmath>

#include "geo/triangulate.h"

namespace beitai::render {

void PaintList::clear() {
    points.clear();
    indices.clear();
    fills.clear();
    lines.clear();
    circles.clear();
    labels.clear();
    text.clear();
    seat_pixels.clear();
}

// -----------------------------------------------------------------------------------------
// [SECTION] Preparing
// -----------------------------------------------------------------------------------------

namespace {

using Box = PreparedScene::Box;

constexpr double kPi = 3.14159265358979323846;

void extend(Box& box, geo::Projected p) {
    if (box.east < box.west) {
        box = {p.x, p.y, p.x, p.y};
        return;
    }
    box.west = std::min(box.west, p.x);
    box.east = std::max(box.east, p.x);
    box.south = std::min(box.south, p.y);
    box.north = std::max(box.north, p.y);
}

bool same_place(geo::LatLon a, geo::LatLon b) { return a.lat == b.lat && a.lon == b.lon; }

std::uint32_t u32(size_t n) { return static_cast<std::uint32_t>(n); }

}  // namespace

PreparedScene prepare_scene(Scene scene) {
    PreparedScene p;
    p.scene = std::move(scene);
    const Scene& s = p.scene;
    // An empty string is "none", as in the SVG (no fill, no stroke).
    auto colour = [&](const std::string& hex, double opacity, const char* kind, const std::string& id,
                      const char* part) -> Rgba {
        if (hex.empty()) return {};
        auto c = parse_css_colour(hex, opacity);
        if (c) return *c;
        p.problems.push_back(std::string(kind) + " \"" + id + "\" " + part + ": " + c.error());
        return {};
    };

    for (size_t i = 0; i < s.polygons.size(); ++i) {
        const ScenePolygon& poly = s.polygons[i];
        PreparedScene::Area a;
        a.first_ring = u32(p.rings.size());
        a.first_point = u32(p.points.size());
        std::vector<size_t> starts;
        for (const auto& ring : poly.rings) {
            size_t n = ring.size();
            if (n > 1 && same_place(ring.front(), ring.back())) --n;  // closed again by the outline
            if (n == 0) continue;
            starts.push_back(p.points.size() - a.first_point);
            p.rings.push_back({u32(p.points.size()), u32(n)});
            for (size_t k = 0; k < n; ++k) {
                p.points.push_back(geo::to_web_mercator(ring[k]));
                extend(a.box, p.points.back());
            }
        }
        a.ring_count = u32(p.rings.size()) - a.first_ring;
        a.point_count = u32(p.points.size()) - a.first_point;
        a.fill = colour(poly.look.fill, poly.look.opacity, "polygon", poly.id, "fill");
        a.stroke = colour(poly.look.stroke, poly.look.opacity, "polygon", poly.id, "stroke");
        a.weight = static_cast<float>(poly.look.weight);
        a.dashed = poly.look.dashed;
        a.first_index = u32(p.triangles.size());
        if (a.fill.visible() && a.point_count >= 3) {
            const std::vector<geo::Projected> own(p.points.begin() + a.first_point, p.points.end());
            const auto t = geo::triangulate(own, starts);
            p.triangles.insert(p.triangles.end(), t.begin(), t.end());
        }
        a.index_count = u32(p.triangles.size()) - a.first_index;
        p.areas.push_back(a);
    }

    for (size_t i = 0; i < s.polylines.size(); ++i) {
        const ScenePolyline& line = s.polylines[i];
        const Rgba stroke = colour(line.look.stroke, line.look.opacity, "polyline", line.id, "stroke");
        for (const auto& part : line.parts) {
            PreparedScene::Line l;
            l.feature = u32(i);
            l.first = u32(p.points.size());
            for (const auto& q : part) {
                p.points.push_back(geo::to_web_mercator(q));
                extend(l.box, p.points.back());
            }
            l.count = u32(p.points.size()) - l.first;
            l.stroke = stroke;
            l.weight = static_cast<float>(line.look.weight);
            l.dashed = line.look.dashed;
            p.lines.push_back(l);
        }
    }

    for (size_t i = 0; i < s.markers.size(); ++i) {
        const SceneMarker& m = s.markers[i];
        PreparedScene::Marker k;
        k.at = geo::to_web_mercator(m.at);
        k.fill = colour(m.look.fill, m.look.opacity, "marker", m.id, "fill");
        k.stroke = colour(m.look.stroke, m.look.opacity, "marker", m.id, "stroke");
        k.weight = static_cast<float>(m.look.weight);
        k.radius = static_cast<float>(m.look.radius);
        k.square = m.look.square;
        k.dashed = m.look.dashed;
        k.beside = label_beside(m);
        if (k.beside) p.seats.push_back(u32(i));
        if (!m.label.empty()) {
            // The label's colours do not depend on where it goes: parse them once here.
            const MarkerLabel probe = marker_label(m, {}, k.beside ? LabelSide::right : LabelSide::inside);
            k.label = colour(probe.colour, 1, "marker", m.id, "label");
            if (probe.halo) k.halo = colour(probe.halo, 1, "marker", m.id, "label halo");
        }
        p.markers.push_back(k);
    }
    return p;
}

// -----------------------------------------------------------------------------------------
// [SECTION] Dashes
// -----------------------------------------------------------------------------------------

namespace {

struct Rect {
    double x0, y0, x1, y1;
};

// Liang–Barsky: the part [t0, t1] of a→b inside the rectangle; false when none is.
bool clip(Pixel a, Pixel b, const Rect& r, double& t0, double& t1) {
    t0 = 0;
    t1 = 1;
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x - r.x0, r.x1 - a.x, a.y - r.y0, r.y1 - a.y};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0) t0 = std::max(t0, t);
        else t1 = std::min(t1, t);
        if (t0 > t1) return false;
    }
    return true;
}

PaintPoint paint_point(Pixel p) { return {static_cast<float>(p.x), static_cast<float>(p.y)}; }

// The "on" stretches of a dashed stroke through `count` points (and back to the first when
// closed), each as a line of its own; a dash that runs round a corner keeps the corner.
// The pattern runs on along the whole stroke, as SVG's does; only the stretches that reach
// `visible` are emitted, so a dashed line across a zoomed-in screen costs its screen's
// dashes, not its whole length's.
template <class PointAt>
void paint_dashes(PaintList& out, size_t count, bool closed, PointAt point_at, Rgba colour, float width,
                  FeatureRef feature, const Rect& visible) {
    const double period = kDashOnPx + kDashOffPx;
    double walked = 0;  // along the stroke to the current segment's start
    bool open = false;
    std::uint32_t first = 0;
    auto close = [&] {
        if (!open) return;
        open = false;
        const std::uint32_t n = u32(out.points.size()) - first;
        if (n >= 2) out.lines.push_back({first, n, colour, width, false, feature});
        else out.points.resize(first);
    };
    const size_t segments = count < 2 ? 0 : closed ? count : count - 1;
    for (size_t i = 0; i < segments; ++i) {
        const Pixel a = point_at(i), b = point_at((i + 1) % count);
        const double length = std::hypot(b.x - a.x, b.y - a.y);
        if (length <= 0) continue;
        double t0, t1;
        if (!clip(a, b, visible, t0, t1)) {
            close();
            walked += length;
            continue;
        }
        const double s0 = t0 * length, s1 = t1 * length;
        if (s0 > 0) close();  // the stroke left the screen and came back
        auto at = [&](double s) { return paint_point({a.x + (b.x - a.x) * s / length, a.y + (b.y - a.y) * s / length}); };
        for (double s = s0; s < s1;) {
            // Steps shorter than kStep are taken as none: far along a long stroke, adding
            // less to `s` might not change it, and the walk would never end.
            constexpr double kStep = 1e-4;
            double phase = std::fmod(walked + s, period);
            if (period - phase < kStep) phase = 0;
            const double on_left = kDashOnPx - phase;
            if (on_left >= kStep) {
                const double dash_end = s + on_left, e = std::min(s1, dash_end);
                if (!open) {
                    open = true;
                    first = u32(out.points.size());
                    out.points.push_back(at(s));
                }
                out.points.push_back(at(e));
                // A dash cut by the segment's end goes on round the corner; one cut by
                // the screen's edge, or that is done, ends here.
                if (!(e >= length && dash_end > length)) close();
                s = e;
            } else {
                close();
                s = std::min(s1, s + (period - phase));
            }
        }
        walked += length;
    }
    close();
}

bool overlaps(const Box& b, const Viewport::ProjectedBox& v) {
    return b.west <= v.east && v.west <= b.east && b.south <= v.north && v.south <= b.north;
}

bool inside(geo::Projected p, const Viewport::ProjectedBox& v) {
    return p.x >= v.west && p.x <= v.east && p.y >= v.south && p.y <= v.north;
}

}  // namespace

// -----------------------------------------------------------------------------------------
// [SECTION] Painting
// -----------------------------------------------------------------------------------------

void paint_scene(const PreparedScene& p, const Viewport& view, PaintList& out, const PaintOptions& options) {
    out.clear();
    const double scale = options.label_scale;
    auto pixel = [&](size_t point) { return view.project(p.points[point]); };

    for (size_t i = 0; i < p.areas.size(); ++i) {
        const auto& a = p.areas[i];
        if (a.point_count == 0 || !overlaps(a.box, view.visible_projected(a.weight))) continue;
        const FeatureRef feature{FeatureKind::polygon, u32(i)};
        const std::uint32_t first = u32(out.points.size());
        const bool filled = a.fill.visible() && a.index_count > 0;
        if (filled) {
            for (std::uint32_t k = 0; k < a.point_count; ++k) out.points.push_back(paint_point(pixel(a.first_point + k)));
            out.fills.push_back({first, a.point_count, u32(out.indices.size()), a.index_count, a.fill, feature});
            out.indices.insert(out.indices.end(), p.triangles.begin() + a.first_index,
                               p.triangles.begin() + a.first_index + a.index_count);
        }
        if (!a.stroke.visible() || a.weight <= 0) continue;
        const Rect visible{-a.weight, -a.weight, view.width() + a.weight, view.height() + a.weight};
        for (std::uint32_t r = a.first_ring; r < a.first_ring + a.ring_count; ++r) {
            const auto& ring = p.rings[r];
            if (a.dashed) {
                paint_dashes(out, ring.count, true, [&](size_t k) { return pixel(ring.first + k); }, a.stroke, a.weight,
                             feature, visible);
                continue;
            }
            std::uint32_t from = first + (ring.first - a.first_point);  // the fill's own points
            if (!filled) {
                from = u32(out.points.size());
                for (std::uint32_t k = 0; k < ring.count; ++k) out.points.push_back(paint_point(pixel(ring.first + k)));
            }
            if (ring.count >= 2) out.lines.push_back({from, ring.count, a.stroke, a.weight, true, feature});
        }
    }

    for (size_t i = 0; i < p.lines.size(); ++i) {
        const auto& l = p.lines[i];
        if (l.count < 2 || !l.stroke.visible() || l.weight <= 0) continue;
        if (!overlaps(l.box, view.visible_projected(l.weight))) continue;
        const FeatureRef feature{FeatureKind::polyline, l.feature};
        if (l.dashed) {
            const Rect visible{-l.weight, -l.weight, view.width() + l.weight, view.height() + l.weight};
            paint_dashes(out, l.count, false, [&](size_t k) { return pixel(l.first + k); }, l.stroke, l.weight, feature,
                         visible);
            continue;
        }
        const std::uint32_t first = u32(out.points.size());
        Pixel last = pixel(l.first);
        out.points.push_back(paint_point(last));
        const double min_step = options.min_step_px;
        for (std::uint32_t k = 1; k < l.count; ++k) {
            const Pixel q = pixel(l.first + k);
            if (k + 1 < l.count && std::hypot(q.x - last.x, q.y - last.y) < min_step) continue;  // the end always stays
            out.points.push_back(paint_point(q));
            last = q;
        }
        out.lines.push_back({first, u32(out.points.size()) - first, l.stroke, l.weight, false, feature});
    }

    // Every seat's position, seen or not: a label's side depends on its neighbours.
    for (std::uint32_t i : p.seats) out.seat_pixels.push_back(view.project(p.markers[i].at));
    size_t seat = 0;
    for (size_t i = 0; i < p.markers.size(); ++i) {
        const auto& k = p.markers[i];
        const SceneMarker& m = p.scene.markers[i];
        const size_t seat_index = k.beside ? seat++ : 0;
        const double reach = k.radius + k.weight + (k.beside && !m.label.empty() ? 200 * scale : 0);
        if (!inside(k.at, view.visible_projected(reach))) continue;
        const FeatureRef feature{FeatureKind::marker, u32(i)};
        const Pixel at = view.project(k.at);
        const bool dashed_outline = k.dashed && !k.square && k.stroke.visible() && k.weight > 0;
        out.circles.push_back({paint_point(at), k.radius, k.fill, dashed_outline ? Rgba{} : k.stroke,
                               dashed_outline ? 0.0f : k.weight, feature, k.square});
        if (dashed_outline) {
            // Round the dot from its rightmost point, clockwise on the screen: where SVG
            // starts a circle's dashes.
            const size_t n = std::max<size_t>(16, static_cast<size_t>(std::ceil(2 * kPi * k.radius / 2)));
            const double r = k.radius;
            const Rect visible{-r - k.weight, -r - k.weight, view.width() + r + k.weight, view.height() + r + k.weight};
            paint_dashes(
                out, n, true,
                [&](size_t j) {
                    const double angle = 2 * kPi * static_cast<double>(j) / static_cast<double>(n);
                    return Pixel{at.x + r * std::cos(angle), at.y + r * std::sin(angle)};
                },
                k.stroke, k.weight, feature, visible);
        }
        if (m.label.empty()) continue;
        const LabelSide side = k.beside ? seat_label_side(out.seat_pixels.data(), out.seat_pixels.size(), seat_index, scale)
                                        : LabelSide::inside;
        const MarkerLabel l = marker_label(m, at, side, scale);
        const std::uint32_t offset = u32(out.text.size());
        out.text += m.label;
        out.labels.push_back({paint_point(l.at), l.anchor, static_cast<float>(l.size_px), k.label, k.halo,
                              static_cast<float>(l.halo_px), offset, u32(m.label.size()), feature});
    }
}

PaintList paint_scene(const Scene& scene, const Viewport& view, const PaintOptions& options) {
    PaintList out;
    paint_scene(prepare_scene(scene), view, out, options);
    return out;
}

}  // namespace beitai::render
