// Triangles that fill a polygon with holes, on a plane: what a renderer without a
// polygon-fill primitive needs (the kiosk's ImGui draw lists fill only convex shapes, and a
// county is anything but convex). Ear clipping, holes joined to the outer ring first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "geo/geometry.h"

namespace beitai::geo {

// `points` holds the rings back to back: the outer ring from index ring_starts[0] (= 0),
// then each hole from its start up to the next start (the last up to points.size()). A ring
// may repeat its first point at the end and may wind either way. Returns three indices into
// `points` per triangle, each triangle counter-clockwise on the plane (y up), none of zero
// area. The triangles cover the polygon less its holes without overlapping, for any simple
// polygon; a self-intersecting one still gets triangles (it never loops for ever), though
// where it crosses itself they may overlap. Cost: about n² for n points.
std::vector<std::uint32_t> triangulate(const std::vector<Projected>& points, const std::vector<std::size_t>& ring_starts);

// Twice the signed area of the ring points[begin, end) (positive counter-clockwise, y up).
double twice_signed_area(const std::vector<Projected>& points, std::size_t begin, std::size_t end);

}  // namespace beitai::geo
