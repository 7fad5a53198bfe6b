#include "content/catalog.h"

#include "text/text_rule.h"

#include <set>

namespace beitai::content {

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string base_name(const std::string& path) {
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// "proposals/112.json" → 112; 0 when the path is not a proposals file.
int proposals_year(const std::string& path) {
    auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return 0;
    std::string dir = path.substr(0, slash);
    if (base_name(dir) != "proposals") return 0;
    std::string name = path.substr(slash + 1);
    if (!ends_with(name, ".json")) return 0;
    std::string stem = name.substr(0, name.size() - 5);
    if (stem.empty() || stem.size() > 3) return 0;
    int year = 0;
    for (char c : stem) {
        if (c < '0' || c > '9') return 0;
        year = year * 10 + (c - '0');
    }
    return year;
}

// "campaigns/2026-demo.json" → "2026-demo"; "" when the path is not a campaign file.
std::string campaign_file_id(const std::string& path) {
    auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return "";
    if (base_name(path.substr(0, slash)) != "campaigns") return "";
    std::string name = path.substr(slash + 1);
    if (!ends_with(name, ".json") || name.size() == 5) return "";
    return name.substr(0, name.size() - 5);
}

bool has_site(const SiteList& sites, const std::string& id) {
    for (const auto& s : sites.sites)
        if (s.id == id) return true;
    return false;
}

}  // namespace

const Proposal* Catalog::find_proposal(const std::string& id) const {
    for (const auto& p : proposals)
        if (p.id == id) return &p;
    return nullptr;
}

std::vector<std::string> check_proposal_references(const Proposal& p, const std::vector<County>& counties,
                                                   const std::vector<IssueGroup>& groups) {
    std::vector<std::string> problems;
    if (!find_county(counties, p.county)) problems.push_back("county: unknown county id \"" + p.county + "\"");
    for (const auto& co : p.co_proposers)
        if (!find_county(counties, co.county))
            problems.push_back("co_proposers: unknown county id \"" + co.county + "\"");
    for (const auto& c : p.counties)
        if (!find_county(counties, c)) problems.push_back("counties: unknown county id \"" + c + "\"");
    for (size_t i = 0; i < p.progress.size(); ++i)
        if (!p.progress[i].county.empty() && !find_county(counties, p.progress[i].county))
            problems.push_back("progress[" + std::to_string(i) + "].county: unknown county id \"" + p.progress[i].county + "\"");
    const IssueGroup* group = find_group(groups, p.group);
    if (!group) {
        problems.push_back("group: unknown issue group \"" + p.group + "\"");
    } else if (p.subgroup && !group->has_subgroup(*p.subgroup)) {
        problems.push_back("subgroup: \"" + *p.subgroup + "\" is not a sub-group of " + p.group);
    }
    return problems;
}

std::vector<std::string> check_references(const Catalog& catalog) {
    std::vector<std::string> problems;
    std::set<std::string> ids;
    for (const auto& p : catalog.proposals) {
        const std::string where = "proposal " + p.id + ": ";
        if (!ids.insert(p.id).second) problems.push_back(where + "duplicate id");
        for (const auto& problem : check_proposal_references(p, catalog.counties, catalog.groups))
            problems.push_back(where + problem);
    }
    std::set<std::string> campaign_ids;
    for (const auto& c : catalog.campaigns) {
        const std::string where = "campaign " + c.id + ": ";
        if (!campaign_ids.insert(c.id).second) problems.push_back(where + "duplicate id");
        // A history campaign's sites are not in the catalog: it names none, only how many.
        if (!c.external)
            for (size_t i = 0; i < c.sites.size(); ++i)
                if (!has_site(catalog.sites, c.sites[i].site))
                    problems.push_back(where + "sites[" + std::to_string(i) + "].site: unknown site id \"" +
                                       c.sites[i].site + "\"");
        for (size_t d = 0; d < c.draws.size(); ++d)
            for (size_t p = 0; p < c.draws[d].prizes.size(); ++p)
                if (!find_county(catalog.counties, c.draws[d].prizes[p].county))
                    problems.push_back(where + "draws[" + std::to_string(d) + "].prizes[" + std::to_string(p) +
                                       "].county: unknown county id \"" + c.draws[d].prizes[p].county + "\"");
        if (c.figures)
            for (size_t i = 0; i < c.figures->counties.size(); ++i)
                if (!find_county(catalog.counties, c.figures->counties[i].county))
                    problems.push_back(where + "figures.counties[" + std::to_string(i) +
                                       "].county: unknown county id \"" + c.figures->counties[i].county + "\"");
    }
    return problems;
}

Result<Catalog> read_catalog(const std::vector<SourceFile>& files) {
    Catalog catalog;
    std::vector<std::string> problems;
    bool have_counties = false, have_groups = false;
    // Where each proposal came from, to word cross-reference errors with the file.
    std::vector<std::string> proposal_files;
    std::vector<std::string> campaign_files;  // likewise for campaigns

    for (const auto& file : files) {
        auto parsed = text::parse_json_text(file.text, file.path);
        if (!parsed) {
            problems.push_back(parsed.error());
            continue;
        }
        // Content is text people wrote, as the staff's forms are: the one rule for text holds
        // here too (text/text_rule.h), so an import cannot store what a form would refuse.
        if (auto flaw = text::find_json_text_flaw(*parsed)) {
            problems.push_back(file.path + ": " + text::text_flaw_message(flaw->field, flaw->flaw, text::Lang::en));
            continue;
        }
        text::Diagnostics diagnostics(file.path);
        const std::string name = base_name(file.path);
        if (name == "counties.json") {
            catalog.counties = read_counties(*parsed, diagnostics);
            have_counties = true;
        } else if (name == "groups.json") {
            catalog.groups = read_issue_groups(*parsed, diagnostics);
            have_groups = true;
        } else if (ends_with(file.path, "maps/sites.json")) {
            catalog.sites = read_sites(*parsed, diagnostics);
        } else if (ends_with(file.path, "maps/site_positions.json")) {
            catalog.site_positions = read_site_positions(*parsed, diagnostics);
        } else if (ends_with(file.path, "parking/car_parks.json")) {
            catalog.car_parks = read_car_park_set(*parsed, diagnostics);
        } else if (ends_with(file.path, "maps/routes.geojson")) {
            auto routes = read_routes(*parsed, file.path);
            if (!routes) problems.push_back(routes.error());
            else catalog.routes = std::move(*routes);
        } else if (int year = proposals_year(file.path)) {
            auto proposals = read_proposals(*parsed, diagnostics);
            for (size_t i = 0; i < proposals.size(); ++i) {
                if (proposals[i].year != 0 && proposals[i].year != year)
                    diagnostics.add(text::index_path("", i) + ".year",
                                    "an item of year " + std::to_string(proposals[i].year) +
                                        " in the file of year " + std::to_string(year));
                catalog.proposals.push_back(std::move(proposals[i]));
                proposal_files.push_back(file.path);
            }
        } else if (std::string id = campaign_file_id(file.path); !id.empty()) {
            Campaign campaign = read_campaign(*parsed, diagnostics);
            if (!campaign.id.empty() && campaign.id != id)
                diagnostics.add("id", "\"" + campaign.id + "\" in the file of campaign \"" + id +
                                          "\" (the file is named after the id)");
            catalog.campaigns.push_back(std::move(campaign));
            campaign_files.push_back(file.path);
        } else {
            diagnostics.add("", "not a content file (expected counties.json, groups.json, "
                                "proposals/<ROC year>.json, maps/sites.json, maps/site_positions.json, maps/routes.geojson, "
                                "parking/car_parks.json or campaigns/<id>.json)");
        }
        problems.insert(problems.end(), diagnostics.messages().begin(), diagnostics.messages().end());
    }
    if (!have_counties) problems.push_back("content: counties.json is missing");
    if (!have_groups) problems.push_back("content: groups.json is missing");
    if (problems.empty()) {
        for (size_t i = 0; i < catalog.sites.sites.size(); ++i)
            if (!find_county(catalog.counties, catalog.sites.sites[i].county))
                problems.push_back("content/maps/sites.json: sites[" + std::to_string(i) + "].county: unknown county id \"" +
                                   catalog.sites.sites[i].county + "\"");
        for (const auto& r : catalog.routes.routes)
            if (!find_county(catalog.counties, r.county))
                problems.push_back("content/maps/routes.geojson: route " + r.id + ": unknown county id \"" + r.county + "\"");
        for (size_t i = 0; i < catalog.car_parks.car_parks.size(); ++i)
            if (!find_county(catalog.counties, catalog.car_parks.car_parks[i].county))
                problems.push_back("content/parking/car_parks.json: car_parks[" + std::to_string(i) +
                                   "].county: unknown county id \"" + catalog.car_parks.car_parks[i].county + "\"");
        for (auto& problem : check_references(catalog)) {
            // Prefix the file that holds the proposal or campaign named in the message.
            const std::string campaign_prefix = "campaign ";
            if (problem.compare(0, campaign_prefix.size(), campaign_prefix) == 0) {
                const size_t colon = problem.find(": ");
                const std::string id = problem.substr(campaign_prefix.size(), colon - campaign_prefix.size());
                for (size_t i = 0; i < catalog.campaigns.size(); ++i)
                    if (catalog.campaigns[i].id == id) {
                        problem = campaign_files[i] + ": " + problem.substr(colon + 2);
                        break;
                    }
                problems.push_back(problem);
                continue;
            }
            std::string id = problem.substr(9, problem.find(':') - 9);
            for (size_t i = 0; i < catalog.proposals.size(); ++i)
                if (catalog.proposals[i].id == id) {
                    problem = proposal_files[i] + ": [" + id + "] " + problem.substr(problem.find(':') + 2);
                    break;
                }
            problems.push_back(problem);
        }
    }
    if (!problems.empty()) {
        std::string joined;
        for (const auto& p : problems) joined += (joined.empty() ? "" : "\n") + p;
        return Error{joined};
    }
    return catalog;
}

}  // namespace beitai::content
