// The rate limiter the raffle's writes pass (site/http/rate_limiter.h): a limit per key in a
// sliding window, the wait it reports, keys kept apart, and a table that cannot grow without
// bound under a flood of new keys.
#include <doctest/doctest.h>

#include <string>

#include "http/rate_limiter.h"

using beitai::site::RateLimiter;

TEST_CASE("a key gets its limit within the window, then waits until its oldest attempt ages out") {
    RateLimiter limiter(3, 600);
    CHECK(limiter.allow("p1", 1000));
    CHECK(limiter.allow("p1", 1010));
    CHECK(limiter.allow("p1", 1020));
    CHECK_FALSE(limiter.allow("p1", 1030));
    CHECK(limiter.retry_after("p1", 1030) == 570);  // the attempt at 1000 leaves the window at 1600
    CHECK_FALSE(limiter.allow("p1", 1599));
    CHECK(limiter.allow("p1", 1600));
    CHECK_FALSE(limiter.allow("p1", 1601));  // 1010, 1020 and 1600 are still in the window
}

TEST_CASE("a refused attempt is not counted, and keys are kept apart") {
    RateLimiter limiter(1, 60);
    CHECK(limiter.allow("a", 100));
    for (int i = 0; i < 10; ++i) CHECK_FALSE(limiter.allow("a", 101 + i));
    CHECK(limiter.allow("a", 160));  // refusals did not push the window on
    CHECK(limiter.allow("b", 101));
    CHECK(limiter.retry_after("c", 101) == 0);
}

TEST_CASE("a flood of new keys fills the table to its bound, then newcomers are refused until it ages out") {
    RateLimiter limiter(5, 60);
    size_t allowed = 0;
    for (size_t i = 0; i < RateLimiter::kMaxKeys; ++i) allowed += limiter.allow("k" + std::to_string(i), 1000);
    REQUIRE(allowed == RateLimiter::kMaxKeys);
    CHECK_FALSE(limiter.allow("newcomer", 1001));
    CHECK(limiter.allow("k7", 1001));  // a key already known is still served
    // A window later the old keys are swept and a newcomer gets in.
    CHECK(limiter.allow("newcomer", 1000 + 60 + 1));
}
