// The admin's campaign form: read into the campaign the API would take, refused by field name,
// and filled in again from a campaign.
#include <doctest/doctest.h>

#include <string>

#include "../raffle/fixture.h"
#include "raffle/rules.h"
#include "render/campaign_form.h"
#include "render/county_sites_page.h"

using namespace beitai;
using namespace beitai::render;
using raffle::fixture::at;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

CampaignForm filled() {
    CampaignForm f = blank_campaign_form();
    f.id = "2027";
    f.name_zh = "北臺綠色旅遊打卡 2027";
    f.name_en = "Green-tourism check-in 2027";
    f.start = "2027-03-01";
    f.end = " 2027-06-30 ";
    f.contacts_erased_after = "2027-09-30";
    f.draws[0] = {"2027-04", "2027-04-15", "2027-04-20T15:00", "威力彩 2027-04-19 開獎號碼", "Super Lotto of 2027-04-19",
                  "環保標章旅館住宿券", "Eco-label hotel stay", "4"};
    f.draws.push_back({});  // the empty row to add a draw: ignored
    return f;
}

}  // namespace

TEST_CASE("a filled-in campaign form is the campaign: times in Taiwan time, each county the same prizes") {
    const auto counties = raffle::fixture::counties();
    const auto sites = raffle::fixture::sites();
    auto c = campaign_from_form(filled(), nullptr, counties, sites, text::Lang::zh_TW);
    REQUIRE_MESSAGE(c.ok(), c.error());
    CHECK(c->id == "2027");
    CHECK(c->proposal == "112-40");
    CHECK(c->end == text::Date{2027, 6, 30});
    CHECK(c->min_counties == 3);
    CHECK(c->sites.empty());  // the county editors choose
    REQUIRE(c->draws.size() == 1);
    CHECK(c->draws[0].cutoff == at("2027-04-15T23:59:59+08:00"));
    CHECK(c->draws[0].date == at("2027-04-20T15:00:00+08:00"));
    REQUIRE(c->draws[0].prizes.size() == counties.size());
    for (size_t i = 0; i < counties.size(); ++i) {
        CHECK(c->draws[0].prizes[i].county == counties[i].id);
        CHECK(c->draws[0].prizes[i].count == 4);
        CHECK(c->draws[0].prizes[i].name_en == "Eco-label hotel stay");
    }
    CHECK(raffle::check_campaign(*c, counties, sites).empty());

    auto every = filled();
    every.first_sites = "all";
    auto all = campaign_from_form(every, nullptr, counties, sites, text::Lang::zh_TW);
    REQUIRE(all.ok());
    CHECK(all->sites.size() == sites.size());
}

TEST_CASE("a wrong campaign form names each field by its label, in the page's language") {
    auto f = filled();
    f.name_en = "  ";
    f.start = "2027/03/01";
    f.min_counties = "9";
    f.draws[0].date = "2027-04-20";
    f.draws[0].per_county = "0";
    auto zh = campaign_from_form(f, nullptr, raffle::fixture::counties(), raffle::fixture::sites(), text::Lang::zh_TW);
    REQUIRE_FALSE(zh.ok());
    CHECK(has(zh.error(), "英文名稱：請填寫"));
    CHECK(has(zh.error(), "開始日期：請填日期（YYYY-MM-DD）"));
    CHECK(has(zh.error(), "至少幾個縣市：請填 1 到 8 的整數"));
    CHECK(has(zh.error(), "第 1 場抽獎的抽獎時間：請填日期與時間"));
    CHECK(has(zh.error(), "第 1 場抽獎的每縣市獎品數"));
    CHECK_FALSE(has(zh.error(), "結束日期"));
    auto en = campaign_from_form(f, nullptr, raffle::fixture::counties(), raffle::fixture::sites(), text::Lang::en);
    REQUIRE_FALSE(en.ok());
    CHECK(has(en.error(), "Name in English: required"));
    CHECK(has(en.error(), "Draw 1, time of the draw: enter a date and a time"));
}

TEST_CASE("the form of a campaign reads back as the same campaign; prizes it cannot show are kept") {
    const auto counties = raffle::fixture::counties();
    content::Campaign c = raffle::fixture::campaign();  // prizes differ by county: the form cannot show them
    CampaignForm f = campaign_form_of(c, counties);
    CHECK(f.start == "2026-10-01");
    REQUIRE(f.draws.size() == c.draws.size() + 1);  // and an empty row to add one
    CHECK(f.draws[0].cutoff == "2026-11-15");
    CHECK(f.draws[0].date == "2026-11-20T10:00");
    CHECK(f.draws[0].per_county.empty());
    CHECK(f.draws[1].per_county.empty());  // one county's prize is not "each county one"
    auto each = c;
    each.draws[1].prizes.clear();
    for (const auto& k : counties) each.draws[1].prizes.push_back({k.id, 3, "住宿券", "Stay"});
    CHECK(campaign_form_of(each, counties).draws[1].per_county == "3");
    auto back = campaign_from_form(f, &c, counties, raffle::fixture::sites(), text::Lang::zh_TW);
    REQUIRE_MESSAGE(back.ok(), back.error());
    CHECK(text::to_json_text(content::to_json(*back)) == text::to_json_text(content::to_json(c)));
    CHECK(raffle::rules_change_refusal(c, *back, at("2026-11-01T00:00:00+08:00")).empty());

    // A change of name is allowed after opening; a change of prize is not.
    f.name_zh = "改過名字的示範打卡";
    f.draws[1].per_county = "2";
    f.draws[1].prize_zh = "住宿券";
    f.draws[1].prize_en = "Stay";
    auto changed = campaign_from_form(f, &c, counties, raffle::fixture::sites(), text::Lang::zh_TW);
    REQUIRE(changed.ok());
    CHECK(changed->draws[1].prizes.size() == counties.size());
    CHECK(raffle::rules_change_refusal(c, *changed, at("2026-11-01T00:00:00+08:00")) ==
          "draws[1].prizes: the rules are frozen since check-ins opened on 2026-10-01");
}

TEST_CASE("an unchanged form gives back the stored campaign exactly: times to the second, every draw, untrimmed text") {
    const auto counties = raffle::fixture::counties();
    content::Campaign c = raffle::fixture::campaign();
    c.draws[0].cutoff = at("2026-11-15T12:00:00+08:00");  // not the end of a day: the API allows it
    c.draws[0].date = at("2026-11-20T10:00:30+08:00");    // seconds the form does not show
    c.draws[0].seed_source_zh = " 示範彩券 2026-11-19 開獎號碼 ";
    for (int i = 0; i < 8; ++i) {  // more draws than a form shows empty rows for
        content::CampaignDraw more = c.draws[1];
        more.id = "extra-" + std::to_string(i);
        c.draws.push_back(more);
    }
    const CampaignForm f = campaign_form_of(c, counties);
    REQUIRE(f.draws.size() == c.draws.size() + 1);
    auto back = campaign_from_form(f, &c, counties, raffle::fixture::sites(), text::Lang::zh_TW);
    REQUIRE_MESSAGE(back.ok(), back.error());
    CHECK(text::to_json_text(content::to_json(*back)) == text::to_json_text(content::to_json(c)));
    // A changed day is read as that day's end.
    CampaignForm moved = f;
    moved.draws[0].cutoff = "2026-11-16";
    auto later = campaign_from_form(moved, &c, counties, raffle::fixture::sites(), text::Lang::zh_TW);
    REQUIRE(later.ok());
    CHECK(later->draws[0].cutoff == at("2026-11-16T23:59:59+08:00"));
    CHECK(later->draws[0].date == at("2026-11-20T10:00:30+08:00"));
}

TEST_CASE("the campaign form page: every field labelled, the typed values and the problems shown") {
    CampaignFormView v;
    v.form = filled();
    v.form.name_zh = "<script>";
    v.csrf = "tok";
    v.problems = {"開始日期：請填日期（YYYY-MM-DD）"};
    const std::string html = campaign_form_main_html(v);
    CHECK(has(html, "role=\"alert\""));
    CHECK(has(html, "<li>開始日期：請填日期（YYYY-MM-DD）</li>"));
    CHECK(has(html, "value=\"&lt;script&gt;\""));
    CHECK(has(html, "<input type=\"hidden\" name=\"csrf\" value=\"tok\">"));
    CHECK(has(html, "<label for=\"c-d0-date\">抽獎時間</label><input id=\"c-d0-date\" name=\"draws-0-date\" type=\"datetime-local\" value=\"2027-04-20T15:00\""));
    CHECK(has(html, "aria-describedby=\"c-min_counties-hint\""));
    CHECK(has(html, "name=\"first_sites\" value=\"none\" checked"));
    // Every visible input — text, date, number, checkbox, radio — has a label pointing at it.
    int inputs = 0;
    for (size_t at = html.find("<input"); at != std::string::npos; at = html.find("<input", at + 1)) {
        const std::string tag = html.substr(at, html.find('>', at) - at);
        if (has(tag, "type=\"hidden\"")) continue;
        const size_t id_at = tag.find(" id=\"");
        REQUIRE_MESSAGE(id_at != std::string::npos, tag);
        const std::string id = tag.substr(id_at + 5, tag.find('"', id_at + 5) - id_at - 5);
        CHECK_MESSAGE(has(html, "<label for=\"" + id + "\">"), id);
        ++inputs;
    }
    CHECK(inputs == 11 + 8 * static_cast<int>(v.form.draws.size()));  // 9 fields, 2 radios, 8 a draw
    v.editing = true;
    const std::string edit = campaign_form_main_html(v);
    CHECK(has(edit, "name=\"editing\" value=\"2027\""));
    CHECK(has(edit, "name=\"id\" type=\"text\" value=\"2027\" required readonly aria-describedby=\"c-id-hint\""));
    CHECK_FALSE(has(edit, "disabled"));
    v.frozen = true;
    v.note = "規則已凍結";
    const std::string frozen = campaign_form_main_html(v);
    CHECK(has(frozen, "<p class=\"notice ok\" role=\"status\">規則已凍結</p>"));
    CHECK(has(frozen, "<fieldset class=\"frozen\" disabled>"));
    // The names stay outside it, editable; the rules inside.
    CHECK(frozen.find("name=\"name_zh\"") < frozen.find("<fieldset class=\"frozen\""));
    CHECK(frozen.find("name=\"start\"") > frozen.find("<fieldset class=\"frozen\""));
    CHECK_FALSE(has(frozen, "draws-2-id"));  // no empty row to add a draw
    CHECK_FALSE(has(edit, "first_sites"));
}

TEST_CASE("a county's sites page: the choice as a form before opening, read-only after, signboards for chosen sites") {
    const content::Campaign c = raffle::fixture::campaign();
    CountySitesView v;
    v.campaign = &c;
    v.county = "Taipei";
    v.county_name = "臺北市";
    v.version = "0123456789abcdef";
    v.key_version = 2;
    v.csrf = "tok";
    v.rows = {{"site-tp", "示範場所 site-tp", "示範地址", true, 120, 7}, {"site-tp2", "示範場所 site-tp2", "示範地址", false, 100, 0}};
    std::string html = county_sites_main_html(v);
    CHECK(has(html, "<form method=\"post\" action=\"/staff/raffle/2026-demo/sites\">"));
    CHECK(has(html, "name=\"version\" value=\"0123456789abcdef\""));
    CHECK(has(html, "<label for=\"take-site-tp\">示範場所 site-tp</label>"));
    CHECK(has(html, "id=\"take-site-tp\" name=\"site\" value=\"site-tp\" checked>"));
    CHECK(has(html, "id=\"take-site-tp2\" name=\"site\" value=\"site-tp2\">"));
    CHECK(has(html, "name=\"radius-site-tp\" value=\"120\" min=\"30\" max=\"1000\""));
    CHECK(has(html, "href=\"/staff/raffle/2026-demo/signboards/site-tp.svg\""));
    CHECK_FALSE(has(html, "signboards/site-tp2.svg"));  // not taking part: no sheet
    CHECK(has(html, "/staff/raffle/2026-demo/signboards?county=Taipei"));
    v.frozen = true;
    html = county_sites_main_html(v);
    CHECK_FALSE(has(html, "<form method=\"post\""));
    CHECK(has(html, "checked disabled"));
    CHECK(has(html, "已凍結"));
    const std::string print = signboards_print_main_html(v);
    CHECK(has(print, "<img src=\"/staff/raffle/2026-demo/signboards/site-tp.svg\" alt=\"示範場所 site-tp 的立牌\">"));
    CHECK_FALSE(has(print, "site-tp2.svg"));
}
