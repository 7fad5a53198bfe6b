// The feeds' status on the wire: GET /api/parking/feeds written and read back, and the same
// list in /api/parking.
#include <doctest/doctest.h>

#include "parking/api_json.h"
#include "parking/feeds_json.h"
#include "parking/sample_counties.h"

using namespace beitai;
using namespace beitai::parking;
using namespace beitai::parking::sample;

TEST_CASE("the feeds' status: GET /api/parking/feeds reads back to what was written") {
    CountyParking keelung_county = county("Keelung", 0);
    FeedStatus& keelung = keelung_county.status;
    keelung.last_error = "HTTP 500 \"bad\"";
    keelung.last_error_at = kNow - 3;
    keelung.consecutive_failures = 4;
    keelung.breaker_open = true;
    keelung.next_attempt_at = kNow + 60;
    keelung.rejected_items = 2;
    ParkingSnapshot snap({county("Taipei", 40), keelung_county});
    const auto written = feeds_json(snap, kNow);
    CHECK(written["feeds"][1]["breaker_open"] == true);
    auto read = read_feeds_json(written);
    REQUIRE_MESSAGE(read, read.error());
    CHECK(read->sample);
    CHECK(read->now == kNow);
    REQUIRE(read->feeds.size() == 2);
    CHECK(read->feeds[1].last_error == "HTTP 500 \"bad\"");
    CHECK(read->feeds[1].next_attempt_at == kNow + 60);
    CHECK(feed_list_json(read->feeds, kNow) == written["feeds"]);
    // The list in /api/parking and in the stream's events is the same list.
    CHECK(parking_json(snap, {}, kNow)["feeds"] == written["feeds"]);
    CHECK(read_feeds_json(text::Json::parse(R"({"now": "2024-05-01T12:40:00+08:00", "feeds": [{"county": "Taipei", "age_s": -5}]})"))
              .error() == "feeds[0].age_s: expected seconds from 0, got -5");
    CHECK(read_feeds_json(text::Json::parse(R"({"feeds": []})")).error() == "now: expected the time it was written");
}
