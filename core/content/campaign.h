// A green-tourism check-in campaign (北臺綠色旅遊合作計畫, proposal 112-40): citizens check in
// at environmental-education sites in at least N of the eight counties within a period and
// enter raffles drawn on set dates for prizes each county gives.
//
// content/campaigns/<id>.json holds one campaign. The 112 campaign is history: it ran on a
// cloud form and was drawn by hand, and its file keeps what the seed states (period, rule,
// draw months, prizes per county, the 112-07-16 figures). Campaigns the portal runs are
// created by the admin and live in the store; the rules (period, sites, N, draws, prizes)
// are frozen once check-ins open (raffle/rules.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "text/date.h"
#include "text/json_reader.h"

namespace beitai::content {

// A prize of one draw: `count` of them, given by `county`'s environmental protection bureau.
// A draw hands out its prizes in the order listed.
struct Prize {
    std::string county;  // TDX id of the giver
    int count = 1;
    std::string name_zh;  // "環保標章旅館住宿券"
    std::string name_en;
};

struct CampaignDraw {
    std::string id;  // unique within the campaign, URL-safe ("2026-12")
    // Check-ins made up to and including the cut-off count for this draw (Unix seconds).
    // Absent only for an external (history) campaign whose days the source does not give.
    std::optional<long long> cutoff;
    std::optional<long long> date;  // when the draw is held
    std::string month;              // "2023-09": what an external campaign's source states instead
    // The public random value named in advance, e.g. "台灣彩券威力彩 2026-12-17 開獎號碼".
    std::string seed_source_zh;
    std::string seed_source_en;
    std::vector<Prize> prizes;
};

// A participating site and how close a reported position must be to count.
struct CampaignSite {
    std::string site;  // id in maps/sites.json
    double radius_m = 100;
};

// One row of the statistics table the seed kept (112-40's progress): by county, the
// participants whose home is there, participations (人次) and site visits there.
struct CountyFigures {
    std::string county;  // TDX id; "" for the total row
    long long participants_home = 0;
    long long participations = 0;
    long long site_visits = 0;
};

struct CampaignFigures {
    text::Date as_of;
    std::string source;  // where the figures come from, as written
    std::vector<CountyFigures> counties;
    CountyFigures total;  // as the source states it; must equal the sum of the rows
};

struct Campaign {
    std::string id;        // URL-safe: "112", "2026-demo"
    std::string proposal;  // the cooperation item it carries out: "112-40"
    std::string name_zh;
    std::string name_en;
    text::Date start;  // first and last day of check-ins, Taiwan dates, inclusive
    text::Date end;
    int min_counties = 3;       // sites in at least this many distinct counties
    bool winners_stay = false;  // an earlier draw's winner stays in the later draws
    // Contacts are kept for the prizes until this day, then erased (個人資料保護法).
    text::Date contacts_erased_after;
    std::vector<CampaignSite> sites;
    int sites_stated = 0;  // for history: how many sites the source says took part (102)
    std::vector<CampaignDraw> draws;
    std::optional<CampaignFigures> figures;  // recorded statistics (the 112 campaign's table)
    bool external = false;  // run outside the portal: history only, no check-ins here
    bool sample = false;    // 示範資料
    std::string note;
};

Campaign read_campaign(const text::Json& root, text::Diagnostics& diagnostics);
text::Json to_json(const Campaign& campaign);

const CampaignDraw* find_draw(const Campaign& campaign, const std::string& draw_id);

}  // namespace beitai::content
