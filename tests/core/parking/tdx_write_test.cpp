// Writing TDX parking documents: the standard's field names (LiveOccuppancyAvailable
// included), unknown written as the standard says (-1 in JSON, absent in XML), text escaped,
// and read(write(x)) == x for what the readers produce.
#include <doctest/doctest.h>

#include "parking/tdx_json.h"
#include "parking/tdx_write.h"
#include "parking/tdx_xml.h"
#include "text/date.h"

using namespace beitai;
using namespace beitai::parking;

namespace {

CarPark sample_car_park() {
    CarPark c;
    c.id = "TPE-0001";
    c.county = "Taipei";
    c.name_zh = "示範停車場 信義一";
    c.name_en = "Sample Car Park Xinyi 1";
    c.position = {25.0330123, 121.5654321};
    c.address = "臺北市信義區示範路1號（示範地址）";
    c.fare = "小型車 30 元/時";
    c.type = 3;
    c.live_data = true;
    c.wheelchair = true;
    c.ev_charging = false;
    c.total_spaces = 250;
    return c;
}

Availability sample_availability() {
    Availability a;
    a.car_park_id = "TPE-0001";
    a.total_spaces = 250;
    a.available_spaces = 42;
    a.by_type = {{1, 230, 40}, {9, 20, 2}};
    a.service = Service::open;
    a.fullness = Fullness::space;
    a.charge_status = 1;
    a.collected = "2024-05-01T12:34:56+08:00";
    a.collected_at = text::parse_iso_datetime(a.collected);
    return a;
}

// A list with the kinds of values a reader produces: unknowns of every sort, odd text.
AvailabilityList varied_availability() {
    AvailabilityList list;
    list.update_time = "2024-05-01T12:35:00+08:00";
    list.updated_at = text::parse_iso_datetime(list.update_time);
    list.update_interval_s = 60;
    list.src_update_interval_s = 30;
    list.items.push_back(sample_availability());
    Availability unknown;
    unknown.car_park_id = "B&<2>";
    list.items.push_back(unknown);
    Availability full = sample_availability();
    full.car_park_id = "TPE-0003";
    full.available_spaces = 0;
    full.by_type = {{1, std::nullopt, std::nullopt}, {11, 4, 0}};
    full.fullness = Fullness::full;
    full.service = Service::suspended;
    full.charge_status.reset();
    full.collected = "2024-05-01T04:34:56Z";
    full.collected_at = text::parse_iso_datetime(full.collected);
    list.items.push_back(full);
    return list;
}

CarParkList varied_car_parks() {
    CarParkList list;
    list.update_time = "2024-05-01T06:00:00+08:00";
    list.updated_at = text::parse_iso_datetime(list.update_time);
    list.car_parks.push_back(sample_car_park());
    CarPark bare;
    bare.id = "TPE-0002";
    bare.county = "Taipei";
    bare.name_zh = "示範 \"引號\" <角括號> & 'apostrophe'";
    bare.position = {24.9, 121.1};
    list.car_parks.push_back(bare);
    CarPark more = sample_car_park();
    more.id = "TPE-0003";
    more.name_en.clear();
    more.ev_charging = true;
    more.live_data = false;
    more.type = 255;
    more.total_spaces.reset();
    more.fare = "平日 20 元/時\n假日 40 元/時";
    list.car_parks.push_back(more);
    return list;
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("car parks as TDX JSON: the standard's field names and order") {
    CarParkList list;
    list.update_time = "2024-05-01T06:00:00+08:00";
    list.car_parks.push_back(sample_car_park());
    CHECK(to_tdx_json(list) ==
          R"({"UpdateTime":"2024-05-01T06:00:00+08:00","CarParks":[{"CarParkID":"TPE-0001",)"
          R"("CarParkName":{"Zh_tw":"示範停車場 信義一","En":"Sample Car Park Xinyi 1"},)"
          R"("CarParkPosition":{"PositionLat":25.0330123,"PositionLon":121.5654321},)"
          R"("Address":"臺北市信義區示範路1號（示範地址）","FareDescription":"小型車 30 元/時","CarParkType":3,)"
          R"("LiveOccuppancyAvailable":1,"WheelchairAccessible":1,"EVRechargingAvailable":0,"TotalSpaces":250}]})");
}

TEST_CASE("availability as TDX JSON: unknown AvailableSpaces is -1, unknown statuses are left out") {
    AvailabilityList list;
    list.update_time = "2024-05-01T12:35:00+08:00";
    list.update_interval_s = 60;
    list.items.push_back(sample_availability());
    CHECK(to_tdx_json(list) ==
          R"({"UpdateTime":"2024-05-01T12:35:00+08:00","UpdateInterval":60,"ParkingAvailabilities":[)"
          R"({"CarParkID":"TPE-0001","TotalSpaces":250,"AvailableSpaces":42,"Availabilities":[)"
          R"({"SpaceType":1,"NumberOfSpaces":230,"AvailableSpaces":40},{"SpaceType":9,"NumberOfSpaces":20,"AvailableSpaces":2}],)"
          R"("ServiceStatus":1,"FullStatus":0,"ChargeStatus":1,"DataCollectTime":"2024-05-01T12:34:56+08:00"}]})");

    Availability unknown;
    unknown.car_park_id = "X";
    unknown.by_type = {{1, std::nullopt, std::nullopt}};
    unknown.collected_at = 1714538096;  // only the seconds: written in +08:00 form
    list.items = {unknown};
    list.update_interval_s.reset();
    CHECK(to_tdx_json(list) ==
          R"({"UpdateTime":"2024-05-01T12:35:00+08:00","ParkingAvailabilities":[{"CarParkID":"X","AvailableSpaces":-1,)"
          R"("Availabilities":[{"SpaceType":1,"AvailableSpaces":-1}],"DataCollectTime":"2024-05-01T12:34:56+08:00"}]})");
}

TEST_CASE("JSON escapes text; invalid UTF-8 is replaced, not fatal") {
    CarParkList list;
    CarPark c = sample_car_park();
    c.name_zh = "a\"b\\c\n</script>";
    c.address = std::string("bad \xFF byte");
    list.car_parks.push_back(c);
    const std::string json = to_tdx_json(list);
    CHECK(contains(json, R"("Zh_tw":"a\"b\\c\n</script>")"));
    CHECK(contains(json, "bad \xEF\xBF\xBD byte"));
    CHECK_FALSE(contains(json, "UpdateTime"));  // nothing known, nothing written
}

TEST_CASE("car parks as TDX XML: namespace, list elements, leaves with escaped text") {
    CarParkList list = varied_car_parks();
    const std::string xml = to_tdx_xml(list);
    CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<CarParkList xmlns=\"https://traffic.transportdata.tw/standard/parking/schema/\">\n"
                    "  <UpdateTime>2024-05-01T06:00:00+08:00</UpdateTime>\n"
                    "  <CarParks>\n"
                    "    <CarPark>\n"
                    "      <CarParkID>TPE-0001</CarParkID>\n"
                    "      <CarParkName>\n"
                    "        <Zh_tw>示範停車場 信義一</Zh_tw>\n"
                    "        <En>Sample Car Park Xinyi 1</En>\n"
                    "      </CarParkName>\n"
                    "      <CarParkPosition>\n"
                    "        <PositionLat>25.0330123</PositionLat>\n"
                    "        <PositionLon>121.5654321</PositionLon>\n"
                    "      </CarParkPosition>\n",
                    0) == 0);
    CHECK(contains(xml, "<LiveOccuppancyAvailable>1</LiveOccuppancyAvailable>"));
    CHECK(contains(xml, "<WheelchairAccessible>1</WheelchairAccessible>"));
    CHECK(contains(xml, "<EVRechargingAvailable>0</EVRechargingAvailable>"));
    CHECK(contains(xml, "<TotalSpaces>250</TotalSpaces>"));
    CHECK(contains(xml, "<Zh_tw>示範 &quot;引號&quot; &lt;角括號&gt; &amp; &#39;apostrophe&#39;</Zh_tw>"));
    const std::string end = "  </CarParks>\n</CarParkList>\n";
    CHECK(xml.compare(xml.size() - end.size(), end.size(), end) == 0);

    // The third car park has no English name and an unknown total: both are left out.
    const auto third = xml.substr(xml.find("<CarParkID>TPE-0003</CarParkID>"));
    CHECK_FALSE(contains(third, "<En>"));
    CHECK_FALSE(contains(third, "<TotalSpaces>"));
}

TEST_CASE("availability as TDX XML: unknown numbers and statuses are left out") {
    AvailabilityList list = varied_availability();
    list.items[1].charge_status = 0;
    const std::string xml = to_tdx_xml(list);
    CHECK(contains(xml, "<ParkingAvailabilityList xmlns=\"https://traffic.transportdata.tw/standard/parking/schema/\">"));
    CHECK(contains(xml, "  <UpdateInterval>60</UpdateInterval>\n  <SrcUpdateInterval>30</SrcUpdateInterval>\n"
                        "  <ParkingAvailabilities>\n    <ParkingAvailability>\n"));
    CHECK(contains(xml, "        <Availability>\n          <SpaceType>9</SpaceType>\n"
                        "          <NumberOfSpaces>20</NumberOfSpaces>\n"
                        "          <AvailableSpaces>2</AvailableSpaces>\n        </Availability>\n"));
    // The second item knows nothing but its id (escaped) and a charge status.
    const auto from = xml.find("<CarParkID>B&amp;&lt;2&gt;</CarParkID>");
    REQUIRE(from != std::string::npos);
    const auto second = xml.substr(from, xml.find("</ParkingAvailability>", from) - from);
    CHECK_FALSE(contains(second, "AvailableSpaces"));
    CHECK_FALSE(contains(second, "TotalSpaces"));
    CHECK_FALSE(contains(second, "ServiceStatus"));
    CHECK_FALSE(contains(second, "FullStatus"));
    CHECK_FALSE(contains(second, "DataCollectTime"));
    CHECK(contains(second, "<ChargeStatus>0</ChargeStatus>"));
    CHECK(contains(second, "<Availabilities>\n      </Availabilities>"));
    // The third: a by-type entry with nothing known keeps only its SpaceType.
    CHECK(contains(xml, "<Availability>\n          <SpaceType>1</SpaceType>\n        </Availability>"));
    CHECK(contains(xml, "<ServiceStatus>2</ServiceStatus>"));
    CHECK(contains(xml, "<FullStatus>2</FullStatus>"));
}

TEST_CASE("XML text: control characters cannot break the document") {
    CarParkList list;
    CarPark c = sample_car_park();
    c.name_zh = std::string("line\x0B" "break");
    list.car_parks.push_back(c);
    CHECK(contains(to_tdx_xml(list), "<Zh_tw>line\xEF\xBF\xBD" "break</Zh_tw>"));
}

TEST_CASE("JSON round trip: read(write(x)) == x") {
    SUBCASE("car parks") {
        const CarParkList list = varied_car_parks();
        auto back = read_car_parks_json(to_tdx_json(list), "Taipei");
        REQUIRE_MESSAGE(back, back.error());
        CHECK(back->rejected.empty());
        CHECK(*back == list);
    }
    SUBCASE("availability") {
        const AvailabilityList list = varied_availability();
        auto back = read_availability_json(to_tdx_json(list));
        REQUIRE_MESSAGE(back, back.error());
        CHECK(back->rejected.empty());
        CHECK(*back == list);
    }
    SUBCASE("empty documents") {
        CarParkList parks;
        auto p = read_car_parks_json(to_tdx_json(parks), "Keelung");
        REQUIRE_MESSAGE(p, p.error());
        CHECK(*p == parks);
        AvailabilityList avail;
        auto a = read_availability_json(to_tdx_json(avail));
        REQUIRE_MESSAGE(a, a.error());
        CHECK(*a == avail);
    }
    SUBCASE("what a reader made of a server's quirks writes back to the same") {
        const char* quirky = R"({"UpdateTime":"2024-05-01T12:35:00+08:00","ParkingAvailabilities":[
            {"CarParkID":7,"TotalSpaces":"80","AvailableSpaces":"未提供","ServiceStatus":1,"FullStatus":2,
             "DataCollectTime":"2024-05-01T12:30:00.5+08:00"},
            {"CarParkID":"A","AvailableSpaces":null,"Availabilities":[{"NumberOfSpaces":"3"}]}]})";
        auto first = read_availability_json(quirky);
        REQUIRE_MESSAGE(first, first.error());
        auto second = read_availability_json(to_tdx_json(*first));
        REQUIRE_MESSAGE(second, second.error());
        CHECK(*second == *first);
    }
}

TEST_CASE("XML round trip: read(write(x)) == x") {
    SUBCASE("car parks") {
        const CarParkList list = varied_car_parks();
        auto back = read_car_parks_xml(to_tdx_xml(list), "Taipei");
        REQUIRE_MESSAGE(back, back.error());
        CHECK(back->rejected.empty());
        CHECK(*back == list);
    }
    SUBCASE("availability") {
        const AvailabilityList list = varied_availability();
        auto back = read_availability_xml(to_tdx_xml(list));
        REQUIRE_MESSAGE(back, back.error());
        CHECK(back->rejected.empty());
        CHECK(*back == list);
    }
    SUBCASE("empty documents") {
        CarParkList parks;
        auto p = read_car_parks_xml(to_tdx_xml(parks), "Keelung");
        REQUIRE_MESSAGE(p, p.error());
        CHECK(*p == parks);
        AvailabilityList avail;
        auto a = read_availability_xml(to_tdx_xml(avail));
        REQUIRE_MESSAGE(a, a.error());
        CHECK(*a == avail);
    }
    SUBCASE("one item: the list elements still read as lists") {
        AvailabilityList list = varied_availability();
        list.items.resize(1);
        list.items[0].by_type.resize(1);
        auto back = read_availability_xml(to_tdx_xml(list));
        REQUIRE_MESSAGE(back, back.error());
        CHECK(*back == list);
    }
}

TEST_CASE("the two formats carry the same data") {
    const CarParkList parks = varied_car_parks();
    auto from_json = read_car_parks_json(to_tdx_json(parks), "Taipei");
    auto from_xml = read_car_parks_xml(to_tdx_xml(parks), "Taipei");
    REQUIRE(from_json);
    REQUIRE(from_xml);
    CHECK(*from_json == *from_xml);
    const AvailabilityList avail = varied_availability();
    auto a_json = read_availability_json(to_tdx_json(avail));
    auto a_xml = read_availability_xml(to_tdx_xml(avail));
    REQUIRE(a_json);
    REQUIRE(a_xml);
    CHECK(*a_json == *a_xml);
}
