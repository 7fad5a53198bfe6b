// Reading the TDX parking documents (XML) into the model of model.h.
//
// Some county servers answer in XML only. The XML is read as the tree below, the same shape
// as the JSON, with the same field rules (tdx_fields.h), so both formats give equal results
// for equal data: car parks through the tree (tdx_xml_to_json, then read_car_parks), and
// availability, which the poller reads every few seconds, streamed from the walk of the
// parsed XML to the reader JSON uses too (availability_stream.h), with no tree between.
//
// The tree, from the shape of the standard's XML:
// - the root element (CarParkList, ParkingAvailabilityList, …) becomes the top object; its
//   name is dropped, as the JSON has none (a root that is itself a list element, a bare
//   <CarParks>, becomes an array, as a bare JSON array of items);
// - the list elements CarParks, ParkingAvailabilities, Availabilities, ParkingSpaces and
//   Spaces become arrays of their children, whatever their count (0 and 1 included);
// - any other element with child elements becomes an object keyed by the children's names
//   (a name repeated there keeps its first element);
// - a leaf element becomes a string: its text, trimmed (numbers stay digit strings, which the
//   readers take; an empty or xsi:nil element is "", which they read as unknown);
// - attributes are ignored; elements must be in the standard's namespace
//   (https://traffic.transportdata.tw/standard/parking/schema/, as the default namespace or
//   under any prefix) or in none; prefixes are stripped.
// Errors name where: "line 3, column 9: Start-end tags mismatch" for malformed XML, the
// element path ("CarParkList/CarParks/CarPark[2]/…") for structure.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "text/json_reader.h"
#include "parking/model.h"
#include "text/result.h"

namespace beitai::parking {

// XML text (UTF-8) → the tree the readers of tdx_json.h take. Elements nested deeper than
// `max_depth` (the root element is level 1) make it fail: no legitimate document comes near.
Result<text::Json> tdx_xml_to_json(std::string_view xml, size_t max_depth = 32);

// As read_car_parks / read_availability of tdx_json.h would read tdx_xml_to_json's tree.
Result<CarParkList> read_car_parks_xml(std::string_view xml, const std::string& county, const ReadLimits& limits = {});
Result<AvailabilityList> read_availability_xml(std::string_view xml, const ReadLimits& limits = {});

}  // namespace beitai::parking
