// The breaks (斷點) of the network: places where two counties' routes come close to each
// other but do not connect — what the committee's bike proposal asks each county to find
// at its borders. A break joins a route's loose end to the nearest point of another
// county's network that is not already connected to it.
#pragma once

#include <string>
#include <vector>

#include "bikenet/network.h"

namespace beitai::bikenet {

struct GapOptions {
    double max_gap_m = 3000;  // farther apart than this is not a break, just two networks
    // Two breaks between the same two networks closer than this are one place: keep the
    // shorter.
    double merge_m = 1000;
};

struct Gap {
    std::string county_a, county_b;  // a: the county with the loose end
    std::string route_a, route_b;    // route ids
    geo::LatLon end_a;               // the loose end
    geo::LatLon end_b;               // the nearest point of the other network
    size_t node_a = 0, node_b = 0;
    double distance_m = 0;
};

// Ranked by distance, shortest first.
std::vector<Gap> find_gaps(const Network& network, const GapOptions& options = {});

}  // namespace beitai::bikenet
