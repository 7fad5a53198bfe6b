#include "parking/api_json.h"

#include <map>
#include <unordered_set>

#include "text/date.h"

namespace beitai::parking {

using text::Json;

namespace {

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

Json or_null(const char* s) { return s ? Json(s) : Json(nullptr); }
template <class T>
Json or_null(const std::optional<T>& v) {
    return v ? Json(*v) : Json(nullptr);
}
Json time_or_null(const std::optional<std::int64_t>& t) {
    return t ? Json(text::to_iso_datetime_taipei(*t)) : Json(nullptr);
}

Json freshness_members(Json out, const Freshness& f) {
    out["age_s"] = or_null(f.age_s);
    out["stale"] = f.stale;
    return out;
}

// Reading back: a small typed view over one object that records the first problem.
struct Reader {
    const Json& node;
    std::string path;
    std::string problem;

    const Json* get(const char* key) {
        if (!node.is_object()) {
            fail(path, "expected an object");
            return nullptr;
        }
        auto it = node.find(key);
        return it == node.end() || it->is_null() ? nullptr : &*it;
    }
    void fail(const std::string& where, const std::string& why) {
        if (problem.empty()) problem = where + ": " + why;
    }
    std::string text(const char* key, bool required = false) {
        const Json* v = get(key);
        if (v && v->is_string()) {
            std::string s = v->get<std::string>();
            if (required && s.empty()) fail(path + "." + key, "empty");
            return s;
        }
        if (v || required) fail(path + "." + key, "expected text");
        return {};
    }
    // A count of spaces: never negative (unknown is null, not -1, in this API).
    std::optional<int> count(const char* key) {
        auto v = integer(key);
        if (!v) return std::nullopt;
        if (*v < 0 || *v > 1000000) {
            fail(path + "." + key, "expected a count from 0, got " + std::to_string(*v));
            return std::nullopt;
        }
        return static_cast<int>(*v);
    }
    std::optional<long long> integer(const char* key) {
        const Json* v = get(key);
        if (!v) return std::nullopt;
        if (v->is_number_integer()) return v->get<long long>();
        fail(path + "." + key, "expected an integer");
        return std::nullopt;
    }
    double number(const char* key) {
        const Json* v = get(key);
        if (v && v->is_number()) return v->get<double>();
        fail(path + "." + key, "expected a number");
        return 0;
    }
    bool flag(const char* key) {
        const Json* v = get(key);
        if (!v) return false;
        if (v->is_boolean()) return v->get<bool>();
        fail(path + "." + key, "expected true or false");
        return false;
    }
    std::optional<std::int64_t> time(const char* key) {
        std::string t = text(key);
        if (t.empty()) return std::nullopt;
        auto at = text::parse_iso_datetime(t);
        if (!at || *at < 0 || *at >= 7258118400LL) {  // 1970 to 2199, as the feeds' readers take
            fail(path + "." + key, "not an ISO 8601 time from 1970 to 2199: \"" + t + "\"");
            return std::nullopt;
        }
        return at;
    }
};


Result<CarParkState> read_car_park(const Json& node, const std::string& path) {
    Reader r{node, path, {}};
    CarParkState s;
    s.park.id = r.text("id", true);
    s.park.county = r.text("county", true);
    s.park.name_zh = r.text("name", true);
    s.park.name_en = r.text("name_en");
    s.park.position = {r.number("lat"), r.number("lon")};
    s.park.address = r.text("address");
    s.park.fare = r.text("fare");
    s.park.wheelchair = r.flag("wheelchair");
    s.park.ev_charging = r.flag("ev");
    s.park.live_data = r.flag("publishes_live");
    if (r.flag("live")) {
        Availability a;
        a.car_park_id = s.park.id;
        a.available_spaces = r.count("available");
        a.total_spaces = r.count("total");
        const std::string service = r.text("service"), fullness = r.text("fullness");
        for (Service v : {Service::resting, Service::open, Service::suspended, Service::off_hours})
            if (service == service_id(v)) a.service = v;
        for (Fullness v : {Fullness::space, Fullness::nearly_full, Fullness::full, Fullness::overcrowded})
            if (fullness == fullness_id(v)) a.fullness = v;
        a.collected = r.text("collected");
        if (!a.collected.empty()) a.collected_at = r.time("collected");
        s.live = a;
    } else {
        s.park.total_spaces = r.count("total");
    }
    if (!r.problem.empty()) return Error{r.problem};
    return s;
}

Result<FeedStatus> read_feed(const Json& node, const std::string& path) {
    Reader r{node, path, {}};
    FeedStatus f;
    f.county = r.text("county", true);
    f.sample = r.flag("sample");
    f.publishes_live = r.flag("publishes_live");
    f.stale_after_s = static_cast<int>(r.integer("stale_after_s").value_or(300));
    f.last_success_at = r.time("last_success");
    f.data_updated_at = r.time("data_updated");
    f.last_attempt_at = r.time("last_attempt");
    f.last_error_at = r.time("last_error_at");
    f.last_error = r.text("last_error");
    f.consecutive_failures = static_cast<int>(r.integer("consecutive_failures").value_or(0));
    f.breaker_open = r.flag("breaker_open");
    f.next_attempt_at = r.time("next_attempt");
    f.car_parks = static_cast<std::size_t>(r.integer("car_parks").value_or(0));
    f.live_items = static_cast<std::size_t>(r.integer("live_items").value_or(0));
    f.rejected_items = static_cast<std::size_t>(r.integer("rejected_items").value_or(0));
    if (!r.problem.empty()) return Error{r.problem};
    return f;
}

// Adds or replaces a car park (and its live item) in its county. `is_new`: the caller knows
// it is not there yet, so no search — reading a whole /api/parking must not be quadratic.
void put(std::vector<CountyParking>& counties, CarParkState state, bool is_new = false) {
    for (auto& c : counties) {
        if (c.status.county != state.park.county) continue;
        if (!c.availability) c.availability = AvailabilityList{};
        if (is_new) {
            if (state.live) c.availability->items.push_back(*state.live);
            c.car_parks.car_parks.push_back(std::move(state.park));
            return;
        }
        auto& parks = c.car_parks.car_parks;
        size_t i = 0;
        while (i < parks.size() && parks[i].id != state.park.id) ++i;
        if (i == parks.size()) parks.push_back(state.park);
        else parks[i] = state.park;
        auto& items = c.availability->items;
        size_t k = 0;
        while (k < items.size() && items[k].car_park_id != state.park.id) ++k;
        if (state.live) {
            if (k == items.size()) items.push_back(*state.live);
            else items[k] = *state.live;
        } else if (k < items.size()) {
            items.erase(items.begin() + static_cast<long>(k));
        }
        return;
    }
}

}  // namespace

Freshness feed_freshness(const FeedStatus& feed, std::int64_t now) {
    return freshness_of(feed.data_updated_at, feed.last_success_at, now, feed.stale_after_s);
}

Json car_park_json(const ParkingSnapshot& snapshot, const CarParkState& s, std::int64_t now) {
    Json out = Json::object();
    out["key"] = car_park_key(s.park);
    out["id"] = s.park.id;
    out["county"] = s.park.county;
    out["name"] = s.park.name_zh;
    out["name_en"] = s.park.name_en;
    out["lat"] = s.park.position.lat;
    out["lon"] = s.park.position.lon;
    out["address"] = s.park.address;
    out["fare"] = s.park.fare;
    out["wheelchair"] = s.park.wheelchair;
    out["ev"] = s.park.ev_charging;
    out["publishes_live"] = s.park.live_data;
    out["level"] = std::string(level_id(s.level));
    out["live"] = s.live.has_value();
    const FeedStatus* feed = snapshot.feed(s.park.county);
    const int stale_after = feed ? feed->stale_after_s : 300;
    const auto fetched = feed ? feed->last_success_at : std::nullopt;
    if (s.live) {
        out["available"] = or_null(s.live->available_spaces);
        out["total"] = or_null(s.live->total_spaces ? s.live->total_spaces : s.park.total_spaces);
        out["service"] = or_null(service_id(s.live->service));
        out["fullness"] = or_null(fullness_id(s.live->fullness));
        out["collected"] = s.live->collected.empty() ? Json(nullptr) : Json(s.live->collected);
        return freshness_members(out, freshness_of(s.live->collected_at, fetched, now, stale_after));
    }
    out["available"] = nullptr;
    out["total"] = or_null(s.park.total_spaces);
    // No live data: the age is that of the car park list itself.
    return freshness_members(out, freshness_of(std::nullopt, fetched, now, stale_after));
}

Json feed_json(const FeedStatus& f, std::int64_t now) {
    Json out = Json::object();
    out["county"] = f.county;
    out["sample"] = f.sample;
    out["publishes_live"] = f.publishes_live;
    out["stale_after_s"] = f.stale_after_s;
    out["last_success"] = time_or_null(f.last_success_at);
    out["data_updated"] = time_or_null(f.data_updated_at);
    out["last_attempt"] = time_or_null(f.last_attempt_at);
    out["last_error"] = f.last_error;
    out["last_error_at"] = time_or_null(f.last_error_at);
    out["consecutive_failures"] = f.consecutive_failures;
    out["breaker_open"] = f.breaker_open;
    out["next_attempt"] = time_or_null(f.next_attempt_at);
    out["car_parks"] = f.car_parks;
    out["live_items"] = f.live_items;
    out["rejected_items"] = f.rejected_items;
    return freshness_members(out, feed_freshness(f, now));
}

Json parking_json(const ParkingSnapshot& snapshot, const std::vector<std::size_t>& indices, std::int64_t now) {
    Json out = Json::object();
    out["sample"] = snapshot.sample();
    out["now"] = text::to_iso_datetime_taipei(now);
    out["count"] = indices.size();
    Json list = Json::array();
    for (size_t i : indices) list.push_back(car_park_json(snapshot, snapshot.car_parks()[i], now));
    out["car_parks"] = std::move(list);
    out["feeds"] = feeds_json(snapshot, now)["feeds"];
    return out;
}

Json near_json(const ParkingSnapshot& snapshot, const std::vector<Nearby>& nearby, geo::LatLon at, std::int64_t now) {
    Json out = Json::object();
    out["sample"] = snapshot.sample();
    out["now"] = text::to_iso_datetime_taipei(now);
    out["at"] = {{"lat", at.lat}, {"lon", at.lon}};
    Json list = Json::array();
    for (const auto& n : nearby) {
        Json c = car_park_json(snapshot, snapshot.car_parks()[n.index], now);
        c["distance_m"] = static_cast<long long>(n.distance_m + 0.5);
        list.push_back(std::move(c));
    }
    out["car_parks"] = std::move(list);
    return out;
}

Json feeds_json(const ParkingSnapshot& snapshot, std::int64_t now) {
    Json out = Json::object();
    out["sample"] = snapshot.sample();
    out["now"] = text::to_iso_datetime_taipei(now);
    Json list = Json::array();
    for (const auto& f : snapshot.feeds()) list.push_back(feed_json(f, now));
    out["feeds"] = std::move(list);
    return out;
}

Json changes_json(const ParkingSnapshot& after, const ParkingChanges& changes, std::int64_t now) {
    Json out = Json::object();
    out["now"] = text::to_iso_datetime_taipei(now);
    Json changed = Json::array();
    for (size_t i : changes.changed) changed.push_back(car_park_json(after, after.car_parks()[i], now));
    out["changed"] = std::move(changed);
    out["removed"] = changes.removed;
    out["feeds"] = feeds_json(after, now)["feeds"];
    return out;
}

Result<std::vector<CountyParking>> read_parking_json(const Json& root) {
    if (!root.is_object()) return Error{"expected an object"};
    auto feeds = root.find("feeds");
    auto parks = root.find("car_parks");
    if (feeds == root.end() || !feeds->is_array()) return Error{"feeds: expected a list"};
    if (parks == root.end() || !parks->is_array()) return Error{"car_parks: expected a list"};
    std::vector<CountyParking> counties;
    for (size_t i = 0; i < feeds->size(); ++i) {
        auto f = read_feed((*feeds)[i], "feeds[" + std::to_string(i) + "]");
        if (!f) return Error{f.error()};
        CountyParking c;
        c.status = std::move(*f);
        counties.push_back(std::move(c));
    }
    std::unordered_set<std::string> keys;
    for (size_t i = 0; i < parks->size(); ++i) {
        const std::string path = "car_parks[" + std::to_string(i) + "]";
        auto s = read_car_park((*parks)[i], path);
        if (!s) return Error{s.error()};
        if (!keys.insert(car_park_key(s->park)).second) return Error{path + ": " + car_park_key(s->park) + " is listed twice"};
        put(counties, std::move(*s), true);
    }
    return counties;
}

Status apply_changes_json(std::vector<CountyParking>& counties, const Json& event) {
    if (!event.is_object()) return Error{"expected an object"};
    // Feeds first: a county seen for the first time must exist before its car parks.
    if (auto feeds = event.find("feeds"); feeds != event.end() && feeds->is_array()) {
        for (size_t i = 0; i < feeds->size(); ++i) {
            auto f = read_feed((*feeds)[i], "feeds[" + std::to_string(i) + "]");
            if (!f) return Error{f.error()};
            bool found = false;
            for (auto& c : counties)
                if (c.status.county == f->county) c.status = *f, found = true;
            if (!found) {
                CountyParking c;
                c.status = std::move(*f);
                counties.push_back(std::move(c));
            }
        }
    }
    if (auto changed = event.find("changed"); changed != event.end() && changed->is_array()) {
        for (size_t i = 0; i < changed->size(); ++i) {
            auto s = read_car_park((*changed)[i], "changed[" + std::to_string(i) + "]");
            if (!s) return Error{s.error()};
            put(counties, std::move(*s));
        }
    }
    if (auto removed = event.find("removed"); removed != event.end() && removed->is_array()) {
        for (const auto& key : *removed) {
            if (!key.is_string()) return Error{"removed: expected keys"};
            const std::string k = key.get<std::string>();
            for (auto& c : counties) {
                auto& parks = c.car_parks.car_parks;
                for (size_t i = 0; i < parks.size(); ++i)
                    if (car_park_key(parks[i]) == k) {
                        if (c.availability) {
                            auto& items = c.availability->items;
                            for (size_t j = 0; j < items.size(); ++j)
                                if (items[j].car_park_id == parks[i].id) {
                                    items.erase(items.begin() + static_cast<long>(j));
                                    break;
                                }
                        }
                        parks.erase(parks.begin() + static_cast<long>(i));
                        break;
                    }
            }
        }
    }
    return ok_status();
}

}  // namespace beitai::parking
