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

#include <string>
#include <vector>

#include "content/json_reader.h"
#include "parking/model.h"

namespace beitai::content {

struct CarParkSet {
    bool sample = false;
    std::string note;
    std::vector<parking::CarPark> car_parks;  // every record carries its county
};

// Ids must be unique within a county; `type` is a TDX CarParkType (1–6, 254, 255).
CarParkSet read_car_park_set(const Json& root, Diagnostics& diagnostics);
Json to_json(const parking::CarPark& car_park, bool sample);

}  // namespace beitai::content
