// The admin creates a campaign and its draws, and changes it until check-ins open: by the
// JSON API (the whole campaign, as content/campaigns/<id>.json holds one) or by the staff
// form (render/campaign_form.h). Both end in save_campaign, under the same rules.
#include <algorithm>
#include <map>

#include "raffle/rules.h"
#include "render/campaign_form.h"
#include "render/notices.h"
#include "routes/staff_forms.h"
#include "routes/staff_support.h"
#include "text/trim.h"
#include "text/url.h"

namespace beitai::site {

using text::say;

using namespace staff;

namespace {


render::CampaignForm form_of(const QueryParams& fields) {
    render::CampaignForm f;
    f.first_sites = "none";
    std::map<size_t, render::CampaignFormDraw> draws;  // draws-<i>-<field>, by i
    for (const auto& [k, v] : fields) {
        if (k == "id") f.id = v;
        else if (k == "proposal") f.proposal = v;
        else if (k == "name_zh") f.name_zh = v;
        else if (k == "name_en") f.name_en = v;
        else if (k == "start") f.start = v;
        else if (k == "end") f.end = v;
        else if (k == "contacts_erased_after") f.contacts_erased_after = v;
        else if (k == "min_counties") f.min_counties = v;
        else if (k == "winners_stay") f.winners_stay = !v.empty();
        else if (k == "first_sites") f.first_sites = v;
        else if (k.rfind("draws-", 0) == 0) {
            const size_t dash = k.find('-', 6);
            if (dash == std::string::npos || dash == 6 || dash - 6 > 2) continue;
            const std::string index = k.substr(6, dash - 6);
            if (index.find_first_not_of("0123456789") != std::string::npos) continue;
            const size_t i = std::stoul(index);
            if (i >= render::kMaxFormDraws) continue;
            render::CampaignFormDraw& d = draws[i];
            const std::string name = k.substr(dash + 1);
            std::string* field = name == "id" ? &d.id : name == "cutoff" ? &d.cutoff : name == "date" ? &d.date
                               : name == "seed_source_zh" ? &d.seed_source_zh : name == "seed_source_en" ? &d.seed_source_en
                               : name == "prize_zh" ? &d.prize_zh : name == "prize_en" ? &d.prize_en
                               : name == "per_county" ? &d.per_county : nullptr;
            if (field) *field = v;
        }
    }
    for (auto& [i, d] : draws) f.draws.push_back(std::move(d));
    return f;
}

}  // namespace

Portal::CampaignSave Portal::save_campaign(const Call& call, const content::Campaign& campaign, SaveMode mode,
                                           const content::Campaign* expected) {
    const text::Lang lang = request_lang(call.request);
    CampaignSave out;
    auto problems = raffle::check_campaign(campaign, map_->counties, raffle_->sites());
    if (campaign.external) problems.push_back("external: a campaign created here runs here");
    if (!problems.empty()) return {400, problems};
    raffle_->forget_campaigns();  // decide on what the store holds now, not a second ago
    auto existing = raffle_->campaign(campaign.id, call.now);
    if (!existing) return {500, {existing.error()}};
    if (*existing && mode == SaveMode::create)
        return {409, {std::string(say(lang, "代號：", "Id: ")) + "\"" + campaign.id + "\"" + say(lang, " 已被其他活動使用", " is taken by another campaign")}};
    if (!*existing && mode == SaveMode::replace) return {404, {"no campaign \"" + campaign.id + "\" to change"}};
    if (*existing) {
        if ((*existing)->external) return {409, {"\"" + campaign.id + "\" is a record of a campaign run elsewhere; it is not changed here"}};
        const std::string refusal = raffle::rules_change_refusal(**existing, campaign, call.now);
        if (!refusal.empty()) return {409, {refusal}};
        // Written only over the campaign this change was made from: a form built on a campaign
        // a county has changed since must not undo that county's change.
        auto replaced = raffle_->store().replace_campaign(campaign, expected ? *expected : **existing);
        if (!replaced) return {500, {replaced.error()}};
        if (!*replaced)
            return {409, {say(lang, "這個活動剛被其他人修改；請重新開啟再改。", "Someone changed this campaign just now; open it again and redo the change.")}};
    } else if (auto s = raffle_->store().create_campaign(campaign); !s) {
        return {409, {s.error()}};
    }
    raffle_->forget_campaigns();
    raffle_->forget_counts(campaign.id);
    store_.append_audit({0, call.now, call.who->account.name, *existing ? "raffle-campaign-replace" : "raffle-campaign-create", "", "",
                         text::to_json_text(content::to_json(campaign)), campaign.id});
    out.status = *existing ? 200 : 201;
    return out;
}

Response Portal::create_campaign(const Call& call) {
    if (!raffle_) return Response::json_error(503, "the raffle is not available");
    auto body = staff::request_json(call.request);
    if (!body) return Response::json_error(400, body.error());
    text::Diagnostics diagnostics("campaign");
    content::Campaign campaign = content::read_campaign(*body, diagnostics);
    if (!diagnostics.empty()) return Response::json_error(400, diagnostics.joined());
    const CampaignSave saved = save_campaign(call, campaign, SaveMode::create_or_replace, nullptr);
    if (saved.status >= 400) {
        std::string message;
        for (const auto& p : saved.problems) message += (message.empty() ? "" : "\n") + p;
        return Response::json_error(saved.status, message);
    }
    return Response::json(saved.status, text::to_json_text(content::to_json(campaign)));
}

Response Portal::campaign_form_page(const Call& call) {
    if (!raffle_) return staff_page(call.request, call.now, render::error_notice_html("the raffle is not available"), 503);
    render::CampaignFormView v;
    v.lang = request_lang(call.request);
    v.csrf = call.who->session.csrf;
    const std::string id = call.params["campaign"];
    if (id.empty()) {
        v.form = render::blank_campaign_form();
        return staff_page(call.request, call.now, render::campaign_form_main_html(v));
    }
    auto campaign = raffle_->campaign(id, call.now);
    if (!campaign || !*campaign || (*campaign)->external)
        return staff_page(call.request, call.now, render::error_notice_html("no campaign \"" + id + "\" run here"), 404);
    v.form = render::campaign_form_of(**campaign, map_->counties);
    v.editing = true;
    v.frozen = raffle::rules_frozen(**campaign, call.now);
    if (v.frozen)
        v.note = say(v.lang, "活動已開始受理打卡：只能修改名稱，規則已凍結。", "Check-ins have opened: only the names may change; the rules are frozen.");
    return staff_page(call.request, call.now, render::campaign_form_main_html(v));
}

Response Portal::save_campaign_form(const Call& call) {
    if (!raffle_) return staff_page(call.request, call.now, render::error_notice_html("the raffle is not available"), 503);
    auto fields = form_fields(call.request);
    if (!fields) return staff_raffle_reply(call, 400, fields.error());
    render::CampaignFormView v;
    v.lang = request_lang(call.request);
    v.csrf = call.who->session.csrf;
    v.form = form_of(*fields);
    std::string editing;
    for (const auto& [k, val] : *fields)
        if (k == "editing") editing = val;
    v.editing = !editing.empty();
    std::optional<content::Campaign> base;
    if (v.editing) {
        v.form.id = editing;
        auto read = raffle_->campaign(editing, call.now);
        if (!read || !*read) return staff_raffle_reply(call, 404, "no campaign \"" + editing + "\" to change");
        base = **read;
    }
    v.frozen = base && raffle::rules_frozen(*base, call.now);
    const auto again = [&](int status, std::vector<std::string> problems) {
        v.problems = std::move(problems);
        if (v.frozen) v.form = render::campaign_form_of(*base, map_->counties), v.form.name_zh = form_value(*fields, "name_zh"),
                      v.form.name_en = form_value(*fields, "name_en"), v.form.proposal = form_value(*fields, "proposal");
        const bool room = std::none_of(v.form.draws.begin(), v.form.draws.end(), [](const auto& d) { return d.id.empty() && d.cutoff.empty(); });
        if (!v.frozen && room && v.form.draws.size() < render::kMaxFormDraws) v.form.draws.emplace_back();
        return staff_page(call.request, call.now, render::campaign_form_main_html(v), status);
    };
    if (v.frozen) {
        // The rules are frozen: the form sends only the names, and only they change.
        content::Campaign renamed = *base;
        renamed.name_zh = text::trimmed(form_value(*fields, "name_zh"));
        renamed.name_en = text::trimmed(form_value(*fields, "name_en"));
        renamed.proposal = text::trimmed(form_value(*fields, "proposal"));
        std::vector<std::string> problems;
        if (renamed.name_zh.empty()) problems.push_back(std::string(say(v.lang, "中文名稱：請填寫", "Name in Chinese: required")));
        if (renamed.name_en.empty()) problems.push_back(std::string(say(v.lang, "英文名稱：請填寫", "Name in English: required")));
        if (!problems.empty()) return again(400, std::move(problems));
        const CampaignSave saved = save_campaign(call, renamed, SaveMode::replace, &*base);
        if (saved.status >= 400) return again(saved.status, saved.problems);
        return redirect("/staff/raffle?done=1");
    }
    auto campaign = render::campaign_from_form(v.form, base ? &*base : nullptr, map_->counties, raffle_->sites(), v.lang);
    if (!campaign) {
        std::vector<std::string> problems;
        std::string line;
        for (char ch : campaign.error() + "\n") {
            if (ch != '\n') line += ch;
            else if (!line.empty()) problems.push_back(std::move(line)), line.clear();
        }
        return again(400, std::move(problems));
    }
    const CampaignSave saved = save_campaign(call, *campaign, v.editing ? SaveMode::replace : SaveMode::create, base ? &*base : nullptr);
    if (saved.status >= 400) return again(saved.status, saved.problems);
    return redirect("/staff/raffle?done=1");
}

}  // namespace beitai::site
