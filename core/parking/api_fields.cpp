#include "parking/api_fields.h"

#include "text/date.h"

namespace beitai::parking::api {

namespace {
constexpr std::int64_t kEndOf2199 = 7258118400LL;
}

const char* service_id(Service s) {
    switch (s) {
        case Service::resting: return "resting";
        case Service::open: return "open";
        case Service::suspended: return "suspended";
        case Service::off_hours: return "off_hours";
        case Service::unknown: break;
    }
    return nullptr;
}

const char* fullness_id(Fullness f) {
    switch (f) {
        case Fullness::space: return "space";
        case Fullness::nearly_full: return "nearly_full";
        case Fullness::full: return "full";
        case Fullness::overcrowded: return "overcrowded";
        case Fullness::unknown: break;
    }
    return nullptr;
}

Json time_or_null(const std::optional<std::int64_t>& t) {
    return t ? Json(text::to_iso_datetime_taipei(*t)) : Json(nullptr);
}

Json with_freshness(Json out, const Freshness& f) {
    out["age_s"] = or_null(f.age_s);
    out["stale"] = f.stale;
    return out;
}

const Json* Reader::get(const char* key) {
    if (!node.is_object()) {
        fail(path, "expected an object");
        return nullptr;
    }
    auto it = node.find(key);
    return it == node.end() || it->is_null() ? nullptr : &*it;
}

void Reader::fail(const std::string& where, const std::string& why) {
    if (problem.empty()) problem = where + ": " + why;
}

std::string Reader::text(const char* key, bool required) {
    const Json* v = get(key);
    if (v && v->is_string()) {
        std::string s = v->get<std::string>();
        if (required && s.empty()) fail(path + "." + key, "empty");
        return s;
    }
    if (v || required) fail(path + "." + key, "expected text");
    return {};
}

std::optional<int> Reader::count(const char* key) {
    auto v = integer(key);
    if (!v) return std::nullopt;
    if (*v < 0 || *v > 1000000) {
        fail(path + "." + key, "expected a count from 0, got " + std::to_string(*v));
        return std::nullopt;
    }
    return static_cast<int>(*v);
}

std::optional<long long> Reader::integer(const char* key) {
    const Json* v = get(key);
    if (!v) return std::nullopt;
    if (v->is_number_integer()) return v->get<long long>();
    fail(path + "." + key, "expected an integer");
    return std::nullopt;
}

double Reader::number(const char* key) {
    const Json* v = get(key);
    if (v && v->is_number()) return v->get<double>();
    fail(path + "." + key, "expected a number");
    return 0;
}

bool Reader::flag(const char* key) {
    const Json* v = get(key);
    if (!v) return false;
    if (v->is_boolean()) return v->get<bool>();
    fail(path + "." + key, "expected true or false");
    return false;
}

std::optional<std::int64_t> Reader::time(const char* key) {
    std::string t = text(key);
    if (t.empty()) return std::nullopt;
    auto at = text::parse_iso_datetime(t);
    if (!at || *at < 0 || *at >= kEndOf2199) {
        fail(path + "." + key, "not an ISO 8601 time from 1970 to 2199: \"" + t + "\"");
        return std::nullopt;
    }
    return at;
}

SentFreshness Reader::freshness(std::int64_t at) {
    SentFreshness sent;
    sent.at = at;
    if (auto age = integer("age_s")) {
        // An age longer than the calendar the times may span is no age; bounded, ageing cannot overflow.
        if (*age < 0 || *age >= kEndOf2199) fail(path + ".age_s", "expected seconds from 0, got " + std::to_string(*age));
        else sent.freshness.age_s = *age;
    }
    sent.freshness.stale = flag("stale");
    return sent;
}

}  // namespace beitai::parking::api
