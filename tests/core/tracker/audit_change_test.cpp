// tracker/audit_change: an audit row holds what a write changed (fields before and after, the
// status event), its size independent of the item's history; rows of the old form (whole
// records) read back as the same changes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "test_content.h"
#include "tracker/audit_change.h"

using namespace beitai::tracker;
namespace content = beitai::content;
namespace text = beitai::text;
using text::Json;

namespace {

const ProposalRecord& record(const char* id) {
    const auto* r = beitai::testing::repository_snapshot().find(id);
    REQUIRE(r != nullptr);
    return *r;
}

StatusEvent status_event(int day, content::Status from, content::Status to) {
    StatusEvent e;
    e.date = {2023, 1 + day / 28 % 12, 1 + day % 28};
    e.from = from;
    e.to = to;
    if (to == content::Status::closed) e.kind = content::ClosureKind::done;
    e.reason = "依第3次工作會議決議";
    e.agency = "桃園市政府交通局";
    return e;
}

// `r` with `n` status changes behind it, still open, then the write that closes it.
std::pair<ProposalRecord, ProposalRecord> close_after(const ProposalRecord& r, int n) {
    ProposalRecord before = r;
    before.proposal.status = content::Status::open;
    before.proposal.closure.reset();
    before.history.clear();
    for (int i = 0; i < n; ++i)
        before.history.push_back(i % 2 ? status_event(i, content::Status::closed, content::Status::open)
                                       : status_event(i, content::Status::open, content::Status::closed));
    if (n % 2) before.history.push_back(status_event(n, content::Status::closed, content::Status::open));
    ProposalRecord after = before;
    after.version = before.version + 1;
    after.proposal.status = content::Status::closed;
    after.proposal.closure = content::Closure{content::ClosureKind::done, "完成", std::string("第3次工作會議"), text::Date{2024, 1, 2}};
    after.history.push_back(status_event(400, content::Status::open, content::Status::closed));
    return {before, after};
}

std::vector<std::string> fields_of(const std::vector<FieldChange>& changes) {
    std::vector<std::string> out;
    for (const auto& c : changes) out.push_back(c.field);
    return out;
}

}  // namespace

TEST_CASE("audit_documents: a close keeps the changed fields before and after and the event, not the records") {
    auto [before, after] = close_after(record("112-15"), 10);
    const auto docs = audit_documents(&before, after, after.history.back());
    CHECK(docs.before["id"] == "112-15");
    CHECK(docs.before["version"] == before.version);
    CHECK(docs.after["version"] == before.version + 1);
    CHECK(docs.before["status"] == "open");
    CHECK(docs.after["status"] == "closed");
    CHECK(docs.before["closure.reason"].is_null());
    CHECK(docs.after["closure.reason"] == "完成");
    CHECK(docs.after["event"]["to"] == "closed");
    for (const char* whole : {"status_history", "title", "sheet", "progress", "counties"}) {
        CAPTURE(whole);
        CHECK(!docs.before.contains(whole));
        CHECK(!docs.after.contains(whole));
    }
}

TEST_CASE("audit_documents: the same size whether the item has 10 or 500 status changes behind it") {
    auto [b10, a10] = close_after(record("112-15"), 10);
    auto [b500, a500] = close_after(record("112-15"), 500);
    const auto d10 = audit_documents(&b10, a10, a10.history.back());
    const auto d500 = audit_documents(&b500, a500, a500.history.back());
    CHECK(text::to_json_text(d10.before).size() == text::to_json_text(d500.before).size());
    CHECK(text::to_json_text(d10.after).size() == text::to_json_text(d500.after).size());
    // The whole record, as rows held it before, grows with the history.
    CHECK(text::to_json_text(to_json(a500)).size() > 20 * text::to_json_text(d500.after).size());
}

TEST_CASE("read_audit_change: a close read back is the change and the event written") {
    auto [before, after] = close_after(record("112-15"), 3);
    const auto docs = audit_documents(&before, after, after.history.back());
    auto back = read_audit_change(text::to_json_text(docs.before), text::to_json_text(docs.after));
    REQUIRE(back.ok());
    CHECK(back->id == "112-15");
    CHECK(back->from_version == before.version);
    CHECK(back->version == after.version);
    const auto expected = changes_between(before.proposal, after.proposal);
    CHECK(fields_of(back->changes) == fields_of(expected));
    for (size_t i = 0; i < expected.size() && i < back->changes.size(); ++i) {
        CAPTURE(expected[i].field);
        CHECK(back->changes[i].before == expected[i].before);
        CHECK(back->changes[i].after == expected[i].after);
    }
    REQUIRE(back->event.has_value());
    CHECK(to_json(*back->event) == to_json(after.history.back()));
}

TEST_CASE("read_audit_change: progress entries added, and an edit, in the edit page's order") {
    const auto& r = record("112-15");
    ProposalRecord after = r;
    after.version = r.version + 1;
    after.proposal.title = "新標題";
    after.proposal.progress.push_back({{2023, 9, 1}, "桃園市已提供資料。", "桃園市政府交通局", "Taoyuan"});
    after.proposal.progress.push_back({{2023, 9, 2}, "新北市已提供資料。", "新北市政府交通局", "NewTaipei"});
    const auto docs = audit_documents(&r, after, std::nullopt);
    CHECK(docs.after["progress"].size() == 2);
    CHECK(docs.before["progress"] == Json::array({nullptr, nullptr}));
    CHECK(!docs.after.contains("event"));
    auto back = read_audit_change(text::to_json_text(docs.before), text::to_json_text(docs.after));
    REQUIRE(back.ok());
    CHECK(fields_of(back->changes) == std::vector<std::string>{"progress", "progress", "title"});
    CHECK(back->changes[1].after["text"] == "新北市已提供資料。");
    CHECK(back->changes[2].before == r.proposal.title);
    CHECK(!back->event);
}

TEST_CASE("audit_documents: a create has no before, and its after says every field it set") {
    ProposalRecord made = record("112-15");
    made.version = 1;
    const auto docs = audit_documents(nullptr, made, std::nullopt);
    CHECK(docs.before.is_null());
    CHECK(docs.after["version"] == 1);
    CHECK(docs.after["title"] == made.proposal.title);
    CHECK(docs.after["year"] == made.proposal.year);
    CHECK(docs.after.contains("seed_ref"));
    auto back = read_audit_change("", text::to_json_text(docs.after));
    REQUIRE(back.ok());
    CHECK(back->from_version == 0);
    CHECK(back->version == 1);
    CHECK(!back->changes.empty());
}

TEST_CASE("read_audit_change: an old row of two whole records reads as the change between them") {
    auto [before, after] = close_after(record("112-15"), 4);
    auto back = read_audit_change(text::to_json_text(to_json(before)), text::to_json_text(to_json(after)));
    REQUIRE(back.ok());
    CHECK(back->id == "112-15");
    CHECK(back->from_version == before.version);
    CHECK(back->version == after.version);
    CHECK(fields_of(back->changes) == fields_of(changes_between(before.proposal, after.proposal)));
    REQUIRE(back->event.has_value());
    CHECK(back->event->to == content::Status::closed);
    // And an old create (no before).
    auto created = read_audit_change("", text::to_json_text(to_json(record("112-15"))));
    REQUIRE(created.ok());
    CHECK(created->from_version == 0);
    CHECK(!created->changes.empty());
}

TEST_CASE("read_audit_change: hostile or damaged rows are errors, never a crash") {
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"", ""},
        {"", "not json"},
        {"", "[1,2]"},
        {"{", R"({"id":"112-15","version":2})"},
        {"[]", R"({"id":"112-15","version":2})"},
        {"", R"({"version":2,"status":"closed"})"},
        {"", R"({"id":7,"version":2})"},
        {"", R"({"id":"112-15","version":"two"})"},
        {"", R"({"id":"112-15","version":2,"progress":"not a list"})"},
        {"", R"({"id":"112-15","version":2,"event":{"from":"nowhere"}})"},
        {"", R"({"id":"112-15","status_history":"x"})"},
    };
    for (const auto& row : bad) {
        const std::string& b = row.first;  // named, not a structured binding: clang 14's CAPTURE cannot take one
        const std::string& a = row.second;
        CAPTURE(b);
        CAPTURE(a);
        CHECK(!read_audit_change(b, a).ok());
    }
    // A before that is not an object of fields is ignored field by field, never trusted as a list.
    auto odd = read_audit_change(R"({"id":"112-15","version":1,"progress":"x"})",
                                 R"({"id":"112-15","version":2,"progress":[{"text":"a"}]})");
    REQUIRE(odd.ok());
    REQUIRE(odd->changes.size() == 1);
    CHECK(odd->changes[0].before.is_null());
}

TEST_CASE("changes_between: a field the edit page does not offer still shows (year, notes)") {
    const auto& r = record("112-15");
    content::Proposal after = r.proposal;
    after.year = r.proposal.year + 1;
    after.notes.push_back("新的註記");
    const auto fields = fields_of(changes_between(r.proposal, after));
    CHECK(std::find(fields.begin(), fields.end(), "year") != fields.end());
    CHECK(std::find(fields.begin(), fields.end(), "notes") != fields.end());
    CHECK(std::find(fields.begin(), fields.end(), "id") == fields.end());
}
