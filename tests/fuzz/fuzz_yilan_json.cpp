// libFuzzer target: Yilan's parking document (yilan_json.h), which holds both the car parks
// and their availability.
//
// When the reader takes the document: the model's invariants (fuzz_support.h) hold for both
// lists; they pair item for item (a car park and its availability, same id) and report the
// same rejected items; each list kept as TDX JSON — what the poller stores for the next
// start — reads back equal with the TDX readers; and the two written again in Yilan's form
// (county_write.h) read back equal.
#include "fuzz_support.h"

#include "parking/county_write.h"
#include "parking/tdx_json.h"
#include "parking/tdx_write.h"
#include "parking/yilan_json.h"

using namespace beitai;
using namespace beitai::parking;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    const ReadLimits limits;
    const std::string county = "YilanCounty";

    auto doc = read_yilan_json(text, county, limits);
    if (!doc) return 0;
    const CarParkList& parks = doc->car_parks;
    const AvailabilityList& live = doc->availability;
    fuzz::check_read(parks, county, limits);
    fuzz::check_read(live, limits);
    FUZZ_CHECK(parks.car_parks.size() == live.items.size(),
               std::to_string(parks.car_parks.size()) + " car parks, " + std::to_string(live.items.size()) + " items");
    for (size_t i = 0; i < live.items.size(); ++i)
        FUZZ_CHECK(parks.car_parks[i].id == live.items[i].car_park_id, "item " + std::to_string(i) + " pairs two ids");
    FUZZ_CHECK(parks.rejected == live.rejected, "the two lists report different rejections");
    FUZZ_CHECK(parks.updated_at == live.updated_at, "the two lists have different times");

    fuzz::check_round_trip(parks, [](const CarParkList& l) { return to_tdx_json(l); },
                           [&](const std::string& t) { return read_car_parks_json(t, county, limits); },
                           "Yilan car parks kept as TDX JSON");
    fuzz::check_round_trip(live, [](const AvailabilityList& l) { return to_tdx_json(l); },
                           [&](const std::string& t) { return read_availability_json(t, limits); },
                           "Yilan availability kept as TDX JSON");

    const std::string written = to_yilan_json(parks, live);
    auto again = read_yilan_json(written, county, limits);
    FUZZ_CHECK(again, "Yilan: written, it does not read back: " + again.error() + "\n  " + written);
    FUZZ_CHECK(again->car_parks.rejected.empty(), "Yilan: written, an item is rejected: " + again->car_parks.rejected.front());
    const CarParkList taken_parks = fuzz::without_rejected(parks);
    const AvailabilityList taken_live = fuzz::without_rejected(live);
    FUZZ_CHECK(again->car_parks == taken_parks,
               "Yilan car parks changed on the round trip:" + fuzz::difference(taken_parks, again->car_parks));
    FUZZ_CHECK(again->availability == taken_live,
               "Yilan availability changed on the round trip:" + fuzz::difference(taken_live, again->availability));
    return 0;
}
