#include "bikenet/route_planner.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

namespace beitai::bikenet {

namespace {

// A step of the search graph: along an edge (whole or part), across a break, or virtual.
// Kept small (16 bytes): the search stores one per node it reaches.
struct Step {
    enum Kind : uint8_t { edge, gap, partial } kind = edge;
    bool reversed = false;  // edge or gap walked backwards
    uint32_t index = 0;     // edge or gap index
    uint32_t begin = 0, end = 0;  // partial: from vertex `begin` to vertex `end` of the edge's line
};

uint32_t u32(size_t n) { return static_cast<uint32_t>(n); }

geo::Polyline slice(const geo::Polyline& line, size_t begin, size_t end) {
    geo::Polyline out;
    if (begin <= end) out.assign(line.begin() + static_cast<long>(begin), line.begin() + static_cast<long>(end) + 1);
    else
        for (size_t i = begin + 1; i-- > end;) out.push_back(line[i]);
    return out;
}

double partial_length(const geo::Polyline& line, size_t from, size_t to) {
    double m = 0;
    for (size_t i = std::min(from, to); i < std::max(from, to); ++i) m += geo::distance_m(line[i], line[i + 1]);
    return m;
}

// The route the search found, step by step from the start: its path, length, the counties
// and routes it follows in order, and the legs off the network.
void lay_out(const Network& net, const std::vector<Gap>& gaps, const std::vector<Step>& steps, PlannedRoute& result) {
    auto add_county = [&](const std::string& county) {
        if (!county.empty() && (result.counties.empty() || result.counties.back() != county)) result.counties.push_back(county);
    };
    auto add_route = [&](const std::string& id) {
        if (result.route_ids.empty() || result.route_ids.back() != id) result.route_ids.push_back(id);
    };
    auto append = [&](const geo::Polyline& piece) {
        for (const auto& p : piece)
            if (result.path.empty() || result.path.back().lat != p.lat || result.path.back().lon != p.lon)
                result.path.push_back(p);
    };
    for (const Step& s : steps) {
        if (s.kind == Step::gap) {
            const Gap& g = gaps[s.index];
            OffNetworkLeg leg{s.reversed ? g.end_b : g.end_a, s.reversed ? g.end_a : g.end_b, g.distance_m,
                              s.reversed ? g.county_b : g.county_a, s.reversed ? g.county_a : g.county_b};
            append({leg.from, leg.to});
            result.off_network_m += leg.distance_m;
            result.length_m += leg.distance_m;
            add_county(leg.county_to);
            result.breaks.push_back(leg);
            continue;
        }
        const Edge& edge = net.edges[s.index];
        geo::Polyline piece = s.kind == Step::edge ? slice(edge.line, s.reversed ? edge.line.size() - 1 : 0,
                                                           s.reversed ? 0 : edge.line.size() - 1)
                                                   : slice(edge.line, s.begin, s.end);
        append(piece);
        result.length_m += geo::length_m(piece);
        add_county(net.routes[edge.route].county);
        add_route(net.routes[edge.route].id);
    }
}

}  // namespace

RoutePlanner::RoutePlanner(const Network& network, std::vector<Gap> gaps, PlanOptions options)
    : net_(network), gaps_(std::move(gaps)), options_(options) {
    std::vector<geo::LatLon> points;
    for (size_t e = 0; e < net_.edges.size(); ++e)
        for (size_t i = 0; i < net_.edges[e].line.size(); ++i) {
            points.push_back(net_.edges[e].line[i]);
            vertex_ref_.emplace_back(e, i);
        }
    vertices_ = geo::PointIndex(std::move(points), 500);
    double max_abs_lat = 0;
    for (const auto& p : net_.nodes) max_abs_lat = std::max(max_abs_lat, std::abs(p.lat));
    min_cos_lat_ = std::cos(max_abs_lat * 3.14159265358979323846 / 180);
    std::vector<std::vector<size_t>> gaps_at(net_.nodes.size());
    for (size_t g = 0; g < gaps_.size(); ++g) {
        gaps_at[gaps_[g].node_a].push_back(g);
        gaps_at[gaps_[g].node_b].push_back(g);
    }
    arc_begin_.reserve(net_.nodes.size() + 1);
    arcs_.reserve(2 * net_.edges.size() + 2 * gaps_.size());
    for (size_t node = 0; node < net_.nodes.size(); ++node) {
        arc_begin_.push_back(static_cast<uint32_t>(arcs_.size()));
        for (size_t e : net_.adjacency[node]) {
            const Edge& edge = net_.edges[e];
            const bool forward = edge.from == node;
            arcs_.push_back({static_cast<uint32_t>(forward ? edge.to : edge.from), static_cast<uint32_t>(e),
                             edge.length_m, false, !forward});
        }
        for (size_t g : gaps_at[node]) {
            const Gap& gap = gaps_[g];
            const bool forward = gap.node_a == node;
            arcs_.push_back({static_cast<uint32_t>(forward ? gap.node_b : gap.node_a), static_cast<uint32_t>(g),
                             gap.distance_m * options_.off_network_penalty, true, !forward});
        }
    }
    arc_begin_.push_back(static_cast<uint32_t>(arcs_.size()));
}

bool RoutePlanner::snap(geo::LatLon p, Snap& out) const {
    auto near = vertices_.nearest(p, 1, options_.max_snap_m);
    if (near.empty()) return false;
    out.edge = vertex_ref_[near[0]].first;
    out.vertex = vertex_ref_[near[0]].second;
    out.distance_m = geo::distance_m(p, vertices_.point(near[0]));
    return true;
}

PlannedRoute RoutePlanner::plan(geo::LatLon from, geo::LatLon to) const {
    PlannedRoute result;
    Snap a, b;
    if (!snap(from, a)) {
        result.failure = PlanFailure::start_far;
        result.message = "the start is more than " + std::to_string(static_cast<int>(options_.max_snap_m)) +
                         " m from any bike route";
        return result;
    }
    if (!snap(to, b)) {
        result.failure = PlanFailure::end_far;
        result.message = "the end is more than " + std::to_string(static_cast<int>(options_.max_snap_m)) +
                         " m from any bike route";
        return result;
    }
    const Edge& ea = net_.edges[a.edge];
    const Edge& eb = net_.edges[b.edge];
    result.start = ea.line[a.vertex];
    result.end = eb.line[b.vertex];
    result.start_snap_m = a.distance_m;
    result.end_snap_m = b.distance_m;

    // Nodes 0..N-1 are the network's; S = N is the start, T = N+1 the end.
    const size_t n = net_.nodes.size(), S = n, T = n + 1;
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> cost(n + 2, inf);
    std::vector<uint32_t> previous(n + 2, UINT32_MAX);
    std::vector<Step> via(n + 2);
    // A* needs a lower bound of the remaining distance, cheaply: the equirectangular
    // distance with the smallest east–west scale of the network (its poleward edge), so
    // that it never exceeds the great-circle one, shrunk by 1 % for the sphere's curvature.
    const double metres_per_degree = geo::kEarthRadiusMetres * 3.14159265358979323846 / 180;
    const double cos_end = min_cos_lat_;
    auto heuristic = [&](size_t node) {
        const geo::LatLon p = node == S ? result.start : node == T ? result.end : net_.nodes[node];
        const double dy = (p.lat - result.end.lat) * metres_per_degree;
        const double dx = (p.lon - result.end.lon) * metres_per_degree * cos_end;
        return 0.99 * std::sqrt(dx * dx + dy * dy);
    };
    struct Item {
        double estimate;  // cost so far + heuristic
        double cost;      // cost so far when pushed: older pushes of a node are stale
        uint32_t node;
        bool operator>(const Item& other) const { return estimate > other.estimate; }
    };
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> open;
    cost[S] = 0;
    open.push({heuristic(S), 0, static_cast<uint32_t>(S)});

    auto relax = [&](size_t from_node, size_t to_node, double step_cost, Step step) {
        const double c = cost[from_node] + step_cost;
        if (c < cost[to_node]) {
            cost[to_node] = c;
            previous[to_node] = static_cast<uint32_t>(from_node);
            via[to_node] = step;
            open.push({c + heuristic(to_node), c, static_cast<uint32_t>(to_node)});
        }
    };

    while (!open.empty()) {
        const Item top = open.top();
        open.pop();
        const size_t node = top.node;
        if (node == T) break;
        if (top.cost > cost[node]) continue;  // stale entry
        if (node == S) {
            // From the snap point along its edge, both ways.
            const size_t last_a = ea.line.size() - 1;
            relax(S, ea.from, partial_length(ea.line, 0, a.vertex), {Step::partial, false, u32(a.edge), u32(a.vertex), 0});
            relax(S, ea.to, partial_length(ea.line, a.vertex, last_a), {Step::partial, false, u32(a.edge), u32(a.vertex), u32(last_a)});
            if (a.edge == b.edge)
                relax(S, T, partial_length(ea.line, a.vertex, b.vertex), {Step::partial, false, u32(a.edge), u32(a.vertex), u32(b.vertex)});
            continue;
        }
        for (uint32_t i = arc_begin_[node]; i < arc_begin_[node + 1]; ++i) {
            const Arc& arc = arcs_[i];
            relax(node, arc.to, arc.cost, {arc.gap ? Step::gap : Step::edge, arc.reversed, arc.index, 0, 0});
        }
        const size_t last_b = eb.line.size() - 1;
        if (node == eb.from) relax(node, T, partial_length(eb.line, 0, b.vertex), {Step::partial, false, u32(b.edge), 0, u32(b.vertex)});
        if (node == eb.to)
            relax(node, T, partial_length(eb.line, b.vertex, last_b), {Step::partial, false, u32(b.edge), u32(last_b), u32(b.vertex)});
    }
    if (cost[T] == inf) {
        result.failure = PlanFailure::unconnected;
        result.message = "no way along the routes and their breaks joins the two points";
        return result;
    }

    // Walk back from T, then lay the pieces out from S.
    std::vector<Step> steps;
    for (size_t node = T; node != S; node = previous[node]) steps.push_back(via[node]);
    std::reverse(steps.begin(), steps.end());
    lay_out(net_, gaps_, steps, result);
    result.found = true;
    return result;
}

}  // namespace beitai::bikenet
