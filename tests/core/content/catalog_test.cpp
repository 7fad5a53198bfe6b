#include <doctest/doctest.h>

#include "content/catalog.h"
#include "test_content.h"

using namespace beitai::content;
using namespace beitai::text;

namespace {

std::vector<SourceFile> with_replaced(const std::string& path, const std::string& text) {
    auto files = beitai::testing::repository_content();
    for (auto& f : files)
        if (f.path == path) f.text = text;
    return files;
}

std::string error_of(const std::vector<SourceFile>& files) {
    auto r = read_catalog(files);
    REQUIRE_FALSE(r.ok());
    return r.error();
}

}  // namespace

TEST_CASE("the repository's content reads without a problem") {
    auto r = read_catalog(beitai::testing::repository_content());
    REQUIRE_MESSAGE(r.ok(), r.error());
    CHECK(r->counties.size() == 8);
    CHECK(r->groups.size() == 9);
}

TEST_CASE("a broken status names the file, the index and the reason") {
    auto files = beitai::testing::repository_content();
    Json items = Json::parse(files[3].text);
    items[17]["status"] = "finished";
    auto err = error_of(with_replaced("content/proposals/112.json", items.dump()));
    CHECK(err == "content/proposals/112.json: [17].status: expected \"open\" or \"closed\"");
}

TEST_CASE("content text follows the one rule for text: the file, the field and the character named") {
    auto files = beitai::testing::repository_content();
    Json items = Json::parse(files[3].text);
    items[4]["title"] = items[4]["title"].get<std::string>() + "\x07";
    CHECK(error_of(with_replaced("content/proposals/112.json", items.dump()))
              .rfind("content/proposals/112.json: [4].title: ", 0) == 0);
    CHECK(error_of(with_replaced("content/proposals/112.json", items.dump())).find("U+0007") != std::string::npos);

    Json counties = Json::parse(files[0].text);
    const std::string noncharacter = "\xEF\xBF\xBE";  // U+FFFE
    counties[1]["name_en"] = "Taipei" + noncharacter;
    const std::string err = error_of(with_replaced(files[0].path, counties.dump()));
    CHECK(err.rfind(files[0].path + ": [1].name_en: ", 0) == 0);
    CHECK(err.find("U+FFFE") != std::string::npos);
}

TEST_CASE("truncated and non-JSON files are reported with a line") {
    auto files = beitai::testing::repository_content();
    std::string cut = files[2].text.substr(0, files[2].text.size() / 2);
    auto err = error_of(with_replaced("content/proposals/111.json", cut));
    CHECK(err.find("content/proposals/111.json: line ") == 0);
    CHECK(err.find("invalid JSON") != std::string::npos);
    CHECK(error_of(with_replaced("content/counties.json", "")).find("content/counties.json: line 1") == 0);
}

TEST_CASE("cross-file references are checked") {
    auto files = beitai::testing::repository_content();
    Json items = Json::parse(files[3].text);
    items[0]["county"] = "Tainan";
    items[1]["group"] = "外交組";
    items[2]["subgroup"] = "文化組";  // 112-03 is a 交通運輸組 item: no sub-groups there
    items[3]["id"] = items[4]["id"];
    auto err = error_of(with_replaced("content/proposals/112.json", items.dump()));
    CHECK(err.find("county: unknown county id \"Tainan\"") != std::string::npos);
    CHECK(err.find("group: unknown issue group \"外交組\"") != std::string::npos);
    CHECK(err.find("subgroup: \"文化組\" is not a sub-group of 交通運輸組") != std::string::npos);
    CHECK(err.find("duplicate id") != std::string::npos);
    CHECK(err.find("content/proposals/112.json: [112-01]") != std::string::npos);
}

TEST_CASE("a proposal filed in another year's file is refused") {
    auto files = beitai::testing::repository_content();
    Json items = Json::parse(files[2].text);
    items[0]["year"] = 112;
    items[0]["id"] = "112-99";
    auto err = error_of(with_replaced("content/proposals/111.json", items.dump()));
    CHECK(err == "content/proposals/111.json: [0].year: an item of year 112 in the file of year 111");
}

TEST_CASE("a missing or stray file is an error") {
    auto files = beitai::testing::repository_content();
    files.erase(files.begin());  // counties.json
    CHECK(error_of(files).find("counties.json is missing") != std::string::npos);

    auto stray = beitai::testing::repository_content();
    stray.push_back({"content/notes.json", "[]"});
    CHECK(error_of(stray).find("content/notes.json: (top): not a content file") == 0);
}

namespace {

// A small sites.json and a campaign file over it, made up for these tests.
SourceFile sites_file() {
    return {"content/maps/sites.json", R"({"sample": true, "sites": [
      {"id": "site-a", "name": "示範濕地", "county": "Taipei", "address": "示範路1號", "lat": 25.1, "lon": 121.5,
       "green_tourism": true, "sample": true},
      {"id": "site-b", "name": "示範森林", "county": "YilanCounty", "address": "示範路2號", "lat": 24.7, "lon": 121.7,
       "green_tourism": true, "sample": true}]})"};
}

Json campaign_json(const std::string& id) {
    return Json::parse(R"({"id": ")" + id + R"(", "proposal": "112-40", "name_zh": "示範", "name_en": "Sample",
      "start": "2026-10-01", "end": "2026-12-15", "min_counties": 2, "winners_stay": false,
      "contacts_erased_after": "2027-03-31",
      "sites": [{"site": "site-a", "radius_m": 100}, {"site": "site-b", "radius_m": 100}],
      "draws": [{"id": "d1", "cutoff": "2026-12-15T23:59:59+08:00", "date": null,
                 "prizes": [{"county": "Taipei", "count": 1, "name_zh": "獎", "name_en": "Prize"}]}],
      "figures": {"as_of": "2026-11-01", "source": "示範",
                  "counties": [{"county": "YilanCounty", "participants_home": 1, "participations": 2, "site_visits": 1}],
                  "total": {"participants_home": 1, "participations": 2, "site_visits": 1}},
      "external": false, "sample": true})");
}

std::vector<SourceFile> with_campaign(const Json& campaign, const std::string& path) {
    auto files = beitai::testing::repository_content();
    files.push_back(sites_file());
    files.push_back({path, campaign.dump()});
    return files;
}

}  // namespace

TEST_CASE("campaigns/<id>.json files read into the catalog, one campaign each") {
    auto files = with_campaign(campaign_json("2026-demo"), "content/campaigns/2026-demo.json");
    files.push_back({"content/campaigns/2027-demo.json", campaign_json("2027-demo").dump()});
    auto r = read_catalog(files);
    REQUIRE_MESSAGE(r.ok(), r.error());
    REQUIRE(r->campaigns.size() == 2);
    CHECK(r->campaigns[0].id == "2026-demo");
    CHECK(r->campaigns[1].id == "2027-demo");
    CHECK(r->campaigns[0].sites[1].site == "site-b");
}

TEST_CASE("a campaign's file is named after its id") {
    auto err = error_of(with_campaign(campaign_json("2026-demo"), "content/campaigns/2026.json"));
    CHECK(err == "content/campaigns/2026.json: id: \"2026-demo\" in the file of campaign \"2026\" (the file is named "
                 "after the id)");
}

TEST_CASE("a campaign's sites and counties must resolve, its file named in the message") {
    Json c = campaign_json("2026-demo");
    c["sites"][1]["site"] = "site-z";
    c["draws"][0]["prizes"][0]["county"] = "Tainan";
    c["figures"]["counties"][0]["county"] = "Kaohsiung";
    auto err = error_of(with_campaign(c, "content/campaigns/2026-demo.json"));
    CHECK(err == "content/campaigns/2026-demo.json: sites[1].site: unknown site id \"site-z\"\n"
                 "content/campaigns/2026-demo.json: draws[0].prizes[0].county: unknown county id \"Tainan\"\n"
                 "content/campaigns/2026-demo.json: figures.counties[0].county: unknown county id \"Kaohsiung\"");

    // A history campaign ran elsewhere: its sites are not the catalog's, its counties still are.
    c["external"] = true;
    auto history = error_of(with_campaign(c, "content/campaigns/2026-demo.json"));
    CHECK(history.find("site-z") == std::string::npos);
    CHECK(history.find("unknown county id \"Tainan\"") != std::string::npos);
}

TEST_CASE("check_references names the campaign of each problem") {
    Catalog catalog;
    catalog.counties = beitai::testing::repository_catalog().counties;
    Campaign c;
    c.id = "x";
    c.sites = {{"nowhere", 100}};
    catalog.campaigns = {c, c};
    const auto problems = check_references(catalog);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0] == "campaign x: sites[0].site: unknown site id \"nowhere\"");
    CHECK(problems[1] == "campaign x: duplicate id");
}
