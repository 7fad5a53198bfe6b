#include <doctest/doctest.h>

#include "test_content.h"
#include "tracker/api_json.h"
#include "tracker/query.h"
#include "tracker/stats.h"

using namespace beitai::tracker;
using beitai::text::Json;

TEST_CASE("the list the server sends reads back to the same counts") {
    const auto& snapshot = beitai::testing::repository_snapshot();
    auto records = select_records(snapshot, {});
    std::vector<const beitai::content::Proposal*> all;
    for (const auto* r : records) all.push_back(&r->proposal);
    Json list = list_json(records);
    CHECK(list["total"] == 55);
    CHECK(list["items"][0]["year"] == 112);  // newest year first
    CHECK(list["items"][0].contains("asks_central"));
    CHECK_FALSE(list["items"][0].contains("sheet"));  // the list is a summary
    auto back = read_summary_list(Json::parse(list.dump()));
    REQUIRE_MESSAGE(back.ok(), back.error());
    auto a = count_by_status(all);
    auto b = count_by_status(*back);
    CHECK(a.open == b.open);
    CHECK(a.closed == b.closed);
}

TEST_CASE("a list that lies about itself is refused with the path") {
    Json bad = Json::parse(R"({"total": 2, "items": [{"id":"112-01","year":112,"title":"t","group":"g","subgroup":null,
      "agency":"a","county":"Taipei","status":"maybe","asks_central":false,"ministry":null,"counties":[],"types":[]}]})");
    auto r = read_summary_list(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find("/api/proposals: items[0].status: expected \"open\" or \"closed\"") != std::string::npos);
    CHECK(r.error().find("total: says 2 but items holds 1") != std::string::npos);
}

TEST_CASE("the record carries the whole item, its version and its status history") {
    const auto& snapshot = beitai::testing::repository_snapshot();
    const auto* r = snapshot.find("111-02");
    REQUIRE(r != nullptr);
    const auto* p = &r->proposal;
    Json d = to_json(*r);
    CHECK(d["version"] == 1);
    CHECK(d["updated"] == "2023-08-08");
    CHECK(d["id"] == "111-02");
    CHECK(d["status"] == "closed");
    CHECK(d["closure"]["kind"] == "done");
    REQUIRE(d["status_history"].size() == 1);
    CHECK(d["status_history"][0]["to"] == "closed");
    CHECK(d["progress"].size() == p->progress.size());
}

TEST_CASE("a write's answer: the record without its history, the event it added and the history's length") {
    const auto* stored = beitai::testing::repository_snapshot().find("111-01");
    REQUIRE(stored != nullptr);
    ProposalRecord record = *stored;
    for (int i = 0; i < 40; ++i) record.history.push_back(record.history.front());
    StatusEvent added = record.history.front();
    added.reason = "本次寫入的理由";
    record.history.push_back(added);

    const Json j = written_json(record, added);
    CHECK_FALSE(j.contains("status_history"));
    CHECK(j["status_history_length"] == record.history.size());
    CHECK(j["status_event"] == to_json(added));
    CHECK(j["status_event"]["reason"] == "本次寫入的理由");
    // Every other member is the record's own, so a client reads the version and fields as from GET.
    Json rest = j;
    rest.erase("status_event");
    rest.erase("status_history_length");
    Json whole = to_json(record);
    whole.erase("status_history");
    CHECK(rest == whole);
    // Its size does not follow the history's: 41 more entries, the same answer but for the count.
    ProposalRecord shorter = record;
    shorter.history = {record.history.front(), added};
    CHECK(written_json(shorter, added).dump().size() + 1 == j.dump().size());

    const Json edit = written_json(record, std::nullopt);
    CHECK(edit["status_event"].is_null());
    CHECK(edit["version"] == record.version);
}
