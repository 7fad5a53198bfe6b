#include "raffle/progress.h"

#include <algorithm>
#include <cstdint>

#include "geo/geometry.h"

namespace beitai::raffle {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

int distinct_counties(std::uint64_t mask) { return __builtin_popcountll(mask); }

}  // namespace

Progress progress_of(const content::Campaign& campaign, const std::vector<Place>& places,
                     const std::vector<OwnCheckin>& mine) {
    // In time order, so that "first visit" means the first in time, not in storage.
    std::vector<const OwnCheckin*> in_order;
    for (const auto& c : mine) in_order.push_back(&c);
    std::stable_sort(in_order.begin(), in_order.end(),
                     [](const OwnCheckin* a, const OwnCheckin* b) { return a->at < b->at; });
    Progress p;
    p.needed = campaign.min_counties;
    for (const OwnCheckin* c : in_order) {
        if (c->state == CheckinState::counted) {
            p.sites_counted.push_back(c->site);
            if (const Place* place = find_place(places, c->site))
                if (!contains(p.counties_done, place->county)) p.counties_done.push_back(place->county);
        } else if (c->state == CheckinState::held || c->state == CheckinState::photo_pending) {
            p.sites_waiting.push_back(c->site);
        }
    }
    p.eligible = static_cast<int>(p.counties_done.size()) >= p.needed;
    return p;
}

std::vector<const Place*> nearest_missing(const std::vector<Place>& places, const Progress& progress,
                                          geo::LatLon from, size_t limit) {
    std::vector<std::pair<double, const Place*>> candidates;
    for (const auto& p : places) {
        if (contains(progress.counties_done, p.county)) continue;
        if (contains(progress.sites_counted, p.site) || contains(progress.sites_waiting, p.site)) continue;
        candidates.emplace_back(geo::distance_m(from, p.at), &p);
    }
    // Ties keep the campaign's order.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const Place*> out;
    for (size_t i = 0; i < candidates.size() && i < limit; ++i) out.push_back(candidates[i].second);
    return out;
}

std::vector<long long> eligible_participants(std::vector<CountedCheckin> checkins, int min_counties,
                                             long long cutoff, const std::vector<long long>& excluded) {
    // Drop what is late or has no county index, then group by participant: one pass of a
    // sort and a bitmask of counties per participant, fast enough for a million check-ins.
    checkins.erase(std::remove_if(checkins.begin(), checkins.end(),
                                  [cutoff](const CountedCheckin& c) { return c.at > cutoff || c.county < 0 || c.county >= 64; }),
                   checkins.end());
    std::sort(checkins.begin(), checkins.end(),
              [](const CountedCheckin& a, const CountedCheckin& b) { return a.participant < b.participant; });
    std::vector<long long> out_of_draw = excluded;
    std::sort(out_of_draw.begin(), out_of_draw.end());

    std::vector<long long> eligible;
    for (size_t i = 0; i < checkins.size();) {
        const long long participant = checkins[i].participant;
        std::uint64_t mask = 0;
        for (; i < checkins.size() && checkins[i].participant == participant; ++i)
            mask |= std::uint64_t(1) << checkins[i].county;
        if (distinct_counties(mask) >= min_counties &&
            !std::binary_search(out_of_draw.begin(), out_of_draw.end(), participant))
            eligible.push_back(participant);
    }
    return eligible;
}

bool is_eligible(const content::Campaign& campaign, const std::vector<Place>& places, const std::vector<OwnCheckin>& mine,
                 long long cutoff) {
    std::vector<std::string> counties;
    for (const auto& c : mine) {
        if (c.state != CheckinState::counted || c.at > cutoff) continue;
        if (const Place* place = find_place(places, c.site))
            if (!contains(counties, place->county)) counties.push_back(place->county);
    }
    return static_cast<int>(counties.size()) >= campaign.min_counties;
}

}  // namespace beitai::raffle
