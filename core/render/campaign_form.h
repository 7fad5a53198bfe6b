// The admin's form for a campaign and its draws: what the JSON API takes (POST
// /api/staff/campaigns), as fields a person fills in. A draw's prizes are written as "each
// county gives n of this prize" — how the seed's campaign was run (four stays from each
// county); prizes that differ by county are kept as they are, or set through the API.
//
// The form is read into a campaign here and checked by the same rules as the API's
// (raffle/rules.h), so a form cannot make a campaign the API would refuse. A refused form
// comes back with everything as typed.
#pragma once

#include <string>
#include <vector>

#include "content/campaign.h"
#include "content/county.h"
#include "content/site.h"
#include "text/lang.h"
#include "text/result.h"

namespace beitai::render {

// Every value as text, as typed.
struct CampaignFormDraw {
    std::string id;
    std::string cutoff;  // the last day of check-ins for this draw, YYYY-MM-DD (its end, 23:59:59 Taiwan time)
    std::string date;    // when it is drawn, YYYY-MM-DDTHH:MM Taiwan time (a datetime-local field)
    std::string seed_source_zh, seed_source_en;
    std::string prize_zh, prize_en;
    std::string per_county;  // "4"; "" on an existing draw keeps its prizes
};

struct CampaignForm {
    std::string id, proposal, name_zh, name_en;
    std::string start, end, contacts_erased_after;  // YYYY-MM-DD
    std::string min_counties;
    bool winners_stay = false;
    std::string first_sites = "none";  // a new campaign: "none" (county editors choose) or "all" sites
    std::vector<CampaignFormDraw> draws;
};

// The draws a form can hold (rows draws-0-… to draws-63-…).
constexpr size_t kMaxFormDraws = 64;

// The form filled in from a campaign, for editing it, with one empty draw to add. A draw's
// prizes show as "each county n" only when they are that: one prize for each of `counties`.
CampaignForm campaign_form_of(const content::Campaign& campaign, const std::vector<content::County>& counties);
// An empty form for a new campaign: the rule of the seed (3 counties), two empty draws (the
// seed's campaign had two).
CampaignForm blank_campaign_form();

// The campaign the form says. `base` is the campaign being edited (its sites, its sample
// flag and any prizes the form leaves as they are) or nullptr for a new one. A value the
// form shows rounded (a cut-off as its day, a time to the minute) and that comes back as
// shown keeps the stored value exactly, so saving an unchanged form changes nothing. Errors name the
// field by its label in `lang` ("第 2 場抽獎的抽獎時間：…"). Drawn draws' rows left blank are
// ignored. The result still has to pass raffle::check_campaign.
Result<content::Campaign> campaign_from_form(const CampaignForm& form, const content::Campaign* base,
                                             const std::vector<content::County>& counties,
                                             const std::vector<content::Site>& sites, text::Lang lang);

struct CampaignFormView {
    CampaignForm form;
    bool editing = false;  // the id is fixed then
    bool frozen = false;   // check-ins have opened: only the names may change, the rest is shown read-only
    std::string note;      // said above the form (not an error)
    std::string csrf;
    std::vector<std::string> problems;  // why the last attempt was refused
    text::Lang lang = text::Lang::zh_TW;
};
std::string campaign_form_main_html(const CampaignFormView& view);

}  // namespace beitai::render
