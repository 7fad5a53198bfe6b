#include "raffle/county_sites.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "text/sha256.h"

namespace beitai::raffle {

namespace {

bool in_county(const std::vector<content::Site>& sites, const std::string& id, const std::string& county) {
    const content::Site* s = content::find_site(sites, id);
    return s && s->county == county;
}

}  // namespace

std::vector<content::CampaignSite> county_sites(const content::Campaign& campaign, const std::vector<content::Site>& sites,
                                                const std::string& county) {
    std::vector<content::CampaignSite> out;
    for (const auto& cs : campaign.sites)
        if (in_county(sites, cs.site, county)) out.push_back(cs);
    return out;
}

std::string county_sites_version(const content::Campaign& campaign, const std::vector<content::Site>& sites,
                                 const std::string& county) {
    std::string text = campaign.id + "\n" + county + "\n";
    for (const auto& cs : county_sites(campaign, sites, county)) {
        char radius[32];
        std::snprintf(radius, sizeof radius, "%.3f", cs.radius_m);
        text += cs.site + "\t" + radius + "\n";
    }
    return text::to_hex(text::sha256(text)).substr(0, 16);
}

Result<content::Campaign> with_county_sites(const content::Campaign& campaign, const std::vector<content::Site>& sites,
                                            const std::string& county, const std::vector<content::CampaignSite>& chosen) {
    std::set<std::string> seen;
    for (const auto& c : chosen) {
        const content::Site* s = content::find_site(sites, c.site);
        if (!s) return Error{c.site + ": no such site"};
        if (s->county != county) return Error{c.site + ": " + s->name + " is in another county"};
        if (!seen.insert(c.site).second) return Error{c.site + ": chosen twice"};
        if (!std::isfinite(c.radius_m) || c.radius_m < kMinRadiusMetres || c.radius_m > kMaxRadiusMetres)
            return Error{c.site + ".radius_m: must be between " + std::to_string(static_cast<int>(kMinRadiusMetres)) + " and " +
                         std::to_string(static_cast<int>(kMaxRadiusMetres)) + " metres"};
    }
    const auto chosen_radius = [&](const std::string& id) -> const content::CampaignSite* {
        for (const auto& c : chosen)
            if (c.site == id) return &c;
        return nullptr;
    };

    content::Campaign next = campaign;
    next.sites.clear();
    std::set<std::string> kept;
    for (const auto& cs : campaign.sites) {
        if (!in_county(sites, cs.site, county)) {
            next.sites.push_back(cs);
        } else if (const auto* c = chosen_radius(cs.site)) {
            next.sites.push_back(*c);
            kept.insert(cs.site);
        }
    }
    for (const auto& s : sites)
        if (seen.count(s.id) && !kept.count(s.id)) next.sites.push_back(*chosen_radius(s.id));
    return next;
}

}  // namespace beitai::raffle
