#include "render/raffle_views.h"

#include <algorithm>
#include <cstdio>

#include "raffle/draw.h"
#include "raffle/rules.h"
#include "raffle/stats.h"
#include "raffle/participant.h"
#include "render/map_scene.h"
#include "render/parking_views.h"
#include "render/prose.h"
#include "render/site_card.h"
#include "render/svg.h"
#include "text/html.h"
#include "text/sha256.h"
#include "text/url.h"

namespace beitai::render {

using text::escape_html;
using text::Lang;
using text::tr;

namespace {

std::string t(const char* key, Lang lang) { return std::string(tr(key, lang)); }

// "{n}" and friends in a translated string.
using text::fill;

std::string county_name(const RaffleData& data, const std::string& id, Lang lang) {
    if (id == raffle::kOtherCounty) return t("raffle.other_county", lang);
    if (data.counties)
        if (const auto* c = content::find_county(*data.counties, id)) return lang == Lang::en ? c->name_en : c->name_zh;
    return id;
}

const content::Site* find_site(const RaffleData& data, const std::string& id) {
    if (!data.sites) return nullptr;
    for (const auto& s : *data.sites)
        if (s.id == id) return &s;
    return nullptr;
}

// "2026-12-20 23:59" in Taiwan time, the way a notice board writes it.
std::string when(long long unix_seconds, Lang lang) {
    const std::string iso = text::to_iso_datetime_taipei(unix_seconds);  // 2026-12-20T23:59:59+08:00
    std::string s = iso.substr(0, 10) + " " + iso.substr(11, 5);
    return lang == Lang::en ? s + " (Taiwan time)" : s;
}

std::string when_or(const std::optional<long long>& at, const std::string& month, Lang lang) {
    if (at) return when(*at, lang);
    if (!month.empty()) return month;
    return "—";
}

std::string campaign_name(const content::Campaign& c, Lang lang) { return lang == Lang::en ? c.name_en : c.name_zh; }

std::string phase_label(CampaignPhase phase, Lang lang) {
    switch (phase) {
        case CampaignPhase::upcoming: return t("raffle.phase.upcoming", lang);
        case CampaignPhase::running: return t("raffle.phase.running", lang);
        case CampaignPhase::ended: return t("raffle.phase.ended", lang);
        case CampaignPhase::history: return t("raffle.phase.history", lang);
    }
    return {};
}

std::string rule_text(const content::Campaign& c, const RaffleData& data, Lang lang) {
    const size_t counties = data.counties ? data.counties->size() : 8;
    return fill(fill(t("raffle.rule", lang), "n", std::to_string(c.min_counties)), "of", std::to_string(counties));
}

std::string period_text(const content::Campaign& c, Lang lang) {
    return text::format_date(c.start, lang) + " – " + text::format_date(c.end, lang);
}

std::string campaign_href(const content::Campaign& c) { return "/raffle/" + text::percent_encode(c.id); }

std::string draw_href(const content::Campaign& c, const std::string& draw) {
    return campaign_href(c) + "/draws/" + text::percent_encode(draw);
}

const raffle::DrawRecord* find_record(const std::vector<raffle::DrawRecord>& records, const std::string& campaign,
                                      const std::string& draw) {
    for (const auto& r : records)
        if (r.campaign == campaign && r.draw == draw) return &r;
    return nullptr;
}

std::string status_label(const content::Campaign& c, const raffle::DrawRecord* record, Lang lang) {
    if (c.external) return t("raffle.draw.external", lang);
    if (!record) return t("raffle.draw.open", lang);
    return t(record->status == raffle::DrawStatus::drawn ? "raffle.draw.drawn" : "raffle.draw.frozen", lang);
}

std::string notice_html(const RaffleNotice& n) {
    if (n.text.empty()) return {};
    return n.error ? "<p class=\"notice error\" role=\"alert\">" + escape_html(n.text) + "</p>"
                   : "<p class=\"notice ok\" role=\"status\">" + escape_html(n.text) + "</p>";
}

std::string dl_row(const std::string& term, const std::string& definition_html) {
    return "<dt>" + escape_html(term) + "</dt><dd>" + definition_html + "</dd>";
}

// The participant's state at a site, for the list and the map.
enum class SiteMark { none, counted, waiting };
SiteMark mark_at(const std::vector<raffle::OwnCheckin>& mine, const std::string& site) {
    for (const auto& c : mine) {
        if (c.site != site) continue;
        if (c.state == raffle::CheckinState::counted) return SiteMark::counted;
        if (c.state == raffle::CheckinState::held || c.state == raffle::CheckinState::photo_pending)
            return SiteMark::waiting;
    }
    return SiteMark::none;
}

// Visited sites are filled; waiting ones amber; the rest hollow — told apart by fill as well
// as hue, and by the list beside the map. The legend draws the same styles.
Style mark_style(SiteMark mark) {
    switch (mark) {
        case SiteMark::counted: return Style{"#ffffff", "#1B5E20", 2, 1, false, 8};
        case SiteMark::waiting: return Style{"#5d4300", "#F2B705", 2, 1, false, 8};
        case SiteMark::none: break;
    }
    return Style{"#1B5E20", "#ffffff", 2.5, 1, false, 7};
}

std::string swatch_svg(SiteMark mark) {
    const Style look = mark_style(mark);
    return "<svg class=\"swatch\" width=\"18\" height=\"18\" viewBox=\"0 0 18 18\" aria-hidden=\"true\"><circle cx=\"9\" cy=\"9\" r=\"7\" fill=\"" +
           escape_html(look.fill) + "\" stroke=\"" + escape_html(look.stroke) + "\" stroke-width=\"2\"/></svg>";
}

std::string mark_label(SiteMark mark, Lang lang) {
    switch (mark) {
        case SiteMark::counted: return t("raffle.mark.counted", lang);
        case SiteMark::waiting: return t("raffle.mark.waiting", lang);
        case SiteMark::none: return t("raffle.mark.none", lang);
    }
    return {};
}

// --- the parts of a campaign page --------------------------------------------------------

std::string facts_html(const RaffleData& data, const CampaignPageView& v) {
    const auto& c = *v.campaign;
    const Lang lang = v.lang;
    std::string out = "<dl class=\"facts\">";
    out += dl_row(t("raffle.period", lang), escape_html(period_text(c, lang)));
    out += dl_row(t("raffle.rule_heading", lang), escape_html(rule_text(c, data, lang)));
    out += dl_row(t("raffle.state", lang), escape_html(phase_label(campaign_phase(c, v.now), lang)));
    const size_t sites = c.external ? static_cast<size_t>(c.sites_stated) : c.sites.size();
    out += dl_row(t("raffle.sites_count", lang), escape_html(std::to_string(sites)));
    out += dl_row(t("raffle.proposal", lang), "<a href=\"/proposals/" + escape_html(text::percent_encode(c.proposal)) +
                                                  "\">" + escape_html(c.proposal) + "</a>");
    out += "</dl>";
    if (!c.note.empty()) out += "<p class=\"campaign-note\">" + source_text(escape_html(c.note), lang) + "</p>";
    return out;
}

std::string progress_html(const RaffleData& data, const CampaignPageView& v) {
    const auto& c = *v.campaign;
    const Lang lang = v.lang;
    const auto places = raffle::campaign_places(c, *data.sites);
    const auto progress = raffle::progress_of(c, places, v.me->checkins);
    std::string out = "<section aria-labelledby=\"progress-h\" class=\"progress\"><h2 id=\"progress-h\">" +
                      escape_html(t("raffle.progress", lang)) + "</h2>";
    out += "<p class=\"greeting\">" + escape_html(fill(t("raffle.hello", lang), "name", v.me->nickname)) + "</p>";
    // The recovery code first: it is shown once, and losing it loses the participation.
    if (!v.me->recovery_code.empty()) {
        out += "<div class=\"recovery\" role=\"status\"><h3>" + escape_html(t("raffle.recovery_heading", lang)) + "</h3><p>" +
               escape_html(t("raffle.recovery_text", lang)) + "</p><p class=\"recovery-code\"><code>" +
               escape_html(v.me->recovery_code) + "</code></p>" +
               (v.me->recovery_qr.size ? qr_svg(v.me->recovery_qr, t("raffle.recovery_qr", lang), 180) : std::string()) + "</div>";
    }
    const std::string done = std::to_string(std::min<size_t>(progress.counties_done.size(), c.min_counties));
    out += "<p class=\"counties-done\" data-done=\"" + std::to_string(progress.counties_done.size()) + "\">" +
           escape_html(fill(fill(t("raffle.counties_done", lang), "done", done), "n", std::to_string(c.min_counties))) +
           "</p>";
    out += "<progress max=\"" + std::to_string(c.min_counties) + "\" value=\"" + done + "\" aria-hidden=\"true\"></progress>";
    if (!progress.counties_done.empty()) {
        std::string names;
        for (const auto& id : progress.counties_done) names += (names.empty() ? "" : lang == Lang::en ? ", " : "、") + county_name(data, id, lang);
        out += "<p>" + escape_html(t("raffle.counties_visited", lang) + std::string(tr("punct.colon", lang)) + names) + "</p>";
    }
    out += "<p class=\"eligibility\">" +
           escape_html(t(progress.eligible ? "raffle.eligible" : "raffle.not_yet_eligible", lang)) + "</p>";
    // Where to go next needs the phone's position: the script reveals the button.
    if (!progress.eligible)
        out += "<p><button type=\"button\" id=\"nearby-missing\" data-href=\"" + escape_html(campaign_href(c) + "/nearby") + "\" hidden>" +
               escape_html(t("raffle.nearby_button", lang)) + "</button></p>";
    if (!progress.sites_waiting.empty())
        out += "<p>" + escape_html(fill(t("raffle.waiting_count", lang), "n", std::to_string(progress.sites_waiting.size()))) + "</p>";
    if (!progress.eligible && data.counties) {
        std::string missing;
        for (const auto& county : *data.counties)
            if (std::find(progress.counties_done.begin(), progress.counties_done.end(), county.id) == progress.counties_done.end())
                missing += "<li><a href=\"#sites-" + escape_html(county.id) + "\">" + escape_html(county_name(data, county.id, lang)) + "</a></li>";
        out += "<p>" + escape_html(t("raffle.still_missing", lang)) + "</p><ul class=\"missing-counties\">" + missing + "</ul>";
    }
    if (!v.me->entries.empty()) {
        out += "<p>" + escape_html(t("raffle.my_entries", lang)) + "</p><ul>";
        for (const auto& [draw, entry] : v.me->entries)
            out += "<li><a href=\"" + escape_html(draw_href(c, draw)) + "\">" + escape_html(draw) + "</a> · <code>" +
                   escape_html(entry) + "</code></li>";
        out += "</ul>";
    }
    return out + "</section>";
}

std::string site_options(const RaffleData& data, const content::Campaign& c, const std::string& selected, Lang lang) {
    std::string out = "<option value=\"\">" + escape_html(t("raffle.choose_site", lang)) + "</option>";
    if (!data.counties) return out;
    for (const auto& county : *data.counties) {
        std::string group;
        for (const auto& cs : c.sites) {
            const auto* s = find_site(data, cs.site);
            if (!s || s->county != county.id) continue;
            // An option holds text only: its language is an attribute.
            group += "<option value=\"" + escape_html(s->id) + "\"" + (s->id == selected ? " selected" : "") +
                     (lang == Lang::en ? " lang=\"zh-Hant-TW\"" : "") + ">" + escape_html(s->name) + "</option>";
        }
        if (!group.empty()) out += "<optgroup label=\"" + escape_html(county_name(data, county.id, lang)) + "\">" + group + "</optgroup>";
    }
    return out;
}

// Checking in with a photo: a multipart form that works without JavaScript; with it,
// raffle.js scales the photo down in the browser and sends it to data-api instead.
// data-max-bytes is the server's limit for a photo (kPhotoBodyLimit, site/routes/route_table.h).
std::string photo_form_html(const RaffleData& data, const CampaignPageView& v) {
    const auto& c = *v.campaign;
    const Lang lang = v.lang;
    std::string out = "<form method=\"post\" action=\"" + escape_html(campaign_href(c) + "/photo") +
                      "\" enctype=\"multipart/form-data\" class=\"checkin-form photo-form\" id=\"photo-form\" data-api=\"" +
                      escape_html("/api/campaigns/" + text::percent_encode(c.id) + "/photos") + "\" data-page=\"" +
                      escape_html(campaign_href(c)) + "\" data-max-bytes=\"10485760\">";
    out += "<h3>" + escape_html(t("raffle.photo_heading", lang)) + "</h3><p>" + escape_html(t("raffle.photo_how", lang)) + "</p>";
    out += "<div class=\"field\"><label for=\"r-photo-site\">" + escape_html(t("raffle.site", lang)) +
           "</label><select id=\"r-photo-site\" name=\"site\" required>" + site_options(data, c, v.prefill_site, lang) + "</select></div>";
    out += "<div class=\"field\"><label for=\"r-photo\">" + escape_html(t("raffle.photo", lang)) +
           "</label><input type=\"file\" id=\"r-photo\" name=\"photo\" accept=\"image/jpeg,image/png\" required "
           "aria-describedby=\"r-photo-hint\"><p class=\"hint\" id=\"r-photo-hint\">" + escape_html(t("raffle.photo_hint", lang)) + "</p></div>";
    out += "<div class=\"actions\"><button type=\"submit\">" + escape_html(t("raffle.photo_send", lang)) + "</button></div></form>";
    return out;
}

std::string checkin_forms_html(const RaffleData& data, const CampaignPageView& v) {
    const auto& c = *v.campaign;
    const Lang lang = v.lang;
    const std::string action = campaign_href(c) + "/check-in";
    std::string out = "<section aria-labelledby=\"checkin-h\" class=\"checkin\"><h2 id=\"checkin-h\">" +
                      escape_html(t("raffle.checkin", lang)) + "</h2>";
    out += "<p>" + escape_html(t("raffle.checkin_how", lang)) + "</p>";
    out += "<form method=\"post\" action=\"" + escape_html(action) + "\" class=\"checkin-form\" id=\"checkin-form\">";
    out += "<div class=\"field\"><label for=\"r-site\">" + escape_html(t("raffle.site", lang)) +
           "</label><select id=\"r-site\" name=\"site\" required>" + site_options(data, c, v.prefill_site, lang) + "</select></div>";
    out += "<div class=\"field\"><label for=\"r-code\">" + escape_html(t("raffle.code", lang)) +
           "</label><input id=\"r-code\" name=\"code\" autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\" "
           "aria-describedby=\"r-code-hint\" value=\"" + escape_html(v.prefill_code) + "\"><p class=\"hint\" id=\"r-code-hint\">" +
           escape_html(t("raffle.code_hint", lang)) + "</p></div>";
    out += "<div class=\"actions\"><button type=\"submit\" name=\"proof\" value=\"code\">" +
           escape_html(t("raffle.checkin_code", lang)) + "</button>";
    // Position check-in needs the browser's geolocation: the script reveals the button.
    out += "<button type=\"button\" id=\"checkin-position\" hidden>" + escape_html(t("raffle.checkin_position", lang)) +
           "</button></div>";
    out += "<noscript><p class=\"hint\">" + escape_html(t("raffle.position_needs_js", lang)) + "</p></noscript>";
    out += "</form>" + photo_form_html(data, v) + "<div id=\"checkin-result\" role=\"status\" aria-live=\"polite\"></div></section>";
    return out;
}

std::string privacy_notice_html(const content::Campaign& c, Lang lang) {
    std::string out = "<details class=\"privacy\" open><summary>" + escape_html(t("raffle.privacy_heading", lang)) + "</summary><ul>";
    for (const char* key : {"raffle.privacy.who", "raffle.privacy.what", "raffle.privacy.why", "raffle.privacy.apart",
                            "raffle.privacy.until", "raffle.privacy.photo", "raffle.privacy.rights", "raffle.privacy.cookie"}) {
        std::string line = fill(t(key, lang), "until", text::format_date(c.contacts_erased_after, lang));
        out += "<li>" + escape_html(line) + "</li>";
    }
    return out + "</ul></details>";
}

std::string register_form_html(const RaffleData& data, const CampaignPageView& v) {
    const auto& c = *v.campaign;
    const Lang lang = v.lang;
    std::string out = "<section aria-labelledby=\"register-h\" class=\"register\"><h2 id=\"register-h\">" +
                      escape_html(t("raffle.register", lang)) + "</h2>";
    out += privacy_notice_html(c, lang);
    // A signboard's link carries its site and code through the sign-up, so the first check-in
    // is one tap away afterwards.
    std::string action = campaign_href(c) + "/register";
    if (!v.prefill_site.empty())
        action += "?site=" + text::percent_encode(v.prefill_site) + "&code=" + text::percent_encode(v.prefill_code);
    out += "<form method=\"post\" action=\"" + escape_html(action) + "\" id=\"register-form\">";
    out += "<div class=\"field\"><label for=\"r-nickname\">" + escape_html(t("raffle.nickname", lang)) +
           "</label><input id=\"r-nickname\" name=\"nickname\" required maxlength=\"20\" autocomplete=\"nickname\" value=\"" +
           escape_html(v.typed_nickname) + "\"></div>";
    std::string options = "<option value=\"\">—</option>";
    if (data.counties)
        for (const auto& county : *data.counties)
            options += "<option value=\"" + escape_html(county.id) + "\"" + (county.id == v.typed_home_county ? " selected" : "") + ">" +
                       escape_html(county_name(data, county.id, lang)) + "</option>";
    options += "<option value=\"other\"" + std::string(v.typed_home_county == raffle::kOtherCounty ? " selected" : "") + ">" +
               escape_html(t("raffle.other_county", lang)) + "</option>";
    out += "<div class=\"field\"><label for=\"r-home\">" + escape_html(t("raffle.home_county", lang)) +
           "</label><select id=\"r-home\" name=\"home_county\" required>" + options + "</select></div>";
    out += "<div class=\"field\"><label for=\"r-contact\">" + escape_html(t("raffle.contact", lang)) +
           "</label><input id=\"r-contact\" name=\"contact\" required autocomplete=\"email\" aria-describedby=\"r-contact-hint\" value=\"" +
           escape_html(v.typed_contact) + "\">"
           "<p class=\"hint\" id=\"r-contact-hint\">" + escape_html(t("raffle.contact_hint", lang)) + "</p></div>";
    out += "<div class=\"actions\"><button type=\"submit\">" + escape_html(t("raffle.register_button", lang)) + "</button></div></form>";
    out += "<form method=\"post\" action=\"" + escape_html(campaign_href(c) + "/recover") + "\" class=\"recover-form\">";
    out += "<div class=\"field\"><label for=\"r-recovery\">" + escape_html(t("raffle.recover", lang)) +
           "</label><input id=\"r-recovery\" name=\"recovery_code\" autocomplete=\"off\" autocapitalize=\"characters\" value=\"" +
           escape_html(v.prefill_recovery) + "\"></div>";
    out += "<div class=\"actions\"><button type=\"submit\">" + escape_html(t("raffle.recover_button", lang)) + "</button></div></form>";
    return out + "</section>";
}

std::string erase_form_html(const content::Campaign& c, Lang lang) {
    return "<section aria-labelledby=\"erase-h\" class=\"erase\"><h2 id=\"erase-h\">" + escape_html(t("raffle.erase_heading", lang)) +
           "</h2><p>" + escape_html(t("raffle.erase_text", lang)) + "</p><form method=\"post\" action=\"" +
           escape_html(campaign_href(c) + "/erase") + "\"><label><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> " +
           escape_html(t("raffle.erase_confirm", lang)) + "</label><div class=\"actions\"><button type=\"submit\" class=\"danger\">" +
           escape_html(t("raffle.erase_button", lang)) + "</button></div></form></section>";
}

std::string map_html(const RaffleData& data, const CampaignPageView& v) {
    const Lang lang = v.lang;
    const std::vector<raffle::OwnCheckin> none;
    const Scene scene = campaign_scene(data, *v.campaign, v.me ? v.me->checkins : none, lang);
    std::string out = "<section aria-labelledby=\"map-h\" class=\"raffle-map\"><h2 id=\"map-h\">" +
                      escape_html(t("raffle.map", lang)) + "</h2>";
    out += "<figure>" + scene_svg(scene, {640, 560, t("raffle.map", lang)}) + "<figcaption><ul class=\"legend\">";
    for (SiteMark mark : {SiteMark::counted, SiteMark::waiting, SiteMark::none})
        out += "<li>" + swatch_svg(mark) + escape_html(mark_label(mark, lang)) + "</li>";
    out += "</ul><p>" + escape_html(t("raffle.map_list_hint", lang)) + "</p></figcaption></figure></section>";
    return out;
}

std::string sites_list_html(const RaffleData& data, const CampaignPageView& v) {
    const auto& c = *v.campaign;
    const Lang lang = v.lang;
    std::string out = "<section aria-labelledby=\"sites-h\" class=\"raffle-sites\"><h2 id=\"sites-h\">" +
                      escape_html(t("raffle.sites", lang)) + "</h2>";
    if (data.sites && std::any_of(c.sites.begin(), c.sites.end(), [&](const content::CampaignSite& cs) {
            const auto* s = find_site(data, cs.site);
            return s && s->sample;
        }))
        out += "<p class=\"sample-note\">" + sample_badge_html(lang) + "</p>";
    if (!data.counties) return out + "</section>";
    const std::vector<raffle::OwnCheckin> none;
    const auto& mine = v.me ? v.me->checkins : none;
    // A list per county, folded: 102 sites as rows of a table would not fit a phone.
    for (const auto& county : *data.counties) {
        std::string items;
        int sites = 0, mine_here = 0;
        for (size_t i = 0; i < c.sites.size(); ++i) {
            const auto* s = find_site(data, c.sites[i].site);
            if (!s || s->county != county.id) continue;
            ++sites;
            const long long count = i < v.checkins_per_site.size() ? v.checkins_per_site[i] : 0;
            const SiteMark mark = mark_at(mine, s->id);
            if (mark != SiteMark::none) ++mine_here;
            // The car parks near it, when it has a place (a campaign's sites have: raffle/rules.h).
            std::string parking;
            if (s->at) {
                const std::string near = std::to_string(s->at->lon - 0.01) + "," + std::to_string(s->at->lat - 0.008) + "," +
                                         std::to_string(s->at->lon + 0.01) + "," + std::to_string(s->at->lat + 0.008);
                parking = " · <a href=\"/map?layers=basemap,sites,parking&amp;bbox=" + escape_html(text::percent_encode(near)) + "\">" +
                          escape_html(t("raffle.parking_near", lang)) + "</a>";
            }
            items += "<li data-site=\"" + escape_html(s->id) + "\"><strong>" + source_text(escape_html(s->name), lang) + "</strong><span class=\"address\">" +
                     source_text(escape_html(s->address), lang) + "</span><span class=\"meta\">" +
                     escape_html(fill(t("raffle.checkins_count", lang), "n", std::to_string(count))) +
                     (v.me ? " · <span class=\"mark " + std::string(mark == SiteMark::counted ? "counted" : mark == SiteMark::waiting ? "waiting" : "none") +
                                 "\">" + escape_html(mark_label(mark, lang)) + "</span>"
                           : std::string()) +
                     parking + "</span></li>";
        }
        if (items.empty()) continue;
        std::string summary = fill(t("raffle.sites_in_county", lang), "n", std::to_string(sites));
        if (v.me) summary += " · " + fill(t("raffle.mine_in_county", lang), "n", std::to_string(mine_here));
        out += "<h3 id=\"sites-" + escape_html(county.id) + "\">" + escape_html(county_name(data, county.id, lang)) + "</h3><details class=\"county-sites\"><summary>" +
               escape_html(summary) + "</summary><ul class=\"site-rows\">" + items + "</ul></details>";
    }
    return out + "</section>";
}

std::string draws_table_html(const CampaignPageView& v) {
    const auto& c = *v.campaign;
    const Lang lang = v.lang;
    std::string out = "<section aria-labelledby=\"draws-h\"><h2 id=\"draws-h\">" + escape_html(t("raffle.draws", lang)) +
                      "</h2><table class=\"data\"><thead><tr><th scope=\"col\">" + escape_html(t("raffle.draw", lang)) +
                      "</th><th scope=\"col\">" + escape_html(t("raffle.cutoff", lang)) + "</th><th scope=\"col\">" +
                      escape_html(t("raffle.draw_date", lang)) + "</th><th scope=\"col\">" +
                      escape_html(t("raffle.draw_status", lang)) + "</th></tr></thead><tbody>";
    for (const auto& d : c.draws) {
        const auto* record = find_record(v.draws, c.id, d.id);
        std::string name = c.external ? escape_html(d.id) : "<a href=\"" + escape_html(draw_href(c, d.id)) + "\">" + escape_html(d.id) + "</a>";
        out += "<tr><th scope=\"row\">" + name + "</th><td>" + escape_html(when_or(d.cutoff, d.month, lang)) + "</td><td>" +
               escape_html(when_or(d.date, d.month, lang)) + "</td><td>" + escape_html(status_label(c, record, lang)) + "</td></tr>";
    }
    return out + "</tbody></table></section>";
}

}  // namespace

std::string raffle_notice_text(const std::string& key, const std::string& site_name, Lang lang) {
    for (const char* known : {"counted", "held", "photo_pending", "recovered", "erased"})
        if (key == known) return fill(t(("raffle.notice." + key).c_str(), lang), "site", site_name);
    return {};
}

CampaignPhase campaign_phase(const content::Campaign& campaign, long long now) {
    if (campaign.external) return CampaignPhase::history;
    const text::Date today = text::date_in_taipei(now);
    if (today < campaign.start) return CampaignPhase::upcoming;
    if (campaign.end < today) return CampaignPhase::ended;
    return CampaignPhase::running;
}

std::string campaigns_main_html(const RaffleData& data, const std::vector<content::Campaign>& campaigns, long long now,
                                Lang lang) {
    std::string out = "<h1>" + escape_html(t("raffle.heading", lang)) + "</h1><p class=\"lead\">" +
                      escape_html(t("raffle.lead", lang)) + "</p><ul class=\"campaigns\">";
    // Running campaigns first, then upcoming, ended, history; each group as listed.
    for (CampaignPhase phase : {CampaignPhase::running, CampaignPhase::upcoming, CampaignPhase::ended, CampaignPhase::history}) {
        for (const auto& c : campaigns) {
            if (campaign_phase(c, now) != phase) continue;
            out += "<li class=\"campaign-card\"><h2><a href=\"" + escape_html(campaign_href(c)) + "\">" +
                   escape_html(campaign_name(c, lang)) + "</a></h2>";
            if (c.sample) out += "<p class=\"sample-note\">" + sample_badge_html(lang) + "</p>";
            out += "<p>" + escape_html(phase_label(phase, lang)) + " · " + escape_html(period_text(c, lang)) + "</p>";
            out += "<p>" + escape_html(rule_text(c, data, lang)) + "</p></li>";
        }
    }
    return out + "</ul>";
}

Scene campaign_scene(const RaffleData& data, const content::Campaign& campaign,
                     const std::vector<raffle::OwnCheckin>& mine, Lang lang) {
    MapView view;
    view.layers = MapLayers{true, false, false, false, false};
    view.lang = lang;
    // Only the county areas around the campaign's sites: the whole island's outline would
    // weigh more than the rest of the page.
    geo::BBox around;
    for (const auto& cs : campaign.sites)
        if (const auto* s = find_site(data, cs.site); s && s->at) around.extend(*s->at);
    if (!around.empty()) view.bbox = around.padded(5000);
    MapData map;
    map.counties = data.counties;
    map.basemap = data.basemap;
    Scene scene = map_scene(map, view);
    for (const auto& cs : campaign.sites) {
        const auto* s = find_site(data, cs.site);
        if (!s || !s->at) continue;
        const SiteMark mark = mark_at(mine, s->id);
        SceneMarker m;
        m.id = s->id;
        m.layer = "raffle-sites";
        m.at = *s->at;
        m.title = s->name + " · " + mark_label(mark, lang);
        m.style = mark == SiteMark::counted ? "active" : mark == SiteMark::waiting ? "" : "muted";
        m.look = mark_style(mark);
        m.label = mark == SiteMark::counted ? "✓" : "";
        scene.markers.push_back(std::move(m));
    }
    Scene about;
    about.markers = scene.markers;
    if (!about.markers.empty()) {
        fit_to_contents(about);
        scene.fit_south_west = about.fit_south_west;
        scene.fit_north_east = about.fit_north_east;
    }
    return scene;
}

std::string figures_table_html(const content::CampaignFigures& figures, const std::vector<content::County>& counties,
                               Lang lang) {
    RaffleData data;
    data.counties = &counties;
    std::string out = "<table class=\"data figures\"><caption>" +
                      escape_html(fill(t("raffle.figures_caption", lang), "date", text::format_date(figures.as_of, lang))) +
                      (figures.source.empty() ? std::string()
                       : "<br><small>" +
                             (figures.source == raffle::kPortalFigures ? escape_html(t("raffle.figures_live", lang))
                                                                       : source_text(escape_html(figures.source), lang)) +
                             "</small>") +
                      "</caption><thead><tr><th scope=\"col\">" + escape_html(t("raffle.county", lang)) +
                      "</th><th scope=\"col\">" + escape_html(t("raffle.participants_home", lang)) + "</th><th scope=\"col\">" +
                      escape_html(t("raffle.participations", lang)) + "</th><th scope=\"col\">" +
                      escape_html(t("raffle.site_visits", lang)) + "</th></tr></thead><tbody>";
    auto row = [&](const std::string& name, const content::CountyFigures& f, bool total) {
        const char* cell = total ? "th" : "td";
        return std::string(total ? "<tr class=\"total\">" : "<tr>") + "<th scope=\"row\">" + escape_html(name) + "</th><" + cell +
               " class=\"num\">" + std::to_string(f.participants_home) + "</" + cell + "><" + cell + " class=\"num\">" +
               std::to_string(f.participations) + "</" + cell + "><" + cell + " class=\"num\">" + std::to_string(f.site_visits) +
               "</" + cell + "></tr>";
    };
    for (const auto& f : figures.counties) out += row(county_name(data, f.county, lang), f, false);
    out += "</tbody><tfoot>" + row(t("raffle.total", lang), figures.total, true) + "</tfoot></table>";
    return out;
}

std::string campaign_main_html(const RaffleData& data, const CampaignPageView& v) {
    const auto& c = *v.campaign;
    const Lang lang = v.lang;
    std::string out = "<p><a href=\"/raffle\">" + escape_html(t("raffle.back", lang)) + "</a></p>";
    out += "<h1>" + escape_html(campaign_name(c, lang)) + "</h1>";
    if (c.sample) out += "<p class=\"sample-note\">" + sample_badge_html(lang) + "</p>";
    out += notice_html(v.notice);
    out += facts_html(data, v);
    const CampaignPhase phase = campaign_phase(c, v.now);
    if (!c.external && data.sites) {
        if (v.me) {
            out += progress_html(data, v);
            if (phase == CampaignPhase::running) out += checkin_forms_html(data, v);
        } else if (phase == CampaignPhase::running) {
            out += register_form_html(data, v);
        } else {
            out += "<p>" + escape_html(t(phase == CampaignPhase::upcoming ? "raffle.not_open_yet" : "raffle.closed", lang)) + "</p>";
        }
        out += map_html(data, v);
        out += sites_list_html(data, v);
    } else if (c.external) {
        out += "<p>" + escape_html(t("raffle.external_text", lang)) + "</p>";
    }
    out += draws_table_html(v);
    out += "<section aria-labelledby=\"figures-h\"><h2 id=\"figures-h\">" + escape_html(t("raffle.figures", lang)) + "</h2>";
    if (v.figures && data.counties) out += figures_table_html(*v.figures, *data.counties, lang);
    out += "<p><a href=\"/api/campaigns/" + escape_html(text::percent_encode(c.id)) + "/stats\">" +
           escape_html(t("raffle.figures_json", lang)) + "</a></p></section>";
    if (v.me && !c.external) out += erase_form_html(c, lang);
    // What raffle.js says while it works (finding a position, sending a photo), from the
    // language table like every other word of the page; the script only picks them up.
    out += "<div id=\"raffle-words\" hidden";
    for (const char* key : {"locating", "location_denied", "location_failed", "sending_photo", "photo_too_large",
                            "photo_failed", "offline"}) {
        std::string attribute = key;
        std::replace(attribute.begin(), attribute.end(), '_', '-');
        out += " data-" + attribute + "=\"" + escape_html(tr(std::string("raffle.js.") + key, lang)) + "\"";
    }
    return out + "></div>";
}

std::string draw_main_html(const DrawPageView& v) {
    const auto& c = *v.campaign;
    const auto& d = *v.draw;
    const Lang lang = v.lang;
    std::string out = "<p><a href=\"" + escape_html(campaign_href(c)) + "\">" + escape_html(campaign_name(c, lang)) + "</a></p>";
    out += "<h1>" + escape_html(fill(t("raffle.draw_heading", lang), "draw", d.id)) + "</h1>";
    if (c.sample) out += "<p class=\"sample-note\">" + sample_badge_html(lang) + "</p>";
    const raffle::DrawRecord* r = v.record ? &*v.record : nullptr;
    out += "<dl class=\"facts\">";
    out += dl_row(t("raffle.draw_status", lang), escape_html(status_label(c, r, lang)));
    out += dl_row(t("raffle.cutoff", lang), escape_html(when_or(d.cutoff, d.month, lang)));
    out += dl_row(t("raffle.draw_date", lang), escape_html(when_or(d.date, d.month, lang)));
    out += dl_row(t("raffle.seed_source", lang), escape_html(lang == Lang::en ? d.seed_source_en : d.seed_source_zh));
    if (r) {
        out += dl_row(t("raffle.entries", lang), escape_html(std::to_string(v.entries)) + " · <a href=\"" +
                                                     escape_html(r->entries_url) + "\">" + escape_html(t("raffle.entries_download", lang)) + "</a>");
        out += dl_row(t("raffle.entries_sha256", lang), "<code class=\"digest\">" + escape_html(r->entries_sha256) + "</code>");
        if (r->status == raffle::DrawStatus::drawn) out += dl_row(t("raffle.seed_value", lang), "<code>" + escape_html(r->seed_value) + "</code>");
    }
    out += "</dl>";
    if (!r) {
        out += "<p>" + escape_html(t("raffle.draw_not_frozen", lang)) + "</p>";
        return out;
    }
    if (!v.my_entry.empty()) {
        bool won = false;
        for (const auto& w : r->winners) won = won || w.entry == v.my_entry;
        std::string mine = fill(t("raffle.my_entry", lang), "entry", v.my_entry);
        if (r->status == raffle::DrawStatus::drawn) mine += " " + t(won ? "raffle.you_won" : "raffle.you_did_not_win", lang);
        out += "<p class=\"my-result\" role=\"status\">" + escape_html(mine) + "</p>";
    }
    if (r->status == raffle::DrawStatus::drawn) {
        out += "<h2>" + escape_html(t("raffle.winners", lang)) + "</h2><table class=\"data winners\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">" +
               escape_html(t("raffle.prize", lang)) + "</th><th scope=\"col\">" + escape_html(t("raffle.entry", lang)) +
               "</th><th scope=\"col\">" + escape_html(t("raffle.winner", lang)) + "</th><th scope=\"col\">" +
               escape_html(t("raffle.contact_masked", lang)) + "</th></tr></thead><tbody>";
        for (size_t i = 0; i < r->winners.size(); ++i) {
            const auto& w = r->winners[i];
            const std::string contact = i < v.contacts_masked.size() ? v.contacts_masked[i] : "";
            out += "<tr><td class=\"num\">" + std::to_string(w.slot + 1) + "</td><td>" + escape_html(w.prize) + "</td><td><code>" +
                   escape_html(w.entry) + "</code></td><td>" + escape_html(w.name_masked) + "</td><td>" +
                   escape_html(contact.empty() ? "—" : contact) + "</td></tr>";
        }
        out += "</tbody></table>";
        out += "<p><a class=\"button\" href=\"" + escape_html(draw_href(c, d.id) + "/verify") + "\">" +
               escape_html(t("raffle.verify_link", lang)) + "</a></p>";
    }
    out += "<details><summary>" + escape_html(t("raffle.how_drawn", lang)) + "</summary><p>" + escape_html(t("raffle.how_drawn_text", lang)) +
           "</p></details>";
    return out;
}

std::string nearby_main_html(const RaffleData& data, const NearbyView& v) {
    const auto& c = *v.campaign;
    const Lang lang = v.lang;
    std::string out = "<p><a href=\"" + escape_html(campaign_href(c)) + "\">" + escape_html(campaign_name(c, lang)) + "</a></p><h1>" +
                      escape_html(t("raffle.nearby_heading", lang)) + "</h1>";
    if (c.sample) out += "<p class=\"sample-note\">" + sample_badge_html(lang) + "</p>";
    if (!data.sites) return out;
    const auto places = raffle::campaign_places(c, *data.sites);
    const auto progress = raffle::progress_of(c, places, v.mine);
    if (progress.eligible) out += "<p class=\"notice ok\">" + escape_html(t("raffle.nearby_done", lang)) + "</p>";
    const auto nearest = raffle::nearest_missing(places, progress, v.from, 5);
    if (nearest.empty()) return out + "<p>" + escape_html(t("raffle.nearby_none", lang)) + "</p>";
    out += "<ol class=\"nearby-sites\">";
    for (const raffle::Place* p : nearest) {
        const auto* s = find_site(data, p->site);
        const double km = geo::distance_m(v.from, p->at) / 1000;
        char distance[32];
        std::snprintf(distance, sizeof distance, "%.1f km", km);
        out += "<li data-site=\"" + escape_html(p->site) + "\"><h2>" + source_text(escape_html(s ? s->name : p->site), lang) + "</h2><p>" +
               escape_html(county_name(data, p->county, lang)) + " · " + distance +
               (s ? " · " + source_text(escape_html(s->address), lang) : "") + "</p>";
        if (v.parking.parking) out += nearby_parking_html(v.parking, p->at, lang);
        out += "</li>";
    }
    return out + "</ol>";
}

std::string verify_main_html(const content::Campaign& c, const content::CampaignDraw& d, Lang lang) {
    const std::string api = "/api/campaigns/" + text::percent_encode(c.id) + "/draws/" + text::percent_encode(d.id);
    std::string out = "<p><a href=\"" + escape_html(draw_href(c, d.id)) + "\">" + escape_html(fill(t("raffle.draw_heading", lang), "draw", d.id)) + "</a></p>";
    out += "<h1>" + escape_html(t("raffle.verify_heading", lang)) + "</h1>";
    if (c.external) {
        // Drawn by hand elsewhere: no list was published here, so there is nothing to re-run.
        return out + "<p class=\"notice\">" + escape_html(t("raffle.verify_external", lang)) + "</p>";
    }
    out += "<p>" + escape_html(t("raffle.verify_lead", lang)) + "</p>";
    out += "<noscript><p class=\"notice error\">" + escape_html(t("raffle.verify_needs_js", lang)) + "</p></noscript>";
    // What raffle_verify.js may have to say, in the page's language.
    out += "<form id=\"verify-form\" data-api=\"" + escape_html(api) + "\" data-slots=\"" +
           std::to_string(raffle::prize_slots(d).size()) + "\" data-not-drawn=\"" + escape_html(t("raffle.verify_not_drawn", lang)) +
           "\" data-load-failed=\"" + escape_html(t("raffle.verify_load_failed", lang)) + "\">";
    out += "<div class=\"field\"><label for=\"v-seed\">" + escape_html(t("raffle.seed_value", lang)) + "</label><input id=\"v-seed\" name=\"seed\" spellcheck=\"false\"></div>";
    out += "<div class=\"field\"><label for=\"v-entries\">" + escape_html(t("raffle.entries", lang)) +
           "</label><textarea id=\"v-entries\" name=\"entries\" rows=\"8\" spellcheck=\"false\"></textarea></div>";
    out += "<div class=\"actions\"><button type=\"submit\" id=\"verify-run\">" + escape_html(t("raffle.verify_run", lang)) + "</button></div></form>";
    out += "<div id=\"verify-result\" role=\"status\" aria-live=\"polite\"></div>";
    return out;
}

namespace {
// The first prize where the two lists part, in the reader's language (the core's own
// comparison says it in English, for logs).
std::string first_difference(const std::vector<raffle::Winner>& published, const std::vector<raffle::Winner>& recomputed,
                             Lang lang) {
    for (size_t i = 0; i < std::max(published.size(), recomputed.size()); ++i) {
        const std::string a = i < published.size() ? published[i].entry : "—";
        const std::string b = i < recomputed.size() ? recomputed[i].entry : "—";
        if (a != b)
            return fill(fill(fill(t("raffle.verify_first_difference", lang), "n", std::to_string(i + 1)), "published", a), "rerun", b);
    }
    return {};
}
}  // namespace

std::string verify_result_html(std::string_view entries_text, std::string_view seed_value,
                               const raffle::DrawRecord& published, size_t slots, Lang lang) {
    auto entries = raffle::read_entries_document(entries_text);
    if (!entries)
        return "<p class=\"notice error\">" + escape_html(t("raffle.verify_unreadable", lang) + std::string(tr("punct.colon", lang)) + entries.error()) + "</p>";
    const std::string digest = text::to_hex(text::sha256(entries_text));
    std::string out;
    const bool list_same = digest == published.entries_sha256;
    out += "<p class=\"notice " + std::string(list_same ? "ok" : "error") + "\">" +
           escape_html(fill(t(list_same ? "raffle.verify_list_same" : "raffle.verify_list_differs", lang), "n", std::to_string(entries->size()))) +
           "<br><code class=\"digest\">" + escape_html(digest) + "</code></p>";
    std::vector<raffle::Winner> published_winners;
    for (const auto& w : published.winners) published_winners.push_back({w.slot, w.entry});
    const auto recomputed = raffle::run_draw(*entries, raffle::normalise_seed(seed_value), slots);
    const auto check = raffle::compare_winners(published_winners, recomputed);
    out += "<p class=\"notice " + std::string(check.same ? "ok" : "error") + "\" data-same=\"" + (check.same && list_same ? "yes" : "no") + "\">" +
           escape_html(check.same ? t("raffle.verify_same", lang) : t("raffle.verify_differs", lang) + std::string(tr("punct.colon", lang)) + first_difference(published_winners, recomputed, lang)) + "</p>";
    out += "<table class=\"data\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">" + escape_html(t("raffle.verify_published", lang)) +
           "</th><th scope=\"col\">" + escape_html(t("raffle.verify_recomputed", lang)) + "</th></tr></thead><tbody>";
    for (size_t i = 0; i < std::max(published_winners.size(), recomputed.size()); ++i) {
        const std::string a = i < published_winners.size() ? published_winners[i].entry : "—";
        const std::string b = i < recomputed.size() ? recomputed[i].entry : "—";
        out += std::string(a == b ? "<tr>" : "<tr class=\"differs\">") + "<td class=\"num\">" + std::to_string(i + 1) + "</td><td><code>" +
               escape_html(a) + "</code></td><td><code>" + escape_html(b) + "</code></td></tr>";
    }
    return out + "</tbody></table>";
}

namespace {

// Each campaign run here, with the pages that change it: the county's sites and signboards
// (an editor's own county; the admin chooses there), and for the admin the campaign itself.
std::string staff_campaign_links_html(const StaffRaffleView& v) {
    const Lang lang = v.lang;
    std::string out = "<section aria-labelledby=\"campaigns-h\"><h2 id=\"campaigns-h\">" +
                      escape_html(lang == Lang::en ? "Campaigns" : "活動") + "</h2><ul class=\"staff-campaigns\">";
    for (const auto& c : v.campaigns) {
        if (c.external) continue;
        const std::string base = "/staff/raffle/" + text::percent_encode(c.id);
        out += "<li>" + escape_html(campaign_name(c, lang)) + " <small>(" + escape_html(period_text(c, lang)) + ")</small> · <a href=\"" +
               escape_html(base + "/sites") + "\">" + escape_html(lang == Lang::en ? "Sites and signboards" : "參加場所與立牌") + "</a>";
        if (v.admin) out += " · <a href=\"" + escape_html(base + "/edit") + "\">" + escape_html(lang == Lang::en ? "Edit" : "修改活動") + "</a>";
        out += "</li>";
    }
    out += "</ul>";
    if (v.admin)
        out += "<p><a class=\"button\" href=\"/staff/raffle/new-campaign\">" + escape_html(lang == Lang::en ? "New campaign" : "新增活動") + "</a></p>";
    return out + "</section>";
}

}  // namespace

std::string staff_raffle_main_html(const StaffRaffleView& v) {
    const Lang lang = v.lang;
    const std::string csrf = "<input type=\"hidden\" name=\"csrf\" value=\"" + escape_html(v.csrf) + "\">";
    std::string out = "<h1>" + escape_html(t("raffle.staff_heading", lang)) + "</h1>" + notice_html(v.notice) + staff_campaign_links_html(v);
    if (v.admin) {
        for (const auto& c : v.campaigns) {
            if (c.external) continue;
            out += "<section class=\"staff-campaign\"><h2>" + escape_html(campaign_name(c, lang)) + " <small>(" + escape_html(c.id) + ")</small></h2><table class=\"data\"><thead><tr><th scope=\"col\">" +
                   escape_html(t("raffle.draw", lang)) + "</th><th scope=\"col\">" + escape_html(t("raffle.cutoff", lang)) +
                   "</th><th scope=\"col\">" + escape_html(t("raffle.draw_status", lang)) + "</th><th scope=\"col\">" +
                   escape_html(t("raffle.action", lang)) + "</th></tr></thead><tbody>";
            for (const auto& d : c.draws) {
                const auto* r = find_record(v.draws, c.id, d.id);
                const std::string base = "/staff/raffle/" + text::percent_encode(c.id) + "/draws/" + text::percent_encode(d.id);
                std::string action;
                if (!r) {
                    const bool due = d.cutoff && v.now > *d.cutoff;
                    action = due ? "<form method=\"post\" action=\"" + escape_html(base + "/freeze") + "\">" + csrf +
                                       "<button type=\"submit\">" + escape_html(t("raffle.freeze", lang)) + "</button></form>"
                                 : escape_html(t("raffle.freeze_after_cutoff", lang));
                } else if (r->status == raffle::DrawStatus::frozen) {
                    const std::string id = "seed-" + c.id + "-" + d.id;
                    action = "<form method=\"post\" action=\"" + escape_html(base + "/draw") + "\">" + csrf +
                             "<div class=\"field\"><label for=\"" + escape_html(id) + "\">" + escape_html(t("raffle.seed_value", lang)) +
                             "</label><input id=\"" + escape_html(id) + "\" name=\"seed_value\" required><p class=\"hint\">" +
                             escape_html(lang == Lang::en ? d.seed_source_en : d.seed_source_zh) + "</p></div><button type=\"submit\">" +
                             escape_html(t("raffle.run_draw", lang)) + "</button></form>";
                } else {
                    action = "<a href=\"" + escape_html(base + "/contacts.csv") + "\">" + escape_html(t("raffle.contacts_download", lang)) + "</a>";
                }
                out += "<tr><th scope=\"row\"><a href=\"" + escape_html(draw_href(c, d.id)) + "\">" + escape_html(d.id) + "</a></th><td>" +
                       escape_html(when_or(d.cutoff, d.month, lang)) + "</td><td>" + escape_html(status_label(c, r, lang)) + "</td><td>" +
                       action + "</td></tr>";
            }
            out += "</tbody></table></section>";
        }
    }
    out += "<section aria-labelledby=\"review-h\"><h2 id=\"review-h\">" + escape_html(t("raffle.review", lang)) + "</h2>";
    if (v.waiting.empty()) {
        out += "<p>" + escape_html(t("raffle.review_none", lang)) + "</p>";
    } else {
        out += "<table class=\"data\"><thead><tr><th scope=\"col\">" + escape_html(t("raffle.site", lang)) + "</th><th scope=\"col\">" +
               escape_html(t("raffle.when", lang)) + "</th><th scope=\"col\">" + escape_html(t("raffle.why_waiting", lang)) +
               "</th><th scope=\"col\">" + escape_html(t("raffle.action", lang)) + "</th></tr></thead><tbody>";
        for (const auto& w : v.waiting) {
            const std::string base = "/staff/raffle/checkins/" + std::to_string(w.id);
            const std::string reason_id = "reason-" + std::to_string(w.id);
            // A photo check-in shows its photo (width-limited, linking to the whole of it).
            const std::string photo = w.proof != "photo" ? "" :
                "<a class=\"review-photo\" href=\"" + escape_html(base + "/photo") + "\"><img src=\"" + escape_html(base + "/photo") +
                "\" alt=\"" + escape_html(fill(t("raffle.review_photo_alt", lang), "site", w.site_name)) + "\" width=\"240\" loading=\"lazy\"></a><span class=\"review-photo-caption\">" + escape_html(t("raffle.review_photo", lang)) + "</span>";
            out += "<tr><th scope=\"row\">" + escape_html(w.site_name) + "</th><td>" + escape_html(when(w.at, lang)) + "</td><td>" + photo +
                   escape_html(w.note) + "</td><td><form method=\"post\" action=\"" + escape_html(base + "/review") + "\">" + csrf +
                   "<div class=\"field\"><label for=\"" + reason_id + "\">" + escape_html(t("raffle.review_reason", lang)) +
                   "</label><input id=\"" + reason_id + "\" name=\"reason\"></div><button type=\"submit\" name=\"decision\" value=\"accept\">" +
                   escape_html(t("raffle.accept", lang)) + "</button> <button type=\"submit\" name=\"decision\" value=\"refuse\">" +
                   escape_html(t("raffle.refuse", lang)) + "</button></form></td></tr>";
        }
        out += "</tbody></table>";
    }
    return out + "</section>";
}

}  // namespace beitai::render
