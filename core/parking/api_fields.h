// What the parking API's writers and readers (api_json.cpp, feeds_json.cpp) share: the words
// for service and fullness, times as ISO text in Taipei time, and a small typed view over one
// object that keeps the first problem with its path. Internal to core/parking.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "text/json_reader.h"
#include "parking/levels.h"
#include "parking/model.h"

namespace beitai::parking::api {

using text::Json;

const char* service_id(Service s);    // nullptr for unknown
const char* fullness_id(Fullness f);  // nullptr for unknown

inline Json or_null(const char* s) { return s ? Json(s) : Json(nullptr); }
Json time_or_null(const std::optional<std::int64_t>& t);
template <class T>
Json or_null(const std::optional<T>& v) {
    return v ? Json(*v) : Json(nullptr);
}
// Adds "age_s" and "stale".
Json with_freshness(Json out, const Freshness& f);

struct Reader {
    const Json& node;
    std::string path;
    std::string problem;

    const Json* get(const char* key);  // nullptr when absent or null
    void fail(const std::string& where, const std::string& why);
    std::string text(const char* key, bool required = false);
    // A count of spaces: never negative (unknown is null, not -1, in this API).
    std::optional<int> count(const char* key);
    std::optional<long long> integer(const char* key);
    double number(const char* key);
    bool flag(const char* key);
    // ISO 8601 from 1970 to 2199, as the feeds' readers take.
    std::optional<std::int64_t> time(const char* key);
    // "age_s" and "stale", as the server sent them at `at`.
    SentFreshness freshness(std::int64_t at);
};

}  // namespace beitai::parking::api
