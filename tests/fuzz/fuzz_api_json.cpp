// libFuzzer target: the other wire formats the browser's WASM or a client reads — GET
// /api/snapshot (tracker/snapshot_json.h) and GET /api/bikenet/route (bikenet/route_json.h).
// Every input goes to both readers (each takes only its own shape).
//
// Whatever a reader takes, written back, reads again, and writes the same JSON: the formats'
// promise that the server's writer and the reader agree on every field.
#include "fuzz_support.h"

#include "bikenet/route_json.h"
#include "text/json_reader.h"
#include "tracker/snapshot_json.h"

using namespace beitai;

namespace {

template <class Read, class Write>
void check_round_trip(const text::Json& input, Read read, Write write, const std::string& what) {
    auto taken = read(input);
    if (!taken) return;
    const text::Json written = write(*taken);
    auto again = read(written);
    FUZZ_CHECK(again, what + ": written, it does not read back: " + again.error() + "\n  " + text::to_json_text(written));
    const text::Json written_again = write(*again);
    FUZZ_CHECK(written_again == written, what + ": changed on the round trip:" + fuzz::difference(written, written_again));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto json = text::parse_json_text(fuzz::as_text(data, size), "input");
    if (!json) return 0;
    // The readers recurse as deep as the JSON nests; no server sends more than a few levels.
    if (text::nested_deeper_than(*json, 64)) return 0;
    check_round_trip(
        *json, [](const text::Json& j) { return tracker::read_snapshot_json(j, "/api/snapshot"); },
        [](const tracker::Snapshot& s) { return tracker::snapshot_json(s); }, "/api/snapshot");
    check_round_trip(
        *json, [](const text::Json& j) { return bikenet::read_planned_route_json(j); },
        // The message is the failure said in the language written: zh-TW here, each time.
        [](const bikenet::PlannedRouteReply& r) { return bikenet::planned_route_json(r.route, r.sample, text::Lang::zh_TW, {}); },
        "/api/bikenet/route");
    return 0;
}
