// Writing the model of model.h back out as TDX parking documents, JSON and XML, the way the
// Ministry of Transportation's standard lays them out. The feed simulator (site/feeds/)
// serves what these write, and the round-trip tests read it back with tdx_json.h / tdx_xml.h:
// read(write(x)) == x for any list a reader could have produced (except, in XML, text with
// leading or trailing white space, which the XML reader trims, and control characters, which
// escape_xml replaces with U+FFFD so the document stays well-formed).
//
// Field names are TDX's, spelling included (LiveOccuppancyAvailable). What is unknown:
// - AvailableSpaces (of an item and of an Availabilities entry): JSON writes -1, as the
//   standard does; XML omits the element.
// - any other unknown number (TotalSpaces, NumberOfSpaces, ChargeStatus, UpdateInterval,
//   SrcUpdateInterval): omitted in both formats.
// - Service::unknown / Fullness::unknown: ServiceStatus / FullStatus omitted.
// - empty text (CarParkName.En, Address, FareDescription, DataCollectTime, UpdateTime):
//   omitted. A time given only as Unix seconds is written in +08:00 form.
// Booleans are 0/1 in both formats. `rejected` is the reader's report, never written.
// The car park's county is not written: the document is fetched per county (…/City/{City}).
#pragma once

#include <string>

#include "parking/model.h"

namespace beitai::parking {

// {"UpdateTime": …, "CarParks": [...]}
std::string to_tdx_json(const CarParkList& list);
// {"UpdateTime": …, "UpdateInterval": …, "SrcUpdateInterval": …, "ParkingAvailabilities": [...]}
std::string to_tdx_json(const AvailabilityList& list);

// <CarParkList xmlns="https://traffic.transportdata.tw/standard/parking/schema/">
//   <UpdateTime>…</UpdateTime><CarParks><CarPark>…</CarPark>…</CarParks></CarParkList>
std::string to_tdx_xml(const CarParkList& list);
// <ParkingAvailabilityList xmlns="…"> <UpdateTime/> <UpdateInterval/> <SrcUpdateInterval/>
//   <ParkingAvailabilities><ParkingAvailability>…<Availabilities><Availability>…
std::string to_tdx_xml(const AvailabilityList& list);

// The namespace of the XML documents.
inline constexpr char kTdxParkingNamespace[] = "https://traffic.transportdata.tw/standard/parking/schema/";

}  // namespace beitai::parking
