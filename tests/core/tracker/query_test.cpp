#include <doctest/doctest.h>

#include "test_content.h"
#include "tracker/query.h"
#include "tracker/stats.h"

using namespace beitai::tracker;
using beitai::content::Status;

namespace {
std::vector<const beitai::content::Proposal*> run(const QueryParams& params) {
    const auto& snapshot = beitai::testing::repository_snapshot();
    auto q = parse_proposal_query(params, snapshot);
    REQUIRE_MESSAGE(q.ok(), q.error());
    std::vector<const beitai::content::Proposal*> out;
    for (const auto* r : select_records(snapshot, *q)) out.push_back(&r->proposal);
    return out;
}
}  // namespace

TEST_CASE("filters combine") {
    CHECK(run({}).size() == 55);
    CHECK(run({{"year", "111"}}).size() == 13);
    CHECK(run({{"year", "111"}, {"status", "open"}}).size() == 1);
    auto taipei = run({{"county", "Taipei"}});
    REQUIRE_FALSE(taipei.empty());
    for (const auto* p : taipei) CHECK(p->county == "Taipei");
    auto transport_open = run({{"group", "交通運輸組"}, {"status", "open"}});
    REQUIRE_FALSE(transport_open.empty());
    for (const auto* p : transport_open) {
        CHECK(p->group == "交通運輸組");
        CHECK(p->status == Status::open);
    }
    CHECK(run({{"year", ""}}).size() == 55);  // an empty form field means any
}

TEST_CASE("text search finds Chinese substrings in title, agency, sheet and progress") {
    auto bike = run({{"q", "自行車道路網"}});
    REQUIRE(bike.size() >= 1);
    bool found = false;
    for (const auto* p : bike) found = found || p->title == "完善北臺 8 縣市自行車道路網" || p->title.find("自行車道路網") != std::string::npos;
    CHECK(found);
    CHECK(run({{"q", "新竹縣政府"}}).size() >= 5);  // agency
    CHECK(run({{"q", "Get Out"}}).size() == 1);
    CHECK(run({{"q", "get out"}}).size() == 1);  // ASCII case folds
    CHECK(run({{"q", "不存在的字串"}}).empty());
}

TEST_CASE("unknown values and parameters are refused with a message") {
    const auto& snapshot = beitai::testing::repository_snapshot();
    struct Case {
        QueryParams params;
        const char* message;
    } cases[] = {
        {{{"status", "opne"}}, "status: expected \"open\" or \"closed\", found \"opne\""},
        {{{"year", "2023x"}}, "year: expected an ROC year such as 112, found \"2023x\""},
        {{{"county", "Taipai"}}, "county: unknown county id \"Taipai\""},
        {{{"group", "外交組"}}, "group: unknown issue group \"外交組\""},
        {{{"sort", "title"}}, "sort: expected year, group or updated"},
        {{{"lang", "en"}}, "unknown parameter \"lang\""},
        {{{"closure", "finished"}}, "closure: expected done"},
        {{{"track", "both"}}, "track: expected \"central\" or \"joint\""},
        {{{"page", "0"}}, "page: expected a page number"},
        {{{"type", "合作"}}, "type: unknown proposal type"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.message);
        auto q = parse_proposal_query(c.params, snapshot);
        REQUIRE_FALSE(q.ok());
        CHECK(q.error().find(c.message) == 0);
    }
    // A page asks in the visitor's language; the parameter keeps its name.
    auto zh = parse_proposal_query({{"status", "opne"}}, snapshot, {}, beitai::text::Lang::zh_TW);
    REQUIRE_FALSE(zh.ok());
    CHECK(zh.error() == "status：應為 open 或 closed，收到「opne」");
    zh = parse_proposal_query({{"group", "外交組"}}, snapshot, {}, beitai::text::Lang::zh_TW);
    CHECK(zh.error() == "group：沒有這個議題組「外交組」");
    zh = parse_proposal_query({{"colour", "red"}}, snapshot, {}, beitai::text::Lang::zh_TW);
    CHECK(zh.error().rfind("不認得的參數「colour」（可用：year, ", 0) == 0);
}
