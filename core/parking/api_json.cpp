#include "parking/api_json.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "parking/api_fields.h"
#include "text/date.h"

namespace beitai::parking {

using text::Json;

namespace {

using api::fullness_id;
using api::or_null;
using api::service_id;

Result<CarParkState> read_car_park(const Json& node, const std::string& path, std::int64_t at) {
    api::Reader r{node, path, {}};
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
    // The level as the server decided it; a car park sent without one is one nobody judged.
    if (const std::string level = r.text("level"); !level.empty()) {
        if (auto l = parse_level(level)) s.level = *l;
        else r.fail(path + ".level", "expected plenty, few, full, closed or unknown, got \"" + level + "\"");
    }
    s.sent = r.freshness(at);
    if (!r.problem.empty()) return Error{r.problem};
    return s;
}

// The server's "now" of a body or an event: the moment its ages and staleness were true.
Result<std::int64_t> sent_at(const Json& root) {
    auto it = root.find("now");
    if (it == root.end() || !it->is_string()) return Error{"now: expected the time it was written"};
    auto at = text::parse_iso_datetime(it->get<std::string>());
    if (!at || *at < 0 || *at >= 7258118400LL) return Error{"now: not an ISO 8601 time from 1970 to 2199"};
    return *at;
}

// Where a new car park goes: after its county's last, else before the first car park of a
// county listed after it, so the order stays the server's (feeds' order, then the county's).
std::size_t place_for(const SentParking& p, const std::string& county) {
    std::unordered_map<std::string, std::size_t> rank;
    for (std::size_t i = 0; i < p.feeds.size(); ++i) rank.emplace(p.feeds[i].county, i);
    const std::size_t mine = rank.count(county) ? rank[county] : p.feeds.size();
    std::size_t at = p.car_parks.size();
    for (std::size_t i = p.car_parks.size(); i-- > 0;) {
        const auto& c = p.car_parks[i].park.county;
        if (c == county) return i + 1;
        auto r = rank.find(c);
        if (r != rank.end() && r->second > mine) at = i;
    }
    return at;
}

bool has_feed(const SentParking& p, const std::string& county) {
    for (const auto& f : p.feeds)
        if (f.county == county) return true;
    return false;
}

}  // namespace

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
    if (s.live) {
        out["available"] = or_null(s.live->available_spaces);
        out["total"] = or_null(s.live->total_spaces ? s.live->total_spaces : s.park.total_spaces);
        out["service"] = or_null(service_id(s.live->service));
        out["fullness"] = or_null(fullness_id(s.live->fullness));
        out["collected"] = s.live->collected.empty() ? Json(nullptr) : Json(s.live->collected);
    } else {
        out["available"] = nullptr;
        out["total"] = or_null(s.park.total_spaces);
    }
    return api::with_freshness(out, snapshot.freshness(s, now));
}

Json parking_json(const ParkingSnapshot& snapshot, const std::vector<std::size_t>& indices, std::int64_t now) {
    Json out = Json::object();
    out["sample"] = snapshot.sample();
    out["now"] = text::to_iso_datetime_taipei(now);
    out["count"] = indices.size();
    Json list = Json::array();
    for (size_t i : indices) list.push_back(car_park_json(snapshot, snapshot.car_parks()[i], now));
    out["car_parks"] = std::move(list);
    out["feeds"] = feed_list_json(snapshot.feeds(), now);
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

Json changes_json(const ParkingSnapshot& after, const ParkingChanges& changes, std::int64_t now) {
    Json out = Json::object();
    out["now"] = text::to_iso_datetime_taipei(now);
    Json changed = Json::array();
    for (size_t i : changes.changed) changed.push_back(car_park_json(after, after.car_parks()[i], now));
    out["changed"] = std::move(changed);
    out["removed"] = changes.removed;
    out["feeds"] = feed_list_json(after.feeds(), now);
    return out;
}

Result<SentParking> read_parking_json(const Json& root) {
    if (!root.is_object()) return Error{"expected an object"};
    auto feeds = root.find("feeds");
    auto parks = root.find("car_parks");
    if (feeds == root.end() || !feeds->is_array()) return Error{"feeds: expected a list"};
    if (parks == root.end() || !parks->is_array()) return Error{"car_parks: expected a list"};
    // Parts first, the time last: a body's own mistakes say more than a missing "now".
    auto at = sent_at(root);
    const std::int64_t now = at ? *at : 0;
    SentParking out;
    auto list = read_feed_list_json(*feeds, "feeds", now);
    if (!list) return Error{list.error()};
    out.feeds = std::move(*list);
    std::unordered_set<std::string> keys;
    for (size_t i = 0; i < parks->size(); ++i) {
        const std::string path = "car_parks[" + std::to_string(i) + "]";
        auto s = read_car_park((*parks)[i], path, now);
        if (!s) return Error{s.error()};
        if (!keys.insert(car_park_key(s->park)).second) return Error{path + ": " + car_park_key(s->park) + " is listed twice"};
        if (has_feed(out, s->park.county)) out.car_parks.push_back(std::move(*s));
    }
    if (!at) return Error{at.error()};
    out.now = now;
    return out;
}

Status apply_changes_json(SentParking& p, const Json& event) {
    if (!event.is_object()) return Error{"expected an object"};
    auto at = sent_at(event);
    if (!at) return Error{at.error()};
    p.now = std::max(p.now, *at);
    // Feeds first: a county seen for the first time must exist before its car parks.
    if (auto feeds = event.find("feeds"); feeds != event.end() && feeds->is_array()) {
        for (size_t i = 0; i < feeds->size(); ++i) {
            auto f = read_feed_json((*feeds)[i], "feeds[" + std::to_string(i) + "]", *at);
            if (!f) return Error{f.error()};
            bool found = false;
            for (auto& old : p.feeds)
                if (old.county == f->county) old = *f, found = true;
            if (!found) p.feeds.push_back(std::move(*f));
        }
    }
    if (auto changed = event.find("changed"); changed != event.end() && changed->is_array()) {
        for (size_t i = 0; i < changed->size(); ++i) {
            auto s = read_car_park((*changed)[i], "changed[" + std::to_string(i) + "]", *at);
            if (!s) return Error{s.error()};
            if (!has_feed(p, s->park.county)) continue;
            const std::string key = car_park_key(s->park);
            bool replaced = false;
            for (auto& old : p.car_parks)
                if (car_park_key(old.park) == key) {
                    old = *s;
                    replaced = true;
                    break;
                }
            if (!replaced) p.car_parks.insert(p.car_parks.begin() + static_cast<long>(place_for(p, s->park.county)), std::move(*s));
        }
    }
    if (auto removed = event.find("removed"); removed != event.end() && removed->is_array()) {
        for (const auto& key : *removed) {
            if (!key.is_string()) return Error{"removed: expected keys"};
            const std::string k = key.get<std::string>();
            for (size_t i = 0; i < p.car_parks.size(); ++i)
                if (car_park_key(p.car_parks[i].park) == k) {
                    p.car_parks.erase(p.car_parks.begin() + static_cast<long>(i));
                    break;
                }
        }
    }
    return ok_status();
}

}  // namespace beitai::parking
