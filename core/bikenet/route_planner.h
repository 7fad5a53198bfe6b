// Route planning on the bike network: from one point to another along the routes, with the
// length, the counties crossed, and — when the two points are not connected — where the
// trip must leave the network at a break (斷點) and how far it is off-network there.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bikenet/gaps.h"
#include "bikenet/network.h"

namespace beitai::bikenet {

struct PlanOptions {
    double max_snap_m = 2000;        // a start or end farther from any route is refused
    double off_network_penalty = 3;  // a metre across a break costs this many on a route
};

struct OffNetworkLeg {
    geo::LatLon from, to;
    double distance_m = 0;
    std::string county_from, county_to;
};

// Why a plan found no route, for a page to say in its reader's language (`message` says it
// in English for the API).
enum class PlanFailure { none, start_far, end_far, unconnected };

struct PlannedRoute {
    bool found = false;
    PlanFailure failure = PlanFailure::none;
    std::string message;  // why not, when not found
    geo::Polyline path;   // snapped start to snapped end
    double length_m = 0;  // on and off the network
    double off_network_m = 0;
    std::vector<std::string> counties;  // crossed, in order, each once per stay
    std::vector<std::string> route_ids;  // the routes ridden, in order
    std::vector<OffNetworkLeg> breaks;   // where the trip leaves the network
    geo::LatLon start, end;              // the snapped points
    double start_snap_m = 0, end_snap_m = 0;
};

class RoutePlanner {
public:
    RoutePlanner(const Network& network, std::vector<Gap> gaps, PlanOptions options = {});

    PlannedRoute plan(geo::LatLon from, geo::LatLon to) const;

private:
    struct Snap {
        size_t edge = 0, vertex = 0;
        double distance_m = 0;
    };
    bool snap(geo::LatLon p, Snap& out) const;

    const Network& net_;
    std::vector<Gap> gaps_;
    PlanOptions options_;
    geo::PointIndex vertices_;
    std::vector<std::pair<size_t, size_t>> vertex_ref_;  // vertex index → (edge, position)
    // The search graph in one flat array (edges and breaks alike, both directions), so
    // that a search touches contiguous memory, not the edges' polylines: the arcs leaving
    // node n are arcs_[arc_begin_[n] .. arc_begin_[n + 1]).
    struct Arc {
        uint32_t to = 0;
        uint32_t index = 0;  // edge or gap index
        double cost = 0;
        bool gap = false;
        bool reversed = false;
    };
    std::vector<uint32_t> arc_begin_;
    double min_cos_lat_ = 1;  // cos of the network's most poleward latitude
    std::vector<Arc> arcs_;
};

}  // namespace beitai::bikenet
