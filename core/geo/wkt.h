// Well-Known Text as TDX's cycling data writes it: MULTILINESTRING((lon lat, lon lat, …), …)
// and LINESTRING(…), WGS84. Errors say where in the text ("at character 58: expected a
// number").
#pragma once

#include <string_view>
#include <vector>

#include "geo/geometry.h"
#include "text/result.h"

namespace beitai::geo {

Result<std::vector<Polyline>> parse_wkt_lines(std::string_view wkt);

}  // namespace beitai::geo
