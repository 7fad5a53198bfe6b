// The JSON the parking API serves (/api/parking, /api/parking/near, /api/parking/feeds and
// the live stream's events), built once here so that the server writes and the browser's
// WASM reads the same fields. `now` (Unix seconds) gives ages; nothing here reads a clock.
//
// A car park: {"key": "Taipei/TPE-001", "id", "county", "name", "name_en", "lat", "lon",
// "address", "fare", "wheelchair", "ev", "level", "live", "available" (null when unknown),
// "total", "service", "collected", "age_s", "stale"}.
// A feed: {"county", "sample", "publishes_live", "stale_after_s", "last_success",
// "last_error", "last_error_at", "consecutive_failures", "breaker_open", "next_attempt",
// "age_s", "stale", "car_parks", "live_items", "rejected_items"}.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "text/json_reader.h"
#include "parking/snapshot.h"
#include "text/result.h"

namespace beitai::parking {

text::Json car_park_json(const ParkingSnapshot& snapshot, const CarParkState& state, std::int64_t now);
text::Json feed_json(const FeedStatus& feed, std::int64_t now);
// Whether the county's data is stale now: its availability (or, without live data, its car
// parks) is older than its limit, or it has never been fetched.
Freshness feed_freshness(const FeedStatus& feed, std::int64_t now);

// GET /api/parking: {"sample", "now", "count", "car_parks": [...], "feeds": [...]}.
text::Json parking_json(const ParkingSnapshot& snapshot, const std::vector<std::size_t>& indices, std::int64_t now);
// GET /api/parking/near: {"sample", "now", "at": {lat, lon}, "car_parks": [... + "distance_m"]}.
text::Json near_json(const ParkingSnapshot& snapshot, const std::vector<Nearby>& nearby, geo::LatLon at,
                        std::int64_t now);
// GET /api/parking/feeds: {"sample", "now", "feeds": [...]}.
text::Json feeds_json(const ParkingSnapshot& snapshot, std::int64_t now);
// An event of the live stream: {"now", "changed": [car parks], "removed": [keys], "feeds": [...]}
// (feeds always, so that ages and staleness move on even when no number changes).
text::Json changes_json(const ParkingSnapshot& after, const ParkingChanges& changes, std::int64_t now);

// The browser's side: the counties back from GET /api/parking, to build the same snapshot,
// and an event applied to them. Errors name the path.
Result<std::vector<CountyParking>> read_parking_json(const text::Json& root);
Status apply_changes_json(std::vector<CountyParking>& counties, const text::Json& event);

}  // namespace beitai::parking
