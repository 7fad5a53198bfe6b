#include "parking/county_write.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <unordered_map>
#include <vector>

#include "geo/twd97.h"
#include "text/date.h"
#include "text/taiwan_time.h"

namespace beitai::parking {

namespace {

using OJson = nlohmann::ordered_json;

std::string dump(const OJson& j) { return j.dump(-1, ' ', false, OJson::error_handler_t::replace); }

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// Taipei's envelope: the time as its servers write it (Java's form), or as sent when only
// the text is known.
std::string taipei_document(const std::string& update_time, const std::optional<std::int64_t>& at, OJson parks) {
    OJson data;
    data["UPDATETIME"] = at ? text::to_java_date_taipei(*at) : update_time;
    data["park"] = std::move(parks);
    return dump(OJson{{"data", std::move(data)}});
}

int or_minus(const std::optional<int>& n, int unknown) { return n ? *n : unknown; }

}  // namespace

std::string to_taipei_json(const CarParkList& list) {
    OJson parks = OJson::array();
    for (const auto& c : list.car_parks) {
        const geo::Projected grid = geo::to_twd97(c.position);
        OJson j;
        j["id"] = c.id;
        j["name"] = c.name_zh;
        j["address"] = c.address;
        j["payex"] = c.fare;
        j["tw97x"] = fixed(grid.x, 4);
        j["tw97y"] = fixed(grid.y, 4);
        j["totalcar"] = or_minus(c.total_spaces, -9);
        j["EntranceCoord"] = OJson{{"EntrancecoordInfo", OJson::array({OJson{{"Xcod", fixed(c.position.lat, 6)},
                                                                              {"Ycod", fixed(c.position.lon, 6)}}})}};
        parks.push_back(std::move(j));
    }
    return taipei_document(list.update_time, list.updated_at, std::move(parks));
}

std::string to_taipei_json(const AvailabilityList& list) {
    OJson parks = OJson::array();
    for (const auto& a : list.items) {
        OJson j;
        j["id"] = a.car_park_id;
        j["availablecar"] = or_minus(a.available_spaces, -9);
        for (const auto& s : a.by_type)
            if (s.space_type == 2) j["availablemotor"] = or_minus(s.available, -9);
        parks.push_back(std::move(j));
    }
    return taipei_document(list.update_time, list.updated_at, std::move(parks));
}

std::string to_yilan_json(const CarParkList& car_parks, const AvailabilityList& availability) {
    // By id; an id given twice pairs in order (a document read from a server may repeat one).
    std::unordered_map<std::string, std::vector<const Availability*>> live;
    for (auto it = availability.items.rbegin(); it != availability.items.rend(); ++it) live[it->car_park_id].push_back(&*it);
    OJson items = OJson::array();
    for (const auto& c : car_parks.car_parks) {
        const Availability* a = nullptr;
        if (auto it = live.find(c.id); it != live.end() && !it->second.empty()) {
            a = it->second.back();
            it->second.pop_back();
        }
        OJson j;
        j["ID"] = c.id;
        j["CName"] = c.name_zh;
        j["CAddress"] = c.address;
        j["TotalCar"] = or_minus(a && a->total_spaces ? a->total_spaces : c.total_spaces, -1);
        j["AvailableCar"] = or_minus(a ? a->available_spaces : std::nullopt, -1);
        j["X"] = c.position.lon;
        j["Y"] = c.position.lat;
        if (a && a->collected_at) {
            std::string t = text::to_iso_datetime_taipei(*a->collected_at).substr(0, 19);  // "2025-07-27T16:12:00"
            t[4] = t[7] = '/';
            t[10] = ' ';
            j["Updatetime"] = t;
        } else {
            j["Updatetime"] = nullptr;
        }
        items.push_back(std::move(j));
    }
    return dump(items);
}

}  // namespace beitai::parking
