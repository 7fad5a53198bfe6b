// Made-up data for the raffle's tests: five sites in five counties, a campaign over them and
// a signboard key. Positions are real places' rough coordinates; names and people are invented.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "content/campaign.h"
#include "content/county.h"
#include "content/site.h"
#include "raffle/checkin.h"
#include "raffle/signboard.h"
#include "text/date.h"

namespace beitai::raffle::fixture {

// Unix seconds of an ISO time; fails the test when it does not parse.
inline long long at(const char* iso) {
    auto t = text::parse_iso_datetime(iso);
    REQUIRE_MESSAGE(t.has_value(), iso);
    return *t;
}

inline std::vector<content::County> counties() {
    std::vector<content::County> out;
    for (const char* id : {"YilanCounty", "Keelung", "Taipei", "NewTaipei", "Taoyuan", "HsinchuCounty", "Hsinchu",
                           "MiaoliCounty"})
        out.push_back({id, std::string("示範") + id, id, {25.0, 121.5}});
    return out;
}

inline content::Site site(const char* id, const char* county, double lat, double lon) {
    content::Site s;
    s.id = id;
    s.name = std::string("示範場所 ") + id;
    s.county = county;
    s.address = "示範地址";
    s.at = {lat, lon};
    s.green_tourism = true;
    s.sample = true;
    return s;
}

inline std::vector<content::Site> sites() {
    return {site("site-tp", "Taipei", 25.0330, 121.5654), site("site-ntp", "NewTaipei", 25.0120, 121.4650),
            site("site-kl", "Keelung", 25.1280, 121.7410), site("site-yl", "YilanCounty", 24.7570, 121.7530),
            site("site-hc", "Hsinchu", 24.8040, 120.9710), site("site-off", "Taoyuan", 24.99, 121.30)};
}

// 2026-10-01 to 2026-12-15, three counties, two draws; site-off is in the catalog but not in
// the campaign.
inline content::Campaign campaign() {
    content::Campaign c;
    c.id = "2026-demo";
    c.proposal = "112-40";
    c.name_zh = "示範打卡";
    c.name_en = "Sample check-in";
    c.start = {2026, 10, 1};
    c.end = {2026, 12, 15};
    c.min_counties = 3;
    c.contacts_erased_after = {2027, 3, 31};
    c.sites = {{"site-tp", 100}, {"site-ntp", 100}, {"site-kl", 100}, {"site-yl", 250}, {"site-hc", 100}};
    content::CampaignDraw d1;
    d1.id = "2026-11";
    d1.cutoff = at("2026-11-15T23:59:59+08:00");
    d1.date = at("2026-11-20T10:00:00+08:00");
    d1.seed_source_zh = "示範彩券 2026-11-19 開獎號碼";
    d1.seed_source_en = "sample lottery numbers of 2026-11-19";
    d1.prizes = {{"Taipei", 2, "住宿券", "Hotel voucher"}, {"Keelung", 1, "餐券", "Meal voucher"}};
    content::CampaignDraw d2 = d1;
    d2.id = "2026-12";
    d2.cutoff = at("2026-12-15T23:59:59+08:00");
    d2.date = at("2026-12-20T10:00:00+08:00");
    d2.prizes = {{"YilanCounty", 1, "溫泉券", "Hot-spring voucher"}};
    c.draws = {d1, d2};
    c.sample = true;
    return c;
}

inline std::vector<Place> places() { return campaign_places(campaign(), sites()); }

inline SignboardKey key(int version, bool retired = false) {
    return {version, "made-up signboard key of 32+ bytes, v" + std::to_string(version), retired};
}

}  // namespace beitai::raffle::fixture
