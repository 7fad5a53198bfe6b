// raffle/rules: what a sound campaign is, and that its rules stay put once check-ins open.
#include <doctest/doctest.h>

#include "fixture.h"
#include "raffle/checkin.h"
#include "raffle/rules.h"

using namespace beitai;
using namespace beitai::raffle;
using fixture::at;

namespace {

std::vector<std::string> problems_of(const content::Campaign& c) {
    return check_campaign(c, fixture::counties(), fixture::sites());
}

bool contains(const std::vector<std::string>& problems, const std::string& start) {
    for (const auto& p : problems)
        if (p.rfind(start, 0) == 0) return true;
    return false;
}

}  // namespace

TEST_CASE("the fixture campaign is sound") { CHECK(problems_of(fixture::campaign()).empty()); }

TEST_CASE("ids, period, counties, sites and prizes are checked, each problem naming its field") {
    auto c = fixture::campaign();
    c.id = "2026 Demo";
    c.min_counties = 9;
    c.sites.push_back({"site-gone", 100});
    c.sites.push_back({"site-tp", 0});
    c.draws[1].id = "2026-11";
    c.draws[0].prizes[1].county = "Tainan";
    c.draws[0].prizes[0].count = 0;
    const auto problems = problems_of(c);
    CHECK(problems == std::vector<std::string>{
        "id: \"2026 Demo\" is not URL-safe: use only a-z, 0-9 and - (it appears in web addresses)",
        "min_counties: 9 is not between 1 and 8 (the counties)",
        "sites[5].site: unknown site \"site-gone\"",
        "sites[6].site: \"site-tp\" listed twice",
        "sites[6].radius_m: must be between 30 and 1000 metres",
        "draws[0].prizes[0].count: must be at least 1",
        "draws[0].prizes[1].county: unknown county \"Tainan\"",
        "draws[1].id: \"2026-11\" is used by an earlier draw",
    });
    auto upside_down = fixture::campaign();
    upside_down.end = {2026, 9, 1};
    upside_down.min_counties = 0;
    const auto p = problems_of(upside_down);
    REQUIRE(p.size() >= 2);
    CHECK(p[0] == "end: before the start (2026-10-01)");
    CHECK(p[1] == "min_counties: 0 is not between 1 and 8 (the counties)");
}

TEST_CASE("cut-offs lie within the period's days and in order; a draw is not before its cut-off") {
    auto c = fixture::campaign();
    c.draws[0].cutoff = at("2026-09-30T23:59:59+08:00");
    c.draws[1].cutoff = at("2026-12-16T00:00:00+08:00");
    CHECK(problems_of(c) == std::vector<std::string>{
        "draws[0].cutoff: before the campaign's first day (2026-10-01)",
        "draws[1].cutoff: after the campaign's last day (2026-12-15)",
    });
    // The last second of the last day, Taiwan time, is within.
    c.draws[0].cutoff = at("2026-11-15T23:59:59+08:00");
    c.draws[1].cutoff = at("2026-12-15T23:59:59+08:00");
    CHECK(problems_of(c).empty());

    auto swapped = fixture::campaign();
    std::swap(swapped.draws[0].cutoff, swapped.draws[1].cutoff);
    swapped.draws[1].date = swapped.draws[0].date;
    const auto p = problems_of(swapped);
    CHECK(p == std::vector<std::string>{"draws[0].date: before its cut-off",
                                        "draws[1].cutoff: not after the cut-off of draws[0] (draws go in order)"});
}

TEST_CASE("a draw the portal runs needs a cut-off; a history campaign may give a month instead") {
    auto c = fixture::campaign();
    c.draws[0].cutoff.reset();
    CHECK(problems_of(c) == std::vector<std::string>{"draws[0].cutoff: missing: a draw the portal runs needs its cut-off"});
    c.external = true;
    CHECK(problems_of(c) == std::vector<std::string>{"draws[0].cutoff: missing, and no month stated instead"});
    c.draws[0].month = "2026-11";
    CHECK(problems_of(c).empty());
    // A history campaign's sites are not checked against the catalog.
    c.sites.push_back({"site-of-2023", 100});
    CHECK(problems_of(c).empty());
}

TEST_CASE("the period: check-ins on the first to the last Taiwan day; rules frozen from the first") {
    const auto c = fixture::campaign();
    CHECK_FALSE(within_period(c, at("2026-09-30T23:59:59+08:00")));
    CHECK(within_period(c, at("2026-10-01T00:00:00+08:00")));
    CHECK(within_period(c, at("2026-12-15T23:59:59+08:00")));
    CHECK_FALSE(within_period(c, at("2026-12-16T00:00:00+08:00")));
    CHECK_FALSE(rules_frozen(c, at("2026-09-30T23:59:59+08:00")));
    CHECK(rules_frozen(c, at("2026-10-01T00:00:00+08:00")));
    CHECK(rules_frozen(c, at("2027-01-01T00:00:00+08:00")));
}

TEST_CASE("before check-ins open anything may change; after, only the names and the note") {
    const auto current = fixture::campaign();
    const long long before = at("2026-09-20T10:00:00+08:00");
    const long long after = at("2026-10-02T10:00:00+08:00");
    auto next = current;
    next.min_counties = 4;
    CHECK(rules_change_refusal(current, next, before).empty());
    CHECK(rules_change_refusal(current, next, after) ==
          "min_counties: the rules are frozen since check-ins opened on 2026-10-01");

    auto cosmetic = current;
    cosmetic.name_zh = "示範打卡（更正）";
    cosmetic.name_en = "Sample check-in (corrected)";
    cosmetic.note = "更正";
    CHECK(rules_change_refusal(current, cosmetic, after).empty());

    auto check = [&](void (*change)(content::Campaign&), const char* field) {
        auto changed = current;
        change(changed);
        const std::string refusal = rules_change_refusal(current, changed, after);
        CHECK_MESSAGE(refusal.rfind(std::string(field) + ": the rules are frozen", 0) == 0, field << " → " << refusal);
    };
    check([](content::Campaign& c) { c.start = {2026, 9, 1}; }, "start");
    check([](content::Campaign& c) { c.end = {2026, 12, 31}; }, "end");
    check([](content::Campaign& c) { c.winners_stay = true; }, "winners_stay");
    check([](content::Campaign& c) { c.sites.pop_back(); }, "sites");
    check([](content::Campaign& c) { c.sites[1].site = "site-off"; }, "sites[1].site");
    check([](content::Campaign& c) { c.sites[2].radius_m = 500; }, "sites[2].radius_m");
    check([](content::Campaign& c) { c.draws.pop_back(); }, "draws");
    check([](content::Campaign& c) { c.draws[1].id = "2026-12b"; }, "draws[1].id");
    check([](content::Campaign& c) { *c.draws[0].cutoff += 1; }, "draws[0].cutoff");
    check([](content::Campaign& c) { c.draws[1].date.reset(); }, "draws[1].date");
    check([](content::Campaign& c) { c.draws[0].prizes[1].count = 2; }, "draws[0].prizes[1]");
    check([](content::Campaign& c) { c.draws[0].prizes.pop_back(); }, "draws[0].prizes");
}

TEST_CASE("contacts expire the day after the prize period's last day, in Taiwan time") {
    const auto c = fixture::campaign();  // contacts_erased_after 2027-03-31
    CHECK_FALSE(contacts_expired(c, fixture::at("2027-03-31T23:59:59+08:00")));
    CHECK(contacts_expired(c, fixture::at("2027-04-01T00:00:00+08:00")));
    // 2027-03-31T16:30Z is already 1 April in Taiwan.
    CHECK(contacts_expired(c, fixture::at("2027-03-31T16:30:00Z")));
    CHECK_FALSE(contacts_expired(c, fixture::at("2026-11-01T12:00:00+08:00")));
}

TEST_CASE("the random value is named in advance and frozen with the rules; contacts kept no longer than promised") {
    auto c = fixture::campaign();
    auto unnamed = c;
    unnamed.draws[1].seed_source_en.clear();
    CHECK(contains(problems_of(unnamed), "draws[1].seed_source_en: missing"));
    auto short_kept = c;
    short_kept.contacts_erased_after = {2026, 12, 1};  // after the first draw (20 Nov), before the second (20 Dec)
    CHECK(contains(problems_of(short_kept), "contacts_erased_after: before draws[1]'s date"));

    const long long open = fixture::at("2026-10-02T09:00:00+08:00");
    auto renamed = c;
    renamed.draws[0].seed_source_zh = "另一個已開出的號碼";
    CHECK(rules_change_refusal(c, renamed, open).rfind("draws[0].seed_source_zh", 0) == 0);
    auto longer = c;
    longer.contacts_erased_after = {2027, 12, 31};
    CHECK(rules_change_refusal(c, longer, open).rfind("contacts_erased_after", 0) == 0);
    auto sooner = c;
    sooner.contacts_erased_after = {2027, 1, 31};
    CHECK(rules_change_refusal(c, sooner, open).empty());
}

TEST_CASE("a campaign's site must have a position: a check-in is judged by where one stands") {
    auto sites = fixture::sites();
    sites[0].at.reset();  // imported from the certified list, no position yet
    const auto problems = check_campaign(fixture::campaign(), fixture::counties(), sites);
    CHECK(contains(problems, "sites[0].site: \"site-tp\" has no position"));
    CHECK(campaign_places(fixture::campaign(), sites).size() == campaign_places(fixture::campaign(), fixture::sites()).size() - 1);
}
