// Made-up counties for the parking API's tests (api_json_test, feeds_json_test): three car
// parks each, two with live data (the first with `first_free` spaces, the second with only a
// FullStatus), the third without.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "parking/snapshot.h"

namespace beitai::parking::sample {

inline constexpr std::int64_t kNow = 1714538400;  // 2024-05-01T12:40:00+08:00

inline CountyParking county(const std::string& id, int first_free) {
    CountyParking c;
    c.status.county = id;
    c.status.sample = true;
    c.status.stale_after_s = 300;
    c.status.last_success_at = kNow - 20;
    c.status.data_updated_at = kNow - 25;
    c.availability = AvailabilityList{};
    for (int i = 0; i < 3; ++i) {
        CarPark p;
        p.county = id;
        p.id = id.substr(0, 3) + "-" + std::to_string(i);
        p.name_zh = "示範停車場 " + std::to_string(i);
        p.name_en = i == 0 ? "Sample car park" : "";
        p.position = {25.0 + i * 0.01, 121.5 + i * 0.01};
        p.address = "示範地址 \"1\" <號>";
        p.live_data = i < 2;
        p.total_spaces = 100;
        c.car_parks.car_parks.push_back(p);
        if (i == 2) continue;  // no live data for the third
        Availability a;
        a.car_park_id = p.id;
        a.total_spaces = 100;
        a.available_spaces = i == 0 ? std::optional<int>(first_free) : std::nullopt;
        a.service = Service::open;
        a.fullness = i == 1 ? Fullness::nearly_full : Fullness::unknown;
        a.collected = i == 0 ? "2024-05-01T12:39:00+08:00" : "2024-05-01T12:30:00+08:00";
        a.collected_at = i == 0 ? kNow - 60 : kNow - 600;
        c.availability->items.push_back(a);
    }
    return c;
}

}  // namespace beitai::parking::sample
