// GET /api/bikenet/route, as a writer and its reader: a planned route —
// {"found", "message", "length_m", "off_network_m", "counties", "routes", "breaks":
// [{"from", "to", "distance_m", "county_from", "county_to"}], "start", "end", "path"
// (a GeoJSON LineString), "sample"}, points as {"lat", "lon"}. The server writes it; the
// browser plans in its own WASM with the same core, and the reader holds the format to its
// word (read(write(x)) written again is the same text).
#pragma once

#include "bikenet/route_planner.h"
#include "text/json_reader.h"
#include "text/result.h"

namespace beitai::bikenet {

// `sample`: the network is sample data (示範資料).
text::Json planned_route_json(const PlannedRoute& route, bool sample);

struct PlannedRouteReply {
    PlannedRoute route;  // without the snapping distances, which are not sent
    bool sample = false;
};
Result<PlannedRouteReply> read_planned_route_json(const text::Json& root);

}  // namespace beitai::bikenet
