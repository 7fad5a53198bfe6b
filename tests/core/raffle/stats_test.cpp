// raffle/stats: the seed's table counted from the data — every county in order, one
// participation per person and site, homes outside the eight only in the total.
#include <doctest/doctest.h>

#include "fixture.h"
#include "raffle/stats.h"

using namespace beitai;
using namespace beitai::raffle;

TEST_CASE("figures_from counts by county, every county present, in the counties' order") {
    const std::vector<ParticipantHome> participants = {
        {1, "Taipei"}, {2, "Taipei"}, {3, "Keelung"}, {4, "other"}, {5, "YilanCounty"}, {1, "Keelung"}};
    const std::vector<SiteCheckin> counted = {
        {1, "site-tp"}, {1, "site-kl"}, {1, "site-tp"},  // the repeat counts once
        {2, "site-tp"}, {3, "site-kl"}, {4, "site-yl"}, {4, "site-off"}};  // site-off is no campaign site
    // Participant 5 registered but has no counted check-in.
    const auto f = figures_from(fixture::counties(), fixture::places(), participants, counted, {2026, 11, 1});
    CHECK(f.as_of == text::Date{2026, 11, 1});
    REQUIRE(f.counties.size() == 8);
    CHECK(f.counties[0].county == "YilanCounty");
    CHECK(f.counties[7].county == "MiaoliCounty");
    const auto& yilan = f.counties[0];
    const auto& keelung = f.counties[1];
    const auto& taipei = f.counties[2];
    CHECK(taipei.participants_home == 2);  // participant 1's first registration stands
    CHECK(taipei.participations == 2);
    CHECK(taipei.site_visits == 1);
    CHECK(keelung.participants_home == 1);
    CHECK(keelung.participations == 2);
    CHECK(keelung.site_visits == 1);
    CHECK(yilan.participants_home == 0);  // participant 5 never checked in
    CHECK(yilan.participations == 1);
    CHECK(f.counties[6].participations == 0);
    // Participant 4 lives outside the eight: in the total only.
    CHECK(f.total.participants_home == 4);
    CHECK(f.total.participations == 5);
    CHECK(f.total.site_visits == 3);
}

TEST_CASE("figures_from with no data is all zeros, still every county") {
    const auto f = figures_from(fixture::counties(), fixture::places(), {}, {}, {2026, 10, 1});
    CHECK(f.counties.size() == 8);
    CHECK(f.total.participants_home == 0);
    CHECK(f.total.participations == 0);
    CHECK(f.total.site_visits == 0);
}
