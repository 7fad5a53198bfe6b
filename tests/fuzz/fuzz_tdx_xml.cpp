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
        fuzz::check_round_trip(*parks, [](const CarParkList& l) { return to_tdx_xml(l); },
                               [&](const std::string& t) { return read_car_parks_xml(t, county, limits); }, "car parks, XML");
    }

    // Availability goes from the walk straight to the streaming reader, with no tree: it must
    // give what read_availability gives for the tree of the same document, value or error.
    const auto live = read_availability_xml(xml, limits);
    auto tree = tdx_xml_to_json(xml);
    fuzz::check_same_read(live, tree ? read_availability(*tree, limits) : Result<AvailabilityList>(Error{"availability: " + tree.error()}));

    if (live) {
        fuzz::check_read(*live, limits);
        fuzz::check_round_trip(*live, [](const AvailabilityList& l) { return to_tdx_xml(l); },
                               [&](const std::string& t) { return read_availability_xml(t, limits); }, "availability, XML");
    }
    return 0;
}
