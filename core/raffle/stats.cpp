#include "raffle/stats.h"

#include <algorithm>
#include <set>
#include <utility>

namespace beitai::raffle {

content::CampaignFigures figures_from(const std::vector<content::County>& counties, const std::vector<Place>& places,
                                      const std::vector<ParticipantHome>& participants,
                                      const std::vector<SiteCheckin>& counted, const text::Date& as_of) {
    content::CampaignFigures f;
    f.as_of = as_of;
    f.source = kPortalFigures;
    for (const auto& c : counties) f.counties.push_back({c.id, 0, 0, 0});
    auto row_of = [&f](const std::string& county) -> content::CountyFigures* {
        for (auto& row : f.counties)
            if (row.county == county) return &row;
        return nullptr;
    };

    // One participation per person and site, however often the store holds it.
    std::set<std::pair<long long, std::string>> visits;
    std::set<long long> active;  // participants with at least one counted check-in
    std::set<std::string> visited_sites;
    for (const auto& c : counted) {
        active.insert(c.participant);
        if (!visits.insert({c.participant, c.site}).second) continue;
        const Place* place = find_place(places, c.site);
        content::CountyFigures* row = place ? row_of(place->county) : nullptr;
        if (!row) continue;
        ++row->participations;
        if (visited_sites.insert(c.site).second) ++row->site_visits;
    }

    std::set<long long> seen;
    long long from_elsewhere = 0;  // home "other" (or no member county): the total only
    for (const auto& p : participants) {
        if (!active.count(p.participant) || !seen.insert(p.participant).second) continue;
        if (content::CountyFigures* row = row_of(p.home_county))
            ++row->participants_home;
        else
            ++from_elsewhere;
    }

    f.total.participants_home = from_elsewhere;
    for (const auto& row : f.counties) {
        f.total.participants_home += row.participants_home;
        f.total.participations += row.participations;
        f.total.site_visits += row.site_visits;
    }
    return f;
}

}  // namespace beitai::raffle
