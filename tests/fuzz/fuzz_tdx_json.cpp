// libFuzzer target: the TDX parking readers for JSON (tdx_json.h), both documents.
//
// One target for both: every input goes to read_car_parks_json and to
// read_availability_json. The two share the JSON parser, the depth check and the item
// reader; a bare array is a valid document of either kind; and which kind a document is
// depends only on its wrapper key, so a mutation that turns one into the other is worth
// following. Feeding both (rather than switching on a first byte) keeps the seeds plain TDX
// documents, readable and usable elsewhere, at the price of parsing each input twice.
//
// The availability reader streams; the tree reader must agree with it on every input.
//
// When a reader takes the document: the model's invariants (fuzz_support.h) hold, and the
// list written back with to_tdx_json reads again to an equal list (tdx_write.h promises
// read(write(x)) == x for any list a reader could have produced).
#include "fuzz_support.h"

#include "parking/tdx_json.h"
#include "parking/tdx_write.h"

using namespace beitai;
using namespace beitai::parking;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    const ReadLimits limits;
    const std::string county = "Taipei";

    if (auto parks = read_car_parks_json(text, county, limits)) {
        fuzz::check_read(*parks, county, limits);
        fuzz::check_round_trip(*parks, [](const CarParkList& l) { return to_tdx_json(l); },
                               [&](const std::string& t) { return read_car_parks_json(t, county, limits); }, "car parks, JSON");
    }

    // Availability is read from the parser's events (availability_stream.cpp), not from a
    // tree: it must give what read_availability gives for the tree, value or error.
    const auto live = read_availability_json(text, limits);
    auto parsed = text::parse_json_text(text, "availability");
    fuzz::check_same_read(live, parsed ? read_availability(*parsed, limits) : Result<AvailabilityList>(Error{parsed.error()}));

    if (live) {
        fuzz::check_read(*live, limits);
        fuzz::check_round_trip(*live, [](const AvailabilityList& l) { return to_tdx_json(l); },
                               [&](const std::string& t) { return read_availability_json(t, limits); }, "availability, JSON");
    }
    return 0;
}
