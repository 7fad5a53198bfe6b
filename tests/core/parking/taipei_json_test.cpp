// Reading Taipei's own parking documents (TCMSV_alldesc, TCMSV_allavailable): hand-made in the
// shape the city's files have, with the quirks its readers must take — TWD97 positions as
// strings, Xcod as latitude, -9 as no data, Java times in CST. Telephone numbers are made up.
#include <doctest/doctest.h>

#include <cmath>

#include "parking/taipei_json.h"

using namespace beitai;
using namespace beitai::parking;

namespace {

// (307000, 2769500) in TWD97 TM2 is 25.0325341628 N, 121.5648348357 E (PROJ's cs2cs, see
// tests/core/geo/twd97_test.cpp).
const char* kAllDesc = R"({"data": {"UPDATETIME": "Sun Jul 27 16:12:00 CST 2025", "park": [
  {"id": "001", "area": "信義區", "name": "示範市政府停車場", "type": "1", "summary": "示範用",
   "address": "臺北市信義區示範路1號", "tel": "02-0000-0000", "payex": "小型車每小時40元",
   "serviceTime": "00:00:00~23:59:59", "tw97x": "307000.0000", "tw97y": "2769500.0000", "totalcar": 120,
   "totalmotor": 40, "totalbike": 0, "FareInfo": {"WorkingDay": [{"Period": "00~24", "Fare": "40"}]},
   "EntranceCoord": {"EntrancecoordInfo": [{"Xcod": "25.0330", "Ycod": "121.5660", "Address": "示範路口"}]}},
  {"id": "002", "name": "示範公園地下停車場", "tw97x": 307000, "tw97y": 2769500, "totalcar": "85", "FareInfo": "NULL"},
  {"id": "003", "name": "示範入口定位停車場", "tw97x": "", "tw97y": "", "totalcar": -9,
   "EntranceCoord": {"EntrancecoordInfo": [{"Xcod": "25.0478", "Ycod": "121.5170"}]}},
  {"id": "004", "name": "示範座標錯誤停車場", "tw97x": "abc", "tw97y": "2769500",
   "EntranceCoord": {"EntrancecoordInfo": {"Xcod": 25.06, "Ycod": 121.52}}},
  {"id": "005", "name": "示範座標為零停車場", "tw97x": "0", "tw97y": "0",
   "EntranceCoord": {"EntrancecoordInfo": [{"Xcod": "25.07", "Ycod": "121.53"}, {"Xcod": "1", "Ycod": "2"}]}}
]}})";

const char* kAllAvailable = R"({"data": {"UPDATETIME": "Sun Jul 27 16:12:00 CST 2025", "park": [
  {"id": "001", "availablecar": 12, "availablemotor": 30, "availablebus": 0,
   "ChargeStation": {"scoketStatusList": [{"spot_abrv": "A01", "spot_status": "充電中"}]}},
  {"id": "002", "availablecar": -9, "availablemotor": -9},
  {"id": "003", "availablecar": "7"},
  {"id": "004", "availablecar": "-9", "availablemotor": "0", "ChargeStation": "none"},
  {"id": 5, "availablecar": 0}
]}})";

constexpr long long kUpdated = 1753603920;  // 2025-07-27T16:12:00+08:00

std::string items_with(int n, int bad, const std::string& bad_item, const std::string& good_item) {
    std::string out;
    for (int i = 0; i < n; ++i) {
        std::string item = i == bad ? bad_item : good_item;
        const auto at = item.find("@ID");
        if (at != std::string::npos) item.replace(at, 3, "P" + std::to_string(i));
        out += (i ? "," : "") + item;
    }
    return out;
}

}  // namespace

TEST_CASE("Taipei car parks: TWD97 strings or numbers, the entrance when they fail, -9 unknown") {
    auto list = read_taipei_car_parks_json(kAllDesc, "Taipei");
    REQUIRE_MESSAGE(list, list.error());
    CHECK(list->rejected.empty());
    CHECK(list->updated_at == kUpdated);
    CHECK(list->update_time == "2025-07-27T16:12:00+08:00");  // kept as TDX JSON, it reads back with its time
    REQUIRE(list->car_parks.size() == 5);

    const CarPark& a = list->car_parks[0];
    CHECK(a.id == "001");
    CHECK(a.county == "Taipei");
    CHECK(a.name_zh == "示範市政府停車場");
    CHECK(a.address == "臺北市信義區示範路1號");
    CHECK(a.fare == "小型車每小時40元");
    CHECK(a.total_spaces == 120);
    CHECK(a.live_data);
    CHECK(a.type == 255);
    // From tw97x/tw97y, not from the entrance (which is 100 m away).
    CHECK(std::fabs(a.position.lat - 25.0325341628) < 1e-9);
    CHECK(std::fabs(a.position.lon - 121.5648348357) < 1e-9);

    const CarPark& b = list->car_parks[1];  // numbers, not strings; a count in a string
    CHECK(std::fabs(b.position.lat - 25.0325341628) < 1e-9);
    CHECK(b.total_spaces == 85);

    const CarPark& c = list->car_parks[2];  // no tw97: the entrance, Xcod the latitude
    CHECK(c.position.lat == doctest::Approx(25.0478));
    CHECK(c.position.lon == doctest::Approx(121.5170));
    CHECK_FALSE(c.total_spaces.has_value());  // -9: no data, not zero

    const CarPark& d = list->car_parks[3];  // tw97x not a number: the entrance, given bare
    CHECK(d.position.lat == doctest::Approx(25.06));
    CHECK(d.position.lon == doctest::Approx(121.52));

    const CarPark& e = list->car_parks[4];  // tw97 (0, 0) is off Taiwan: the first entrance
    CHECK(e.position.lat == doctest::Approx(25.07));
    CHECK(e.position.lon == doctest::Approx(121.53));
}

TEST_CASE("Taipei car parks: a bad record is refused by index and field, the rest are taken") {
    const std::string good =
        R"({"id": "@ID", "name": "示範停車場", "tw97x": "304533.5659", "tw97y": "2767436.0048", "totalcar": 10})";
    struct Case {
        const char* item;
        const char* message;
    } cases[] = {
        {R"({"id": "X", "name": "示範", "tw97x": "abc", "tw97y": "2767436"})",
         "park[12].tw97x: not a number: \"abc\", and no EntranceCoord in Taiwan to place it by"},
        {R"({"id": "X", "name": "示範"})", "park[12].tw97x: missing, and no EntranceCoord in Taiwan to place it by"},
        {R"({"id": "X", "name": "示範", "tw97x": "304533.5", "tw97y": null})",
         "park[12].tw97y: missing, and no EntranceCoord in Taiwan to place it by"},
        {R"({"id": "X", "name": "示範", "tw97x": 1e300, "tw97y": 2767436,
             "EntranceCoord": {"EntrancecoordInfo": [{"Xcod": "121.52", "Ycod": "25.06"}]}})",
         "park[12].tw97x: (1e+300, 2767436) is not a TWD97 TM2 position in Taiwan, and no EntranceCoord in Taiwan to place it by"},
        {R"({"id": "X", "name": "示範", "tw97x": "304533.5659", "tw97y": "2767436.0048", "totalcar": "many"})",
         "park[12].totalcar: expected a count, got \"many\""},
        {R"({"id": "X", "name": "示範", "tw97x": "304533.5659", "tw97y": "2767436.0048", "totalcar": -3})",
         "park[12].totalcar: expected a count, got -3"},
        {R"({"name": "示範", "tw97x": "304533.5659", "tw97y": "2767436.0048"})", "park[12].id: missing"},
        {R"({"id": "X", "name": {"zh": "示範"}, "tw97x": "304533.5659", "tw97y": "2767436.0048"})",
         "park[12].name: expected text, got {\"zh\":\"示範\"}"},
        {R"("a string")", "park[12]: expected an object, got \"a string\""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.item);
        const std::string doc = R"({"data": {"UPDATETIME": "Sun Jul 27 16:12:00 CST 2025", "park": [)" +
                                items_with(20, 12, c.item, good) + "]}}";
        auto list = read_taipei_car_parks_json(doc, "Taipei");
        REQUIRE_MESSAGE(list, list.error());
        CHECK(list->car_parks.size() == 19);
        REQUIRE(list->rejected.size() == 1);
        CHECK(list->rejected[0] == c.message);
    }
}

TEST_CASE("Taipei availability: -9 is no data, counts in strings, ChargeStation of any shape, CST times") {
    auto list = read_taipei_availability_json(kAllAvailable);
    REQUIRE_MESSAGE(list, list.error());
    CHECK(list->rejected.empty());
    CHECK(list->updated_at == kUpdated);
    REQUIRE(list->items.size() == 5);

    const Availability& a = list->items[0];
    CHECK(a.car_park_id == "001");
    CHECK(a.available_spaces == 12);
    REQUIRE(a.by_type.size() == 2);
    CHECK(a.by_type[0] == SpaceCount{1, std::nullopt, 12});
    CHECK(a.by_type[1] == SpaceCount{2, std::nullopt, 30});
    CHECK(a.service == Service::unknown);
    CHECK(a.fullness == Fullness::unknown);
    CHECK(a.collected == "2025-07-27T16:12:00+08:00");  // the document's time is every item's
    CHECK(a.collected_at == kUpdated);

    const Availability& b = list->items[1];
    CHECK_FALSE(b.available_spaces.has_value());  // -9: no data, never zero
    CHECK(b.by_type[1] == SpaceCount{2, std::nullopt, std::nullopt});

    CHECK(list->items[2].available_spaces == 7);
    CHECK(list->items[2].by_type.size() == 1);  // no availablemotor: no scooter entry
    CHECK_FALSE(list->items[3].available_spaces.has_value());  // "-9" in a string
    CHECK(list->items[3].by_type[1].available == 0);           // zero is zero
    CHECK(list->items[4].car_park_id == "5");
    CHECK(list->items[4].available_spaces == 0);
}

TEST_CASE("Taipei availability: bad records by index and field; a time that does not read is no time") {
    const std::string good = R"({"id": "@ID", "availablecar": 3})";
    for (auto [item_, message] : {std::pair{R"({"id": "X", "availablecar": -3})", "park[4].availablecar: expected a count, got -3"},
                                 std::pair{R"({"id": "X", "availablecar": 5, "availablemotor": true})",
                                           "park[4].availablemotor: expected a count, got true"},
                                 std::pair{R"({"availablecar": 5})", "park[4].id: missing"}}) {
        const std::string item = item_;  // a plain variable: CAPTURE's lambda cannot take a binding
        CAPTURE(item);
        auto list = read_taipei_availability_json(R"({"data": {"UPDATETIME": "2025-07-27 16:12:00", "park": [)" +
                                                  items_with(10, 4, item, good) + "]}}");
        REQUIRE_MESSAGE(list, list.error());
        CHECK(list->items.size() == 9);
        REQUIRE(list->rejected.size() == 1);
        CHECK(list->rejected[0] == message);
        CHECK(list->updated_at == kUpdated);  // no offset: Taiwan time
    }
    auto untimed = read_taipei_availability_json(R"({"data": {"UPDATETIME": "Sun Jul 27 16:12:00 EST 2025", "park": [{"id": "1", "availablecar": 2}]}})");
    REQUIRE_MESSAGE(untimed, untimed.error());
    CHECK(untimed->update_time == "Sun Jul 27 16:12:00 EST 2025");  // as sent
    CHECK_FALSE(untimed->updated_at.has_value());
    CHECK(untimed->items[0].collected.empty());
    CHECK_FALSE(untimed->items[0].collected_at.has_value());
}

TEST_CASE("Taipei documents: wrong shapes and garbage are refused whole; an empty one is empty") {
    for (auto [doc_, message] : {
             std::pair{R"([1, 2])", "expected an object {\"data\": {\"park\": [...]}}, got [1,2]"},
             std::pair{R"({"data": []})", "data: expected an object with \"park\", got []"},
             std::pair{R"({"data": {"UPDATETIME": "x"}})", "no \"park\" in data"},
             std::pair{R"({"result": {}})", "no \"data\" in the document"},
             std::pair{R"({"data": {"park": {"id": "1"}}})", "park: expected a list, got {\"id\":\"1\"}"},
             std::pair{R"({"data": {"park": [{"id": "1", "availablecar": {}}, {"id": "2", "availablecar": "x"}]}})",
                       "2 of 2 items rejected, so the document is not taken; the first: park[0].availablecar: expected a count, got {}"},
         }) {
        const std::string doc = doc_;  // a plain variable: CAPTURE's lambda cannot take a binding
        CAPTURE(doc);
        auto list = read_taipei_availability_json(doc);
        REQUIRE_FALSE(list);
        CHECK(list.error() == message);
    }
    CHECK_FALSE(read_taipei_car_parks_json(R"({"data": {"park": [)", "Taipei"));
    auto parks = read_taipei_car_parks_json(R"({"data": {"park": [{"id": "1", "name": "a"}, {"id": "2", "name": "b"}]}})", "Taipei");
    REQUIRE_FALSE(parks);
    CHECK(parks.error().find("2 of 2 items rejected") == 0);

    // The inside alone is taken too; "park": null is an empty document.
    auto inner = read_taipei_availability_json(R"({"UPDATETIME": "Sun Jul 27 16:12:00 CST 2025", "park": [{"id": "1", "availablecar": 4}]})");
    REQUIRE_MESSAGE(inner, inner.error());
    CHECK(inner->items.size() == 1);
    auto empty = read_taipei_car_parks_json(R"({"data": {"UPDATETIME": "Sun Jul 27 16:12:00 CST 2025", "park": null}})", "Taipei");
    REQUIRE_MESSAGE(empty, empty.error());
    CHECK(empty->car_parks.empty());
    CHECK(empty->updated_at == kUpdated);

    ReadLimits small;
    small.max_items = 3;
    auto many = read_taipei_availability_json(R"({"data": {"park": [{"id": "1"}, {"id": "2"}, {"id": "3"}, {"id": "4"}]}})", small);
    REQUIRE_FALSE(many);
    CHECK(many.error() == "park: 4 items, more than the limit of 3");
}
