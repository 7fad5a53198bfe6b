// The parking API's shared field rules (api_fields.cpp): the words for service and fullness,
// and the reader that keeps the first problem with its path.
#include <doctest/doctest.h>

#include "parking/api_fields.h"

using namespace beitai;
using namespace beitai::parking;

TEST_CASE("the API's words for service and fullness; unknown has none (null on the wire)") {
    CHECK(std::string(api::service_id(Service::off_hours)) == "off_hours");
    CHECK(std::string(api::fullness_id(Fullness::nearly_full)) == "nearly_full");
    CHECK(api::service_id(Service::unknown) == nullptr);
    CHECK(api::fullness_id(Fullness::unknown) == nullptr);
    CHECK(api::or_null(api::service_id(Service::unknown)).is_null());
    CHECK(api::time_or_null(1714538400) == "2024-05-01T12:40:00+08:00");
}

TEST_CASE("the API reader: counts from 0, times from 1970 to 2199, ages from 0; the first problem is kept") {
    const auto node = text::Json::parse(
        R"({"available": 7, "unknown": null, "total": -1, "at": "2300-01-01T00:00:00Z", "age_s": -5, "stale": true})");
    api::Reader r{node, "car_parks[2]", {}};
    CHECK(r.count("available") == 7);
    CHECK_FALSE(r.count("unknown").has_value());
    CHECK(r.problem.empty());
    CHECK_FALSE(r.count("total").has_value());
    CHECK(r.problem == "car_parks[2].total: expected a count from 0, got -1");
    CHECK_FALSE(r.time("at").has_value());
    CHECK(r.problem == "car_parks[2].total: expected a count from 0, got -1");

    api::Reader times{node, "feeds[0]", {}};
    CHECK_FALSE(times.time("at").has_value());
    CHECK(times.problem == "feeds[0].at: not an ISO 8601 time from 1970 to 2199: \"2300-01-01T00:00:00Z\"");

    api::Reader ages{node, "feeds[1]", {}};
    const auto sent = ages.freshness(1714538400);
    CHECK_FALSE(sent.freshness.age_s.has_value());
    CHECK(sent.freshness.stale);
    CHECK(ages.problem == "feeds[1].age_s: expected seconds from 0, got -5");
}
