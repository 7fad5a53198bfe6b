#include <doctest/doctest.h>

#include "test_content.h"
#include "tracker/changes.h"

using namespace beitai::tracker;
using beitai::text::Json;

namespace {

const ProposalRecord& record(const char* id) {
    const auto* r = beitai::testing::repository_snapshot().find(id);
    REQUIRE(r != nullptr);
    return *r;
}

}  // namespace

TEST_CASE("changes_between: nothing for the same item") {
    const auto& r = record("112-15");
    CHECK(changes_between(r.proposal, r.proposal).empty());
}

TEST_CASE("changes_between: a close, a progress entry and an edited field, status first") {
    const auto& r = record("112-15");
    beitai::content::Proposal after = r.proposal;
    after.title = "新標題";
    after.progress.push_back({{2023, 9, 1}, "桃園市已提供資料。", "桃園市政府交通局", "Taoyuan"});
    after.status = beitai::content::Status::closed;
    after.closure = beitai::content::Closure{beitai::content::ClosureKind::done, "完成", std::nullopt, beitai::text::Date{2023, 9, 1}};
    if (after.sheet) after.sheet->approach = "新作法";
    const auto changes = changes_between(r.proposal, after);
    std::vector<std::string> fields;
    for (const auto& c : changes) fields.push_back(c.field);
    CHECK(fields == std::vector<std::string>{"status", "closure.kind", "closure.reason", "closure.date", "progress", "title",
                                             "sheet.approach"});
    CHECK(changes[0].before == "open");
    CHECK(changes[0].after == "closed");
    CHECK(changes[1].before.is_null());
    CHECK(changes[1].after == "done");
    CHECK(changes[4].before.is_null());
    CHECK(changes[4].after["agency"] == "桃園市政府交通局");
    CHECK(changes[4].after["text"] == "桃園市已提供資料。");
    CHECK(changes[5].after == "新標題");
}
