#include "parking/snapshot.h"

#include <algorithm>
#include <unordered_map>

namespace beitai::parking {

std::string car_park_key(const CarPark& park) { return park.county + "/" + park.id; }

ParkingSnapshot::ParkingSnapshot(std::vector<CountyParking> counties, const LevelThresholds& thresholds) {
    for (auto& county : counties) {
        std::unordered_map<std::string, const Availability*> live;
        if (county.availability)
            for (const auto& a : county.availability->items) live.emplace(a.car_park_id, &a);
        for (auto& park : county.car_parks.car_parks) {
            CarParkState state;
            auto it = live.find(park.id);
            if (it != live.end()) state.live = *it->second;
            state.level = level_of(state.live ? &*state.live : nullptr, thresholds);
            state.park = std::move(park);
            car_parks_.push_back(std::move(state));
        }
        feeds_.push_back(std::move(county.status));
    }
    index();
}

ParkingSnapshot::ParkingSnapshot(std::vector<CarParkState> car_parks, std::vector<FeedStatus> feeds)
    : car_parks_(std::move(car_parks)), feeds_(std::move(feeds)) {
    index();
}

void ParkingSnapshot::index() {
    for (const auto& f : feeds_) sample_ = sample_ || f.sample;
    std::vector<geo::LatLon> points, spaced;
    for (size_t i = 0; i < car_parks_.size(); ++i) {
        points.push_back(car_parks_[i].park.position);
        if (has_space(car_parks_[i].level)) {
            spaced.push_back(car_parks_[i].park.position);
            with_space_index_.push_back(i);
        }
    }
    all_ = geo::PointIndex(std::move(points), 2000);
    with_space_ = geo::PointIndex(std::move(spaced), 2000);
}

Freshness ParkingSnapshot::freshness(const CarParkState& s, std::int64_t now) const {
    const FeedStatus* f = feed(s.park.county);
    const int stale_after = f ? f->stale_after_s : 300;
    // Without live data the age is that of the car park list, which moves with every fetch
    // of the county, not with any word about this car park: it is the feed's.
    if (s.sent && s.live) return aged(*s.sent, now, stale_after);
    return freshness_of(s.live ? s.live->collected_at : std::nullopt, f ? f->last_success_at : std::nullopt, now,
                        stale_after);
}

Freshness feed_freshness(const FeedStatus& feed, std::int64_t now) {
    if (feed.sent) return aged(*feed.sent, now, feed.stale_after_s);
    return freshness_of(feed.data_updated_at, feed.last_success_at, now, feed.stale_after_s);
}

const FeedStatus* ParkingSnapshot::feed(const std::string& county) const {
    for (const auto& f : feeds_)
        if (f.county == county) return &f;
    return nullptr;
}

const CarParkState* ParkingSnapshot::find(const std::string& county, const std::string& id) const {
    for (const auto& c : car_parks_)
        if (c.park.county == county && c.park.id == id) return &c;
    return nullptr;
}

std::vector<std::size_t> ParkingSnapshot::within(const geo::BBox& box) const { return all_.within(box); }

std::vector<Nearby> ParkingSnapshot::nearest_with_space(geo::LatLon p, std::size_t n, double max_distance_m) const {
    std::vector<Nearby> out;
    for (size_t i : with_space_.nearest(p, n, max_distance_m))
        out.push_back({with_space_index_[i], geo::distance_m(p, with_space_.point(i))});
    return out;
}

ParkingChanges diff(const ParkingSnapshot& before, const ParkingSnapshot& after) {
    ParkingChanges changes;
    std::unordered_map<std::string, const CarParkState*> old;
    for (const auto& c : before.car_parks()) old.emplace(car_park_key(c.park), &c);
    for (size_t i = 0; i < after.car_parks().size(); ++i) {
        const auto& now = after.car_parks()[i];
        auto it = old.find(car_park_key(now.park));
        if (it == old.end()) {
            changes.changed.push_back(i);
            continue;
        }
        const CarParkState& was = *it->second;
        const bool same = was.level == now.level && was.live.has_value() == now.live.has_value() &&
                          (!now.live || (was.live->available_spaces == now.live->available_spaces &&
                                         was.live->service == now.live->service &&
                                         was.live->collected == now.live->collected));
        if (!same) changes.changed.push_back(i);
        old.erase(it);
    }
    for (const auto& [key, state] : old) changes.removed.push_back(key);
    std::sort(changes.removed.begin(), changes.removed.end());
    const auto& fa = before.feeds();
    const auto& fb = after.feeds();
    changes.feeds_changed = fa.size() != fb.size();
    for (size_t i = 0; i < fa.size() && !changes.feeds_changed; ++i)
        changes.feeds_changed = fa[i].county != fb[i].county || fa[i].last_success_at != fb[i].last_success_at ||
                                fa[i].last_error_at != fb[i].last_error_at || fa[i].breaker_open != fb[i].breaker_open;
    return changes;
}

}  // namespace beitai::parking
