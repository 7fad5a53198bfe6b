// Test-side: places given in metres east and north of 25°N 121.5°E, for building lines of
// known length.
#pragma once

#include "geo/latlon.h"

namespace beitai::testing {

constexpr double kDegreesPerMetreLat = 1.0 / 111195.0;
constexpr double kDegreesPerMetreLon = 1.0 / (111195.0 * 0.906307787);  // cos 25°

inline geo::LatLon at(double east_m, double north_m) {
    return {25.0 + north_m * kDegreesPerMetreLat, 121.5 + east_m * kDegreesPerMetreLon};
}

}  // namespace beitai::testing
