// content/campaign: a campaign's file reads with every field, writes back the same, and each
// problem — a bad date, an unknown key, a figures total that is not the sum — names its path.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "content/campaign.h"

using namespace beitai;
using text::Json;

namespace {

const char* const kFile = "content/campaigns/2026-demo.json";

Json demo() {
    return Json::parse(R"({
      "id": "2026-demo", "proposal": "112-40", "name_zh": "示範綠色旅遊打卡", "name_en": "Sample green-tourism check-in",
      "start": "2026-10-01", "end": "2026-12-15", "min_counties": 3, "winners_stay": false,
      "contacts_erased_after": "2027-03-31",
      "sites": [{"site": "site-001", "radius_m": 100}, {"site": "site-002", "radius_m": 250.5}],
      "draws": [
        {"id": "2026-11", "cutoff": "2026-11-15T23:59:59+08:00", "date": "2026-11-20T10:00:00+08:00",
         "seed_source_zh": "示範彩券 2026-11-19 開獎號碼", "seed_source_en": "sample lottery numbers of 2026-11-19",
         "prizes": [{"county": "Taipei", "count": 2, "name_zh": "住宿券", "name_en": "Hotel voucher"}]},
        {"id": "2026-12", "cutoff": "2026-12-15T23:59:59+08:00", "date": null,
         "seed_source_zh": "", "seed_source_en": "",
         "prizes": [{"county": "YilanCounty", "count": 1, "name_zh": "餐券", "name_en": "Meal voucher"}]}
      ],
      "figures": null, "external": false, "sample": true, "note": "示範資料"
    })");
}

Json history() {
    return Json::parse(R"({
      "id": "112", "proposal": "112-40", "name_zh": "112年綠色旅遊", "name_en": "Green tourism 2023",
      "start": "2023-07-01", "end": "2023-10-31", "min_counties": 3, "winners_stay": true,
      "contacts_erased_after": "2023-12-31", "sites": [], "sites_stated": 102,
      "draws": [{"id": "2023-09", "cutoff": null, "date": null, "month": "2023-09",
                 "prizes": [{"county": "Keelung", "count": 5, "name_zh": "紀念品", "name_en": "Souvenir"}]}],
      "figures": {"as_of": "2023-07-16", "source": "112-40 辦理情形",
        "counties": [{"county": "Taipei", "participants_home": 10, "participations": 30, "site_visits": 4},
                     {"county": "Keelung", "participants_home": 5, "participations": 12, "site_visits": 2}],
        "total": {"participants_home": 15, "participations": 42, "site_visits": 6}},
      "external": true, "sample": false
    })");
}

std::vector<std::string> problems_of(const Json& root) {
    text::Diagnostics d(kFile);
    content::read_campaign(root, d);
    return d.messages();
}

bool mentions(const std::vector<std::string>& problems, const std::string& text) {
    for (const auto& p : problems)
        if (p.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("a campaign reads with its sites, draws, prizes and times") {
    text::Diagnostics d(kFile);
    const auto c = content::read_campaign(demo(), d);
    REQUIRE_MESSAGE(d.empty(), d.joined());
    CHECK(c.id == "2026-demo");
    CHECK(c.proposal == "112-40");
    CHECK(c.start == text::Date{2026, 10, 1});
    CHECK(c.end == text::Date{2026, 12, 15});
    CHECK(c.contacts_erased_after == text::Date{2027, 3, 31});
    CHECK(c.min_counties == 3);
    CHECK_FALSE(c.winners_stay);
    REQUIRE(c.sites.size() == 2);
    CHECK(c.sites[1].site == "site-002");
    CHECK(c.sites[1].radius_m == 250.5);
    REQUIRE(c.draws.size() == 2);
    REQUIRE(c.draws[0].cutoff);
    CHECK(*c.draws[0].cutoff == 1794758399);  // 2026-11-15T15:59:59Z
    CHECK(*c.draws[0].date == 1795140000);
    CHECK_FALSE(c.draws[1].date);
    CHECK(c.draws[0].prizes[0].county == "Taipei");
    CHECK(c.draws[0].prizes[0].count == 2);
    CHECK(c.draws[0].seed_source_zh == "示範彩券 2026-11-19 開獎號碼");
    CHECK_FALSE(c.figures);
    CHECK_FALSE(c.external);
    CHECK(c.sample);
    CHECK(c.note == "示範資料");
    CHECK(c.sites_stated == 0);
}

TEST_CASE("a history campaign reads with months instead of cut-offs, a stated site count and figures") {
    text::Diagnostics d(kFile);
    const auto c = content::read_campaign(history(), d);
    REQUIRE_MESSAGE(d.empty(), d.joined());
    CHECK(c.external);
    CHECK(c.winners_stay);
    CHECK(c.sites_stated == 102);
    CHECK(c.draws[0].month == "2023-09");
    CHECK_FALSE(c.draws[0].cutoff);
    CHECK(c.draws[0].seed_source_en.empty());
    REQUIRE(c.figures);
    CHECK(c.figures->as_of == text::Date{2023, 7, 16});
    REQUIRE(c.figures->counties.size() == 2);
    CHECK(c.figures->counties[1].county == "Keelung");
    CHECK(c.figures->counties[1].participations == 12);
    CHECK(c.figures->total.participations == 42);
    CHECK(c.note.empty());
}

TEST_CASE("a campaign written to JSON reads back the same") {
    for (const Json& original : {demo(), history()}) {
        text::Diagnostics d(kFile);
        const auto c = content::read_campaign(original, d);
        REQUIRE(d.empty());
        const Json written = content::to_json(c);
        Json expected = original;
        if (!expected.contains("note")) expected["note"] = "";
        for (auto& draw : expected["draws"])
            for (const char* key : {"seed_source_zh", "seed_source_en"})
                if (!draw.contains(key)) draw[key] = "";
        CHECK(written == expected);
        text::Diagnostics again(kFile);
        content::read_campaign(written, again);
        CHECK(again.empty());
    }
}

TEST_CASE("a figures total that is not the sum of its rows names the column") {
    Json bad = history();
    bad["figures"]["total"]["participations"] = 40;
    CHECK(problems_of(bad) == std::vector<std::string>{
        "content/campaigns/2026-demo.json: figures.total.participations: 40 is not the sum of the rows (42)"});
    // A broken row is reported as itself, without a second complaint about the total.
    Json broken_row = history();
    broken_row["figures"]["counties"][0]["site_visits"] = "4";
    CHECK(problems_of(broken_row) == std::vector<std::string>{
        "content/campaigns/2026-demo.json: figures.counties[0].site_visits: expected an integer, found a string"});
}

TEST_CASE("bad dates, times, months and values are named by their path") {
    Json bad = demo();
    bad["start"] = "2026-13-01";
    bad["draws"][0]["cutoff"] = "2026-11-15 23:59";
    bad["draws"][1]["month"] = "2026/12";
    bad["draws"][1]["prizes"][0]["count"] = 1.5;
    bad["sites"][0]["radius_m"] = 0;
    bad["min_counties"] = "3";
    const auto problems = problems_of(bad);
    CHECK(problems.size() == 6);
    CHECK(mentions(problems, ": start: expected a date as YYYY-MM-DD, found \"2026-13-01\""));
    CHECK(mentions(problems, ": draws[0].cutoff: expected a date and time as YYYY-MM-DDThh:mm:ss+08:00"));
    CHECK(mentions(problems, ": draws[1].month: expected a month as YYYY-MM, found \"2026/12\""));
    CHECK(mentions(problems, ": draws[1].prizes[0].count: expected an integer, found a number"));
    CHECK(mentions(problems, ": sites[0].radius_m: must be more than 0"));
    CHECK(mentions(problems, ": min_counties: expected an integer, found a string"));
}

TEST_CASE("unknown and missing keys are problems, at every level") {
    Json bad = demo();
    bad["prize"] = 1;
    bad["draws"][0]["prizes"][0]["colour"] = "red";
    bad["draws"][1].erase("cutoff");
    bad.erase("figures");
    bad.erase("winners_stay");
    const auto problems = problems_of(bad);
    CHECK(problems.size() == 5);
    CHECK(mentions(problems, ": prize: unknown field"));
    CHECK(mentions(problems, ": draws[0].prizes[0].colour: unknown field"));
    CHECK(mentions(problems, ": draws[1].cutoff: missing"));
    CHECK(mentions(problems, ": figures: missing"));
    CHECK(mentions(problems, ": winners_stay: missing"));
    CHECK(problems_of(Json::array()) ==
          std::vector<std::string>{"content/campaigns/2026-demo.json: (top): expected an object, found an array"});
}

TEST_CASE("find_draw finds a draw by id, nullptr otherwise") {
    text::Diagnostics d(kFile);
    const auto c = content::read_campaign(demo(), d);
    REQUIRE(content::find_draw(c, "2026-12"));
    CHECK(content::find_draw(c, "2026-12") == &c.draws[1]);
    CHECK(content::find_draw(c, "2026-10") == nullptr);
}
