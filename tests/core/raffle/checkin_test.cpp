// raffle/checkin: judging a check-in in its order (site, period, once per site, proof,
// plausibility), and the sentence that tells the participant why, in both languages.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "fixture.h"
#include "raffle/checkin.h"

using namespace beitai;
using namespace beitai::raffle;
using fixture::at;

namespace {

const std::vector<SignboardKey> kKeys = {fixture::key(1, true), fixture::key(2)};

CheckinClaim by_code(const char* site, long long when) {
    CheckinClaim c;
    c.site = site;
    c.proof = Proof::code;
    c.code = signboard_code(fixture::key(2), "2026-demo", site);
    c.at = when;
    return c;
}

CheckinClaim by_position(const char* site, geo::LatLon where, double accuracy, long long when) {
    CheckinClaim c;
    c.site = site;
    c.proof = Proof::position;
    c.position = where;
    c.accuracy_m = accuracy;
    c.at = when;
    return c;
}

CheckinVerdict judge(const CheckinClaim& claim, const std::vector<OwnCheckin>& mine = {}) {
    return judge_checkin(fixture::campaign(), fixture::places(), kKeys, mine, claim);
}

}  // namespace

TEST_CASE("campaign_places keeps the campaign's order and radius and leaves out unknown sites") {
    auto campaign = fixture::campaign();
    campaign.sites.push_back({"site-gone", 100});
    const auto places = campaign_places(campaign, fixture::sites());
    REQUIRE(places.size() == 5);
    CHECK(places[0].site == "site-tp");
    CHECK(places[3].site == "site-yl");
    CHECK(places[3].county == "YilanCounty");
    CHECK(places[3].radius_m == 250);
    CHECK(places[3].name == "示範場所 site-yl");
    CHECK(places[2].at.lat == 25.1280);
    CHECK(find_place(places, "site-kl") == &places[2]);
    CHECK(find_place(places, "site-off") == nullptr);
}

TEST_CASE("a good code inside the period is counted") {
    const auto v = judge(by_code("site-tp", at("2026-10-05T10:00:00+08:00")));
    CHECK(v.accepted);
    CHECK(v.state == CheckinState::counted);
    CHECK(v.reason == CheckinReason::none);
    CHECK(v.site == "site-tp");
}

TEST_CASE("the period is judged by the Taiwan date, both ends inclusive") {
    CHECK(judge(by_code("site-tp", at("2026-10-01T00:00:00+08:00"))).accepted);
    CHECK(judge(by_code("site-tp", at("2026-09-30T23:59:59+08:00"))).reason == CheckinReason::before_period);
    // 16:30 UTC on the 15th is already the 16th in Taiwan.
    CHECK(judge(by_code("site-tp", at("2026-12-15T15:59:59Z"))).accepted);
    CHECK(judge(by_code("site-tp", at("2026-12-15T16:30:00Z"))).reason == CheckinReason::after_period);
}

TEST_CASE("the order of judging: unknown site, then period, then once per site, then proof") {
    CheckinClaim claim = by_code("site-off", at("2026-09-01T10:00:00+08:00"));
    CHECK(judge(claim).reason == CheckinReason::unknown_site);
    claim.site = "site-tp";
    claim.code = "nonsense";
    CHECK(judge(claim).reason == CheckinReason::before_period);
    claim.at = at("2026-10-05T10:00:00+08:00");
    const std::vector<OwnCheckin> refused_before = {{"site-tp", at("2026-10-02T10:00:00+08:00"), CheckinState::refused}};
    CHECK(judge(claim, refused_before).reason == CheckinReason::already_checked_in);
    CHECK(judge(claim).reason == CheckinReason::code_malformed);
    const auto v = judge(claim);
    CHECK_FALSE(v.accepted);
}

TEST_CASE("each code verdict has its reason") {
    const long long when = at("2026-10-05T10:00:00+08:00");
    CheckinClaim claim = by_code("site-tp", when);
    claim.code = signboard_code(fixture::key(2), "2026-demo", "site-kl");
    CHECK(judge(claim).reason == CheckinReason::code_other_site);
    claim.code = signboard_code(fixture::key(1), "2026-demo", "site-tp");
    CHECK(judge(claim).reason == CheckinReason::code_retired);
    claim.code = signboard_code(fixture::key(2), "2025-demo", "site-tp");
    CHECK(judge(claim).reason == CheckinReason::code_forged);
    claim.code = signboard_code(fixture::key(7), "2026-demo", "site-tp");
    CHECK(judge(claim).reason == CheckinReason::code_forged);  // no key 7
}

TEST_CASE("a position counts when the site is within the radius plus the reported accuracy") {
    const long long when = at("2026-10-05T10:00:00+08:00");
    const geo::LatLon two_hundred_m_north = {25.0348, 121.5654};  // 200 m from site-tp
    CHECK(judge(by_position("site-tp", {25.0330, 121.5654}, 10, when)).state == CheckinState::counted);
    CHECK(judge(by_position("site-tp", two_hundred_m_north, 120, when)).accepted);  // 200 − 120 ≤ 100
    const auto outside = judge(by_position("site-tp", two_hundred_m_north, 50, when));
    CHECK(outside.reason == CheckinReason::outside_radius);
    CHECK(std::lround(outside.distance_m) == 200);
    // site-yl has a 250 m radius.
    CHECK(judge(by_position("site-yl", {24.7588, 121.7530}, 10, when)).accepted);

    const auto coarse = judge(by_position("site-tp", {25.0330, 121.5654}, 151, when));
    CHECK(coarse.reason == CheckinReason::accuracy_too_coarse);
    CHECK(coarse.accuracy_m == 151);
    CHECK(judge(by_position("site-tp", {25.0330, 121.5654}, 150, when)).accepted);
}

TEST_CASE("a missing or impossible position is refused as such") {
    const long long when = at("2026-10-05T10:00:00+08:00");
    CheckinClaim none = by_position("site-tp", {0, 0}, 10, when);
    none.position.reset();
    CHECK(judge(none).reason == CheckinReason::position_missing);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK(judge(by_position("site-tp", {nan, 121.5}, 10, when)).reason == CheckinReason::position_invalid);
    CHECK(judge(by_position("site-tp", {91, 121.5}, 10, when)).reason == CheckinReason::position_invalid);
    CHECK(judge(by_position("site-tp", {25.0330, 121.5654}, -1, when)).reason == CheckinReason::position_invalid);
    CHECK(judge(by_position("site-tp", {25.0330, 121.5654}, nan, when)).reason == CheckinReason::position_invalid);
    CHECK(judge(by_position("site-tp", {25.0330, 121.5654}, std::numeric_limits<double>::infinity(), when)).reason ==
          CheckinReason::position_invalid);
}

TEST_CASE("a photo waits for review") {
    CheckinClaim photo;
    photo.site = "site-kl";
    photo.proof = Proof::photo;
    photo.at = at("2026-10-05T10:00:00+08:00");
    const auto v = judge(photo);
    CHECK(v.accepted);
    CHECK(v.state == CheckinState::photo_pending);
    CHECK(v.reason == CheckinReason::none);
}

TEST_CASE("an implausibly fast journey from an earlier check-in is held, naming where from and how fast") {
    // site-tp to site-yl is 36.05 km.
    const std::vector<OwnCheckin> mine = {{"site-tp", at("2026-10-05T10:00:00+08:00"), CheckinState::counted}};
    const auto fast = judge(by_code("site-yl", at("2026-10-05T10:10:00+08:00")), mine);
    CHECK(fast.accepted);
    CHECK(fast.state == CheckinState::held);
    CHECK(fast.reason == CheckinReason::too_fast);
    CHECK(fast.from_site == "site-tp");
    CHECK(std::lround(fast.speed_kmh) == 216);
    // A quarter of an hour is 144 km/h: under the limit.
    CHECK(judge(by_code("site-yl", at("2026-10-05T10:15:00+08:00")), mine).state == CheckinState::counted);
    // Earlier in time counts too: a check-in stored with a later time.
    CHECK(judge(by_code("site-yl", at("2026-10-05T09:50:00+08:00")), mine).reason == CheckinReason::too_fast);
    // A refused check-in is no evidence of where someone was.
    const std::vector<OwnCheckin> refused = {{"site-tp", at("2026-10-05T10:00:00+08:00"), CheckinState::refused}};
    CHECK(judge(by_code("site-yl", at("2026-10-05T10:01:00+08:00")), refused).state == CheckinState::counted);
    // The same second, 36 km apart: infinitely fast.
    const auto same = judge(by_code("site-yl", at("2026-10-05T10:00:00+08:00")), mine);
    CHECK(same.reason == CheckinReason::too_fast);
    CHECK(std::isinf(same.speed_kmh));
    // A lower limit of the rules applies.
    CheckinRules strict;
    strict.max_speed_kmh = 100;
    CHECK(judge_checkin(fixture::campaign(), fixture::places(), kKeys, mine,
                        by_code("site-yl", at("2026-10-05T10:15:00+08:00")), strict)
              .state == CheckinState::held);
}

TEST_CASE("the fastest journey is the one named, and a fast photo stays photo_pending") {
    const std::vector<OwnCheckin> mine = {{"site-ntp", at("2026-10-05T09:00:00+08:00"), CheckinState::counted},
                                          {"site-kl", at("2026-10-05T10:00:00+08:00"), CheckinState::held}};
    // To site-yl at 10:05: from site-kl 41.3 km in 5 min (495 km/h), from site-ntp far slower.
    const auto v = judge(by_code("site-yl", at("2026-10-05T10:05:00+08:00")), mine);
    CHECK(v.from_site == "site-kl");
    CHECK(v.speed_kmh > 480);
    CheckinClaim photo;
    photo.site = "site-yl";
    photo.proof = Proof::photo;
    photo.at = at("2026-10-05T10:05:00+08:00");
    const auto p = judge(photo, mine);
    CHECK(p.state == CheckinState::photo_pending);
    CHECK(p.reason == CheckinReason::too_fast);
}

TEST_CASE("messages name the site by its name and the figures, in Traditional Chinese and in English") {
    const auto places = fixture::places();
    CheckinVerdict outside;
    outside.reason = CheckinReason::outside_radius;
    outside.site = "site-tp";
    outside.distance_m = 849.6;
    CHECK(checkin_message(outside, places, text::Lang::zh_TW) == "這個位置距離「示範場所 site-tp」850 公尺，超出 100 公尺的打卡範圍。");
    CHECK(checkin_message(outside, places, text::Lang::en) ==
          "This position is 850 m from “示範場所 site-tp”, outside its check-in radius of 100 m.");

    CheckinVerdict coarse;
    coarse.reason = CheckinReason::accuracy_too_coarse;
    coarse.site = "site-yl";
    coarse.accuracy_m = 400.2;
    CHECK(checkin_message(coarse, places, text::Lang::zh_TW).find("定位誤差約 400 公尺") != std::string::npos);
    CHECK(checkin_message(coarse, places, text::Lang::zh_TW).find("「示範場所 site-yl」的 250 公尺範圍內") != std::string::npos);
    CHECK(checkin_message(coarse, places, text::Lang::en).find("about 400 m") != std::string::npos);

    CheckinVerdict fast;
    fast.accepted = true;
    fast.state = CheckinState::held;
    fast.reason = CheckinReason::too_fast;
    fast.site = "site-yl";
    fast.from_site = "site-tp";
    fast.speed_kmh = 216.3;
    CHECK(checkin_message(fast, places, text::Lang::zh_TW) ==
          "從您在「示範場所 site-tp」的上一次打卡到「示範場所 site-yl」，換算時速約 216 公里，已暫時保留，待縣市審核後計入。");
    CHECK(checkin_message(fast, places, text::Lang::en).find("about 216 km/h") != std::string::npos);
    fast.speed_kmh = std::numeric_limits<double>::infinity();
    CHECK(checkin_message(fast, places, text::Lang::en).find("same moment") != std::string::npos);

    CheckinVerdict ok;
    ok.accepted = true;
    ok.site = "site-kl";
    CHECK(checkin_message(ok, places, text::Lang::zh_TW) == "已在「示範場所 site-kl」打卡成功。");
    CHECK(checkin_message(ok, places, text::Lang::en) == "Checked in at “示範場所 site-kl”.");
    // A site the campaign does not know can only be named by what was sent.
    CheckinVerdict unknown;
    unknown.reason = CheckinReason::unknown_site;
    unknown.site = "site-off";
    CHECK(checkin_message(unknown, places, text::Lang::zh_TW) == "「site-off」不是本活動的參加場所。");
    ok.state = CheckinState::photo_pending;
    CHECK(checkin_message(ok, places, text::Lang::en).find("once the county has reviewed it") != std::string::npos);

    // Every reason has its own non-empty sentence in each language.
    std::vector<std::string> seen_zh, seen_en;
    for (int r = 0; r <= static_cast<int>(CheckinReason::too_fast); ++r) {
        CheckinVerdict v;
        v.reason = static_cast<CheckinReason>(r);
        v.site = "site-tp";
        v.from_site = "site-kl";
        v.speed_kmh = 300;
        const std::string zh = checkin_message(v, places, text::Lang::zh_TW);
        const std::string en = checkin_message(v, places, text::Lang::en);
        CHECK_FALSE(zh.empty());
        CHECK(zh != en);
        CHECK(std::find(seen_zh.begin(), seen_zh.end(), zh) == seen_zh.end());
        CHECK(std::find(seen_en.begin(), seen_en.end(), en) == seen_en.end());
        seen_zh.push_back(zh);
        seen_en.push_back(en);
    }
}

TEST_CASE("reason and state names are the enum's identifiers, and states parse back") {
    CHECK(std::string(reason_name(CheckinReason::outside_radius)) == "outside_radius");
    CHECK(std::string(reason_name(CheckinReason::code_other_site)) == "code_other_site");
    CHECK(std::string(reason_name(CheckinReason::accuracy_too_coarse)) == "accuracy_too_coarse");
    CHECK(std::string(reason_name(CheckinReason::none)) == "none");
    for (CheckinState s : {CheckinState::counted, CheckinState::held, CheckinState::photo_pending, CheckinState::refused})
        CHECK(parse_state(state_name(s)) == s);
    CHECK(std::string(state_name(CheckinState::photo_pending)) == "photo_pending");
    CHECK_FALSE(parse_state("Counted").has_value());
    CHECK_FALSE(parse_state("").has_value());
}
