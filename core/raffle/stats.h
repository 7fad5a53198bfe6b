// The statistics table as the seed kept it (112-40's progress, 112-07-16), by county:
// participants by home county, participations (人次) and site visits. For the 112 campaign
// it is the seed's own figures; for a campaign the portal runs it is counted from the data:
//   participants_home  registered participants with at least one counted check-in, by home
//   participations     counted check-ins at the county's sites (one per person and site)
//   site_visits        the county's sites with at least one counted check-in
// A participant whose home is "other" (outside the eight) counts in the total's
// participants_home but in no row, so that column's total may exceed the rows' sum; the
// other two columns' totals are the sums.
#pragma once

#include <string>
#include <vector>

#include "content/campaign.h"
#include "content/county.h"
#include "raffle/checkin.h"

namespace beitai::raffle {

struct ParticipantHome {
    long long participant = 0;
    std::string home_county;
};
struct SiteCheckin {
    long long participant = 0;
    std::string site;
};

// The `source` of figures this portal counts itself (not taken from a document).
constexpr const char* kPortalFigures = "portal";

// Rows in the counties' order, every county present (zeros included), and the total.
content::CampaignFigures figures_from(const std::vector<content::County>& counties, const std::vector<Place>& places,
                                      const std::vector<ParticipantHome>& participants,
                                      const std::vector<SiteCheckin>& counted, const text::Date& as_of);

}  // namespace beitai::raffle
