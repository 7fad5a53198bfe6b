// Reading the TDX parking documents (JSON) into the model of model.h.
//
// What servers are known to send, and what is done with it:
// - wrapper objects: {"UpdateTime", "UpdateInterval", …, "CarParks": [...]} and
//   {"ParkingAvailabilities": [...]}; a bare array of items is taken too;
// - numbers as numbers or as digit strings; -1, null, "", "NULL" and "未提供" are unknown;
// - availability items carry no position (they join to car parks by CarParkID).
// An item with a bad field is rejected with the reason, named by its path
// ("ParkingAvailabilities[3].AvailableSpaces: expected a count, got \"many\""); the document
// fails as a whole when its shape is wrong or more than ReadLimits::max_rejected_share of its
// items are rejected — a bad fetch must never replace good data with garbage.
#pragma once

#include <string>
#include <string_view>

#include "text/json_reader.h"
#include "parking/model.h"
#include "text/result.h"

namespace beitai::parking {

// `county` is the TDX city id the document was fetched for; every car park gets it.
Result<CarParkList> read_car_parks_json(std::string_view text, const std::string& county, const ReadLimits& limits = {});
// Read as the parser streams it, without a tree (availability_stream.cpp: the poller reads it
// every few seconds per county); the same result as read_availability of the parsed text.
Result<AvailabilityList> read_availability_json(std::string_view text, const ReadLimits& limits = {});

// The same from a parsed tree: JSON's, or tdx_xml_to_json's, where members may be strings
// where JSON has numbers. read_car_parks_json and read_car_parks_xml go through it;
// read_availability is what the streaming availability readers are tested against.
Result<CarParkList> read_car_parks(const text::Json& root, const std::string& county, const ReadLimits& limits = {});
Result<AvailabilityList> read_availability(const text::Json& root, const ReadLimits& limits = {});

}  // namespace beitai::parking
