#include "bikenet/network.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace beitai::bikenet {

namespace {

// Union–find over vertex ids, to merge points that snap together.
struct DisjointSets {
    std::vector<size_t> parent;
    explicit DisjointSets(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), size_t{0}); }
    size_t find(size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    void unite(size_t a, size_t b) {
        a = find(a);
        b = find(b);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
};

}  // namespace

const std::string& Network::node_county(size_t node) const {
    static const std::string none;
    if (node >= adjacency.size() || adjacency[node].empty()) return none;
    return routes[edges[adjacency[node].front()].route].county;
}

Network build_network(std::vector<RouteSegment> routes, const NetworkOptions& options) {
    Network net;
    // Drop degenerate input: a route needs two distinct points to be walked.
    routes.erase(std::remove_if(routes.begin(), routes.end(), [](const RouteSegment& r) { return r.line.size() < 2; }),
                 routes.end());
    net.routes = std::move(routes);

    // Every vertex of every route, with where it comes from.
    struct VertexRef {
        size_t route, index;
    };
    std::vector<geo::LatLon> points;
    std::vector<VertexRef> refs;
    for (size_t r = 0; r < net.routes.size(); ++r)
        for (size_t i = 0; i < net.routes[r].line.size(); ++i) {
            points.push_back(net.routes[r].line[i]);
            refs.push_back({r, i});
        }
    std::vector<size_t> first_vertex(net.routes.size() + 1, 0);
    for (size_t r = 0; r < net.routes.size(); ++r) first_vertex[r + 1] = first_vertex[r] + net.routes[r].line.size();

    // A vertex is a node when it ends a route or when another route's end snaps onto it.
    std::vector<char> is_node(points.size(), 0);
    DisjointSets sets(points.size());
    geo::PointIndex index(points, std::max(options.snap_m * 4, 50.0));
    for (size_t r = 0; r < net.routes.size(); ++r) {
        for (size_t end : {first_vertex[r], first_vertex[r + 1] - 1}) {
            is_node[end] = 1;
            for (size_t other : index.nearest(points[end], 16, options.snap_m)) {
                if (refs[other].route == r && other != end) continue;  // a route does not snap to itself
                is_node[other] = 1;
                sets.unite(end, other);
            }
        }
    }

    // Number the merged nodes: the representative's position stands for the group.
    std::unordered_map<size_t, size_t> node_of_root;
    std::vector<size_t> node_of_vertex(points.size(), SIZE_MAX);
    for (size_t v = 0; v < points.size(); ++v) {
        if (!is_node[v]) continue;
        size_t root = sets.find(v);
        auto [it, added] = node_of_root.emplace(root, net.nodes.size());
        if (added) net.nodes.push_back(points[root]);
        node_of_vertex[v] = it->second;
    }

    // Split each route at its node vertices.
    net.adjacency.assign(net.nodes.size(), {});
    for (size_t r = 0; r < net.routes.size(); ++r) {
        Edge edge;
        edge.route = r;
        edge.from = node_of_vertex[first_vertex[r]];
        edge.line.push_back(net.nodes[edge.from]);
        for (size_t v = first_vertex[r] + 1; v < first_vertex[r + 1]; ++v) {
            const bool node = node_of_vertex[v] != SIZE_MAX;
            edge.line.push_back(node ? net.nodes[node_of_vertex[v]] : points[v]);
            if (!node) continue;
            edge.to = node_of_vertex[v];
            edge.length_m = geo::length_m(edge.line);
            if (edge.from != edge.to || edge.line.size() > 2) {
                net.adjacency[edge.from].push_back(net.edges.size());
                if (edge.to != edge.from) net.adjacency[edge.to].push_back(net.edges.size());
                net.edges.push_back(edge);
            }
            edge.from = edge.to;
            edge.line = {net.nodes[edge.from]};
        }
    }

    // Connected components by breadth-first search over the edges.
    net.component.assign(net.nodes.size(), SIZE_MAX);
    std::vector<size_t> queue;
    for (size_t start = 0; start < net.nodes.size(); ++start) {
        if (net.component[start] != SIZE_MAX) continue;
        const size_t id = net.component_count++;
        net.component[start] = id;
        queue.assign(1, start);
        while (!queue.empty()) {
            size_t n = queue.back();
            queue.pop_back();
            for (size_t e : net.adjacency[n]) {
                size_t other = net.edges[e].from == n ? net.edges[e].to : net.edges[e].from;
                if (net.component[other] == SIZE_MAX) {
                    net.component[other] = id;
                    queue.push_back(other);
                }
            }
        }
    }
    return net;
}

namespace {
std::vector<LengthByKey> lengths(const Network& net, bool by_county) {
    std::vector<LengthByKey> out;
    std::unordered_map<std::string, size_t> slot;
    for (const auto& e : net.edges) {
        const RouteSegment& r = net.routes[e.route];
        const std::string& key = by_county ? r.county : r.id;
        auto [it, added] = slot.emplace(key, out.size());
        if (added) out.push_back({key, 0, 0});
        out[it->second].length_m += e.length_m;
        out[it->second].segments += 1;
    }
    return out;
}
}  // namespace

std::vector<LengthByKey> length_per_county(const Network& network) { return lengths(network, true); }
std::vector<LengthByKey> length_per_route(const Network& network) { return lengths(network, false); }

}  // namespace beitai::bikenet
