// tracker/record: a proposal with its version, status history and date of last change; a
// snapshot of them all; and the flat JSON form read back with every problem named.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "test_content.h"
#include "tracker/record.h"

using namespace beitai::tracker;
namespace content = beitai::content;
namespace text = beitai::text;
using content::ClosureKind;
using content::Status;
using text::Date;
using text::Json;

namespace {

StatusEvent event(Date date, Status from, Status to) {
    StatusEvent e;
    e.date = date;
    e.from = from;
    e.to = to;
    if (to == Status::closed) e.kind = ClosureKind::done;
    e.reason = "示範理由";
    e.agency = "示範市政府";
    return e;
}

// A repository record as /proposals.json carries it.
Json record_json(const char* id) {
    const auto* r = beitai::testing::repository_snapshot().find(id);
    REQUIRE(r != nullptr);
    return to_json(*r);
}

std::string error_of(const Json& array) {
    auto r = read_records(array, "proposals.json");
    REQUIRE_FALSE(r.ok());
    return r.error();
}

}  // namespace

TEST_CASE("last_update is the latest of progress entries and status changes, in any order") {
    content::Proposal p;
    CHECK_FALSE(text::is_valid(last_update(p, {})));  // nothing dated: no date
    p.progress = {{{2023, 3, 1}, "a", "", ""}, {{2023, 8, 8}, "b", "", ""}, {{2023, 5, 1}, "c", "", ""}};
    CHECK(last_update(p, {}) == Date{2023, 8, 8});
    CHECK(last_update(p, {event({2023, 6, 12}, Status::open, Status::closed)}) == Date{2023, 8, 8});
    CHECK(last_update(p, {event({2023, 9, 1}, Status::open, Status::closed), event({2023, 6, 12}, Status::closed, Status::open)}) ==
          Date{2023, 9, 1});
    content::Proposal none;
    CHECK(last_update(none, {event({2022, 12, 31}, Status::open, Status::closed)}) == Date{2022, 12, 31});
    // Year, then month, then day: 2023-10-01 is after 2023-09-30.
    p.progress = {{{2023, 9, 30}, "a", "", ""}, {{2023, 10, 1}, "b", "", ""}, {{2022, 12, 31}, "c", "", ""}};
    CHECK(last_update(p, {}) == Date{2023, 10, 1});
}

TEST_CASE("a record from content starts at version 1 with the history the content implies") {
    content::Proposal open;
    open.id = "112-99";
    open.progress = {{{2023, 8, 8}, "進度", "", ""}};
    auto r = record_from_content(open);
    CHECK(r.id() == "112-99");
    CHECK(r.version == 1);
    CHECK(r.history.empty());
    CHECK(r.updated == Date{2023, 8, 8});

    // Closed at a meeting after the last progress report: the closing is the last change.
    content::Proposal closed = open;
    closed.status = Status::closed;
    closed.agency = "示範市政府";
    closed.closure = content::Closure{ClosureKind::routine, "轉為常態合作", "依示範會議決議", Date{2023, 9, 15}};
    auto c = record_from_content(closed);
    REQUIRE(c.history.size() == 1);
    CHECK(c.history[0].to == Status::closed);
    CHECK(c.history[0].kind == ClosureKind::routine);
    CHECK(c.history[0].agency == "示範市政府");
    CHECK(c.updated == Date{2023, 9, 15});
}

TEST_CASE("the snapshot holds one record per proposal, in the catalog's order, and finds them by id") {
    const auto& catalog = beitai::testing::repository_catalog();
    const Snapshot s = snapshot_from_catalog(catalog);
    CHECK(s.counties.size() == catalog.counties.size());
    CHECK(s.groups.size() == catalog.groups.size());
    REQUIRE(s.records.size() == catalog.proposals.size());
    for (size_t i = 0; i < s.records.size(); ++i) {
        CAPTURE(catalog.proposals[i].id);
        CHECK(s.records[i].id() == catalog.proposals[i].id);
        CHECK(s.records[i].version == 1);
        CHECK(s.find(catalog.proposals[i].id) == &s.records[i]);
        // A closed item carries its closing event; an open one none.
        CHECK(s.records[i].history.size() == (catalog.proposals[i].status == Status::closed ? 1u : 0u));
    }
    CHECK(s.find("111-99") == nullptr);
    CHECK(s.find("") == nullptr);
    CHECK(Snapshot{}.find("111-01") == nullptr);
}

TEST_CASE("the JSON form is the proposal's fields plus version, updated and status_history") {
    const auto* r = beitai::testing::repository_snapshot().find("111-01");
    REQUIRE(r != nullptr);
    const Json j = to_json(*r);
    CHECK(j["id"] == "111-01");
    CHECK(j["version"] == 1);
    CHECK(j["updated"] == "2023-08-08");  // the progress report is later than the 2023-06-12 closing
    REQUIRE(j["status_history"].size() == 1);
    CHECK(j["status_history"][0]["date"] == "2023-06-12");
    CHECK(j["status_history"][0]["to"] == "closed");
    // Everything else is the proposal's own form.
    Json proposal = j;
    proposal.erase("version");
    proposal.erase("updated");
    proposal.erase("status_history");
    CHECK(proposal == content::to_json(r->proposal));

    ProposalRecord undated = *r;
    undated.updated = {};
    CHECK(to_json(undated)["updated"].is_null());
    text::Diagnostics d("x");
    CHECK(read_record(to_json(undated), "[0]", d).updated == Date{});
    CHECK(d.empty());
}

TEST_CASE("a record reads back from its JSON, version and history included") {
    ProposalRecord r = *beitai::testing::repository_snapshot().find("111-13");
    r.version = 12;
    r.history = {event({2023, 6, 12}, Status::open, Status::closed), event({2023, 9, 1}, Status::closed, Status::open)};
    r.history[1].decision = "依示範會議決議";
    r.updated = {2023, 9, 1};
    text::Diagnostics d("proposals.json");
    const ProposalRecord back = read_record(to_json(r), "[4]", d);
    CHECK(d.empty());
    CHECK(back.version == 12);
    CHECK(back.updated == Date{2023, 9, 1});
    REQUIRE(back.history.size() == 2);
    CHECK(back.history[1].from == Status::closed);
    CHECK(back.history[1].decision == r.history[1].decision);
    CHECK(to_json(back) == to_json(r));
}

TEST_CASE("every problem of a record names its index and field") {
    SUBCASE("not an array") {
        CHECK(error_of(Json::object()) == "proposals.json: expected an array of proposals");
    }
    SUBCASE("not an object") {
        CHECK(error_of(Json::array({record_json("111-01"), "111-02"})) == "proposals.json: [1]: expected an object");
    }
    SUBCASE("the record's own fields") {
        Json a = record_json("111-01");
        Json b = record_json("111-13");
        a.erase("version");
        b["version"] = "2";
        b["updated"] = "2023/08/08";
        CHECK(error_of(Json::array({a, b})) ==
              "proposals.json: [0].version: missing\n"
              "proposals.json: [1].version: expected an integer, found a string\n"
              "proposals.json: [1].updated: expected a date as YYYY-MM-DD, found \"2023/08/08\"");
    }
    SUBCASE("a misspelt key is not taken for the version") {
        Json a = record_json("111-01");
        a["versoin"] = a["version"];
        a.erase("version");
        const std::string err = error_of(Json::array({a}));
        CHECK(err.find("proposals.json: [0].versoin: unknown field") != std::string::npos);
        CHECK(err.find("proposals.json: [0].version: missing") != std::string::npos);
    }
    SUBCASE("a broken status event names its place in the history") {
        Json a = record_json("111-01");
        a["status_history"][0]["to"] = "gone";
        Json b = record_json("111-02");
        b["status_history"] = "none";
        const std::string err = error_of(Json::array({a, b}));
        CHECK(err.find("proposals.json: [0].status_history[0]: ") == 0);
        CHECK(err.find("from: expected \"open\" or \"closed\"") != std::string::npos);
        CHECK(err.find("proposals.json: [1].status_history: expected an array, found a string") != std::string::npos);
    }
    SUBCASE("the proposal's own fields, with the same paths") {
        Json a = record_json("111-13");
        a["status"] = "finished";
        CHECK(error_of(Json::array({record_json("111-01"), a})) ==
              "proposals.json: [1].status: expected \"open\" or \"closed\"");
    }
}

TEST_CASE("Snapshot::put: a write replaces one record and shares every other with the snapshot before") {
    const Snapshot& before = beitai::testing::repository_snapshot();
    REQUIRE(before.records.size() > 3);
    Snapshot after = before;
    ProposalRecord changed = before.records[1];
    changed.version += 1;
    changed.history.push_back(event({2024, 1, 2}, changed.proposal.status, Status::closed));
    after.put(changed);
    REQUIRE(after.records.size() == before.records.size());
    CHECK(&after.records[0] == &before.records[0]);  // the same record, not a copy
    CHECK(&after.records[2] == &before.records[2]);
    CHECK(after.records[1].version == before.records[1].version + 1);
    CHECK(after.find(changed.id()) == &after.records[1]);
    // The snapshot before is as it was: readers holding it see no change.
    CHECK(before.records[1].history.size() + 1 == after.records[1].history.size());

    // A new item goes at the end, where the stores place it.
    ProposalRecord fresh = before.records[0];
    fresh.proposal.id = "999-01";
    after.put(fresh);
    REQUIRE(after.records.size() == before.records.size() + 1);
    CHECK(after.records.back().id() == "999-01");
    CHECK(before.find("999-01") == nullptr);

    // A record its writer holds goes in shared: the snapshot reads the writer's very record.
    auto held = std::make_shared<ProposalRecord>(after.records[2]);
    held->version += 1;
    after.put(held);
    CHECK(&after.records[2] == held.get());
    CHECK(after.records[2].version == before.records[2].version + 1);
    CHECK(before.records[2].version + 1 == held->version);
}

TEST_CASE("RecordList::edit copies a record another snapshot shares, and only then") {
    Snapshot a = beitai::testing::repository_snapshot();
    Snapshot b = a;
    const ProposalRecord* shared = &a.records[0];
    ProposalRecord& mine = b.records.edit(0);
    CHECK(&mine != shared);
    mine.version = 77;
    CHECK(a.records[0].version != 77);
    CHECK(&b.records.edit(0) == &mine);  // now b's own: no second copy
    std::vector<ProposalRecord> plain = {a.records[0], a.records[1]};
    RecordList list(plain);
    REQUIRE(list.size() == 2);
    CHECK(list[1].id() == a.records[1].id());
    int n = 0;
    for (const auto& r : list) n += !r.id().empty();
    CHECK(n == 2);
}
