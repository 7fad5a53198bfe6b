// Reading Taipei City's own parking open data (臺北市停車管理工程處, "TCMSV"), where TDX lacks
// live data for the city: two JSON documents, read into the model of model.h.
//
//   TCMSV_alldesc       {"data": {"UPDATETIME": "Sun Jul 27 16:12:00 CST 2025", "park": [
//                          {"id": "001", "area": "…", "name": "…", "type": "1", "summary": "…",
//                           "address": "…", "tel": "…", "payex": "…", "serviceTime": "…",
//                           "tw97x": "304533.5659", "tw97y": "2767436.0048", "totalcar": 120,
//                           "totalmotor": 40, "FareInfo": {…},
//                           "EntranceCoord": {"EntrancecoordInfo": [{"Xcod": "25.04", "Ycod": "121.51",
//                                                                    "Address": "…"}]}}, …]}}
//   TCMSV_allavailable  {"data": {"UPDATETIME": "…", "park": [
//                          {"id": "001", "availablecar": 12, "availablemotor": -9, "ChargeStation": {…}}, …]}}
//
// What is taken, and how:
// - the wrapper {"data": {…}}, or its inside alone; "park": null is an empty list;
// - id, name (required), address, payex (the fare, as text) and totalcar; numbers may come as
//   digit strings; -9 (Taipei's "no data") and -1 are unknown, never zero;
// - the position from tw97x/tw97y, TWD97 TM2 metres (geo/twd97.h), as numbers or strings; when
//   they are missing, not numbers, or land outside Taiwan, from the first
//   EntranceCoord.EntrancecoordInfo entry — where Xcod is the LATITUDE and Ycod the longitude
//   (the names suggest the opposite); with neither the car park is rejected, naming tw97x;
// - availability: availablecar is the car park's free spaces (SpaceType 1, car) and
//   availablemotor, when given, the scooters' (SpaceType 2); the document's UPDATETIME (Java's
//   Date.toString, CST = UTC+8; other forms of text/taiwan_time.h too) is every item's data
//   time; service and fullness are not published (unknown);
// - left alone: area, type, summary, tel, serviceTime, totalmotor, FareInfo, ChargeStation
//   and the other available… counts (bus, disabled, …), whatever their shape.
// Every car park is marked as having live data (the city publishes its availability in the
// second document). A bad item is rejected with its path ("park[12].tw97x: …"), the rest are
// taken; the document fails as a whole on a wrong shape or too many rejected items, exactly
// as the TDX readers do (tdx_json.h).
#pragma once

#include <string>
#include <string_view>

#include "parking/model.h"
#include "text/json_reader.h"
#include "text/result.h"

namespace beitai::parking {

// `county` is the TDX city id the car parks are filed under ("Taipei").
Result<CarParkList> read_taipei_car_parks_json(std::string_view text, const std::string& county, const ReadLimits& limits = {});
Result<AvailabilityList> read_taipei_availability_json(std::string_view text, const ReadLimits& limits = {});

Result<CarParkList> read_taipei_car_parks(const text::Json& root, const std::string& county, const ReadLimits& limits = {});
Result<AvailabilityList> read_taipei_availability(const text::Json& root, const ReadLimits& limits = {});

}  // namespace beitai::parking
