#include "parking/yilan_json.h"

#include <algorithm>

#include "parking/tdx_fields.h"
#include "text/date.h"

namespace beitai::parking {

using text::Json;
using namespace tdx;

Result<CarParksWithAvailability> read_yilan(const Json& root, const std::string& county, const ReadLimits& limits) {
    CarParksWithAvailability out;
    if (root.is_null()) return out;
    if (!root.is_array()) return Error{"expected a list of car parks, got " + shown(root)};
    auto read = [&county](const Json& item, FieldReader& r) {
        auto member = [&](const char* key) { return member_of(item, key); };
        CarPark c;
        c.county = county;
        c.id = r.text(member("ID"), "ID", true);
        c.name_zh = r.text(member("CName"), "CName", true);
        c.address = r.text(member("CAddress"), "CAddress", false);
        c.total_spaces = r.count(member("TotalCar"), "TotalCar");
        c.live_data = true;
        c.position.lon = r.coordinate(member("X"), r.path_of("X"));
        c.position.lat = r.coordinate(member("Y"), r.path_of("Y"));
        if (r.ok() && !in_taiwan(c.position))
            r.fail(r.path_of("X"), "X (longitude) " + shown(*member("X")) + ", Y (latitude) " + shown(*member("Y")) +
                                       " is outside Taiwan");
        Availability a;
        a.car_park_id = c.id;
        a.total_spaces = c.total_spaces;
        a.available_spaces = r.count(member("AvailableCar"), "AvailableCar");
        a.by_type.push_back({1, a.total_spaces, a.available_spaces});
        const std::string time = r.text(member("Updatetime"), "Updatetime", false);
        if (!time.empty()) {
            a.collected_at = plausible_taiwan_time(time);
            if (a.collected_at) a.collected = text::to_iso_datetime_taipei(*a.collected_at);
            else r.fail(r.path_of("Updatetime"), "not a time from 1970 to 2199: \"" + time + "\"");
        }
        return std::pair{std::move(c), std::move(a)};
    };
    std::vector<std::pair<CarPark, Availability>> pairs;
    auto& rejected = out.car_parks.rejected;
    if (auto taken = read_items(root, "the list", "", limits, pairs, rejected, read); !taken) return Error{taken.error()};
    std::optional<std::int64_t> newest;  // the document's time: its newest item's
    for (auto& [c, a] : pairs) {
        if (a.collected_at) newest = std::max(newest.value_or(*a.collected_at), *a.collected_at);
        out.car_parks.car_parks.push_back(std::move(c));
        out.availability.items.push_back(std::move(a));
    }
    for (auto* list_time : {&out.car_parks.updated_at, &out.availability.updated_at}) *list_time = newest;
    if (newest) out.car_parks.update_time = out.availability.update_time = text::to_iso_datetime_taipei(*newest);
    out.availability.rejected = rejected;
    return out;
}

Result<CarParksWithAvailability> read_yilan_json(std::string_view text, const std::string& county, const ReadLimits& limits) {
    auto json = text::parse_json_text(text, "Yilan car parks");
    if (!json) return Error{json.error()};
    return read_yilan(*json, county, limits);
}

}  // namespace beitai::parking
