#include <doctest/doctest.h>

#include "content/proposal.h"

using namespace beitai::content;
using namespace beitai::text;

namespace {

// A valid item in content-file form; each case breaks one thing.
Json valid_item() {
    return Json::parse(R"({
      "id": "112-07", "year": 112, "seed_ref": "參、二、（二）項次1",
      "group": "文化教育組", "subgroup": "文化組",
      "agency": "新北市政府文化局", "county": "NewTaipei", "co_proposers": [],
      "title": "北管音樂及客家八音校園推廣", "types": ["跨縣市實質合作議題"],
      "counties": ["Taipei", "NewTaipei"], "asks_central": false, "ministry": null,
      "sheet": {"description": "說明", "approach": "作法", "benefits": "效益", "contact_unit": "文化資產科"},
      "progress": [{"date": "2023-08-08", "text": "進度"}],
      "status": "open", "closure": null, "open_reason": null, "notes": []
    })");
}

std::vector<std::string> problems_of(const Json& item) {
    Diagnostics d("content/proposals/112.json");
    read_proposal(item, "[17]", d);
    return d.messages();
}

}  // namespace

TEST_CASE("a valid proposal reads and writes back unchanged") {
    Diagnostics d("f");
    Proposal p = read_proposal(valid_item(), "[0]", d);
    CHECK(d.empty());
    CHECK(p.id == "112-07");
    CHECK(p.subgroup == std::optional<std::string>("文化組"));
    CHECK(p.progress.at(0).date == beitai::text::Date{2023, 8, 8});
    CHECK(to_json(p) == valid_item());
}

TEST_CASE("each malformed field is named with its path and reason") {
    struct Case {
        const char* what;
        const char* pointer;
        Json value;
        const char* message;
    } cases[] = {
        {"bad status", "/status", "tracked",
         "content/proposals/112.json: [17].status: expected \"open\" or \"closed\""},
        {"year as text", "/year", "112",
         "content/proposals/112.json: [17].year: expected an integer, found a string"},
        {"bad date", "/progress/0/date", "112/08/08",
         "content/proposals/112.json: [17].progress[0].date: expected a date as YYYY-MM-DD, found \"112/08/08\""},
        {"unknown type", "/types/0", "合作",
         "content/proposals/112.json: [17].types[0]: unknown proposal type \"合作\""},
        {"bad id", "/id", "x-1",
         "content/proposals/112.json: [17].id: expected an id like \"112-07\", found \"x-1\""},
        {"empty title", "/title", "", "content/proposals/112.json: [17].title: must not be empty"},
        {"sheet not object", "/sheet", 3,
         "content/proposals/112.json: [17].sheet: expected an object or null, found an integer"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        Json item = valid_item();
        item[Json::json_pointer(c.pointer)] = c.value;
        auto problems = problems_of(item);
        REQUIRE(problems.size() >= 1);
        CHECK(problems[0] == c.message);
    }
}

TEST_CASE("status and closure must agree") {
    Json closed = valid_item();
    closed["status"] = "closed";
    auto p1 = problems_of(closed);
    REQUIRE(p1.size() == 1);
    CHECK(p1[0].find("[17].closure: a closed item needs its closure") != std::string::npos);

    Json open_with_closure = valid_item();
    open_with_closure["closure"] = {{"kind", "done"}, {"reason", "r"}, {"decision", nullptr}, {"date", nullptr}};
    auto p2 = problems_of(open_with_closure);
    REQUIRE(p2.size() == 1);
    CHECK(p2[0].find("an open item has no closure") != std::string::npos);

    Json bad_kind = valid_item();
    bad_kind["status"] = "closed";
    bad_kind["closure"] = {{"kind", "finished"}, {"reason", "r"}, {"decision", nullptr}, {"date", nullptr}};
    auto p3 = problems_of(bad_kind);
    REQUIRE(p3.size() == 1);
    CHECK(p3[0].find("[17].closure.kind: expected one of done") != std::string::npos);
}

TEST_CASE("a central request must name its ministry; missing and unknown keys are reported") {
    Json item = valid_item();
    item["asks_central"] = true;
    item.erase("notes");
    item["titel"] = "typo";
    auto problems = problems_of(item);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0] == "content/proposals/112.json: [17].notes: missing");
    CHECK(problems[1] == "content/proposals/112.json: [17].titel: unknown field");
    CHECK(problems[2].find("[17].ministry: an item asking the central government names the ministry") != std::string::npos);
}

TEST_CASE("status and closure kinds have one spelling each") {
    for (auto s : {Status::open, Status::closed}) CHECK(parse_status(to_string(s)) == s);
    for (auto k : {ClosureKind::done, ClosureKind::no_need, ClosureKind::cancelled, ClosureKind::central,
                   ClosureKind::routine, ClosureKind::other})
        CHECK(parse_closure_kind(to_string(k)) == k);
    CHECK_FALSE(parse_status("Open").has_value());
}
