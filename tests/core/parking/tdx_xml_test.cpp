// Reading TDX parking XML: the tree it becomes, the namespace, errors with places, the
// parser's limits (depth, entities), and the same data as JSON and as XML reading the same.
#include <doctest/doctest.h>

#include <string>

#include "parking/tdx_json.h"
#include "parking/tdx_xml.h"

using namespace beitai;
using namespace beitai::parking;
using text::Json;

namespace {

const char* kNs = "https://traffic.transportdata.tw/standard/parking/schema/";

Json tree_of(const std::string& xml) {
    auto r = tdx_xml_to_json(xml);
    REQUIRE_MESSAGE(r, r.error());
    return *r;
}

}  // namespace

TEST_CASE("XML lists become arrays with 0, 1 or many children; other elements objects; leaves strings") {
    const Json none = tree_of("<CarParkList><UpdateTime>2024-05-01T00:00:00+08:00</UpdateTime><CarParks/></CarParkList>");
    CHECK(none == Json::parse(R"({"UpdateTime": "2024-05-01T00:00:00+08:00", "CarParks": []})"));
    CHECK(tree_of("<CarParkList><CarParks>\n  </CarParks></CarParkList>") == Json::parse(R"({"CarParks": []})"));

    const Json one = tree_of(R"(<ParkingAvailabilityList>
      <UpdateInterval> 60 </UpdateInterval>
      <ParkingAvailabilities>
        <ParkingAvailability>
          <CarParkID>TPE-001</CarParkID>
          <CarParkName><Zh_tw>示範停車場一</Zh_tw><En>Sample 1</En></CarParkName>
          <Availabilities><Availability><SpaceType>1</SpaceType><AvailableSpaces>30</AvailableSpaces></Availability></Availabilities>
          <TotalSpaces/>
        </ParkingAvailability>
      </ParkingAvailabilities>
    </ParkingAvailabilityList>)");
    CHECK(one == Json::parse(R"({"UpdateInterval": "60", "ParkingAvailabilities": [
        {"CarParkID": "TPE-001", "CarParkName": {"Zh_tw": "示範停車場一", "En": "Sample 1"},
         "Availabilities": [{"SpaceType": "1", "AvailableSpaces": "30"}], "TotalSpaces": ""}]})"));

    const Json many = tree_of(
        "<X><Spaces><Space>a</Space><Space>b</Space><Other>c</Other></Spaces>"
        "<ParkingSpaces><ParkingSpace><N>1</N></ParkingSpace><ParkingSpace><N>2</N></ParkingSpace></ParkingSpaces></X>");
    CHECK(many == Json::parse(R"({"Spaces": ["a", "b", "c"], "ParkingSpaces": [{"N": "1"}, {"N": "2"}]})"));

    // A list holding text instead of items is that text, for the readers to refuse.
    CHECK(tree_of("<R><CarParks> none </CarParks></R>") == Json::parse(R"({"CarParks": "none"})"));
    CHECK(read_car_parks_xml("<CarParkList><CarParks>none</CarParks></CarParkList>", "Taipei").error() ==
          "CarParks: expected a list, got \"none\"");

    // The root is an object even when it holds nothing, or an array when it is a list;
    // attributes are ignored.
    CHECK(tree_of("<CarParkList/>") == Json::object());
    CHECK(tree_of("<CarParks><CarPark><CarParkID>A</CarParkID></CarPark></CarParks>") ==
          Json::parse(R"([{"CarParkID": "A"}])"));
    CHECK(tree_of(R"(<CarParkList version="2"><A id="7">x</A></CarParkList>)") == Json::parse(R"({"A": "x"})"));
    // Text is trimmed; CDATA is text; comments and processing instructions are skipped.
    CHECK(tree_of("<R><A>\n\t a <!-- note --> b \r\n</A><B><![CDATA[ <x> & y ]]></B><?pi data?></R>") ==
          Json::parse(R"({"A": "a  b", "B": "<x> & y"})"));
}

TEST_CASE("a member repeated outside a list keeps its first occurrence") {
    CHECK(tree_of("<R><CarParkID>A</CarParkID><CarParkID>B</CarParkID><N><X>1</X></N><N>2</N></R>") ==
          Json::parse(R"({"CarParkID": "A", "N": {"X": "1"}})"));
    // Also among many members (past the short list the walker looks names up in, a set), and
    // with members of the same names in nested objects, which are not repeats.
    std::string xml = "<R>";
    Json expected = Json::object();
    for (int i = 0; i < 100; ++i) {
        const std::string name = "M" + std::to_string(i);
        xml += "<" + name + "><" + name + ">" + std::to_string(i) + "</" + name + "></" + name + ">";
        expected[name] = {{name, std::to_string(i)}};
    }
    xml += "<M50>again</M50><M3><x/></M3></R>";
    CHECK(tree_of(xml) == expected);
}

TEST_CASE("the TDX parking namespace is taken as the default or under a prefix") {
    const Json expected = Json::parse(R"({"UpdateTime": "t", "CarParks": [{"CarParkID": "A"}]})");
    CHECK(tree_of(std::string(R"(<?xml version="1.0" encoding="utf-8"?>
<CarParkList xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns=")") +
                  kNs + R"("><UpdateTime>t</UpdateTime><CarParks><CarPark><CarParkID>A</CarParkID></CarPark></CarParks></CarParkList>)") ==
          expected);
    CHECK(tree_of(std::string(R"(<p:CarParkList xmlns:p=")") + kNs +
                  R"("><p:UpdateTime>t</p:UpdateTime><p:CarParks><p:CarPark><p:CarParkID>A</p:CarParkID></p:CarPark></p:CarParks></p:CarParkList>)") ==
          expected);
    // No namespace at all is taken too (some city servers write none).
    CHECK(tree_of("<CarParkList><UpdateTime>t</UpdateTime><CarParks><CarPark><CarParkID>A</CarParkID></CarPark></CarParks></CarParkList>") ==
          expected);
    // A prefix declared on an inner element applies from there down; xsi:nil elements are "".
    CHECK(tree_of(std::string("<CarParkList><CarParks><t:CarPark xmlns:t=\"") + kNs +
                  "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><t:CarParkID>A</t:CarParkID>"
                  "<t:TotalSpaces xsi:nil=\"true\"/></t:CarPark></CarParks></CarParkList>") ==
          Json::parse(R"({"CarParks": [{"CarParkID": "A", "TotalSpaces": ""}]})"));

    auto foreign = tdx_xml_to_json("<CarParkList xmlns=\"urn:other\">\n<CarParks/></CarParkList>");
    REQUIRE_FALSE(foreign);
    CHECK(foreign.error() == std::string("line 1, column 2: CarParkList: element in namespace \"urn:other\", not the TDX parking one (") +
                                 kNs + ")");
    auto undeclared = tdx_xml_to_json("<CarParkList>\n  <q:CarParks/></CarParkList>");
    REQUIRE_FALSE(undeclared);
    CHECK(undeclared.error() == "line 2, column 4: CarParkList/CarParks: undeclared namespace prefix \"q\"");
}

TEST_CASE("malformed XML is refused with the line and column") {
    auto mismatch = tdx_xml_to_json("<a>\n  <b>\n   <c></b>\n</a>");
    REQUIRE_FALSE(mismatch);
    CHECK(mismatch.error() == "line 3, column 9: Start-end tags mismatch");

    auto unclosed = tdx_xml_to_json("<CarParkList>\n<CarParks>");
    REQUIRE_FALSE(unclosed);
    CHECK(unclosed.error().find("line 2, column ") == 0);

    // Columns count characters, not UTF-8 bytes.
    auto wide = tdx_xml_to_json("<R>\n<名稱>示範</名>\n</R>");
    REQUIRE_FALSE(wide);
    CHECK(wide.error() == "line 2, column 9: Start-end tags mismatch");

    // Exactly one root element, and no text outside it.
    CHECK(tdx_xml_to_json("").error() == "no root element");
    CHECK(tdx_xml_to_json("<?xml version=\"1.0\"?>\n <!-- nothing -->\n").error() == "no root element");
    CHECK(tdx_xml_to_json("{\"CarParks\": []}").error() == "line 1, column 1: text outside the root element");
    CHECK(tdx_xml_to_json("<A/>\n<B/>").error() == "line 2, column 2: a second root element <B>");
    CHECK(tdx_xml_to_json("<A/>\n  trailing").error() == "line 2, column 3: text outside the root element");
    CHECK(tdx_xml_to_json("<R><A>\xff\xfe</A></R>").error() == "line 1, column 5: R/A: text is not valid UTF-8");
    CHECK(tdx_xml_to_json("<R><A>&#xD800;</A></R>").error().find("not valid UTF-8") != std::string::npos);

    // The readers say which document failed, as the JSON ones do.
    CHECK(read_availability_xml("<ParkingAvailabilityList>").error().find("availability: line 1, column ") == 0);
    CHECK(read_car_parks_xml("<CarParkList><CarParks></CarParkList>", "Taipei").error().find("car parks: line 1, column ") == 0);
}

TEST_CASE("XML nested deeper than the limit is refused, naming the element path") {
    std::string deep;
    for (int i = 0; i < 33; ++i) deep += "<e>";
    deep += "x";
    for (int i = 0; i < 33; ++i) deep += "</e>";
    auto refused = tdx_xml_to_json(deep);
    REQUIRE_FALSE(refused);
    std::string path = "e";
    for (int i = 1; i < 33; ++i) path += "/e";
    CHECK(refused.error() == "line 1, column " + std::to_string(32 * 3 + 2) + ": " + path +
                                 ": elements nested deeper than 32 levels");
    CHECK(tdx_xml_to_json(deep, 33).ok());

    // The path names list items by their index.
    auto in_list = tdx_xml_to_json("<R><CarParks><C/><C><D><E/></D></C></CarParks></R>", 4);
    REQUIRE_FALSE(in_list);
    CHECK(in_list.error().find("R/CarParks/C[1]/D/E: elements nested deeper than 4 levels") != std::string::npos);

    // Far deeper than any stack would take recursively: refused, not a crash.
    std::string abyss;
    for (int i = 0; i < 200000; ++i) abyss += "<a>";
    for (int i = 0; i < 200000; ++i) abyss += "</a>";
    auto r = tdx_xml_to_json(abyss);
    REQUIRE_FALSE(r);
    CHECK(r.error().find("nested deeper than 32 levels") != std::string::npos);
}

TEST_CASE("XML entities: the predefined ones decode, declared ones never expand") {
    CHECK(tree_of("<R><A>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;</A><B>&#x41;&#26410;</B></R>") ==
          Json::parse(R"({"A": "a & b <c> \"d\" 'e'", "B": "A未"})"));

    // A DOCTYPE is skipped, never processed: an entity it declares stays literal text.
    CHECK(tree_of("<!DOCTYPE x [<!ENTITY e \"boom\">]>\n<x><A>&e;</A></x>") == Json::parse(R"({"A": "&e;"})"));
    // Nor is anything fetched for an external entity.
    CHECK(tree_of("<!DOCTYPE x [<!ENTITY f SYSTEM \"file:///etc/passwd\">]><x><A>&f;</A></x>") ==
          Json::parse(R"({"A": "&f;"})"));

    // "Billion laughs": ten levels of ten-fold entities would be 10^9 "lol"s if expanded.
    // Here the reference stays as it is written, so the result is as small as the input.
    std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
    for (int level = 1; level <= 9; ++level) {
        bomb += " <!ENTITY lol" + std::to_string(level) + " \"";
        for (int k = 0; k < 10; ++k) bomb += "&lol" + (level == 1 ? std::string() : std::to_string(level - 1)) + ";";
        bomb += "\">\n";
    }
    bomb += "]>\n<lolz><A>&lol9;</A></lolz>";
    auto laughs = tdx_xml_to_json(bomb);
    REQUIRE_MESSAGE(laughs, laughs.error());
    CHECK(*laughs == Json::parse(R"({"A": "&lol9;"})"));
    CHECK(text::to_json_text(*laughs).size() < bomb.size());
}

namespace {

// The same availability data in both formats, written as the servers write them: numbers
// as numbers and -1 in JSON; digit strings and 未提供 in XML.
const char* kAvailabilityJson = R"({
  "UpdateTime": "2024-05-01T12:35:00+08:00", "UpdateInterval": 60, "SrcUpdateTime": "2024-05-01T12:34:00+08:00",
  "SrcUpdateInterval": 300, "AuthorityCode": "TPE",
  "ParkingAvailabilities": [
    {"CarParkID": "TPE-001", "CarParkName": {"Zh_tw": "示範停車場一", "En": "Sample 1"},
     "TotalSpaces": 120, "AvailableSpaces": 35,
     "Availabilities": [{"SpaceType": 1, "NumberOfSpaces": 100, "AvailableSpaces": 30},
                        {"SpaceType": 9, "NumberOfSpaces": 20, "AvailableSpaces": 5}],
     "ServiceStatus": 1, "FullStatus": 0, "ChargeStatus": 1, "DataCollectTime": "2024-05-01T12:34:56+08:00"},
    {"CarParkID": "TPE-002", "CarParkName": {"Zh_tw": "示範停車場二", "En": ""},
     "TotalSpaces": 80, "AvailableSpaces": -1,
     "Availabilities": [{"SpaceType": 2, "NumberOfSpaces": 80, "AvailableSpaces": -1}],
     "ServiceStatus": 1, "FullStatus": 2, "ChargeStatus": 0, "DataCollectTime": "2024-05-01T12:30:00+08:00"},
    {"CarParkID": "TPE-003", "CarParkName": {"Zh_tw": "示範停車場三"},
     "TotalSpaces": 50, "AvailableSpaces": 0, "Availabilities": [],
     "ServiceStatus": 2, "FullStatus": 1, "DataCollectTime": "2024-05-01T11:00:00+08:00"}
  ]})";

const char* kAvailabilityXml = R"(<?xml version="1.0" encoding="utf-8"?>
<ParkingAvailabilityList xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns="https://traffic.transportdata.tw/standard/parking/schema/">
  <UpdateTime>2024-05-01T12:35:00+08:00</UpdateTime>
  <UpdateInterval>60</UpdateInterval>
  <SrcUpdateTime>2024-05-01T12:34:00+08:00</SrcUpdateTime>
  <SrcUpdateInterval>300</SrcUpdateInterval>
  <AuthorityCode>TPE</AuthorityCode>
  <ParkingAvailabilities>
    <ParkingAvailability>
      <CarParkID>TPE-001</CarParkID>
      <CarParkName><Zh_tw>示範停車場一</Zh_tw><En>Sample 1</En></CarParkName>
      <TotalSpaces>120</TotalSpaces>
      <AvailableSpaces>35</AvailableSpaces>
      <Availabilities>
        <Availability><SpaceType>1</SpaceType><NumberOfSpaces>100</NumberOfSpaces><AvailableSpaces>30</AvailableSpaces></Availability>
        <Availability><SpaceType>9</SpaceType><NumberOfSpaces>20</NumberOfSpaces><AvailableSpaces>5</AvailableSpaces></Availability>
      </Availabilities>
      <ServiceStatus>1</ServiceStatus>
      <FullStatus>0</FullStatus>
      <ChargeStatus>1</ChargeStatus>
      <DataCollectTime>2024-05-01T12:34:56+08:00</DataCollectTime>
    </ParkingAvailability>
    <ParkingAvailability>
      <CarParkID>TPE-002</CarParkID>
      <CarParkName><Zh_tw>示範停車場二</Zh_tw><En /></CarParkName>
      <TotalSpaces>80</TotalSpaces>
      <AvailableSpaces>未提供</AvailableSpaces>
      <Availabilities>
        <Availability><SpaceType>2</SpaceType><NumberOfSpaces>80</NumberOfSpaces><AvailableSpaces>未提供</AvailableSpaces></Availability>
      </Availabilities>
      <ServiceStatus>1</ServiceStatus>
      <FullStatus>2</FullStatus>
      <ChargeStatus>0</ChargeStatus>
      <DataCollectTime>2024-05-01T12:30:00+08:00</DataCollectTime>
    </ParkingAvailability>
    <ParkingAvailability>
      <CarParkID>TPE-003</CarParkID>
      <CarParkName><Zh_tw>示範停車場三</Zh_tw></CarParkName>
      <TotalSpaces>50</TotalSpaces>
      <AvailableSpaces>0</AvailableSpaces>
      <Availabilities />
      <ServiceStatus>2</ServiceStatus>
      <FullStatus>1</FullStatus>
      <ChargeStatus xsi:nil="true" />
      <DataCollectTime>2024-05-01T11:00:00+08:00</DataCollectTime>
    </ParkingAvailability>
  </ParkingAvailabilities>
</ParkingAvailabilityList>
)";

const char* kCarParksJson = R"({
  "UpdateTime": "2024-05-01T00:00:00+08:00", "UpdateInterval": 86400,
  "CarParks": [
    {"CarParkID": "TPE-001", "CarParkName": {"Zh_tw": "示範停車場一", "En": "Sample 1"},
     "CarParkPosition": {"PositionLat": 25.0478, "PositionLon": 121.517}, "Address": "臺北市中正區（示範地址）",
     "FareDescription": "每小時30元 & 月租另計", "CarParkType": 3, "LiveOccuppancyAvailable": 1, "WheelchairAccessible": 1,
     "EVRechargingAvailable": 0, "TotalSpaces": 120},
    {"CarParkID": "TPE-002", "CarParkName": {"Zh_tw": "示範停車場二"},
     "CarParkPosition": {"PositionLat": 25.05, "PositionLon": 121.52}, "LiveOccuppancyAvailable": 0,
     "TotalSpaces": -1},
    {"CarParkID": "TPE-003", "CarParkName": {"Zh_tw": "示範停車場三", "En": "Sample 3"},
     "CarParkPosition": {"PositionLat": 25.0335, "PositionLon": 121.5645}, "Address": "臺北市信義區",
     "CarParkType": 1, "LiveOccuppancyAvailable": 1, "WheelchairAccessible": 0, "EVRechargingAvailable": 1}
  ]})";

const char* kCarParksXml = R"(<?xml version="1.0" encoding="utf-8"?>
<tdx:CarParkList xmlns:tdx="https://traffic.transportdata.tw/standard/parking/schema/">
  <tdx:UpdateTime>2024-05-01T00:00:00+08:00</tdx:UpdateTime>
  <tdx:UpdateInterval>86400</tdx:UpdateInterval>
  <tdx:CarParks>
    <tdx:CarPark>
      <tdx:CarParkID>TPE-001</tdx:CarParkID>
      <tdx:CarParkName><tdx:Zh_tw>示範停車場一</tdx:Zh_tw><tdx:En>Sample 1</tdx:En></tdx:CarParkName>
      <tdx:CarParkPosition><tdx:PositionLat>25.0478</tdx:PositionLat><tdx:PositionLon>121.517</tdx:PositionLon></tdx:CarParkPosition>
      <tdx:Address>臺北市中正區（示範地址）</tdx:Address>
      <tdx:FareDescription>每小時30元 &amp; 月租另計</tdx:FareDescription>
      <tdx:CarParkType>3</tdx:CarParkType>
      <tdx:LiveOccuppancyAvailable>1</tdx:LiveOccuppancyAvailable>
      <tdx:WheelchairAccessible>1</tdx:WheelchairAccessible>
      <tdx:EVRechargingAvailable>0</tdx:EVRechargingAvailable>
      <tdx:TotalSpaces>120</tdx:TotalSpaces>
    </tdx:CarPark>
    <tdx:CarPark>
      <tdx:CarParkID>TPE-002</tdx:CarParkID>
      <tdx:CarParkName><tdx:Zh_tw>示範停車場二</tdx:Zh_tw></tdx:CarParkName>
      <tdx:CarParkPosition><tdx:PositionLat>25.05</tdx:PositionLat><tdx:PositionLon>121.52</tdx:PositionLon></tdx:CarParkPosition>
      <tdx:LiveOccuppancyAvailable>0</tdx:LiveOccuppancyAvailable>
      <tdx:TotalSpaces>未提供</tdx:TotalSpaces>
    </tdx:CarPark>
    <tdx:CarPark>
      <tdx:CarParkID>TPE-003</tdx:CarParkID>
      <tdx:CarParkName><tdx:Zh_tw>示範停車場三</tdx:Zh_tw><tdx:En>Sample 3</tdx:En></tdx:CarParkName>
      <tdx:CarParkPosition><tdx:PositionLat>25.0335</tdx:PositionLat><tdx:PositionLon>121.5645</tdx:PositionLon></tdx:CarParkPosition>
      <tdx:Address>臺北市信義區</tdx:Address>
      <tdx:CarParkType>1</tdx:CarParkType>
      <tdx:LiveOccuppancyAvailable>1</tdx:LiveOccuppancyAvailable>
      <tdx:WheelchairAccessible>0</tdx:WheelchairAccessible>
      <tdx:EVRechargingAvailable>1</tdx:EVRechargingAvailable>
    </tdx:CarPark>
  </tdx:CarParks>
</tdx:CarParkList>
)";

}  // namespace

TEST_CASE("the same availability as JSON and as XML reads to equal values") {
    auto from_json = read_availability_json(kAvailabilityJson);
    auto from_xml = read_availability_xml(kAvailabilityXml);
    REQUIRE_MESSAGE(from_json, from_json.error());
    REQUIRE_MESSAGE(from_xml, from_xml.error());
    CHECK(from_xml->rejected.empty());
    REQUIRE(from_xml->items.size() == 3);
    CHECK(from_xml->items[0].by_type.size() == 2);
    CHECK(from_xml->items[1].by_type.size() == 1);
    CHECK_FALSE(from_xml->items[1].available_spaces.has_value());  // 未提供 is unknown, as -1 is
    CHECK_FALSE(from_xml->items[1].by_type[0].available.has_value());
    CHECK(from_xml->items[2].available_spaces == 0);  // zero stays zero
    CHECK(from_xml->items[2].by_type.empty());
    CHECK(from_xml->update_interval_s == 60);
    CHECK(from_xml->src_update_interval_s == 300);
    CHECK(*from_xml == *from_json);
}

TEST_CASE("the same car parks as JSON and as XML read to equal values") {
    auto from_json = read_car_parks_json(kCarParksJson, "Taipei");
    auto from_xml = read_car_parks_xml(kCarParksXml, "Taipei");
    REQUIRE_MESSAGE(from_json, from_json.error());
    REQUIRE_MESSAGE(from_xml, from_xml.error());
    CHECK(from_xml->rejected.empty());
    REQUIRE(from_xml->car_parks.size() == 3);
    CHECK(from_xml->car_parks[0].fare == "每小時30元 & 月租另計");
    CHECK(from_xml->car_parks[0].position.lat == 25.0478);
    CHECK_FALSE(from_xml->car_parks[1].total_spaces.has_value());
    CHECK(from_xml->car_parks[2].ev_charging);
    CHECK(*from_xml == *from_json);
}
