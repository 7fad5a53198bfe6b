// What the raffle's forms and their JSON twins both do — register, check in, recover,
// erase — and the campaign page they answer with. The core decides every rule
// (raffle/participant.h, raffle/checkin.h); these only read the request, count the rate
// limits, store, and set the participant's cookie.
#include <cmath>

#include "auth/password.h"
#include "photo/reencode.h"
#include "qr/encode.h"
#include "raffle/participant.h"
#include "raffle/progress.h"
#include "render/notices.h"
#include "render/raffle_views.h"
#include "routes/staff_forms.h"
#include "routes/staff_support.h"
#include "text/decimal.h"
#include "text/sha256.h"

namespace beitai::site {

using text::say;

namespace {

// One cookie per campaign, so that taking part in one campaign says nothing of another.
std::string cookie_name(const std::string& campaign) { return "beitai_raffle_" + campaign; }

// SameSite=Lax, not Strict: a signboard's QR code opens the check-in page from the camera
// app, and that first request must carry the cookie. Writes are still refused cross-site.
std::string participant_cookie(const std::string& campaign, const std::string& token, bool secure, UnixTime max_age) {
    return cookie_name(campaign) + "=" + token + "; Path=/; Max-Age=" + std::to_string(max_age) + "; HttpOnly; SameSite=Lax" +
           (secure ? "; Secure" : "");
}

constexpr UnixTime kCookieAge = 400LL * 24 * 3600;  // the longest a browser keeps one

std::string tr_s(const char* key, text::Lang lang) { return std::string(text::tr(key, lang)); }

int status_for(raffle::CheckinReason reason) {
    using R = raffle::CheckinReason;
    switch (reason) {
        case R::before_period:
        case R::after_period: return 403;
        case R::unknown_site: return 404;
        case R::already_checked_in: return 409;
        default: return 422;
    }
}

std::optional<double> json_number(const text::Json& body, const char* key) {
    auto it = body.find(key);
    if (it == body.end() || it->is_null()) return std::nullopt;
    if (it->is_number()) return it->get<double>();
    if (it->is_string()) {  // a form sends text
        if (auto v = text::parse_decimal(it->get_ref<const std::string&>())) return *v;
        return std::nan("");
    }
    return std::nan("");
}

std::string json_string(const text::Json& body, const char* key) {
    auto it = body.find(key);
    return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Response Portal::raffle_unavailable(const Call& call, int status, const std::string& message) {
    if (call.json) return Response::json_error(status, message);
    render::PageFrame frame = page_frame(call.request, "raffle");
    frame.title = tr_s("raffle.heading", frame.lang);
    frame.main_html = render::error_main_html(std::to_string(status), message, "/raffle", tr_s("raffle.back", frame.lang));
    return html_page(status, render::page_html(frame));
}

Result<Portal::CampaignCall> Portal::campaign_call(const Call& call) {
    if (!raffle_) return Error{"the raffle is not available on this server"};
    for (const auto& erased : raffle_->erase_expired_contacts(call.now))
        store_.append_audit({0, call.now, "system", "raffle-erase-contacts", "", "", "", erased});
    const std::string& id = call.params["campaign"];
    auto campaign = raffle_->campaign(id, call.now);
    if (!campaign) return Error{campaign.error()};
    if (!*campaign) return Error{"no campaign with id \"" + id + "\""};
    CampaignCall cc{std::move(**campaign), std::nullopt};
    const std::string token = call.request.cookie(cookie_name(cc.campaign.id));
    if (!token.empty()) {
        auto me = raffle_->store().participant_by_token(cc.campaign.id, auth::token_digest(token));
        if (!me) return Error{me.error()};
        cc.me = std::move(*me);
    }
    return cc;
}

Portal::RaffleReply Portal::raffle_register(const Call& call, CampaignCall& cc, const text::Json& body) {
    const text::Lang lang = request_lang(call.request);
    const auto& c = cc.campaign;
    if (cc.me) return {409, std::string(say(lang, "這個瀏覽器已經報名了（暱稱：", "This browser already takes part (nickname: ")) + cc.me->nickname + say(lang, "）。", ").")};
    if (c.external || render::campaign_phase(c, call.now) != render::CampaignPhase::running)
        return {403, say(lang, "這個活動現在不受理報名。", "This campaign takes no sign-ups now.")};
    if (!raffle_->registrations_per_address.allow(client_address(call.request), call.now))
        return {429, say(lang, "這個網路位址報名次數過多，請稍後再試。", "Too many sign-ups from this address; try again later.")};
    const auto read = raffle::read_registration(body, map_->counties, lang);
    if (!read.ok()) {
        std::string message;
        for (const auto& p : read.problems) message += (message.empty() ? "" : "; ") + p;
        return {400, message};
    }
    const std::string token = auth::random_token();
    const std::string recovery = raffle::format_recovery_code(auth::random_bytes(12));
    Participant p;
    p.campaign = c.id;
    p.token_digest = auth::token_digest(token);
    p.recovery_digest = auth::token_digest(raffle::normalise_recovery_code(recovery));
    p.nickname = read.registration.nickname;
    p.home_county = read.registration.home_county;
    p.created = call.now;
    auto id = raffle_->store().add_participant(p, read.registration.contact);
    if (!id) return {500, id.error()};
    p.id = *id;
    cc.me = p;
    RaffleReply reply{201, say(lang, "報名完成。請保存下方的復原碼，然後開始打卡。", "You are in. Keep the recovery code below, then start checking in.")};
    reply.recovery_code = recovery;
    reply.body = {{"recovery_code", recovery}, {"nickname", p.nickname}};
    reply.headers.emplace_back("Set-Cookie", participant_cookie(c.id, token, config_.secure_cookies, kCookieAge));
    return reply;
}

// What every check-in passes before its proof is read: taking part, a campaign run here, the
// rate limits (counted before any work, a photo's decoding included).
std::optional<Portal::RaffleReply> Portal::checkin_gate(const Call& call, const CampaignCall& cc) {
    const text::Lang lang = request_lang(call.request);
    if (!cc.me) return RaffleReply{401, say(lang, "請先報名，或用復原碼在這台裝置接續。", "Take part first, or continue on this device with your recovery code.")};
    if (cc.campaign.external) return RaffleReply{403, say(lang, "這個活動不在本站打卡。", "This campaign takes no check-ins here.")};
    const std::string who = "p" + std::to_string(cc.me->id);
    if (!raffle_->checkins_per_participant.allow(who, call.now) ||
        !raffle_->checkins_per_address.allow(client_address(call.request), call.now)) {
        RaffleReply r{429, say(lang, "打卡太頻繁了，請稍後再試。", "Too many check-ins in a short time; try again later.")};
        const UnixTime wait = std::max(raffle_->checkins_per_participant.retry_after(who, call.now),
                                       raffle_->checkins_per_address.retry_after(client_address(call.request), call.now));
        r.headers.emplace_back("Retry-After", std::to_string(std::max<UnixTime>(1, wait)));
        return r;
    }
    return std::nullopt;
}

Portal::RaffleReply Portal::raffle_check_in(const Call& call, CampaignCall& cc, const text::Json& body) {
    const text::Lang lang = request_lang(call.request);
    if (auto refused = checkin_gate(call, cc)) return std::move(*refused);
    if (!body.is_object()) return {400, say(lang, "請求內容必須是物件。", "The request body must be an object.")};
    for (const auto& [key, value] : body.items())
        if (key != "site" && key != "code" && key != "lat" && key != "lon" && key != "accuracy_m" && key != "proof" && key != "csrf")
            return {400, key + say(lang, "：不認得的欄位", ": unknown field")};
    raffle::CheckinClaim claim;
    claim.site = json_string(body, "site");
    claim.at = call.now;
    if (claim.site.empty()) return {400, std::string("site: ") + say(lang, "請選擇場所", "choose a site")};
    const auto lat = json_number(body, "lat"), lon = json_number(body, "lon");
    if (lat || lon) {
        claim.proof = raffle::Proof::position;
        if (lat && lon) claim.position = geo::LatLon{*lat, *lon};
        claim.accuracy_m = json_number(body, "accuracy_m").value_or(std::nan(""));
    } else {
        claim.proof = raffle::Proof::code;
        claim.code = json_string(body, "code");
        if (claim.code.empty()) return {400, std::string("code: ") + say(lang, "請輸入立牌代碼", "type the signboard's code")};
    }
    return judge_and_store(call, cc, claim, nullptr);
}

// The core judges the claim against the participant's earlier check-ins, one check-in of theirs
// at a time; an accepted one is stored — with its photo, in the same transaction, when it has one.
Portal::RaffleReply Portal::judge_and_store(const Call& call, CampaignCall& cc, const raffle::CheckinClaim& claim,
                                            const photo::ReencodedPhoto* photo) {
    const text::Lang lang = request_lang(call.request);
    const auto& c = cc.campaign;
    std::lock_guard<std::mutex> one_at_a_time(raffle_->participant_lock(cc.me->id));
    const auto places = raffle_->places(c);
    auto keys = raffle_->store().signboard_keys();
    if (!keys) return {500, keys.error()};
    auto stored = raffle_->store().checkins_of(cc.me->id);
    if (!stored) return {500, stored.error()};
    std::vector<raffle::OwnCheckin> mine;
    for (const auto& s : *stored) mine.push_back({s.site, s.at, s.state});
    const auto verdict = raffle::judge_checkin(c, places, *keys, mine, claim);
    const std::string message = raffle::checkin_message(verdict, places, lang);
    if (!verdict.accepted) {
        RaffleReply r{status_for(verdict.reason), message};
        r.body = {{"error", message}, {"reason", raffle::reason_name(verdict.reason)}};
        return r;
    }
    StoredCheckin row;
    row.campaign = c.id;
    row.participant = cc.me->id;
    row.site = claim.site;
    row.county = raffle::find_place(places, claim.site)->county;
    row.at = call.now;
    row.proof = claim.proof;
    row.state = verdict.state;
    if (verdict.reason == raffle::CheckinReason::too_fast)
        row.note = std::string(raffle::reason_name(verdict.reason)) + " from " + verdict.from_site + " at " +
                   std::to_string(static_cast<long long>(std::lround(verdict.speed_kmh))) + " km/h";
    auto added = photo ? raffle_->store().add_photo_checkin(row, photo->jpeg, photo->width, photo->height)
                       : raffle_->store().add_checkin(row);
    if (!added) return {500, added.error()};
    if (*added == AddResult::duplicate) {
        // A second request for the same site raced the first; the store kept one.
        raffle::CheckinVerdict dup;
        dup.reason = raffle::CheckinReason::already_checked_in;
        return {409, raffle::checkin_message(dup, places, lang)};
    }
    mine.push_back({row.site, row.at, row.state});
    const auto progress = raffle::progress_of(c, places, mine);
    RaffleReply reply{201, message};
    reply.body = {{"counties_done", progress.counties_done.size()}, {"eligible", progress.eligible},
                  {"state", raffle::state_name(verdict.state)}, {"message", message}};
    reply.notice_key = raffle::state_name(verdict.state);
    reply.notice_site = row.site;
    return reply;
}

Portal::RaffleReply Portal::raffle_recover(const Call& call, CampaignCall& cc, const text::Json& body) {
    const text::Lang lang = request_lang(call.request);
    if (!raffle_->recoveries_per_address.allow(client_address(call.request), call.now))
        return {429, say(lang, "嘗試次數過多，請稍後再試。", "Too many attempts; try again later.")};
    const std::string code = raffle::normalise_recovery_code(json_string(body, "recovery_code"));
    if (code.empty()) return {400, std::string("recovery_code: ") + say(lang, "這不是有效的復原碼格式", "not a recovery code")};
    auto found = raffle_->store().participant_by_recovery(cc.campaign.id, auth::token_digest(code));
    if (!found) return {500, found.error()};
    if (!*found) return {404, std::string("recovery_code: ") + say(lang, "找不到這組復原碼", "no participation has this code")};
    const std::string token = auth::random_token();
    if (auto s = raffle_->store().replace_token((*found)->id, auth::token_digest(token)); !s) return {500, s.error()};
    cc.me = **found;
    RaffleReply reply{200, say(lang, "已在這台裝置接續。原本裝置上的登入已失效。", "You continue on this device; the old device is signed out.")};
    reply.body = {{"nickname", cc.me->nickname}};
    reply.notice_key = "recovered";
    reply.headers.emplace_back("Set-Cookie", participant_cookie(cc.campaign.id, token, config_.secure_cookies, kCookieAge));
    return reply;
}

Portal::RaffleReply Portal::raffle_erase(const Call& call, CampaignCall& cc, const text::Json& body) {
    const text::Lang lang = request_lang(call.request);
    if (!cc.me) return {401, say(lang, "這個瀏覽器沒有參加資料。", "This browser holds no participation.")};
    // Erasure cannot be undone: the request must say so ("confirm": true, or the form's box).
    const auto confirm = body.is_object() ? body.find("confirm") : body.end();
    if (!body.is_object() || confirm == body.end() || !(*confirm == true || *confirm == "yes"))
        return {400, std::string("confirm: ") + say(lang, "請勾選確認後再刪除", "tick the box to confirm the erasure")};
    if (auto s = raffle_->store().erase_participant(cc.me->id); !s) return {500, s.error()};
    raffle_->forget_counts(cc.campaign.id);
    store_.append_audit({0, call.now, "participant", "raffle-erase", "", "", "", cc.campaign.id});
    cc.me.reset();
    RaffleReply reply{200, say(lang, "您的資料已全部刪除。", "Your data has been erased.")};
    reply.body = {{"erased", true}};
    reply.notice_key = "erased";
    reply.headers.emplace_back("Set-Cookie", participant_cookie(cc.campaign.id, "", config_.secure_cookies, 0));
    return reply;
}

text::Json Portal::progress_json(const CampaignCall& cc) {
    const auto places = raffle_->places(cc.campaign);
    std::vector<raffle::OwnCheckin> mine;
    text::Json sites = text::Json::array();
    if (auto stored = raffle_->store().checkins_of(cc.me->id)) {
        for (const auto& s : *stored) {
            mine.push_back({s.site, s.at, s.state});
            sites.push_back({{"site", s.site}, {"county", s.county}, {"state", raffle::state_name(s.state)},
                             {"at", text::to_iso_datetime_taipei(s.at)}});
        }
    }
    const auto progress = raffle::progress_of(cc.campaign, places, mine);
    return {{"nickname", cc.me->nickname}, {"home_county", cc.me->home_county},
            {"counties_done", progress.counties_done}, {"needed", progress.needed}, {"eligible", progress.eligible},
            {"checkins", sites}};
}

Response Portal::campaign_page(const Call& call, const CampaignCall& cc, const RaffleReply* reply) {
    const auto& c = cc.campaign;
    render::PageFrame frame = page_frame(call.request, "raffle");
    frame.title = frame.lang == text::Lang::en ? c.name_en : c.name_zh;
    render::CampaignPageView view;
    view.campaign = &c;
    view.lang = frame.lang;
    view.now = call.now;
    if (auto records = raffle_->store().draw_records()) view.draws = std::move(*records);
    if (!c.external) {
        if (auto counts = raffle_->public_counts(c, map_->counties, call.now)) {
            view.checkins_per_site = (*counts)->per_site;
            view.figures = (*counts)->figures;
        }
    } else {
        view.figures = c.figures;
    }
    if (cc.me) {
        render::ParticipantView me;
        me.nickname = cc.me->nickname;
        me.home_county = cc.me->home_county;
        if (auto stored = raffle_->store().checkins_of(cc.me->id))
            for (const auto& s : *stored) me.checkins.push_back({s.site, s.at, s.state});
        if (auto entries = raffle_->store().entries_of(c.id, cc.me->id))
            for (const auto& d : c.draws)  // in the campaign's order of draws
                for (const auto& [draw, entry] : *entries)
                    if (draw == d.id) me.entries.emplace_back(draw, entry);
        if (reply && !reply->recovery_code.empty()) {
            me.recovery_code = reply->recovery_code;
            me.recovery_qr = encode_qr(config_.public_url + "/raffle/" + text::percent_encode(c.id) +
                                       "?recover=" + text::percent_encode(reply->recovery_code));
        }
        view.me = std::move(me);
    }
    if (reply) view.notice = {reply->message, reply->status >= 400};
    if (reply && reply->typed.is_object()) {
        // Whatever the refused form held goes back into it (the check-in form's site and code
        // too): a mistake in one field must not cost the others.
        view.typed_nickname = json_string(reply->typed, "nickname");
        view.typed_home_county = json_string(reply->typed, "home_county");
        view.typed_contact = json_string(reply->typed, "contact");
        if (auto site = json_string(reply->typed, "site"); !site.empty()) view.prefill_site = site;
        if (auto code = json_string(reply->typed, "code"); !code.empty()) view.prefill_code = code;
    }
    std::string notice_key, notice_site;
    for (const auto& [k, v] : call.request.query) {
        if (k == "site") view.prefill_site = v;
        if (k == "code") view.prefill_code = v;
        if (k == "recover") view.prefill_recovery = v;
        if (k == "notice") notice_key = v;
        if (k == "at") notice_site = v;
    }
    if (!reply && !notice_key.empty()) {
        // Only a site of the list is named: the address must not put words in the page's mouth.
        const content::Site* named = nullptr;
        for (const auto& s : raffle_->sites())
            if (s.id == notice_site) named = &s;
        if (named || notice_site.empty())
            view.notice = {render::raffle_notice_text(notice_key, named ? named->name : "", frame.lang), false};
    }
    // A form's answer is shown at the form's address; the language switch goes back to the
    // campaign's page, not to the form (which takes only POST).
    if (call.request.method == "POST") frame.path_and_query = "/raffle/" + text::percent_encode(c.id);
    render::RaffleData data{&map_->counties, &raffle_->sites(), &map_->basemap};
    frame.main_html = render::campaign_main_html(data, view);
    frame.scripts = {"/static/js/raffle.js"};
    Response r = html_page(reply ? reply->status : 200, render::page_html(frame));
    if (reply) r.headers.insert(r.headers.end(), reply->headers.begin(), reply->headers.end());
    return r;
}

}  // namespace beitai::site
