// The hand-made bike network the bikenet cases share: lines of known length at 25°N, and
// seven routes in five counties whose joins and breaks are known.
#pragma once

#include <utility>
#include <vector>

#include "bikenet/network.h"
#include "metres.h"

namespace beitai::testing {

using bikenet::RouteSegment;
using geo::LatLon;

inline RouteSegment route(const char* id, const char* county, std::vector<LatLon> line) {
    return {id, id, county, std::move(line)};
}

// Taipei: A—B—C along the x axis, 0 to 2000 m, with a spur B—D north.
// NewTaipei: E—F starting 5 m from C (snaps), then F—G.
// Keelung: H—I starting 400 m east of G: a break between NewTaipei and Keelung.
// Taoyuan: J—K 1 km south of A: far from everything (beyond 3 km? no: 1 km, a break with Taipei).
inline std::vector<RouteSegment> sample() {
    return {
        route("tp-1", "Taipei", {at(0, 0), at(500, 0), at(1000, 0)}),
        route("tp-2", "Taipei", {at(1000, 0), at(2000, 0)}),
        route("tp-spur", "Taipei", {at(1000, 0), at(1000, 800)}),
        route("ntp-1", "NewTaipei", {at(2005, 0), at(3000, 0)}),
        route("ntp-2", "NewTaipei", {at(3000, 0), at(3000, 1000), at(4000, 1000)}),
        route("kl-1", "Keelung", {at(4400, 1000), at(6000, 1000)}),
        route("ty-1", "Taoyuan", {at(0, -1000), at(-2000, -1000)}),
    };
}

}  // namespace beitai::testing
