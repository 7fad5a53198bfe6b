#include "raffle/checkin.h"

#include <cmath>
#include <cstdlib>
#include <limits>

#include "geo/geometry.h"

namespace beitai::raffle {

namespace {

// Below this distance two check-ins at the same second are not a journey (the same place,
// or sites side by side), so no speed is computed.
constexpr double kSameMomentMetres = 1000;

CheckinVerdict refused(const CheckinClaim& claim, CheckinReason reason) {
    CheckinVerdict v;
    v.accepted = false;
    v.reason = reason;
    v.site = claim.site;
    return v;
}

CheckinReason code_reason(CodeVerdict verdict) {
    switch (verdict) {
        case CodeVerdict::valid: return CheckinReason::none;
        case CodeVerdict::malformed: return CheckinReason::code_malformed;
        case CodeVerdict::unknown_key:
        case CodeVerdict::forged: return CheckinReason::code_forged;
        case CodeVerdict::retired_key: return CheckinReason::code_retired;
        case CodeVerdict::other_site: return CheckinReason::code_other_site;
    }
    return CheckinReason::code_forged;
}

// How a message names a site: 「name」 in Chinese, “name” in English — by its id only when
// the campaign does not know it (an id means nothing to the person at the signboard).
std::string site_label(const std::vector<Place>& places, const std::string& site, bool zh) {
    const Place* place = find_place(places, site);
    const std::string& name = place && !place->name.empty() ? place->name : site;
    return zh ? "「" + name + "」" : "“" + name + "”";
}

std::string whole(double value) {
    if (!std::isfinite(value)) return "?";
    return std::to_string(std::llround(value));
}

}  // namespace

std::vector<Place> campaign_places(const content::Campaign& campaign, const std::vector<content::Site>& sites) {
    std::vector<Place> places;
    for (const auto& cs : campaign.sites)
        for (const auto& s : sites)
            if (s.id == cs.site) {
                // A site without a position cannot be a place (check_campaign refuses it).
                if (s.at) places.push_back({s.id, s.name, s.county, *s.at, cs.radius_m});
                break;
            }
    return places;
}

const Place* find_place(const std::vector<Place>& places, const std::string& site) {
    for (const auto& p : places)
        if (p.site == site) return &p;
    return nullptr;
}

CheckinVerdict judge_checkin(const content::Campaign& campaign, const std::vector<Place>& places,
                             const std::vector<SignboardKey>& keys, const std::vector<OwnCheckin>& mine,
                             const CheckinClaim& claim, const CheckinRules& rules) {
    const Place* place = find_place(places, claim.site);
    if (!place) return refused(claim, CheckinReason::unknown_site);

    const text::Date today = text::date_in_taipei(claim.at);
    if (today < campaign.start) return refused(claim, CheckinReason::before_period);
    if (campaign.end < today) return refused(claim, CheckinReason::after_period);

    // Once per site, whatever became of the first (a refused one was reviewed already).
    for (const auto& own : mine)
        if (own.site == claim.site) return refused(claim, CheckinReason::already_checked_in);

    CheckinVerdict verdict;
    verdict.accepted = true;
    verdict.site = claim.site;
    verdict.state = CheckinState::counted;
    switch (claim.proof) {
        case Proof::code: {
            const CheckinReason reason = code_reason(check_signboard_code(keys, campaign, claim.site, claim.code));
            if (reason != CheckinReason::none) return refused(claim, reason);
            break;
        }
        case Proof::position: {
            if (!claim.position) return refused(claim, CheckinReason::position_missing);
            if (!geo::is_valid(*claim.position) || !std::isfinite(claim.accuracy_m) || claim.accuracy_m < 0)
                return refused(claim, CheckinReason::position_invalid);
            if (claim.accuracy_m > rules.max_accuracy_m) {
                CheckinVerdict v = refused(claim, CheckinReason::accuracy_too_coarse);
                v.accuracy_m = claim.accuracy_m;
                return v;
            }
            // The device is likely within its accuracy of where it says: give it that much.
            const double distance = geo::distance_m(place->at, *claim.position);
            if (distance - claim.accuracy_m > place->radius_m) {
                CheckinVerdict v = refused(claim, CheckinReason::outside_radius);
                v.distance_m = distance;
                return v;
            }
            break;
        }
        case Proof::photo: verdict.state = CheckinState::photo_pending; break;
    }

    // Plausibility: the fastest implied journey from any of the participant's standing check-ins.
    for (const auto& own : mine) {
        if (own.state == CheckinState::refused) continue;
        const Place* from = find_place(places, own.site);
        if (!from) continue;
        const double metres = geo::distance_m(from->at, place->at);
        const long long seconds = std::llabs(claim.at - own.at);
        double speed = 0;
        if (seconds == 0)
            speed = metres > kSameMomentMetres ? std::numeric_limits<double>::infinity() : 0;
        else
            speed = (metres / 1000) / (static_cast<double>(seconds) / 3600);
        if (speed > rules.max_speed_kmh && speed > verdict.speed_kmh) {
            verdict.reason = CheckinReason::too_fast;
            verdict.speed_kmh = speed;
            verdict.from_site = own.site;
        }
    }
    // A photo waits for review anyway; the reason stays so that the reviewer sees it.
    if (verdict.reason == CheckinReason::too_fast && verdict.state == CheckinState::counted)
        verdict.state = CheckinState::held;
    return verdict;
}

std::string checkin_message(const CheckinVerdict& verdict, const std::vector<Place>& places, text::Lang lang) {
    const bool zh = lang == text::Lang::zh_TW;
    const std::string site = site_label(places, verdict.site, zh);
    const std::string from_site = site_label(places, verdict.from_site, zh);
    const Place* place = find_place(places, verdict.site);
    const std::string radius = place ? whole(place->radius_m) : "?";
    switch (verdict.reason) {
        case CheckinReason::none:
            if (verdict.state == CheckinState::photo_pending)
                return zh ? "照片已送出，" + site + "的打卡待縣市審核後計入。"
                          : "Your photo was sent; the check-in at " + site +
                                " counts once the county has reviewed it.";
            return zh ? "已在" + site + "打卡成功。" : "Checked in at " + site + ".";
        case CheckinReason::before_period:
            return zh ? "活動尚未開始，目前還不能打卡。" : "The campaign has not started yet; check-ins open on its first day.";
        case CheckinReason::after_period:
            return zh ? "活動已經結束，不再受理打卡。" : "The campaign has ended; check-ins are no longer taken.";
        case CheckinReason::unknown_site:
            return zh ? site + "不是本活動的參加場所。" : "The site " + site + " does not take part in this campaign.";
        case CheckinReason::already_checked_in:
            return zh ? "您已在" + site + "打過卡，每個場所只計一次。"
                      : "You have already checked in at " + site + "; each site counts once.";
        case CheckinReason::code_malformed:
            return zh ? "代碼格式不正確，請對照立牌重新輸入（例如 2-K7QM3X9D2H4T8RWA）。"
                      : "That code is not in the right form; please type it again from the signboard "
                        "(like 2-K7QM3X9D2H4T8RWA).";
        case CheckinReason::code_forged:
            return zh ? "這個代碼不是本活動立牌上的代碼。" : "That code is not on any signboard of this campaign.";
        case CheckinReason::code_other_site:
            return zh ? "這是本活動另一個場所的代碼，不是" + site + "的代碼。"
                      : "That code belongs to another site of this campaign, not to " + site + ".";
        case CheckinReason::code_retired:
            return zh ? site + "的立牌已經更新，請改用現場新立牌上的代碼。"
                      : "The signboard at " + site + " has been replaced; please use the code on the new sign.";
        case CheckinReason::position_missing:
            return zh ? "沒有收到您的位置，請允許定位後再試一次，或改用立牌代碼。"
                      : "No position was received; please allow location access and try again, or use the "
                        "signboard's code.";
        case CheckinReason::position_invalid:
            return zh ? "收到的位置無效，請重新定位後再試一次。"
                      : "The position received is not valid; please locate again and retry.";
        case CheckinReason::accuracy_too_coarse:
            return zh ? "定位誤差約 " + whole(verdict.accuracy_m) + " 公尺，太大而無法確認您在" + site + "的 " +
                            radius + " 公尺範圍內；請到戶外重新定位，或改用立牌代碼。"
                      : "Your position is only accurate to about " + whole(verdict.accuracy_m) +
                            " m, too coarse to show that you are within " + radius + " m of " + site +
                            "; please try again outdoors or use the signboard's code.";
        case CheckinReason::outside_radius:
            return zh ? "這個位置距離" + site + whole(verdict.distance_m) + " 公尺，超出 " + radius +
                            " 公尺的打卡範圍。"
                      : "This position is " + whole(verdict.distance_m) + " m from " + site +
                            ", outside its check-in radius of " + radius + " m.";
        case CheckinReason::too_fast:
            if (!std::isfinite(verdict.speed_kmh))
                return zh ? "這次打卡與您在" + from_site + "的打卡發生在同一時間，已暫時保留，待縣市審核後計入。"
                          : "This check-in came at the same moment as your check-in at " + from_site +
                                "; it is held until the county has reviewed it.";
            return zh ? "從您在" + from_site + "的上一次打卡到" + site + "，換算時速約 " +
                            whole(verdict.speed_kmh) + " 公里，已暫時保留，待縣市審核後計入。"
                      : "Coming from your check-in at " + from_site + " to " + site +
                            " would mean travelling at about " + whole(verdict.speed_kmh) +
                            " km/h; the check-in is held until the county has reviewed it.";
    }
    return "";
}

const char* reason_name(CheckinReason reason) {
    switch (reason) {
        case CheckinReason::none: return "none";
        case CheckinReason::before_period: return "before_period";
        case CheckinReason::after_period: return "after_period";
        case CheckinReason::unknown_site: return "unknown_site";
        case CheckinReason::already_checked_in: return "already_checked_in";
        case CheckinReason::code_malformed: return "code_malformed";
        case CheckinReason::code_forged: return "code_forged";
        case CheckinReason::code_other_site: return "code_other_site";
        case CheckinReason::code_retired: return "code_retired";
        case CheckinReason::position_missing: return "position_missing";
        case CheckinReason::position_invalid: return "position_invalid";
        case CheckinReason::accuracy_too_coarse: return "accuracy_too_coarse";
        case CheckinReason::outside_radius: return "outside_radius";
        case CheckinReason::too_fast: return "too_fast";
    }
    return "none";
}

const char* state_name(CheckinState state) {
    switch (state) {
        case CheckinState::counted: return "counted";
        case CheckinState::held: return "held";
        case CheckinState::photo_pending: return "photo_pending";
        case CheckinState::refused: return "refused";
    }
    return "counted";
}

std::optional<CheckinState> parse_state(std::string_view name) {
    for (CheckinState s : {CheckinState::counted, CheckinState::held, CheckinState::photo_pending, CheckinState::refused})
        if (name == state_name(s)) return s;
    return std::nullopt;
}

}  // namespace beitai::raffle
