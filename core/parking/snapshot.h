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
};

struct Nearby {
    std::size_t index = 0;  // into ParkingSnapshot::car_parks()
    double distance_m = 0;
};

class ParkingSnapshot {
public:
    ParkingSnapshot() = default;
    explicit ParkingSnapshot(std::vector<CountyParking> counties, const LevelThresholds& thresholds = {});

    const std::vector<CarParkState>& car_parks() const { return car_parks_; }
    const std::vector<FeedStatus>& feeds() const { return feeds_; }
    const FeedStatus* feed(const std::string& county) const;
    const CarParkState* find(const std::string& county, const std::string& id) const;
    // True when any feed serves sample data: pages then carry the 示範資料 label.
    bool sample() const { return sample_; }

    // Indices of the car parks inside `box`, ascending.
    std::vector<std::size_t> within(const geo::BBox& box) const;
    // The `n` nearest car parks with space (plenty or few), nearest first, at most
    // `max_distance_m` away.
    std::vector<Nearby> nearest_with_space(geo::LatLon p, std::size_t n, double max_distance_m) const;

private:
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

}  // namespace beitai::parking
