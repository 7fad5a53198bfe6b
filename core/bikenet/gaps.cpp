#include "bikenet/gaps.h"

#include <algorithm>
#include <map>

namespace beitai::bikenet {

std::vector<Gap> find_gaps(const Network& net, const GapOptions& options) {
    // Targets: every node (ends and junctions), indexed once.
    geo::PointIndex index(net.nodes, std::max(options.max_gap_m / 2, 100.0));
    std::vector<Gap> candidates;
    for (size_t n = 0; n < net.nodes.size(); ++n) {
        if (net.degree(n) != 1) continue;  // only loose ends start a break
        const std::string& county = net.node_county(n);
        for (size_t other : index.nearest(net.nodes[n], 64, options.max_gap_m)) {
            if (net.component[other] == net.component[n]) continue;  // already connected
            if (net.degree(other) == 0) continue;  // every route there was dropped: no network to reach
            const std::string& other_county = net.node_county(other);
            if (other_county == county) continue;  // a break is between two counties
            Gap g;
            g.county_a = county;
            g.county_b = other_county;
            g.route_a = net.routes[net.edges[net.adjacency[n].front()].route].id;
            g.route_b = net.routes[net.edges[net.adjacency[other].front()].route].id;
            g.end_a = net.nodes[n];
            g.end_b = net.nodes[other];
            g.node_a = n;
            g.node_b = other;
            g.distance_m = geo::distance_m(g.end_a, g.end_b);
            candidates.push_back(g);
            break;  // nearest first: the first foreign, unconnected node is the break
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Gap& a, const Gap& b) {
        if (a.distance_m != b.distance_m) return a.distance_m < b.distance_m;
        return a.node_a < b.node_a;
    });
    // The same place seen from both sides, or several loose ends of one junction, is one
    // break: drop a candidate joining the same two networks near a shorter one.
    // Kept breaks are filed by the pair of networks they join, so each candidate is compared
    // with the few breaks between the same two networks, not with all of them.
    std::vector<Gap> gaps;
    std::map<std::pair<size_t, size_t>, std::vector<size_t>> by_networks;
    for (const auto& g : candidates) {
        const size_t ca = net.component[g.node_a], cb = net.component[g.node_b];
        auto& same_pair = by_networks[{std::min(ca, cb), std::max(ca, cb)}];
        bool duplicate = false;
        for (size_t k : same_pair) {
            const Gap& kept = gaps[k];
            // One place: the two ends meet (either way round) near each other, or a longer
            // miss aims at a node a shorter one already reaches.
            const bool same_place =
                std::min({geo::distance_m(kept.end_a, g.end_a), geo::distance_m(kept.end_b, g.end_b),
                          geo::distance_m(kept.end_a, g.end_b), geo::distance_m(kept.end_b, g.end_a)}) < options.merge_m ||
                kept.node_b == g.node_b || kept.node_a == g.node_b || kept.node_b == g.node_a;
            if (same_place) {
                duplicate = true;
                break;
            }
        }
        if (!duplicate) {
            same_pair.push_back(gaps.size());
            gaps.push_back(g);
        }
    }
    return gaps;
}

}  // namespace beitai::bikenet
