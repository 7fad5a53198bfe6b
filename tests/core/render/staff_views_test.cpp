#include <doctest/doctest.h>

#include "map_fixture.h"
#include "page_language.h"
#include "render/staff_views.h"
#include "text/html.h"
#include "tracker/labels.h"
#include "test_content.h"

using namespace beitai;
using map_fixture::count;
using render::Notice;
using tracker::Actor;
using tracker::Role;

namespace {

const tracker::Snapshot& snapshot() { return testing::repository_snapshot(); }
const Actor kTaoyuan{"ty.editor", Role::editor, "Taoyuan", "桃園市政府研究發展考核委員會"};
const Actor kAdmin{"secretariat", Role::admin, "", "北臺區域發展推動委員會秘書處"};

const tracker::ProposalRecord& first_with(content::Status status) {
    for (const auto& r : snapshot().records)
        if (r.proposal.status == status) return r;
    FAIL("no record with that status");
    return snapshot().records.front();
}

}  // namespace

std::string edit_html(const tracker::ProposalRecord& r, const Actor& actor, const std::string& csrf, text::Lang lang,
                      const Notice& notice = {}, std::optional<render::KeptForm> kept = std::nullopt,
                      std::optional<long long> conflict_from = std::nullopt, std::vector<render::StoredChange> changes = {}) {
    return render::staff_edit_html({snapshot(), r, actor, csrf, lang, notice, std::move(kept), conflict_from, std::move(changes)});
}

const tracker::ProposalRecord& by_id(const char* id) {
    const auto* r = snapshot().find(id);
    REQUIRE(r != nullptr);
    return *r;
}

TEST_CASE("an editor's home lists their county's items, then the items it cooperates on, open ones first") {
    const std::string html = render::staff_home_html(snapshot(), kTaoyuan, "tok", text::Lang::zh_TW);
    const size_t cooperating_at = html.find("id=\"list-cooperating\"");
    REQUIRE(cooperating_at != std::string::npos);
    CHECK(html.find("本縣市提案") < cooperating_at);
    CHECK(html.find("合作項目") != std::string::npos);
    size_t own = 0, cooperating = 0;
    for (const auto& r : snapshot().records) {
        CAPTURE(r.id());
        const size_t at = html.find("href=\"/staff/proposals/" + r.id() + "\"");
        const bool listed = at != std::string::npos;
        CHECK(listed == tracker::may_report_progress(kTaoyuan, r.proposal));
        if (!listed) continue;
        if (tracker::may_edit(kTaoyuan, r.proposal)) {
            CHECK(at < cooperating_at);
            ++own;
        } else {
            CHECK(at > cooperating_at);
            ++cooperating;
        }
    }
    CHECK(own == 4);
    CHECK(cooperating == 41);
    // In each list no closed item comes before an open one.
    for (const std::string& list : {html.substr(0, cooperating_at), html.substr(cooperating_at)}) {
        const size_t last_open = list.rfind("data-status=\"open\"");
        const size_t first_closed = list.find("data-status=\"closed\"");
        if (last_open != std::string::npos && first_closed != std::string::npos) CHECK(last_open < first_closed);
    }
    CHECK(html.find("/staff/accounts") == std::string::npos);  // the secretariat's links only
    const std::string admin = render::staff_home_html(snapshot(), kAdmin, "tok", text::Lang::en);
    CHECK(admin.find("/staff/accounts") != std::string::npos);
    CHECK(admin.find("All proposals") != std::string::npos);
    CHECK(admin.find("list-cooperating") == std::string::npos);
}

TEST_CASE("every form of the edit page carries the escaped CSRF token and the version it was made from") {
    const auto& open = first_with(content::Status::open);
    const std::string csrf = "a\"b<c";
    const std::string html = edit_html(open, kAdmin, csrf, text::Lang::zh_TW);
    const size_t forms = count(html, "<form method=\"post\"");
    CHECK(forms == 3);
    CHECK(count(html, "<input type=\"hidden\" name=\"csrf\" value=\"a&quot;b&lt;c\">") == forms);
    CHECK(count(html, "name=\"version\" value=\"" + std::to_string(open.version) + "\"") == forms);
    CHECK(html.find("a\"b<c") == std::string::npos);
    // An open item can be closed, not reopened; a closed one the other way round.
    CHECK(html.find("id=\"form-close\"") != std::string::npos);
    CHECK(html.find("id=\"form-reopen\"") == std::string::npos);
    const std::string closed = edit_html(first_with(content::Status::closed), kAdmin, csrf, text::Lang::zh_TW);
    CHECK(closed.find("id=\"form-reopen\"") != std::string::npos);
    CHECK(closed.find("id=\"form-close\"") == std::string::npos);
}

TEST_CASE("the kind of closure starts at \"please choose\": no kind is preselected") {
    const std::string html = edit_html(first_with(content::Status::open), kAdmin, "tok", text::Lang::zh_TW);
    const size_t select = html.find("<select id=\"s-close-kind\"");
    REQUIRE(select != std::string::npos);
    const std::string options = html.substr(select, html.find("</select>", select) - select);
    CHECK(options.find("<option value=\"\" selected>請選擇</option>") != std::string::npos);
    CHECK(count(options, " selected") == 1);
    CHECK(options.find("aria-required=\"true\"") != std::string::npos);
}

TEST_CASE("a cooperating county's editor gets the progress form only, and is told who closes the item") {
    const auto& bikes = by_id("112-15");
    const std::string html = edit_html(bikes, kTaoyuan, "tok", text::Lang::zh_TW);
    CHECK(html.find("id=\"form-progress\"") != std::string::npos);
    CHECK(html.find("id=\"form-close\"") == std::string::npos);
    CHECK(html.find("id=\"form-edit\"") == std::string::npos);
    CHECK(count(html, "<form method=\"post\"") == 1);
    CHECK(html.find("新北市與秘書處") != std::string::npos);
    CHECK(html.find("以「桃園市政府研究發展考核委員會」名義公開") != std::string::npos);
}

TEST_CASE("the edit page shows the status (kind, reason, decision) and the progress log, latest first, with who reported") {
    const auto& closed = first_with(content::Status::closed);
    const std::string html = edit_html(closed, kAdmin, "tok", text::Lang::zh_TW);
    CHECK(html.find("目前狀態") != std::string::npos);
    CHECK(html.find(tracker::closure_label(closed.proposal.closure->kind, text::Lang::zh_TW)) != std::string::npos);
    CHECK(html.find(text::escape_html(closed.proposal.closure->reason)) != std::string::npos);
    if (closed.proposal.closure->decision) CHECK(html.find(text::escape_html(*closed.proposal.closure->decision)) != std::string::npos);

    tracker::ProposalRecord r = by_id("112-15");
    r.proposal.progress.push_back({{2023, 9, 1}, "桃園段資料已提供。", "桃園市政府交通局", "Taoyuan"});
    const std::string log = edit_html(r, kAdmin, "tok", text::Lang::en);
    const size_t newest = log.find("桃園段資料已提供。"), oldest = log.find("2023-08-08");
    REQUIRE(newest != std::string::npos);
    REQUIRE(oldest != std::string::npos);
    CHECK(newest < log.find("2023-08-08\"", newest));  // the entry of 2023-08-08 comes after
    CHECK(log.find("Reported by: <span lang=\"zh-Hant-TW\">桃園市政府交通局</span>") != std::string::npos);
    CHECK(log.find("Reported by: Meeting record") != std::string::npos);
}

TEST_CASE("a refused form comes back as typed, each problem beside its field and in a linked summary, zh and en") {
    const auto& open = first_with(content::Status::open);
    const std::vector<tracker::FieldProblem> problems = {{"kind", "choose", "", "kind: required"},
                                                         {"reason", "blank", "", "reason: must not be blank"}};
    const render::KeptForm kept{"close", {{"kind", ""}, {"reason", "  <b>"}, {"decision", "依第3次\"會議\""}}, std::nullopt, problems};
    const std::string zh = edit_html(open, kAdmin, "tok", text::Lang::zh_TW, {}, kept);
    CHECK(zh.find("class=\"error-summary\" role=\"alert\"") != std::string::npos);
    CHECK(zh.find("尚未儲存：請修正以下 2 個問題") != std::string::npos);
    CHECK(zh.find("<a href=\"#s-close-kind\">結案類型：請選擇一項。</a>") != std::string::npos);
    CHECK(zh.find("<a href=\"#s-close-reason\">理由：不能只填空白，請寫下內容。</a>") != std::string::npos);
    // The field says it is invalid and is described by its hint and its error.
    CHECK(zh.find("<textarea id=\"s-close-reason\" name=\"reason\" rows=\"4\" required aria-required=\"true\" aria-invalid=\"true\" "
                  "aria-describedby=\"s-close-reason-hint s-close-reason-error\">  &lt;b&gt;</textarea>") != std::string::npos);
    CHECK(zh.find("<p class=\"field-error\" id=\"s-close-reason-error\">") != std::string::npos);
    CHECK(zh.find("aria-invalid=\"true\" aria-describedby=\"s-close-kind-error\"") != std::string::npos);
    CHECK(zh.find("value=\"依第3次&quot;會議&quot;\"") != std::string::npos);
    CHECK(count(zh, "aria-invalid") == 2);  // the other forms are untouched
    const std::string en = edit_html(open, kAdmin, "tok", text::Lang::en, {}, kept);
    CHECK(en.find("Not saved: please fix 2 problem(s)") != std::string::npos);
    CHECK(en.find(">Kind of closure: Please choose one.</a>") != std::string::npos);
    CHECK(en.find("Spaces alone are not enough: please write something.") != std::string::npos);
    CHECK(en.find("不能只填空白") == std::string::npos);
}

TEST_CASE("a 409 shows the changes stored since the editor's version beside their kept text, in the page's language") {
    const auto& bikes = by_id("112-15");
    content::Proposal after = bikes.proposal;
    after.progress.push_back({{2023, 9, 1}, "新北市已彙整意見。", "新北市政府交通局", "NewTaipei"});
    render::StoredChange change{"2023-09-01T14:03:00+08:00", "ntpc", "progress", bikes.version + 1,
                                tracker::changes_between(bikes.proposal, after)};
    const render::KeptForm kept{"progress", {{"text", "桃園市的<進度>"}, {"date", ""}}, bikes.version + 1, {}};
    const std::string zh = edit_html(bikes, kTaoyuan, "tok", text::Lang::zh_TW, {"衝突", true}, kept, bikes.version, {change});
    CHECK(zh.find("此提案在您開啟後已被其他人更新") != std::string::npos);
    CHECK(zh.find("<time datetime=\"2023-09-01T14:03:00+08:00\">2023-09-01 14:03 (+08:00)</time> · 新增辦理進度") != std::string::npos);
    CHECK(zh.find("新北市已彙整意見。") != std::string::npos);
    CHECK(zh.find("您輸入的內容") != std::string::npos);
    // The kept text is in the form, which now carries the current version.
    CHECK(zh.find(">桃園市的&lt;進度&gt;</textarea>") != std::string::npos);
    CHECK(zh.find("name=\"version\" value=\"" + std::to_string(bikes.version + 1) + "\"") != std::string::npos);
    CHECK(zh.find("T14:03:00Z") == std::string::npos);
    const std::string en = edit_html(bikes, kTaoyuan, "tok", text::Lang::en, {"conflict", true}, kept, bikes.version, {change});
    CHECK(en.find("Someone else changed this proposal after you opened it") != std::string::npos);
    CHECK(en.find(" · Progress added · ") != std::string::npos);
    CHECK(en.find("What you typed") != std::string::npos);
}

TEST_CASE("the sign-in form after a timeout carries the typed fields and the way back as hidden fields, escaped") {
    const std::string html = render::sign_in_html(text::Lang::zh_TW, Notice{"逾時", true}, "",
                                                  {"/staff/proposals/112-15/progress", {{"text", "\"><script>x</script>"}, {"version", "3"}}});
    CHECK(html.find("<input type=\"hidden\" name=\"return\" value=\"/staff/proposals/112-15/progress\">") != std::string::npos);
    CHECK(html.find("<input type=\"hidden\" name=\"kept.text\" value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">") != std::string::npos);
    CHECK(html.find("<input type=\"hidden\" name=\"kept.version\" value=\"3\">") != std::string::npos);
    CHECK(html.find("<script>") == std::string::npos);
}

TEST_CASE("the sign-in form keeps the typed name, escaped, and announces a refusal") {
    const std::string html = render::sign_in_html(text::Lang::zh_TW, Notice{"wrong name or password", true}, "\"><script>");
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&quot;&gt;&lt;script&gt;") != std::string::npos);
    CHECK(html.find("role=\"alert\">wrong name or password</p>") != std::string::npos);
    CHECK(html.find("action=\"/staff/sign-in\"") != std::string::npos);
}

TEST_CASE("the audit log names each action in the page's language and shows Taiwan's time, zh and en") {
    const std::vector<render::AuditRow> rows = {
        {7, "2024-06-12T14:03:00+08:00", "ty.editor", "close", "112-15", "依第3次工作會議決議",
         {{"status", "open", "closed"}, {"closure.reason", nullptr, "完成<b>了</b>"}}},
        {6, "2024-06-12T09:00:05+08:00", "ty.editor", "refused:close", "112-15", "closure.reason: must not be blank", {}},
        {5, "2024-06-11T23:59:00+08:00", "ntpc", "progress", "112-15", "", {}},
        {4, "2024-06-11T08:00:00+08:00", "secretariat", "raffle-review:refuse", "", "2024-green check-in 3", {}},
        {3, "2024-06-10T08:00:00+08:00", "x", "refused:csrf", "", "/staff/proposals/112-15/close", {}},
        {2, "2024-06-10T07:00:00+08:00", "secretariat", "sign-in", "", "127.0.0.1", {}},
        // Hostile: a name the table does not know, and markup in every recorded field.
        {1, "2024-06-09T07:00:00+08:00", "<b>me</b>", "<script>x</script>", "<i>", "\"><img src=x>", {}},
    };
    const std::string zh = render::audit_html(snapshot(), rows, text::Lang::zh_TW);
    // A write's row says what it changed, before → after, in the page's words.
    CHECK(zh.find("<del>列管</del> → <ins>解除列管</ins>") != std::string::npos);
    CHECK(zh.find("完成&lt;b&gt;了&lt;/b&gt;") != std::string::npos);
    CHECK(count(zh, "<dl class=\"changes\">") == 1);
    CHECK(zh.find("<time datetime=\"2024-06-12T14:03:00+08:00\">2024-06-12 14:03 (+08:00)</time>") != std::string::npos);
    CHECK(zh.find("T14:03:00") == zh.find("<time datetime=\"2024-06-12T14:03:00") + 26);  // only in the machine's attribute
    CHECK(zh.find("<td>解除列管</td>") != std::string::npos);
    CHECK(zh.find("<td>已拒絕：解除列管</td>") != std::string::npos);
    CHECK(zh.find("<td>新增辦理進度</td>") != std::string::npos);
    CHECK(zh.find("<td>打卡審核退回</td>") != std::string::npos);
    CHECK(zh.find("<td>已拒絕：表單驗證碼不符的送出</td>") != std::string::npos);
    CHECK(zh.find("<td>登入</td>") != std::string::npos);
    for (const char* raw : {">close<", ">refused:", ">progress<", ">sign-in<", ">raffle-review"}) {
        CAPTURE(raw);
        CHECK(zh.find(raw) == std::string::npos);
    }
    // What was recorded is shown as recorded, escaped, marked as the record's words.
    CHECK(zh.find("<samp>ty.editor</samp>") != std::string::npos);
    CHECK(zh.find("<samp>依第3次工作會議決議</samp>") != std::string::npos);
    CHECK(zh.find("<td>&lt;script&gt;x&lt;/script&gt;</td>") != std::string::npos);
    CHECK(zh.find("<samp>&lt;b&gt;me&lt;/b&gt;</samp>") != std::string::npos);
    CHECK(zh.find("&quot;&gt;&lt;img src=x&gt;") != std::string::npos);
    CHECK(zh.find("<script>") == std::string::npos);
    CHECK(zh.find("<img") == std::string::npos);
    CHECK(zh.find("data-action=\"refused:close\"") != std::string::npos);

    const std::string en = render::audit_html(snapshot(), rows, text::Lang::en);
    CHECK(en.find("<td>Closed</td>") != std::string::npos);
    CHECK(en.find("<td>Refused: Closed</td>") != std::string::npos);
    CHECK(en.find("<td>Progress added</td>") != std::string::npos);
    CHECK(en.find("<td>Check-in refused</td>") != std::string::npos);
    CHECK(en.find("<td>Refused: a form without a valid token</td>") != std::string::npos);
    CHECK(en.find("<td>Signed in</td>") != std::string::npos);
    CHECK(en.find("2024-06-11 23:59 (+08:00)") != std::string::npos);
    // Chinese on the English page only in the record's own words (the recorded decision, and a
    // changed field's text, marked as Chinese).
    CHECK(en.find("<span lang=\"zh-Hant-TW\">完成&lt;b&gt;了&lt;/b&gt;</span>") != std::string::npos);
    std::string page_words = en;
    for (auto at = page_words.find("<samp>"); at != std::string::npos; at = page_words.find("<samp>"))
        page_words.erase(at, page_words.find("</samp>", at) + 7 - at);
    for (auto at = page_words.find("<span lang=\"zh-Hant-TW\">"); at != std::string::npos;
         at = page_words.find("<span lang=\"zh-Hant-TW\">"))
        page_words.erase(at, page_words.find("</span>", at) + 7 - at);
    CHECK(testing::first_chinese(testing::readable_text(page_words)) == "");
    CHECK(testing::first_chinese(testing::readable_text(en)) != "");
}
