#include <doctest/doctest.h>

#include "test_content.h"
#include "tracker/actions.h"

using namespace beitai::tracker;
using beitai::content::ClosureKind;
using beitai::text::Json;
using beitai::content::Status;
using beitai::text::Date;
using Kind = Refusal::Kind;

namespace {

const Date kToday{2023, 9, 1};
// Taoyuan's editor works at the city's research and evaluation commission, not at the
// agency that proposed the items, so the history shows whose change it was.
const Actor kTaoyuan{"tao-editor", Role::editor, "Taoyuan", "桃園市政府研究發展考核委員會"};
const Actor kTaipei{"tpe-editor", Role::editor, "Taipei", "臺北市政府觀光傳播局"};
const Actor kAdmin{"secretariat", Role::admin, "", "北臺區域發展推動委員會秘書處"};

const Snapshot& snapshot() { return beitai::testing::repository_snapshot(); }

const ProposalRecord& record(const char* id) {
    const auto* r = snapshot().find(id);
    REQUIRE(r != nullptr);
    return *r;
}

// An action as the server reads it from a request body.
Action action(ActionKind kind, const Json& body) {
    auto a = read_action(kind, body);
    REQUIRE_MESSAGE(a.ok(), a.error());
    return *a;
}

Json close_body(long long version) {
    return Json{{"version", version},
                {"kind", "done"},
                {"reason", "已辦理完竣"},
                {"decision", "依112年8月30日第4次工作會議決議"},
                {"date", "2023-08-30"}};
}

// An open proposal of Taoyuan's. The repository holds none today (Taoyuan's items are all
// 111's and closed), so when there is none the first Taoyuan item is reopened by the
// secretariat first, through the same rules.
ProposalRecord open_taoyuan_record() {
    const ProposalRecord* first = nullptr;
    for (const auto& r : snapshot().records) {
        if (r.proposal.county != "Taoyuan") continue;
        if (r.proposal.status == Status::open) return r;
        if (!first) first = &r;
    }
    REQUIRE(first != nullptr);
    auto out = apply_action(snapshot(), first,
                            action(ActionKind::reopen, {{"version", first->version}, {"reason", "重新檢討"}}), kAdmin,
                            {2023, 8, 20});
    REQUIRE_MESSAGE(out.ok(), out.refusal.message);
    REQUIRE(out.record->proposal.status == Status::open);
    return *out.record;
}

// The proposal's JSON minus the fields a status change may touch.
Json without_status(const beitai::content::Proposal& p) {
    Json j = beitai::content::to_json(p);
    for (const char* key : {"status", "closure", "open_reason"}) j.erase(key);
    return j;
}

std::string too_long(size_t bytes) { return std::string(bytes, 'x'); }

}  // namespace

TEST_CASE("read_action refuses bodies it cannot take, naming the field") {
    std::string chinese;
    for (int i = 0; i < 6667; ++i) chinese += "字";  // 20001 bytes, 6667 characters
    struct Case {
        const char* what;
        ActionKind kind;
        Json body;
        std::string message;
    } cases[] = {
        {"unknown field", ActionKind::edit, {{"version", 1}, {"titel", "x"}}, "titel: unknown field"},
        {"unknown field in progress", ActionKind::progress, {{"version", 1}, {"text", "x"}, {"kind", "done"}},
         "kind: unknown field"},
        {"decision on reopen", ActionKind::reopen, {{"version", 1}, {"reason", "r"}, {"decision", "d"}},
         "decision: unknown field"},
        {"status in an edit", ActionKind::edit, {{"version", 1}, {"status", "closed"}},
         "status: unknown field here (close or reopen the proposal instead)"},
        {"version missing", ActionKind::close, {{"kind", "done"}, {"reason", "r"}},
         "version: missing (the version you edited)"},
        {"version missing from an edit", ActionKind::edit, {{"title", "t"}}, "version: missing (the version you edited)"},
        {"version as text", ActionKind::close, {{"version", "1"}, {"kind", "done"}, {"reason", "r"}},
         "version: expected the version number you edited (an integer from 1)"},
        {"version zero", ActionKind::progress, {{"version", 0}, {"text", "x"}},
         "version: expected the version number you edited (an integer from 1)"},
        {"version negative", ActionKind::progress, {{"version", -3}, {"text", "x"}},
         "version: expected the version number you edited (an integer from 1)"},
        {"version fractional", ActionKind::progress, {{"version", 1.5}, {"text", "x"}},
         "version: expected the version number you edited (an integer from 1)"},
        {"version null", ActionKind::progress, {{"version", nullptr}, {"text", "x"}},
         "version: expected the version number you edited (an integer from 1)"},
        {"version past 2^63", ActionKind::progress, {{"version", 18446744073709551615ull}, {"text", "x"}},
         "version: expected the version number you edited (an integer from 1)"},
        {"version on create", ActionKind::create, {{"version", 1}, {"title", "t"}}, "version: a new proposal has no version"},
        {"nothing to change", ActionKind::edit, {{"version", 1}}, "(body): nothing to change"},
        {"an array", ActionKind::edit, Json::array({1, 2}), "(body): expected a JSON object"},
        {"a string", ActionKind::progress, "text", "(body): expected a JSON object"},
        {"null", ActionKind::close, nullptr, "(body): expected a JSON object"},
        {"oversized text", ActionKind::progress, {{"version", 1}, {"text", too_long(20001)}},
         "text: longer than 20000 bytes"},
        {"oversized Chinese text counts bytes", ActionKind::progress, {{"version", 1}, {"text", chinese}},
         "text: longer than 20000 bytes"},
        {"oversized inside the sheet", ActionKind::edit,
         {{"version", 1}, {"sheet", {{"description", too_long(20001)}}}}, "sheet.description: longer than 20000 bytes"},
        {"oversized inside a list", ActionKind::edit, {{"version", 1}, {"counties", Json::array({"Taipei", too_long(30000)})}},
         "counties[1]: longer than 20000 bytes"},
        {"oversized reason", ActionKind::close, {{"version", 1}, {"kind", "done"}, {"reason", too_long(1 << 20)}},
         "reason: longer than 20000 bytes"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        auto a = read_action(c.kind, c.body);
        REQUIRE_FALSE(a.ok());
        CHECK(a.error() == c.message);
    }
}

TEST_CASE("read_action takes a good body: the version apart, the fields as sent") {
    auto a = read_action(ActionKind::close, close_body(4));
    REQUIRE_MESSAGE(a.ok(), a.error());
    CHECK(a->kind == ActionKind::close);
    CHECK(a->version == 4);
    CHECK_FALSE(a->fields.contains("version"));
    CHECK(a->fields["reason"] == "已辦理完竣");
    CHECK(a->fields.size() == 4);

    auto limit = read_action(ActionKind::progress, {{"version", 1}, {"text", too_long(20000)}});
    CHECK_MESSAGE(limit.ok(), limit.error());  // the limit itself is allowed

    auto create = read_action(ActionKind::create, {{"year", 113}, {"title", "t"}});
    REQUIRE_MESSAGE(create.ok(), create.error());
    CHECK(create->version == 0);
}

TEST_CASE("an editor closes their own county's proposal with reason, decision and date") {
    const ProposalRecord before = open_taoyuan_record();
    REQUIRE(before.proposal.county == "Taoyuan");
    auto out = apply_action(snapshot(), &before, action(ActionKind::close, close_body(before.version)), kTaoyuan, kToday);
    REQUIRE_MESSAGE(out.ok(), out.refusal.message);
    const ProposalRecord& after = *out.record;
    CHECK(after.id() == before.id());
    CHECK(after.proposal.status == Status::closed);
    REQUIRE(after.proposal.closure.has_value());
    CHECK(after.proposal.closure->kind == ClosureKind::done);
    CHECK(after.proposal.closure->reason == "已辦理完竣");
    CHECK(after.proposal.closure->decision == std::optional<std::string>("依112年8月30日第4次工作會議決議"));
    CHECK(after.proposal.closure->date == std::optional<Date>(Date{2023, 8, 30}));
    CHECK(after.version == before.version + 1);
    CHECK(after.updated == kToday);
    REQUIRE(after.history.size() == before.history.size() + 1);
    const StatusEvent& e = after.history.back();
    CHECK(e.date == Date{2023, 8, 30});
    CHECK(e.from == Status::open);
    CHECK(e.to == Status::closed);
    CHECK(e.kind == std::optional<ClosureKind>(ClosureKind::done));
    CHECK(e.reason == "已辦理完竣");
    CHECK(e.decision == std::optional<std::string>("依112年8月30日第4次工作會議決議"));
    CHECK(e.agency == "桃園市政府研究發展考核委員會");  // the actor's agency, never the account
    CHECK(without_status(after.proposal) == without_status(before.proposal));
    for (size_t i = 0; i < before.history.size(); ++i) CHECK(to_json(after.history[i]) == to_json(before.history[i]));
}

TEST_CASE("closing without a date closes today; an empty decision is no decision") {
    const ProposalRecord before = open_taoyuan_record();
    auto out = apply_action(snapshot(), &before,
                            action(ActionKind::close, {{"version", before.version},
                                                       {"kind", "no_need"},
                                                       {"reason", "已無需求"},
                                                       {"decision", ""}}),
                            kTaoyuan, kToday);
    REQUIRE_MESSAGE(out.ok(), out.refusal.message);
    CHECK(out.record->proposal.closure->date == std::optional<Date>(kToday));
    CHECK_FALSE(out.record->proposal.closure->decision.has_value());
    CHECK(out.record->history.back().date == kToday);
    CHECK(out.record->history.back().kind == std::optional<ClosureKind>(ClosureKind::no_need));
}

TEST_CASE("an editor cannot touch another county's proposal, whatever the action") {
    const ProposalRecord& taipei = record("111-13");
    REQUIRE(taipei.proposal.county == "Taipei");
    REQUIRE(taipei.proposal.status == Status::open);
    struct Case {
        const char* what;
        ActionKind kind;
        Json body;
    } cases[] = {
        {"close", ActionKind::close, close_body(taipei.version)},
        {"edit", ActionKind::edit, {{"version", taipei.version}, {"title", "改名"}}},
        {"progress", ActionKind::progress, {{"version", taipei.version}, {"text", "進度"}}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        auto out = apply_action(snapshot(), &taipei, action(c.kind, c.body), kTaoyuan, kToday);
        CHECK_FALSE(out.ok());
        CHECK(out.refusal.kind == Kind::forbidden);
        CHECK(out.refusal.message == "a Taoyuan editor cannot change proposal 111-13 of Taipei");
    }
    // And the other way round: Taoyuan's closed item is out of Taipei's reach.
    auto reopen = apply_action(snapshot(), &record("111-02"),
                               action(ActionKind::reopen, {{"version", 1}, {"reason", "r"}}), kTaipei, kToday);
    CHECK(reopen.refusal.kind == Kind::forbidden);
    CHECK_FALSE(reopen.ok());
    // Nothing changed.
    CHECK(record("111-13").version == 1);
    CHECK(record("111-13").proposal.status == Status::open);
    CHECK(record("111-13").proposal.title == taipei.proposal.title);
    CHECK(record("111-02").proposal.status == Status::closed);

    // An editor without a county edits nothing.
    Actor nobody = kTaoyuan;
    nobody.county.clear();
    auto out = apply_action(snapshot(), &taipei, action(ActionKind::progress, {{"version", 1}, {"text", "x"}}), nobody, kToday);
    CHECK(out.refusal.kind == Kind::forbidden);
}

TEST_CASE("the secretariat may act on any county's proposal") {
    for (const char* id : {"111-13", "112-10", "112-27"}) {
        CAPTURE(id);
        const ProposalRecord& r = record(id);
        auto edited = apply_action(snapshot(), &r, action(ActionKind::edit, {{"version", 1}, {"title", "秘書處修正標題"}}),
                                   kAdmin, kToday);
        REQUIRE_MESSAGE(edited.ok(), edited.refusal.message);
        CHECK(edited.record->proposal.title == "秘書處修正標題");
        auto closed = apply_action(snapshot(), &r, action(ActionKind::close, close_body(1)), kAdmin, kToday);
        REQUIRE_MESSAGE(closed.ok(), closed.refusal.message);
        CHECK(closed.record->history.back().agency == kAdmin.agency);
    }
}

TEST_CASE("a write based on an old version is a conflict naming both versions") {
    const ProposalRecord& v1 = record("111-13");
    auto v2 = apply_action(snapshot(), &v1, action(ActionKind::progress, {{"version", 1}, {"text", "第一筆"}}), kTaipei,
                           kToday);
    REQUIRE_MESSAGE(v2.ok(), v2.refusal.message);
    REQUIRE(v2.record->version == 2);

    auto stale = apply_action(snapshot(), &*v2.record, action(ActionKind::close, close_body(1)), kTaipei, kToday);
    CHECK_FALSE(stale.ok());
    CHECK(stale.refusal.kind == Kind::conflict);
    CHECK(stale.refusal.message == "proposal 111-13 changed since version 1: it is now version 2");

    auto ahead = apply_action(snapshot(), &*v2.record, action(ActionKind::close, close_body(5)), kTaipei, kToday);
    CHECK(ahead.refusal.kind == Kind::conflict);
    CHECK(ahead.refusal.message.find("version 5") != std::string::npos);
    CHECK(ahead.refusal.message.find("version 2") != std::string::npos);

    auto fresh = apply_action(snapshot(), &*v2.record, action(ActionKind::close, close_body(2)), kTaipei, kToday);
    REQUIRE_MESSAGE(fresh.ok(), fresh.refusal.message);
    CHECK(fresh.record->version == 3);
}

TEST_CASE("closing a closed item and reopening an open one are conflicts") {
    auto twice = apply_action(snapshot(), &record("111-02"), action(ActionKind::close, close_body(1)), kTaoyuan, kToday);
    CHECK_FALSE(twice.ok());
    CHECK(twice.refusal.kind == Kind::conflict);
    CHECK(twice.refusal.message == "proposal 111-02 is already closed");

    auto reopen = apply_action(snapshot(), &record("111-13"),
                               action(ActionKind::reopen, {{"version", 1}, {"reason", "r"}}), kTaipei, kToday);
    CHECK_FALSE(reopen.ok());
    CHECK(reopen.refusal.kind == Kind::conflict);
    CHECK(reopen.refusal.message == "proposal 111-13 is already open");
}

TEST_CASE("reopening records why, and the event runs from closed to open") {
    const ProposalRecord& closed = record("111-02");
    auto out = apply_action(snapshot(), &closed,
                            action(ActionKind::reopen, {{"version", 1}, {"reason", "教育部要求持續追蹤"}, {"date", "2023-08-25"}}),
                            kTaoyuan, kToday);
    REQUIRE_MESSAGE(out.ok(), out.refusal.message);
    const auto& p = out.record->proposal;
    CHECK(p.status == Status::open);
    CHECK_FALSE(p.closure.has_value());
    CHECK(p.open_reason == std::optional<std::string>("教育部要求持續追蹤"));
    CHECK(out.record->version == 2);
    REQUIRE(out.record->history.size() == 2);
    const StatusEvent& e = out.record->history.back();
    CHECK(e.date == Date{2023, 8, 25});
    CHECK(e.from == Status::closed);
    CHECK(e.to == Status::open);
    CHECK_FALSE(e.kind.has_value());
    CHECK_FALSE(e.decision.has_value());
    CHECK(e.reason == "教育部要求持續追蹤");
    CHECK(e.agency == "桃園市政府研究發展考核委員會");
    CHECK(to_json(out.record->history.front()) == to_json(closed.history.front()));  // the past stays

    auto no_reason = apply_action(snapshot(), &closed, action(ActionKind::reopen, {{"version", 1}}), kTaoyuan, kToday);
    CHECK(no_reason.refusal.kind == Kind::invalid);
    CHECK(no_reason.refusal.message == "reason: required, a non-empty string");
}

TEST_CASE("a progress entry is appended with its date") {
    const ProposalRecord& r = record("112-10");  // NewTaipei's
    const Actor new_taipei{"ntpc", Role::editor, "NewTaipei", "新北市政府教育局"};
    auto dated = apply_action(snapshot(), &r,
                              action(ActionKind::progress, {{"version", 1}, {"text", "第二次會議"}, {"date", "2023-08-31"}}),
                              new_taipei, kToday);
    REQUIRE_MESSAGE(dated.ok(), dated.refusal.message);
    const auto& log = dated.record->proposal.progress;
    REQUIRE(log.size() == r.proposal.progress.size() + 1);
    CHECK(log.back().date == Date{2023, 8, 31});
    CHECK(log.back().text == "第二次會議");
    CHECK(log.front().text == r.proposal.progress.front().text);
    CHECK(dated.record->proposal.status == r.proposal.status);
    CHECK(dated.record->history.size() == r.history.size());
    CHECK(dated.record->version == 2);

    auto today = apply_action(snapshot(), &r, action(ActionKind::progress, {{"version", 1}, {"text", "今日"}}),
                              new_taipei, kToday);
    REQUIRE_MESSAGE(today.ok(), today.refusal.message);
    CHECK(today.record->proposal.progress.back().date == kToday);
    auto on_today = apply_action(snapshot(), &r,
                                 action(ActionKind::progress, {{"version", 1}, {"text", "今日"}, {"date", "2023-09-01"}}),
                                 new_taipei, kToday);
    CHECK_MESSAGE(on_today.ok(), on_today.refusal.message);
}

TEST_CASE("dates after today and malformed values are refused") {
    const ProposalRecord& r = record("111-13");
    struct Case {
        const char* what;
        ActionKind kind;
        Json body;
        std::string message;
    } cases[] = {
        {"progress tomorrow", ActionKind::progress, {{"version", 1}, {"text", "x"}, {"date", "2023-09-02"}},
         "date: 2023-09-02 is after today (2023-09-01)"},
        {"close next year", ActionKind::close, {{"version", 1}, {"kind", "done"}, {"reason", "r"}, {"date", "2024-01-01"}},
         "date: 2024-01-01 is after today (2023-09-01)"},
        {"ROC date", ActionKind::progress, {{"version", 1}, {"text", "x"}, {"date", "112/08/30"}},
         "date: expected a date as YYYY-MM-DD, found \"112/08/30\""},
        {"impossible date", ActionKind::progress, {{"version", 1}, {"text", "x"}, {"date", "2023-02-30"}},
         "date: expected a date as YYYY-MM-DD, found \"2023-02-30\""},
        {"date as number", ActionKind::progress, {{"version", 1}, {"text", "x"}, {"date", 20230830}},
         "date: expected a date as YYYY-MM-DD"},
        {"empty text", ActionKind::progress, {{"version", 1}, {"text", ""}}, "text: required, a non-empty string"},
        {"text not a string", ActionKind::progress, {{"version", 1}, {"text", 3}}, "text: expected a string, found an integer"},
        {"unknown kind", ActionKind::close, {{"version", 1}, {"kind", "finished"}, {"reason", "r"}},
         "kind: expected done, no_need, cancelled, central, routine or other, found \"finished\""},
        {"missing kind", ActionKind::close, {{"version", 1}, {"reason", "r"}},
         "kind: required: choose done, no_need, cancelled, central, routine or other"},
        {"missing reason", ActionKind::close, {{"version", 1}, {"kind", "done"}}, "reason: required, a non-empty string"},
        {"decision not text", ActionKind::close, {{"version", 1}, {"kind", "done"}, {"reason", "r"}, {"decision", 5}},
         "decision: expected a string or null"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        auto out = apply_action(snapshot(), &r, action(c.kind, c.body), kTaipei, kToday);
        CHECK_FALSE(out.ok());
        CHECK(out.refusal.kind == Kind::invalid);
        CHECK(out.refusal.message == c.message);
    }
}

TEST_CASE("an edit changes the fields sent and is validated like content") {
    const ProposalRecord& r = record("111-13");
    auto out = apply_action(snapshot(), &r, action(ActionKind::edit, {{"version", 1}, {"title", "8 縣市旅遊資訊交流平台"}}),
                            kTaipei, kToday);
    REQUIRE_MESSAGE(out.ok(), out.refusal.message);
    CHECK(out.record->proposal.title == "8 縣市旅遊資訊交流平台");
    CHECK(out.record->version == 2);
    CHECK(out.record->updated == kToday);
    CHECK(out.record->history.size() == r.history.size());
    Json before = beitai::content::to_json(r.proposal), after = beitai::content::to_json(out.record->proposal);
    before.erase("title");
    after.erase("title");
    CHECK(before == after);

    struct Case {
        const char* what;
        Json fields;
        std::string message;
    } cases[] = {
        {"unknown group", {{"group", "外交組"}}, "group: unknown issue group \"外交組\""},
        {"empty title", {{"title", ""}}, "title: required, a non-empty string"},
        {"blank title", {{"title", " \u3000 "}}, "title: must not be blank (white space alone says nothing)"},
        {"sub-group of another group", {{"group", "交通運輸組"}, {"subgroup", "文化組"}},
         "subgroup: \"文化組\" is not a sub-group of 交通運輸組"},
        {"unknown cooperating county", {{"counties", Json::array({"Taipei", "Tainan"})}}, "counties: unknown county id \"Tainan\""},
        {"unknown type", {{"types", Json::array({"合作"})}}, "types[0]: unknown proposal type \"合作\""},
        {"central without a ministry", {{"asks_central", true}}, "ministry: an item asking the central government names the ministry"},
        {"title of the wrong type", {{"title", 7}}, "title: expected a string, found an integer"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        Json body = c.fields;
        body["version"] = 1;
        auto bad = apply_action(snapshot(), &r, action(ActionKind::edit, body), kTaipei, kToday);
        CHECK_FALSE(bad.ok());
        CHECK(bad.refusal.kind == Kind::invalid);
        CHECK(bad.refusal.message == c.message);
    }

    // Fields outside the editable set are refused even if a caller skips read_action.
    Action raw;
    raw.kind = ActionKind::edit;
    raw.version = 1;
    raw.fields = {{"status", "closed"}};
    auto bypass = apply_action(snapshot(), &r, raw, kTaipei, kToday);
    CHECK(bypass.refusal.kind == Kind::invalid);
    CHECK(bypass.refusal.message == "status: unknown field");
}

TEST_CASE("only the secretariat moves a proposal to another county or agency") {
    const ProposalRecord& r = record("111-13");
    for (const char* key : {"county", "agency"}) {
        CAPTURE(key);
        Json body = {{"version", 1}, {key, std::string(key) == "county" ? "NewTaipei" : "新北市政府觀光旅遊局"}};
        auto editor = apply_action(snapshot(), &r, action(ActionKind::edit, body), kTaipei, kToday);
        CHECK_FALSE(editor.ok());
        CHECK(editor.refusal.kind == Kind::forbidden);
        CHECK(editor.refusal.message ==
              std::string(key) + ": only the committee secretariat moves a proposal to another county or agency");
        auto admin = apply_action(snapshot(), &r, action(ActionKind::edit, body), kAdmin, kToday);
        REQUIRE_MESSAGE(admin.ok(), admin.refusal.message);
        CHECK(beitai::content::to_json(admin.record->proposal)[key] == body[key]);
    }
    // Sending the value it already has is no move.
    auto same = apply_action(snapshot(), &r, action(ActionKind::edit, {{"version", 1}, {"county", "Taipei"}, {"title", "t"}}),
                             kTaipei, kToday);
    CHECK_MESSAGE(same.ok(), same.refusal.message);
    // Once moved, the old county's editor no longer reaches it.
    auto moved = apply_action(snapshot(), &r, action(ActionKind::edit, {{"version", 1}, {"county", "NewTaipei"}}), kAdmin,
                              kToday);
    REQUIRE(moved.ok());
    auto after = apply_action(snapshot(), &*moved.record, action(ActionKind::progress, {{"version", 2}, {"text", "x"}}),
                              kTaipei, kToday);
    CHECK(after.refusal.kind == Kind::forbidden);
    // A county that does not exist is invalid even for the secretariat.
    auto nowhere = apply_action(snapshot(), &r, action(ActionKind::edit, {{"version", 1}, {"county", "Tainan"}}), kAdmin,
                                kToday);
    CHECK(nowhere.refusal.kind == Kind::invalid);
    CHECK(nowhere.refusal.message == "county: unknown county id \"Tainan\"");
}

TEST_CASE("a new proposal takes the next free id of its year") {
    CHECK(next_proposal_id(snapshot(), 113) == "113-01");
    CHECK(next_proposal_id(snapshot(), 112) == "112-43");
    CHECK(next_proposal_id(snapshot(), 111) == "111-14");
    CHECK(next_proposal_id(snapshot(), 11) == "11-01");  // "11-" is not a prefix of "111-…"
    Snapshot empty;
    CHECK(next_proposal_id(empty, 112) == "112-01");
}

TEST_CASE("an editor files a proposal for their own county only") {
    const Json body = {{"year", 113},
                       {"title", "北臺共享雙語教材"},
                       {"group", "文化教育組"},
                       {"subgroup", "教育組"},
                       {"agency", "桃園市政府研究發展考核委員會"},
                       {"county", "Taoyuan"},
                       {"types", Json::array({"跨縣市實質合作議題"})},
                       {"counties", Json::array({"Taoyuan", "Taipei"})}};
    const std::string id = next_proposal_id(snapshot(), 113);
    REQUIRE(id == "113-01");
    auto out = apply_action(snapshot(), nullptr, action(ActionKind::create, body), kTaoyuan, kToday, id);
    REQUIRE_MESSAGE(out.ok(), out.refusal.message);
    const auto& r = *out.record;
    CHECK(r.id() == "113-01");
    CHECK(r.proposal.year == 113);
    CHECK(r.version == 1);
    CHECK(r.updated == kToday);
    CHECK(r.proposal.status == Status::open);
    CHECK_FALSE(r.proposal.closure.has_value());
    CHECK(r.proposal.progress.empty());
    CHECK(r.history.empty());
    CHECK(r.proposal.seed_ref == "北臺入口網站線上新增（桃園市政府研究發展考核委員會）");
    CHECK(r.proposal.agency == "桃園市政府研究發展考核委員會");
    CHECK(r.proposal.counties == std::vector<std::string>{"Taoyuan", "Taipei"});

    // The public pages show the agency as the proposer: an editor files under their own.
    Json other_agency = body;
    other_agency["agency"] = "臺北市政府交通局";
    auto posing = apply_action(snapshot(), nullptr, action(ActionKind::create, other_agency), kTaoyuan, kToday, id);
    CHECK(posing.refusal.kind == Kind::forbidden);
    CHECK(posing.refusal.message.find("agency: an editor files proposals under their own agency") == 0);
    // …and not into a year already closed out (111), nor years ahead.
    for (int year : {111, 115}) {
        Json wrong_year = body;
        wrong_year["year"] = year;
        auto refused_year = apply_action(snapshot(), nullptr, action(ActionKind::create, wrong_year), kTaoyuan, kToday,
                                         next_proposal_id(snapshot(), year));
        CHECK(refused_year.refusal.kind == Kind::invalid);
        CHECK(refused_year.refusal.message == "year: an editor files proposals for the years 112 to 113");
    }
    CHECK_FALSE(r.proposal.sheet.has_value());

    Json for_taipei = body;
    for_taipei["county"] = "Taipei";
    auto refused = apply_action(snapshot(), nullptr, action(ActionKind::create, for_taipei), kTaoyuan, kToday, id);
    CHECK_FALSE(refused.ok());
    CHECK(refused.refusal.kind == Kind::forbidden);
    CHECK(refused.refusal.message == "a Taoyuan editor cannot file a proposal for Taipei");
    auto by_admin = apply_action(snapshot(), nullptr, action(ActionKind::create, for_taipei), kAdmin, kToday, id);
    CHECK_MESSAGE(by_admin.ok(), by_admin.refusal.message);

    Json in_112 = body;
    in_112["year"] = 112;
    const std::string next_112 = next_proposal_id(snapshot(), 112);
    CHECK(next_112 == "112-43");
    auto filed = apply_action(snapshot(), nullptr, action(ActionKind::create, in_112), kTaoyuan, kToday, next_112);
    REQUIRE_MESSAGE(filed.ok(), filed.refusal.message);
    CHECK(filed.record->id() == "112-43");

    auto taken = apply_action(snapshot(), nullptr, action(ActionKind::create, in_112), kTaoyuan, kToday, "112-09");
    CHECK(taken.refusal.kind == Kind::conflict);
    CHECK(taken.refusal.message == "proposal 112-09 exists already");

    auto wrong_year = apply_action(snapshot(), nullptr, action(ActionKind::create, body), kTaoyuan, kToday, "112-43");
    CHECK(wrong_year.refusal.kind == Kind::invalid);
    CHECK(wrong_year.refusal.message == "id: \"112-43\" does not start with its year 113");

    Json untitled = body;
    untitled.erase("title");
    auto missing = apply_action(snapshot(), nullptr, action(ActionKind::create, untitled), kTaoyuan, kToday, id);
    CHECK(missing.refusal.kind == Kind::invalid);
    CHECK(missing.refusal.message.rfind("title: ", 0) == 0);
}

TEST_CASE("an action on no proposal is not found") {
    auto out = apply_action(snapshot(), nullptr, action(ActionKind::progress, {{"version", 1}, {"text", "x"}}), kAdmin,
                            kToday);
    CHECK_FALSE(out.ok());
    CHECK(out.refusal.kind == Kind::not_found);
}

TEST_CASE("roles and action kinds have one spelling each") {
    for (auto role : {Role::editor, Role::admin}) CHECK(parse_role(to_string(role)) == std::optional<Role>(role));
    CHECK_FALSE(parse_role("Admin").has_value());
    CHECK_FALSE(parse_role("").has_value());
    CHECK(to_string(ActionKind::create) == "create");
    CHECK(to_string(ActionKind::reopen) == "reopen");
    CHECK(may_edit(kAdmin, record("111-13").proposal));
    CHECK(may_edit(kTaipei, record("111-13").proposal));
    CHECK_FALSE(may_edit(kTaoyuan, record("111-13").proposal));
    CHECK(may_create(kTaoyuan, "Taoyuan"));
    CHECK_FALSE(may_create(kTaoyuan, "Taipei"));
    CHECK(may_create(kAdmin, "Taipei"));
}

TEST_CASE("a change of status cannot be dated before the last one") {
    const auto* closed = snapshot().find("111-01");  // closed on 2023-06-12
    REQUIRE(closed != nullptr);
    REQUIRE_FALSE(closed->history.empty());
    auto early = apply_action(snapshot(), closed,
                              action(ActionKind::reopen, {{"version", closed->version}, {"reason", "重新檢視"}, {"date", "2023-01-01"}}),
                              kAdmin, kToday);
    CHECK(early.refusal.kind == Kind::invalid);
    CHECK(early.refusal.message == "date: 2023-01-01 is before the last change of status (2023-06-12)");
    auto same_day = apply_action(snapshot(), closed,
                                 action(ActionKind::reopen, {{"version", closed->version}, {"reason", "重新檢視"}, {"date", "2023-06-12"}}),
                                 kAdmin, kToday);
    CHECK_MESSAGE(same_day.ok(), same_day.refusal.message);
}

TEST_CASE("an action says which change of status it made, and a conflict carries the record as it is now") {
    const ProposalRecord& v1 = record("111-13");
    SUBCASE("progress and edit change no status") {
        auto progress = apply_action(snapshot(), &v1, action(ActionKind::progress, {{"version", 1}, {"text", "會勘"}}),
                                     kTaipei, kToday);
        REQUIRE_MESSAGE(progress.ok(), progress.refusal.message);
        CHECK_FALSE(progress.event.has_value());
        auto edit = apply_action(snapshot(), &v1, action(ActionKind::edit, {{"version", 1}, {"title", "新的標題"}}),
                                 kTaipei, kToday);
        REQUIRE_MESSAGE(edit.ok(), edit.refusal.message);
        CHECK_FALSE(edit.event.has_value());
    }
    SUBCASE("closing makes the event that ends the record's history") {
        auto closed = apply_action(snapshot(), &v1, action(ActionKind::close, close_body(1)), kTaipei, kToday);
        REQUIRE_MESSAGE(closed.ok(), closed.refusal.message);
        REQUIRE(closed.event.has_value());
        CHECK(closed.event->from == Status::open);
        CHECK(closed.event->to == Status::closed);
        CHECK(closed.event->reason == "已辦理完竣");
        CHECK(closed.event->agency == kTaipei.agency);
        CHECK(closed.event->date == Date{2023, 8, 30});
        REQUIRE_FALSE(closed.record->history.empty());
        CHECK(closed.record->history.back().reason == closed.event->reason);
        CHECK(closed.record->history.size() == v1.history.size() + 1);

        auto reopened = apply_action(snapshot(), &*closed.record,
                                     action(ActionKind::reopen, {{"version", 2}, {"reason", "重新檢討"}}), kTaipei, kToday);
        REQUIRE_MESSAGE(reopened.ok(), reopened.refusal.message);
        REQUIRE(reopened.event.has_value());
        CHECK(reopened.event->from == Status::closed);
        CHECK(reopened.event->to == Status::open);
    }
    SUBCASE("a stale version's refusal holds the current record, and its JSON shows it") {
        auto v2 = apply_action(snapshot(), &v1, action(ActionKind::progress, {{"version", 1}, {"text", "第一筆"}}),
                               kTaipei, kToday);
        REQUIRE(v2.ok());
        auto stale = apply_action(snapshot(), &*v2.record, action(ActionKind::close, close_body(1)), kTaipei, kToday);
        REQUIRE(stale.refusal.current.has_value());
        CHECK(stale.refusal.current->version == 2);
        Json body = refusal_json(stale.refusal);
        CHECK(body["error"] == stale.refusal.message);
        CHECK(body["current"]["version"] == 2);
        CHECK(body["current"]["id"] == "111-13");
    }
    SUBCASE("a refusal that is no conflict carries no record") {
        auto forbidden = apply_action(snapshot(), &v1, action(ActionKind::close, close_body(1)), kTaoyuan, kToday);
        CHECK(forbidden.refusal.kind == Kind::forbidden);
        CHECK_FALSE(forbidden.refusal.current.has_value());
        CHECK_FALSE(refusal_json(forbidden.refusal).contains("current"));
    }
    SUBCASE("closing a closed item shows the record that is closed") {
        auto twice = apply_action(snapshot(), &record("111-02"), action(ActionKind::close, close_body(1)), kTaoyuan, kToday);
        REQUIRE(twice.refusal.current.has_value());
        CHECK(twice.refusal.current->proposal.status == Status::closed);
    }
    SUBCASE("a write the store turned down is a conflict with the record that came first") {
        auto late = changed_meanwhile(v1);
        CHECK(late.refusal.kind == Kind::conflict);
        CHECK(late.refusal.message == "proposal 111-13 was changed by someone else while you saved: it is now version 1");
        REQUIRE(late.refusal.current.has_value());
        CHECK(late.refusal.current->id() == "111-13");
    }
}

// ---- issue 13: every problem at once, blank reasons, an explicit kind, cooperating counties ----

namespace {

const Actor kNewTaipei{"ntpc", Role::editor, "NewTaipei", "新北市政府交通局"};

std::vector<std::string> fields_of(const Refusal& r) {
    std::vector<std::string> out;
    for (const auto& p : r.problems) out.push_back(p.field + "=" + p.code);
    return out;
}

}  // namespace

TEST_CASE("a close needs a chosen kind and a reason that is more than white space; all problems come at once") {
    const ProposalRecord& r = record("111-13");  // Taipei's, open
    struct Case {
        const char* what;
        Json body;
        std::vector<std::string> problems;
    } cases[] = {
        {"nothing chosen, nothing written (the form's first option is \"\")", {{"version", 1}, {"kind", ""}, {"reason", ""}},
         {"kind=choose", "reason=required"}},
        {"spaces", {{"version", 1}, {"kind", "done"}, {"reason", "   "}}, {"reason=blank"}},
        {"ideographic spaces and line breaks", {{"version", 1}, {"kind", "done"}, {"reason", "\u3000\u3000\r\n\t"}}, {"reason=blank"}},
        {"invisible characters", {{"version", 1}, {"kind", "no_need"}, {"reason", "\u00a0\u200b\ufeff"}}, {"reason=blank"}},
        {"kind of spaces", {{"version", 1}, {"kind", "  "}, {"reason", "理由"}}, {"kind=choose"}},
        {"kind unknown, reason blank, date in the future", {{"version", 1}, {"kind", "finished"}, {"reason", " "}, {"date", "2030-01-01"}},
         {"kind=choice", "reason=blank", "date=date_future"}},
        {"reason null", {{"version", 1}, {"kind", "done"}, {"reason", nullptr}}, {"reason=required"}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        auto out = apply_action(snapshot(), &r, action(ActionKind::close, c.body), kTaipei, kToday);
        REQUIRE_FALSE(out.ok());
        CHECK(out.refusal.kind == Kind::invalid);
        CHECK(fields_of(out.refusal) == c.problems);
        // The API's message names every field.
        for (const auto& p : out.refusal.problems) CHECK(out.refusal.message.find(p.field + ": ") != std::string::npos);
    }
    // The JSON answer lists them too.
    auto both = apply_action(snapshot(), &r, action(ActionKind::close, {{"version", 1}, {"kind", ""}, {"reason", " "}}), kTaipei, kToday);
    const Json body = refusal_json(both.refusal);
    REQUIRE(body["problems"].size() == 2);
    CHECK(body["problems"][0]["field"] == "kind");
    CHECK(body["problems"][1]["field"] == "reason");
    CHECK(body["problems"][1]["code"] == "blank");
    CHECK(body["error"].get<std::string>().find("reason: must not be blank") != std::string::npos);

    // A real reason is kept without the spaces around it.
    auto ok = apply_action(snapshot(), &r,
                           action(ActionKind::close, {{"version", 1}, {"kind", "routine"}, {"reason", "\u3000轉為常態業務。 \n"},
                                                      {"decision", "  "}}),
                           kTaipei, kToday);
    REQUIRE_MESSAGE(ok.ok(), ok.refusal.message);
    CHECK(ok.record->proposal.closure->reason == "轉為常態業務。");
    CHECK_FALSE(ok.record->proposal.closure->decision.has_value());  // a blank decision is no decision
    CHECK(ok.event->reason == "轉為常態業務。");
}

TEST_CASE("a reopen needs a reason that is more than white space") {
    const ProposalRecord& closed = record("111-02");  // Taoyuan's, closed
    for (const char* blank : {"", " ", "\u3000", "\n\n"}) {
        CAPTURE(blank);
        auto out = apply_action(snapshot(), &closed, action(ActionKind::reopen, {{"version", 1}, {"reason", blank}}), kTaoyuan,
                                kToday);
        REQUIRE_FALSE(out.ok());
        REQUIRE(out.refusal.problems.size() == 1);
        CHECK(out.refusal.problems[0].field == "reason");
        CHECK(out.refusal.problems[0].code == (std::string(blank).empty() ? "required" : "blank"));
    }
}

TEST_CASE("an edit reports every problem of the form at once, blank text as blank") {
    const ProposalRecord& r = record("111-13");
    Json body = {{"version", 1}, {"title", "\u3000"}, {"group", "交通運輸組"}, {"subgroup", "文化組"},
                 {"sheet", {{"description", "說明"}, {"approach", " "}, {"benefits", ""}, {"contact_unit", "秘書處"}}}};
    auto out = apply_action(snapshot(), &r, action(ActionKind::edit, body), kTaipei, kToday);
    REQUIRE_FALSE(out.ok());
    CHECK(fields_of(out.refusal) == std::vector<std::string>{"title=blank", "sheet.approach=blank", "sheet.benefits=required"});
    // A sheet left wholly blank is no sheet, not four errors.
    Json cleared = {{"version", 1}, {"sheet", {{"description", " "}, {"approach", ""}, {"benefits", "\u3000"}, {"contact_unit", ""}}}};
    auto none = apply_action(snapshot(), &r, action(ActionKind::edit, cleared), kTaipei, kToday);
    REQUIRE_MESSAGE(none.ok(), none.refusal.message);
    CHECK_FALSE(none.record->proposal.sheet.has_value());
    // The sub-group that belongs to another group has its own wording.
    auto sub = apply_action(snapshot(), &r, action(ActionKind::edit, {{"version", 1}, {"group", "交通運輸組"}, {"subgroup", "文化組"}}),
                            kTaipei, kToday);
    CHECK(fields_of(sub.refusal) == std::vector<std::string>{"subgroup=subgroup"});
}

TEST_CASE("cooperating counties report progress under their own agency; closing stays with the proposer") {
    const ProposalRecord& bikes = record("112-15");  // New Taipei's, with all eight counties
    REQUIRE(bikes.proposal.county == "NewTaipei");
    CHECK(cooperates_on(kTaoyuan, bikes.proposal));
    CHECK_FALSE(cooperates_on(kNewTaipei, bikes.proposal));  // the proposer is not "cooperating"
    CHECK_FALSE(cooperates_on(kAdmin, bikes.proposal));
    CHECK(rights_on(kTaoyuan, bikes.proposal).progress);
    CHECK_FALSE(rights_on(kTaoyuan, bikes.proposal).manage);
    CHECK(rights_on(kNewTaipei, bikes.proposal).manage);
    CHECK(rights_on(kAdmin, bikes.proposal).manage);

    auto reported = apply_action(snapshot(), &bikes,
                                 action(ActionKind::progress, {{"version", bikes.version}, {"text", "桃園市已提供轄內自行車道資料。"}}),
                                 kTaoyuan, kToday);
    REQUIRE_MESSAGE(reported.ok(), reported.refusal.message);
    const auto& entry = reported.record->proposal.progress.back();
    CHECK(entry.agency == kTaoyuan.agency);
    CHECK(entry.county == "Taoyuan");
    CHECK(entry.text == "桃園市已提供轄內自行車道資料。");
    CHECK(reported.record->proposal.status == bikes.proposal.status);
    // The entry survives the record's JSON (the store keeps it so) and the content reader.
    beitai::text::Diagnostics d("");
    const ProposalRecord back = read_record(to_json(*reported.record), "", d);
    CHECK(d.empty());
    CHECK(back.proposal.progress.back().agency == kTaoyuan.agency);
    CHECK(back.proposal.progress.back().county == "Taoyuan");
    // Entries transcribed from the meeting record name no reporter, and read as before.
    CHECK(bikes.proposal.progress.front().agency.empty());

    struct Case {
        const char* what;
        ActionKind kind;
        Json body;
    } cases[] = {
        {"close", ActionKind::close, {{"version", bikes.version}, {"kind", "done"}, {"reason", "完成"}}},
        {"edit", ActionKind::edit, {{"version", bikes.version}, {"title", "改名"}}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        auto out = apply_action(snapshot(), &bikes, action(c.kind, c.body), kTaoyuan, kToday);
        REQUIRE_FALSE(out.ok());
        CHECK(out.refusal.kind == Kind::forbidden);
        CHECK(out.refusal.message.find("cooperating county") != std::string::npos);
    }
    // Reopening a cooperating item closed by its proposer is the proposer's too.
    auto closed = apply_action(snapshot(), &bikes, action(ActionKind::close, close_body(bikes.version)), kNewTaipei, kToday);
    REQUIRE_MESSAGE(closed.ok(), closed.refusal.message);
    auto reopen = apply_action(snapshot(), &*closed.record,
                               action(ActionKind::reopen, {{"version", closed.record->version}, {"reason", "再議"}}), kTaoyuan, kToday);
    CHECK(reopen.refusal.kind == Kind::forbidden);

    // A county not named on the item reports nothing: 111-13 is Taipei's with New Taipei only.
    const ProposalRecord& platform = record("111-13");
    CHECK_FALSE(may_report_progress(kTaoyuan, platform.proposal));
    auto stranger = apply_action(snapshot(), &platform, action(ActionKind::progress, {{"version", 1}, {"text", "越權"}}), kTaoyuan,
                                 kToday);
    CHECK(stranger.refusal.kind == Kind::forbidden);
    // A co-proposer counts as cooperating.
    CHECK(cooperates_on(kNewTaipei, platform.proposal));
}

TEST_CASE("Taoyuan's editor may act on its four items and report on the 39 open joint items it cooperates on") {
    int own = 0, cooperating = 0, cooperating_open = 0;
    for (const auto& r : snapshot().records) {
        if (may_edit(kTaoyuan, r.proposal)) ++own;
        if (cooperates_on(kTaoyuan, r.proposal)) {
            ++cooperating;
            if (r.proposal.status == Status::open) ++cooperating_open;
        }
    }
    CHECK(own == 4);
    CHECK(cooperating_open == 39);
    CHECK(cooperating == 41);
}

TEST_CASE("the text rule: a control character or noncharacter in any field is refused beside that field") {
    const ProposalRecord& r = record("112-10");  // NewTaipei's
    const Actor new_taipei{"ntpc", Role::editor, "NewTaipei", "新北市政府教育局"};
    struct Case {
        ActionKind kind;
        Json body;
        const char* field;
        const char* code;
        const char* param;
    };
    const Case cases[] = {
        {ActionKind::progress, {{"version", 1}, {"text", std::string("第二次\0會議", 13)}}, "text", "text_control", "U+0000"},
        {ActionKind::progress, {{"version", 1}, {"text", "會議\xEF\xBF\xBE"}}, "text", "text_noncharacter", "U+FFFE"},
        {ActionKind::progress, {{"version", 1}, {"text", "ok"}, {"date", "2023-08-31\x1B"}}, "date", "text_control", "U+001B"},
        {ActionKind::close, {{"version", 1}, {"kind", "done"}, {"reason", "已辦理\xC2\x9B完竣"}}, "reason", "text_control", "U+009B"},
        {ActionKind::edit, {{"version", 1}, {"sheet", {{"description", "a"}, {"approach", "b\xEF\xBF\xBF"}, {"benefits", "c"}, {"contact_unit", "d"}}}},
         "sheet.approach", "text_noncharacter", "U+FFFF"},
        // A form's text arrives as bytes; bytes that are not UTF-8 are refused the same way.
        {ActionKind::edit, {{"version", 1}, {"title", "標題\xE5"}}, "title", "text_invalid", ""},
        {ActionKind::edit, {{"version", 1}, {"counties", Json::array({"NewTaipei", "Taipei\x07"})}}, "counties[1]", "text_control", "U+0007"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.field);
        auto out = apply_action(snapshot(), &r, action(c.kind, c.body), new_taipei, kToday);
        REQUIRE_FALSE(out.ok());
        CHECK(out.refusal.kind == Kind::invalid);
        REQUIRE(out.refusal.problems.size() == 1);
        const auto& p = out.refusal.problems.front();
        CHECK(p.field == c.field);
        CHECK(p.code == c.code);
        CHECK(p.param == c.param);
        CHECK(p.message.rfind(std::string(c.field) + ": ", 0) == 0);
        CHECK(refusal_json(out.refusal)["problems"][0]["code"] == c.code);
    }
    // A create, too, before anything else is looked at.
    const Json created = {{"year", 113}, {"title", "北臺\x7F"}, {"group", "文化教育組"}, {"agency", kTaoyuan.agency},
                          {"county", "Taoyuan"}, {"types", Json::array({"跨縣市實質合作議題"})}, {"counties", Json::array({"Taoyuan"})}};
    auto out = apply_action(snapshot(), nullptr, action(ActionKind::create, created), kTaoyuan, kToday, "113-01");
    REQUIRE_FALSE(out.ok());
    REQUIRE(out.refusal.problems.size() == 1);
    CHECK(out.refusal.problems.front().field == "title");
    CHECK(out.refusal.problems.front().param == "U+007F");
    // CR LF, as a form's textarea sends line breaks, and a tab are text.
    auto crlf = apply_action(snapshot(), &r, action(ActionKind::progress, {{"version", 1}, {"text", "第一行\r\n第二行\t完"}}),
                             new_taipei, kToday);
    CHECK_MESSAGE(crlf.ok(), crlf.refusal.message);
}
