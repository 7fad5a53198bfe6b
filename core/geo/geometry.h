// Plane-free geometry on WGS84 positions: distances, lengths, boxes, the Web Mercator
// projection, simplification and point-in-polygon. Small value types and free functions,
// in the manner of Leaflet's LatLng/Bounds/Point.
#pragma once

#include <vector>

#include "geo/latlon.h"

namespace beitai::geo {

using Polyline = std::vector<LatLon>;
using Ring = std::vector<LatLon>;          // closed: first == last (or treated as closed)
using Polygon = std::vector<Ring>;         // outer ring, then holes

constexpr double kEarthRadiusMetres = 6371008.8;  // IUGG mean radius

// Great-circle distance (haversine), in metres.
double distance_m(LatLon a, LatLon b);
// Sum of the segments' great-circle lengths, in metres.
double length_m(const Polyline& line);

struct BBox {
    double south = 90, west = 180, north = -90, east = -180;  // empty until extended

    bool empty() const { return south > north || west > east; }
    void extend(LatLon p);
    void extend(const BBox& other);
    bool contains(LatLon p) const;
    bool intersects(const BBox& other) const;
    // Grown by `metres` on every side (for "near" queries).
    BBox padded(double metres) const;
};

BBox bbox_of(const Polyline& line);

// Web Mercator (EPSG:3857) in metres, and back. Latitude is clamped to ±85.0511°.
struct Projected {
    double x = 0;
    double y = 0;
};
Projected to_web_mercator(LatLon p);
LatLon from_web_mercator(Projected p);

// Douglas–Peucker on the projected plane; `tolerance_m` in metres. Keeps both ends.
Polyline simplify(const Polyline& line, double tolerance_m);

// The point of segment [a, b] nearest to p, and its distance to p in metres (computed on
// a local equirectangular plane, exact enough for the few kilometres a snap or gap spans).
struct Projection {
    LatLon point;
    double distance_m = 0;
    double t = 0;  // 0 at a, 1 at b
};
Projection project_onto_segment(LatLon p, LatLon a, LatLon b);

// Even–odd rule; holes count. Points on an edge may go either way.
bool contains(const Polygon& polygon, LatLon p);

}  // namespace beitai::geo
