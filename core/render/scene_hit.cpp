// Which feature a tap is on (scene_paint.h's hit_test). Measured in the prepared scene's
// Web Mercator metres and divided by the view's metres per pixel: the map to pixels is a
// scale and a shift, so a distance there is the distance on the screen.
#include <cmath>
#include <limits>

#include "render/scene_paint.h"

namespace beitai::render {

namespace {

double distance_to_segment(geo::Projected p, geo::Projected a, geo::Projected b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double length2 = dx * dx + dy * dy;
    double t = length2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2 : 0;
    t = std::fmin(1.0, std::fmax(0.0, t));
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

bool within(const PreparedScene::Box& b, geo::Projected p, double margin) {
    return p.x >= b.west - margin && p.x <= b.east + margin && p.y >= b.south - margin && p.y <= b.north + margin;
}

// Even–odd over every ring, holes included: a tap in 嘉義市 is not in 嘉義縣.
bool area_holds(const PreparedScene& s, const PreparedScene::Area& a, geo::Projected p) {
    bool in = false;
    for (std::uint32_t r = a.first_ring; r < a.first_ring + a.ring_count; ++r) {
        const auto& ring = s.rings[r];
        for (std::uint32_t i = 0, j = ring.count - 1; i < ring.count; j = i++) {
            const geo::Projected& u = s.points[ring.first + i];
            const geo::Projected& v = s.points[ring.first + j];
            if ((u.y > p.y) != (v.y > p.y) && p.x < u.x + (p.y - u.y) * (v.x - u.x) / (v.y - u.y)) in = !in;
        }
    }
    return in;
}

}  // namespace

std::optional<Hit> hit_test(const PreparedScene& s, const Viewport& view, Pixel at, double tolerance_px) {
    const geo::Projected tap = view.unproject_projected(at);
    const double metres_per_px = view.metres_per_pixel();
    constexpr double kNone = std::numeric_limits<double>::infinity();

    // Markers: the nearest edge of a dot; on a tie (dots on top of each other) the one drawn
    // last, which is the one seen.
    double best = kNone;
    size_t found = 0;
    for (size_t i = 0; i < s.markers.size(); ++i) {
        const auto& m = s.markers[i];
        const double edge = m.radius + m.weight / 2.0;
        const double d = std::hypot(tap.x - m.at.x, tap.y - m.at.y) / metres_per_px;
        if (d > edge + tolerance_px) continue;
        const double beyond = std::fmax(0.0, d - edge);
        if (beyond <= best) {
            best = beyond;
            found = i;
        }
    }
    if (best < kNone) return Hit{FeatureKind::marker, found, s.scene.markers[found].id, best};

    for (size_t i = 0; i < s.lines.size(); ++i) {
        const auto& l = s.lines[i];
        const double reach = l.weight / 2.0 + tolerance_px;
        if (l.count == 0 || !within(l.box, tap, reach * metres_per_px)) continue;
        double d = l.count == 1 ? std::hypot(tap.x - s.points[l.first].x, tap.y - s.points[l.first].y) : kNone;
        for (std::uint32_t k = 1; k < l.count; ++k)
            d = std::fmin(d, distance_to_segment(tap, s.points[l.first + k - 1], s.points[l.first + k]));
        d /= metres_per_px;
        if (d > reach) continue;
        const double beyond = std::fmax(0.0, d - l.weight / 2.0);
        if (beyond <= best) {
            best = beyond;
            found = l.feature;
        }
    }
    if (best < kNone) return Hit{FeatureKind::polyline, found, s.scene.polylines[found].id, best};

    for (size_t i = s.areas.size(); i-- > 0;) {  // the topmost first
        const auto& a = s.areas[i];
        if (a.ring_count == 0 || !within(a.box, tap, 0)) continue;
        if (area_holds(s, a, tap)) return Hit{FeatureKind::polygon, i, s.scene.polygons[i].id, 0};
    }
    return std::nullopt;
}

std::optional<Hit> hit_test(const Scene& scene, const Viewport& view, Pixel at, double tolerance_px) {
    return hit_test(prepare_scene(scene), view, at, tolerance_px);
}

}  // namespace beitai::render
