#include "raffle/rules.h"

#include <set>

namespace beitai::raffle {

namespace {

// URL-safe ids: they appear in paths (/api/campaigns/{id}/draws/{d}).
bool is_url_safe(const std::string& id) {
    if (id.empty()) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

std::string draw_path(size_t i) { return "draws[" + std::to_string(i) + "]"; }

}  // namespace

std::vector<std::string> check_campaign(const content::Campaign& c, const std::vector<content::County>& counties,
                                        const std::vector<content::Site>& sites) {
    std::vector<std::string> problems;
    auto problem = [&problems](const std::string& field, const std::string& reason) {
        problems.push_back(field + ": " + reason);
    };
    const char* const kUrlSafe = "use only a-z, 0-9 and - (it appears in web addresses)";

    if (!is_url_safe(c.id)) problem("id", "\"" + c.id + "\" is not URL-safe: " + kUrlSafe);
    if (c.end < c.start) problem("end", "before the start (" + text::to_iso(c.start) + ")");
    if (c.min_counties < 1 || c.min_counties > static_cast<int>(counties.size()))
        problem("min_counties", std::to_string(c.min_counties) + " is not between 1 and " +
                                    std::to_string(counties.size()) + " (the counties)");

    std::set<std::string> site_ids;
    for (size_t i = 0; i < c.sites.size(); ++i) {
        const std::string path = "sites[" + std::to_string(i) + "]";
        // A history campaign names no sites of the catalog; the portal's own must resolve.
        const content::Site* site = c.external ? nullptr : content::find_site(sites, c.sites[i].site);
        if (!c.external && !site)
            problem(path + ".site", "unknown site \"" + c.sites[i].site + "\"");
        // A check-in is judged by where the participant stands: a site needs a position.
        if (site && !site->at)
            problem(path + ".site", "\"" + c.sites[i].site + "\" has no position (give it one in content/maps/site_positions.json and import again)");
        if (!site_ids.insert(c.sites[i].site).second) problem(path + ".site", "\"" + c.sites[i].site + "\" listed twice");
        const double r = c.sites[i].radius_m;
        if (!(r >= kMinRadiusMetres && r <= kMaxRadiusMetres))  // NaN fails too
            problem(path + ".radius_m", "must be between " + std::to_string(static_cast<int>(kMinRadiusMetres)) + " and " +
                                            std::to_string(static_cast<int>(kMaxRadiusMetres)) + " metres");
    }

    std::set<std::string> draw_ids;
    const content::CampaignDraw* previous_with_cutoff = nullptr;
    size_t previous_index = 0;
    for (size_t i = 0; i < c.draws.size(); ++i) {
        const content::CampaignDraw& d = c.draws[i];
        const std::string path = draw_path(i);
        if (!is_url_safe(d.id)) problem(path + ".id", "\"" + d.id + "\" is not URL-safe: " + kUrlSafe);
        else if (!draw_ids.insert(d.id).second) problem(path + ".id", "\"" + d.id + "\" is used by an earlier draw");

        if (!d.cutoff) {
            // History may state a month instead of days; a draw the portal runs needs the day.
            if (!c.external) problem(path + ".cutoff", "missing: a draw the portal runs needs its cut-off");
            else if (d.month.empty()) problem(path + ".cutoff", "missing, and no month stated instead");
        } else {
            const text::Date day = text::date_in_taipei(*d.cutoff);
            if (day < c.start) problem(path + ".cutoff", "before the campaign's first day (" + text::to_iso(c.start) + ")");
            if (c.end < day) problem(path + ".cutoff", "after the campaign's last day (" + text::to_iso(c.end) + ")");
            if (previous_with_cutoff && *d.cutoff <= *previous_with_cutoff->cutoff)
                problem(path + ".cutoff", "not after the cut-off of " + draw_path(previous_index) + " (draws go in order)");
            previous_with_cutoff = &d;
            previous_index = i;
            if (d.date && *d.date < *d.cutoff) problem(path + ".date", "before its cut-off");
        }

        // The public random value must be named before the list is frozen: a draw the portal
        // runs without it could be seeded with whatever gives the wanted winner.
        if (!c.external && (d.seed_source_zh.empty() || d.seed_source_en.empty()))
            problem(path + (d.seed_source_zh.empty() ? ".seed_source_zh" : ".seed_source_en"),
                    "missing: name the public random value in advance");
        // Winners are reached through their contacts: those must outlive the last draw.
        if (!c.external && d.date && c.contacts_erased_after < text::date_in_taipei(*d.date))
            problem("contacts_erased_after", "before " + path + "'s date: winners could not be reached");

        for (size_t k = 0; k < d.prizes.size(); ++k) {
            const std::string prize = path + ".prizes[" + std::to_string(k) + "]";
            if (!content::find_county(counties, d.prizes[k].county))
                problem(prize + ".county", "unknown county \"" + d.prizes[k].county + "\"");
            if (d.prizes[k].count < 1) problem(prize + ".count", "must be at least 1");
        }
    }
    return problems;
}

bool rules_frozen(const content::Campaign& campaign, long long now) {
    return !(text::date_in_taipei(now) < campaign.start);
}

bool within_period(const content::Campaign& campaign, long long now) {
    const text::Date today = text::date_in_taipei(now);
    return !(today < campaign.start) && !(campaign.end < today);
}

bool contacts_expired(const content::Campaign& campaign, long long now) {
    return campaign.contacts_erased_after < text::date_in_taipei(now);
}

std::string rules_change_refusal(const content::Campaign& current, const content::Campaign& next, long long now) {
    if (!rules_frozen(current, now)) return "";
    const std::string why = ": the rules are frozen since check-ins opened on " + text::to_iso(current.start);
    if (current.start != next.start) return "start" + why;
    if (current.end != next.end) return "end" + why;
    if (current.min_counties != next.min_counties) return "min_counties" + why;
    if (current.winners_stay != next.winners_stay) return "winners_stay" + why;
    // Contacts may be erased sooner than promised, never kept longer.
    if (current.contacts_erased_after < next.contacts_erased_after)
        return "contacts_erased_after: may move earlier, not later than the " + text::to_iso(current.contacts_erased_after) +
               " the participants were told";
    if (current.sites.size() != next.sites.size()) return "sites" + why;
    for (size_t i = 0; i < current.sites.size(); ++i) {
        const std::string path = "sites[" + std::to_string(i) + "]";
        if (current.sites[i].site != next.sites[i].site) return path + ".site" + why;
        if (current.sites[i].radius_m != next.sites[i].radius_m) return path + ".radius_m" + why;
    }
    if (current.draws.size() != next.draws.size()) return "draws" + why;
    for (size_t i = 0; i < current.draws.size(); ++i) {
        const content::CampaignDraw& a = current.draws[i];
        const content::CampaignDraw& b = next.draws[i];
        const std::string path = draw_path(i);
        if (a.id != b.id) return path + ".id" + why;
        if (a.cutoff != b.cutoff) return path + ".cutoff" + why;
        if (a.date != b.date) return path + ".date" + why;
        if (a.month != b.month) return path + ".month" + why;
        // The random value was named in advance: renaming it later would let it be chosen.
        if (a.seed_source_zh != b.seed_source_zh) return path + ".seed_source_zh" + why;
        if (a.seed_source_en != b.seed_source_en) return path + ".seed_source_en" + why;
        // What a prize is — its giver, how many, what — is part of the promise made.
        if (a.prizes.size() != b.prizes.size()) return path + ".prizes" + why;
        for (size_t k = 0; k < a.prizes.size(); ++k) {
            const content::Prize& p = a.prizes[k];
            const content::Prize& q = b.prizes[k];
            if (p.county != q.county || p.count != q.count || p.name_zh != q.name_zh || p.name_en != q.name_en)
                return path + ".prizes[" + std::to_string(k) + "]" + why;
        }
    }
    return "";
}

}  // namespace beitai::raffle
