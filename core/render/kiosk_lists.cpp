#include "render/kiosk_lists.h"

#include <algorithm>

#include "geo/geometry.h"
#include "render/raffle_views.h"

namespace beitai::render {

std::vector<KioskParkingRow> kiosk_parking_rows(const parking::ParkingSnapshot& snapshot, geo::LatLon lobby,
                                                std::int64_t now, std::size_t n, double max_distance_m) {
    const auto& all = snapshot.car_parks();
    std::vector<KioskParkingRow> rows;
    for (const auto& near : snapshot.nearest_with_space(lobby, all.size(), max_distance_m)) {
        const parking::CarParkState& state = all[near.index];
        const parking::Freshness f = snapshot.freshness(state, now);
        KioskParkingRow row;
        row.index = near.index;
        row.key = parking::car_park_key(state.park);
        row.distance_m = near.distance_m;
        if (state.live) {
            row.available = state.live->available_spaces;
            row.total = state.live->total_spaces;
        }
        if (!row.total) row.total = state.park.total_spaces;
        row.level = state.level;
        row.age_s = f.age_s;
        row.stale = f.stale;
        rows.push_back(std::move(row));
    }
    // nearest_with_space gives them nearest first; a stable partition keeps that order
    // within the fresh and within the stale.
    std::stable_partition(rows.begin(), rows.end(), [](const KioskParkingRow& r) { return !r.stale; });
    if (rows.size() > n) rows.resize(n);
    return rows;
}

std::vector<KioskSiteRow> kiosk_campaign_sites(const content::Campaign& campaign, const std::vector<content::Site>& sites,
                                               geo::LatLon lobby, std::size_t n) {
    std::vector<KioskSiteRow> rows;
    for (const auto& cs : campaign.sites)
        if (const content::Site* site = content::find_site(sites, cs.site); site && site->at)
            rows.push_back({site, cs.radius_m, geo::distance_m(lobby, *site->at)});
    std::stable_sort(rows.begin(), rows.end(),
                     [](const KioskSiteRow& a, const KioskSiteRow& b) { return a.distance_m < b.distance_m; });
    if (rows.size() > n) rows.resize(n);
    return rows;
}


}  // namespace beitai::render
