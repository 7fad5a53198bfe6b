#include "render/kiosk_handoff.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "tracker/query.h"

namespace beitai::render {

namespace {

std::string fixed(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// "/map?…" at a place: five decimals (about a metre) and the nearest whole zoom, as /map
// writes its own (halves up: printf's "%.0f" alone would round them to even).
std::string map_at(geo::LatLon at, double zoom, const std::string& layers) {
    text::QueryParams q;
    if (!layers.empty()) q.emplace_back("layers", layers);
    q.emplace_back("lat", fixed(at.lat, 5));
    q.emplace_back("lon", fixed(at.lon, 5));
    q.emplace_back("zoom", fixed(std::round(std::max(zoom, 0.0)), 0));
    return "/map?" + text::to_query_string(q);
}

std::string path_of(const KioskVisit& visit, const KioskConfig& config, const std::string& campaign) {
    switch (visit.screen) {
        case KioskScreen::home: return "/";
        case KioskScreen::map: return map_at(visit.map.centre, visit.map.zoom, "");
        case KioskScreen::parking: return map_at(config.position, 16, "parking");
        case KioskScreen::campaign: return campaign.empty() ? "/raffle" : "/raffle/" + text::percent_encode(campaign);
        case KioskScreen::proposals: {
            const KioskProposalsState& p = visit.proposals;
            if (!p.selected.empty()) return "/proposals/" + text::percent_encode(p.selected);
            tracker::ProposalQuery query;
            if (!p.filters.county.empty()) query.county = p.filters.county;
            if (!p.filters.group.empty()) query.group = p.filters.group;
            query.status = p.filters.status;
            const std::string q = text::to_query_string(tracker::to_params(query));
            return q.empty() ? "/proposals" : "/proposals?" + q;
        }
    }
    return "/";
}

}  // namespace

std::string kiosk_handoff_path(const KioskVisit& visit, const KioskConfig& config, const std::string& campaign) {
    std::string path = path_of(visit, config, campaign);
    // The site remembers a language in a cookie, set by /lang; Chinese is what a phone
    // that never chose gets, so only English needs the detour.
    if (visit.lang == text::Lang::en) return "/lang?to=en&back=" + text::percent_encode(path);
    return path;
}

}  // namespace beitai::render
