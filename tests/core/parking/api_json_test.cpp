// The parking API's JSON: what the server writes, the browser reads back into the same
// snapshot, and the live stream's events carry the browser from one snapshot to the next.
#include <doctest/doctest.h>

#include "parking/api_json.h"
#include "parking/sample_counties.h"

using namespace beitai;
using namespace beitai::parking;
using namespace beitai::parking::sample;

TEST_CASE("GET /api/parking's JSON says level, free spaces (null when unknown), age and staleness") {
    ParkingSnapshot snap({county("Taipei", 40), county("Keelung", 0)});
    auto json = parking_json(snap, {0, 1, 2, 3}, kNow);
    CHECK(json["sample"] == true);
    CHECK(json["now"] == "2024-05-01T12:40:00+08:00");
    CHECK(json["count"] == 4);
    const auto& first = json["car_parks"][0];
    CHECK(first["key"] == "Taipei/Tai-0");
    CHECK(first["level"] == "plenty");
    CHECK(first["available"] == 40);
    CHECK(first["age_s"] == 60);
    CHECK(first["stale"] == false);
    const auto& second = json["car_parks"][1];
    CHECK(second["available"].is_null());  // unknown, not zero
    CHECK(second["level"] == "few");       // from FullStatus 車位將滿
    CHECK(second["stale"] == true);        // collected 10 minutes ago, limit 5
    const auto& third = json["car_parks"][2];
    CHECK(third["live"] == false);
    CHECK(third["level"] == "unknown");
    CHECK(third["age_s"] == 20);
    CHECK(json["car_parks"][3]["level"] == "full");
    REQUIRE(json["feeds"].size() == 2);
    CHECK(json["feeds"][0]["county"] == "Taipei");
    CHECK(json["feeds"][0]["age_s"] == 25);
    CHECK(json["feeds"][0]["last_success"] == "2024-05-01T12:39:40+08:00");

    auto near = near_json(snap, snap.nearest_with_space({25.0, 121.5}, 5, 50000), {25.0, 121.5}, kNow);
    // Both counties' second car parks have few spaces; Keelung's first, at the point itself, is full.
    REQUIRE(near["car_parks"].size() == 3);
    CHECK(near["car_parks"][0]["key"] == "Taipei/Tai-0");
    CHECK(near["car_parks"][0]["distance_m"] == 0);
    CHECK(near["car_parks"][1]["distance_m"] == 1501);  // 0.01° north (1,112 m) and east (1,008 m) of it
    for (const auto& c : near["car_parks"]) CHECK(c["key"] != "Keelung/Kee-0");
}

TEST_CASE("the browser reads /api/parking back into the same snapshot, and events carry it forward") {
    ParkingSnapshot before({county("Taipei", 40), county("Keelung", 0)});
    const auto served = parking_json(before, {0, 1, 2, 3, 4, 5}, kNow);
    auto sent = read_parking_json(served);
    REQUIRE_MESSAGE(sent, sent.error());
    ParkingSnapshot rebuilt = sent->snapshot();
    CHECK(parking_json(rebuilt, {0, 1, 2, 3, 4, 5}, kNow) == served);

    // Keelung's first car park gets space; the event moves the browser's copy along.
    auto next_counties = std::vector<CountyParking>{county("Taipei", 40), county("Keelung", 7)};
    next_counties[1].status.last_success_at = kNow + 5;
    ParkingSnapshot after(next_counties);
    auto changes = diff(before, after);
    REQUIRE(changes.changed.size() == 1);
    CHECK(changes.feeds_changed);
    auto event = changes_json(after, changes, kNow + 5);
    CHECK(event["changed"][0]["level"] == "few");
    REQUIRE(apply_changes_json(*sent, event));
    CHECK(parking_json(sent->snapshot(), {0, 1, 2, 3, 4, 5}, kNow + 5) ==
          parking_json(after, {0, 1, 2, 3, 4, 5}, kNow + 5));

    CHECK(read_parking_json(text::Json::parse(R"({"feeds": [], "car_parks": [{"id": "x"}]})")).error() ==
          "car_parks[0].county: expected text");
    CHECK(read_parking_json(text::Json::parse(R"({"feeds": [{"county": "Taipei", "last_success": "soon"}], "car_parks": []})"))
              .error() == "feeds[0].last_success: not an ISO 8601 time from 1970 to 2199: \"soon\"");
    // What the fuzzer found (tests/fuzz/regressions/fuzz_parking_api): an empty id, a negative
    // count, a time that cannot be written back in four-digit years.
    CHECK(read_parking_json(text::Json::parse(R"({"feeds": [{"county": "Taipei"}], "car_parks": [{"id": "", "county": "Taipei", "name": "N", "lat": 25, "lon": 121}]})"))
              .error() == "car_parks[0].id: empty");
    CHECK(read_parking_json(text::Json::parse(R"({"feeds": [{"county": "Taipei"}], "car_parks": [
              {"id": "A", "county": "Taipei", "name": "N", "lat": 25, "lon": 121},
              {"id": "A", "county": "Taipei", "name": "M", "lat": 25, "lon": 121}]})"))
              .error() == "car_parks[1]: Taipei/A is listed twice");
    CHECK(read_parking_json(text::Json::parse(R"({"feeds": [{"county": "Taipei"}], "car_parks": [{"id": "A", "county": "Taipei", "name": "N", "lat": 25, "lon": 121, "live": true, "available": -1}]})"))
              .error() == "car_parks[0].available: expected a count from 0, got -1");
    CHECK(read_parking_json(text::Json::parse(R"({"feeds": [{"county": "Taipei", "last_success": "9999-12-31T23:59:59-14:00"}], "car_parks": []})"))
              .error()
              .find("feeds[0].last_success: not an ISO 8601 time from 1970 to 2199") == 0);
}

TEST_CASE("the browser keeps the level and staleness the server sent, and only lets time pass on them") {
    ParkingSnapshot served_from({county("Taipei", 40)});
    auto served = parking_json(served_from, {0, 1, 2}, kNow);
    // The server's word differs from what the browser's own rules would say: it is kept.
    served["car_parks"][0]["level"] = "full";
    served["car_parks"][0]["stale"] = true;
    served["feeds"][0]["stale"] = true;
    auto sent = read_parking_json(served);
    REQUIRE_MESSAGE(sent, sent.error());
    CHECK(sent->now == kNow);
    const ParkingSnapshot snap = sent->snapshot();
    const auto& first = snap.car_parks()[0];
    CHECK(first.level == Level::full);
    CHECK(snap.freshness(first, kNow).stale);
    CHECK(*snap.freshness(first, kNow).age_s == 60);
    CHECK(feed_freshness(snap.feeds()[0], kNow).stale);
    // Time passes: the fresh car park with live data grows stale past the limit (300 s).
    auto later = read_parking_json(parking_json(served_from, {0}, kNow));
    REQUIRE(later);
    const auto& fresh = later->car_parks[0];
    CHECK_FALSE(later->snapshot().freshness(fresh, kNow + 200).stale);
    CHECK(*later->snapshot().freshness(fresh, kNow + 200).age_s == 260);
    CHECK(later->snapshot().freshness(fresh, kNow + 241).stale);
    // An unknown level is refused, and so is a body without the time it was written.
    auto bad = served;
    bad["car_parks"][1]["level"] = "some";
    CHECK(read_parking_json(bad).error() == "car_parks[1].level: expected plenty, few, full, closed or unknown, got \"some\"");
    bad = served;
    bad.erase("now");
    CHECK(read_parking_json(bad).error() == "now: expected the time it was written");
}
