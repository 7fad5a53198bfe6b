// Geometry on WGS84 positions: great-circle distances, boxes, Web Mercator, Douglas–Peucker
// and point-in-polygon. Pure functions over small value types; nothing here allocates
// beyond the vectors it returns.
//
// Index of this file:
// [SECTION] Distances
// [SECTION] Bounding boxes
// [SECTION] Web Mercator
// [SECTION] Simplification
// [SECTION] Projection onto a segment
// [SECTION] Point in polygon

#include "geo/geometry.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace beitai::geo {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDegToRad = kPi / 180;
constexpr double kRadToDeg = 180 / kPi;
// Metres along a meridian per degree of latitude on the mean sphere.
constexpr double kMetresPerDegree = kEarthRadiusMetres * kDegToRad;

// EPSG:3857 uses the WGS84 semi-major axis as the sphere's radius, not the mean radius.
constexpr double kMercatorRadius = 6378137.0;
constexpr double kMercatorMaxLat = 85.05112878;

double radians(double degrees) { return degrees * kDegToRad; }

}  // namespace

// -----------------------------------------------------------------------------------------
// [SECTION] Distances
// -----------------------------------------------------------------------------------------

double distance_m(LatLon a, LatLon b) {
    const double phi1 = radians(a.lat), phi2 = radians(b.lat);
    const double dphi = phi2 - phi1, dlambda = radians(b.lon - a.lon);
    const double s1 = std::sin(dphi / 2), s2 = std::sin(dlambda / 2);
    double h = s1 * s1 + std::cos(phi1) * std::cos(phi2) * s2 * s2;
    h = std::min(1.0, std::max(0.0, h));  // rounding can push antipodes past 1
    return 2 * kEarthRadiusMetres * std::asin(std::sqrt(h));
}

double length_m(const Polyline& line) {
    double total = 0;
    for (size_t i = 1; i < line.size(); ++i) total += distance_m(line[i - 1], line[i]);
    return total;
}

// -----------------------------------------------------------------------------------------
// [SECTION] Bounding boxes
// -----------------------------------------------------------------------------------------

void BBox::extend(LatLon p) {
    south = std::min(south, p.lat);
    north = std::max(north, p.lat);
    west = std::min(west, p.lon);
    east = std::max(east, p.lon);
}

void BBox::extend(const BBox& other) {
    if (other.empty()) return;
    south = std::min(south, other.south);
    north = std::max(north, other.north);
    west = std::min(west, other.west);
    east = std::max(east, other.east);
}

bool BBox::contains(LatLon p) const {
    return p.lat >= south && p.lat <= north && p.lon >= west && p.lon <= east;
}

bool BBox::intersects(const BBox& other) const {
    if (empty() || other.empty()) return false;
    return south <= other.north && other.south <= north && west <= other.east && other.west <= east;
}

BBox BBox::padded(double metres) const {
    if (empty()) return *this;
    BBox out = *this;
    const double dlat = metres / kMetresPerDegree;
    // A degree of longitude is shortest at the edge furthest from the equator; pad by the
    // degrees that span `metres` there, so the margin is at least `metres` everywhere.
    const double far_lat = std::min(90.0, std::max(std::fabs(south), std::fabs(north)) + std::fabs(dlat));
    const double cos_lat = std::cos(radians(far_lat));
    out.south = std::max(-90.0, south - dlat);
    out.north = std::min(90.0, north + dlat);
    if (cos_lat < 1e-9) {  // the margin reaches a pole: every longitude is near
        if (metres > 0) {
            out.west = -180;
            out.east = 180;
        }
        return out;
    }
    const double dlon = metres / (kMetresPerDegree * cos_lat);
    out.west = std::max(-180.0, west - dlon);
    out.east = std::min(180.0, east + dlon);
    return out;
}

BBox bbox_of(const Polyline& line) {
    BBox box;
    for (const auto& p : line) box.extend(p);
    return box;
}

// -----------------------------------------------------------------------------------------
// [SECTION] Web Mercator
// -----------------------------------------------------------------------------------------

Projected to_web_mercator(LatLon p) {
    const double lat = std::min(kMercatorMaxLat, std::max(-kMercatorMaxLat, p.lat));
    return {kMercatorRadius * radians(p.lon), kMercatorRadius * std::log(std::tan(kPi / 4 + radians(lat) / 2))};
}

LatLon from_web_mercator(Projected p) {
    const double lat = (2 * std::atan(std::exp(p.y / kMercatorRadius)) - kPi / 2) * kRadToDeg;
    return {lat, p.x / kMercatorRadius * kRadToDeg};
}

// -----------------------------------------------------------------------------------------
// [SECTION] Simplification
// -----------------------------------------------------------------------------------------

namespace {

// Distance from p to the segment [a, b] on the plane.
double plane_segment_distance(Projected p, Projected a, Projected b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = 0;
    if (len2 > 0) t = std::min(1.0, std::max(0.0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
    const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return std::sqrt(ex * ex + ey * ey);
}

}  // namespace

Polyline simplify(const Polyline& line, double tolerance_m) {
    if (line.size() <= 2 || !(tolerance_m >= 0)) return line;  // also refuses NaN

    // Mercator stretches lengths by 1/cos(lat); stretch the tolerance alike so that it
    // stays in ground metres at the line's latitude.
    double mean_lat = 0;
    for (const auto& p : line) mean_lat += p.lat;
    mean_lat /= static_cast<double>(line.size());
    const double cos_lat = std::max(std::cos(radians(std::min(kMercatorMaxLat, std::fabs(mean_lat)))), 1e-9);
    const double tolerance = tolerance_m / cos_lat;

    std::vector<Projected> xy;
    xy.reserve(line.size());
    for (const auto& p : line) xy.push_back(to_web_mercator(p));

    // Iterative Douglas–Peucker: a stack of spans whose inner points are still undecided.
    std::vector<char> keep(line.size(), 0);
    keep.front() = keep.back() = 1;
    std::vector<std::pair<size_t, size_t>> spans{{0, line.size() - 1}};
    while (!spans.empty()) {
        const auto span = spans.back();
        spans.pop_back();
        const size_t first = span.first, last = span.second;
        if (last - first < 2) continue;
        double worst = -1;
        size_t worst_at = first;
        for (size_t i = first + 1; i < last; ++i) {
            const double d = plane_segment_distance(xy[i], xy[first], xy[last]);
            if (d > worst) {
                worst = d;
                worst_at = i;
            }
        }
        if (worst > tolerance) {
            keep[worst_at] = 1;
            spans.push_back({first, worst_at});
            spans.push_back({worst_at, last});
        }
    }

    Polyline out;
    for (size_t i = 0; i < line.size(); ++i)
        if (keep[i]) out.push_back(line[i]);
    return out;
}

// -----------------------------------------------------------------------------------------
// [SECTION] Projection onto a segment
// -----------------------------------------------------------------------------------------

Projection project_onto_segment(LatLon p, LatLon a, LatLon b) {
    // A local plane around the segment: x east, y north, in metres, origin at a.
    const double kx = kMetresPerDegree * std::cos(radians((a.lat + b.lat) / 2));
    const double ky = kMetresPerDegree;
    const double bx = (b.lon - a.lon) * kx, by = (b.lat - a.lat) * ky;
    const double px = (p.lon - a.lon) * kx, py = (p.lat - a.lat) * ky;
    const double len2 = bx * bx + by * by;
    Projection out;
    out.t = len2 > 0 ? std::min(1.0, std::max(0.0, (px * bx + py * by) / len2)) : 0.0;
    out.point = {a.lat + out.t * (b.lat - a.lat), a.lon + out.t * (b.lon - a.lon)};
    const double ex = out.t * bx - px, ey = out.t * by - py;
    out.distance_m = std::sqrt(ex * ex + ey * ey);
    return out;
}

// -----------------------------------------------------------------------------------------
// [SECTION] Point in polygon
// -----------------------------------------------------------------------------------------

bool contains(const Polygon& polygon, LatLon p) {
    // Even–odd: count crossings of a ray running east from p over every ring's edges; a
    // ring whose last position differs from its first is closed implicitly.
    bool inside = false;
    for (const auto& ring : polygon) {
        const size_t n = ring.size();
        if (n < 3) continue;
        for (size_t i = 0, j = n - 1; i < n; j = i++) {
            const LatLon& u = ring[i];
            const LatLon& v = ring[j];
            if ((u.lat > p.lat) != (v.lat > p.lat)) {
                const double lon_at = u.lon + (p.lat - u.lat) * (v.lon - u.lon) / (v.lat - u.lat);
                if (p.lon < lon_at) inside = !inside;
            }
        }
    }
    return inside;
}

}  // namespace beitai::geo
