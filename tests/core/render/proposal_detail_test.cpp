#include <doctest/doctest.h>

#include "render/proposal_detail.h"
#include "page_language.h"
#include "test_content.h"

using namespace beitai;

using text::Lang;
using tracker::ProposalRecord;

namespace {

const std::string kScript = "<script>alert(1)</script>";
const std::string kImg = "\"><img src=x onerror=alert(1)>";

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

size_t count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
    return n;
}

std::string between(const std::string& html, const std::string& from, const std::string& to) {
    auto a = html.find(from);
    if (a == std::string::npos) return {};
    auto b = html.find(to, a);
    return b == std::string::npos ? std::string() : html.substr(a, b + to.size() - a);
}

const ProposalRecord& record(const char* id) {
    const auto* r = testing::repository_snapshot().find(id);
    REQUIRE(r != nullptr);
    return *r;
}

std::string detail(const ProposalRecord& r, Lang lang = Lang::zh_TW) {
    return render::proposal_detail_html(testing::repository_snapshot(), r, lang);
}

// The rows of the status-history table, each as its HTML.
std::vector<std::string> history_rows(const std::string& html) {
    const std::string tbody = between(between(html, "<section class=\"history\">", "</section>"), "<tbody>", "</tbody>");
    std::vector<std::string> rows;
    for (auto at = tbody.find("<tr>"); at != std::string::npos; at = tbody.find("<tr>", at + 1))
        rows.push_back(tbody.substr(at, tbody.find("</tr>", at) + 5 - at));
    return rows;
}

// The class of the county marker on the detail's SVG map.
std::string marker_class(const std::string& html, const std::string& county) {
    const std::string svg = between(html, "<svg", "</svg>");
    auto at = svg.find("\" data-id=\"" + county + "\"><title>");
    if (at == std::string::npos) return {};
    auto start = svg.rfind("<g class=\"", at);
    return start == std::string::npos ? std::string() : svg.substr(start + 10, at - start - 10);
}

}  // namespace

TEST_CASE("a closed proposal's page shows the kind of closure, the reason and the decision") {
    const auto& r = record("111-02");
    const std::string zh = detail(r);
    const std::string status = between(zh, "<section class=\"status-box\"", "</section>");
    REQUIRE_FALSE(status.empty());
    CHECK(has(status, "<span class=\"badge badge-closed\">解除列管</span>"));
    CHECK(has(status, "<span class=\"badge badge-kind\" data-closure=\"done\">執行完竣</span>"));
    CHECK(has(status, "<dt>決議</dt><dd>依112年6月12日第3次工作會議決議</dd>"));
    CHECK(has(status, "<dt>日期</dt><dd>民國112年6月12日（2023-06-12）</dd>"));
    // The reason keeps its two numbered lines as two paragraphs.
    CHECK(has(status, "<dt>理由</dt><dd><p>1. 依112年6月12日第3次工作會議決議送請解除列管。</p><p>2. "));
    CHECK(has(zh, "<h1>北臺灣在職雙語教學師資培訓平台</h1>"));
    CHECK(has(zh, "data-id=\"111-02\" data-version=\"1\""));
    CHECK(has(zh, "<dt>合作縣市</dt><dd>會議紀錄未載明</dd>"));
    CHECK(has(zh, "<p class=\"no-sheet\">"));

    const std::string en = detail(r, Lang::en);
    CHECK(has(en, "data-closure=\"done\">Done</span>"));
    // Chinese source text on an English page is marked as such for screen readers.
    CHECK(has(en, "<dt>Decision</dt><dd><span lang=\"zh-Hant-TW\">依112年6月12日第3次工作會議決議</span></dd>"));
    CHECK(has(en, "<dt>Date</dt><dd>12 Jun 2023 (ROC 112)</dd>"));

    struct Kind {
        const char* id;
        const char* code;
        const char* label;
    } kinds[] = {
        {"111-01", "no_need", "已無需求"},
        {"111-03", "central", "由中央辦理或決定"},
        {"111-05", "cancelled", "取消辦理"},
        {"111-12", "routine", "轉為常態合作"},
    };
    for (const auto& k : kinds) {
        CAPTURE(k.id);
        CHECK(has(detail(record(k.id)), "data-closure=\"" + std::string(k.code) + "\">" + k.label + "</span>"));
    }
}

TEST_CASE("an open proposal's page has no closure and says why it stays open") {
    const auto& open = record("111-13");
    REQUIRE(open.proposal.open_reason.has_value());
    const std::string html = detail(open);
    CHECK(has(html, "<span class=\"badge badge-open\">列管</span>"));
    CHECK_FALSE(has(html, "badge-kind"));
    CHECK(has(html, "<dt>持續列管原因</dt>"));
    CHECK(has(html, "<p>尚無狀態變更。</p>"));
    CHECK(history_rows(html).empty());
}

TEST_CASE("the history table has one row per status change, newest first") {
    ProposalRecord r = record("111-02");
    REQUIRE(r.history.size() == 1);
    CHECK(history_rows(detail(r)).size() == 1);

    // Reopened, then closed again.
    r.history.push_back({{2023, 8, 20}, content::Status::closed, content::Status::open, std::nullopt, "需再檢討", std::nullopt,
                         "桃園市政府教育局"});
    r.history.push_back({{2023, 9, 1}, content::Status::open, content::Status::closed, content::ClosureKind::routine, "轉常態辦理",
                         std::string("依112年9月1日第4次工作會議決議"), "桃園市政府"});
    const std::string html = detail(r);
    auto rows = history_rows(html);
    REQUIRE(rows.size() == 3);
    CHECK(has(rows[0], "<time datetime=\"2023-09-01\">"));
    CHECK(has(rows[0], "<td>列管 → 解除列管（轉為常態合作）</td>"));
    CHECK(has(rows[0], "<td>依112年9月1日第4次工作會議決議</td><td>轉常態辦理</td><td>桃園市政府</td>"));
    CHECK(has(rows[1], "<time datetime=\"2023-08-20\">"));
    CHECK(has(rows[1], "<td>解除列管 → 列管</td><td>—</td><td>需再檢討</td><td>桃園市政府教育局</td>"));
    CHECK(has(rows[2], "<time datetime=\"2023-06-12\">"));
    CHECK(has(rows[2], "（執行完竣）"));
    CHECK(has(rows[2], "<td>桃園市政府教育局</td>"));
}

TEST_CASE("the map marks the cooperating counties and the proposing one") {
    struct Case {
        const char* id;
        std::vector<std::string> active;
        std::string origin;
    } cases[] = {
        {"112-10", {"Keelung", "Taipei", "Taoyuan"}, "NewTaipei"},
        {"112-42", {"Keelung", "Taipei", "Taoyuan", "HsinchuCounty", "Hsinchu", "MiaoliCounty"}, "NewTaipei"},
        {"111-13", {}, "Taipei"},  // counties not stated: only the proposer is marked
    };
    const auto& counties = testing::repository_snapshot().counties;
    for (const auto& c : cases) {
        CAPTURE(c.id);
        const std::string html = detail(record(c.id));
        REQUIRE(has(html, "<figure class=\"county-map\">"));
        CHECK(count(between(html, "<svg", "</svg>"), "<g class=\"marker ") == counties.size());
        for (const auto& county : counties) {
            CAPTURE(county.id);
            std::string expected = "marker marker-muted";
            if (county.id == c.origin) expected = "marker marker-origin";
            for (const auto& a : c.active)
                if (a == county.id) expected = "marker marker-active";
            CHECK(marker_class(html, county.id) == expected);
        }
    }
    const std::string html = detail(record("112-10"));
    CHECK(has(html, "<dt>合作縣市</dt><dd>基隆市、臺北市、新北市、桃園市</dd>"));
    CHECK(has(detail(record("112-09")), "<dt>合作縣市</dt><dd>北臺八縣市</dd>"));
}

TEST_CASE("the sheet and progress log are on the page, newest progress first; transcription notes are not") {
    ProposalRecord r = record("112-09");
    r.proposal.progress.push_back({{2023, 10, 6}, "第二次進度\n第二行", "", ""});
    const std::string html = detail(r);
    CHECK(has(html, "<h2>說明</h2><p>北管及客家八音盛行於北臺閩南與客家庄"));
    CHECK(has(html, "<p class=\"contact\"><strong>聯絡單位</strong>：新北市政府文化局 文化資產科</p>"));
    const std::string log = between(html, "<ol class=\"progress-log\">", "</ol>");
    auto newest = log.find("<time datetime=\"2023-10-06\">");
    auto older = log.find("<time datetime=\"2023-08-08\">");
    REQUIRE(newest != std::string::npos);
    REQUIRE(older != std::string::npos);
    CHECK(newest < older);
    CHECK(has(log, "<p>第二次進度</p><p>第二行</p>"));
    // The notes say how the seed was transcribed, for staff (in English): not for citizens.
    REQUIRE_FALSE(r.proposal.notes.empty());
    CHECK_FALSE(has(html, "class=\"notes\""));
    CHECK_FALSE(has(html, r.proposal.notes.front()));
    CHECK(has(html, "<a href=\"/proposals/112-09.atom\">"));
}

TEST_CASE("an English detail page is English but for the proposal's own words, which are marked as Chinese") {
    for (std::string id : {"111-01", "112-09", "112-40", "112-15"}) {
        CAPTURE(id);
        CHECK(testing::first_chinese(testing::readable_text(testing::without_source_text(detail(record(id.c_str()), Lang::en)))) == "");
    }
    const std::string en = detail(record("112-09"), Lang::en);
    CHECK(has(en, "<dt>Proposal types</dt><dd>Substantive cooperation across counties</dd>"));
}

TEST_CASE("hostile text in any field is escaped on the detail page") {
    ProposalRecord r = record("111-02");
    r.proposal.title = kScript;
    r.proposal.agency = kImg;
    r.proposal.seed_ref = kImg;
    r.proposal.closure->reason = kScript + "\n" + kImg;
    r.proposal.closure->decision = kImg;
    r.proposal.progress.at(0).text = kScript;
    r.proposal.notes = {kImg};
    r.proposal.types = {kScript};
    r.proposal.co_proposers = {{kImg, "Taipei"}};
    r.proposal.ministry = kScript;
    r.proposal.sheet = content::ProposalSheet{kScript, kImg, kScript, kImg};
    REQUIRE_FALSE(r.history.empty());
    r.history[0].reason = kScript;
    r.history[0].decision = kImg;
    r.history[0].agency = kImg;
    for (Lang lang : {Lang::zh_TW, Lang::en}) {
        CAPTURE(static_cast<int>(lang));
        const std::string html = detail(r, lang);
        CHECK_FALSE(has(html, "<script"));
        CHECK_FALSE(has(html, "<img"));
        CHECK_FALSE(has(html, "onerror=alert(1)>"));
        CHECK(has(html, lang == Lang::en ? "<h1><span lang=\"zh-Hant-TW\">&lt;script&gt;alert(1)&lt;/script&gt;</span></h1>"
                                         : "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
        CHECK(has(html, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    }
    // An id that is not an id cannot break out of its attributes either.
    r.proposal.id = kImg;
    const std::string html = detail(r);
    CHECK_FALSE(has(html, "<img"));
    CHECK(has(html, "data-id=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\""));
}

TEST_CASE("paragraphs_html keeps lines apart and drops empty ones") {
    CHECK(render::paragraphs_html("") == "");
    CHECK(render::paragraphs_html("a") == "<p>a</p>");
    CHECK(render::paragraphs_html("a\nb") == "<p>a</p><p>b</p>");
    CHECK(render::paragraphs_html("a\n\n\nb\n") == "<p>a</p><p>b</p>");
    CHECK(render::paragraphs_html("\n") == "");
    CHECK(render::paragraphs_html(kScript) == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
}
