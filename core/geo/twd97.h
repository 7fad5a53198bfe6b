// TWD97 TM2 zone 121 (EPSG:3826), the grid Taiwan's agencies publish coordinates in (Taipei's
// car parks as tw97x/tw97y), to and from WGS84 degrees.
//
// Transverse Mercator on the GRS80 ellipsoid: central meridian 121°E, scale 0.9999, false
// easting 250,000 m, false northing 0. The TWD97 datum is taken as WGS84 — as PROJ and the
// EPSG's "TWD97 to WGS 84 (1)" do (a null transformation, good to about a metre): what moves
// between them is the projection only. Krüger's series in n to the sixth order, as Karney
// (2011, "Transverse Mercator with an accuracy of a few nanometers") gives them: within a
// few nanometres of the exact mapping across Taiwan, and so within PROJ's own rounding
// (tests/proj checks it against PROJ's cs2cs).
//
// x is the easting, y the northing, in metres (Projected, geometry.h).
#pragma once

#include "geo/geometry.h"
#include "geo/latlon.h"

namespace beitai::geo {

Projected to_twd97(LatLon p);
// NaN in, or a point so far off the grid that the series overflow, gives a non-finite
// LatLon: a reader checks the result (is_valid) before it believes it.
LatLon from_twd97(Projected p);

}  // namespace beitai::geo
