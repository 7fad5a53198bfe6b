// The cross-county bike network (完善北臺8縣市自行車道路網): route segments from every
// county joined into one graph. Endpoints that lie within a snapping tolerance of each
// other, or of a vertex of another route, become one node, so a route that ends on another
// (a T-junction) connects; the polylines are split at the nodes into edges.
#pragma once

#include <string>
#include <vector>

#include "content/route.h"
#include "geo/geometry.h"
#include "geo/spatial_index.h"

namespace beitai::bikenet {

// One route as a county publishes it (TDX Cycling Shape, or our GeoJSON).
using RouteSegment = content::Route;

struct NetworkOptions {
    double snap_m = 20;  // endpoints this close are the same place
};

struct Edge {
    size_t from = 0, to = 0;  // node indices
    size_t route = 0;         // index into Network::routes
    geo::Polyline line;       // from node `from` to node `to`
    double length_m = 0;
};

struct Network {
    std::vector<RouteSegment> routes;
    std::vector<geo::LatLon> nodes;
    std::vector<Edge> edges;
    std::vector<std::vector<size_t>> adjacency;  // node → edge indices
    std::vector<size_t> component;                // node → connected component id
    size_t component_count = 0;

    // The county of a node: the county of the first route touching it.
    const std::string& node_county(size_t node) const;
    size_t degree(size_t node) const { return adjacency[node].size(); }
};

Network build_network(std::vector<RouteSegment> routes, const NetworkOptions& options = {});

struct LengthByKey {
    std::string key;  // county id or route id
    double length_m = 0;
    size_t segments = 0;
};

// Network length per county, in the routes' county order of first appearance.
std::vector<LengthByKey> length_per_county(const Network& network);
// Length per route (a route split into several edges is summed back).
std::vector<LengthByKey> length_per_route(const Network& network);

}  // namespace beitai::bikenet
