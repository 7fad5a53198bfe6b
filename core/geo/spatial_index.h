// A spatial index for points: a uniform grid over the data's bounding box, for "the n
// nearest to here" and "everything in this box". Built once from a vector of positions;
// answers indices into it. Grids suit our data (tens of thousands of points over northern
// Taiwan) better than trees: simple, cache-friendly, and the same in WASM.
#pragma once

#include <cstddef>
#include <vector>

#include "geo/geometry.h"

namespace beitai::geo {

class PointIndex {
public:
    PointIndex() = default;
    // `cell_m` is the grid cell's size in metres (about the typical query radius).
    explicit PointIndex(std::vector<LatLon> points, double cell_m = 1000);

    size_t size() const { return points_.size(); }
    const LatLon& point(size_t i) const { return points_[i]; }

    // The indices of the `n` points nearest to p, nearest first (ties by index), at most
    // `max_distance_m` away.
    std::vector<size_t> nearest(LatLon p, size_t n, double max_distance_m = 1e12) const;
    // The indices of the points inside `box`, ascending.
    std::vector<size_t> within(const BBox& box) const;

private:
    std::vector<LatLon> points_;
    BBox bounds_;
    double cell_lat_ = 0, cell_lon_ = 0;
    int rows_ = 0, cols_ = 0;
    std::vector<std::vector<size_t>> cells_;  // row-major
};

}  // namespace beitai::geo
