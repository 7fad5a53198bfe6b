#include <doctest/doctest.h>

#include <set>

#include "test_content.h"
#include "text/date.h"
#include "tracker/atom.h"
#include "tracker/query.h"

using namespace beitai::tracker;
using beitai::text::Lang;

namespace {

const std::string kScript = "<script>alert(1)</script>";
const std::string kImg = "\"><img src=x onerror=alert(1)>";

struct FeedEntry {
    std::string id, title, updated, summary, link;
};

// The text between the first <tag> and its </tag> in `xml` from `at`.
std::string element(const std::string& xml, const std::string& tag, size_t from = 0) {
    const std::string open = "<" + tag + ">", close = "</" + tag + ">";
    auto a = xml.find(open, from);
    if (a == std::string::npos) return {};
    a += open.size();
    auto b = xml.find(close, a);
    return b == std::string::npos ? std::string() : xml.substr(a, b - a);
}

std::vector<FeedEntry> entries_of(const std::string& feed) {
    std::vector<FeedEntry> out;
    for (size_t at = feed.find("<entry>"); at != std::string::npos; at = feed.find("<entry>", at + 1)) {
        const std::string body = feed.substr(at, feed.find("</entry>", at) - at);
        FeedEntry e{element(body, "id"), element(body, "title"), element(body, "updated"), element(body, "summary"), {}};
        auto href = body.find("<link href=\"");
        if (href != std::string::npos) {
            href += 12;
            e.link = body.substr(href, body.find('"', href) - href);
        }
        out.push_back(e);
    }
    return out;
}

size_t history_events(const std::vector<const ProposalRecord*>& records) {
    size_t n = 0;
    for (const auto* r : records) n += r->history.size();
    return n;
}

FeedSpec spec(size_t max_entries = 200, Lang lang = Lang::zh_TW) {
    FeedSpec s;
    s.base_url = "https://portal.example";
    s.self_path = "/proposals.atom";
    s.title = "北臺合作提案";
    s.lang = lang;
    s.max_entries = max_entries;
    return s;
}

// "2023-08-08T00:00:00+08:00" → its date; an impossible date fails the check.
bool is_atom_timestamp(const std::string& t) {
    return t.size() == 25 && t.compare(10, 15, "T00:00:00+08:00") == 0 &&
           beitai::text::parse_iso_date(t.substr(0, 10)).has_value();
}

}  // namespace

TEST_CASE("the feed has one entry per listing and one per status change") {
    const auto& snapshot = beitai::testing::repository_snapshot();
    auto records = select_records(snapshot, {});
    REQUIRE(records.size() == 55);
    size_t closed = 0;
    for (const auto* r : records) closed += r->proposal.status == beitai::content::Status::closed;
    const size_t events = history_events(records);
    CHECK(events == closed);  // as content imports them, each closed item was closed once

    const std::string feed = atom_feed(spec(), snapshot, records);
    CHECK(feed.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<?xml-stylesheet type=\"text/css\" "
                     "href=\"/generated/css/atom.css\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"",
                     0) == 0);
    CHECK(feed.find("xml:lang=\"zh-Hant-TW\"") != std::string::npos);
    CHECK(feed.size() >= 8);
    CHECK(feed.compare(feed.size() - 8, 8, "</feed>\n") == 0);
    auto entries = entries_of(feed);
    CHECK(entries.size() == 55 + events);

    size_t listings = 0, changes = 0;
    for (const auto& e : entries) {
        listings += e.id.find("/status/") == std::string::npos;
        changes += e.id.find("/status/") != std::string::npos;
    }
    CHECK(listings == 55);
    CHECK(changes == events);
}

TEST_CASE("entries are newest first, with unique ids and valid timestamps") {
    const auto& snapshot = beitai::testing::repository_snapshot();
    const std::string feed = atom_feed(spec(), snapshot, select_records(snapshot, {}));
    auto entries = entries_of(feed);
    REQUIRE(entries.size() > 1);
    std::set<std::string> ids;
    for (size_t i = 0; i < entries.size(); ++i) {
        CAPTURE(entries[i].id);
        CHECK(is_atom_timestamp(entries[i].updated));
        CHECK(entries[i].id.rfind("tag:beitai.portal,2023:proposal/", 0) == 0);
        CHECK(entries[i].link.rfind("https://portal.example/proposals/", 0) == 0);
        CHECK(ids.insert(entries[i].id).second);
        if (i > 0) CHECK(entries[i].updated <= entries[i - 1].updated);  // same offset: text order is time order
    }
    // The feed's own <updated> is its newest entry's.
    const std::string head = feed.substr(0, feed.find("<entry>"));
    CHECK(element(head, "updated") == entries.front().updated);
    CHECK(element(head, "id") == "tag:beitai.portal,2023:feed/proposals.atom");
}

TEST_CASE("max_entries keeps the newest entries") {
    const auto& snapshot = beitai::testing::repository_snapshot();
    auto records = select_records(snapshot, {});
    auto all = entries_of(atom_feed(spec(), snapshot, records));
    for (size_t cap : {size_t(0), size_t(1), size_t(10), size_t(55), all.size() - 1, all.size(), all.size() + 100}) {
        CAPTURE(cap);
        const std::string feed = atom_feed(spec(cap), snapshot, records);
        auto capped = entries_of(feed);
        REQUIRE(capped.size() == std::min(cap, all.size()));
        for (size_t i = 0; i < capped.size(); ++i) CHECK(capped[i].id == all[i].id);
        CHECK(feed.find("</feed>") != std::string::npos);
    }
}

TEST_CASE("a status change says what changed, why and by which decision") {
    const auto& snapshot = beitai::testing::repository_snapshot();
    const auto* r = snapshot.find("111-02");
    REQUIRE(r != nullptr);
    auto zh = entries_of(atom_feed(spec(), snapshot, {r}));
    REQUIRE(zh.size() == 2);
    // The listing is dated by the earliest known date (here the decision); on a tie it comes first.
    CHECK(zh[0].id == "tag:beitai.portal,2023:proposal/111-02");
    CHECK(zh[0].updated == "2023-06-12T00:00:00+08:00");
    CHECK(zh[1].id == "tag:beitai.portal,2023:proposal/111-02/status/0");
    CHECK(zh[1].updated == "2023-06-12T00:00:00+08:00");
    CHECK(zh[1].title == "列管 → 解除列管（執行完竣） 北臺灣在職雙語教學師資培訓平台");
    CHECK(zh[1].summary.rfind("依112年6月12日第3次工作會議決議：", 0) == 0);
    auto en = atom_feed(spec(200, Lang::en), snapshot, {r});
    CHECK(en.find("xml:lang=\"en\"") != std::string::npos);
    CHECK(en.find("Open → Closed") != std::string::npos);
    CHECK(en.find("<name>Northern Taiwan Regional Development Promotion Committee</name>") != std::string::npos);
}

TEST_CASE("hostile titles, agencies, reasons and feed titles are escaped") {
    const auto& snapshot = beitai::testing::repository_snapshot();
    auto listing = *snapshot.find("112-09");
    listing.proposal.title = kScript;
    listing.proposal.agency = kImg;
    auto closed = *snapshot.find("111-02");
    closed.proposal.title = kImg;
    REQUIRE_FALSE(closed.history.empty());
    closed.history[0].reason = kScript;
    closed.history[0].decision = kImg;
    closed.history[0].agency = kScript;
    FeedSpec s = spec();
    s.title = kScript;
    s.self_path = "/proposals.atom?q=" + kImg;

    const std::string feed = atom_feed(s, snapshot, {&listing, &closed});
    CHECK(feed.find("<script") == std::string::npos);
    CHECK(feed.find("<img") == std::string::npos);
    CHECK(feed.find("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>") != std::string::npos);
    CHECK(feed.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    CHECK(entries_of(feed).size() == 3);

    const std::string one = atom_proposal_feed(s, snapshot, listing);
    CHECK(one.find("<script") == std::string::npos);
    CHECK(one.find("<img") == std::string::npos);
}

TEST_CASE("a proposal's own feed holds its listing, progress entries and status changes") {
    const auto& snapshot = beitai::testing::repository_snapshot();
    const auto* r = snapshot.find("112-09");
    REQUIRE(r != nullptr);
    REQUIRE(r->proposal.progress.size() == 1);
    FeedSpec s = spec();
    s.self_path = "/proposals/112-09.atom";
    const std::string feed = atom_proposal_feed(s, snapshot, *r);
    CHECK(feed.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>", 0) == 0);
    auto entries = entries_of(feed);
    REQUIRE(entries.size() == 1 + r->proposal.progress.size() + r->history.size());
    const FeedEntry* progress = nullptr;
    for (const auto& e : entries)
        if (e.id == "tag:beitai.portal,2023:proposal/112-09/progress/0") progress = &e;
    REQUIRE(progress != nullptr);
    CHECK(progress->title == "辦理進度 北管音樂及客家八音校園推廣");
    CHECK(progress->updated == "2023-08-08T00:00:00+08:00");
    CHECK(progress->summary.find("八縣市有意願參與活動者共有14間小學") != std::string::npos);
    CHECK(progress->link == "https://portal.example/proposals/112-09");
    CHECK(feed.find("<link rel=\"self\" href=\"https://portal.example/proposals/112-09.atom\"/>") != std::string::npos);

    // A closed item's own feed adds its status change.
    const auto* closed = snapshot.find("111-02");
    REQUIRE(closed != nullptr);
    auto closed_entries = entries_of(atom_proposal_feed(s, snapshot, *closed));
    CHECK(closed_entries.size() == 1 + closed->proposal.progress.size() + 1);
}

TEST_CASE("an item with no dated event yet still gets a valid timestamp") {
    // Content may list an open item with an empty progress log (read_proposal accepts it).
    const auto& snapshot = beitai::testing::repository_snapshot();
    auto r = *snapshot.find("112-09");
    r.proposal.progress.clear();
    r.history.clear();
    r.updated = last_update(r.proposal, r.history);
    REQUIRE_FALSE(beitai::text::is_valid(r.updated));
    auto entries = entries_of(atom_feed(spec(), snapshot, {&r}));
    REQUIRE(entries.size() == 1);
    CAPTURE(entries[0].updated);
    // Not "0000-00-00T…", which feed readers reject: an undated entry takes the feed's day.
    CHECK(is_atom_timestamp(entries[0].updated));
}

TEST_CASE("a title pasted from a word processor still gives a well-formed feed") {
    // Word writes a manual line break as a vertical tab (U+000B); staff paste titles from it.
    const auto& snapshot = beitai::testing::repository_snapshot();
    auto r = *snapshot.find("112-09");
    r.proposal.title = std::string("北管音樂\x0B及客家八音\x01校園推廣");
    const std::string feed = atom_feed(spec(), snapshot, {&r});
    CHECK(feed.find("北管音樂") != std::string::npos);
    size_t forbidden = 0;  // XML 1.0 allows no C0 control but tab, LF and CR, escaped or not
    for (unsigned char c : feed) forbidden += c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    // A raw control character would make the feed ill-formed and readers drop all of it.
    CHECK(forbidden == 0);
    CHECK(feed.find("北管音樂\xEF\xBF\xBD及客家八音") != std::string::npos);
}

TEST_CASE("a feed opened in a browser says what it is, in the feed's language") {
    const std::string css = atom_stylesheet();
    CHECK(css.find("feed:lang(zh-Hant-TW)::before { content: \"這是 Atom 訂閱來源") != std::string::npos);
    CHECK(css.find("feed:lang(en)::before { content: \"This is an Atom feed") != std::string::npos);
    // The entries' titles and summaries show; their ids and links (unreadable here) do not.
    CHECK(css.find("entry > * { display: none; }") != std::string::npos);
    CHECK(css.find("entry > summary { display: block;") != std::string::npos);
    // Every rule is closed: the sheet parses as a whole.
    size_t open = 0, close = 0;
    for (char c : css) {
        open += c == '{';
        close += c == '}';
    }
    CHECK(open == close);
}
