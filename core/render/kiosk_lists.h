// What the kiosk's Parking and Campaign screens list, worked out from the data the kiosk
// holds: the car parks with space nearest the lobby, and the sites of a campaign nearest
// it. Both only sort and measure; the screens draw the rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "content/campaign.h"
#include "content/site.h"
#include "geo/latlon.h"
#include "parking/snapshot.h"

namespace beitai::render {

struct KioskParkingRow {
    std::size_t index = 0;  // into ParkingSnapshot::car_parks()
    std::string key;        // "Taipei/TPE-001"
    double distance_m = 0;
    std::optional<int> available;
    std::optional<int> total;
    parking::Level level = parking::Level::unknown;
    std::optional<std::int64_t> age_s;
    bool stale = true;
};

// The `n` car parks with space nearest `lobby` within `max_distance_m`, nearest first,
// the fresh ones before the stale ones: a stale "plenty" is a promise the kiosk cannot
// keep, so it goes to the end of the list and the screen marks it.
std::vector<KioskParkingRow> kiosk_parking_rows(const parking::ParkingSnapshot& snapshot, geo::LatLon lobby,
                                                std::int64_t now, std::size_t n, double max_distance_m);

struct KioskSiteRow {
    const content::Site* site = nullptr;
    double radius_m = 0;  // how close a check-in must be
    double distance_m = 0;
};

// The campaign's sites nearest `lobby`, nearest first, at most `n`; sites the list does not
// hold, or without a position (no distance to say), are left out.
std::vector<KioskSiteRow> kiosk_campaign_sites(const content::Campaign& campaign, const std::vector<content::Site>& sites,
                                               geo::LatLon lobby, std::size_t n);

}  // namespace beitai::render
