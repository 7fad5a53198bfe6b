// A county's part of a campaign, for its editor (and the admin, for any county): which of
// the county's sites take part and their radii, until check-ins open; each site's signboard
// sheet to print. Eight editors share one campaign, so a save changes only the county's own
// sites (raffle/county_sites.h) and is written only over the campaign it was computed from
// (RaffleStore::replace_campaign): a colleague's save in between is never overwritten.
#include <algorithm>
#include <map>
#include <optional>

#include "qr/signboard_sheet.h"
#include "raffle/county_sites.h"
#include "raffle/rules.h"
#include "render/county_sites_page.h"
#include "render/notices.h"
#include "routes/staff_support.h"
#include "text/url.h"

namespace beitai::site {

using text::say;

using namespace staff;

namespace {

std::string county_label(const std::vector<content::County>& counties, const std::string& id, text::Lang lang) {
    const content::County* c = content::find_county(counties, id);
    return c ? (lang == text::Lang::en ? c->name_en : c->name_zh) : id;
}

// What changed, for the audit log: "+site-003 −site-007 site-010 100→250 m".
std::string sites_change(const std::vector<content::CampaignSite>& before, const std::vector<content::CampaignSite>& after) {
    std::string out;
    const auto find = [](const std::vector<content::CampaignSite>& list, const std::string& id) -> const content::CampaignSite* {
        for (const auto& s : list)
            if (s.site == id) return &s;
        return nullptr;
    };
    for (const auto& s : after) {
        const auto* old = find(before, s.site);
        if (!old) out += " +" + s.site;
        else if (old->radius_m != s.radius_m)
            out += " " + s.site + " " + std::to_string(std::lround(old->radius_m)) + "→" + std::to_string(std::lround(s.radius_m)) + " m";
    }
    for (const auto& s : before)
        if (!find(after, s.site)) out += " −" + s.site;
    return out;
}

// A number of metres as typed: digits with at most one decimal point, nothing else (no
// signs, spaces, exponents or hexadecimal that strtod would take).
std::optional<double> plain_number(const std::string& text) {
    if (text.empty() || text.size() > 12) return std::nullopt;
    int points = 0;
    for (char c : text) {
        if (c == '.') ++points;
        else if (c < '0' || c > '9') return std::nullopt;
    }
    if (points > 1 || text == ".") return std::nullopt;
    return std::strtod(text.c_str(), nullptr);
}

}  // namespace

// The campaign of the route's {campaign} when it is one run here (not a record of history).
Result<content::Campaign> Portal::campaign_run_here(const Call& call) {
    auto read = raffle_->campaign(call.params["campaign"], call.now);
    if (!read) return Error{read.error()};
    if (!*read || (*read)->external) return Error{"no campaign \"" + call.params["campaign"] + "\" run here"};
    return **read;
}

// The county a staff call is about: an editor's own (asking for another is refused), or
// for the admin the one asked for, else the first.
Result<std::string> Portal::staff_county(const Call& call, const std::string& asked) {
    const tracker::Actor actor = call.who->account.actor();
    if (actor.role != tracker::Role::admin) {
        if (!asked.empty() && asked != actor.county)
            return Error{say(request_lang(call.request), "只能管理本縣市的場所。", "You may manage only your county's sites.")};
        return actor.county;
    }
    if (asked.empty()) return map_->counties.empty() ? std::string() : map_->counties.front().id;
    if (!content::find_county(map_->counties, asked)) return Error{"county: no county \"" + asked + "\""};
    return asked;
}

render::CountySitesView Portal::county_sites_view(const Call& call, const content::Campaign& c, const std::string& county,
                                                  const std::vector<content::CampaignSite>* typed) {
    const text::Lang lang = request_lang(call.request);
    render::CountySitesView v;
    v.campaign = &c;
    v.county = county;
    v.county_name = county_label(map_->counties, county, lang);
    v.lang = lang;
    v.csrf = call.who->session.csrf;
    v.frozen = raffle::rules_frozen(c, call.now);
    v.version = raffle::county_sites_version(c, raffle_->sites(), county);
    if (auto keys = raffle_->store().signboard_keys())
        if (const auto* key = raffle::current_key(*keys)) v.key_version = key->version;
    if (call.who->account.actor().role == tracker::Role::admin)
        for (const auto& k : map_->counties) v.counties.emplace_back(k.id, lang == text::Lang::en ? k.name_en : k.name_zh);
    const auto chosen = typed ? *typed : raffle::county_sites(c, raffle_->sites(), county);
    std::shared_ptr<const RaffleState::PublicCounts> counts;
    if (auto got = raffle_->public_counts(c, map_->counties, call.now)) counts = *got;
    const auto places = raffle_->places(c);
    for (const auto& s : raffle_->sites()) {
        if (s.county != county) continue;
        render::CountySitesView::Row row{s.id, s.name, s.address};
        for (const auto& cs : chosen)
            if (cs.site == s.id) {
                row.chosen = true;
                row.radius_m = cs.radius_m;
            }
        for (size_t i = 0; counts && i < places.size() && i < counts->per_site.size(); ++i)
            if (places[i].site == s.id) row.checkins = counts->per_site[i];
        v.rows.push_back(std::move(row));
    }
    return v;
}

Response Portal::staff_county_sites_page(const Call& call) {
    if (!raffle_) return staff_raffle_reply(call, 503, "the raffle is not available");
    auto campaign = campaign_run_here(call);
    if (!campaign) return staff_raffle_reply(call, 404, campaign.error());
    std::string asked;
    bool done = false;
    for (const auto& [k, v] : call.request.query) {
        if (k == "county") asked = v;
        if (k == "done") done = true;
    }
    auto county = staff_county(call, asked);
    if (!county) return staff_raffle_reply(call, 403, county.error());
    if (call.json) return Response::json(200, text::to_json_text(county_sites_json(*campaign, *county)));
    render::CountySitesView v = county_sites_view(call, *campaign, *county, nullptr);
    if (done) v.notice = say(v.lang, "已儲存。", "Saved.");
    return staff_page(call.request, call.now, render::county_sites_main_html(v));
}

text::Json Portal::county_sites_json(const content::Campaign& campaign, const std::string& county) {
    text::Json sites = text::Json::array();
    for (const auto& cs : raffle::county_sites(campaign, raffle_->sites(), county)) sites.push_back({{"site", cs.site}, {"radius_m", cs.radius_m}});
    return {{"county", county}, {"sites", sites}, {"version", raffle::county_sites_version(campaign, raffle_->sites(), county)}};
}

Response Portal::save_county_sites(const Call& call) {
    if (!raffle_) return Response::json_error(503, "the raffle is not available");
    const text::Lang lang = request_lang(call.request);
    // The choice, from a form (checkboxes and radius-<site> fields) or JSON.
    std::string asked, version;
    std::vector<content::CampaignSite> chosen;
    std::string bad;  // the first field that is not what it should be
    if (call.json) {
        auto body = staff::request_json(call.request);
        if (!body || !body->is_object()) return Response::json_error(400, body ? "request body: expected an object" : body.error());
        if (auto it = body->find("county"); it != body->end() && it->is_string()) asked = it->get<std::string>();
        if (auto it = body->find("version"); it != body->end() && it->is_string()) version = it->get<std::string>();
        auto sites = body->find("sites");
        if (sites == body->end() || !sites->is_array()) return Response::json_error(400, "sites: expected an array of {\"site\", \"radius_m\"}");
        for (size_t i = 0; i < sites->size(); ++i) {
            const auto& s = (*sites)[i];
            const std::string path = "sites[" + std::to_string(i) + "]";
            if (!s.is_object() || !s.contains("site") || !s["site"].is_string())
                return Response::json_error(400, path + ".site: expected a site id");
            content::CampaignSite cs{s["site"].get<std::string>(), 100};
            if (s.contains("radius_m")) {
                if (!s["radius_m"].is_number()) return Response::json_error(400, path + ".radius_m: expected a number of metres");
                cs.radius_m = s["radius_m"].get<double>();
            }
            chosen.push_back(std::move(cs));
        }
    } else {
        auto form = form_fields(call.request);
        if (!form) return staff_raffle_reply(call, 400, form.error());
        std::map<std::string, std::string> radius;  // radius-<site> fields, read once
        for (const auto& [k, v] : *form) {
            if (k == "county") asked = v;
            else if (k == "version") version = v;
            else if (k == "site") chosen.push_back({v, 100});
            else if (k.rfind("radius-", 0) == 0) radius[k.substr(7)] = v;
        }
        for (auto& cs : chosen) {
            auto it = radius.find(cs.site);
            if (it == radius.end()) continue;  // no field: the usual 100 m (the page always sends one)
            auto metres = plain_number(it->second);
            if (!metres) bad = bad.empty() ? cs.site : bad;
            else cs.radius_m = *metres;
        }
    }
    // More sites than the list has can only be a mistake or an attack; either way, no work.
    if (chosen.size() > raffle_->sites().size()) return staff_raffle_reply(call, 400, "sites: more than the site list holds");
    if (version.empty())
        return staff_raffle_reply(call, 400, "version: required — the version of the county's choice the change was made from (GET the sites first)");
    if (asked.empty() && call.who->account.actor().role == tracker::Role::admin)
        return staff_raffle_reply(call, 400, "county: required — which county's sites these are");
    auto county = staff_county(call, asked);
    if (!county) return staff_raffle_reply(call, 403, county.error());

    // Refused: the page again with the choice as typed and why, or the JSON error.
    const auto refuse = [&](int status, const std::string& message, const content::Campaign* c) {
        if (call.json || !c) return staff_raffle_reply(call, status, message);
        render::CountySitesView v = county_sites_view(call, *c, *county, &chosen);
        v.notice = message;
        v.notice_error = true;
        return staff_page(call.request, call.now, render::county_sites_main_html(v), status);
    };
    bool written = false;
    for (int attempt = 0; attempt < 5 && !written; ++attempt) {
        auto read = campaign_run_here(call);
        if (!read) return staff_raffle_reply(call, 404, read.error());
        const content::Campaign current = *read;
        const std::string frozen = say(lang, "活動已開始受理打卡，參加場所不能再修改。", "Check-ins have opened; the sites can no longer change.");
        if (!bad.empty() && raffle::rules_frozen(current, call.now)) return refuse(409, frozen, &current);
        if (!bad.empty())
            return refuse(400, bad + ".radius_m: " + say(lang, "請填公尺數", "enter a number of metres"), &current);
        if (version != raffle::county_sites_version(current, raffle_->sites(), *county)) {
            render::CountySitesView v = county_sites_view(call, current, *county, nullptr);
            const std::string message = say(lang, "您開啟這頁之後，同事已修改本縣市的場所；下面是目前的選擇，請再修改一次。",
                                            "A colleague changed the county's sites after you opened this page; below is the choice as it is now. Please make your change again.");
            if (call.json) return Response::json_error(409, message);
            v.notice = message;
            v.notice_error = true;
            return staff_page(call.request, call.now, render::county_sites_main_html(v), 409);
        }
        auto next = raffle::with_county_sites(current, raffle_->sites(), *county, chosen);
        if (!next) return refuse(400, next.error(), &current);
        const std::string change = sites_change(raffle::county_sites(current, raffle_->sites(), *county),
                                                raffle::county_sites(*next, raffle_->sites(), *county));
        if (change.empty()) {  // nothing to write
            written = true;
            break;
        }
        if (auto refusal = raffle::rules_change_refusal(current, *next, call.now); !refusal.empty())
            return refuse(409, frozen + " (" + refusal + ")", &current);
        if (auto problems = raffle::check_campaign(*next, map_->counties, raffle_->sites()); !problems.empty())
            return refuse(400, problems.front(), &current);
        auto replaced = raffle_->store().replace_campaign(*next, current);
        if (!replaced) return staff_raffle_reply(call, 500, replaced.error());
        raffle_->forget_campaigns();
        if (!*replaced) continue;  // another county saved in between: apply ours to theirs
        written = true;
        raffle_->forget_counts(current.id);
        store_.append_audit({0, call.now, call.who->account.name, "raffle-sites", "", "", "", current.id + " " + *county + ":" + change});
    }
    if (!written)
        return staff_raffle_reply(call, 409, say(lang, "太多縣市同時儲存，這次沒有存入；請再儲存一次。",
                                                 "Too many counties saved at the same moment; yours was not stored. Please save again."));
    if (call.json) {
        auto now = campaign_run_here(call);
        if (!now) return Response::json_error(500, "the campaign could not be read again");
        return Response::json(200, text::to_json_text(county_sites_json(*now, *county)));
    }
    return redirect("/staff/raffle/" + text::percent_encode(call.params["campaign"]) + "/sites?county=" + text::percent_encode(*county) + "&done=1");
}

// One site's signboard sheet, for the county that puts it up.
Response Portal::signboard_sheet(const Call& call) {
    if (!raffle_) return Response::json_error(503, "the raffle is not available");
    auto campaign = campaign_run_here(call);
    if (!campaign) return Response::json_error(404, campaign.error());
    const content::Campaign& c = *campaign;
    const std::string site_id = call.params["site"];
    const content::Site* site = content::find_site(raffle_->sites(), site_id);
    const bool takes_part = std::any_of(c.sites.begin(), c.sites.end(), [&](const auto& cs) { return cs.site == site_id; });
    if (!site || !takes_part) return Response::json_error(404, "site \"" + site_id + "\" does not take part in " + c.id);
    if (auto county = staff_county(call, site->county); !county) return Response::json_error(403, county.error());
    auto keys = raffle_->store().signboard_keys();
    if (!keys) return Response::json_error(500, keys.error());
    const auto* key = raffle::current_key(*keys);
    if (!key) return Response::json_error(409, "there is no signboard key yet");
    Response r;
    r.content_type = "image/svg+xml; charset=utf-8";
    r.body = signboard_file(c, *site, map_->counties, *key, config_.public_url).svg;
    r.headers.emplace_back("Content-Disposition", "inline; filename=\"" + c.id + "-" + site->id + ".svg\"");
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    return r;
}

Response Portal::signboards_print_page(const Call& call) {
    if (!raffle_) return staff_raffle_reply(call, 503, "the raffle is not available");
    auto campaign = campaign_run_here(call);
    if (!campaign) return staff_raffle_reply(call, 404, campaign.error());
    std::string asked;
    for (const auto& [k, v] : call.request.query)
        if (k == "county") asked = v;
    auto county = staff_county(call, asked);
    if (!county) return staff_raffle_reply(call, 403, county.error());
    return staff_page(call.request, call.now, render::signboards_print_main_html(county_sites_view(call, *campaign, *county, nullptr)));
}

}  // namespace beitai::site
