// Everything known about parking at one moment: each county's last good car parks and
// availability joined by CarParkID, with levels, and each feed's status. Immutable once
// built: the server swaps in a new one after every fetch and readers keep the one they
// hold. Answers "what is in this box" and "the nearest car parks with space to here".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "geo/spatial_index.h"
#include "parking/feed_status.h"
#include "parking/levels.h"
#include "parking/model.h"

namespace beitai::parking {

// One county's input: its last good documents and its feed's status.
struct CountyParking {
    CarParkList car_parks;
    std::optional<AvailabilityList> availability;  // nullopt before the first good fetch
    FeedStatus status;
};

struct CarParkState {
    CarPark park;
    std::optional<Availability> live;  // nullopt: no live data for this car park
    Level level = Level::unknown;
    // Read from the API (the browser's copy): the freshness the server gave, used as given
    // rather than worked out again from the feed.
    std::optional<SentFreshness> sent;
};

struct Nearby {
    std::size_t index = 0;  // into ParkingSnapshot::car_parks()
    double distance_m = 0;
};

class ParkingSnapshot {
public:
    ParkingSnapshot() = default;
    explicit ParkingSnapshot(std::vector<CountyParking> counties, const LevelThresholds& thresholds = {});
    // Car parks whose levels are already decided (as the API sent them), in the feeds'
    // county order; nothing is worked out again.
    ParkingSnapshot(std::vector<CarParkState> car_parks, std::vector<FeedStatus> feeds);

    const std::vector<CarParkState>& car_parks() const { return car_parks_; }
    const std::vector<FeedStatus>& feeds() const { return feeds_; }
    const FeedStatus* feed(const std::string& county) const;
    const CarParkState* find(const std::string& county, const std::string& id) const;
    // True when any feed serves sample data: pages then carry the 示範資料 label.
    bool sample() const { return sample_; }

    // How old a car park's data is at `now`: its live data's time (or, without live data, its
    // county's last fetch) against its county's limit; for a copy read from the API, the
    // freshness the server sent, aged.
    Freshness freshness(const CarParkState& state, std::int64_t now) const;

    // Indices of the car parks inside `box`, ascending.
    std::vector<std::size_t> within(const geo::BBox& box) const;
    // The `n` nearest car parks with space (plenty or few), nearest first, at most
    // `max_distance_m` away.
    std::vector<Nearby> nearest_with_space(geo::LatLon p, std::size_t n, double max_distance_m) const;

private:
    void index();

    std::vector<CarParkState> car_parks_;
    std::vector<FeedStatus> feeds_;
    geo::PointIndex all_;
    geo::PointIndex with_space_;
    std::vector<std::size_t> with_space_index_;  // with_space_ point → car_parks_ index
    bool sample_ = false;
};

// What changed from `before` to `after`, for the live stream: the car parks whose level,
// free spaces, service or data time changed (or that are new), as indices into `after`,
// and the keys ("county/id") of those that are gone.
struct ParkingChanges {
    std::vector<std::size_t> changed;
    std::vector<std::string> removed;
    bool feeds_changed = false;
    bool empty() const { return changed.empty() && removed.empty() && !feeds_changed; }
};
ParkingChanges diff(const ParkingSnapshot& before, const ParkingSnapshot& after);

std::string car_park_key(const CarPark& park);  // "Taipei/TPE-001"

// Whether a county's data is stale now: its availability (or, without live data, its car
// parks) is older than its limit, or it has never been fetched; for a copy read from the
// API, the freshness the server sent, aged.
Freshness feed_freshness(const FeedStatus& feed, std::int64_t now);

}  // namespace beitai::parking
