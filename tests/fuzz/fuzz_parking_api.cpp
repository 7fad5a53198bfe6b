// libFuzzer target: the browser's reading of the parking API (api_json.h), as
// wasm/bindings/map_bindings.cpp does it: the body of GET /api/parking through
// read_parking_json, then the live stream's events through apply_changes_json, each on the
// counties the previous step left (an event that fails part-way leaves what it applied, and
// the browser goes on with that).
//
// Input: the body, then each event, separated by NUL bytes (no JSON text holds a raw NUL,
// so the split is unambiguous): "<body>\0<event>\0<event>…".
//
// After the body and after every event: every car park has an id and a county, sits in its
// county's entry, and is there once; no count is negative (model.h: unknown is nullopt,
// never a number); every live item belongs to a car park of its county. And what the server
// would write from those counties (parking_json) the browser reads back to the same thing:
// the API's promise that both sides build the same snapshot.
#include "fuzz_support.h"

#include <numeric>
#include <set>
#include <vector>

#include "text/json_reader.h"
#include "parking/api_json.h"
#include "parking/snapshot.h"

using namespace beitai;
using namespace beitai::parking;

namespace {

constexpr std::int64_t kNow = 1714538400;  // 2024-05-01T12:40:00+08:00
constexpr std::size_t kMaxEvents = 16;

void check_counties(const std::vector<CountyParking>& counties) {
    std::set<std::string> keys;
    for (const auto& c : counties) {
        for (const auto& park : c.car_parks.car_parks) {
            const std::string key = car_park_key(park);
            FUZZ_CHECK(!park.id.empty(), "a car park with an empty id, key \"" + key + "\"");
            FUZZ_CHECK(!park.county.empty(), "a car park with an empty county, key \"" + key + "\"");
            FUZZ_CHECK(park.county == c.status.county, key + " held by county \"" + c.status.county + "\"");
            FUZZ_CHECK(keys.insert(key).second, key + " held twice");
            FUZZ_CHECK(fuzz::known_count(park.total_spaces), key + ": total " + std::to_string(*park.total_spaces));
        }
        if (!c.availability) continue;
        for (const auto& a : c.availability->items) {
            const std::string key = c.status.county + "/" + a.car_park_id;
            FUZZ_CHECK(keys.count(key), "live data for " + key + ", which is not a car park of " + c.status.county);
            FUZZ_CHECK(fuzz::known_count(a.available_spaces), key + ": available " + std::to_string(*a.available_spaces));
            FUZZ_CHECK(fuzz::known_count(a.total_spaces), key + ": total " + std::to_string(*a.total_spaces));
        }
    }
}

text::Json served(const std::vector<CountyParking>& counties) {
    const ParkingSnapshot snapshot(counties);
    std::vector<std::size_t> all(snapshot.car_parks().size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    return parking_json(snapshot, all, kNow);
}

void check_round_trip(const std::vector<CountyParking>& counties) {
    const text::Json body = served(counties);
    auto again = read_parking_json(body);
    FUZZ_CHECK(again, "the browser cannot read what the server writes: " + again.error() + "\n  " + text::to_json_text(body));
    const text::Json body_again = served(*again);
    FUZZ_CHECK(body_again == body, "the snapshot changed on the way through /api/parking:" + fuzz::difference(body, body_again));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view rest = fuzz::as_text(data, size);
    auto next_part = [&rest] {
        const auto nul = rest.find('\0');
        const std::string_view part = rest.substr(0, nul);
        rest = nul == std::string_view::npos ? std::string_view() : rest.substr(nul + 1);
        return part;
    };

    auto body = text::parse_json_text(next_part(), "/api/parking");
    if (!body) return 0;
    auto read = read_parking_json(*body);
    if (!read) return 0;
    std::vector<CountyParking> counties = std::move(*read);
    check_counties(counties);
    check_round_trip(counties);

    for (std::size_t n = 0; n < kMaxEvents && !rest.empty(); ++n) {
        auto event = text::parse_json_text(next_part(), "parking event");
        if (!event) continue;
        (void)apply_changes_json(counties, *event);  // on failure the browser keeps what was applied
        check_counties(counties);
        check_round_trip(counties);
    }
    return 0;
}
