// Car parks as curated content: content/parking/car_parks.json. The seeds name the parking
// programme (跨縣市合作推動整合停車賸餘車位即時資料) but list no car parks, so the file is
// sample data and says so ("sample": true); the counties' real car parks arrive through
// their TDX feeds (core/parking/). The feed simulator serves this file as those feeds.
//
//   {"sample": true, "note": "…", "car_parks": [{"id": "TPE-S001", "county": "Taipei",
//     "name_zh": "示範停車場 …", "name_en": "…", "lat": 25.03, "lon": 121.56,
//     "address": "…（示範地址）", "fare": "…", "type": 3, "live_data": true,
//     "wheelchair": true, "ev_charging": false, "total_spaces": 250 (or null), "sample": true}]}
#pragma once

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "geo/latlon.h"
#include "text/json_reader.h"

namespace beitai::content {

// One car park as the Ministry of Transportation's parking data standard describes it (TDX
// OffStreet CarPark), whatever the county or format it came from.
struct CarPark {
    std::string id;       // CarParkID, unique within its county
    std::string county;   // TDX city id ("Taipei", "NewTaipei", …)
    std::string name_zh;  // CarParkName.Zh_tw
    std::string name_en;  // CarParkName.En (may be empty)
    geo::LatLon position;
    std::string address;
    std::string fare;           // FareDescription
    int type = 255;             // CarParkType: 1 平面 … 254 其他, 255 未知
    bool live_data = false;     // LiveOccuppancyAvailable (spelled so in the standard)
    bool wheelchair = false;    // WheelchairAccessible
    bool ev_charging = false;   // EVRechargingAvailable
    std::optional<int> total_spaces;  // from the static record, when given

    auto tie() const {
        return std::tie(id, county, name_zh, name_en, position.lat, position.lon, address, fare, type, live_data, wheelchair,
                        ev_charging, total_spaces);
    }
    friend bool operator==(const CarPark& a, const CarPark& b) { return a.tie() == b.tie(); }
};

struct CarParkSet {
    bool sample = false;
    std::string note;
    std::vector<CarPark> car_parks;  // every record carries its county
};

// Ids must be unique within a county; `type` is a TDX CarParkType (1–6, 254, 255).
CarParkSet read_car_park_set(const text::Json& root, text::Diagnostics& diagnostics);
text::Json to_json(const CarPark& car_park, bool sample);

}  // namespace beitai::content
