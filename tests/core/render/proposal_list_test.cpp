#include <doctest/doctest.h>

#include "render/proposal_list.h"
#include "page_language.h"
#include "test_content.h"
#include "tracker/query.h"
#include "tracker/stats.h"
#include "text/url.h"

using namespace beitai;
using text::Lang;
using tracker::ProposalQuery;
using tracker::ProposalRecord;
using tracker::Snapshot;

namespace {

const std::string kScript = "<script>alert(1)</script>";
const std::string kImg = "\"><img src=x onerror=alert(1)>";

size_t count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
    return n;
}

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// The text from `from` up to and including the next `to`; empty when either is missing.
std::string between(const std::string& html, const std::string& from, const std::string& to) {
    auto a = html.find(from);
    if (a == std::string::npos) return {};
    auto b = html.find(to, a);
    return b == std::string::npos ? std::string() : html.substr(a, b + to.size() - a);
}

// The number the view wrote for `attribute_and_value` (e.g. `data-status="open" data-count="`),
// read up to the closing quote; -1 when absent.
int number_after(const std::string& html, const std::string& prefix, char end = '"') {
    auto a = html.find(prefix);
    if (a == std::string::npos) return -1;
    a += prefix.size();
    auto b = html.find(end, a);
    if (b == std::string::npos || b == a) return -1;
    int n = 0;
    for (size_t i = a; i < b; ++i) {
        if (html[i] < '0' || html[i] > '9') return -1;
        n = n * 10 + (html[i] - '0');
    }
    return n;
}

// The cell of one year's row in the year table, read from its data-field attribute.
int year_cell(const std::string& html, int year, const char* field) {
    const std::string row = between(html, "<tr data-year=\"" + std::to_string(year) + "\">", "</tr>");
    return number_after(row, "<td data-field=\"" + std::string(field) + "\">", '<');
}

// Items on the page, by their data-id, in order.
std::vector<std::string> item_ids(const std::string& html) {
    std::vector<std::string> ids;
    const std::string marker = "<li class=\"proposal ";
    for (auto at = html.find(marker); at != std::string::npos; at = html.find(marker, at + 1)) {
        auto a = html.find("data-id=\"", at) + 9;
        ids.push_back(html.substr(a, html.find('"', a) - a));
    }
    return ids;
}

std::string href_of(const std::string& html, const std::string& rel) {
    const std::string prefix = "<a rel=\"" + rel + "\" href=\"";
    auto a = html.find(prefix);
    if (a == std::string::npos) return {};
    a += prefix.size();
    return html.substr(a, html.find('"', a) - a);
}

ProposalQuery query_of(const text::QueryParams& params, const Snapshot& snapshot) {
    auto q = tracker::parse_proposal_query(params, snapshot);
    REQUIRE_MESSAGE(q.ok(), q.error());
    return *q;
}

std::string results(const Snapshot& snapshot, const ProposalQuery& q, Lang lang = Lang::zh_TW) {
    return render::proposal_results_html(snapshot, q, tracker::select_records(snapshot, q), lang);
}

// The repository's counties and groups with 120 copies of 112-09 (NewTaipei, open, 北管…)
// and 7 Taipei items the filters below leave out.
Snapshot synthetic_snapshot() {
    const auto& repo = testing::repository_snapshot();
    Snapshot s;
    s.counties = repo.counties;
    s.groups = repo.groups;
    const ProposalRecord* model = repo.find("112-09");
    REQUIRE(model != nullptr);
    for (int i = 0; i < 127; ++i) {
        ProposalRecord r = *model;
        r.proposal.id = "112-" + std::to_string(100 + i);
        if (i % 18 == 17) r.proposal.county = "Taipei";
        s.records.push_back(r);
    }
    return s;
}

// The repository with one hostile record added.
Snapshot hostile_snapshot() {
    Snapshot s = testing::repository_snapshot();
    ProposalRecord r = *s.find("111-02");
    r.proposal.id = "111-99";
    r.proposal.title = kScript;
    r.proposal.agency = kImg;
    r.proposal.closure->reason = kScript + "\n" + kImg;
    r.proposal.closure->decision = kImg;
    r.proposal.progress.at(0).text = kScript;
    r.proposal.notes = {kImg};
    r.proposal.sheet = content::ProposalSheet{kScript, kImg, kScript, kImg};
    REQUIRE_FALSE(r.history.empty());
    r.history[0].reason = kScript;
    r.history[0].decision = kImg;
    r.history[0].agency = kImg;
    s.records.push_back(r);
    s.counties.at(0).name_zh = kImg;
    s.counties.at(0).name_en = kScript;
    return s;
}

}  // namespace

TEST_CASE("the results' status summary shows tracker::summarize's numbers") {
    const auto& snapshot = testing::repository_snapshot();
    for (const auto& params : {text::QueryParams{}, text::QueryParams{{"year", "111"}},
                               text::QueryParams{{"county", "NewTaipei"}}, text::QueryParams{{"status", "closed"}}}) {
        const ProposalQuery q = query_of(params, snapshot);
        const auto selection = tracker::select_records(snapshot, q);
        const auto s = tracker::summarize(selection, snapshot.groups);
        const std::string html = render::proposal_results_html(snapshot, q, selection, Lang::zh_TW);
        CAPTURE(render::proposals_url(q));
        CHECK(number_after(html, "data-status=\"open\" data-count=\"") == s.status.open);
        CHECK(number_after(html, "data-status=\"closed\" data-count=\"") == s.status.closed);
        CHECK(number_after(html, "data-status=\"total\" data-count=\"") == static_cast<int>(selection.size()));
        CHECK(number_after(html, "data-total=\"") == static_cast<int>(selection.size()));
        for (const auto& closure : s.closures) {  // no structured binding: CAPTURE's lambda cannot take one in C++17
            const std::string kind(content::to_string(closure.first));
            CAPTURE(kind);
            const std::string li = between(html, "<li data-closure=\"" + kind + "\">", "</li>");
            CHECK(number_after(li, "<strong>", '<') == closure.second);
        }
        CHECK(count(html, "<li data-closure=") == s.closures.size());
    }
}

TEST_CASE("the year table reproduces the meeting record's figures") {
    const auto& snapshot = testing::repository_snapshot();
    const std::string html = results(snapshot, {});
    CHECK(year_cell(html, 111, "items") == 13);
    CHECK(year_cell(html, 111, "closed") == 12);
    CHECK(year_cell(html, 111, "open") == 1);
    CHECK(year_cell(html, 112, "items") == 42);
    CHECK(year_cell(html, 112, "central") == 8);
    CHECK(year_cell(html, 112, "joint") == 34);
    CHECK(year_cell(html, 112, "open") + year_cell(html, 112, "closed") == 42);
    CHECK(count(html, "<tr data-year=") == 2);
    // Only the years of the selection.
    const std::string y111 = results(snapshot, query_of({{"year", "111"}}, snapshot));
    CHECK(year_cell(y111, 111, "items") == 13);
    CHECK(year_cell(y111, 112, "items") == -1);
}

TEST_CASE("a long selection is paged by 50 and the pager keeps the filters") {
    const Snapshot s = synthetic_snapshot();
    const text::QueryParams filters = {{"county", "NewTaipei"}, {"status", "open"}, {"q", "北管"}};
    const auto all = tracker::select_records(s, query_of(filters, s));
    REQUIRE(all.size() == 120);
    const std::string kept = "county=NewTaipei&amp;status=open&amp;q=%E5%8C%97%E7%AE%A1";

    struct Case {
        int asked, shown, items, first;
        bool prev, next;
    } cases[] = {
        {1, 1, 50, 0, false, true},
        {2, 2, 50, 50, true, true},
        {3, 3, 20, 100, true, false},
        {99, 3, 20, 100, true, false},  // past the end: the last page
    };
    for (const auto& c : cases) {
        CAPTURE(c.asked);
        auto params = filters;
        if (c.asked > 1) params.emplace_back("page", std::to_string(c.asked));
        const std::string html = results(s, query_of(params, s));
        auto ids = item_ids(html);
        REQUIRE(ids.size() == static_cast<size_t>(c.items));
        for (size_t i = 0; i < ids.size(); ++i) CHECK(ids[i] == all[c.first + i]->id());
        CHECK(number_after(html, "data-total=\"") == 120);
        CHECK(has(html, "第 " + std::to_string(c.shown) + " 頁，共 3 頁"));
        const std::string prev = href_of(html, "prev"), next = href_of(html, "next");
        CHECK(prev.empty() == !c.prev);
        CHECK(next.empty() == !c.next);
        if (c.prev) {
            const std::string page = c.shown - 1 > 1 ? "&amp;page=" + std::to_string(c.shown - 1) : "";
            CHECK(prev == "/proposals?" + kept + page);
        }
        if (c.next) CHECK(next == "/proposals?" + kept + "&amp;page=" + std::to_string(c.shown + 1));
        // Exports take the whole selection, never one page.
        CHECK(has(html, "href=\"/proposals.csv?" + kept + "\""));
        CHECK(has(html, "href=\"/proposals.atom?" + kept + "\""));
        CHECK_FALSE(has(html, "/proposals.csv?" + kept + "&amp;page="));
    }
}

TEST_CASE("a selection that fits one page has no pager") {
    const auto& snapshot = testing::repository_snapshot();
    const std::string html = results(snapshot, {});
    CHECK(item_ids(html).size() == 50);  // 55 items: two pages
    CHECK(has(html, "rel=\"next\""));
    const std::string y112 = results(snapshot, query_of({{"year", "112"}}, snapshot));
    CHECK(item_ids(y112).size() == 42);
    CHECK_FALSE(has(y112, "class=\"pager\""));
    CHECK_FALSE(has(y112, "rel=\"next\""));
    CHECK_FALSE(has(y112, "rel=\"prev\""));
}

TEST_CASE("an empty selection says that no proposal matches") {
    const auto& snapshot = testing::repository_snapshot();
    const ProposalQuery q = query_of({{"q", "不存在的字串"}}, snapshot);
    const auto selection = tracker::select_records(snapshot, q);
    REQUIRE(selection.empty());
    const std::string zh = render::proposal_results_html(snapshot, q, selection, Lang::zh_TW);
    const std::string en = render::proposal_results_html(snapshot, q, selection, Lang::en);
    CHECK(has(zh, "<p class=\"empty\">沒有符合條件的提案。</p>"));
    CHECK(has(en, "<p class=\"empty\">No proposal matches these filters.</p>"));
    for (const auto* html : {&zh, &en}) {
        CHECK(number_after(*html, "data-total=\"") == 0);
        CHECK(number_after(*html, "data-status=\"total\" data-count=\"") == 0);
        CHECK_FALSE(has(*html, "<ol class=\"proposal-list\">"));
        CHECK_FALSE(has(*html, "class=\"pager\""));
        CHECK(item_ids(*html).empty());
    }
    CHECK_FALSE(has(results(snapshot, {}), "class=\"empty\""));
}

TEST_CASE("English results use English labels") {
    const auto& snapshot = testing::repository_snapshot();
    const ProposalQuery q = query_of({{"year", "111"}}, snapshot);
    const std::string en = results(snapshot, q, Lang::en);
    const std::string zh = results(snapshot, q, Lang::zh_TW);
    CHECK(has(en, "<h2 id=\"summary-heading\">At a glance</h2>"));
    CHECK(has(en, "<dt>Open</dt>"));
    CHECK(has(en, "<dt>Closed</dt>"));
    CHECK(has(en, "<caption>Proposals by year</caption>"));
    CHECK(has(en, ">13 proposals</span>"));
    CHECK(has(en, "Download this list"));
    CHECK(has(en, "<span class=\"badge badge-closed\">Closed</span>"));
    CHECK(has(en, "data-closure=\"done\">Done</span>"));
    CHECK(has(en, "Culture and Education"));  // a group's English name
    CHECK_FALSE(has(en, "<dt>列管</dt>"));
    CHECK_FALSE(has(en, "共 13 件"));
    CHECK(has(zh, "<dt>列管</dt>"));
    CHECK(has(zh, "共 13 件"));
    CHECK(has(zh, "data-closure=\"done\">執行完竣</span>"));
}

TEST_CASE("the filter form marks the selected option of every filter, and only it") {
    const auto& snapshot = testing::repository_snapshot();
    const ProposalQuery q = query_of({{"year", "112"},
                                      {"status", "closed"},
                                      {"closure", "routine"},
                                      {"group", "健康社福組"},
                                      {"subgroup", "社福組"},
                                      {"county", "Taipei"},
                                      {"partner", "Keelung"},
                                      {"type", "跨縣市實質合作議題"},
                                      {"track", "joint"},
                                      {"sort", "updated"},
                                      {"q", "社工"}},
                                     snapshot);
    const std::string html = render::proposal_filters_html(snapshot, q, Lang::zh_TW);
    struct Case {
        const char* select;
        std::string selected;
    } cases[] = {
        {"year", "112"},     {"status", "closed"}, {"closure", "routine"}, {"group", "健康社福組"},
        {"subgroup", "社福組"}, {"county", "Taipei"}, {"partner", "Keelung"},
        {"type", "跨縣市實質合作議題"}, {"track", "joint"},   {"sort", "updated"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.select);
        const std::string select = between(html, "<select id=\"f-" + std::string(c.select) + "\"", "</select>");
        REQUIRE_FALSE(select.empty());
        CHECK(count(select, " selected>") == 1);
        CHECK(has(select, "<option value=\"" + c.selected + "\" selected>"));
    }
    CHECK(has(html, "<input id=\"f-q\" name=\"q\" type=\"search\" value=\"社工\""));
    CHECK(has(between(html, "<select id=\"f-year\"", "</select>"), "<option value=\"111\">"));

    // Nothing chosen: nothing selected but the first sort order; "any" is what the browser shows.
    const std::string none = render::proposal_filters_html(snapshot, {}, Lang::en);
    CHECK(count(none, " selected>") == 1);
    CHECK(has(none, "<option value=\"year\" selected>Year (newest first)</option>"));
    CHECK(has(none, "<option value=\"\">Any</option>"));
    CHECK(has(none, "Apply filters"));
}

TEST_CASE("hostile text never reaches the list or the filters unescaped") {
    const Snapshot s = hostile_snapshot();
    ProposalQuery q;
    q.text = kScript + kImg;  // what a visitor typed
    for (Lang lang : {Lang::zh_TW, Lang::en}) {
        CAPTURE(static_cast<int>(lang));
        ProposalQuery year111;
        year111.year = 111;
        const auto selection = tracker::select_records(s, year111);
        REQUIRE(selection.size() == 14);
        const std::string list = render::proposal_results_html(s, year111, selection, lang);
        const std::string filters = render::proposal_filters_html(s, q, lang);
        for (const auto* html : {&list, &filters}) {
            CHECK_FALSE(has(*html, "<script"));
            CHECK_FALSE(has(*html, "<img"));
            CHECK_FALSE(has(*html, "onerror=alert(1)>"));
        }
        CHECK(has(list, "&lt;script&gt;alert(1)&lt;/script&gt;"));
        CHECK(has(list, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        CHECK(has(filters, "value=\"&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\""));
    }
    // The visitor's text also travels escaped in the pager and export links.
    const std::string with_text = render::proposal_results_html(s, q, tracker::select_records(s, q), Lang::zh_TW);
    CHECK_FALSE(has(with_text, "<script"));
    CHECK_FALSE(has(with_text, "<img"));
    CHECK(has(with_text, "/proposals.csv?q=%3Cscript%3E"));
}

TEST_CASE("an English list page is English but for the proposals' own words, which are marked as Chinese") {
    const auto& snapshot = testing::repository_snapshot();
    for (const char* query : {"", "status=closed", "type=其他", "county=Taoyuan&sort=group", "q=自行車"}) {
        CAPTURE(std::string(query));
        auto params = text::parse_query_string(query);
        REQUIRE(params.has_value());
        auto q = tracker::parse_proposal_query(*params, snapshot);
        REQUIRE(static_cast<bool>(q));
        const std::string html = render::proposals_main_html(snapshot, *q, tracker::select_records(snapshot, *q), text::Lang::en);
        CHECK(testing::first_chinese(testing::readable_text(testing::without_source_text(html))) == "");
    }
}
