// Where a participant stands, and who is in a draw.
#pragma once

#include <string>
#include <vector>

#include "content/campaign.h"
#include "geo/latlon.h"
#include "raffle/checkin.h"

namespace beitai::raffle {

struct Progress {
    std::vector<std::string> counties_done;  // counties with a counted check-in, in first-visit order
    int needed = 3;                          // the campaign's min_counties
    bool eligible = false;                   // counties_done.size() >= needed
    std::vector<std::string> sites_counted;
    std::vector<std::string> sites_waiting;  // held or photo_pending
};

Progress progress_of(const content::Campaign& campaign, const std::vector<Place>& places,
                     const std::vector<OwnCheckin>& mine);

// The nearest participating sites to `from` in the counties the participant still lacks,
// nearest first, at most `limit`; sites already checked in are left out.
std::vector<const Place*> nearest_missing(const std::vector<Place>& places, const Progress& progress,
                                          geo::LatLon from, size_t limit);

// One counted check-in, reduced to what eligibility needs (a million of them must fit and
// sort quickly): the participant, the county as a small index (< 64), the time.
struct CountedCheckin {
    long long participant = 0;
    int county = 0;
    long long at = 0;
};

// The participants in a draw, ascending: counted check-ins up to and including the cut-off
// in at least `min_counties` distinct counties, minus `excluded` (earlier winners, when the
// campaign does not keep them in).
std::vector<long long> eligible_participants(std::vector<CountedCheckin> checkins, int min_counties,
                                             long long cutoff, const std::vector<long long>& excluded);

// Whether one participant is in: the same rule on their own check-ins.
bool is_eligible(const content::Campaign& campaign, const std::vector<Place>& places, const std::vector<OwnCheckin>& mine,
                 long long cutoff);

}  // namespace beitai::raffle
