// What the fuzz targets share: FUZZ_CHECK, which stops the run at a broken invariant (libFuzzer
// keeps the input as a crash; the replay driver names the file), and the invariants of the
// parking model that every reader promises (model.h, tdx_json.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "text/json_reader.h"
#include "parking/model.h"

// The targets' entry point; each target file defines it. The replay driver calls it too.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace beitai::fuzz {

[[noreturn]] inline void violated(const char* what, const char* file, int line, const std::string& detail) {
    std::fprintf(stderr, "\nfuzz invariant violated at %s:%d: %s\n", file, line, what);
    if (!detail.empty()) std::fprintf(stderr, "  %.2000s\n", detail.c_str());
    std::fflush(stderr);
    __builtin_trap();
}

// FUZZ_CHECK(cond, detail): `detail` (a std::string) is only built when the check fails.
#define FUZZ_CHECK(cond, detail)                                                            \
    do {                                                                                    \
        if (!(cond)) ::beitai::fuzz::violated(#cond, __FILE__, __LINE__, std::string(detail)); \
    } while (0)

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

inline bool known_count(const std::optional<int>& n) { return !n || *n >= 0; }

inline bool in_taiwan(const geo::LatLon& p) {
    return p.lat >= 21.5 && p.lat <= 26.5 && p.lon >= 118 && p.lon <= 122.5;
}

// Whatever a TDX reader took: an id and a name, a place in Taiwan, no negative count, the
// county it was read for; the share of rejected items within the limit.
inline void check_read(const parking::CarParkList& list, const std::string& county, const parking::ReadLimits& limits) {
    const std::size_t items = list.car_parks.size() + list.rejected.size();
    FUZZ_CHECK(items <= limits.max_items, "items: " + std::to_string(items));
    FUZZ_CHECK(list.rejected.size() <= limits.max_rejected_share * static_cast<double>(items),
               std::to_string(list.rejected.size()) + " of " + std::to_string(items) + " rejected");
    FUZZ_CHECK(!list.updated_at || !list.update_time.empty(), "UpdateTime parsed from nothing");
    for (const auto& c : list.car_parks) {
        FUZZ_CHECK(!c.id.empty(), "a car park with an empty CarParkID, name \"" + c.name_zh + "\"");
        FUZZ_CHECK(!c.name_zh.empty(), "car park \"" + c.id + "\" has an empty Zh_tw name");
        FUZZ_CHECK(c.county == county, "car park \"" + c.id + "\" in county \"" + c.county + "\"");
        FUZZ_CHECK(in_taiwan(c.position), "car park \"" + c.id + "\" at " + std::to_string(c.position.lat) + ", " +
                                              std::to_string(c.position.lon));
        FUZZ_CHECK(known_count(c.total_spaces), "car park \"" + c.id + "\" TotalSpaces " + std::to_string(*c.total_spaces));
        FUZZ_CHECK(c.type >= 0, "car park \"" + c.id + "\" CarParkType " + std::to_string(c.type));
    }
}

inline void check_read(const parking::AvailabilityList& list, const parking::ReadLimits& limits) {
    const std::size_t items = list.items.size() + list.rejected.size();
    FUZZ_CHECK(items <= limits.max_items, "items: " + std::to_string(items));
    FUZZ_CHECK(list.rejected.size() <= limits.max_rejected_share * static_cast<double>(items),
               std::to_string(list.rejected.size()) + " of " + std::to_string(items) + " rejected");
    FUZZ_CHECK(!list.updated_at || !list.update_time.empty(), "UpdateTime parsed from nothing");
    FUZZ_CHECK(known_count(list.update_interval_s), "UpdateInterval " + std::to_string(*list.update_interval_s));
    FUZZ_CHECK(known_count(list.src_update_interval_s), "SrcUpdateInterval " + std::to_string(*list.src_update_interval_s));
    for (const auto& a : list.items) {
        const std::string& id = a.car_park_id;
        FUZZ_CHECK(!id.empty(), "an availability item with an empty CarParkID");
        FUZZ_CHECK(known_count(a.total_spaces), id + ": TotalSpaces " + std::to_string(*a.total_spaces));
        FUZZ_CHECK(known_count(a.available_spaces), id + ": AvailableSpaces " + std::to_string(*a.available_spaces));
        FUZZ_CHECK(known_count(a.charge_status), id + ": ChargeStatus " + std::to_string(*a.charge_status));
        for (const auto& s : a.by_type) {
            FUZZ_CHECK(s.space_type >= 0, id + ": SpaceType " + std::to_string(s.space_type));
            FUZZ_CHECK(known_count(s.total), id + ": NumberOfSpaces " + std::to_string(*s.total));
            FUZZ_CHECK(known_count(s.available), id + ": Availabilities.AvailableSpaces " + std::to_string(*s.available));
        }
        const int service = static_cast<int>(a.service), fullness = static_cast<int>(a.fullness);
        FUZZ_CHECK(service >= -1 && service <= 3, id + ": ServiceStatus " + std::to_string(service));
        FUZZ_CHECK(fullness >= -1 && fullness <= 3, id + ": FullStatus " + std::to_string(fullness));
        // A DataCollectTime that does not parse rejects the item (tdx_json.cpp).
        FUZZ_CHECK(a.collected.empty() == !a.collected_at, id + ": DataCollectTime \"" + a.collected + "\"");
    }
}

// The model as JSON, every field, for saying what differs (text::to_json_text escapes
// control characters and replaces invalid UTF-8, so the difference is readable).
template <class T>
text::Json or_null(const std::optional<T>& v) {
    return v ? text::Json(*v) : text::Json(nullptr);
}

inline text::Json described(const parking::CarParkList& list) {
    text::Json items = text::Json::array();
    for (const auto& c : list.car_parks)
        items.push_back({{"id", c.id}, {"county", c.county}, {"name_zh", c.name_zh}, {"name_en", c.name_en},
                         {"lat", c.position.lat}, {"lon", c.position.lon}, {"address", c.address}, {"fare", c.fare},
                         {"type", c.type}, {"live_data", c.live_data}, {"wheelchair", c.wheelchair},
                         {"ev_charging", c.ev_charging}, {"total_spaces", or_null(c.total_spaces)}});
    return {{"update_time", list.update_time}, {"updated_at", or_null(list.updated_at)}, {"car_parks", items},
            {"rejected", list.rejected}};
}

inline text::Json described(const parking::AvailabilityList& list) {
    text::Json items = text::Json::array();
    for (const auto& a : list.items) {
        text::Json by_type = text::Json::array();
        for (const auto& s : a.by_type)
            by_type.push_back({{"space_type", s.space_type}, {"total", or_null(s.total)}, {"available", or_null(s.available)}});
        items.push_back({{"car_park_id", a.car_park_id}, {"total_spaces", or_null(a.total_spaces)},
                         {"available_spaces", or_null(a.available_spaces)}, {"by_type", by_type},
                         {"service", static_cast<int>(a.service)}, {"fullness", static_cast<int>(a.fullness)},
                         {"charge_status", or_null(a.charge_status)}, {"collected", a.collected},
                         {"collected_at", or_null(a.collected_at)}});
    }
    return {{"update_time", list.update_time}, {"updated_at", or_null(list.updated_at)},
            {"update_interval_s", or_null(list.update_interval_s)},
            {"src_update_interval_s", or_null(list.src_update_interval_s)}, {"items", items}, {"rejected", list.rejected}};
}

// "before → after" as a JSON patch (RFC 6902) from the first to the second, with each
// replaced value's old value beside it; at most a few operations.
inline std::string difference(const text::Json& before, const text::Json& after) {
    const text::Json patch = text::Json::diff(before, after);
    std::string out;
    for (std::size_t i = 0; i < patch.size() && i < 5; ++i) {
        const std::string path = patch[i].value("path", "");
        out += "\n    " + text::to_json_text(patch[i]);
        if (patch[i].value("op", "") == "replace")
            out += "  (was " + text::to_json_text(before.at(text::Json::json_pointer(path))) + ")";
    }
    if (patch.size() > 5) out += "\n    … " + std::to_string(patch.size() - 5) + " more";
    return out;
}

template <class List>
std::string difference(const List& before, const List& after) {
    return difference(described(before), described(after));
}

// What the writers are given: a list as read, without the reader's report (never written).
template <class List>
List without_rejected(List list) {
    list.rejected.clear();
    return list;
}

// The streaming availability reader and the tree reader (read_availability) on the same
// document: the same list, or the same error.
inline void check_same_read(const Result<parking::AvailabilityList>& stream, const Result<parking::AvailabilityList>& tree) {
    FUZZ_CHECK(stream.ok() == tree.ok(), "the stream " + (stream ? "took" : "refused (" + stream.error() + ")") +
                                             " what the tree reader " + (tree ? "took" : "refused (" + tree.error() + ")"));
    if (stream) FUZZ_CHECK(*stream == *tree, "the stream and the tree read differently:" + difference(*tree, *stream));
    if (!stream) FUZZ_CHECK(stream.error() == tree.error(), "stream: " + stream.error() + "\n  tree: " + tree.error());
}

// What a reader took, written back with `write` and read with `read`, reads to the same list
// with nothing rejected (tdx_write.h promises read(write(x)) == x). `what` names the list and
// format in messages ("car parks, JSON").
template <class List, class Write, class Read>
void check_round_trip(const List& read, Write write, Read read_again, const std::string& what) {
    const List taken = without_rejected(read);
    const std::string written = write(taken);
    const auto again = read_again(written);
    FUZZ_CHECK(again, what + ": written, it does not read back: " + again.error() + "\n  " + written);
    FUZZ_CHECK(again->rejected.empty(), what + ": written, an item is rejected: " + again->rejected.front() + "\n  " + written);
    FUZZ_CHECK(*again == taken, what + ": changed on the round trip:" + difference(taken, *again));
}

}  // namespace beitai::fuzz
