// render/raffle_views: the raffle's pages. What a participant can do depends on the campaign's
// phase (Taiwan dates) and on whether the page knows them; every string that comes from a
// person (a nickname, a note, a code from a link) is escaped; a draw shows what its record
// says and no more; the verify page says "the same" only when list and winners both agree.
#include <doctest/doctest.h>

#include <algorithm>

#include <string>
#include <vector>

#include "../raffle/fixture.h"
#include "raffle/draw.h"
#include "render/raffle_views.h"
#include "render/site_card.h"
#include "text/html.h"
#include "text/lang.h"
#include "text/sha256.h"

using namespace beitai;
using raffle::CheckinState;
using raffle::DrawRecord;
using raffle::DrawStatus;
using raffle::OwnCheckin;
using raffle::fixture::at;
using render::CampaignPhase;
using text::Lang;

namespace {

const std::string kHostile = "<script>alert(1)</script>";

size_t count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
    return n;
}

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// The fixture's counties and sites, kept alive for the RaffleData that points at them.
struct Data {
    std::vector<content::County> counties = raffle::fixture::counties();
    std::vector<content::Site> sites = raffle::fixture::sites();
    render::RaffleData data() const {
        render::RaffleData d;
        d.counties = &counties;
        d.sites = &sites;
        return d;
    }
};

// A running day of the fixture's campaign (2026-10-01 … 2026-12-15).
long long running_day() { return at("2026-11-01T12:00:00+08:00"); }
long long ended_day() { return at("2026-12-20T12:00:00+08:00"); }
long long upcoming_day() { return at("2026-09-01T12:00:00+08:00"); }

render::CampaignPageView page_at(const content::Campaign& c, long long now, Lang lang = Lang::zh_TW) {
    render::CampaignPageView v;
    v.campaign = &c;
    v.now = now;
    v.lang = lang;
    return v;
}

// Counted in Taipei and Keelung; held in New Taipei; a photo waiting in Yilan.
render::ParticipantView participant() {
    render::ParticipantView me;
    me.nickname = "王小明";
    me.home_county = "Taipei";
    me.checkins = {{"site-tp", at("2026-10-05T10:00:00+08:00"), CheckinState::counted},
                   {"site-kl", at("2026-10-06T10:00:00+08:00"), CheckinState::counted},
                   {"site-ntp", at("2026-10-06T10:20:00+08:00"), CheckinState::held},
                   {"site-yl", at("2026-10-07T10:00:00+08:00"), CheckinState::photo_pending}};
    return me;
}

content::Campaign history_campaign() {
    content::Campaign c;
    c.id = "112";
    c.proposal = "112-40";
    c.name_zh = "112年綠色旅遊打卡";
    c.name_en = "2023 green-tourism check-in";
    c.start = {2023, 7, 1};
    c.end = {2023, 10, 31};
    c.min_counties = 3;
    c.sites_stated = 102;
    c.external = true;
    content::CampaignDraw d;
    d.id = "2023-09";
    d.month = "2023-09";
    c.draws = {d};
    content::CampaignFigures f;
    f.as_of = {2023, 7, 16};
    f.source = "示範來源文件";
    f.counties = {{"Keelung", 11, 22, 33}, {"Taipei", 44, 55, 66}, {"Taoyuan", 7, 8, 9}};
    f.total = {"", 62, 85, 108};
    c.figures = f;
    return c;
}

// A published draw over `ids` with `seed`, three prizes.
DrawRecord published_draw(const std::vector<std::string>& ids, const std::string& seed) {
    const std::string document = raffle::entries_document(ids);
    DrawRecord r;
    r.campaign = "2026-demo";
    r.draw = "2026-11";
    r.status = DrawStatus::drawn;
    r.entries_sha256 = text::to_hex(text::sha256(document));
    r.seed_value = raffle::normalise_seed(seed);
    auto entries = raffle::read_entries_document(document);
    REQUIRE_MESSAGE(entries.ok(), entries.error());
    for (const auto& w : raffle::run_draw(*entries, r.seed_value, 3))
        r.winners.push_back({w.entry, w.slot, "示範獎品", "王○明"});
    return r;
}

std::vector<std::string> entry_ids(int n) {
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) ids.push_back("E" + std::to_string(100 + i * 7) + "abc");
    return ids;
}

}  // namespace

// --- campaign_phase -----------------------------------------------------------------------

TEST_CASE("campaign_phase: upcoming before the first day, running through the last day, ended the day after (Taiwan time)") {
    const auto c = raffle::fixture::campaign();  // 2026-10-01 … 2026-12-15
    CHECK(render::campaign_phase(c, at("2026-09-30T23:59:59+08:00")) == CampaignPhase::upcoming);
    CHECK(render::campaign_phase(c, at("2026-10-01T00:00:00+08:00")) == CampaignPhase::running);
    CHECK(render::campaign_phase(c, at("2026-12-15T23:59:59+08:00")) == CampaignPhase::running);
    CHECK(render::campaign_phase(c, at("2026-12-16T00:00:00+08:00")) == CampaignPhase::ended);
    // In UTC the last day ends at 16:00: the Taiwan date decides, not the UTC one.
    CHECK(render::campaign_phase(c, at("2026-12-15T15:59:59Z")) == CampaignPhase::running);
    CHECK(render::campaign_phase(c, at("2026-12-15T16:00:00Z")) == CampaignPhase::ended);
    CHECK(render::campaign_phase(c, at("2026-09-30T16:00:00Z")) == CampaignPhase::running);
}

TEST_CASE("campaign_phase: a campaign run elsewhere is history whatever the day") {
    const auto c = history_campaign();
    CHECK(render::campaign_phase(c, at("2023-08-01T12:00:00+08:00")) == CampaignPhase::history);
    CHECK(render::campaign_phase(c, running_day()) == CampaignPhase::history);
}

// --- the list of campaigns ------------------------------------------------------------------

TEST_CASE("the campaign list puts running ones first, then upcoming, ended and history, each linked and labelled") {
    Data d;
    auto running = raffle::fixture::campaign();
    auto upcoming = running;
    upcoming.id = "2027-spring";
    upcoming.name_zh = "明年春季打卡";
    upcoming.start = {2027, 3, 1};
    upcoming.end = {2027, 5, 31};
    auto ended = running;
    ended.id = "2025-demo";
    ended.name_zh = "去年打卡";
    ended.start = {2025, 10, 1};
    ended.end = {2025, 12, 15};
    const auto history = history_campaign();
    const std::string html = render::campaigns_main_html(d.data(), {history, ended, upcoming, running}, running_day(), Lang::zh_TW);
    const size_t a = html.find("href=\"/raffle/2026-demo\""), b = html.find("href=\"/raffle/2027-spring\""),
                 c = html.find("href=\"/raffle/2025-demo\""), h = html.find("href=\"/raffle/112\"");
    REQUIRE(a != std::string::npos);
    REQUIRE(b != std::string::npos);
    REQUIRE(c != std::string::npos);
    REQUIRE(h != std::string::npos);
    CHECK(a < b);
    CHECK(b < c);
    CHECK(c < h);
    CHECK(has(html, "進行中"));
    CHECK(has(html, "尚未開始"));
    CHECK(has(html, "已結束"));
    CHECK(has(html, "歷史紀錄"));
    CHECK(has(html, "至少 3 個縣市（共 8 縣市）"));
}

TEST_CASE("the campaign list marks sample campaigns 示範資料 and escapes names") {
    Data d;
    auto sample = raffle::fixture::campaign();
    sample.name_zh = kHostile;
    auto real = history_campaign();  // not a sample
    const std::string with_sample = render::campaigns_main_html(d.data(), {sample}, running_day(), Lang::zh_TW);
    CHECK(has(with_sample, render::sample_badge_html(Lang::zh_TW)));
    CHECK_FALSE(has(with_sample, "<script>"));
    CHECK(has(with_sample, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK_FALSE(has(render::campaigns_main_html(d.data(), {real}, running_day(), Lang::zh_TW), "示範資料"));
}

// --- a campaign's page ----------------------------------------------------------------------

TEST_CASE("a campaign's page gives raffle.js its words in the page's language, and names sites as the source writes them") {
    Data d;
    const auto c = raffle::fixture::campaign();
    for (Lang lang : {Lang::zh_TW, Lang::en}) {
        const std::string html = render::campaign_main_html(d.data(), page_at(c, running_day(), lang));
        const auto at = html.find("<div id=\"raffle-words\" hidden");
        REQUIRE(at != std::string::npos);
        const std::string words = html.substr(at, html.find('>', at) - at);
        for (const char* key : {"locating", "location_denied", "location_failed", "sending_photo", "photo_too_large",
                                "photo_failed", "offline"}) {
            std::string attribute = key;
            std::replace(attribute.begin(), attribute.end(), '_', '-');
            CAPTURE(attribute);
            CHECK(has(words, " data-" + attribute + "=\"" +
                                 text::escape_html(text::tr(std::string("raffle.js.") + key, lang)) + "\""));
        }
    }
    CHECK(has(render::campaign_main_html(d.data(), page_at(c, running_day(), Lang::en)), "data-offline=\"No connection; try again later.\""));
    CHECK(has(render::campaign_main_html(d.data(), page_at(c, running_day(), Lang::zh_TW)), "data-offline=\"無法連線，請稍後再試。\""));
}

TEST_CASE("a running campaign without a participant offers sign-up with the privacy notice, not the check-in form") {
    Data d;
    const auto c = raffle::fixture::campaign();
    const std::string html = render::campaign_main_html(d.data(), page_at(c, running_day()));
    CHECK(has(html, "id=\"register-form\""));
    CHECK(has(html, "action=\"/raffle/2026-demo/register\""));
    CHECK(has(html, "action=\"/raffle/2026-demo/recover\""));
    CHECK(has(html, "個人資料"));
    CHECK(has(html, "class=\"privacy\""));
    CHECK(has(html, text::format_date(c.contacts_erased_after, Lang::zh_TW)));  // 民國116年3月31日（2027-03-31）
    CHECK_FALSE(has(html, "{until}"));
    CHECK_FALSE(has(html, "id=\"checkin-form\""));
    CHECK_FALSE(has(html, "class=\"progress\""));
    CHECK_FALSE(has(html, "/erase\""));
    // The home county offers the eight counties and "elsewhere".
    CHECK(count(html, "<select id=\"r-home\"") == 1);
    CHECK(has(html, "<option value=\"other\">其他縣市</option>"));
    // The map and the list are there for everyone.
    CHECK(has(html, "class=\"raffle-map\""));
    CHECK(count(html, "<li data-site=") == 5);
}

TEST_CASE("a signboard's link carries its site and code through the sign-up form, percent-encoded and escaped") {
    Data d;
    const auto c = raffle::fixture::campaign();
    auto v = page_at(c, running_day());
    v.prefill_site = "site-tp";
    v.prefill_code = "1-AB\"CD&x";
    const std::string html = render::campaign_main_html(d.data(), v);
    CHECK(has(html, "action=\"/raffle/2026-demo/register?site=site-tp&amp;code=1-AB%22CD%26x\""));
    CHECK_FALSE(has(html, "AB\"CD"));
}

TEST_CASE("a recovery QR link prefills the recovery code, escaped") {
    Data d;
    const auto c = raffle::fixture::campaign();
    auto v = page_at(c, running_day());
    v.prefill_recovery = "R-\"><b>";
    const std::string html = render::campaign_main_html(d.data(), v);
    CHECK(has(html, "name=\"recovery_code\" autocomplete=\"off\" autocapitalize=\"characters\" value=\"R-&quot;&gt;&lt;b&gt;\""));
    CHECK_FALSE(has(html, "<b>"));
}

TEST_CASE("a participant sees their progress counting counted check-ins only, and what still waits") {
    Data d;
    const auto c = raffle::fixture::campaign();
    auto v = page_at(c, running_day());
    v.me = participant();
    const std::string html = render::campaign_main_html(d.data(), v);
    CHECK(has(html, "王小明，您好。"));
    // Taipei and Keelung count; the held check-in and the photo do not.
    CHECK(has(html, "data-done=\"2\""));
    CHECK(has(html, "已完成 2／3 個縣市"));
    CHECK(has(html, "<progress max=\"3\" value=\"2\""));
    CHECK(has(html, "已打卡的縣市：示範Taipei、示範Keelung"));
    CHECK(has(html, "尚未符合抽獎資格。"));
    CHECK(has(html, "另有 2 筆打卡等待縣市審核。"));
    // The counties still to visit link to their part of the list; done ones are not there.
    CHECK(has(html, "<a href=\"#sites-NewTaipei\">"));
    CHECK_FALSE(has(html, "<a href=\"#sites-Taipei\">"));
    // The list says what I did where.
    CHECK(count(html, "class=\"mark counted\"") == 2);
    CHECK(count(html, "class=\"mark waiting\"") == 2);
    CHECK(count(html, "class=\"mark none\"") == 1);
    CHECK_FALSE(has(html, "id=\"register-form\""));
}

TEST_CASE("progress caps the shown count at the rule but data-done keeps the real number; eligibility is said") {
    Data d;
    const auto c = raffle::fixture::campaign();
    auto v = page_at(c, running_day());
    v.me = participant();
    for (auto& ci : v.me->checkins) ci.state = CheckinState::counted;  // four counties
    const std::string html = render::campaign_main_html(d.data(), v);
    CHECK(has(html, "data-done=\"4\""));
    CHECK(has(html, "已完成 3／3 個縣市"));
    CHECK(has(html, "您已符合抽獎資格"));
    CHECK_FALSE(has(html, "class=\"missing-counties\""));
    CHECK_FALSE(has(html, "等待縣市審核"));
}

TEST_CASE("a participant of a running campaign gets the check-in form: sites grouped by county, prefilled from the link") {
    Data d;
    const auto c = raffle::fixture::campaign();
    auto v = page_at(c, running_day());
    v.me = participant();
    v.prefill_site = "site-kl";
    v.prefill_code = "1-K7QM3X9D2H4T8RWA";
    const std::string html = render::campaign_main_html(d.data(), v);
    CHECK(has(html, "id=\"checkin-form\""));
    CHECK(has(html, "action=\"/raffle/2026-demo/check-in\""));
    // Five counties have campaign sites; Taoyuan's site is not in the campaign. (The code
    // form's list; the photo form after it has the same list, prefilled the same way.)
    const size_t code_form = html.find("id=\"checkin-form\""), photo_form = html.find("id=\"photo-form\"");
    REQUIRE(code_form < photo_form);
    const std::string form = html.substr(code_form, photo_form - code_form);
    CHECK(count(form, "<optgroup ") == 5);
    CHECK_FALSE(has(html, "value=\"site-off\""));
    CHECK(has(form, "<optgroup label=\"示範Keelung\"><option value=\"site-kl\" selected>示範場所 site-kl</option></optgroup>"));
    CHECK(count(form, " selected>") == 1);
    CHECK(count(html, " selected>") == 2);
    CHECK(has(html, "action=\"/raffle/2026-demo/photo\" enctype=\"multipart/form-data\""));
    CHECK(has(html, "name=\"photo\" accept=\"image/jpeg,image/png\" required"));
    // Groups in the counties' order (Yilan before Keelung before Taipei).
    CHECK(html.find("label=\"示範YilanCounty\"") < html.find("label=\"示範Keelung\""));
    CHECK(html.find("label=\"示範Keelung\"") < html.find("label=\"示範Taipei\""));
    CHECK(has(html, "name=\"code\" autocomplete=\"off\""));
    CHECK(has(html, "value=\"1-K7QM3X9D2H4T8RWA\""));
    // The erase form, with its confirmation.
    CHECK(has(html, "action=\"/raffle/2026-demo/erase\""));
    CHECK(has(html, "name=\"confirm\" value=\"yes\" required"));
}

TEST_CASE("a prefilled code with quotes cannot leave its attribute") {
    Data d;
    const auto c = raffle::fixture::campaign();
    auto v = page_at(c, running_day());
    v.me = participant();
    v.prefill_code = "1-\" autofocus onfocus=\"alert(1)";
    v.prefill_site = "\"><script>";
    const std::string html = render::campaign_main_html(d.data(), v);
    CHECK(has(html, "value=\"1-&quot; autofocus onfocus=&quot;alert(1)\""));
    CHECK_FALSE(has(html, "onfocus=\"alert"));
    CHECK_FALSE(has(html, "<script>"));
    CHECK(count(html, " selected>") == 0);  // no site has that id
}

TEST_CASE("right after signing up the recovery code and its QR code are shown once") {
    Data d;
    const auto c = raffle::fixture::campaign();
    auto v = page_at(c, running_day());
    v.me = participant();
    const std::string without = render::campaign_main_html(d.data(), v);
    CHECK_FALSE(has(without, "class=\"recovery\""));
    CHECK_FALSE(has(without, "class=\"qr\""));

    v.me->recovery_code = "ABCD-EFGH-JKMN";
    v.me->recovery_qr.size = 2;
    v.me->recovery_qr.dark = {true, false, false, true};
    const std::string html = render::campaign_main_html(d.data(), v);
    CHECK(has(html, "class=\"recovery\" role=\"status\""));
    CHECK(has(html, "<code>ABCD-EFGH-JKMN</code>"));
    CHECK(has(html, render::qr_svg(v.me->recovery_qr, "在另一台裝置掃描即可接續", 180)));
}

TEST_CASE("a participant's entries link to their draws") {
    Data d;
    const auto c = raffle::fixture::campaign();
    auto v = page_at(c, ended_day());
    v.me = participant();
    v.me->entries = {{"2026-11", "E1a2b3c4d5e6f708"}};
    const std::string html = render::campaign_main_html(d.data(), v);
    CHECK(has(html, "<a href=\"/raffle/2026-demo/draws/2026-11\">2026-11</a> · <code>E1a2b3c4d5e6f708</code>"));
}

TEST_CASE("an ended campaign shows neither form, with or without a participant") {
    Data d;
    const auto c = raffle::fixture::campaign();
    const std::string anonymous = render::campaign_main_html(d.data(), page_at(c, ended_day()));
    CHECK(has(anonymous, "活動已結束，不再受理報名與打卡。"));
    CHECK_FALSE(has(anonymous, "id=\"register-form\""));
    CHECK_FALSE(has(anonymous, "id=\"checkin-form\""));

    auto v = page_at(c, ended_day());
    v.me = participant();
    const std::string known = render::campaign_main_html(d.data(), v);
    CHECK(has(known, "data-done=\"2\""));  // progress stays visible
    CHECK_FALSE(has(known, "id=\"register-form\""));
    CHECK_FALSE(has(known, "id=\"checkin-form\""));
    CHECK(has(known, "/erase\""));  // erasing one's data stays possible
}

TEST_CASE("an upcoming campaign says it has not started and offers no form") {
    Data d;
    const auto c = raffle::fixture::campaign();
    const std::string html = render::campaign_main_html(d.data(), page_at(c, upcoming_day()));
    CHECK(has(html, "活動尚未開始"));
    CHECK(has(html, "尚未開始"));
    CHECK_FALSE(has(html, "id=\"register-form\""));
    CHECK_FALSE(has(html, "id=\"checkin-form\""));
}

TEST_CASE("a history campaign shows its recorded figures and no map, list or forms") {
    Data d;
    const auto c = history_campaign();
    auto v = page_at(c, running_day());
    v.figures = c.figures;  // as the server's handler does for an external campaign
    v.me = participant();   // even a known participant has nothing to do here
    const std::string html = render::campaign_main_html(d.data(), v);
    CHECK(has(html, "本站只保存來源文件所載的紀錄"));
    CHECK(has(html, "<table class=\"data figures\">"));
    CHECK(has(html, "<td class=\"num\">44</td>"));
    CHECK(has(html, "<dd>102</dd>"));  // the sites the source states
    CHECK(has(html, "由委員會以人工抽獎"));
    CHECK(has(html, "<th scope=\"row\">2023-09</th>"));  // a draw of history is not linked
    CHECK_FALSE(has(html, "/draws/2023-09"));
    CHECK_FALSE(has(html, "class=\"raffle-map\""));
    CHECK_FALSE(has(html, "data-site="));
    CHECK_FALSE(has(html, "<form"));
    CHECK_FALSE(has(html, "class=\"progress\""));
}

TEST_CASE("hostile strings in a campaign page are escaped: nickname, note, name, site name, notice") {
    Data d;
    d.sites[0].name = kHostile;
    d.sites[0].address = kHostile;
    auto c = raffle::fixture::campaign();
    c.note = kHostile;
    c.name_zh = kHostile;
    auto v = page_at(c, running_day());
    v.me = participant();
    v.me->nickname = kHostile;
    v.me->entries = {{kHostile, kHostile}};
    v.notice = {kHostile, true};
    const std::string html = render::campaign_main_html(d.data(), v);
    CHECK_FALSE(has(html, "<script>"));
    CHECK(has(html, "<p class=\"campaign-note\">&lt;script&gt;alert(1)&lt;/script&gt;</p>"));
    CHECK(has(html, "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
    CHECK(has(html, "<p class=\"notice error\" role=\"alert\">&lt;script&gt;"));
    CHECK(has(html, "&lt;script&gt;alert(1)&lt;/script&gt;，您好。"));
}

TEST_CASE("a success notice is a status, not an alert") {
    Data d;
    const auto c = raffle::fixture::campaign();
    auto v = page_at(c, running_day());
    v.notice = {"已打卡", false};
    const std::string html = render::campaign_main_html(d.data(), v);
    CHECK(has(html, "<p class=\"notice ok\" role=\"status\">已打卡</p>"));
    CHECK_FALSE(has(html, "role=\"alert\""));
}

TEST_CASE("the English campaign page uses English labels throughout") {
    Data d;
    const auto c = raffle::fixture::campaign();
    const std::string html = render::campaign_main_html(d.data(), page_at(c, running_day(), Lang::en));
    CHECK(has(html, "<h1>Sample check-in</h1>"));
    CHECK(has(html, "What we keep and why"));
    CHECK(has(html, text::format_date(c.contacts_erased_after, Lang::en)));
    CHECK(has(html, "Check in at sites in at least 3 of the 8 counties"));
    CHECK(has(html, "Running"));
    CHECK(has(html, "sample data"));
    CHECK_FALSE(has(html, "報名參加"));
    CHECK_FALSE(has(html, "個人資料"));
    CHECK_FALSE(has(html, "活動期間"));
}

TEST_CASE("a sample campaign's page carries the 示範資料 badge, a real one does not") {
    Data d;
    auto c = raffle::fixture::campaign();
    CHECK(has(render::campaign_main_html(d.data(), page_at(c, running_day())),
              "<p class=\"sample-note\">" + render::sample_badge_html(Lang::zh_TW) + "</p>"));
    c.sample = false;
    for (auto& s : d.sites) s.sample = false;
    CHECK_FALSE(has(render::campaign_main_html(d.data(), page_at(c, running_day())), "示範資料"));
}

TEST_CASE("the draws table on a campaign page links each draw and states its record") {
    Data d;
    const auto c = raffle::fixture::campaign();
    auto v = page_at(c, ended_day());
    DrawRecord frozen;
    frozen.campaign = c.id;
    frozen.draw = "2026-11";
    frozen.status = DrawStatus::frozen;
    DrawRecord other_campaign = frozen;  // a record of another campaign is not this one's
    other_campaign.campaign = "elsewhere";
    other_campaign.draw = "2026-12";
    other_campaign.status = DrawStatus::drawn;
    v.draws = {frozen, other_campaign};
    const std::string html = render::campaign_main_html(d.data(), v);
    CHECK(has(html, "<a href=\"/raffle/2026-demo/draws/2026-11\">2026-11</a>"));
    CHECK(count(html, "名單已凍結，待抽獎") == 1);
    CHECK(count(html, "接受打卡中") == 1);
    CHECK_FALSE(has(html, "已抽出"));
}

// --- the campaign's map ---------------------------------------------------------------------

TEST_CASE("campaign_scene: one marker per campaign site, coloured by what I did there") {
    Data d;
    const auto c = raffle::fixture::campaign();
    const std::vector<OwnCheckin> mine = {{"site-tp", 1, CheckinState::counted},
                                          {"site-kl", 2, CheckinState::held},
                                          {"site-yl", 3, CheckinState::refused}};
    const auto scene = render::campaign_scene(d.data(), c, mine, Lang::zh_TW);
    REQUIRE(scene.markers.size() == 5);  // site-off is not in the campaign
    for (const auto& m : scene.markers) {
        CAPTURE(m.id);
        CHECK(m.layer == "raffle-sites");
        if (m.id == "site-tp") {
            CHECK(m.look.fill == "#1B5E20");
            CHECK(m.label == "✓");
            CHECK(m.style == "active");
            CHECK(m.title == "示範場所 site-tp · 已打卡");
        } else if (m.id == "site-kl") {
            CHECK(m.look.fill == "#F2B705");
            CHECK(m.label.empty());
            CHECK(m.title == "示範場所 site-kl · 待審核");
        } else {
            // Hollow: a refused check-in counts for nothing.
            CHECK(m.look.fill == "#ffffff");
            CHECK(m.label.empty());
            CHECK(m.style == "muted");
        }
    }
}

TEST_CASE("campaign_scene fits to the campaign's sites, not to the catalog or the island") {
    Data d;
    const auto c = raffle::fixture::campaign();
    const auto scene = render::campaign_scene(d.data(), c, {}, Lang::en);
    CHECK(scene.fit_south_west.lat == doctest::Approx(24.7570));  // site-yl
    CHECK(scene.fit_south_west.lon == doctest::Approx(120.9710));  // site-hc
    CHECK(scene.fit_north_east.lat == doctest::Approx(25.1280));  // site-kl
    CHECK(scene.fit_north_east.lon == doctest::Approx(121.7530));  // site-yl
    for (const auto& m : scene.markers) CHECK(m.title.find("Not yet") != std::string::npos);
}

TEST_CASE("campaign_scene leaves out campaign sites the catalog lacks") {
    Data d;
    d.sites.erase(d.sites.begin());  // site-tp
    const auto scene = render::campaign_scene(d.data(), raffle::fixture::campaign(), {}, Lang::zh_TW);
    CHECK(scene.markers.size() == 4);
    for (const auto& m : scene.markers) CHECK(m.id != "site-tp");
}

// --- figures --------------------------------------------------------------------------------

TEST_CASE("figures_table_html: the rows in county order with names, the stated total in the footer") {
    const auto counties = raffle::fixture::counties();
    const auto c = history_campaign();
    const std::string html = render::figures_table_html(*c.figures, counties, Lang::zh_TW);
    const size_t kl = html.find("<th scope=\"row\">示範Keelung</th>"), tp = html.find("<th scope=\"row\">示範Taipei</th>"),
                 ty = html.find("<th scope=\"row\">示範Taoyuan</th>");
    REQUIRE(kl != std::string::npos);
    REQUIRE(tp != std::string::npos);
    REQUIRE(ty != std::string::npos);
    CHECK(kl < tp);
    CHECK(tp < ty);
    CHECK(has(html, "<tr><th scope=\"row\">示範Taipei</th><td class=\"num\">44</td><td class=\"num\">55</td><td class=\"num\">66</td></tr>"));
    CHECK(has(html, "<tfoot><tr class=\"total\"><th scope=\"row\">合計</th><th class=\"num\">62</th><th class=\"num\">85</th>"
                    "<th class=\"num\">108</th></tr></tfoot>"));
    CHECK(html.find("</tbody>") < html.find("合計"));
    CHECK(has(html, "統計至 " + text::format_date({2023, 7, 16}, Lang::zh_TW)));
    CHECK(has(html, "<small>示範來源文件</small>"));
}

TEST_CASE("figures_table_html in English, with an escaped source") {
    const auto counties = raffle::fixture::counties();
    auto f = *history_campaign().figures;
    f.source = kHostile;
    const std::string html = render::figures_table_html(f, counties, Lang::en);
    CHECK(has(html, "Participation by county (as of " + text::format_date({2023, 7, 16}, Lang::en) + ")"));
    CHECK(has(html, "<th scope=\"row\">Total</th>"));
    CHECK(has(html, "<th scope=\"row\">Taipei</th>"));  // the county's English name
    CHECK_FALSE(has(html, "<script>"));
}

// --- a draw's page --------------------------------------------------------------------------

TEST_CASE("an open draw says its list is not frozen yet and shows no digest or winners") {
    const auto c = raffle::fixture::campaign();
    render::DrawPageView v;
    v.campaign = &c;
    v.draw = &c.draws[0];
    v.now = running_day();
    v.my_entry = "E1a2b3c4d5e6f708";
    const std::string html = render::draw_main_html(v);
    CHECK(has(html, "<h1>抽獎場次 2026-11</h1>"));
    CHECK(has(html, "接受打卡中"));
    CHECK(has(html, "截止後名單將凍結並公布其 SHA-256"));
    CHECK(has(html, "2026-11-15 23:59"));  // the cut-off in Taiwan time
    CHECK(has(html, "示範彩券 2026-11-19 開獎號碼"));
    CHECK(has(html, render::sample_badge_html(Lang::zh_TW)));
    CHECK_FALSE(has(html, "class=\"digest\""));
    CHECK_FALSE(has(html, "class=\"data winners\""));
    CHECK_FALSE(has(html, "class=\"my-result\""));
}

TEST_CASE("a frozen draw shows the list's SHA-256 and size, and no winners yet") {
    const auto c = raffle::fixture::campaign();
    render::DrawPageView v;
    v.campaign = &c;
    v.draw = &c.draws[0];
    DrawRecord r;
    r.campaign = c.id;
    r.draw = "2026-11";
    r.status = DrawStatus::frozen;
    r.entries_sha256 = std::string(64, 'a');
    r.entries_url = "/api/campaigns/2026-demo/draws/2026-11/entries.txt";
    v.record = r;
    v.entries = 42;
    v.my_entry = "E1a2b3c4d5e6f708";
    const std::string html = render::draw_main_html(v);
    CHECK(has(html, "名單已凍結，待抽獎"));
    CHECK(has(html, "<code class=\"digest\">" + std::string(64, 'a') + "</code>"));
    CHECK(has(html, "42 · <a href=\"/api/campaigns/2026-demo/draws/2026-11/entries.txt\">"));
    CHECK(has(html, "您的抽獎編號是 E1a2b3c4d5e6f708。</p>"));  // in the draw, result to come
    CHECK_FALSE(has(html, "中獎"));
    CHECK_FALSE(has(html, "class=\"data winners\""));
    CHECK_FALSE(has(html, "/verify"));
    CHECK_FALSE(has(html, "亂數值</dt>"));  // the value is not known yet
}

TEST_CASE("a drawn draw lists the winners masked, the participant's own result and the verify link") {
    const auto c = raffle::fixture::campaign();
    const auto r = published_draw(entry_ids(10), "01 02 03 04 05 06 + 07");
    REQUIRE(r.winners.size() == 3);
    render::DrawPageView v;
    v.campaign = &c;
    v.draw = &c.draws[0];
    v.record = r;
    v.entries = 10;
    v.my_entry = r.winners[1].entry;
    const std::string won = render::draw_main_html(v);
    CHECK(has(won, "已抽出"));
    CHECK(has(won, "class=\"data winners\""));
    CHECK(count(won, "<td>王○明</td>") == 3);
    for (const auto& w : r.winners) CHECK(has(won, "<code>" + w.entry + "</code>"));
    CHECK(has(won, "<code>01 02 03 04 05 06 + 07</code>"));
    CHECK(has(won, "恭喜您中獎"));
    CHECK(has(won, "href=\"/raffle/2026-demo/draws/2026-11/verify\""));

    std::string loser;
    for (const auto& id : entry_ids(10)) {
        bool winner = false;
        for (const auto& w : r.winners) winner = winner || w.entry == id;
        if (!winner) loser = id;
    }
    v.my_entry = loser;
    const std::string lost = render::draw_main_html(v);
    CHECK(has(lost, "這次沒有中獎。"));
    CHECK_FALSE(has(lost, "恭喜您中獎"));

    v.my_entry.clear();  // not in this draw: nothing about me
    CHECK_FALSE(has(render::draw_main_html(v), "class=\"my-result\""));
}

TEST_CASE("a drawn draw shows each winner's contact masked while it is kept, a dash once erased") {
    const auto c = raffle::fixture::campaign();
    const auto r = published_draw(entry_ids(10), "seed");
    render::DrawPageView v;
    v.campaign = &c;
    v.draw = &c.draws[0];
    v.record = r;
    v.contacts_masked = {"09xx-xxx-678", "", "<b>m***@example.com</b>"};
    const std::string html = render::draw_main_html(v);
    CHECK(has(html, "<th scope=\"col\">聯絡方式（遮蔽）</th>"));
    CHECK(has(html, "<td>09xx-xxx-678</td>"));
    CHECK(has(html, "<td>—</td>"));
    CHECK(has(html, "&lt;b&gt;m***@example.com&lt;/b&gt;"));
    CHECK_FALSE(has(html, "0912345678"));
}

TEST_CASE("a drawn draw's page in English") {
    const auto c = raffle::fixture::campaign();
    const auto r = published_draw(entry_ids(5), "seed");
    render::DrawPageView v;
    v.campaign = &c;
    v.draw = &c.draws[0];
    v.record = r;
    v.lang = Lang::en;
    const std::string html = render::draw_main_html(v);
    CHECK(has(html, "<h1>Draw 2026-11</h1>"));
    CHECK(has(html, "Verify this draw yourself"));
    CHECK(has(html, "(Taiwan time)"));
    CHECK(has(html, "sample lottery numbers of 2026-11-19"));
    CHECK_FALSE(has(html, "得獎名單"));
}

// --- the verify page --------------------------------------------------------------------------

TEST_CASE("verify_main_html has the inputs, the API it reads and the place for the result") {
    const auto c = raffle::fixture::campaign();
    const std::string html = render::verify_main_html(c, c.draws[1], Lang::zh_TW);
    CHECK(has(html, "data-api=\"/api/campaigns/2026-demo/draws/2026-12\""));
    CHECK(has(html, "data-slots=\"1\""));  // the second draw's one prize
    CHECK(has(html, "<a href=\"/raffle/2026-demo/draws/2026-12\">"));
    CHECK(has(html, "id=\"v-seed\""));
    CHECK(has(html, "id=\"v-entries\""));
    CHECK(has(html, "id=\"verify-result\" role=\"status\" aria-live=\"polite\""));
    CHECK(has(html, "<noscript>"));
}

TEST_CASE("verify_result_html: the published list and seed give the same winners") {
    const auto ids = entry_ids(10);
    const std::string seed = "01 02 03 04 05 06 + 07";
    const auto r = published_draw(ids, seed);
    const std::string document = raffle::entries_document(ids);
    const std::string html = render::verify_result_html(document, seed, r, 3, Lang::zh_TW);
    CHECK(has(html, "data-same=\"yes\""));
    CHECK(has(html, "名單與公布的 SHA-256 相符（10 筆）"));
    CHECK(has(html, "<code class=\"digest\">" + r.entries_sha256 + "</code>"));
    CHECK(has(html, "重算結果與公布的得獎名單完全相同"));
    CHECK_FALSE(has(html, "class=\"differs\""));
    // White space around the value is not part of it.
    CHECK(has(render::verify_result_html(document, "  " + seed + "\n", r, 3, Lang::zh_TW), "data-same=\"yes\""));
}

TEST_CASE("verify_result_html: another seed gives other winners and names the first difference") {
    const auto ids = entry_ids(10);
    const auto r = published_draw(ids, "01 02 03 04 05 06 + 07");
    const std::string document = raffle::entries_document(ids);
    const std::string other_seed = "01 02 03 04 05 06 + 08";
    // What the page should name, from the draw's own comparison.
    std::vector<raffle::Winner> published;
    for (const auto& w : r.winners) published.push_back({w.slot, w.entry});
    const auto check = raffle::compare_winners(published, raffle::run_draw(ids, other_seed, 3));
    REQUIRE_FALSE(check.same);
    const std::string html = render::verify_result_html(document, other_seed, r, 3, Lang::zh_TW);
    CHECK(has(html, "data-same=\"no\""));
    CHECK(has(html, "名單與公布的 SHA-256 相符"));  // the list itself is the published one
    // Named in the page's language, at the first prize where the lists part.
    const auto rerun = raffle::run_draw(ids, other_seed, 3);
    size_t first = 0;
    while (first < 3 && rerun[first].entry == r.winners[first].entry) ++first;
    REQUIRE(first < 3);
    CHECK(has(html, "重算結果與公布的不同：第 " + std::to_string(first + 1) + " 個獎項公布為 " + r.winners[first].entry + "，重算為 " +
                        rerun[first].entry));
    CHECK(has(html, "class=\"differs\""));
}

TEST_CASE("verify_result_html: a list other than the published one is never 'the same', even with the same winners") {
    const auto ids = entry_ids(10);
    auto r = published_draw(ids, "seed");
    r.entries_sha256 = std::string(64, '0');  // the published digest is of another list
    const std::string html = render::verify_result_html(raffle::entries_document(ids), "seed", r, 3, Lang::zh_TW);
    CHECK(has(html, "名單與公布的 SHA-256 不符（10 筆）"));
    CHECK(has(html, "data-same=\"no\""));
    CHECK_FALSE(has(html, "data-same=\"yes\""));
}

TEST_CASE("verify_result_html: a changed list is named as not the published one") {
    auto ids = entry_ids(10);
    const auto r = published_draw(ids, "seed");
    ids.pop_back();
    const std::string html = render::verify_result_html(raffle::entries_document(ids), "seed", r, 3, Lang::en);
    CHECK(has(html, "does not match the published SHA-256 (9 entries)"));
    CHECK(has(html, "data-same=\"no\""));
}

TEST_CASE("verify_result_html: a record whose last winners were dropped is not 'the same' (the prizes come from the campaign)") {
    const auto ids = entry_ids(10);
    auto r = published_draw(ids, "seed");
    r.winners.pop_back();
    const std::string html = render::verify_result_html(raffle::entries_document(ids), "seed", r, 3, Lang::zh_TW);
    CHECK(has(html, "data-same=\"no\""));
    CHECK(has(html, "class=\"differs\""));
}

TEST_CASE("verify_result_html: an unreadable list is an error that says why, and no comparison") {
    const auto r = published_draw(entry_ids(3), "seed");
    const std::string html = render::verify_result_html("E2\nE1\n", "seed", r, 3, Lang::zh_TW);
    CHECK(has(html, "<p class=\"notice error\">名單無法讀取："));
    CHECK(has(html, "&quot;E1&quot; is not after &quot;E2&quot;"));
    CHECK_FALSE(has(html, "data-same"));
    CHECK_FALSE(has(html, "<table"));
    const std::string hostile = render::verify_result_html("<script>\n", "seed", r, 3, Lang::zh_TW);
    CHECK_FALSE(has(hostile, "<script>"));
    CHECK(has(hostile, "class=\"notice error\""));
}

// --- the staff page ---------------------------------------------------------------------------

namespace {

render::StaffRaffleView staff_view(bool admin, long long now) {
    render::StaffRaffleView v;
    v.campaigns = {raffle::fixture::campaign(), history_campaign()};
    v.admin = admin;
    v.county = admin ? "" : "Taipei";
    v.csrf = "tok\"<&";
    v.now = now;
    return v;
}

const std::string kCsrf = "<input type=\"hidden\" name=\"csrf\" value=\"tok&quot;&lt;&amp;\">";

}  // namespace

TEST_CASE("staff raffle page: before a cut-off the admin is told when the list can be frozen, after it gets the freeze form") {
    const auto before = render::staff_raffle_main_html(staff_view(true, at("2026-11-15T23:59:59+08:00")));
    CHECK(count(before, "截止後才能凍結") == 2);
    CHECK_FALSE(has(before, "/freeze\""));

    const auto after = render::staff_raffle_main_html(staff_view(true, at("2026-11-16T00:00:00+08:00")));
    CHECK(count(after, "截止後才能凍結") == 1);  // the December draw is still open
    CHECK(has(after, "<form method=\"post\" action=\"/staff/raffle/2026-demo/draws/2026-11/freeze\">" + kCsrf));
    CHECK_FALSE(has(after, "/draws/2026-12/freeze"));
    // A history campaign has nothing to freeze or draw.
    CHECK_FALSE(has(after, "(112)"));
}

TEST_CASE("staff raffle page: a frozen draw offers the seed form with the CSRF token; a drawn one the contacts") {
    auto v = staff_view(true, ended_day());
    DrawRecord frozen;
    frozen.campaign = "2026-demo";
    frozen.draw = "2026-11";
    frozen.status = DrawStatus::frozen;
    DrawRecord drawn = frozen;
    drawn.draw = "2026-12";
    drawn.status = DrawStatus::drawn;
    v.draws = {frozen, drawn};
    const std::string html = render::staff_raffle_main_html(v);
    CHECK(has(html, "<form method=\"post\" action=\"/staff/raffle/2026-demo/draws/2026-11/draw\">" + kCsrf));
    CHECK(has(html, "<input id=\"seed-2026-demo-2026-11\" name=\"seed_value\" required>"));
    CHECK(has(html, "<label for=\"seed-2026-demo-2026-11\">"));
    CHECK(has(html, "示範彩券 2026-11-19 開獎號碼"));
    CHECK(has(html, "<a href=\"/staff/raffle/2026-demo/draws/2026-12/contacts.csv\">"));
    CHECK_FALSE(has(html, "/freeze\""));
    CHECK_FALSE(has(html, "/draws/2026-12/draw\""));
    CHECK_FALSE(has(html, "tok\"<&"));
}

TEST_CASE("staff raffle page: an editor sees the review queue and no freeze, draw or contacts controls") {
    auto v = staff_view(false, ended_day());
    DrawRecord drawn;
    drawn.campaign = "2026-demo";
    drawn.draw = "2026-11";
    drawn.status = DrawStatus::drawn;
    v.draws = {drawn};
    const std::string html = render::staff_raffle_main_html(v);
    CHECK_FALSE(has(html, "/freeze"));
    CHECK_FALSE(has(html, "seed_value"));
    CHECK_FALSE(has(html, "contacts.csv"));
    CHECK_FALSE(has(html, "class=\"staff-campaign\""));
    CHECK(has(html, "目前沒有待審核的打卡。"));
}

TEST_CASE("staff raffle page: waiting check-ins each get accept and refuse, with the escaped CSRF token") {
    auto v = staff_view(false, running_day());
    v.waiting = {{7, "2026-demo", "site-tp", kHostile, "Taipei", "too fast: 300 km/h from " + kHostile, "position", "held",
                  at("2026-11-01T09:30:00+08:00")},
                 {8, "2026-demo", "site-ntp", "示範場所 site-ntp", "NewTaipei", "photo", "photo", "photo_pending",
                  at("2026-11-01T10:00:00+08:00")}};
    const std::string html = render::staff_raffle_main_html(v);
    CHECK(count(html, "<form method=\"post\" action=\"/staff/raffle/checkins/") == 2);
    CHECK(has(html, "action=\"/staff/raffle/checkins/7/review\">" + kCsrf));
    CHECK(has(html, "action=\"/staff/raffle/checkins/8/review\">" + kCsrf));
    CHECK(count(html, kCsrf) == 2);
    CHECK(count(html, "name=\"decision\" value=\"accept\"") == 2);
    CHECK(count(html, "name=\"decision\" value=\"refuse\"") == 2);
    CHECK(has(html, "<label for=\"reason-7\">"));
    CHECK(has(html, "2026-11-01 09:30"));
    // The photo check-in shows its photo, linking to the whole of it; the other shows none.
    CHECK(has(html, "<a class=\"review-photo\" href=\"/staff/raffle/checkins/8/photo\"><img src=\"/staff/raffle/checkins/8/photo\" "
                    "alt=\"在「示範場所 site-ntp」打卡的照片\" width=\"240\""));
    CHECK(count(html, "<img ") == 1);
    CHECK_FALSE(has(html, "<script>"));
    CHECK_FALSE(has(html, "tok\"<&"));
    CHECK_FALSE(has(html, "目前沒有待審核的打卡"));
}

TEST_CASE("staff raffle page: a notice is shown, and the English page uses English labels") {
    auto v = staff_view(true, ended_day());
    v.lang = Lang::en;
    v.notice = {"Frozen: 42 entries.", false};
    const std::string html = render::staff_raffle_main_html(v);
    CHECK(has(html, "<h1>Green-tourism raffle</h1>"));
    CHECK(has(html, "<p class=\"notice ok\" role=\"status\">Frozen: 42 entries.</p>"));
    CHECK(has(html, "Freeze and publish the entry list"));
    CHECK_FALSE(has(html, "凍結"));
}

TEST_CASE("nearby_main_html: the nearest sites in the counties still missing, nearest first, none of a county done") {
    const auto c = raffle::fixture::campaign();
    const auto counties = raffle::fixture::counties();
    const auto sites = raffle::fixture::sites();
    render::RaffleData data{&counties, &sites, nullptr};
    render::NearbyView v;
    v.campaign = &c;
    v.from = {25.03, 121.56};  // by the Taipei site
    v.mine = {{"site-tp", 1, raffle::CheckinState::counted}};
    const std::string html = render::nearby_main_html(data, v);
    CHECK_FALSE(has(html, "data-site=\"site-tp\""));
    const auto ntp = html.find("data-site=\"site-ntp\"");
    const auto hc = html.find("data-site=\"site-hc\"");
    REQUIRE(ntp != std::string::npos);
    REQUIRE(hc != std::string::npos);
    CHECK(ntp < hc);  // New Taipei is nearer than Hsinchu
    CHECK_FALSE(has(html, "site-off"));  // in the catalog, not in the campaign
    CHECK_FALSE(has(html, "nearby-parking"));  // no live parking data given
    v.mine = {{"site-tp", 1, raffle::CheckinState::counted}, {"site-ntp", 2, raffle::CheckinState::counted},
              {"site-kl", 3, raffle::CheckinState::counted}};
    CHECK(has(render::nearby_main_html(data, v), "您已集滿規定的縣市數"));
}

TEST_CASE("the verify page gives its script its words; a draw held by hand elsewhere says there is nothing to re-run") {
    const auto c = raffle::fixture::campaign();
    for (Lang lang : {Lang::zh_TW, Lang::en}) {
        const std::string html = render::verify_main_html(c, c.draws.front(), lang);
        CHECK(has(html, "id=\"verify-form\""));
        CHECK(has(html, "data-not-drawn=\"" + text::escape_html(text::tr("raffle.verify_not_drawn", lang)) + "\""));
        CHECK(has(html, "data-load-failed=\"" + text::escape_html(text::tr("raffle.verify_load_failed", lang)) + "\""));
    }
    const auto history = history_campaign();
    REQUIRE(history.external);
    const std::string by_hand = render::verify_main_html(history, history.draws.front(), Lang::en);
    CHECK_FALSE(has(by_hand, "verify-form"));
    CHECK(has(by_hand, "This draw was held by hand by the committee"));
}
