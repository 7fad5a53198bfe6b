#include "render/county_sites_page.h"

#include <cmath>
#include <cstdio>

#include "raffle/county_sites.h"
#include "render/form_fields.h"
#include "text/html.h"
#include "text/url.h"

namespace beitai::render {

using text::say;

using text::escape_html;
using text::Lang;

namespace {

std::string campaign_name(const content::Campaign& c, Lang lang) { return lang == Lang::en ? c.name_en : c.name_zh; }

std::string base_href(const CountySitesView& v) { return "/staff/raffle/" + text::percent_encode(v.campaign->id); }

std::string sheet_href(const CountySitesView& v, const std::string& site) {
    return base_href(v) + "/signboards/" + text::percent_encode(site) + ".svg";
}

// A radius as the field shows it: whole metres as they are, a fraction kept (not rounded away
// by the next save).
std::string metres(double m) {
    char out[32];
    std::snprintf(out, sizeof out, "%.10g", m);
    return out;
}

}  // namespace

std::string county_sites_main_html(const CountySitesView& v) {
    const Lang lang = v.lang;
    const content::Campaign& c = *v.campaign;
    std::string out = "<p><a href=\"/staff/raffle\">← " + escape_html(say(lang, "綠色旅遊打卡抽獎管理", "Green-tourism raffle")) +
                      "</a></p><h1>" + escape_html(campaign_name(c, lang)) + "<br><small>" +
                      escape_html(v.county_name + say(lang, "的參加場所與立牌", ": participating sites and signboards")) + "</small></h1>" +
                      form_notice_html(v.notice, v.notice_error);
    if (!v.counties.empty()) {
        out += "<form method=\"get\" action=\"" + escape_html(base_href(v) + "/sites") + "\" class=\"inline\"><div class=\"field\"><label for=\"county-pick\">" +
               escape_html(say(lang, "縣市", "County")) + "</label><select id=\"county-pick\" name=\"county\">";
        for (const auto& [id, name] : v.counties)
            out += "<option value=\"" + escape_html(id) + "\"" + (id == v.county ? " selected" : "") + ">" + escape_html(name) + "</option>";
        out += "</select></div><button type=\"submit\">" + escape_html(say(lang, "切換", "Show")) + "</button></form>";
    }
    if (v.frozen)
        out += "<p class=\"notice\">" + escape_html(say(lang, "活動已開始受理打卡，參加場所與打卡範圍已凍結，不能再修改。",
                                                         "Check-ins have opened: the sites and their radii are frozen.")) + "</p>";
    else
        out += "<p>" + escape_html(say(lang, "勾選本縣市參加活動的場所，並設定打卡範圍（以手機定位打卡時，須在場所這麼近的範圍內；30 至 1000 公尺）。活動開始受理打卡後即不能修改。",
                                       "Tick the county's sites that take part and set each one's radius (a position check-in must be this close; 30 to 1000 m). "
                                       "Once check-ins open this cannot change.")) + "</p>";

    std::string table = "<table class=\"data\"><caption>" + escape_html(v.county_name) + "</caption><thead><tr><th scope=\"col\">" +
                        escape_html(say(lang, "場所", "Site")) + "</th><th scope=\"col\">" + escape_html(say(lang, "參加", "Takes part")) +
                        "</th><th scope=\"col\">" + escape_html(say(lang, "打卡範圍（公尺）", "Radius (m)")) + "</th><th scope=\"col\">" +
                        escape_html(say(lang, "已計入打卡", "Counted check-ins")) + "</th><th scope=\"col\">" +
                        escape_html(say(lang, "立牌", "Signboard")) + "</th></tr></thead><tbody>";
    int chosen = 0;
    for (const auto& r : v.rows) {
        const std::string check_id = "take-" + r.site, radius_id = "radius-" + r.site;
        chosen += r.chosen ? 1 : 0;
        table += "<tr><th scope=\"row\"><label for=\"" + escape_html(check_id) + "\">" + escape_html(r.name) + "</label><br><small>" +
                 escape_html(r.address) + "</small></th><td>";
        table += "<input type=\"checkbox\" id=\"" + escape_html(check_id) + "\" name=\"site\" value=\"" + escape_html(r.site) + "\"" +
                 (r.chosen ? " checked" : "") + (v.frozen ? " disabled" : "") + ">";
        table += "</td><td><input type=\"number\" id=\"" + escape_html(radius_id) + "\" name=\"" + escape_html(radius_id) + "\" value=\"" +
                 metres(r.radius_m) + "\" min=\"" + metres(raffle::kMinRadiusMetres) + "\" max=\"" + metres(raffle::kMaxRadiusMetres) +
                 "\" step=\"any\" inputmode=\"decimal\"" + (v.frozen ? " disabled" : "") + " aria-label=\"" +
                 escape_html(r.name + say(lang, " 打卡範圍（公尺）", " radius (m)")) + "\"></td><td>" + std::to_string(r.checkins) + "</td><td>";
        if (r.chosen && v.key_version > 0)
            table += "<a href=\"" + escape_html(sheet_href(v, r.site)) + "\" download=\"" + escape_html(c.id + "-" + r.site) + ".svg\">" +
                     escape_html(say(lang, "下載立牌", "Download the sheet")) + "</a>";
        else
            table += "—";
        table += "</td></tr>";
    }
    table += "</tbody></table>";
    if (v.rows.empty()) table = "<p>" + escape_html(say(lang, "場所清單中沒有本縣市的場所。", "The site list has no site in this county.")) + "</p>";

    if (v.frozen) {
        out += table;
    } else {
        out += "<form method=\"post\" action=\"" + escape_html(base_href(v) + "/sites") + "\">" + csrf_field(v.csrf) +
               "<input type=\"hidden\" name=\"county\" value=\"" + escape_html(v.county) + "\"><input type=\"hidden\" name=\"version\" value=\"" +
               escape_html(v.version) + "\">" + table + "<button type=\"submit\">" + escape_html(say(lang, "儲存本縣市的場所", "Save the county's sites")) +
               "</button></form>";
    }
    if (chosen > 0 && v.key_version > 0)
        out += "<p><a href=\"" + escape_html(base_href(v) + "/signboards?county=" + text::percent_encode(v.county)) + "\">" +
               escape_html(say(lang, "列印本縣市全部立牌", "Print all the county's signboards")) + "</a> " +
               escape_html(lang == Lang::en ? "(key version " + std::to_string(v.key_version) + "; after a key rotation, print them again)"
                                            : "（立牌金鑰第 " + std::to_string(v.key_version) + " 版；金鑰更換後須重新列印）") + "</p>";
    return out;
}

std::string signboards_print_main_html(const CountySitesView& v) {
    const Lang lang = v.lang;
    std::string out = "<div class=\"no-print\"><p><a href=\"" + escape_html(base_href(v) + "/sites?county=" + text::percent_encode(v.county)) + "\">← " +
                      escape_html(v.county_name) + "</a></p><h1>" + escape_html(campaign_name(*v.campaign, lang)) + "<br><small>" +
                      escape_html(v.county_name + say(lang, "的立牌", ": signboards")) + "</small></h1><p>" +
                      escape_html(say(lang, "以 A4 直式列印，每頁一面立牌。", "Print on A4 portrait, one signboard a page.")) + "</p></div>";
    for (const auto& r : v.rows) {
        if (!r.chosen) continue;
        out += "<figure class=\"signboard-sheet\"><img src=\"" + escape_html(sheet_href(v, r.site)) + "\" alt=\"" +
               escape_html(r.name + say(lang, " 的立牌", " signboard")) + "\"></figure>";
    }
    return out;
}

}  // namespace beitai::render
