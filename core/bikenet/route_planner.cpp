#include "bikenet/route_planner.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <unordered_map>
#include <unordered_set>

namespace beitai::bikenet {

namespace {

using Step = RoutePlanner::Step;

std::uint32_t u32(std::size_t n) { return static_cast<std::uint32_t>(n); }

// A way onto or off the network by road to a station costs a metre more than the same way
// by the network's own joins (its nearest vertex, a break), so that of two equal ways the
// plan names the join the network knows.
constexpr double kRoadAccessExtra = 1;

geo::Polyline slice(const geo::Polyline& line, std::size_t begin, std::size_t end) {
    geo::Polyline out;
    if (begin <= end) out.assign(line.begin() + static_cast<long>(begin), line.begin() + static_cast<long>(end) + 1);
    else
        for (std::size_t i = begin + 1; i-- > end;) out.push_back(line[i]);
    return out;
}

double partial_length(const geo::Polyline& line, std::size_t from, std::size_t to) {
    double m = 0;
    for (std::size_t i = std::min(from, to); i < std::max(from, to); ++i) m += geo::distance_m(line[i], line[i + 1]);
    return m;
}

// The plan the search found, step by step from the start: its legs (route pieces of one
// route joined into one leg), path, length, counties and routes.
class Layout {
public:
    Layout(const Network& net, const std::vector<Gap>& gaps, const std::vector<geo::LatLon>& positions,
           const std::vector<std::uint32_t>& station_edge, PlannedRoute& out)
        : net_(net), gaps_(gaps), positions_(positions), station_edge_(station_edge), out_(out) {}

    void add(const Step& s, geo::LatLon from, geo::LatLon to) {
        switch (s.kind) {
            case Step::piece: route_piece(s.index, s.begin, s.end); break;
            case Step::gap: {
                const Gap& g = gaps_[s.index];
                off(LegKind::across_break, s.reversed ? g.end_b : g.end_a, s.reversed ? g.end_a : g.end_b,
                    s.reversed ? g.county_b : g.county_a, s.reversed ? g.county_a : g.county_b);
                break;
            }
            case Step::road:
                off(LegKind::on_roads, positions_[s.begin], positions_[s.end], county_of(s.begin), county_of(s.end));
                break;
            case Step::start_piece:
                off(LegKind::to_network, from, edge_point(s.index, s.begin), "", route_county(s.index));
                route_piece(s.index, s.begin, s.end);
                break;
            case Step::start_road: off(LegKind::to_network, from, positions_[s.end], "", county_of(s.end)); break;
            case Step::finish_piece:
                route_piece(s.index, s.begin, s.end);
                off(LegKind::from_network, edge_point(s.index, s.end), to, route_county(s.index), "");
                break;
            case Step::finish_road: off(LegKind::from_network, positions_[s.begin], to, county_of(s.begin), ""); break;
            case Step::through:
                off(LegKind::to_network, from, edge_point(s.index, s.begin), "", route_county(s.index));
                route_piece(s.index, s.begin, s.end);
                off(LegKind::from_network, edge_point(s.index, s.end), to, route_county(s.index), "");
                break;
            case Step::direct: off(LegKind::on_roads, from, to, "", ""); break;
        }
    }

    void finish() {
        for (const Leg& leg : out_.legs) {
            out_.length_m += leg.length_m;
            if (leg.kind != LegKind::route) out_.off_network_m += leg.length_m;
        }
        // Where the trip joins and leaves the network: the ends of its first and last leg
        // on it (the start and end themselves when it never does).
        out_.start = out_.path.empty() ? geo::LatLon{} : out_.path.front();
        out_.end = out_.path.empty() ? geo::LatLon{} : out_.path.back();
        if (!out_.legs.empty() && out_.legs.front().kind == LegKind::to_network) {
            out_.start = out_.legs.front().to;
            out_.start_snap_m = out_.legs.front().length_m;
        }
        if (!out_.legs.empty() && out_.legs.back().kind == LegKind::from_network) {
            out_.end = out_.legs.back().from;
            out_.end_snap_m = out_.legs.back().length_m;
        }
    }

private:
    const std::string& route_county(std::uint32_t edge) const { return net_.routes[net_.edges[edge].route].county; }
    geo::LatLon edge_point(std::uint32_t edge, std::uint32_t vertex) const { return net_.edges[edge].line[vertex]; }
    std::string county_of(std::uint32_t node) const {
        return node < net_.nodes.size() ? net_.node_county(node) : route_county(station_edge_[node - net_.nodes.size()]);
    }

    void append(const geo::Polyline& piece) {
        for (const auto& p : piece)
            if (out_.path.empty() || out_.path.back().lat != p.lat || out_.path.back().lon != p.lon) out_.path.push_back(p);
    }
    void add_county(const std::string& county) {
        if (!county.empty() && (out_.counties.empty() || out_.counties.back() != county)) out_.counties.push_back(county);
    }

    void route_piece(std::uint32_t edge_index, std::uint32_t begin, std::uint32_t end) {
        const Edge& edge = net_.edges[edge_index];
        const auto& route = net_.routes[edge.route];
        if (begin == end) return;  // joined and left at one vertex: nothing ridden
        add_county(route.county);
        if (out_.route_ids.empty() || out_.route_ids.back() != route.id) out_.route_ids.push_back(route.id);
        const geo::Polyline piece = slice(edge.line, begin, end);
        append(piece);
        const double length = geo::length_m(piece);
        if (!out_.legs.empty() && out_.legs.back().kind == LegKind::route && out_.legs.back().route_id == route.id) {
            Leg& leg = out_.legs.back();
            leg.to = piece.back();
            leg.length_m += length;
            leg.line.insert(leg.line.end(), piece.begin() + 1, piece.end());
            return;
        }
        out_.legs.push_back({LegKind::route, piece.front(), piece.back(), length, route.id, route.county, route.county, piece});
    }

    void off(LegKind kind, geo::LatLon a, geo::LatLon b, const std::string& county_a, const std::string& county_b) {
        const double length = geo::distance_m(a, b);
        if (length <= 0) return;
        append({a, b});
        add_county(county_a);
        add_county(county_b);
        out_.legs.push_back({kind, a, b, length, "", county_a, county_b, {a, b}});
    }

    const Network& net_;
    const std::vector<Gap>& gaps_;
    const std::vector<geo::LatLon>& positions_;
    const std::vector<std::uint32_t>& station_edge_;
    PlannedRoute& out_;
};

}  // namespace

RoutePlanner::RoutePlanner(const Network& network, std::vector<Gap> gaps, PlanOptions options)
    : net_(network), gaps_(std::move(gaps)), options_(options) {
    std::vector<geo::LatLon> points;
    for (std::size_t e = 0; e < net_.edges.size(); ++e)
        for (std::size_t i = 0; i < net_.edges[e].line.size(); ++i) {
            points.push_back(net_.edges[e].line[i]);
            vertex_ref_.emplace_back(e, i);
        }
    vertices_ = geo::PointIndex(std::move(points), 500);
    double max_abs_lat = 0;
    for (const auto& p : net_.nodes) max_abs_lat = std::max(max_abs_lat, std::abs(p.lat));
    min_cos_lat_ = std::cos(max_abs_lat * 3.14159265358979323846 / 180);

    // Stations: each edge's two nodes, and a vertex inside it about every station_spacing_m.
    const std::size_t network_nodes = net_.nodes.size();
    positions_ = net_.nodes;
    for (std::size_t e = 0; e < net_.edges.size(); ++e) {
        const Edge& edge = net_.edges[e];
        station_begin_.push_back(u32(station_vertex_.size()));
        station_vertex_.push_back(0);
        station_node_.push_back(u32(edge.from));
        double since = 0;
        for (std::size_t i = 1; i + 1 < edge.line.size(); ++i) {
            since += geo::distance_m(edge.line[i - 1], edge.line[i]);
            if (since < options_.station_spacing_m) continue;
            since = 0;
            station_vertex_.push_back(u32(i));
            station_node_.push_back(u32(positions_.size()));
            station_edge_.push_back(u32(e));
            positions_.push_back(edge.line[i]);
        }
        station_vertex_.push_back(u32(edge.line.size() - 1));
        station_node_.push_back(u32(edge.to));
    }
    station_begin_.push_back(u32(station_vertex_.size()));
    stations_ = geo::PointIndex(positions_, std::max(500.0, options_.road_link_max_m / 2));

    std::vector<std::vector<Arc>> out(positions_.size());
    std::unordered_set<std::uint64_t> joined;  // node pairs already joined off the routes
    auto pair_key = [](std::uint32_t a, std::uint32_t b) {
        return (static_cast<std::uint64_t>(std::min(a, b)) << 32) | std::max(a, b);
    };
    for (std::size_t e = 0; e < net_.edges.size(); ++e) {
        const Edge& edge = net_.edges[e];
        for (std::uint32_t k = station_begin_[e]; k + 1 < station_begin_[e + 1]; ++k) {
            const std::uint32_t va = station_vertex_[k], vb = station_vertex_[k + 1];
            const std::uint32_t a = station_node_[k], b = station_node_[k + 1];
            const double length = partial_length(edge.line, va, vb);
            out[a].push_back({b, length, {Step::piece, false, u32(e), va, vb}});
            out[b].push_back({a, length, {Step::piece, false, u32(e), vb, va}});
        }
    }
    for (std::size_t g = 0; g < gaps_.size(); ++g) {
        const Gap& gap = gaps_[g];
        const double cost = gap.distance_m * options_.off_network_penalty;
        out[gap.node_a].push_back({u32(gap.node_b), cost, {Step::gap, false, u32(g), 0, 0}});
        out[gap.node_b].push_back({u32(gap.node_a), cost, {Step::gap, true, u32(g), 0, 0}});
        joined.insert(pair_key(u32(gap.node_a), u32(gap.node_b)));
    }
    // Road links: from each station to the nearest stations of other routes' edges. Not to
    // its own edge, nor, from a node, to the edges that meet there: those are ridden.
    auto shares_edge = [&](std::uint32_t a, std::uint32_t b) {
        auto edges_of = [&](std::uint32_t n, auto&& visit) {
            if (n >= network_nodes) return visit(station_edge_[n - network_nodes]);
            for (std::size_t e : net_.adjacency[n])
                if (visit(u32(e))) return true;
            return false;
        };
        return edges_of(a, [&](std::uint32_t ea) { return edges_of(b, [&](std::uint32_t eb) { return ea == eb; }); });
    };
    const std::size_t candidates = options_.road_links_per_station * 4 + 8;
    for (std::uint32_t a = 0; a < positions_.size(); ++a) {
        std::size_t linked = 0;
        for (std::size_t near : stations_.nearest(positions_[a], candidates, options_.road_link_max_m)) {
            if (linked == options_.road_links_per_station) break;
            const std::uint32_t b = u32(near);
            if (b == a || shares_edge(a, b) || !joined.insert(pair_key(a, b)).second) continue;
            const double cost = geo::distance_m(positions_[a], positions_[b]) * options_.off_network_penalty;
            out[a].push_back({b, cost, {Step::road, false, 0, a, b}});
            out[b].push_back({a, cost, {Step::road, false, 0, b, a}});
            ++linked;
            ++road_links_;
        }
    }
    // Fragments: the network's separate pieces (routes that share no node). Two of them
    // within fragment_link_max_m are joined by road wherever they come nearest — at every
    // station whose way to the other piece is shorter than its neighbours' along its route
    // (a local minimum), not only at the one nearest pair: a road across 7 km where two
    // pieces pass close can save a ride of 30 around to where they touch.
    auto fragment_of = [&](std::uint32_t n) -> std::uint32_t {
        return u32(net_.component[n < network_nodes ? n : net_.edges[station_edge_[n - network_nodes]].from]);
    };
    const double reach = options_.fragment_link_max_m;
    std::vector<std::vector<std::uint32_t>> fragment_stations(net_.component_count);
    std::vector<geo::BBox> fragment_box(net_.component_count);
    for (std::uint32_t n = 0; n < positions_.size(); ++n) {
        const std::uint32_t f = fragment_of(n);
        fragment_stations[f].push_back(n);
        fragment_box[f].extend(positions_[n]);
    }
    std::vector<geo::PointIndex> fragment_index;
    for (const auto& stations : fragment_stations) {
        std::vector<geo::LatLon> points;
        for (std::uint32_t n : stations) points.push_back(positions_[n]);
        fragment_index.emplace_back(std::move(points), 2000);
    }
    auto box_gap_m = [](const geo::BBox& x, const geo::LatLon& p) {
        const geo::LatLon q{std::clamp(p.lat, x.south, x.north), std::clamp(p.lon, x.west, x.east)};
        return geo::distance_m(p, q);
    };
    std::unordered_map<std::uint32_t, std::pair<std::uint32_t, double>> toward;  // station → (station, metres)
    for (std::uint32_t f = 0; f < fragment_stations.size(); ++f) {
        if (fragment_stations[f].empty()) continue;
        const geo::BBox near_f = fragment_box[f].padded(reach);
        for (std::uint32_t g = f + 1; g < fragment_stations.size(); ++g) {
            if (fragment_stations[g].empty() || !near_f.intersects(fragment_box[g])) continue;
            // From the smaller piece's stations to the nearest of the larger's.
            const bool f_smaller = fragment_stations[f].size() <= fragment_stations[g].size();
            const std::uint32_t from = f_smaller ? f : g, to = f_smaller ? g : f;
            toward.clear();
            for (std::uint32_t a : fragment_stations[from]) {
                if (box_gap_m(fragment_box[to], positions_[a]) > reach) continue;
                const auto near = fragment_index[to].nearest(positions_[a], 1, reach);
                if (!near.empty())
                    toward[a] = {fragment_stations[to][near[0]], geo::distance_m(positions_[a], fragment_index[to].point(near[0]))};
            }
            for (const auto& [a, link] : toward) {
                bool local_minimum = true;
                for (const Arc& arc : out[a])
                    if (arc.step.kind == Step::piece) {
                        const auto it = toward.find(arc.to);
                        if (it != toward.end() && (it->second.second < link.second ||
                                                   (it->second.second == link.second && arc.to < a)))
                            local_minimum = false;
                    }
                if (!local_minimum || !joined.insert(pair_key(a, link.first)).second) continue;
                const double cost = link.second * options_.off_network_penalty;
                out[a].push_back({link.first, cost, {Step::road, false, 0, a, link.first}});
                out[link.first].push_back({a, cost, {Step::road, false, 0, link.first, a}});
                ++road_links_;
            }
        }
    }

    arc_begin_.reserve(positions_.size() + 1);
    for (const auto& arcs : out) {
        arc_begin_.push_back(u32(arcs_.size()));
        arcs_.insert(arcs_.end(), arcs.begin(), arcs.end());
    }
    arc_begin_.push_back(u32(arcs_.size()));
}

bool RoutePlanner::snap(geo::LatLon p, Snap& out) const {
    auto near = vertices_.nearest(p, 1, options_.max_snap_m);
    if (near.empty()) return false;
    out.edge = vertex_ref_[near[0]].first;
    out.vertex = vertex_ref_[near[0]].second;
    out.distance_m = geo::distance_m(p, vertices_.point(near[0]));
    return true;
}

std::pair<std::uint32_t, std::uint32_t> RoutePlanner::stations_around(std::size_t edge, std::size_t vertex) const {
    const auto first = station_vertex_.begin() + station_begin_[edge];
    const auto last = station_vertex_.begin() + station_begin_[edge + 1];
    const auto after = std::lower_bound(first, last, u32(vertex));  // never `last`: the edge's end is a station
    const auto k = static_cast<std::uint32_t>(after - station_vertex_.begin());
    return {*after == vertex ? k : k - 1, k};
}

PlannedRoute RoutePlanner::plan(geo::LatLon from, geo::LatLon to) const {
    PlannedRoute result;
    Snap a, b;
    if (!snap(from, a)) {
        result.failure = PlanFailure::start_far;
        return result;
    }
    if (!snap(to, b)) {
        result.failure = PlanFailure::end_far;
        return result;
    }
    const double penalty = options_.off_network_penalty;

    // Graph nodes 0..G-1; S = G is the start, T = G + 1 the end.
    const std::size_t G = positions_.size(), S = G, T = G + 1;
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> cost(G + 2, inf);
    std::vector<std::uint32_t> previous(G + 2, UINT32_MAX);
    std::vector<Step> via(G + 2);
    // A* needs a lower bound of the remaining cost, cheaply: the equirectangular distance to
    // the end with the smallest east–west scale of the network (its poleward edge), so that
    // it never exceeds the great-circle one, shrunk by 1 % for the sphere's curvature. Every
    // metre costs at least a metre.
    const double metres_per_degree = geo::kEarthRadiusMetres * 3.14159265358979323846 / 180;
    const double cos_end = std::min(min_cos_lat_, std::cos(std::max(std::abs(from.lat), std::abs(to.lat)) * 3.14159265358979323846 / 180));
    auto heuristic = [&](std::size_t node) {
        const geo::LatLon p = node == S ? from : node == T ? to : positions_[node];
        const double dy = (p.lat - to.lat) * metres_per_degree;
        const double dx = (p.lon - to.lon) * metres_per_degree * cos_end;
        return 0.99 * std::sqrt(dx * dx + dy * dy);
    };
    struct Item {
        double estimate;  // cost so far + heuristic
        double cost;      // cost so far when pushed: older pushes of a node are stale
        std::uint32_t node;
        bool operator>(const Item& other) const { return estimate > other.estimate; }
    };
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> open;
    cost[S] = 0;
    open.push({heuristic(S), 0, u32(S)});
    auto relax = [&](std::size_t from_node, std::size_t to_node, double step_cost, Step step) {
        const double c = cost[from_node] + step_cost;
        if (c < cost[to_node]) {
            cost[to_node] = c;
            previous[to_node] = u32(from_node);
            via[to_node] = step;
            open.push({c + heuristic(to_node), c, u32(to_node)});
        }
    };

    // Into the end: along the end's edge from the stations on either side of its vertex, or by
    // road from the stations nearest to it.
    const Edge& eb = net_.edges[b.edge];
    const auto [b_before, b_after] = stations_around(b.edge, b.vertex);
    std::vector<std::pair<std::uint32_t, double>> into_end;  // (node, road metres to the end)
    for (std::size_t n : stations_.nearest(to, options_.access_candidates, options_.max_snap_m))
        into_end.emplace_back(u32(n), geo::distance_m(positions_[n], to));

    while (!open.empty()) {
        const Item top = open.top();
        open.pop();
        const std::size_t node = top.node;
        if (node == T) break;
        if (top.cost > cost[node]) continue;  // stale entry
        if (node == S) {
            // Onto the network: at the nearest vertex, then along its edge to a station on
            // either side; or by road to one of the nearest stations; or straight there
            // when the end is no farther than a road link.
            const Edge& ea = net_.edges[a.edge];
            const auto [before, after] = stations_around(a.edge, a.vertex);
            for (std::uint32_t k : {before, after})
                relax(S, station_node_[k], penalty * a.distance_m + partial_length(ea.line, a.vertex, station_vertex_[k]),
                      {Step::start_piece, false, u32(a.edge), u32(a.vertex), station_vertex_[k]});
            for (std::size_t n : stations_.nearest(from, options_.access_candidates, options_.max_snap_m))
                relax(S, n, penalty * geo::distance_m(from, positions_[n]) + kRoadAccessExtra,
                      {Step::start_road, false, 0, u32(S), u32(n)});
            if (a.edge == b.edge)
                relax(S, T, penalty * (a.distance_m + b.distance_m) + partial_length(ea.line, a.vertex, b.vertex),
                      {Step::through, false, u32(a.edge), u32(a.vertex), u32(b.vertex)});
            const double straight = geo::distance_m(from, to);
            if (straight <= options_.road_link_max_m) relax(S, T, penalty * straight, {Step::direct, false, 0, 0, 0});
            continue;
        }
        for (std::uint32_t i = arc_begin_[node]; i < arc_begin_[node + 1]; ++i) relax(node, arcs_[i].to, arcs_[i].cost, arcs_[i].step);
        for (std::uint32_t k : {b_before, b_after})
            if (station_node_[k] == node)
                relax(node, T, partial_length(eb.line, station_vertex_[k], b.vertex) + penalty * b.distance_m,
                      {Step::finish_piece, false, u32(b.edge), station_vertex_[k], u32(b.vertex)});
        for (const auto& [n, metres] : into_end)
            if (n == node) relax(node, T, penalty * metres + kRoadAccessExtra, {Step::finish_road, false, 0, n, u32(T)});
    }
    if (cost[T] == inf) {
        result.failure = PlanFailure::unconnected;
        return result;
    }

    // Walk back from T, then lay the steps out from S.
    std::vector<Step> steps;
    for (std::size_t node = T; node != S; node = previous[node]) steps.push_back(via[node]);
    std::reverse(steps.begin(), steps.end());
    Layout layout(net_, gaps_, positions_, station_edge_, result);
    for (const Step& s : steps) layout.add(s, from, to);
    if (result.path.empty()) result.path.push_back(from);
    layout.finish();
    result.found = true;
    return result;
}

}  // namespace beitai::bikenet
