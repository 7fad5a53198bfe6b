// libFuzzer target: Taipei's own parking documents (taipei_json.h), both of them.
//
// Every input goes to read_taipei_car_parks_json and to read_taipei_availability_json (the
// two share the envelope {"data": {"UPDATETIME", "park": [...]}}; a mutation that turns one
// into the other is worth following).
//
// When a reader takes the document: the model's invariants (fuzz_support.h) hold; the list
// kept as TDX JSON — what the poller stores for the next start — reads back equal with the
// TDX reader; and written again in Taipei's form (county_write.h) it reads back equal, but
// for positions, which pass through the TWD97 grid and come back within 1e-8 degrees.
#include <cmath>

#include "fuzz_support.h"

#include "parking/county_write.h"
#include "parking/taipei_json.h"
#include "parking/tdx_json.h"
#include "parking/tdx_write.h"

using namespace beitai;
using namespace beitai::parking;

namespace {

// Inside Taiwan by more than a micrometre's worth of degrees: a position on the box's very
// edge may cross it on its way through the grid, and is then (rightly) refused.
bool well_inside(const geo::LatLon& p) {
    const double m = 1e-6;
    return p.lat >= 21.5 + m && p.lat <= 26.5 - m && p.lon >= 118 + m && p.lon <= 122.5 - m;
}

void check_taipei_round_trip(const CarParkList& read, const std::string& county, const ReadLimits& limits) {
    const CarParkList taken = fuzz::without_rejected(read);
    for (const auto& c : taken.car_parks)
        if (!well_inside(c.position)) return;
    const std::string written = to_taipei_json(taken);
    auto again = read_taipei_car_parks_json(written, county, limits);
    FUZZ_CHECK(again, "car parks, Taipei: written, it does not read back: " + again.error() + "\n  " + written);
    FUZZ_CHECK(again->rejected.empty(), "car parks, Taipei: written, an item is rejected: " + again->rejected.front());
    FUZZ_CHECK(again->car_parks.size() == taken.car_parks.size(), "car parks, Taipei: a different count on the round trip");
    CarParkList placed = *again;
    for (size_t i = 0; i < placed.car_parks.size(); ++i) {
        const geo::LatLon was = taken.car_parks[i].position, now = placed.car_parks[i].position;
        FUZZ_CHECK(std::fabs(was.lat - now.lat) < 1e-8 && std::fabs(was.lon - now.lon) < 1e-8,
                   "car park " + std::to_string(i) + " moved through TWD97: " + std::to_string(was.lat) + "," +
                       std::to_string(was.lon) + " → " + std::to_string(now.lat) + "," + std::to_string(now.lon));
        placed.car_parks[i].position = was;
    }
    FUZZ_CHECK(placed == taken, "car parks, Taipei: changed on the round trip:" + fuzz::difference(taken, placed));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    const ReadLimits limits;
    const std::string county = "Taipei";

    if (auto parks = read_taipei_car_parks_json(text, county, limits)) {
        fuzz::check_read(*parks, county, limits);
        fuzz::check_round_trip(*parks, [](const CarParkList& l) { return to_tdx_json(l); },
                               [&](const std::string& t) { return read_car_parks_json(t, county, limits); },
                               "Taipei car parks kept as TDX JSON");
        check_taipei_round_trip(*parks, county, limits);
    }
    if (auto live = read_taipei_availability_json(text, limits)) {
        fuzz::check_read(*live, limits);
        for (const auto& a : live->items)
            FUZZ_CHECK(a.collected_at == live->updated_at, a.car_park_id + ": a time other than the document's");
        fuzz::check_round_trip(*live, [](const AvailabilityList& l) { return to_tdx_json(l); },
                               [&](const std::string& t) { return read_availability_json(t, limits); },
                               "Taipei availability kept as TDX JSON");
        fuzz::check_round_trip(*live, [](const AvailabilityList& l) { return to_taipei_json(l); },
                               [&](const std::string& t) { return read_taipei_availability_json(t, limits); },
                               "availability, Taipei");
    }
    return 0;
}
