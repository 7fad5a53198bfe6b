// The green-tourism raffle's pages: the list of campaigns, a campaign (its rule, my progress,
// the forms to register and check in, its sites as a map and as a list, the draws and the
// statistics), a draw's public record, the page that re-runs a draw in the browser, and the
// staff page (freeze and draw for the admin, the review queue for a county's editor).
//
// Everything works without JavaScript except checking in by position and the verify page's
// re-run, which need the browser (the page says so).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/campaign.h"
#include "content/county.h"
#include "content/site.h"
#include "geo/geojson.h"
#include "raffle/api_json.h"
#include "raffle/checkin.h"
#include "raffle/progress.h"
#include "render/map_scene.h"
#include "render/qr_svg.h"
#include "render/scene.h"
#include "text/lang.h"

namespace beitai::render {

// Where a campaign stands on a day: upcoming, running, ended — or history (run elsewhere).
enum class CampaignPhase { upcoming, running, ended, history };
CampaignPhase campaign_phase(const content::Campaign& campaign, long long now);

// What the pages read; the server's handlers fill it.
struct RaffleData {
    const std::vector<content::County>* counties = nullptr;
    const std::vector<content::Site>* sites = nullptr;
    const std::vector<geo::Feature>* basemap = nullptr;
};

// A message above the forms (a refusal in role=alert, a success in role=status).
struct RaffleNotice {
    std::string text;
    bool error = false;
};

// What a form did, said again on the page it redirects to (Post/Redirect/Get, so that a
// reload or the language switch does not send the form twice): "counted", "held",
// "photo_pending", "recovered", "erased"; `site_name` for the check-ins. "" when unknown.
std::string raffle_notice_text(const std::string& key, const std::string& site_name, text::Lang lang);

// The participant, as far as the page knows them (from their cookie).
struct ParticipantView {
    std::string nickname;
    std::string home_county;
    std::vector<raffle::OwnCheckin> checkins;
    std::string recovery_code;  // only on the page right after registering: shown once
    QrModules recovery_qr;      // the link that continues on another device, with the code
    // The entry ids the participant holds in frozen or drawn draws, by draw id.
    std::vector<std::pair<std::string, std::string>> entries;
};

struct CampaignPageView {
    const content::Campaign* campaign = nullptr;
    std::vector<raffle::DrawRecord> draws;  // stored records (frozen, drawn)
    std::vector<long long> checkins_per_site;  // counted, in campaign_places order
    std::optional<content::CampaignFigures> figures;
    std::optional<ParticipantView> me;
    RaffleNotice notice;
    std::string prefill_site;  // from a signboard's QR link (?site=…&code=…)
    std::string prefill_code;
    std::string prefill_recovery;  // from a recovery QR (?recover=…)
    // What a refused sign-up form held, put back so that nobody types it twice.
    std::string typed_nickname;
    std::string typed_home_county;
    std::string typed_contact;
    long long now = 0;
    text::Lang lang = text::Lang::zh_TW;
};

std::string campaigns_main_html(const RaffleData& data, const std::vector<content::Campaign>& campaigns, long long now,
                                text::Lang lang);

std::string campaign_main_html(const RaffleData& data, const CampaignPageView& view);

// The campaign's sites over the county areas, coloured by what I have done there: counted,
// waiting for review, not yet. The same Scene type as /map, drawn as SVG here.
Scene campaign_scene(const RaffleData& data, const content::Campaign& campaign,
                     const std::vector<raffle::OwnCheckin>& mine, text::Lang lang);

// The statistics table as the seed kept it (a caption says as of when and from where).
std::string figures_table_html(const content::CampaignFigures& figures, const std::vector<content::County>& counties,
                               text::Lang lang);

struct DrawPageView {
    const content::Campaign* campaign = nullptr;
    const content::CampaignDraw* draw = nullptr;
    std::optional<raffle::DrawRecord> record;  // none: still open
    long long entries = 0;                     // how many entries the frozen list holds
    std::string my_entry;                      // the participant's entry id in this draw, if any
    // Beside each winner, in the record's order, their contact masked (09xx-xxx-678), so that a
    // winner recognises themselves; "" once the contact is erased.
    std::vector<std::string> contacts_masked;
    long long now = 0;
    text::Lang lang = text::Lang::zh_TW;
};
std::string draw_main_html(const DrawPageView& view);

// Where to go next: the participating sites nearest to `from` in the counties the participant
// still lacks (all counties for a visitor), each with the car parks that have space near it
// (when the server has live parking data: `parking.parking`).
struct NearbyView {
    const content::Campaign* campaign = nullptr;
    std::vector<raffle::OwnCheckin> mine;
    geo::LatLon from;
    MapData parking;
    text::Lang lang = text::Lang::zh_TW;
};
std::string nearby_main_html(const RaffleData& data, const NearbyView& view);

// The verify page: the inputs (filled in by the script from the published ones, editable so
// that anyone can see a changed input give other winners) and where the result appears.
std::string verify_main_html(const content::Campaign& campaign, const content::CampaignDraw& draw, text::Lang lang);

// The verify page's answer: re-runs the draw on the inputs as given (the entry list's text,
// the seed value) and compares with the published record — the list's SHA-256 first, then
// the winners prize by prize — saying "the same winners" or the first difference.
// `slots` is the number of prizes the campaign's draw has (not read from the record, whose
// last winners could have been dropped).
std::string verify_result_html(std::string_view entries_text, std::string_view seed_value,
                               const raffle::DrawRecord& published, size_t slots, text::Lang lang);

// The staff page of the raffle.
struct StaffRaffleView {
    std::vector<content::Campaign> campaigns;
    std::vector<raffle::DrawRecord> draws;
    bool admin = false;
    std::string county;  // an editor's county: their review queue
    struct Waiting {
        long long id = 0;
        std::string campaign, site, site_name, county, note, proof, state;
        long long at = 0;
    };
    std::vector<Waiting> waiting;
    std::string csrf;
    RaffleNotice notice;
    long long now = 0;
    text::Lang lang = text::Lang::zh_TW;
};
std::string staff_raffle_main_html(const StaffRaffleView& view);

}  // namespace beitai::render
