// Levels (the number decides, then FullStatus) and freshness.
#include <doctest/doctest.h>

#include "live.h"
#include "parking/levels.h"

using namespace beitai;
using namespace beitai::parking;
using beitai::testing::live;

TEST_CASE("levels: the number decides, then FullStatus; closed wins; no data is unknown") {
    CHECK(level_of(nullptr) == Level::unknown);
    Availability a = live(0, 100);
    CHECK(level_of(&a) == Level::full);
    a = live(10, 100);  // at most max(10, 10 % of 100) free
    CHECK(level_of(&a) == Level::few);
    a = live(11, 100);
    CHECK(level_of(&a) == Level::plenty);
    a = live(150, 2000);  // 10 % of 2,000 is 200
    CHECK(level_of(&a) == Level::few);
    a = live(201, 2000);
    CHECK(level_of(&a) == Level::plenty);
    a = live(3, std::nullopt);
    CHECK(level_of(&a) == Level::few);
    a = live(std::nullopt, 100, Service::open, Fullness::nearly_full);
    CHECK(level_of(&a) == Level::few);
    a = live(std::nullopt, 100, Service::open, Fullness::overcrowded);
    CHECK(level_of(&a) == Level::full);
    a = live(std::nullopt, 100, Service::open, Fullness::space);
    CHECK(level_of(&a) == Level::plenty);
    a = live(std::nullopt, 100);  // unknown count, unknown status: unknown, not empty
    CHECK(level_of(&a) == Level::unknown);
    a = live(50, 100, Service::suspended);
    CHECK(level_of(&a) == Level::closed);
    a = live(50, 100, Service::resting);
    CHECK(level_of(&a) == Level::closed);
    LevelThresholds strict;
    strict.few_spaces = 60;
    a = live(50, 100);
    CHECK(level_of(&a, strict) == Level::few);
    for (Level l : {Level::plenty, Level::few, Level::full, Level::closed, Level::unknown})
        CHECK(parse_level(level_id(l)) == l);
    CHECK_FALSE(parse_level("empty").has_value());
}

TEST_CASE("freshness: age from the data's own time, never younger than the fetch; stale past the limit") {
    const std::int64_t now = 1714538400;
    auto f = freshness_of(now - 100, now - 30, now, 300);
    CHECK(f.age_s == 100);
    CHECK_FALSE(f.stale);
    f = freshness_of(now - 301, now - 5, now, 300);
    CHECK(f.stale);
    // A server clock ahead of ours does not make old fetches fresh.
    f = freshness_of(now + 3600, now - 400, now, 300);
    CHECK(f.age_s == 400);
    CHECK(f.stale);
    f = freshness_of(std::nullopt, now - 20, now, 300);
    CHECK(f.age_s == 20);
    f = freshness_of(std::nullopt, std::nullopt, now, 300);
    CHECK_FALSE(f.age_s.has_value());
    CHECK(f.stale);
}
