// A county's editor changes only their county's part of a campaign.
#include <doctest/doctest.h>

#include <cmath>

#include "raffle/county_sites.h"
#include "raffle/rules.h"
#include "raffle/signboard.h"
#include "fixture.h"

using namespace beitai;
using namespace beitai::raffle;
using fixture::campaign;
using fixture::sites;

namespace {

std::vector<content::Site> more_sites() {
    auto s = sites();
    s.push_back(fixture::site("site-tp2", "Taipei", 25.04, 121.56));
    s.push_back(fixture::site("site-tp3", "Taipei", 25.05, 121.57));
    return s;
}

std::vector<std::string> ids(const std::vector<content::CampaignSite>& list) {
    std::vector<std::string> out;
    for (const auto& s : list) out.push_back(s.site);
    return out;
}

}  // namespace

TEST_CASE("a county's sites are the campaign's sites in that county, in the campaign's order") {
    CHECK(ids(county_sites(campaign(), sites(), "Taipei")) == std::vector<std::string>{"site-tp"});
    CHECK(ids(county_sites(campaign(), sites(), "YilanCounty")) == std::vector<std::string>{"site-yl"});
    CHECK(county_sites(campaign(), sites(), "YilanCounty")[0].radius_m == 250);
    CHECK(county_sites(campaign(), sites(), "Taoyuan").empty());  // site-off is listed but not taking part
}

TEST_CASE("replacing a county's sites keeps every other county's, in place") {
    const auto all = more_sites();
    auto next = with_county_sites(campaign(), all, "Taipei", {{"site-tp3", 200}, {"site-tp", 120}});
    REQUIRE_MESSAGE(next.ok(), next.error());
    // site-tp stays where it was (new radius); site-tp3 comes at the end; the rest untouched.
    CHECK(ids(next->sites) == std::vector<std::string>{"site-tp", "site-ntp", "site-kl", "site-yl", "site-hc", "site-tp3"});
    CHECK(next->sites[0].radius_m == 120);
    CHECK(next->sites[3].radius_m == 250);
    CHECK(next->sites[5].radius_m == 200);
    CHECK(check_campaign(*next, fixture::counties(), all).empty());

    // Dropping all of them leaves the county out, nothing else.
    auto none = with_county_sites(campaign(), all, "Taipei", {});
    REQUIRE(none.ok());
    CHECK(ids(none->sites) == std::vector<std::string>{"site-ntp", "site-kl", "site-yl", "site-hc"});

    // New sites come in the site list's order, whatever the order chosen.
    auto two = with_county_sites(*none, all, "Taipei", {{"site-tp3", 100}, {"site-tp2", 100}});
    REQUIRE(two.ok());
    CHECK(ids(two->sites) == std::vector<std::string>{"site-ntp", "site-kl", "site-yl", "site-hc", "site-tp2", "site-tp3"});
}

TEST_CASE("a choice naming another county's site, an unknown one, a repeat or a bad radius is refused by name") {
    const auto all = more_sites();
    auto other = with_county_sites(campaign(), all, "Taipei", {{"site-kl", 100}});
    REQUIRE_FALSE(other.ok());
    CHECK(other.error() == "site-kl: 示範場所 site-kl is in another county");
    auto unknown = with_county_sites(campaign(), all, "Taipei", {{"site-nowhere", 100}});
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error() == "site-nowhere: no such site");
    auto twice = with_county_sites(campaign(), all, "Taipei", {{"site-tp", 100}, {"site-tp", 150}});
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error() == "site-tp: chosen twice");
    for (double radius : {0.0, 29.0, 1001.0, -50.0, std::nan("")}) {
        auto bad = with_county_sites(campaign(), all, "Taipei", {{"site-tp", radius}});
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error() == "site-tp.radius_m: must be between 30 and 1000 metres");
    }
    CHECK(with_county_sites(campaign(), all, "Taipei", {{"site-tp", 30}}).ok());
    CHECK(with_county_sites(campaign(), all, "Taipei", {{"site-tp", 1000}}).ok());
}

TEST_CASE("the version of a county's choice changes with that county's sites only") {
    const auto all = more_sites();
    const std::string before = county_sites_version(campaign(), all, "Taipei");
    CHECK(before.size() == 16);
    auto radius = with_county_sites(campaign(), all, "Taipei", {{"site-tp", 150}});
    REQUIRE(radius.ok());
    CHECK(county_sites_version(*radius, all, "Taipei") != before);
    auto elsewhere = with_county_sites(campaign(), all, "Keelung", {});
    REQUIRE(elsewhere.ok());
    CHECK(county_sites_version(*elsewhere, all, "Taipei") == before);
    CHECK(county_sites_version(*elsewhere, all, "Keelung") != county_sites_version(campaign(), all, "Keelung"));
}

TEST_CASE("once check-ins open, a county's change of sites is a change of the frozen rules") {
    auto next = with_county_sites(campaign(), more_sites(), "Taipei", {{"site-tp", 100}, {"site-tp2", 100}});
    REQUIRE(next.ok());
    CHECK(rules_change_refusal(campaign(), *next, fixture::at("2026-09-30T12:00:00+08:00")).empty());
    CHECK(rules_change_refusal(campaign(), *next, fixture::at("2026-10-01T00:00:00+08:00")) ==
          "sites: the rules are frozen since check-ins opened on 2026-10-01");
}

TEST_CASE("new signboards are printed with the newest key that is not retired") {
    CHECK(current_key({}) == nullptr);
    const std::vector<SignboardKey> keys = {fixture::key(1, true), fixture::key(3), fixture::key(2, true)};
    REQUIRE(current_key(keys) != nullptr);
    CHECK(current_key(keys)->version == 3);
    const std::vector<SignboardKey> retired = {fixture::key(1, true)};
    CHECK(current_key(retired) == nullptr);
}
