// Reading Yilan County's traffic-information parking API, where TDX lacks live data for the
// county: one JSON document holding both the car parks and their free spaces.
//
//   [{"ID": "P001", "CName": "…停車場", "CAddress": "…", "TotalCar": 120, "AvailableCar": 35,
//     "X": 121.7530, "Y": 24.7570, "Updatetime": "2025-07-27T16:12:00"}, …]
//
// What is taken, and how:
// - a bare array; null is an empty document;
// - ID and CName (required), CAddress; TotalCar and AvailableCar as numbers or digit strings,
//   -1 (and "", null) unknown — never zero;
// - X is the LONGITUDE and Y the latitude, WGS84 degrees, as numbers or their text, and must
//   be in Taiwan;
// - Updatetime may be null or absent (no data time); otherwise any form text/taiwan_time.h
//   reads (no offset: Taiwan time), or the item is rejected, as TDX's DataCollectTime is.
// Each item gives a car park (marked as having live data) and its availability: the car park's
// total and free spaces (SpaceType 1, car); service and fullness are not published (unknown).
// The document's time is its newest Updatetime. A bad item is rejected with its path
// ("[3].X: …") and left out of both lists; the document fails as a whole on a wrong shape or
// too many rejected items, exactly as the TDX readers do (tdx_json.h).
#pragma once

#include <string>
#include <string_view>

#include "parking/model.h"
#include "text/json_reader.h"
#include "text/result.h"

namespace beitai::parking {

// `county` is the TDX city id the car parks are filed under ("YilanCounty").
Result<CarParksWithAvailability> read_yilan_json(std::string_view text, const std::string& county, const ReadLimits& limits = {});
Result<CarParksWithAvailability> read_yilan(const text::Json& root, const std::string& county, const ReadLimits& limits = {});

}  // namespace beitai::parking
