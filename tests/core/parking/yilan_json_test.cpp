// Reading Yilan's traffic-information parking API: one array with the car parks and their free
// spaces; X is the longitude, -1 is unknown, Updatetime may be null. Hand-made, in its shape.
#include <doctest/doctest.h>

#include "parking/yilan_json.h"

using namespace beitai;
using namespace beitai::parking;

namespace {

const char* kDocument = R"([
  {"ID": "YL001", "CName": "示範宜蘭轉運站停車場", "CAddress": "宜蘭縣宜蘭市示範路1號", "TotalCar": 120,
   "AvailableCar": 35, "X": 121.7530, "Y": 24.7570, "Updatetime": "2025-07-27T16:12:00"},
  {"ID": "YL002", "CName": "示範羅東停車場", "CAddress": null, "TotalCar": "80", "AvailableCar": -1,
   "X": "121.7700", "Y": "24.6770", "Updatetime": null},
  {"ID": 3, "CName": "示範礁溪停車場", "TotalCar": -1, "AvailableCar": "0", "X": 121.77, "Y": 24.83,
   "Updatetime": "2025/07/27 16:14:30"},
  {"ID": "YL004", "CName": "示範頭城停車場", "AvailableCar": 5, "X": 121.82, "Y": 24.86,
   "Updatetime": "2025-07-27T16:10:00+08:00", "Remark": {"anything": true}}
])";

}  // namespace

TEST_CASE("Yilan: one document gives the car parks and their availability; -1 and null are unknown") {
    auto doc = read_yilan_json(kDocument, "YilanCounty");
    REQUIRE_MESSAGE(doc, doc.error());
    const auto& parks = doc->car_parks;
    const auto& live = doc->availability;
    CHECK(parks.rejected.empty());
    CHECK(live.rejected.empty());
    REQUIRE(parks.car_parks.size() == 4);
    REQUIRE(live.items.size() == 4);
    // The document's time is its newest item's: 16:14:30 in Taiwan.
    CHECK(parks.updated_at == 1753604070LL);
    CHECK(live.updated_at == 1753604070LL);
    CHECK(live.update_time == "2025-07-27T16:14:30+08:00");

    const CarPark& a = parks.car_parks[0];
    CHECK(a.id == "YL001");
    CHECK(a.county == "YilanCounty");
    CHECK(a.name_zh == "示範宜蘭轉運站停車場");
    CHECK(a.address == "宜蘭縣宜蘭市示範路1號");
    CHECK(a.position.lat == 24.7570);  // Y
    CHECK(a.position.lon == 121.7530);  // X
    CHECK(a.total_spaces == 120);
    CHECK(a.live_data);
    const Availability& la = live.items[0];
    CHECK(la.car_park_id == "YL001");
    CHECK(la.total_spaces == 120);
    CHECK(la.available_spaces == 35);
    REQUIRE(la.by_type.size() == 1);
    CHECK(la.by_type[0] == SpaceCount{1, 120, 35});
    CHECK(la.collected == "2025-07-27T16:12:00+08:00");  // no offset: Taiwan time
    CHECK(la.collected_at == 1753603920LL);
    CHECK(la.service == Service::unknown);

    CHECK(parks.car_parks[1].address.empty());
    CHECK(parks.car_parks[1].position.lat == 24.6770);  // coordinates in strings
    CHECK(live.items[1].total_spaces == 80);
    CHECK_FALSE(live.items[1].available_spaces.has_value());  // -1: unknown, never zero
    CHECK(live.items[1].collected.empty());                   // Updatetime null: no data time
    CHECK_FALSE(live.items[1].collected_at.has_value());

    CHECK(parks.car_parks[2].id == "3");
    CHECK_FALSE(parks.car_parks[2].total_spaces.has_value());
    CHECK(live.items[2].available_spaces == 0);  // "0" is zero: full
    CHECK(live.items[3].collected_at == 1753603800LL);
}

TEST_CASE("Yilan: a bad record is refused by index and field, and left out of both lists") {
    const std::string good = R"({"ID": "@ID", "CName": "示範", "TotalCar": 10, "AvailableCar": 3, "X": 121.75, "Y": 24.75})";
    struct Case {
        const char* item;
        const char* message;
    } cases[] = {
        {R"({"ID": "S", "CName": "示範", "X": 24.757, "Y": 121.753})",
         "[7].X: X (longitude) 24.757, Y (latitude) 121.753 is outside Taiwan"},  // swapped
        {R"({"ID": "S", "CName": "示範", "X": "east", "Y": 24.75})", "[7].X: expected a coordinate, got \"east\""},
        {R"({"ID": "S", "CName": "示範", "Y": 24.75})", "[7].X: missing"},
        {R"({"ID": "S", "CName": "示範", "X": 121.75, "Y": 24.75, "AvailableCar": -9})", "[7].AvailableCar: expected a count, got -9"},
        {R"({"ID": "S", "CName": "示範", "X": 121.75, "Y": 24.75, "TotalCar": 1.5})", "[7].TotalCar: expected a count, got 1.5"},
        {R"({"ID": "S", "CName": "示範", "X": 121.75, "Y": 24.75, "Updatetime": "昨天"})",
         "[7].Updatetime: not a time from 1970 to 2199: \"昨天\""},
        {R"({"ID": "S", "CName": "示範", "X": 121.75, "Y": 24.75, "Updatetime": "2525-01-01 00:00:00"})",
         "[7].Updatetime: not a time from 1970 to 2199: \"2525-01-01 00:00:00\""},
        {R"({"CName": "示範", "X": 121.75, "Y": 24.75})", "[7].ID: missing"},
        {R"({"ID": "S", "CName": "", "X": 121.75, "Y": 24.75})", "[7].CName: empty"},
        {R"(null)", "[7]: expected an object, got null"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.item);
        std::string items;
        for (int i = 0; i < 20; ++i) {
            std::string item = i == 7 ? c.item : good;
            if (auto at = item.find("@ID"); at != std::string::npos) item.replace(at, 3, std::to_string(i));
            items += (i ? "," : "") + item;
        }
        auto doc = read_yilan_json("[" + items + "]", "YilanCounty");
        REQUIRE_MESSAGE(doc, doc.error());
        CHECK(doc->car_parks.car_parks.size() == 19);
        CHECK(doc->availability.items.size() == 19);
        REQUIRE(doc->car_parks.rejected.size() == 1);
        CHECK(doc->car_parks.rejected[0] == c.message);
        CHECK(doc->availability.rejected == doc->car_parks.rejected);
    }
}

TEST_CASE("Yilan: wrong shapes and garbage are refused whole; null and [] are empty") {
    for (auto [text_, message] : {
             std::pair{R"({"ID": "1"})", "expected a list of car parks, got {\"ID\":\"1\"}"},
             std::pair{R"("[]")", "expected a list of car parks, got \"[]\""},
             std::pair{R"([{"ID": "1", "CName": "a", "X": 0, "Y": 0}, {"ID": "2", "CName": "b", "X": 121.7, "Y": 24.7}])",
                       "1 of 2 items rejected, so the document is not taken; the first: [0].X: X (longitude) 0, Y (latitude) 0 is outside Taiwan"},
         }) {
        const std::string text = text_;  // a plain variable: CAPTURE's lambda cannot take a binding
        CAPTURE(text);
        auto doc = read_yilan_json(text, "YilanCounty");
        REQUIRE_FALSE(doc);
        CHECK(doc.error() == message);
    }
    CHECK_FALSE(read_yilan_json(R"([{"ID": "1",)", "YilanCounty"));
    for (const char* text : {"null", "[]"}) {
        auto doc = read_yilan_json(text, "YilanCounty");
        REQUIRE_MESSAGE(doc, doc.error());
        CHECK(doc->car_parks.car_parks.empty());
        CHECK_FALSE(doc->availability.updated_at.has_value());
    }
    ReadLimits small;
    small.max_items = 1;
    auto many = read_yilan_json(R"([{}, {}])", "YilanCounty", small);
    REQUIRE_FALSE(many);
    CHECK(many.error() == "the list: 2 items, more than the limit of 1");
}
