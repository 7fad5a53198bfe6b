// The TDX readers' field rules (tdx_fields.cpp): "NULL" and empty text are missing, text is
// cleaned (CR a line break, other controls spaces, ends trimmed), counts and times are checked
// and the first problem is kept with its path; directly and as the readers apply them.
#include <doctest/doctest.h>

#include "parking/tdx_fields.h"
#include "parking/tdx_json.h"

using namespace beitai;
using namespace beitai::parking;

TEST_CASE("what the fuzzer found: \"NULL\" and empty names are missing; CR is a line break, other controls spaces") {
    // tests/fuzz/regressions/fuzz_tdx_json and fuzz_tdx_xml hold the inputs themselves.
    const std::string position = R"("CarParkPosition": {"PositionLat": 25, "PositionLon": 121.5})";
    CHECK(read_car_parks_json(R"({"CarParks": [{"CarParkID": "NULL", "CarParkName": {"Zh_tw": "A"}, )" + position + "}]}", "Taipei")
              .error()
              .find("CarParks[0].CarParkID: empty") != std::string::npos);
    CHECK(read_car_parks_json(R"({"CarParks": [{"CarParkID": "A", "CarParkName": "", )" + position + "}]}", "Taipei")
              .error()
              .find("CarParks[0].CarParkName: empty") != std::string::npos);
    auto cleaned = read_car_parks_json(R"({"CarParks": [{"CarParkID": " A ", "CarParkName": {"Zh_tw": "B\rC\u001e"}, )" + position + "}]}", "Taipei");
    REQUIRE_MESSAGE(cleaned, cleaned.error());
    CHECK(cleaned->car_parks[0].id == "A");
    CHECK(cleaned->car_parks[0].name_zh == "B\nC");  // CR as a line break, U+001E dropped at the end
    CHECK(read_availability_json(R"({"ParkingAvailabilities": [{"CarParkID": "A", "DataCollectTime": "9999-12-31T23:59:59-14:00"}]})")
              .error()
              .find("from 1970 to 2199") != std::string::npos);
}

TEST_CASE("a count: digits or a number; -1, \"\", \"NULL\" and 未提供 are unknown; anything else fails with its path") {
    using text::Json;
    tdx::FieldReader r("ParkingAvailabilities[3]");
    const Json twelve = 12, twelve_text = "12", minus_one = -1, unknown_zh = "未提供", empty = "";
    CHECK(r.count(&twelve, "AvailableSpaces") == 12);
    CHECK(r.count(&twelve_text, "AvailableSpaces") == 12);
    CHECK_FALSE(r.count(&minus_one, "AvailableSpaces").has_value());
    CHECK_FALSE(r.count(&unknown_zh, "AvailableSpaces").has_value());
    CHECK_FALSE(r.count(&empty, "AvailableSpaces").has_value());
    CHECK_FALSE(r.count(nullptr, "AvailableSpaces").has_value());
    CHECK(r.ok());
    const Json many = "many", minus_two = -2;
    CHECK_FALSE(r.count(&many, "AvailableSpaces").has_value());
    CHECK_FALSE(r.count(&minus_two, "TotalSpaces").has_value());
    CHECK(r.problem() == "ParkingAvailabilities[3].AvailableSpaces: expected a count, got \"many\"");  // the first kept
}

TEST_CASE("a time needs an offset and falls between 1970 and 2199; text is trimmed, CR a line break") {
    CHECK(tdx::plausible_time("2024-05-01T12:40:00+08:00") == 1714538400);
    CHECK_FALSE(tdx::plausible_time("2024-05-01T12:40:00").has_value());
    CHECK_FALSE(tdx::plausible_time("1969-12-31T23:59:59Z").has_value());
    CHECK_FALSE(tdx::plausible_time("2200-01-01T00:00:00Z").has_value());
    CHECK(tdx::clean_text("示範") == "示範");
    CHECK(tdx::clean_text("  A\r\nB\tC\x01 ") == "A\nB\tC");
}
