// libFuzzer target: the TDX parking readers for XML (tdx_xml.h), both documents.
//
// Every input goes to read_car_parks_xml and read_availability_xml (pugixml, then the tree
// conversion with its namespace, depth and UTF-8 checks, then the JSON field rules). As
// for JSON, one target serves both documents: they share everything up to the wrapper
// element. pugixml is compiled from Debian's source package with the same instrumentation,
// so the fuzzer sees (and ASan checks) the XML parser too.
//
// Availability is streamed from the walk; the tree reader must agree with it on every input.
//
// When a reader takes the document: the model's invariants hold, and the list written back
// with to_tdx_xml reads again to an equal list.
#include "fuzz_support.h"

#include "parking/tdx_json.h"
#include "parking/tdx_write.h"
#include "parking/tdx_xml.h"

using namespace beitai;
using namespace beitai::parking;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view xml = fuzz::as_text(data, size);
    const ReadLimits limits;
    const std::string county = "Keelung";

    if (auto parks = read_car_parks_xml(xml, county, limits)) {
        fuzz::check_read(*parks, county, limits);
        const CarParkList taken = fuzz::without_rejected(*parks);
        const std::string written = to_tdx_xml(taken);
        auto again = read_car_parks_xml(written, county, limits);
        FUZZ_CHECK(again, "to_tdx_xml wrote car parks that do not read back: " + again.error() + "\n" + written);
        FUZZ_CHECK(again->rejected.empty(), "rewritten car parks rejected: " + again->rejected.front() + "\n" + written);
        FUZZ_CHECK(*again == taken, "car parks changed on the round trip through XML:" + fuzz::difference(taken, *again));
    }

    // Availability goes from the walk straight to the streaming reader, with no tree: it must
    // give what read_availability gives for the tree of the same document, value or error.
    const auto live = read_availability_xml(xml, limits);
    {
        auto tree = tdx_xml_to_json(xml);
        const Result<AvailabilityList> from_tree =
            tree ? read_availability(*tree, limits) : Result<AvailabilityList>(Error{"availability: " + tree.error()});
        FUZZ_CHECK(live.ok() == from_tree.ok(), "the stream " + (live ? "took" : "refused (" + live.error() + ")") +
                                                    " what the tree reader " +
                                                    (from_tree ? "took" : "refused (" + from_tree.error() + ")"));
        if (live) FUZZ_CHECK(*live == *from_tree, "the stream and the tree read differently:" + fuzz::difference(*from_tree, *live));
        if (!live) FUZZ_CHECK(live.error() == from_tree.error(), "stream: " + live.error() + "\n  tree: " + from_tree.error());
    }

    if (live) {
        fuzz::check_read(*live, limits);
        const AvailabilityList taken = fuzz::without_rejected(*live);
        const std::string written = to_tdx_xml(taken);
        auto again = read_availability_xml(written, limits);
        FUZZ_CHECK(again, "to_tdx_xml wrote availability that does not read back: " + again.error() + "\n" + written);
        FUZZ_CHECK(again->rejected.empty(), "rewritten availability rejected: " + again->rejected.front() + "\n" + written);
        FUZZ_CHECK(*again == taken, "availability changed on the round trip through XML:" + fuzz::difference(taken, *again));
    }
    return 0;
}
