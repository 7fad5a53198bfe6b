// Writing the model of model.h out in the counties' own formats, the way their servers lay
// them out (taipei_json.h, yilan_json.h say what each member means). The feed simulator
// serves what these write; the tests and fuzz targets read it back.
//
// Taipei (TCMSV): the position as tw97x/tw97y strings in TWD97 TM2 metres to 0.1 mm
// (geo/twd97.h), and as the first EntranceCoord (Xcod latitude, Ycod longitude); UPDATETIME as
// Java's Date.toString in CST (UTC+8); an unknown count is -9. So a car park comes back within
// a few 1e-9 degrees of where it was, not to the bit; everything else comes back equal.
// Availability gives availablecar from AvailableSpaces and availablemotor from the scooter
// spaces (SpaceType 2), when there are any; other spaces by type are not written.
//
// Yilan: one item per car park, with its availability joined by id (a car park without one
// gets AvailableCar -1 and Updatetime null); TotalCar is the availability's total, else the
// car park's, else -1; Updatetime in Taiwan time without an offset ("2025/07/27 16:12:00").
// What the reader took comes back equal.
//
// Names, addresses and fares are written as they are; telephone numbers and the other members
// the readers leave alone are not written at all.
#pragma once

#include <string>

#include "parking/model.h"

namespace beitai::parking {

// TCMSV_alldesc: {"data": {"UPDATETIME": …, "park": [...]}}
std::string to_taipei_json(const CarParkList& list);
// TCMSV_allavailable: {"data": {"UPDATETIME": …, "park": [...]}}
std::string to_taipei_json(const AvailabilityList& list);

// [{"ID", "CName", "CAddress", "TotalCar", "AvailableCar", "X", "Y", "Updatetime"}, …]
std::string to_yilan_json(const CarParkList& car_parks, const AvailabilityList& availability);

}  // namespace beitai::parking
