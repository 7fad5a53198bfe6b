#include "parking/tdx_json.h"

#include <cmath>

#include "text/date.h"

namespace beitai::parking {

using content::Json;

namespace {

// Text as people will read it: line breaks are "\n" however they came (XML turns CR LF
// into LF, so JSON must too), other control characters (an &#x1E; in XML) become spaces,
// and the ends are trimmed — so that JSON and XML of the same name read alike and a name
// written back out is still valid XML.
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

// Times from 1970 to 2199: anything else is a broken clock or a typo, not data.
std::optional<std::int64_t> plausible_time(const std::string& text) {
    auto t = text::parse_iso_datetime(text);
    if (!t || *t < 0 || *t >= 7258118400LL) return std::nullopt;  // 2200-01-01T00:00:00Z
    return t;
}

// What the feeds write for "no number here".
bool means_unknown(const std::string& s) { return s.empty() || s == "未提供" || s == "NULL" || s == "null" || s == "-1"; }

// A value as quoted in an error. Writing JSON text recurses, so a value nested absurdly deep
// (hostile input; the readers themselves never go deeper than three levels) is only named.
std::string shown(const Json& v) {
    if (content::nested_deeper_than(v, 16)) return "a value nested deeper than 16 levels";
    std::string s = content::to_json_text(v);
    return s.size() > 40 ? s.substr(0, 37) + "..." : s;
}

// Reads the fields of one item; the first problem rejects the item and is kept with its path.
class ItemReader {
public:
    ItemReader(const Json& node, std::string path) : node_(node), path_(std::move(path)) {
        if (!node_.is_object()) problem_ = path_ + ": expected an object, got " + shown(node_);
    }

    bool ok() const { return problem_.empty(); }
    const std::string& problem() const { return problem_; }

    const Json* member(const char* key) const {
        if (!node_.is_object()) return nullptr;
        auto it = node_.find(key);
        return it == node_.end() || it->is_null() ? nullptr : &*it;
    }

    void fail(const std::string& where, const std::string& reason) {
        if (problem_.empty()) problem_ = where + ": " + reason;
    }
    std::string path_of(const char* key) const { return path_ + "." + key; }

    // A string member; numbers are taken as their text (some servers send ids as numbers).
    std::string text(const char* key, bool required) {
        const Json* v = member(key);
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

    // A count of spaces: a non-negative integer, as a number or digits; unknown otherwise.
    // `where()` names the member, built only when there is a problem to report (a document
    // has tens of thousands of members and, usually, no problem).
    template <class Where>
    std::optional<int> count(const Json* v, Where where) {
        if (!v) return std::nullopt;
        if (v->is_number_integer()) {
            const long long n = v->get<long long>();
            if (n == -1) return std::nullopt;
            if (n < 0 || n > 1000000) return fail(where(), "expected a count, got " + shown(*v)), std::nullopt;
            return static_cast<int>(n);
        }
        if (v->is_number_float()) {
            const double d = v->get<double>();
            if (d == -1) return std::nullopt;
            if (d >= 0 && d <= 1000000 && d == std::floor(d)) return static_cast<int>(d);
            return fail(where(), "expected a count, got " + shown(*v)), std::nullopt;
        }
        if (v->is_string()) {
            const auto& s = v->get_ref<const std::string&>();
            if (means_unknown(s)) return std::nullopt;
            if (s.size() <= 7 && s.find_first_not_of("0123456789") == std::string::npos) return std::stoi(s);
        }
        fail(where(), "expected a count, got " + shown(*v));
        return std::nullopt;
    }
    std::optional<int> count(const char* key) {
        return count(member(key), [&] { return path_of(key); });
    }

    // A small code (status, type); unknown when absent.
    std::optional<int> code(const char* key) { return count(key); }

    bool flag(const char* key) {
        const Json* v = member(key);
        if (!v) return false;
        if (v->is_boolean()) return v->get<bool>();
        // XML from .NET servers writes booleans as words.
        if (v->is_string() && (*v == "true" || *v == "True")) return true;
        if (v->is_string() && (*v == "false" || *v == "False")) return false;
        auto n = count(v, [&] { return path_of(key); });
        if (n && *n > 1) fail(path_of(key), "expected 0 or 1, got " + shown(*v));
        return n.value_or(0) == 1;
    }

    double coordinate(const Json* v, const std::string& where) {
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

    const Json& node() const { return node_; }
    const std::string& path() const { return path_; }

private:
    const Json& node_;
    std::string path_;
    std::string problem_;
};

// The items of a document: {"<wrapper>": [...], …} or a bare array.
Result<const Json*> items_of(const Json& root, const char* wrapper) {
    if (root.is_array()) return &root;
    if (!root.is_object()) return Error{std::string("expected an object with \"") + wrapper + "\", got " + shown(root)};
    auto it = root.find(wrapper);
    if (it == root.end()) return Error{std::string("no \"") + wrapper + "\" in the document"};
    if (it->is_null()) return &*it;  // an empty document written as null
    if (!it->is_array()) return Error{std::string(wrapper) + ": expected a list, got " + shown(*it)};
    return &*it;
}

// The envelope's time, as sent and as Unix seconds.
void read_update_time(const Json& root, std::string& text, std::optional<std::int64_t>& at) {
    if (!root.is_object()) return;
    auto it = root.find("UpdateTime");
    if (it == root.end() || !it->is_string()) return;
    text = clean_text(it->get<std::string>());
    if (auto t = plausible_time(text)) at = *t;
}

std::optional<int> envelope_seconds(const Json& root, const char* key) {
    if (!root.is_object()) return std::nullopt;
    ItemReader r(root, "");
    auto v = r.count(root.contains(key) ? &root.at(key) : nullptr, [&] { return std::string(key); });
    return r.ok() ? v : std::nullopt;
}

Status check_share(size_t rejected, size_t total, const ReadLimits& limits, const std::vector<std::string>& reasons) {
    if (total == 0 || rejected <= limits.max_rejected_share * static_cast<double>(total)) return ok_status();
    return Error{std::to_string(rejected) + " of " + std::to_string(total) +
                 " items rejected, so the document is not taken; the first: " + reasons.front()};
}

Service service_of(std::optional<int> code) {
    if (!code || *code > 3) return Service::unknown;
    return static_cast<Service>(*code);
}

Fullness fullness_of(std::optional<int> code) {
    if (!code || *code > 3) return Fullness::unknown;
    return static_cast<Fullness>(*code);
}

bool in_taiwan(geo::LatLon p) { return p.lat >= 21.5 && p.lat <= 26.5 && p.lon >= 118 && p.lon <= 122.5; }

}  // namespace

Result<CarParkList> read_car_parks(const Json& root, const std::string& county, const ReadLimits& limits) {
    auto items = items_of(root, "CarParks");
    if (!items) return Error{items.error()};
    CarParkList out;
    read_update_time(root, out.update_time, out.updated_at);
    const Json& list = **items;
    if (list.is_null()) return out;
    if (list.size() > limits.max_items)
        return Error{"CarParks: " + std::to_string(list.size()) + " items, more than the limit of " +
                     std::to_string(limits.max_items)};
    const std::string base = root.is_array() ? "" : "CarParks";
    for (size_t i = 0; i < list.size(); ++i) {
        ItemReader r(list[i], base + "[" + std::to_string(i) + "]");
        CarPark c;
        c.county = county;
        c.id = r.text("CarParkID", true);
        if (const Json* name = r.member("CarParkName")) {
            if (name->is_object()) {
                ItemReader n(*name, r.path_of("CarParkName"));
                c.name_zh = n.text("Zh_tw", true);
                c.name_en = n.text("En", false);
                if (!n.ok()) r.fail(r.path_of("CarParkName"), n.problem().substr(n.problem().find(": ") + 2));
            } else if (name->is_string()) {
                c.name_zh = clean_text(name->get<std::string>());  // some servers flatten the name
                if (c.name_zh.empty() || c.name_zh == "NULL") r.fail(r.path_of("CarParkName"), "empty");
            } else {
                r.fail(r.path_of("CarParkName"), "expected {Zh_tw, En}, got " + shown(*name));
            }
        } else {
            r.fail(r.path_of("CarParkName"), "missing");
        }
        if (const Json* pos = r.member("CarParkPosition"); pos && pos->is_object()) {
            c.position.lat = r.coordinate(pos->contains("PositionLat") ? &pos->at("PositionLat") : nullptr,
                                          r.path_of("CarParkPosition") + ".PositionLat");
            c.position.lon = r.coordinate(pos->contains("PositionLon") ? &pos->at("PositionLon") : nullptr,
                                          r.path_of("CarParkPosition") + ".PositionLon");
            if (r.ok() && !in_taiwan(c.position))
                r.fail(r.path_of("CarParkPosition"), "outside Taiwan (" + std::to_string(c.position.lat) + ", " +
                                                         std::to_string(c.position.lon) + ")");
        } else {
            r.fail(r.path_of("CarParkPosition"), pos ? "expected {PositionLat, PositionLon}, got " + shown(*pos) : "missing");
        }
        c.address = r.text("Address", false);
        c.fare = r.text("FareDescription", false);
        c.type = r.code("CarParkType").value_or(255);
        c.live_data = r.flag("LiveOccuppancyAvailable");
        c.wheelchair = r.flag("WheelchairAccessible");
        c.ev_charging = r.flag("EVRechargingAvailable");
        c.total_spaces = r.count("TotalSpaces");
        if (r.ok())
            out.car_parks.push_back(std::move(c));
        else
            out.rejected.push_back(r.problem());
    }
    if (auto share = check_share(out.rejected.size(), list.size(), limits, out.rejected); !share) return Error{share.error()};
    return out;
}

Result<AvailabilityList> read_availability(const Json& root, const ReadLimits& limits) {
    auto items = items_of(root, "ParkingAvailabilities");
    if (!items) return Error{items.error()};
    AvailabilityList out;
    read_update_time(root, out.update_time, out.updated_at);
    out.update_interval_s = envelope_seconds(root, "UpdateInterval");
    out.src_update_interval_s = envelope_seconds(root, "SrcUpdateInterval");
    const Json& list = **items;
    if (list.is_null()) return out;
    if (list.size() > limits.max_items)
        return Error{"ParkingAvailabilities: " + std::to_string(list.size()) + " items, more than the limit of " +
                     std::to_string(limits.max_items)};
    const std::string base = root.is_array() ? "" : "ParkingAvailabilities";
    for (size_t i = 0; i < list.size(); ++i) {
        ItemReader r(list[i], base + "[" + std::to_string(i) + "]");
        Availability a;
        a.car_park_id = r.text("CarParkID", true);
        a.total_spaces = r.count("TotalSpaces");
        a.available_spaces = r.count("AvailableSpaces");
        if (const Json* by_type = r.member("Availabilities")) {
            if (!by_type->is_array()) {
                r.fail(r.path_of("Availabilities"), "expected a list, got " + shown(*by_type));
            } else {
                for (size_t k = 0; k < by_type->size() && r.ok(); ++k) {
                    auto where = [&](const char* key) {
                        return [&r, k, key] {
                            return r.path_of("Availabilities") + "[" + std::to_string(k) + "]" + (key[0] ? "." : "") + key;
                        };
                    };
                    const Json& entry = (*by_type)[k];
                    if (!entry.is_object()) {
                        r.fail(where("")(), "expected an object, got " + shown(entry));
                        break;
                    }
                    auto field = [&](const char* key) {
                        auto it = entry.find(key);
                        return it == entry.end() || it->is_null() ? nullptr : &*it;
                    };
                    SpaceCount s;
                    s.space_type = r.count(field("SpaceType"), where("SpaceType")).value_or(255);
                    s.total = r.count(field("NumberOfSpaces"), where("NumberOfSpaces"));
                    s.available = r.count(field("AvailableSpaces"), where("AvailableSpaces"));
                    a.by_type.push_back(s);
                }
            }
        }
        a.service = service_of(r.code("ServiceStatus"));
        a.fullness = fullness_of(r.code("FullStatus"));
        a.charge_status = r.code("ChargeStatus");
        a.collected = r.text("DataCollectTime", false);
        if (!a.collected.empty()) {
            a.collected_at = plausible_time(a.collected);
            if (!a.collected_at)
                r.fail(r.path_of("DataCollectTime"), "not an ISO 8601 time with an offset from 1970 to 2199: \"" + a.collected + "\"");
        }
        if (r.ok())
            out.items.push_back(std::move(a));
        else
            out.rejected.push_back(r.problem());
    }
    if (auto share = check_share(out.rejected.size(), list.size(), limits, out.rejected); !share) return Error{share.error()};
    return out;
}

Result<CarParkList> read_car_parks_json(std::string_view text, const std::string& county, const ReadLimits& limits) {
    auto json = content::parse_json_text(text, "car parks");
    if (!json) return Error{json.error()};
    return read_car_parks(*json, county, limits);
}

Result<AvailabilityList> read_availability_json(std::string_view text, const ReadLimits& limits) {
    auto json = content::parse_json_text(text, "availability");
    if (!json) return Error{json.error()};
    return read_availability(*json, limits);
}

}  // namespace beitai::parking
