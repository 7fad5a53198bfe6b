// The JSON the parking API serves (/api/parking, /api/parking/near, /api/parking/feeds and
// the live stream's events), built once here so that the server writes and the browser's
// WASM reads the same fields. `now` (Unix seconds) gives ages; nothing here reads a clock.
//
// A car park: {"key": "Taipei/TPE-001", "id", "county", "name", "name_en", "lat", "lon",
// "address", "fare", "wheelchair", "ev", "publishes_live", "level", "live", "available"
// (null when unknown), "total", "service", "fullness", "collected", "age_s", "stale"}.
// The feeds' part is feeds_json.h's.
//
// The browser reads it back as it was sent: each car park's level and freshness as the server
// decided them, never worked out again (read(write(x, now)) written again at `now` is the
// same text).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "text/json_reader.h"
#include "parking/feeds_json.h"
#include "parking/snapshot.h"
#include "text/result.h"

namespace beitai::parking {

text::Json car_park_json(const ParkingSnapshot& snapshot, const CarParkState& state, std::int64_t now);

// GET /api/parking: {"sample", "now", "count", "car_parks": [...], "feeds": [...]}.
text::Json parking_json(const ParkingSnapshot& snapshot, const std::vector<std::size_t>& indices, std::int64_t now);
// GET /api/parking/near: {"sample", "now", "at": {lat, lon}, "car_parks": [... + "distance_m"]}.
text::Json near_json(const ParkingSnapshot& snapshot, const std::vector<Nearby>& nearby, geo::LatLon at,
                        std::int64_t now);
// An event of the live stream: {"now", "changed": [car parks], "removed": [keys], "feeds": [...]}
// (feeds always, so that ages and staleness move on even when no number changes).
text::Json changes_json(const ParkingSnapshot& after, const ParkingChanges& changes, std::int64_t now);

// The browser's copy of the API: the car parks (with the level and freshness sent) and the
// feeds, in the server's order; `now` is the time of the server's last word.
struct SentParking {
    std::int64_t now = 0;
    std::vector<CarParkState> car_parks;
    std::vector<FeedStatus> feeds;

    ParkingSnapshot snapshot() const { return ParkingSnapshot(car_parks, feeds); }
};

// GET /api/parking read back, and an event of the stream applied to it (an event that fails
// part-way leaves what it applied). Car parks of a county with no feed are left out, as the
// server lists none. Errors name the path.
Result<SentParking> read_parking_json(const text::Json& root);
Status apply_changes_json(SentParking& parking, const text::Json& event);

}  // namespace beitai::parking
