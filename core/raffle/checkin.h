// Judging one check-in: inside the period, at a participating site, once per participant
// per site, proven by the signboard's code or by a position close enough (its accuracy
// taken into account) — or by a photo, which waits for the county editor's review. A
// check-in that would mean travelling implausibly fast from the participant's previous one
// is held for review rather than counted or silently dropped.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/campaign.h"
#include "content/site.h"
#include "geo/latlon.h"
#include "raffle/signboard.h"
#include "text/lang.h"

namespace beitai::raffle {

// A participating site with what judging needs: where it is, its county, its radius.
struct Place {
    std::string site;
    std::string name;  // as people know it, for the messages ("" : the id is said instead)
    std::string county;
    geo::LatLon at;
    double radius_m = 100;
};

// The campaign's places, in the campaign's order; sites the list lacks, or that have no
// position, are left out.
std::vector<Place> campaign_places(const content::Campaign& campaign, const std::vector<content::Site>& sites);
const Place* find_place(const std::vector<Place>& places, const std::string& site);

enum class Proof { code, position, photo };

struct CheckinClaim {
    std::string site;
    Proof proof = Proof::code;
    std::string code;                    // Proof::code
    std::optional<geo::LatLon> position;  // Proof::position
    double accuracy_m = 0;               // Proof::position: the device's own estimate (metres, 68 %)
    long long at = 0;                    // Unix seconds, the server's time of the request
};

// What becomes of a check-in. Only `counted` ones count toward the rule and the draws.
enum class CheckinState {
    counted,
    held,           // plausibility: waits for the county editor
    photo_pending,  // a photo: waits for the county editor
    refused,        // by the editor after review (never stored for a refusal by the rules)
};

// A check-in the participant already has, as stored.
struct OwnCheckin {
    std::string site;
    long long at = 0;
    CheckinState state = CheckinState::counted;
};

struct CheckinRules {
    double max_accuracy_m = 150;  // a coarser position proves nothing about a 100 m radius
    double max_speed_kmh = 160;   // faster than the high-speed rail between sites is held
};

// Why a check-in is refused or held. The message functions below say it to a person.
enum class CheckinReason {
    none,
    before_period,
    after_period,
    unknown_site,
    already_checked_in,
    code_malformed,
    code_forged,
    code_other_site,
    code_retired,
    position_missing,
    position_invalid,
    accuracy_too_coarse,
    outside_radius,
    too_fast,  // held, not refused
};

struct CheckinVerdict {
    bool accepted = false;  // stored, in `state`; otherwise refused and nothing is stored
    CheckinState state = CheckinState::counted;
    CheckinReason reason = CheckinReason::none;
    std::string site;        // the claim's site, so that the message can name it and its radius
    double accuracy_m = 0;   // accuracy_too_coarse: the accuracy the device reported
    double distance_m = 0;   // outside_radius: how far the position was from the site
    double speed_kmh = 0;    // too_fast: the implied speed
    std::string from_site;   // too_fast: the previous check-in's site
};

CheckinVerdict judge_checkin(const content::Campaign& campaign, const std::vector<Place>& places,
                             const std::vector<SignboardKey>& keys, const std::vector<OwnCheckin>& mine,
                             const CheckinClaim& claim, const CheckinRules& rules = {});

// A sentence for the participant, in their language, naming what was wrong
// ("這個位置距離場所 850 公尺，超出 100 公尺的打卡範圍").
std::string checkin_message(const CheckinVerdict& verdict, const std::vector<Place>& places, text::Lang lang);
// "outside_radius", … : the stable name the API and the audit log use.
const char* reason_name(CheckinReason reason);
const char* state_name(CheckinState state);  // "counted", "held", "photo_pending", "refused"
std::optional<CheckinState> parse_state(std::string_view name);

}  // namespace beitai::raffle
