// The field rules of the TDX readers, in one place: what a count, a text, a flag, a
// coordinate and a time may look like in the feeds, and how a problem is named. Internal to
// core/parking: tdx_json.cpp reads parsed trees (JSON, and XML turned into a tree by
// tdx_xml.cpp) with them, availability_stream.cpp reads availability straight from the JSON
// parser's events; both apply the same rules, so every format gives the same model and the
// same messages for the same data. The counties' own formats (taipei_json.cpp,
// yilan_json.cpp) read their fields with the same rules.
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "text/json_reader.h"
#include "parking/model.h"
#include "text/result.h"

namespace beitai::parking::tdx {

using text::Json;

// Text as people will read it: line breaks are "\n" however they came, other control
// characters become spaces, and the ends are trimmed.
std::string clean_text(const std::string& s);

// Times from 1970 to 2199, with an offset: anything else is a broken clock or a typo.
std::optional<std::int64_t> plausible_time(const std::string& text);
// The same range for the counties' own feeds, in any form text/taiwan_time.h reads (Java's
// "Sun Jul 27 16:12:00 CST 2025", times without an offset as Taiwan's).
std::optional<std::int64_t> plausible_taiwan_time(const std::string& text);

// Whether a position is in Taiwan (with its islands): a car park elsewhere is a swapped pair
// or a typo.
bool in_taiwan(geo::LatLon p);

// A value as quoted in an error: compact JSON, cut at 40 characters.
std::string shown(const Json& v);

// A member of an object; nullptr when absent, null, or `object` is not an object. The
// readers treat null as absent throughout.
const Json* member_of(const Json& object, const char* key);

// Reads the fields of one item; the first problem rejects the item and is kept with its
// path ("ParkingAvailabilities[3].AvailableSpaces: expected a count, got \"many\"").
class FieldReader {
public:
    explicit FieldReader(std::string path) : path_(std::move(path)) {}

    bool ok() const { return problem_.empty(); }
    const std::string& problem() const { return problem_; }
    const std::string& path() const { return path_; }
    std::string path_of(const char* key) const { return path_ + "." + key; }
    void fail(const std::string& where, const std::string& reason) {
        if (problem_.empty()) problem_ = where + ": " + reason;
    }

    // A string; numbers are taken as their text (some servers send ids as numbers).
    std::string text(const Json* v, const char* key, bool required);

    // A count of spaces: a non-negative integer, as a number or digits; -1, "", "NULL" and
    // "未提供" are unknown. `where()` names the member; it is called only when there is a
    // problem to report (a document has tens of thousands of members and, usually, none).
    template <class Where>
    std::optional<int> count(const Json* v, Where where) {
        if (!v) return std::nullopt;
        if (v->is_number_integer()) {
            const long long n = v->get<long long>();
            if (n == -1) return std::nullopt;
            if (n >= 0 && n <= kMaxCount) return static_cast<int>(n);
        } else if (v->is_number_float()) {
            const double d = v->get<double>();
            if (d == -1) return std::nullopt;
            if (d >= 0 && d <= kMaxCount && d == std::floor(d)) return static_cast<int>(d);
        } else if (v->is_string()) {
            return count_text(v->get_ref<const std::string&>(), [&] { return where(); }, *v);
        }
        fail(where(), "expected a count, got " + shown(*v));
        return std::nullopt;
    }
    std::optional<int> count(const Json* v, const char* key) {
        return count(v, [&] { return path_of(key); });
    }

    // A yes/no: true/false, 1/0, or the words .NET servers write in XML.
    bool flag(const Json* v, const char* key);

    // A coordinate in degrees, as a number or its text.
    double coordinate(const Json* v, const std::string& where);

private:
    static constexpr int kMaxCount = 1000000;

    template <class Where>
    std::optional<int> count_text(const std::string& s, Where where, const Json& v) {
        if (s.empty() || s == "未提供" || s == "NULL" || s == "null" || s == "-1") return std::nullopt;
        if (s.size() <= 7 && s.find_first_not_of("0123456789") == std::string::npos) return std::stoi(s);
        fail(where(), "expected a count, got " + shown(v));
        return std::nullopt;
    }

    std::string path_;
    std::string problem_;
};

// One availability item's members, wherever they are kept: in a parsed tree (tdx_json.cpp)
// or in the streaming reader's buffers (availability_stream.cpp). nullptr is absent or null.
struct AvailabilityEntryFields {
    const Json* not_object = nullptr;  // the entry itself, when it is not an object
    const Json* space_type = nullptr;
    const Json* total = nullptr;
    const Json* available = nullptr;
};

struct AvailabilityFields {
    const Json* not_object = nullptr;  // the item itself, when it is not an object
    const Json* id = nullptr;
    const Json* total = nullptr;
    const Json* available = nullptr;
    const Json* by_type_not_list = nullptr;  // Availabilities, when given and not a list
    std::vector<AvailabilityEntryFields> by_type;
    const Json* service = nullptr;
    const Json* full = nullptr;
    const Json* charge = nullptr;
    const Json* collected = nullptr;
};

// The item at `path`; false with `problem` set when it is rejected.
bool read_availability_item(const AvailabilityFields& fields, const std::string& path, Availability& out,
                            std::string& problem);

// The envelope: UpdateTime (as sent and in seconds; ignored unless a string), and the
// update intervals (ignored unless counts).
void read_update_time(const Json* v, std::string& text, std::optional<std::int64_t>& at);
std::optional<int> envelope_seconds(const Json* v);

// The document-level checks, with the messages both readers give.
std::string too_many_items(const char* wrapper, size_t items, const ReadLimits& limits);
Status check_share(size_t rejected, size_t total, const ReadLimits& limits, const std::vector<std::string>& reasons);

// The item loop of the tree readers: every item of `list` ("<base>[i]") read by
// `read(item, reader)` into `out`, unless it is not an object or `reader` found a problem —
// then it goes to `rejected`, by its path. Fails on more items than the limit (named by
// `wrapper`) or too large a rejected share, as every reader must.
template <class T, class Read>
Status read_items(const Json& list, const char* wrapper, const std::string& base, const ReadLimits& limits,
                  std::vector<T>& out, std::vector<std::string>& rejected, Read read) {
    if (list.size() > limits.max_items) return Error{too_many_items(wrapper, list.size(), limits)};
    for (size_t i = 0; i < list.size(); ++i) {
        const Json& item = list[i];
        FieldReader r(base + "[" + std::to_string(i) + "]");
        if (!item.is_object()) {
            rejected.push_back(r.path() + ": expected an object, got " + shown(item));
            continue;
        }
        T value = read(item, r);
        if (r.ok())
            out.push_back(std::move(value));
        else
            rejected.push_back(r.problem());
    }
    return check_share(rejected.size(), list.size(), limits, rejected);
}

}  // namespace beitai::parking::tdx
