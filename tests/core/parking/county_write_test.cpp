// Writing the counties' own formats (what the feed simulator serves), read back with their
// readers: Yilan's equal, Taipei's equal but for positions through the TWD97 grid (within
// 1e-8 degrees, about a millimetre).
#include <doctest/doctest.h>

#include <cmath>

#include "parking/county_write.h"
#include "parking/taipei_json.h"
#include "parking/yilan_json.h"
#include "text/json_reader.h"

using namespace beitai;
using namespace beitai::parking;

namespace {

CarParkList sample_parks(const std::string& county) {
    CarParkList list;
    list.updated_at = 1753603920;  // 2025-07-27T16:12:00+08:00
    list.update_time = "2025-07-27T16:12:00+08:00";
    CarPark a;
    a.id = "P1";
    a.county = county;
    a.name_zh = "示範停車場 \"一\"";
    a.address = "示範路1號";
    a.fare = "每小時30元";
    a.position = {25.0478, 121.5170};
    a.live_data = true;
    a.total_spaces = 120;
    CarPark b = a;
    b.id = "P2";
    b.name_zh = "示範停車場二";
    b.address.clear();
    b.fare.clear();
    b.position = {24.7570, 121.7530};
    b.total_spaces.reset();
    list.car_parks = {a, b};
    return list;
}

}  // namespace

TEST_CASE("Taipei written: TCMSV's shape, Java time, -9 for unknown; read back the same") {
    const CarParkList parks = sample_parks("Taipei");
    const std::string text = to_taipei_json(parks);
    auto json = text::parse_json_text(text, "written");
    REQUIRE(json);
    CHECK((*json)["data"]["UPDATETIME"] == "Sun Jul 27 16:12:00 CST 2025");
    const auto& first = (*json)["data"]["park"][0];
    CHECK(first["tw97x"].is_string());
    CHECK(first["EntranceCoord"]["EntrancecoordInfo"][0]["Xcod"] == "25.047800");  // latitude
    CHECK((*json)["data"]["park"][1]["totalcar"] == -9);

    auto back = read_taipei_car_parks_json(text, "Taipei");
    REQUIRE_MESSAGE(back, back.error());
    CHECK(back->rejected.empty());
    REQUIRE(back->car_parks.size() == 2);
    for (size_t i = 0; i < 2; ++i) {
        CAPTURE(i);
        CHECK(std::fabs(back->car_parks[i].position.lat - parks.car_parks[i].position.lat) < 1e-8);
        CHECK(std::fabs(back->car_parks[i].position.lon - parks.car_parks[i].position.lon) < 1e-8);
        CarPark same = back->car_parks[i];
        same.position = parks.car_parks[i].position;
        CHECK(same == parks.car_parks[i]);
    }
    CHECK(back->updated_at == parks.updated_at);
    CHECK(back->update_time == parks.update_time);

    AvailabilityList live;
    live.updated_at = parks.updated_at;
    live.update_time = parks.update_time;
    Availability x;
    x.car_park_id = "P1";
    x.available_spaces = 12;
    x.by_type = {{1, std::nullopt, 12}, {2, std::nullopt, std::nullopt}};
    x.collected = parks.update_time;
    x.collected_at = parks.updated_at;
    Availability y = x;
    y.car_park_id = "P2";
    y.available_spaces.reset();
    y.by_type = {{1, std::nullopt, std::nullopt}};
    live.items = {x, y};
    const std::string live_text = to_taipei_json(live);
    CHECK(live_text.find(R"("availablemotor":-9)") != std::string::npos);
    auto live_back = read_taipei_availability_json(live_text);
    REQUIRE_MESSAGE(live_back, live_back.error());
    CHECK(*live_back == live);
}

TEST_CASE("Yilan written: one item per car park with its availability; read back the same") {
    CarParkList parks = sample_parks("YilanCounty");
    for (auto& c : parks.car_parks) c.fare.clear();  // Yilan publishes no fares
    AvailabilityList live;
    Availability a;
    a.car_park_id = "P1";
    a.total_spaces = 120;
    a.available_spaces = 0;
    a.collected_at = 1753603920;
    a.collected = "2025-07-27T16:12:00+08:00";
    live.items = {a};
    const std::string text = to_yilan_json(parks, live);
    auto json = text::parse_json_text(text, "written");
    REQUIRE(json);
    REQUIRE(json->size() == 2);
    CHECK((*json)[0]["Updatetime"] == "2025/07/27 16:12:00");
    CHECK((*json)[0]["X"] == 121.5170);
    CHECK((*json)[1]["AvailableCar"] == -1);  // no availability: unknown
    CHECK((*json)[1]["TotalCar"] == -1);
    CHECK((*json)[1]["Updatetime"].is_null());

    auto back = read_yilan_json(text, "YilanCounty");
    REQUIRE_MESSAGE(back, back.error());
    CHECK(back->car_parks.car_parks == parks.car_parks);
    REQUIRE(back->availability.items.size() == 2);
    CHECK(back->availability.items[0].available_spaces == 0);
    CHECK(back->availability.items[0].collected_at == a.collected_at);
    CHECK_FALSE(back->availability.items[1].available_spaces.has_value());
    // What the reader took, written again, reads to the same.
    auto again = read_yilan_json(to_yilan_json(back->car_parks, back->availability), "YilanCounty");
    REQUIRE_MESSAGE(again, again.error());
    CHECK(again->car_parks == back->car_parks);
    CHECK(again->availability == back->availability);
}
