// Staff and the raffle: the admin freezes a draw's entry list after its cut-off, enters the
// public random value and draws, downloads the winners' contacts (logged), creates campaigns
// and rotates the signboard key; a county's editor reviews the check-ins held at their
// county's sites. The rules are the core's (raffle/); each write is logged in the audit.
#include <map>

#include "auth/password.h"
#include "raffle/draw.h"
#include "raffle/participant.h"
#include "raffle/progress.h"
#include "raffle/rules.h"
#include "render/notices.h"
#include "render/raffle_views.h"
#include "routes/staff_support.h"
#include "store/raffle_rows.h"
#include "text/csv.h"
#include "text/sha256.h"
#include "text/trim.h"

namespace beitai::site {

using text::say;

using namespace staff;

namespace {

std::string json_string(const text::Json& body, const char* key) {
    auto it = body.find(key);
    return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Result<std::optional<ContactRow>> Portal::winner_contact(const std::string& campaign, const std::string& draw,
                                                         const std::string& entry) {
    auto owner = raffle_->store().entry_owner(campaign, draw, entry);
    if (!owner) return Error{owner.error()};
    if (!*owner) return std::optional<ContactRow>();
    auto contacts = raffle_->store().contacts({**owner});
    if (!contacts) return Error{contacts.error()};
    if (contacts->empty()) return std::optional<ContactRow>();
    return std::optional<ContactRow>(contacts->front());
}

Response Portal::staff_raffle_reply(const Call& call, int status, const std::string& message) {
    if (call.json) return status >= 400 ? Response::json_error(status, message) : Response::json(status, text::to_json_text({{"message", message}}));
    if (status >= 400) return staff_page(call.request, call.now, render::error_notice_html(message) +
                                                                    render::back_link_html("/staff/raffle", "← /staff/raffle"), status);
    return redirect("/staff/raffle?done=1");
}

Response Portal::staff_raffle_page(const Call& call) {
    if (!raffle_) return staff_page(call.request, call.now, render::error_notice_html("the raffle is not available"), 503);
    const text::Lang lang = request_lang(call.request);
    const tracker::Actor actor = call.who->account.actor();
    render::StaffRaffleView view;
    view.lang = lang;
    view.now = call.now;
    view.admin = actor.role == tracker::Role::admin;
    view.county = actor.county;
    view.csrf = call.who->session.csrf;
    if (auto campaigns = raffle_->campaigns(call.now)) view.campaigns = **campaigns;
    if (auto records = raffle_->store().draw_records()) view.draws = std::move(*records);
    for (const auto& [k, v] : call.request.query)
        if (k == "done") view.notice = {say(lang, "已完成。", "Done."), false};
    for (const auto& w : waiting_for(actor, call.now)) {
        render::StaffRaffleView::Waiting row;
        row.id = w.id;
        row.campaign = w.campaign;
        row.site = w.site;
        row.site_name = w.site;
        for (const auto& s : raffle_->sites())
            if (s.id == w.site) row.site_name = s.name;
        row.county = w.county;
        row.note = w.note;
        row.proof = proof_name(w.proof);
        row.state = raffle::state_name(w.state);
        row.at = w.at;
        view.waiting.push_back(std::move(row));
    }
    return staff_page(call.request, call.now, render::staff_raffle_main_html(view));
}

std::vector<StoredCheckin> Portal::waiting_for(const tracker::Actor& actor, UnixTime now) {
    std::vector<StoredCheckin> out;
    auto campaigns = raffle_->campaigns(now);
    if (!campaigns) return out;
    for (const auto& c : **campaigns) {
        if (c.external) continue;
        auto waiting = raffle_->store().checkins_waiting(c.id, actor.role == tracker::Role::admin ? "" : actor.county);
        if (waiting) out.insert(out.end(), waiting->begin(), waiting->end());
    }
    return out;
}

std::optional<StoredCheckin> Portal::waiting_checkin(const std::string& id_text, UnixTime now) {
    char* end = nullptr;
    const long long id = std::strtoll(id_text.c_str(), &end, 10);
    if (!end || *end || id <= 0) return std::nullopt;
    for (const auto& w : waiting_for({"", tracker::Role::admin, "", ""}, now))  // every county's
        if (w.id == id) return w;
    return std::nullopt;
}

Response Portal::api_waiting_checkins(const Call& call) {
    if (!raffle_) return Response::json_error(503, "the raffle is not available");
    text::Json out = text::Json::array();
    for (const auto& w : waiting_for(call.who->account.actor(), call.now))
        out.push_back({{"id", w.id}, {"campaign", w.campaign}, {"site", w.site}, {"county", w.county},
                       {"at", text::to_iso_datetime_taipei(w.at)}, {"state", raffle::state_name(w.state)}, {"note", w.note},
                       {"proof", w.proof == raffle::Proof::code ? "code" : w.proof == raffle::Proof::position ? "position" : "photo"}});
    return Response::json(200, text::to_json_text(out));
}

Response Portal::freeze_draw(const Call& call) {
    const text::Lang lang = request_lang(call.request);
    auto cc = campaign_call(call);
    if (!cc) return staff_raffle_reply(call, 404, cc.error());
    const auto& c = cc->campaign;
    const auto* draw = content::find_draw(c, call.params["draw"]);
    if (!draw || c.external) return staff_raffle_reply(call, 404, "no draw \"" + call.params["draw"] + "\" to freeze in \"" + c.id + "\"");
    if (!draw->cutoff || call.now <= *draw->cutoff)
        return staff_raffle_reply(call, 409, say(lang, "打卡截止時間還沒到，不能凍結名單。", "The cut-off has not passed; the list cannot be frozen yet."));

    // Earlier draws' winners stay out unless the campaign keeps them in — so, unless it does,
    // an earlier draw must be drawn before this one is frozen, or its winners could win here too.
    std::vector<long long> excluded;
    auto records = raffle_->store().draw_records();
    if (!records) return staff_raffle_reply(call, 500, records.error());
    if (!c.winners_stay) {
        for (const auto& earlier : c.draws) {
            if (&earlier == draw) break;
            bool drawn = false;
            for (const auto& r : *records) drawn = drawn || (r.campaign == c.id && r.draw == earlier.id && r.status == raffle::DrawStatus::drawn);
            if (!drawn)
                return staff_raffle_reply(call, 409, std::string(say(lang, "請先完成較早的抽獎：", "Draw the earlier draw first: ")) + earlier.id);
        }
    }
    if (!c.winners_stay) {
        for (const auto& r : *records) {
            if (r.campaign != c.id || r.draw == draw->id || r.status != raffle::DrawStatus::drawn) continue;
            for (const auto& w : r.winners) {
                auto owner = raffle_->store().entry_owner(c.id, r.draw, w.entry);
                if (!owner) return staff_raffle_reply(call, 500, owner.error());
                if (*owner) excluded.push_back(**owner);
            }
        }
    }
    auto counted = raffle_->store().counted_checkins(c.id);
    if (!counted) return staff_raffle_reply(call, 500, counted.error());
    std::map<std::string, int> county_index;
    for (size_t i = 0; i < map_->counties.size(); ++i) county_index[map_->counties[i].id] = static_cast<int>(i);
    std::vector<raffle::CountedCheckin> rows;
    rows.reserve(counted->size());
    for (const auto& r : *counted) {
        auto it = county_index.find(r.county);
        if (it != county_index.end()) rows.push_back({r.participant, it->second, r.at});
    }
    const auto eligible = raffle::eligible_participants(std::move(rows), c.min_counties, *draw->cutoff, excluded);
    std::vector<std::pair<std::string, long long>> entry_participants;
    std::vector<std::string> entries;
    for (long long p : eligible) {
        entries.push_back(raffle::entry_id(raffle_->entries_secret(), c.id, p));
        entry_participants.emplace_back(entries.back(), p);
    }
    const std::string document = raffle::entries_document(entries);
    raffle::DrawRecord record;
    record.campaign = c.id;
    record.draw = draw->id;
    record.status = raffle::DrawStatus::frozen;
    record.entries_sha256 = text::to_hex(text::sha256(document));
    record.entries_url = "/api/campaigns/" + c.id + "/draws/" + draw->id + "/entries.txt";
    record.seed_source = draw->seed_source_zh;
    record.frozen_at = call.now;
    auto frozen = raffle_->store().freeze_draw(record, document, entry_participants);
    if (!frozen) return staff_raffle_reply(call, 500, frozen.error());
    if (!*frozen) return staff_raffle_reply(call, 409, say(lang, "這次抽獎的名單已經凍結過了。", "This draw's list was frozen already."));
    store_.append_audit({0, call.now, call.who->account.name, "raffle-freeze", "", "", "",
                         c.id + "/" + draw->id + ": " + std::to_string(entries.size()) + " entries, sha256 " + record.entries_sha256});
    if (call.json)
        return Response::json(200, text::to_json_text({{"entries", entries.size()}, {"entries_sha256", record.entries_sha256}}));
    return redirect("/staff/raffle?done=1");
}

Response Portal::run_draw(const Call& call) {
    const text::Lang lang = request_lang(call.request);
    auto cc = campaign_call(call);
    if (!cc) return staff_raffle_reply(call, 404, cc.error());
    const auto& c = cc->campaign;
    const auto* draw = content::find_draw(c, call.params["draw"]);
    if (!draw) return staff_raffle_reply(call, 404, "no draw \"" + call.params["draw"] + "\" in \"" + c.id + "\"");
    auto body = body_json(call.request, std::nullopt);
    if (!body) return staff_raffle_reply(call, 400, body.error());
    const std::string seed = raffle::normalise_seed(json_string(*body, "seed_value"));
    if (seed.empty()) return staff_raffle_reply(call, 400, std::string("seed_value: ") + say(lang, "請輸入事先公布來源的亂數值", "enter the value from the source named in advance"));
    auto records = raffle_->store().draw_records();
    if (!records) return staff_raffle_reply(call, 500, records.error());
    const raffle::DrawRecord* frozen = nullptr;
    for (const auto& r : *records)
        if (r.campaign == c.id && r.draw == draw->id) frozen = &r;
    if (!frozen || frozen->status != raffle::DrawStatus::frozen)
        return staff_raffle_reply(call, 409, say(lang, "只有已凍結、尚未抽出的名單可以抽獎。", "Only a frozen draw not yet drawn can be drawn."));
    auto document = raffle_->store().entries_document(c.id, draw->id);
    if (!document || !*document) return staff_raffle_reply(call, 500, "the frozen entry list is missing");
    auto entries = raffle::read_entries_document(**document);
    if (!entries) return staff_raffle_reply(call, 500, "the frozen entry list is unreadable: " + entries.error());
    const auto slots = raffle::prize_slots(*draw);
    raffle::DrawRecord drawn = *frozen;
    drawn.status = raffle::DrawStatus::drawn;
    drawn.seed_value = seed;
    drawn.drawn_at = call.now;
    for (const auto& w : raffle::run_draw(*entries, seed, slots.size())) {
        raffle::PublishedWinner p;
        p.entry = w.entry;
        p.slot = w.slot;
        p.prize = slots[w.slot].name_zh + "（" + slots[w.slot].county + "）";
        p.name_masked = say(lang, "（已刪除）", "(erased)");
        auto contact = winner_contact(c.id, draw->id, w.entry);
        if (!contact) return staff_raffle_reply(call, 500, contact.error());  // never "(erased)" for a passing fault
        if (*contact) p.name_masked = raffle::mask_name((*contact)->nickname);
        drawn.winners.push_back(std::move(p));
    }
    auto stored = raffle_->store().record_draw(drawn);
    if (!stored) return staff_raffle_reply(call, 500, stored.error());
    if (!*stored) return staff_raffle_reply(call, 409, say(lang, "這次抽獎已經抽出了。", "This draw was drawn already."));
    store_.append_audit({0, call.now, call.who->account.name, "raffle-draw", "", "", "",
                         c.id + "/" + draw->id + ": seed \"" + seed + "\", " + std::to_string(drawn.winners.size()) + " winners"});
    if (call.json) return Response::json(200, text::to_json_text(raffle::to_json(drawn)));
    return redirect("/staff/raffle?done=1");
}

// The winners' contacts, for the admin to reach them: only after the draw, and every
// download is in the audit log with how many contacts it held.
Response Portal::winners_contacts(const Call& call) {
    auto cc = campaign_call(call);
    if (!cc) return staff_raffle_reply(call, 404, cc.error());
    const auto& c = cc->campaign;
    const auto* draw = content::find_draw(c, call.params["draw"]);
    if (!draw) return staff_raffle_reply(call, 404, "no such draw");
    auto records = raffle_->store().draw_records();
    if (!records) return staff_raffle_reply(call, 500, records.error());
    const raffle::DrawRecord* drawn = nullptr;
    for (const auto& r : *records)
        if (r.campaign == c.id && r.draw == draw->id && r.status == raffle::DrawStatus::drawn) drawn = &r;
    if (!drawn) return staff_raffle_reply(call, 409, "the contacts are available only after the draw");
    const auto slots = raffle::prize_slots(*draw);
    std::vector<std::vector<std::string>> rows = {{"prize_no", "prize", "giver", "entry", "nickname", "contact"}};
    for (const auto& w : drawn->winners) {
        std::vector<std::string> row = {std::to_string(w.slot + 1), w.slot < slots.size() ? slots[w.slot].name_zh : "",
                                        w.slot < slots.size() ? slots[w.slot].county : "", w.entry, "", ""};
        auto contact = winner_contact(c.id, draw->id, w.entry);
        if (!contact) return staff_raffle_reply(call, 500, contact.error());
        if (*contact) {
            row[4] = (*contact)->nickname;
            row[5] = (*contact)->contact;
        }
        rows.push_back(std::move(row));
    }
    store_.append_audit({0, call.now, call.who->account.name, "raffle-contacts", "", "", "",
                         c.id + "/" + draw->id + ": " + std::to_string(drawn->winners.size()) + " winners' contacts downloaded"});
    Response r;
    r.content_type = "text/csv; charset=utf-8";
    r.body = text::write_csv(rows);
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"winners-" + c.id + "-" + draw->id + ".csv\"");
    return r;
}

Response Portal::review_checkin(const Call& call) {
    const text::Lang lang = request_lang(call.request);
    if (!raffle_) return staff_raffle_reply(call, 503, "the raffle is not available");
    const tracker::Actor actor = call.who->account.actor();
    char* end = nullptr;
    const long long id = std::strtoll(call.params["id"].c_str(), &end, 10);
    if (!end || *end || id <= 0) return staff_raffle_reply(call, 404, "no check-in \"" + call.params["id"] + "\"");
    auto body = body_json(call.request, std::nullopt);
    if (!body) return staff_raffle_reply(call, 400, body.error());
    const std::string decision = json_string(*body, "decision");
    const std::string reason = text::trimmed(json_string(*body, "reason"));
    if (decision != "accept" && decision != "refuse") return staff_raffle_reply(call, 400, "decision: expected \"accept\" or \"refuse\"");
    if (decision == "refuse" && reason.empty())
        return staff_raffle_reply(call, 400, std::string("reason: ") + say(lang, "退回時請寫明理由", "say why the check-in is refused"));
    // Which check-in, and is it this editor's county's?
    const std::optional<StoredCheckin> target = waiting_checkin(call.params["id"], call.now);
    if (!target) return staff_raffle_reply(call, 409, say(lang, "這筆打卡已不在待審清單（可能同事已審核）。", "This check-in no longer waits (a colleague may have reviewed it)."));
    if (actor.role != tracker::Role::admin && actor.county != target->county)
        return staff_raffle_reply(call, 403, say(lang, "只能審核本縣市場所的打卡。", "You may review only check-ins at your county's sites."));
    const auto state = decision == "accept" ? raffle::CheckinState::counted : raffle::CheckinState::refused;
    auto done = raffle_->store().review_checkin(id, state, actor.user, reason, call.now);
    if (!done) return staff_raffle_reply(call, 500, done.error());
    if (!*done) return staff_raffle_reply(call, 409, say(lang, "這筆打卡已由同事審核。", "A colleague reviewed this check-in first."));
    raffle_->forget_counts(target->campaign);
    store_.append_audit({0, call.now, actor.user, "raffle-review:" + decision, "", "", "",
                         target->campaign + " check-in " + std::to_string(id) + " at " + target->site + (reason.empty() ? "" : ": " + reason)});
    return staff_raffle_reply(call, 200, say(lang, "已審核。", "Reviewed."));
}

Response Portal::rotate_signboards(const Call& call) {
    if (!raffle_) return Response::json_error(503, "the raffle is not available");
    auto key = raffle_->store().rotate_signboard_key(auth::random_bytes(32));
    if (!key) return Response::json_error(500, key.error());
    store_.append_audit({0, call.now, call.who->account.name, "raffle-rotate-signboards", "", "", "",
                         "signboard key version " + std::to_string(key->version)});
    return Response::json(200, text::to_json_text({{"version", key->version}}));
}

}  // namespace beitai::site
