#include "parking/tdx_fields.h"

#include <cstdlib>

#include "text/date.h"
#include "text/taiwan_time.h"

namespace beitai::parking::tdx {

// JSON and XML of the same name must read alike (XML turns CR LF into LF, so JSON must too),
// and a name written back out must still be valid XML (an &#x1E; becomes a space).
std::string clean_text(const std::string& s) {
    // Nearly every text is clean already: take it as it is.
    bool clean = s.empty() || (s.front() != ' ' && s.back() != ' ');
    for (size_t i = 0; clean && i < s.size(); ++i)
        clean = static_cast<unsigned char>(s[i]) >= 0x20 && s[i] != 0x7f;
    if (clean) return s;
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\r') {
            out += '\n';
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else if (c == '\n' || c == '\t') {
            out += c;
        } else {
            out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
        }
    }
    const char* space = " \t\n";
    const size_t first = out.find_first_not_of(space);
    if (first == std::string::npos) return {};
    return out.substr(first, out.find_last_not_of(space) - first + 1);
}

namespace {

std::optional<std::int64_t> in_range(std::optional<long long> t) {
    if (!t || *t < 0 || *t >= 7258118400LL) return std::nullopt;  // 2200-01-01T00:00:00Z
    return t;
}

}  // namespace

std::optional<std::int64_t> plausible_time(const std::string& text) { return in_range(text::parse_iso_datetime(text)); }

std::optional<std::int64_t> plausible_taiwan_time(const std::string& text) {
    return in_range(text::parse_taiwan_datetime(text));
}

bool in_taiwan(geo::LatLon p) { return p.lat >= 21.5 && p.lat <= 26.5 && p.lon >= 118 && p.lon <= 122.5; }

// Writing JSON text recurses, so a value nested absurdly deep (hostile input; the readers
// themselves never go deeper than three levels) is only named.
std::string shown(const Json& v) {
    if (text::nested_deeper_than(v, 16)) return "a value nested deeper than 16 levels";
    std::string s = text::to_json_text(v);
    return s.size() > 40 ? s.substr(0, 37) + "..." : s;
}

const Json* member_of(const Json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string FieldReader::text(const Json* v, const char* key, bool required) {
    if (!v) {
        if (required) fail(path_of(key), "missing");
        return {};
    }
    if (v->is_string()) {
        std::string s = clean_text(v->get_ref<const std::string&>());
        if (s == "NULL") s.clear();
        if (required && s.empty()) fail(path_of(key), "empty");
        return s;
    }
    if (v->is_number_integer()) return std::to_string(v->get<long long>());
    fail(path_of(key), "expected text, got " + shown(*v));
    return {};
}

bool FieldReader::flag(const Json* v, const char* key) {
    if (!v) return false;
    if (v->is_boolean()) return v->get<bool>();
    if (v->is_string() && (*v == "true" || *v == "True")) return true;
    if (v->is_string() && (*v == "false" || *v == "False")) return false;
    auto n = count(v, key);
    if (n && *n > 1) fail(path_of(key), "expected 0 or 1, got " + shown(*v));
    return n.value_or(0) == 1;
}

double FieldReader::coordinate(const Json* v, const std::string& where) {
    if (v && v->is_number()) return v->get<double>();
    if (v && v->is_string()) {
        const auto& s = v->get_ref<const std::string&>();
        char* end = nullptr;
        const double d = std::strtod(s.c_str(), &end);
        if (!s.empty() && end == s.c_str() + s.size()) return d;
    }
    fail(where, v ? "expected a coordinate, got " + shown(*v) : "missing");
    return 0;
}

namespace {

Service service_of(std::optional<int> code) {
    if (!code || *code > 3) return Service::unknown;
    return static_cast<Service>(*code);
}

Fullness fullness_of(std::optional<int> code) {
    if (!code || *code > 3) return Fullness::unknown;
    return static_cast<Fullness>(*code);
}

}  // namespace

bool read_availability_item(const AvailabilityFields& f, const std::string& path, Availability& a,
                            std::string& problem) {
    FieldReader r(path);
    if (f.not_object) {
        problem = path + ": expected an object, got " + shown(*f.not_object);
        return false;
    }
    a.car_park_id = r.text(f.id, "CarParkID", true);
    a.total_spaces = r.count(f.total, "TotalSpaces");
    a.available_spaces = r.count(f.available, "AvailableSpaces");
    if (f.by_type_not_list) r.fail(r.path_of("Availabilities"), "expected a list, got " + shown(*f.by_type_not_list));
    for (size_t k = 0; k < f.by_type.size() && r.ok(); ++k) {
        const AvailabilityEntryFields& entry = f.by_type[k];
        auto where = [&r, k](const char* key) {
            return [&r, k, key] {
                return r.path_of("Availabilities") + "[" + std::to_string(k) + "]" + (key[0] ? "." : "") + key;
            };
        };
        if (entry.not_object) {
            r.fail(where("")(), "expected an object, got " + shown(*entry.not_object));
            break;
        }
        SpaceCount s;
        s.space_type = r.count(entry.space_type, where("SpaceType")).value_or(255);
        s.total = r.count(entry.total, where("NumberOfSpaces"));
        s.available = r.count(entry.available, where("AvailableSpaces"));
        a.by_type.push_back(s);
    }
    a.service = service_of(r.count(f.service, "ServiceStatus"));
    a.fullness = fullness_of(r.count(f.full, "FullStatus"));
    a.charge_status = r.count(f.charge, "ChargeStatus");
    a.collected = r.text(f.collected, "DataCollectTime", false);
    if (!a.collected.empty()) {
        a.collected_at = plausible_time(a.collected);
        if (!a.collected_at)
            r.fail(r.path_of("DataCollectTime"), "not an ISO 8601 time with an offset from 1970 to 2199: \"" + a.collected + "\"");
    }
    if (r.ok()) return true;
    problem = r.problem();
    return false;
}

void read_update_time(const Json* v, std::string& text, std::optional<std::int64_t>& at) {
    if (!v || !v->is_string()) return;
    text = clean_text(v->get_ref<const std::string&>());
    if (auto t = plausible_time(text)) at = *t;
}

std::optional<int> envelope_seconds(const Json* v) {
    FieldReader r("");
    auto n = r.count(v, [] { return std::string(); });
    return r.ok() ? n : std::nullopt;
}

std::string too_many_items(const char* wrapper, size_t items, const ReadLimits& limits) {
    return std::string(wrapper) + ": " + std::to_string(items) + " items, more than the limit of " +
           std::to_string(limits.max_items);
}

Status check_share(size_t rejected, size_t total, const ReadLimits& limits, const std::vector<std::string>& reasons) {
    if (total == 0 || rejected <= limits.max_rejected_share * static_cast<double>(total)) return ok_status();
    return Error{std::to_string(rejected) + " of " + std::to_string(total) +
                 " items rejected, so the document is not taken; the first: " + reasons.front()};
}

}  // namespace beitai::parking::tdx
