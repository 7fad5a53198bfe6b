// libFuzzer target: the browser's reading of the parking API (api_json.h), as
// wasm/bindings/map_bindings.cpp does it: the body of GET /api/parking through
// read_parking_json, then the live stream's events through apply_changes_json, each on the
// counties the previous step left (an event that fails part-way leaves what it applied, and
// the browser goes on with that).
//
// Input: the body, then each event, separated by NUL bytes (no JSON text holds a raw NUL,
// so the split is unambiguous): "<body>\0<event>\0<event>…".
//
// After the body and after every event: every car park has an id and a county, its county
// has a feed, and it is there once; no count is negative (model.h: unknown is nullopt, never a
// number); a car park's live item is its own. And what the browser holds, written as the
// server would write it at the time of its last word (parking_json), reads back to the same
// text: levels and freshness travel as sent, never worked out again. The feeds' list alone
// (GET /api/parking/feeds, feeds_json.h) makes the same round trip.
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

constexpr std::size_t kMaxEvents = 16;

void check_held(const SentParking& sent) {
    std::set<std::string> keys, counties;
    for (const auto& f : sent.feeds) counties.insert(f.county);
    for (const auto& s : sent.car_parks) {
        const auto& park = s.park;
        const std::string key = car_park_key(park);
        FUZZ_CHECK(!park.id.empty(), "a car park with an empty id, key \"" + key + "\"");
        FUZZ_CHECK(!park.county.empty(), "a car park with an empty county, key \"" + key + "\"");
        FUZZ_CHECK(counties.count(park.county), key + " held without a feed for its county");
        FUZZ_CHECK(keys.insert(key).second, key + " held twice");
        FUZZ_CHECK(fuzz::known_count(park.total_spaces), key + ": total " + std::to_string(*park.total_spaces));
        if (!s.live) continue;
        FUZZ_CHECK(s.live->car_park_id == park.id, key + " holds the live data of " + s.live->car_park_id);
        FUZZ_CHECK(fuzz::known_count(s.live->available_spaces), key + ": available " + std::to_string(*s.live->available_spaces));
        FUZZ_CHECK(fuzz::known_count(s.live->total_spaces), key + ": total " + std::to_string(*s.live->total_spaces));
    }
}

text::Json served(const SentParking& sent) {
    const ParkingSnapshot snapshot = sent.snapshot();
    std::vector<std::size_t> all(snapshot.car_parks().size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    return parking_json(snapshot, all, sent.now);
}

void check_round_trip(const SentParking& sent) {
    const text::Json body = served(sent);
    auto again = read_parking_json(body);
    FUZZ_CHECK(again, "the browser cannot read what the server writes: " + again.error() + "\n  " + text::to_json_text(body));
    const text::Json body_again = served(*again);
    FUZZ_CHECK(body_again == body, "the snapshot changed on the way through /api/parking:" + fuzz::difference(body, body_again));

    const text::Json feeds = feeds_json(sent.snapshot(), sent.now);
    auto report = read_feeds_json(feeds);
    FUZZ_CHECK(report, "the feeds' status does not read back: " + report.error() + "\n  " + text::to_json_text(feeds));
    const text::Json feeds_again = feed_list_json(report->feeds, report->now);
    FUZZ_CHECK(feeds_again == feeds["feeds"], "the feeds changed on the way through /api/parking/feeds:" +
                                                  fuzz::difference(feeds["feeds"], feeds_again));
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
    SentParking sent = std::move(*read);
    check_held(sent);
    check_round_trip(sent);

    for (std::size_t n = 0; n < kMaxEvents && !rest.empty(); ++n) {
        auto event = text::parse_json_text(next_part(), "parking event");
        if (!event) continue;
        (void)apply_changes_json(sent, *event);  // on failure the browser keeps what was applied
        check_held(sent);
        check_round_trip(sent);
    }
    return 0;
}
