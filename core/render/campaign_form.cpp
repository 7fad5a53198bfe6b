#include "render/campaign_form.h"

#include <cstdlib>
#include <optional>
#include <tuple>

#include "render/form_fields.h"
#include "text/date.h"
#include "text/html.h"
#include "text/trim.h"

namespace beitai::render {

using text::say;

using text::escape_html;
using text::Lang;

using text::trimmed;

namespace {

bool blank(const CampaignFormDraw& d) {
    for (const std::string* v : {&d.id, &d.cutoff, &d.date, &d.seed_source_zh, &d.seed_source_en, &d.prize_zh, &d.prize_en,
                                 &d.per_county})
        if (!trimmed(*v).empty()) return false;
    return true;
}

// A whole number in [low, high], or nothing.
std::optional<int> whole_number(const std::string& text, int low, int high) {
    const std::string s = trimmed(text);
    if (s.empty() || s.size() > 6) return std::nullopt;
    for (char c : s)
        if (c < '0' || c > '9') return std::nullopt;
    const int n = std::atoi(s.c_str());
    if (n < low || n > high) return std::nullopt;
    return n;
}

// Each county the same prize, `count` of it: the uniform shape the form writes.
std::vector<content::Prize> uniform_prizes(const std::vector<content::County>& counties, int count, const std::string& zh,
                                           const std::string& en) {
    std::vector<content::Prize> prizes;
    for (const auto& c : counties) prizes.push_back({c.id, count, zh, en});
    return prizes;
}

// Whether the prizes are what uniform_prizes writes (so the form can show them).
bool uniform(const std::vector<content::Prize>& prizes, const std::vector<content::County>& counties) {
    if (prizes.empty() || prizes.size() != counties.size()) return false;
    for (size_t i = 0; i < prizes.size(); ++i) {
        const auto& p = prizes[i];
        if (p.county != counties[i].id || p.count != prizes[0].count || p.name_zh != prizes[0].name_zh || p.name_en != prizes[0].name_en)
            return false;
    }
    return true;
}

// A draw as the form shows it (its prizes' count aside, which depends on the counties).
CampaignFormDraw draw_row_of(const content::CampaignDraw& d) {
    CampaignFormDraw row;
    row.id = d.id;
    if (d.cutoff) row.cutoff = text::to_iso_datetime_taipei(*d.cutoff).substr(0, 10);
    if (d.date) row.date = text::to_iso_datetime_taipei(*d.date).substr(0, 16);
    row.seed_source_zh = d.seed_source_zh;
    row.seed_source_en = d.seed_source_en;
    if (!d.prizes.empty()) {
        row.prize_zh = d.prizes[0].name_zh;
        row.prize_en = d.prizes[0].name_en;
    }
    return row;
}

std::string draw_label(size_t i, Lang lang) {
    return lang == Lang::en ? "Draw " + std::to_string(i + 1) : "第 " + std::to_string(i + 1) + " 場抽獎";
}

}  // namespace

CampaignForm blank_campaign_form() {
    CampaignForm form;
    form.proposal = "112-40";
    form.min_counties = "3";
    form.draws.resize(2);
    return form;
}

CampaignForm campaign_form_of(const content::Campaign& c, const std::vector<content::County>& counties) {
    CampaignForm form;
    form.id = c.id;
    form.proposal = c.proposal;
    form.name_zh = c.name_zh;
    form.name_en = c.name_en;
    form.start = text::to_iso(c.start);
    form.end = text::to_iso(c.end);
    form.contacts_erased_after = text::to_iso(c.contacts_erased_after);
    form.min_counties = std::to_string(c.min_counties);
    form.winners_stay = c.winners_stay;
    for (const auto& d : c.draws) {
        CampaignFormDraw row = draw_row_of(d);
        if (uniform(d.prizes, counties)) row.per_county = std::to_string(d.prizes[0].count);
        form.draws.push_back(std::move(row));
    }
    if (form.draws.size() < kMaxFormDraws) form.draws.emplace_back();
    return form;
}

Result<content::Campaign> campaign_from_form(const CampaignForm& form, const content::Campaign* base,
                                             const std::vector<content::County>& counties,
                                             const std::vector<content::Site>& sites, Lang lang) {
    std::string problems;
    const auto problem = [&](const std::string& field, const char* zh, const char* en) {
        problems += (problems.empty() ? "" : "\n") + field + (lang == Lang::en ? ": " : "：") + say(lang, zh, en);
    };
    const auto date = [&](const std::string& text, const char* zh_label, const char* en_label) {
        auto d = text::parse_iso_date(trimmed(text));
        if (!d) problem(say(lang, zh_label, en_label), "請填日期（YYYY-MM-DD）", "enter a date (YYYY-MM-DD)");
        return d.value_or(text::Date{});
    };

    content::Campaign c;
    if (base) c = *base;  // sites, sample flag, note, figures: what the form does not show
    c.id = base ? base->id : trimmed(form.id);
    if (c.id.empty()) problem(say(lang, "代號", "Id"), "請填寫", "required");
    c.proposal = trimmed(form.proposal);
    c.name_zh = trimmed(form.name_zh);
    c.name_en = trimmed(form.name_en);
    if (c.name_zh.empty()) problem(say(lang, "中文名稱", "Name in Chinese"), "請填寫", "required");
    if (c.name_en.empty()) problem(say(lang, "英文名稱", "Name in English"), "請填寫", "required");
    c.start = date(form.start, "開始日期", "First day");
    c.end = date(form.end, "結束日期", "Last day");
    c.contacts_erased_after = date(form.contacts_erased_after, "聯絡方式保存至", "Contacts kept until");
    if (auto n = whole_number(form.min_counties, 1, static_cast<int>(counties.size())))
        c.min_counties = *n;
    else
        problem(say(lang, "至少幾個縣市", "Counties needed"), "請填 1 到 8 的整數", "enter a whole number from 1 to 8");
    c.winners_stay = form.winners_stay;
    c.external = false;
    if (!base) {
        c.sites.clear();
        if (form.first_sites == "all")
            for (const auto& s : sites)
                if (s.at) c.sites.push_back({s.id, 100});  // a check-in needs a place (raffle/rules.h)
    }

    c.draws.clear();
    for (size_t i = 0; i < form.draws.size(); ++i) {
        const CampaignFormDraw& row = form.draws[i];
        if (blank(row)) continue;
        const std::string label = draw_label(i, lang);
        const auto field = [&](const char* zh, const char* en) { return label + (lang == Lang::en ? ", " : "的") + say(lang, zh, en); };
        content::CampaignDraw d;
        d.id = trimmed(row.id);
        if (d.id.empty()) problem(field("代號", "id"), "請填寫", "required");
        const content::CampaignDraw* before = base ? content::find_draw(*base, d.id) : nullptr;
        // What the form showed of the stored draw; the same text back means the same value.
        const CampaignFormDraw shown = before ? draw_row_of(*before) : CampaignFormDraw{};
        if (before && trimmed(row.cutoff) == shown.cutoff) {
            d.cutoff = before->cutoff;
        } else {
            d.cutoff = text::parse_iso_datetime(trimmed(row.cutoff) + "T23:59:59+08:00");
            if (trimmed(row.cutoff).size() != 10 || !d.cutoff)
                problem(field("打卡截止日", "last day of check-ins"), "請填日期（YYYY-MM-DD）", "enter a date (YYYY-MM-DD)");
        }
        if (before && trimmed(row.date) == shown.date) {
            d.date = before->date;
        } else {
            d.date = text::parse_iso_datetime(trimmed(row.date) + ":00+08:00");
            if (trimmed(row.date).size() != 16 || !d.date)
                problem(field("抽獎時間", "time of the draw"), "請填日期與時間", "enter a date and a time");
        }
        d.month = before ? before->month : std::string();
        d.seed_source_zh = before && trimmed(row.seed_source_zh) == trimmed(before->seed_source_zh) ? before->seed_source_zh
                                                                                                    : trimmed(row.seed_source_zh);
        d.seed_source_en = before && trimmed(row.seed_source_en) == trimmed(before->seed_source_en) ? before->seed_source_en
                                                                                                    : trimmed(row.seed_source_en);
        if (trimmed(row.per_county).empty() && before && !before->prizes.empty()) {
            d.prizes = before->prizes;  // prizes the form cannot show stay as they were
        } else if (auto n = whole_number(row.per_county, 1, 1000)) {
            const std::string zh = trimmed(row.prize_zh), en = trimmed(row.prize_en);
            if (zh.empty()) problem(field("獎品（中文）", "prize in Chinese"), "請填寫", "required");
            if (en.empty()) problem(field("獎品（英文）", "prize in English"), "請填寫", "required");
            d.prizes = uniform_prizes(counties, *n, zh, en);
        } else {
            problem(field("每縣市獎品數", "prizes from each county"), "請填 1 以上的整數", "enter a whole number, 1 or more");
        }
        c.draws.push_back(std::move(d));
    }
    if (!problems.empty()) return Error{problems};
    return c;
}

std::string campaign_form_main_html(const CampaignFormView& v) {
    const Lang lang = v.lang;
    const CampaignForm& f = v.form;
    std::string out = "<p><a href=\"/staff/raffle\">← " + escape_html(say(lang, "綠色旅遊打卡抽獎管理", "Green-tourism raffle")) + "</a></p><h1>" +
                      escape_html(v.editing ? say(lang, "修改活動", "Edit the campaign") : say(lang, "新增活動", "New campaign")) + "</h1>";
    if (!v.note.empty()) out += form_notice_html(v.note, false);
    if (!v.problems.empty()) {
        out += "<div class=\"notice error\" role=\"alert\"><p>" + escape_html(say(lang, "尚未儲存，請修正：", "Not saved; please correct:")) + "</p><ul>";
        for (const auto& p : v.problems) out += "<li>" + escape_html(p) + "</li>";
        out += "</ul></div>";
    }
    out += "<p>" + escape_html(say(lang, "活動開始受理打卡後，期間、縣市數、場所、抽獎與獎品即凍結，不能再修改。",
                                   "Once check-ins open, the period, the number of counties, the sites, the draws and the prizes are frozen.")) +
           "</p><form method=\"post\" action=\"/staff/raffle/campaigns\" class=\"stack\" id=\"campaign-form\">" + csrf_field(v.csrf);
    if (v.editing) out += "<input type=\"hidden\" name=\"editing\" value=\"" + escape_html(f.id) + "\">";
    out += field_html("c-id", "id", say(lang, "代號", "Id"), f.id, "text", true,
                      say(lang, "網址用的代號，例如 2027（英數字與連字號，建立後不能更改）", "Used in addresses, e.g. 2027 (letters, digits, hyphens; fixed once created)"),
                      v.editing ? " readonly" : "");
    out += field_html("c-name_zh", "name_zh", say(lang, "中文名稱", "Name in Chinese"), f.name_zh, "text", true);
    out += field_html("c-name_en", "name_en", say(lang, "英文名稱", "Name in English"), f.name_en, "text", true);
    out += field_html("c-proposal", "proposal", say(lang, "執行的合作事項", "Cooperation item carried out"), f.proposal,
                      "text", false, say(lang, "提案編號，例如 112-40", "The proposal's number, e.g. 112-40"));
    // Once check-ins have opened the rules are shown as they are, not offered: a disabled
    // fieldset sends nothing, and the server takes only the names.
    if (v.frozen)
        out += "<fieldset class=\"frozen\" disabled><legend>" + escape_html(say(lang, "規則（已凍結）", "The rules (frozen)")) + "</legend>";
    out += field_html("c-start", "start", say(lang, "開始日期", "First day"), f.start, "date", true);
    out += field_html("c-end", "end", say(lang, "結束日期", "Last day"), f.end, "date", true);
    out += field_html("c-min_counties", "min_counties", say(lang, "至少幾個縣市", "Counties needed"), f.min_counties,
                      "number", true, say(lang, "參加者須在這麼多個不同縣市的場所打卡", "Participants check in at sites in at least this many counties"),
                       " min=\"1\" max=\"8\" inputmode=\"numeric\"");
    out += "<div class=\"field check\"><input type=\"checkbox\" id=\"c-winners_stay\" name=\"winners_stay\" value=\"1\"" +
           std::string(f.winners_stay ? " checked" : "") + "><label for=\"c-winners_stay\">" +
           escape_html(say(lang, "已中獎者仍參加之後的抽獎", "Earlier winners stay in later draws")) + "</label></div>";
    out += field_html("c-contacts", "contacts_erased_after", say(lang, "聯絡方式保存至", "Contacts kept until"), f.contacts_erased_after,
                      "date", true, say(lang, "領獎期限；過了這天自動刪除所有聯絡方式，不得早於最後一場抽獎", "The prize period: every contact is erased after this day; not before the last draw"));
    if (!v.editing) {
        out += "<fieldset class=\"checks\"><legend>" + escape_html(say(lang, "參加場所", "Participating sites")) + "</legend>";
        for (const auto& [value, zh, en] : {std::tuple<const char*, const char*, const char*>{"none", "由各縣市承辦人選擇本縣市的場所", "Each county's editor chooses their county's sites"},
                                           {"all", "先列入全部場所（各縣市可再刪減）", "Start with every site (counties may remove some)"}}) {
            const std::string id = std::string("c-first_sites-") + value;
            out += "<label for=\"" + id + "\"><input type=\"radio\" id=\"" + id + "\" name=\"first_sites\" value=\"" + value + "\"" +
                   (f.first_sites == value ? " checked" : "") + "> " + escape_html(say(lang, zh, en)) + "</label>";
        }
        out += "</fieldset>";
    }
    for (size_t i = 0; i < f.draws.size(); ++i) {
        const CampaignFormDraw& d = f.draws[i];
        if (v.frozen && blank(d)) continue;  // no draw can be added any more
        const std::string p = "draws-" + std::to_string(i) + "-";
        const std::string id = "c-d" + std::to_string(i) + "-";
        out += "<fieldset class=\"draw\"><legend>" + escape_html(draw_label(i, lang)) + "</legend>";
        if (i + 1 == f.draws.size() && blank(d))
            out += "<p class=\"hint\">" + escape_html(say(lang, "要增加一場抽獎時填寫；留空則不增加。", "Fill in to add a draw; left empty, none is added.")) + "</p>";
        out += field_html(id + "id", p + "id", say(lang, "代號", "Id"), d.id, "text", false, say(lang, "例如 2027-03", "e.g. 2027-03"));
        out += field_html(id + "cutoff", p + "cutoff", say(lang, "打卡截止日", "Last day of check-ins"), d.cutoff,
                          "date", false, say(lang, "這天 23:59 以前的打卡計入本場", "Check-ins up to 23:59 that day count for this draw"));
        out += field_html(id + "date", p + "date", say(lang, "抽獎時間", "Time of the draw"), d.date, "datetime-local");
        out += field_html(id + "seed_zh", p + "seed_source_zh", say(lang, "亂數來源（中文）", "Random value's source (Chinese)"), d.seed_source_zh,
                          "text", false, say(lang, "事先公布、抽獎前才揭曉的公開數值，例如某日的威力彩開獎號碼", "A public value named now and known only later, e.g. a date's lottery numbers"));
        out += field_html(id + "seed_en", p + "seed_source_en", say(lang, "亂數來源（英文）", "Random value's source (English)"), d.seed_source_en);
        out += field_html(id + "prize_zh", p + "prize_zh", say(lang, "獎品（中文）", "Prize (Chinese)"), d.prize_zh);
        out += field_html(id + "prize_en", p + "prize_en", say(lang, "獎品（英文）", "Prize (English)"), d.prize_en);
        out += field_html(id + "per_county", p + "per_county", say(lang, "每縣市獎品數", "Prizes from each county"), d.per_county,
                          "number", false, say(lang, "八縣市各提供這麼多份", "Each of the eight counties gives this many"), " min=\"1\" inputmode=\"numeric\"");
        out += "</fieldset>";
    }
    if (v.frozen) out += "</fieldset>";
    return out + "<button type=\"submit\">" + escape_html(say(lang, "儲存", "Save")) + "</button></form>";
}

}  // namespace beitai::render
