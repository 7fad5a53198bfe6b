#include "parking/taipei_json.h"

#include <cmath>
#include <cstdlib>

#include "geo/twd97.h"
#include "parking/tdx_fields.h"
#include "text/date.h"

namespace beitai::parking {

using text::Json;
using namespace tdx;

namespace {

// The park list of {"data": {"UPDATETIME", "park": [...]}} (or of the inside alone), and the
// object holding UPDATETIME.
struct Envelope {
    const Json* holder = nullptr;
    const Json* parks = nullptr;  // nullptr: "park" is null, an empty document
};

Result<Envelope> envelope_of(const Json& root) {
    if (!root.is_object()) return Error{"expected an object {\"data\": {\"park\": [...]}}, got " + shown(root)};
    const Json* holder = &root;
    if (auto data = root.find("data"); data != root.end()) {
        if (!data->is_object()) return Error{"data: expected an object with \"park\", got " + shown(*data)};
        holder = &*data;
    }
    auto park = holder->find("park");
    if (park == holder->end()) return Error{holder == &root ? "no \"data\" in the document" : "no \"park\" in data"};
    if (park->is_null()) return Envelope{holder, nullptr};
    if (!park->is_array()) return Error{"park: expected a list, got " + shown(*park)};
    return Envelope{holder, &*park};
}

// UPDATETIME, written back as ISO 8601 at +08:00 when it reads as a time (so that a list kept
// as TDX JSON, tdx_write.h, reads with the same time); as sent otherwise, without a time.
void read_taipei_time(const Json* v, std::string& text, std::optional<std::int64_t>& at) {
    if (!v || !v->is_string()) return;
    text = clean_text(v->get_ref<const std::string&>());
    if (auto t = plausible_taiwan_time(text)) {
        at = *t;
        text = text::to_iso_datetime_taipei(*t);
    }
}

// A count where Taipei writes -9 for "no data" (and -1, as TDX, for unknown).
std::optional<int> count(FieldReader& r, const Json* v, const char* key) {
    if (v && ((v->is_number() && v->get<double>() == -9) || (v->is_string() && v->get_ref<const std::string&>() == "-9")))
        return std::nullopt;
    return r.count(v, key);
}

// A number as a number or its text; nullopt (with `problem` set) otherwise.
std::optional<double> number_of(const Json* v, std::string& problem) {
    if (!v) {
        problem = "missing";
        return std::nullopt;
    }
    if (v->is_number()) return v->get<double>();
    if (v->is_string()) {
        const std::string s = clean_text(v->get_ref<const std::string&>());
        char* end = nullptr;
        const double d = std::strtod(s.c_str(), &end);
        if (!s.empty() && end == s.c_str() + s.size() && std::isfinite(d)) return d;
        if (s.empty()) {
            problem = "missing";
            return std::nullopt;
        }
    }
    problem = "not a number: " + shown(*v);
    return std::nullopt;
}

// tw97x/tw97y converted; nullopt with the reason (naming the member) when they do not give a
// place in Taiwan.
std::optional<geo::LatLon> from_tw97(const Json& item, const FieldReader& r, std::string& problem) {
    std::string why;
    const auto x = number_of(member_of(item, "tw97x"), why);
    if (!x) {
        problem = r.path_of("tw97x") + ": " + why;
        return std::nullopt;
    }
    const auto y = number_of(member_of(item, "tw97y"), why);
    if (!y) {
        problem = r.path_of("tw97y") + ": " + why;
        return std::nullopt;
    }
    const geo::LatLon p = geo::from_twd97({*x, *y});
    if (!std::isfinite(p.lat) || !std::isfinite(p.lon) || !in_taiwan(p)) {
        problem = r.path_of("tw97x") + ": (" + shown(*member_of(item, "tw97x")) + ", " + shown(*member_of(item, "tw97y")) +
                  ") is not a TWD97 TM2 position in Taiwan";
        return std::nullopt;
    }
    return p;
}

// The first entrance: Xcod is the latitude, Ycod the longitude.
std::optional<geo::LatLon> from_entrance(const Json& item) {
    const Json* coord = member_of(item, "EntranceCoord");
    const Json* info = coord ? member_of(*coord, "EntrancecoordInfo") : nullptr;
    if (!info) return std::nullopt;
    const Json* first = info->is_array() ? (info->empty() ? nullptr : &(*info)[0]) : info;  // one entry may come bare
    if (!first || !first->is_object()) return std::nullopt;
    std::string why;
    const auto lat = number_of(member_of(*first, "Xcod"), why);
    const auto lon = number_of(member_of(*first, "Ycod"), why);
    if (!lat || !lon) return std::nullopt;
    const geo::LatLon p{*lat, *lon};
    if (!in_taiwan(p)) return std::nullopt;
    return p;
}

}  // namespace

Result<CarParkList> read_taipei_car_parks(const Json& root, const std::string& county, const ReadLimits& limits) {
    auto envelope = envelope_of(root);
    if (!envelope) return Error{envelope.error()};
    CarParkList out;
    read_taipei_time(member_of(*envelope->holder, "UPDATETIME"), out.update_time, out.updated_at);
    if (!envelope->parks) return out;
    auto read = [&county](const Json& item, FieldReader& r) {
        CarPark c;
        c.county = county;
        c.id = r.text(member_of(item, "id"), "id", true);
        c.name_zh = r.text(member_of(item, "name"), "name", true);
        c.address = r.text(member_of(item, "address"), "address", false);
        c.fare = r.text(member_of(item, "payex"), "payex", false);
        c.total_spaces = count(r, member_of(item, "totalcar"), "totalcar");
        c.live_data = true;
        std::string problem;
        auto position = from_tw97(item, r, problem);
        if (!position) position = from_entrance(item);
        if (position) c.position = *position;
        else r.fail(problem.substr(0, problem.find(": ")),
                    problem.substr(problem.find(": ") + 2) + ", and no EntranceCoord in Taiwan to place it by");
        return c;
    };
    if (auto taken = read_items(*envelope->parks, "park", "park", limits, out.car_parks, out.rejected, read); !taken)
        return Error{taken.error()};
    return out;
}

Result<AvailabilityList> read_taipei_availability(const Json& root, const ReadLimits& limits) {
    auto envelope = envelope_of(root);
    if (!envelope) return Error{envelope.error()};
    AvailabilityList out;
    read_taipei_time(member_of(*envelope->holder, "UPDATETIME"), out.update_time, out.updated_at);
    if (!envelope->parks) return out;
    auto read = [&out](const Json& item, FieldReader& r) {
        Availability a;
        a.car_park_id = r.text(member_of(item, "id"), "id", true);
        a.available_spaces = count(r, member_of(item, "availablecar"), "availablecar");
        a.by_type.push_back({1, std::nullopt, a.available_spaces});
        if (const Json* motor = member_of(item, "availablemotor"))
            a.by_type.push_back({2, std::nullopt, count(r, motor, "availablemotor")});
        if (out.updated_at) {  // the document's time is every item's
            a.collected = out.update_time;
            a.collected_at = out.updated_at;
        }
        return a;
    };
    if (auto taken = read_items(*envelope->parks, "park", "park", limits, out.items, out.rejected, read); !taken)
        return Error{taken.error()};
    return out;
}

Result<CarParkList> read_taipei_car_parks_json(std::string_view text, const std::string& county, const ReadLimits& limits) {
    auto json = text::parse_json_text(text, "Taipei car parks");
    if (!json) return Error{json.error()};
    return read_taipei_car_parks(*json, county, limits);
}

Result<AvailabilityList> read_taipei_availability_json(std::string_view text, const ReadLimits& limits) {
    auto json = text::parse_json_text(text, "Taipei availability");
    if (!json) return Error{json.error()};
    return read_taipei_availability(*json, limits);
}

}  // namespace beitai::parking
