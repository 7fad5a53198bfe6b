// Reading TDX parking JSON: the fields as servers send them, unknown kept apart from zero,
// bad items rejected by path, and garbage refused as a whole.
#include <doctest/doctest.h>

#include "parking/tdx_json.h"

using namespace beitai;
using namespace beitai::parking;

namespace {

const char* kAvailability = R"({
  "UpdateTime": "2024-05-01T12:35:00+08:00", "UpdateInterval": 60, "SrcUpdateInterval": 60,
  "ParkingAvailabilities": [
    {"CarParkID": "TPE-001", "CarParkName": {"Zh_tw": "示範停車場一", "En": "Sample 1"},
     "TotalSpaces": 120, "AvailableSpaces": 35,
     "Availabilities": [{"SpaceType": 1, "NumberOfSpaces": 100, "AvailableSpaces": 30},
                        {"SpaceType": 9, "NumberOfSpaces": 20, "AvailableSpaces": 5}],
     "ServiceStatus": 1, "FullStatus": 0, "ChargeStatus": 1, "DataCollectTime": "2024-05-01T12:34:56+08:00"},
    {"CarParkID": "TPE-002", "TotalSpaces": "80", "AvailableSpaces": -1, "ServiceStatus": 1, "FullStatus": 2,
     "DataCollectTime": "2024-05-01T12:30:00+08:00"},
    {"CarParkID": 3, "TotalSpaces": 50, "AvailableSpaces": "未提供", "ServiceStatus": 2}
  ]})";

}  // namespace

TEST_CASE("availability JSON reads into the model; unknown is not zero") {
    auto list = read_availability_json(kAvailability);
    REQUIRE_MESSAGE(list, list.error());
    CHECK(list->update_time == "2024-05-01T12:35:00+08:00");
    CHECK(list->updated_at == 1714538100LL);
    CHECK(list->update_interval_s == 60);
    REQUIRE(list->items.size() == 3);
    CHECK(list->rejected.empty());

    const auto& a = list->items[0];
    CHECK(a.car_park_id == "TPE-001");
    CHECK(a.total_spaces == 120);
    CHECK(a.available_spaces == 35);
    REQUIRE(a.by_type.size() == 2);
    CHECK(a.by_type[1].space_type == 9);
    CHECK(a.by_type[1].total == 20);
    CHECK(a.by_type[1].available == 5);
    CHECK(a.service == Service::open);
    CHECK(a.fullness == Fullness::space);
    CHECK(a.charge_status == 1);
    CHECK(a.collected_at == 1714538096LL);

    const auto& b = list->items[1];
    CHECK(b.total_spaces == 80);  // digits in a string
    CHECK_FALSE(b.available_spaces.has_value());  // -1 is unknown, never zero
    CHECK(b.fullness == Fullness::full);

    const auto& c = list->items[2];
    CHECK(c.car_park_id == "3");
    CHECK_FALSE(c.available_spaces.has_value());  // 未提供
    CHECK(c.service == Service::suspended);
    CHECK(c.fullness == Fullness::unknown);
    CHECK_FALSE(c.collected_at.has_value());
}

TEST_CASE("a bad item is rejected with its path; too many bad items reject the document") {
    std::string items;
    for (int i = 0; i < 20; ++i)
        items += std::string(i ? "," : "") + R"({"CarParkID": "P)" + std::to_string(i) + R"(", "AvailableSpaces": )" +
                 (i == 3 ? "\"many\"" : "5") + "}";
    auto one_bad = read_availability_json(R"({"ParkingAvailabilities": [)" + items + "]}");
    REQUIRE_MESSAGE(one_bad, one_bad.error());
    CHECK(one_bad->items.size() == 19);
    REQUIRE(one_bad->rejected.size() == 1);
    CHECK(one_bad->rejected[0] == "ParkingAvailabilities[3].AvailableSpaces: expected a count, got \"many\"");

    // Wrong types everywhere: garbage, refused whole, naming the first problem.
    auto garbage = read_availability_json(
        R"({"ParkingAvailabilities": [{"CarParkID": "A", "AvailableSpaces": {"x": 1}}, {"CarParkID": "B", "AvailableSpaces": true}]})");
    REQUIRE_FALSE(garbage);
    CHECK(garbage.error().find("2 of 2 items rejected") == 0);
    CHECK(garbage.error().find("ParkingAvailabilities[0].AvailableSpaces: expected a count, got {\"x\":1}") != std::string::npos);

    CHECK(read_availability_json(R"({"ParkingAvailabilities": [{"AvailableSpaces": 3}]})").error().find(
              "ParkingAvailabilities[0].CarParkID: missing") != std::string::npos);
    CHECK(read_availability_json(R"({"ParkingAvailabilities": [{"CarParkID": "A", "DataCollectTime": "yesterday"}]})")
              .error()
              .find("DataCollectTime: not an ISO 8601 time") != std::string::npos);
    CHECK(read_availability_json(R"({"ParkingAvailabilities": [{"CarParkID": "A", "Availabilities": [{"SpaceType": 1, "AvailableSpaces": -7}]}]})")
              .error()
              .find("ParkingAvailabilities[0].Availabilities[0].AvailableSpaces: expected a count, got -7") != std::string::npos);
}

TEST_CASE("the shape of an availability document is checked before its items") {
    CHECK(read_availability_json("{\"ParkingAvailabilities\": [1, 2").error().find("availability: line 1") == 0);
    CHECK(read_availability_json(R"({"CarParks": []})").error() == "no \"ParkingAvailabilities\" in the document");
    CHECK(read_availability_json(R"({"ParkingAvailabilities": "none"})").error() ==
          "ParkingAvailabilities: expected a list, got \"none\"");
    CHECK(read_availability_json("42").error().find("expected an object") == 0);
    std::string deep(100, '[');
    CHECK(read_availability_json(deep + std::string(100, ']')).error().find("nested deeper") != std::string::npos);
    // An empty list is a valid document that says "no car parks report now".
    auto empty = read_availability_json(R"({"UpdateTime": "2024-05-01T12:35:00+08:00", "ParkingAvailabilities": []})");
    REQUIRE(empty);
    CHECK(empty->items.empty());
    // A bare array of items is taken too.
    auto bare = read_availability_json(R"([{"CarParkID": "A", "AvailableSpaces": 0}])");
    REQUIRE(bare);
    CHECK(bare->items[0].available_spaces == 0);  // zero is zero
    ReadLimits small;
    small.max_items = 2;
    CHECK(read_availability_json(R"([{"CarParkID": "A"}, {"CarParkID": "B"}, {"CarParkID": "C"}])", small)
              .error() == "ParkingAvailabilities: 3 items, more than the limit of 2");
}

TEST_CASE("car park JSON reads names, position, flags; positions outside Taiwan are rejected") {
    auto list = read_car_parks_json(R"({"UpdateTime": "2024-05-01T00:00:00+08:00", "CarParks": [
      {"CarParkID": "TPE-001", "CarParkName": {"Zh_tw": "示範停車場一", "En": "Sample 1"},
       "CarParkPosition": {"PositionLat": 25.0478, "PositionLon": 121.517}, "Address": "臺北市中正區（示範地址）",
       "FareDescription": "每小時30元", "CarParkType": 3, "LiveOccuppancyAvailable": 1, "WheelchairAccessible": 1,
       "EVRechargingAvailable": 0, "TotalSpaces": 120},
      {"CarParkID": "TPE-002", "CarParkName": {"Zh_tw": "示範停車場二"},
       "CarParkPosition": {"PositionLat": "25.05", "PositionLon": "121.52"}, "LiveOccuppancyAvailable": 0,
       "WheelchairAccessible": "true", "EVRechargingAvailable": "False"}
    ]})",
                                    "Taipei");
    REQUIRE_MESSAGE(list, list.error());
    REQUIRE(list->car_parks.size() == 2);
    const auto& a = list->car_parks[0];
    CHECK(a.county == "Taipei");
    CHECK(a.name_zh == "示範停車場一");
    CHECK(a.name_en == "Sample 1");
    CHECK(a.position.lat == 25.0478);
    CHECK(a.type == 3);
    CHECK(a.live_data);
    CHECK(a.wheelchair);
    CHECK_FALSE(a.ev_charging);
    CHECK(a.total_spaces == 120);
    CHECK(list->car_parks[1].position.lon == 121.52);
    CHECK_FALSE(list->car_parks[1].live_data);
    CHECK(list->car_parks[1].wheelchair);  // "true", as .NET servers write it in XML
    CHECK_FALSE(list->car_parks[1].ev_charging);
    CHECK(list->car_parks[1].type == 255);

    std::string many = R"({"CarParks": [)";
    for (int i = 0; i < 12; ++i)
        many += std::string(i ? "," : "") + R"({"CarParkID": "K)" + std::to_string(i) +
                R"(", "CarParkName": {"Zh_tw": "示範"}, "CarParkPosition": {"PositionLat": )" + (i == 5 ? "0" : "25.1") +
                R"(, "PositionLon": 121.7}})";
    auto one_outside = read_car_parks_json(many + "]}", "Keelung");
    REQUIRE_MESSAGE(one_outside, one_outside.error());
    CHECK(one_outside->car_parks.size() == 11);
    REQUIRE(one_outside->rejected.size() == 1);
    CHECK(one_outside->rejected[0].find("CarParks[5].CarParkPosition: outside Taiwan") == 0);
    CHECK(read_car_parks_json(R"({"CarParks": [{"CarParkID": "X", "CarParkName": {"Zh_tw": "示範"}}]})", "Keelung")
              .error()
              .find("CarParks[0].CarParkPosition: missing") != std::string::npos);
}
