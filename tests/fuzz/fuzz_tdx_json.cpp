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
        const CarParkList taken = fuzz::without_rejected(*parks);
        const std::string written = to_tdx_json(taken);
        auto again = read_car_parks_json(written, county, limits);
        FUZZ_CHECK(again, "to_tdx_json wrote car parks that do not read back: " + again.error() + "\n  " + written);
        FUZZ_CHECK(again->rejected.empty(), "rewritten car parks rejected: " + again->rejected.front());
        FUZZ_CHECK(*again == taken, "car parks changed on the round trip through JSON:" + fuzz::difference(taken, *again));
    }

    // Availability is read from the parser's events (availability_stream.cpp), not from a
    // tree: it must give what read_availability gives for the tree, value or error.
    const auto live = read_availability_json(text, limits);
    {
        auto parsed = content::parse_json_text(text, "availability");
        const Result<AvailabilityList> tree =
            parsed ? read_availability(*parsed, limits) : Result<AvailabilityList>(Error{parsed.error()});
        FUZZ_CHECK(live.ok() == tree.ok(), "the stream " + (live ? "took" : "refused (" + live.error() + ")") +
                                               " what the tree reader " + (tree ? "took" : "refused (" + tree.error() + ")"));
        if (live) FUZZ_CHECK(*live == *tree, "the stream and the tree read differently:" + fuzz::difference(*tree, *live));
        if (!live) FUZZ_CHECK(live.error() == tree.error(), "stream: " + live.error() + "\n  tree: " + tree.error());
    }

    if (live) {
        fuzz::check_read(*live, limits);
        const AvailabilityList taken = fuzz::without_rejected(*live);
        const std::string written = to_tdx_json(taken);
        auto again = read_availability_json(written, limits);
        FUZZ_CHECK(again, "to_tdx_json wrote availability that does not read back: " + again.error() + "\n  " + written);
        FUZZ_CHECK(again->rejected.empty(), "rewritten availability rejected: " + again->rejected.front());
        FUZZ_CHECK(*again == taken, "availability changed on the round trip through JSON:" + fuzz::difference(taken, *again));
    }
    return 0;
}
