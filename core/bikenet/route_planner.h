// Route planning on the bike network, as a rider would take it: along the bike routes where
// they go, and where they do not — a break (斷點) between two counties' routes, a stretch
// between two routes that never meet, the way from the start to the nearest route — on
// roads, for as short a way as the roads allow. Published networks are fragments: without
// the roads between them a trip detours absurdly or finds no way at all.
//
// The search graph: the network's nodes and "stations" along every route (about every
// station_spacing_m), joined along the routes, across the breaks, by road links between
// stations of different routes up to road_link_max_m apart, and between the network's
// separate pieces where they come nearest, up to fragment_link_max_m. A metre off the routes costs
// off_network_penalty metres on them, so the plan keeps to the routes unless they wander.
// Road legs are as the crow flies (we hold no road network): the plan says so.
//
// Every plan lists its legs in order, each labelled (to the network, a bike route, across a
// break, on roads, from the network) with its length, so the ends off the network are
// reported as they are.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bikenet/gaps.h"
#include "bikenet/network.h"

namespace beitai::bikenet {

struct PlanOptions {
    double max_snap_m = 2000;        // a start or end farther from any route is refused
    double off_network_penalty = 2;  // the cost of a metre off the routes, in metres on them
    double road_link_max_m = 3000;   // stations of two routes this close are joined by roads
    // Pieces of the network that share no node are joined where they come nearest, up to
    // this far: a long way on roads, said as such, rather than a ride round or no way.
    double fragment_link_max_m = 10000;
    double station_spacing_m = 500;  // how far apart along a route a road link may leave it
    std::size_t road_links_per_station = 6;
    std::size_t access_candidates = 8;  // the stations a start or an end may reach by road
};

enum class LegKind : std::uint8_t { to_network, route, across_break, on_roads, from_network };

struct Leg {
    LegKind kind = LegKind::route;
    geo::LatLon from, to;
    double length_m = 0;  // along a route; straight for the others
    std::string route_id;  // a route leg's route
    // The counties at its ends, as the network knows them (a route's county; "" for the
    // trip's own start and end, which the network does not place).
    std::string county_from, county_to;
    geo::Polyline line;  // its part of the path (not sent in the API's legs: the path has it)
};

// Why a plan found no route, for a page to say in its reader's language (bikenet/plan_words.h).
enum class PlanFailure { none, start_far, end_far, unconnected };

struct PlannedRoute {
    bool found = false;
    PlanFailure failure = PlanFailure::none;
    geo::Polyline path;        // from the start point to the end point, every leg
    double length_m = 0;       // every leg
    double off_network_m = 0;  // the legs that are not on a bike route
    std::vector<std::string> counties;   // crossed, in order, each once per stay
    std::vector<std::string> route_ids;  // the routes ridden, in order
    std::vector<Leg> legs;
    geo::LatLon start, end;  // where the trip joins the network and where it leaves it
    double start_snap_m = 0, end_snap_m = 0;  // how far those are from the start and the end
};

class RoutePlanner {
public:
    RoutePlanner(const Network& network, std::vector<Gap> gaps, PlanOptions options = {});

    PlannedRoute plan(geo::LatLon from, geo::LatLon to) const;

    const PlanOptions& options() const { return options_; }
    std::size_t road_link_count() const { return road_links_; }

    // A step of a search: an arc of the graph, or one of the virtual arcs from the start
    // or into the end. Public for the layout in the .cpp; not part of the interface.
    struct Step {
        enum Kind : std::uint8_t { piece, gap, road, start_piece, start_road, finish_piece, finish_road, through, direct };
        Kind kind = piece;
        bool reversed = false;       // a gap crossed from its b end
        std::uint32_t index = 0;     // the edge (pieces) or the gap
        std::uint32_t begin = 0, end = 0;  // vertices along the edge; a road's two graph nodes
    };

private:
    struct Snap {
        std::size_t edge = 0, vertex = 0;
        double distance_m = 0;
    };
    bool snap(geo::LatLon p, Snap& out) const;
    // The stations next to a vertex of an edge: the last at or before it, the first at or after.
    std::pair<std::uint32_t, std::uint32_t> stations_around(std::size_t edge, std::size_t vertex) const;

    const Network& net_;
    std::vector<Gap> gaps_;
    PlanOptions options_;
    geo::PointIndex vertices_;                            // every vertex of every edge, for snapping
    std::vector<std::pair<std::size_t, std::size_t>> vertex_ref_;  // vertex index → (edge, position)
    // Graph nodes: the network's nodes, then the stations inside edges.
    std::vector<geo::LatLon> positions_;
    std::vector<std::uint32_t> station_edge_;  // an inside station's edge (by node − network nodes)
    geo::PointIndex stations_;                 // every graph node, for road links and access
    // Each edge's stations in order: the vertex and the graph node, from station_begin_[e].
    std::vector<std::uint32_t> station_begin_, station_vertex_, station_node_;
    // The search graph in one flat array, so that a search touches contiguous memory: the
    // arcs leaving node n are arcs_[arc_begin_[n] .. arc_begin_[n + 1]).
    struct Arc {
        std::uint32_t to = 0;
        double cost = 0;
        Step step;
    };
    std::vector<std::uint32_t> arc_begin_;
    std::vector<Arc> arcs_;
    std::size_t road_links_ = 0;
    double min_cos_lat_ = 1;  // cos of the network's most poleward latitude
};

}  // namespace beitai::bikenet
