// The streaming availability reader (availability_stream.cpp) against the tree reader
// (read_availability of a parsed document): the same model, or the same error, for every
// shape a server or an attacker may send — including the shapes where a stream sees the
// document differently from a tree (a member given twice, null, a list where a number
// belongs, a second wrapper, items past the limit).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/json_reader.h"
#include "parking/tdx_json.h"
#include "parking/tdx_xml.h"

using namespace beitai;
using namespace beitai::parking;

namespace {

// The streaming read and the tree read of one document: the same list, or the same error.
void check_same(const Result<AvailabilityList>& stream, const Result<AvailabilityList>& tree) {
    REQUIRE(stream.ok() == tree.ok());
    if (stream.ok()) {
        CHECK(stream.value() == tree.value());
    } else {
        CHECK(stream.error() == tree.error());
    }
}

// JSON: read_availability_json against the text parsed into a tree and read from it.
void check_same(const std::string& text, const ReadLimits& limits = {}) {
    CAPTURE(text);
    auto parsed = text::parse_json_text(text, "availability");
    check_same(read_availability_json(text, limits),
               parsed ? read_availability(*parsed, limits) : Result<AvailabilityList>(Error{parsed.error()}));
}

const std::string kItem =
    R"({"CarParkID": "A", "TotalSpaces": 10, "AvailableSpaces": 4, "ServiceStatus": 1, "FullStatus": 0,)"
    R"( "Availabilities": [{"SpaceType": 1, "NumberOfSpaces": 8, "AvailableSpaces": 3}],)"
    R"( "DataCollectTime": "2024-05-01T12:34:56+08:00"})";

std::string document(const std::string& items) {
    return R"({"UpdateTime": "2024-05-01T12:35:00+08:00", "UpdateInterval": 60, "ParkingAvailabilities": [)" + items + "]}";
}

}  // namespace

TEST_CASE("the streaming reader gives what the tree reader gives, item by item") {
    const std::vector<std::string> items = {
        kItem,
        // unknowns and text numbers
        R"({"CarParkID": 7, "TotalSpaces": "80", "AvailableSpaces": -1, "ChargeStatus": null, "FullStatus": "未提供"})",
        // a member given twice: the last counts, in either order of null and value
        R"({"CarParkID": "B", "AvailableSpaces": 3, "AvailableSpaces": 5})",
        R"({"CarParkID": "C", "AvailableSpaces": 3, "AvailableSpaces": null})",
        R"({"CarParkID": "D", "CarParkID": "E", "Availabilities": 5, "Availabilities": [{"SpaceType": 2}]})",
        R"({"CarParkID": "F", "Availabilities": [{"SpaceType": 2}], "Availabilities": [{"SpaceType": 3}]})",
        R"({"CarParkID": "G", "Availabilities": [{"SpaceType": 2}], "Availabilities": null})",
        // a structure where a scalar belongs: rejected, quoting it
        R"({"CarParkID": "H", "AvailableSpaces": {"n": [1, 2, {"deep": true}]}})",
        R"({"CarParkID": ["I"], "AvailableSpaces": 1})",
        R"({"CarParkID": "J", "Availabilities": {"SpaceType": 1}})",
        R"({"CarParkID": "K", "Availabilities": [[1, 2], {"SpaceType": 1}]})",
        R"({"CarParkID": "L", "Availabilities": [{"SpaceType": 1, "NumberOfSpaces": [3]}]})",
        R"({"CarParkID": "M", "Availabilities": [{"SpaceType": 1, "SpaceType": "x"}]})",
        // items that are not objects
        R"(null)", R"(5)", R"("text")", R"([1, {"CarParkID": "N"}])", R"(true)",
        // unknown members, nested, skipped
        R"({"Extra": {"CarParkID": "wrong", "list": [{"AvailableSpaces": "many"}]}, "CarParkID": "O"})",
        // bad values
        R"({"CarParkID": "P", "AvailableSpaces": "many"})",
        R"({"CarParkID": "Q", "DataCollectTime": "yesterday"})",
        R"({"CarParkID": "", "TotalSpaces": 1.5})",
        R"({"CarParkID": "R", "TotalSpaces": 18446744073709551615, "AvailableSpaces": 1e3})",
        R"({})",
        R"({"CarParkID": "S", "Availabilities": [null]})",
    };
    // One at a time (most are rejected, so alone each fails the document), and all together
    // among good items.
    for (const auto& item : items) check_same(document(item));
    std::string many;
    for (int i = 0; i < 30; ++i) many += kItem + ",";
    for (const auto& item : items) many += item + ",";
    many += kItem;
    check_same(document(many));
    check_same(document(many), ReadLimits{1000, 0.5});

    // and the stream really does read them: the good items are there, the bad ones named
    const auto read = read_availability_json(document(many), ReadLimits{1000, 0.5});
    REQUIRE_MESSAGE(read, read.error());
    CHECK(read->items.front().car_park_id == "A");
    CHECK(read->rejected.front() == R"(ParkingAvailabilities[37].AvailableSpaces: expected a count, got {"n":[1,2,{"deep":true}]})");
}

TEST_CASE("the streaming reader gives what the tree reader gives, document by document") {
    const std::vector<std::string> documents = {
        // shapes
        "[]", "{}", "null", "5", R"("x")", "[" + kItem + "]", R"({"ParkingAvailabilities": null})",
        R"({"ParkingAvailabilities": 3})", R"({"ParkingAvailabilities": {"CarParkID": "A"}})",
        R"({"ParkingAvailabilities": "none", "ParkingAvailabilities": [])" + kItem + "]}",
        R"({"ParkingAvailabilities": [)" + kItem + R"(], "ParkingAvailabilities": null})",
        R"({"ParkingAvailabilities": [{"CarParkID": 1}], "ParkingAvailabilities": [{"CarParkID": 2}]})",
        R"({"ParkingAvailabilities": [], "ParkingAvailabilities": {"a": 1}})",
        // the envelope, with bad and repeated values
        R"({"UpdateTime": 5, "UpdateInterval": "60", "SrcUpdateInterval": -3, "ParkingAvailabilities": []})",
        R"({"UpdateTime": "2024-05-01T12:35:00+08:00", "UpdateTime": {"a": 1}, "UpdateInterval": [1],)"
        R"( "ParkingAvailabilities": []})",
        R"({"UpdateTime": "2999-01-01T00:00:00+08:00", "UpdateInterval": 60, "UpdateInterval": null, "ParkingAvailabilities": []})",
        R"({"Other": [[[[{"ParkingAvailabilities": 1}]]]], "ParkingAvailabilities": []})",
        // not JSON at all: the same message, naming line and column
        "", "{", R"({"ParkingAvailabilities": [)" + kItem + ",", "[1,]", R"({"a": "\ud800"})", "[] x", "[1e999]",
    };
    for (const auto& d : documents) check_same(d);

    const auto broken = read_availability_json("{\n  \"ParkingAvailabilities\": [\n    {\"CarParkID\": }\n  ]\n}");
    REQUIRE_FALSE(broken);
    CHECK(broken.error().rfind("availability: line 3, column 19: invalid JSON: syntax error while parsing value - unexpected '}'", 0) == 0);
}

TEST_CASE("the streaming reader counts items past the limit and refuses the document, as the tree reader does") {
    std::string items;
    for (int i = 0; i < 12; ++i) items += (i ? "," : "") + kItem;
    const ReadLimits limits{10, 0.1};
    check_same(document(items), limits);
    const auto read = read_availability_json(document(items), limits);
    REQUIRE_FALSE(read);
    CHECK(read.error() == "ParkingAvailabilities: 12 items, more than the limit of 10");
    check_same(document(items), ReadLimits{12, 0.1});
    CHECK(read_availability_json(document(items), ReadLimits{12, 0.1})->items.size() == 12);
}

TEST_CASE("values nested very deep are skipped or quoted without recursion") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    check_same(document(R"({"CarParkID": "A", "Unknown": )" + deep + "}"));
    check_same(document(R"({"CarParkID": "A", "AvailableSpaces": )" + deep + "}"));
    const auto quoted = read_availability_json(document(R"({"CarParkID": "A", "AvailableSpaces": )" + deep + "}"));
    REQUIRE_FALSE(quoted);
    CHECK(quoted.error().find("ParkingAvailabilities[0].AvailableSpaces: expected a count, got a value nested deeper than 16 levels") !=
          std::string::npos);
}

TEST_CASE("XML availability streamed from the walk reads as the tree of the same document does") {
    const std::string ns = R"( xmlns="https://traffic.transportdata.tw/standard/parking/schema/")";
    const std::string item =
        "<ParkingAvailability><CarParkID>A</CarParkID><TotalSpaces>10</TotalSpaces><AvailableSpaces>4</AvailableSpaces>"
        "<Availabilities><Availability><SpaceType>1</SpaceType><NumberOfSpaces>8</NumberOfSpaces>"
        "<AvailableSpaces>3</AvailableSpaces></Availability></Availabilities><ServiceStatus>1</ServiceStatus>"
        "<DataCollectTime>2024-05-01T12:34:56+08:00</DataCollectTime></ParkingAvailability>";
    const std::vector<std::string> documents = {
        "<ParkingAvailabilityList" + ns + "><UpdateTime>2024-05-01T12:35:00+08:00</UpdateTime><UpdateInterval>60</UpdateInterval>"
            "<ParkingAvailabilities>" + item + item + "</ParkingAvailabilities></ParkingAvailabilityList>",
        // a repeated member keeps its first occurrence, however deep the repeat
        "<L" + ns + "><ParkingAvailabilities><P><CarParkID>A</CarParkID><CarParkID>B</CarParkID>"
            "<AvailableSpaces>5</AvailableSpaces><AvailableSpaces><x><y>1</y></x></AvailableSpaces>"
            "<Availabilities><A><SpaceType>1</SpaceType></A></Availabilities><Availabilities/></P></ParkingAvailabilities></L>",
        "<L" + ns + "><ParkingAvailabilities>" + item + "</ParkingAvailabilities><ParkingAvailabilities/></L>",
        "<L" + ns + "><UpdateTime>x</UpdateTime><UpdateTime>2024-05-01T12:35:00+08:00</UpdateTime><ParkingAvailabilities/></L>",
        // shapes: a bare list, text where a list belongs, an item that is text, an empty root
        "<ParkingAvailabilities" + ns + ">" + item + "</ParkingAvailabilities>",
        "<L" + ns + "><ParkingAvailabilities>none</ParkingAvailabilities></L>",
        "<L" + ns + "><ParkingAvailabilities><P>text</P>" + item + "</ParkingAvailabilities></L>",
        "<L" + ns + "/>", "<L" + ns + "><Other><ParkingAvailabilities/></Other></L>",
        // bad values and bad XML
        "<L" + ns + "><ParkingAvailabilities><P><CarParkID>C</CarParkID><AvailableSpaces>many</AvailableSpaces></P>"
            "</ParkingAvailabilities></L>",
        "<L" + ns + "><ParkingAvailabilities><P><CarParkID>C</CarParkID><AvailableSpaces>未提供</AvailableSpaces></P>"
            "</ParkingAvailabilities></L>",
        "<L xmlns=\"urn:other\"><ParkingAvailabilities/></L>", "<L><P></L>", "", "<L/><M/>",
    };
    for (const auto& xml : documents) {
        CAPTURE(xml);
        auto tree = tdx_xml_to_json(xml);
        check_same(read_availability_xml(xml),
                   tree ? read_availability(*tree) : Result<AvailabilityList>(Error{"availability: " + tree.error()}));
    }
    const auto first = read_availability_xml(documents[1]);
    REQUIRE_MESSAGE(first, first.error());
    REQUIRE(first->items.size() == 1);
    CHECK(first->items[0].car_park_id == "A");
    CHECK(first->items[0].available_spaces == 5);
    REQUIRE(first->items[0].by_type.size() == 1);
    CHECK(first->items[0].by_type[0].space_type == 1);
}
