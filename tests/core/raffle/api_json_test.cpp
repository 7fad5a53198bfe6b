// raffle/api_json: the campaigns list, the statistics table and a draw record as the API
// writes them, and the verify page's strict reading of a record back.
#include <doctest/doctest.h>

#include "fixture.h"
#include "raffle/api_json.h"

using namespace beitai;
using namespace beitai::raffle;
using fixture::at;
using text::Json;

namespace {

DrawRecord drawn_record() {
    DrawRecord r;
    r.campaign = "2026-demo";
    r.draw = "2026-11";
    r.status = DrawStatus::drawn;
    r.entries_sha256 = "b0fc9326b8e6168dfc1a16564913bb0ca3d8c7c3da3b2e9a94fd6b1a16cbf7e0";
    r.entries_url = "/api/campaigns/2026-demo/draws/2026-11/entries.txt";
    r.seed_source = "示範彩券 2026-11-19 開獎號碼";
    r.seed_value = "01 07 13 22 30 38 + 05";
    r.frozen_at = at("2026-11-16T09:00:00+08:00");
    r.drawn_at = at("2026-11-20T10:00:00+08:00");
    r.winners = {{"E37988898c23e36e", 0, "住宿券（臺北市）", "王○明"}, {"Ec062573614c8edb", 1, "住宿券（臺北市）", "歐○○明"},
                 {"E20f0928d39874a1", 2, "餐券（基隆市）", "M○○g"}};
    return r;
}

std::string error_of(const Json& j) {
    auto r = read_draw_record(j);
    REQUIRE_FALSE(r.ok());
    return r.error();
}

}  // namespace

TEST_CASE("campaigns_json lists dates, draws with their times and status from the records") {
    auto history = fixture::campaign();
    history.id = "112";
    history.external = true;
    history.draws[0].cutoff.reset();
    history.draws[0].date.reset();
    history.draws[0].month = "2023-09";
    DrawRecord frozen;
    frozen.campaign = "2026-demo";
    frozen.draw = "2026-11";
    frozen.status = DrawStatus::frozen;
    const Json j = campaigns_json({fixture::campaign(), history}, {frozen});
    REQUIRE(j.size() == 2);
    const Json& demo = j[0];
    CHECK(demo["id"] == "2026-demo");
    CHECK(demo["name_zh"] == "示範打卡");
    CHECK(demo["start"] == "2026-10-01");
    CHECK(demo["end"] == "2026-12-15");
    CHECK(demo["min_counties"] == 3);
    CHECK(demo["sample"] == true);
    CHECK(demo["external"] == false);
    CHECK(demo["draws"][0] == Json{{"id", "2026-11"},
                                    {"cutoff", "2026-11-15T23:59:59+08:00"},
                                    {"date", "2026-11-20T10:00:00+08:00"},
                                    {"status", "frozen"}});
    CHECK(demo["draws"][1]["status"] == "open");
    CHECK(demo.size() == 9);
    // History: drawn elsewhere; a month instead of times.
    CHECK(j[1]["draws"][0] == Json{{"id", "2026-11"}, {"cutoff", nullptr}, {"date", nullptr}, {"status", "drawn"},
                                   {"month", "2023-09"}});
}

TEST_CASE("figures_json writes the table row by row with its total") {
    content::CampaignFigures f;
    f.as_of = {2023, 7, 16};
    f.source = "112-40 辦理情形";
    f.counties = {{"Taipei", 10, 30, 4}, {"Keelung", 5, 12, 2}};
    f.total = {"", 15, 42, 6};
    const Json j = figures_json(f);
    CHECK(j["as_of"] == "2023-07-16");
    CHECK(j["source"] == "112-40 辦理情形");
    CHECK(j["counties"][1] == Json{{"county", "Keelung"}, {"participants_home", 5}, {"participations", 12}, {"site_visits", 2}});
    CHECK(j["total"] == Json{{"participants_home", 15}, {"participations", 42}, {"site_visits", 6}});
}

TEST_CASE("a draw record is written with ISO times and reads back the same") {
    const DrawRecord r = drawn_record();
    const Json j = to_json(r);
    CHECK(j["status"] == "drawn");
    CHECK(j["frozen_at"] == "2026-11-16T09:00:00+08:00");
    CHECK(j["drawn_at"] == "2026-11-20T10:00:00+08:00");
    CHECK(j["winners"][1] == Json{{"entry", "Ec062573614c8edb"}, {"slot", 1}, {"prize", "住宿券（臺北市）"}, {"name_masked", "歐○○明"}});
    auto back = read_draw_record(j);
    REQUIRE_MESSAGE(back.ok(), back.error());
    CHECK(to_json(*back) == j);
    CHECK(back->drawn_at == r.drawn_at);
    CHECK(back->winners[2].name_masked == "M○○g");

    // An open draw: empty digest and seed, null times, no winners.
    DrawRecord open;
    open.campaign = "2026-demo";
    open.draw = "2026-12";
    open.seed_source = "示範彩券";
    const Json o = to_json(open);
    CHECK(o["frozen_at"].is_null());
    CHECK(o["drawn_at"].is_null());
    CHECK(o["status"] == "open");
    auto open_back = read_draw_record(o);
    REQUIRE_MESSAGE(open_back.ok(), open_back.error());
    CHECK(open_back->frozen_at == 0);
    CHECK(open_back->entries_sha256.empty());
    CHECK(open_back->status == DrawStatus::open);
}

TEST_CASE("read_draw_record refuses anything else, naming each field") {
    Json j = to_json(drawn_record());
    j["winners"][2]["entry"] = 7;
    CHECK(error_of(j) == "winners[2].entry: expected a string, found an integer");

    Json k = to_json(drawn_record());
    k["status"] = "done";
    k["drawn_at"] = "yesterday";
    k["entries_sha256"] = "B0FC";
    k["winners"][0]["slot"] = -1;
    k["winners"][1]["colour"] = "red";
    k.erase("seed_value");
    k["extra"] = true;
    CHECK(error_of(k) ==
          "status: expected \"open\", \"frozen\" or \"drawn\", found \"done\"\n"
          "entries_sha256: expected 64 lower-case hexadecimal digits\n"
          "seed_value: missing\n"
          "drawn_at: expected a date and time as YYYY-MM-DDThh:mm:ss+08:00, found \"yesterday\"\n"
          "winners[0].slot: must not be negative\n"
          "winners[1].colour: unknown field\n"
          "extra: unknown field");
    CHECK(error_of(Json::array()) == "(top): expected an object, found an array");
    Json no_winners = to_json(drawn_record());
    no_winners["winners"] = nullptr;
    CHECK(error_of(no_winners) == "winners: expected an array, found null");
}

TEST_CASE("draw status names") {
    CHECK(std::string(draw_status_name(DrawStatus::open)) == "open");
    CHECK(std::string(draw_status_name(DrawStatus::frozen)) == "frozen");
    CHECK(std::string(draw_status_name(DrawStatus::drawn)) == "drawn");
}
