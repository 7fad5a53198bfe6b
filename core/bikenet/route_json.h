// GET /api/bikenet/route, as a writer and its reader: a planned route —
// {"found", "failure" ("", "start_far", "end_far", "unconnected"), "message" (why not, in the
// reader's language), "length_m", "off_network_m", "counties", "routes", "legs": [{"kind"
// (bikenet/plan_words.h), "from", "to", "length_m", "route" (a route leg's), "county_from",
// "county_to"}], "start", "end", "path" (a GeoJSON LineString), "sample"}, points as
// {"lat", "lon"}. The server writes it; the browser plans in its own WASM with the same core,
// and the reader holds the format to its word (read(write(x)) written again is the same text).
#pragma once

#include "bikenet/route_planner.h"
#include "text/json_reader.h"
#include "text/lang.h"
#include "text/result.h"

namespace beitai::bikenet {

// `sample`: the network is sample data (示範資料). The message is in `lang`, with the
// planner's `options` (its snapping limit).
text::Json planned_route_json(const PlannedRoute& route, bool sample, text::Lang lang, const PlanOptions& options);

struct PlannedRouteReply {
    PlannedRoute route;  // without the snapping distances, which are not sent
    bool sample = false;
    std::string message;
};
Result<PlannedRouteReply> read_planned_route_json(const text::Json& root);

}  // namespace beitai::bikenet
