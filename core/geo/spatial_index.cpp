// PointIndex: a uniform grid of cells over the points' bounding box.
//
// nearest() visits blocks of cells growing ring by ring around the query's cell and stops
// once the great-circle distance from the query to anything outside the visited block is
// larger than the n-th best distance found (or than the limit): the answer is exact, the
// same as sorting every point by distance. within() visits the cells the box overlaps.
//
// Positions that are not valid WGS84 (NaN, |lat| > 90, |lon| > 180) are kept so indices
// stay those of the caller's vector, but are never put in a cell and never returned.

#include "geo/spatial_index.h"

#include <algorithm>
#include <cmath>
#include <queue>
#include <utility>

namespace beitai::geo {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDegToRad = kPi / 180;
constexpr double kMetresPerDegree = kEarthRadiusMetres * kDegToRad;

// The grid never holds more cells than this many per point (nor more than kMaxCells):
// a small cell size over a wide box must not allocate millions of empty cells.
constexpr double kCellsPerPoint = 4;
constexpr double kMinCells = 1024;
constexpr double kMaxCells = 4194304;  // 2^22

// floor((value - origin) / step) as a cell number clamped to [lo, hi]; doubles first, so a
// query on the far side of the world cannot overflow an int.
int cell_of(double value, double origin, double step, int lo, int hi) {
    const double c = std::floor((value - origin) / step);
    if (!(c >= lo)) return lo;  // also NaN
    if (c > hi) return hi;
    return static_cast<int>(c);
}

// A lower bound of the great-circle distance from a point at latitude `lat` to any point
// whose longitude differs from it by at least `dlon_deg` (0..180): for a fixed pair of
// latitudes the haversine grows with the longitude difference, and the nearest point of a
// meridian is at the foot of the perpendicular (or a pole, past 90°).
double lon_gap_bound(double lat, double dlon_deg) {
    if (dlon_deg <= 0) return 0;
    const double phi = std::fabs(lat) * kDegToRad;
    if (dlon_deg >= 90) return kEarthRadiusMetres * (kPi / 2 - phi);
    const double s = std::cos(phi) * std::sin(dlon_deg * kDegToRad);
    return kEarthRadiusMetres * std::asin(std::min(1.0, s));
}

}  // namespace

PointIndex::PointIndex(std::vector<LatLon> points, double cell_m) : points_(std::move(points)) {
    size_t valid = 0;
    for (const auto& p : points_) {
        if (!is_valid(p)) continue;
        bounds_.extend(p);
        ++valid;
    }
    if (valid == 0) return;  // rows_ = cols_ = 0: every query answers nothing

    if (!(cell_m > 0) || !std::isfinite(cell_m)) cell_m = 1000;
    const double mid_lat = (bounds_.south + bounds_.north) / 2;
    const double cos_lat = std::max(std::cos(mid_lat * kDegToRad), 0.01);
    cell_lat_ = cell_m / kMetresPerDegree;
    cell_lon_ = cell_m / (kMetresPerDegree * cos_lat);

    const double span_lat = bounds_.north - bounds_.south, span_lon = bounds_.east - bounds_.west;
    double rows = std::floor(span_lat / cell_lat_) + 1, cols = std::floor(span_lon / cell_lon_) + 1;
    const double limit = std::min(kMaxCells, std::max(kMinCells, kCellsPerPoint * static_cast<double>(valid)));
    if (rows * cols > limit) {
        // Grow the cells, keeping their shape, until the grid fits the budget.
        const double grow = std::sqrt(rows * cols / limit);
        cell_lat_ *= grow;
        cell_lon_ *= grow;
        rows = std::floor(span_lat / cell_lat_) + 1;
        cols = std::floor(span_lon / cell_lon_) + 1;
        // A very thin box keeps its length in one dimension: cap each dimension alone.
        if (rows > limit) {
            cell_lat_ = span_lat / (limit - 1);
            rows = limit;
        }
        if (cols > limit) {
            cell_lon_ = span_lon / (limit - 1);
            cols = limit;
        }
        if (rows * cols > limit) {
            if (rows >= cols) {
                rows = std::max(1.0, std::floor(limit / cols));
                cell_lat_ = span_lat / rows * (1 + 1e-9);
            } else {
                cols = std::max(1.0, std::floor(limit / rows));
                cell_lon_ = span_lon / cols * (1 + 1e-9);
            }
        }
    }
    rows_ = static_cast<int>(rows);
    cols_ = static_cast<int>(cols);
    cells_.assign(static_cast<size_t>(rows_) * static_cast<size_t>(cols_), {});
    for (size_t i = 0; i < points_.size(); ++i) {
        const LatLon& p = points_[i];
        if (!is_valid(p)) continue;
        const int r = cell_of(p.lat, bounds_.south, cell_lat_, 0, rows_ - 1);
        const int c = cell_of(p.lon, bounds_.west, cell_lon_, 0, cols_ - 1);
        cells_[static_cast<size_t>(r) * cols_ + c].push_back(i);  // ascending within a cell
    }
}

std::vector<size_t> PointIndex::nearest(LatLon p, size_t n, double max_distance_m) const {
    std::vector<size_t> out;
    if (n == 0 || cells_.empty() || !is_valid(p) || !(max_distance_m >= 0)) return out;

    // The n best so far as a max-heap of (distance, index): the top is the worst kept.
    using Hit = std::pair<double, size_t>;
    std::priority_queue<Hit> best;
    auto consider = [&](size_t i) {
        const double d = distance_m(p, points_[i]);
        if (!(d <= max_distance_m)) return;
        const Hit hit{d, i};
        if (best.size() < n) {
            best.push(hit);
        } else if (hit < best.top()) {
            best.pop();
            best.push(hit);
        }
    };

    // If the data and the query span more than half the globe in longitude, the short
    // way round may cross the antimeridian, which the grid does not wrap: longitude gaps
    // then bound the distance only up to 360° minus the widest difference.
    const double widest = std::max(std::fabs(bounds_.east - p.lon), std::fabs(p.lon - bounds_.west));
    const double wrap_cap = widest > 180 ? 360 - widest : 180;

    const int r0 = cell_of(p.lat, bounds_.south, cell_lat_, 0, rows_ - 1);
    const int c0 = cell_of(p.lon, bounds_.west, cell_lon_, 0, cols_ - 1);
    int r_lo = r0, r_hi = r0, c_lo = c0, c_hi = c0;
    // The block visited so far; empty before the first round.
    int vr_lo = 0, vr_hi = -1, vc_lo = 0, vc_hi = -1;
    while (true) {
        for (int r = r_lo; r <= r_hi; ++r) {
            const bool old_row = r >= vr_lo && r <= vr_hi;
            for (int c = c_lo; c <= c_hi; ++c) {
                if (old_row && c >= vc_lo && c <= vc_hi) {
                    c = vc_hi;  // skip the part of the row visited before
                    continue;
                }
                for (size_t i : cells_[static_cast<size_t>(r) * cols_ + c]) consider(i);
            }
        }
        vr_lo = r_lo, vr_hi = r_hi, vc_lo = c_lo, vc_hi = c_hi;
        const bool whole_grid = r_lo == 0 && c_lo == 0 && r_hi == rows_ - 1 && c_hi == cols_ - 1;
        if (whole_grid) break;

        // Every point not yet visited lies below, above, west or east of the block.
        double bound = 1e300;
        if (r_lo > 0) {
            const double edge = bounds_.south + r_lo * cell_lat_;
            bound = std::min(bound, std::max(0.0, p.lat - edge) * kMetresPerDegree);
        }
        if (r_hi < rows_ - 1) {
            const double edge = bounds_.south + (r_hi + 1) * cell_lat_;
            bound = std::min(bound, std::max(0.0, edge - p.lat) * kMetresPerDegree);
        }
        if (c_lo > 0) {
            const double edge = bounds_.west + c_lo * cell_lon_;
            bound = std::min(bound, lon_gap_bound(p.lat, std::min(wrap_cap, std::max(0.0, p.lon - edge))));
        }
        if (c_hi < cols_ - 1) {
            const double edge = bounds_.west + (c_hi + 1) * cell_lon_;
            bound = std::min(bound, lon_gap_bound(p.lat, std::min(wrap_cap, std::max(0.0, edge - p.lon))));
        }
        bound = bound * (1 - 1e-9) - 1e-6;  // a point a rounding error across a cell edge
        if (bound > max_distance_m) break;
        if (best.size() == n && bound > best.top().first) break;

        r_lo = std::max(0, r_lo - 1);
        c_lo = std::max(0, c_lo - 1);
        r_hi = std::min(rows_ - 1, r_hi + 1);
        c_hi = std::min(cols_ - 1, c_hi + 1);
    }

    out.resize(best.size());
    for (size_t k = out.size(); k-- > 0;) {
        out[k] = best.top().second;
        best.pop();
    }
    return out;
}

std::vector<size_t> PointIndex::within(const BBox& box) const {
    std::vector<size_t> out;
    if (cells_.empty() || !box.intersects(bounds_)) return out;
    const int r_lo = cell_of(box.south, bounds_.south, cell_lat_, 0, rows_ - 1);
    const int r_hi = cell_of(box.north, bounds_.south, cell_lat_, 0, rows_ - 1);
    const int c_lo = cell_of(box.west, bounds_.west, cell_lon_, 0, cols_ - 1);
    const int c_hi = cell_of(box.east, bounds_.west, cell_lon_, 0, cols_ - 1);
    for (int r = r_lo; r <= r_hi; ++r)
        for (int c = c_lo; c <= c_hi; ++c)
            for (size_t i : cells_[static_cast<size_t>(r) * cols_ + c])
                if (box.contains(points_[i])) out.push_back(i);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace beitai::geo
