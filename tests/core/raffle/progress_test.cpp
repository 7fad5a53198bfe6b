// raffle/progress: where a participant stands, which sites to try next, and who is in a draw.
#include <doctest/doctest.h>

#include <cstdint>

#include "fixture.h"
#include "raffle/progress.h"

using namespace beitai;
using namespace beitai::raffle;
using fixture::at;

TEST_CASE("progress counts counties of counted check-ins in time order; held and photos wait") {
    const std::vector<OwnCheckin> mine = {
        {"site-kl", at("2026-10-06T10:00:00+08:00"), CheckinState::counted},
        {"site-tp", at("2026-10-05T10:00:00+08:00"), CheckinState::counted},
        {"site-yl", at("2026-10-07T10:00:00+08:00"), CheckinState::held},
        {"site-ntp", at("2026-10-08T10:00:00+08:00"), CheckinState::photo_pending},
        {"site-hc", at("2026-10-09T10:00:00+08:00"), CheckinState::refused},
    };
    const auto p = progress_of(fixture::campaign(), fixture::places(), mine);
    CHECK(p.counties_done == std::vector<std::string>{"Taipei", "Keelung"});
    CHECK(p.sites_counted == std::vector<std::string>{"site-tp", "site-kl"});
    CHECK(p.sites_waiting == std::vector<std::string>{"site-yl", "site-ntp"});
    CHECK(p.needed == 3);
    CHECK_FALSE(p.eligible);

    auto three = mine;
    three[2].state = CheckinState::counted;
    const auto q = progress_of(fixture::campaign(), fixture::places(), three);
    CHECK(q.counties_done.size() == 3);
    CHECK(q.eligible);
}

TEST_CASE("nearest_missing lists sites in lacking counties, nearest first, skipping sites already tried") {
    Progress p;
    p.counties_done = {"Taipei"};
    p.sites_waiting = {"site-ntp"};
    const auto places = fixture::places();
    const geo::LatLon taipei_station = {25.0478, 121.5170};
    const auto next = nearest_missing(places, p, taipei_station, 10);
    REQUIRE(next.size() == 3);
    CHECK(next[0]->site == "site-kl");
    CHECK(next[1]->site == "site-yl");
    CHECK(next[2]->site == "site-hc");
    const auto one = nearest_missing(places, p, taipei_station, 1);
    REQUIRE(one.size() == 1);
    CHECK(one[0]->site == "site-kl");
    CHECK(nearest_missing(places, p, taipei_station, 0).empty());
}

TEST_CASE("eligible_participants: enough distinct counties up to the cut-off, minus the excluded, ascending") {
    const long long cutoff = 1000;
    const std::vector<CountedCheckin> checkins = {
        {7, 0, 10},  {7, 1, 20},   {7, 2, 30},     // 3 counties
        {3, 0, 10},  {3, 0, 20},   {3, 1, 30},     // 2 counties, one twice
        {5, 0, 10},  {5, 1, 20},   {5, 4, 1000},   // the third exactly at the cut-off: in
        {9, 0, 10},  {9, 1, 20},   {9, 4, 1001},   // the third after the cut-off: out
        {2, 63, 10}, {2, 62, 10},  {2, 1, 10},     // the highest county indices
        {4, 0, 10},  {4, 64, 10},  {4, -1, 10},    // indices out of range are ignored
        {1, 1, 10},  {1, 2, 10},   {1, 3, 10},     // excluded: an earlier winner
    };
    CHECK(eligible_participants(checkins, 3, cutoff, {1}) == std::vector<long long>{2, 5, 7});
    CHECK(eligible_participants(checkins, 3, cutoff, {}) == std::vector<long long>{1, 2, 5, 7});
    CHECK(eligible_participants(checkins, 2, cutoff, {1, 99}) == std::vector<long long>{2, 3, 5, 7, 9});
    CHECK(eligible_participants(checkins, 3, 25, {}) == std::vector<long long>{1, 2});  // all at 10
    CHECK(eligible_participants(checkins, 1, 5, {}).empty());
    CHECK(eligible_participants({}, 1, cutoff, {}).empty());
}

TEST_CASE("eligible_participants handles many check-ins in any order") {
    // 20,000 participants; participant p visits county c when bit c of p % 16 is set.
    std::vector<CountedCheckin> many;
    std::uint64_t state = 12345;
    for (long long p = 19999; p >= 0; --p)
        for (int c = 0; c < 4; ++c)
            if ((p % 16) >> c & 1) {
                state = state * 6364136223846793005ULL + 1442695040888963407ULL;
                many.push_back({p, c, static_cast<long long>(state >> 40)});
            }
    const auto three = eligible_participants(many, 3, 1LL << 40, {});
    // p % 16 in {7, 11, 13, 14, 15}: 5 of every 16.
    CHECK(three.size() == 20000 / 16 * 5);
    CHECK(std::is_sorted(three.begin(), three.end()));
    CHECK(three.front() == 7);
    CHECK(three.back() == 19999);
}

TEST_CASE("is_eligible applies the campaign's rule to one participant's own check-ins") {
    const auto campaign = fixture::campaign();
    const auto places = fixture::places();
    std::vector<OwnCheckin> mine = {
        {"site-tp", at("2026-10-05T10:00:00+08:00"), CheckinState::counted},
        {"site-kl", at("2026-10-06T10:00:00+08:00"), CheckinState::counted},
        {"site-yl", at("2026-11-16T10:00:00+08:00"), CheckinState::counted},
    };
    CHECK_FALSE(is_eligible(campaign, places, mine, *campaign.draws[0].cutoff));
    CHECK(is_eligible(campaign, places, mine, *campaign.draws[1].cutoff));
    mine[2].state = CheckinState::held;
    CHECK_FALSE(is_eligible(campaign, places, mine, *campaign.draws[1].cutoff));
    mine[2] = {"site-off", at("2026-10-07T10:00:00+08:00"), CheckinState::counted};  // not a campaign site
    CHECK_FALSE(is_eligible(campaign, places, mine, *campaign.draws[1].cutoff));
}
