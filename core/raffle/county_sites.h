// A county's editor chooses which of their county's sites take part in a campaign, and how
// close a reported position must be at each. The other counties' choices stay as they are:
// eight editors share one campaign, and each sees and changes only their own part of it.
//
// The choice is a change of the campaign's rules like any other, so it is possible only
// until check-ins open (raffle/rules.h); the caller checks that and stores the result.
#pragma once

#include <string>
#include <vector>

#include "content/campaign.h"
#include "content/site.h"
#include "raffle/rules.h"
#include "text/result.h"

namespace beitai::raffle {

// The county's sites as the campaign has them, in the campaign's order.
std::vector<content::CampaignSite> county_sites(const content::Campaign& campaign, const std::vector<content::Site>& sites,
                                                const std::string& county);

// A short fingerprint of the county's choice ("a3f0…", 16 hex digits): a form carries the one
// it was drawn from, so that saving over a colleague's newer choice is noticed, not silent.
std::string county_sites_version(const content::Campaign& campaign, const std::vector<content::Site>& sites,
                                 const std::string& county);

// The campaign with the county's sites replaced by `chosen`: the sites it keeps stay where
// they were (with the new radius), the ones it drops go, the new ones follow at the end in
// the site list's order. Refused, naming the site, when a chosen site is unknown, in another
// county, listed twice, or has a radius outside [kMinRadiusMetres, kMaxRadiusMetres].
Result<content::Campaign> with_county_sites(const content::Campaign& campaign, const std::vector<content::Site>& sites,
                                            const std::string& county, const std::vector<content::CampaignSite>& chosen);

}  // namespace beitai::raffle
