// The catalog: all curated content read together and cross-checked.
//
// The core does no I/O, so callers hand in the files' texts (`SourceFile`); the server and
// the checker read them from content/, the tests from wherever they like. Every problem in
// every file is reported, each naming its file, JSON path and reason.
#pragma once

#include <string>
#include <vector>

#include "content/campaign.h"
#include "content/car_park.h"
#include "content/county.h"
#include "content/import_sites.h"
#include "content/issue_group.h"
#include "content/proposal.h"
#include "content/route.h"
#include "content/site.h"
#include "text/result.h"

namespace beitai::content {

struct SourceFile {
    std::string path;  // as it should appear in messages, e.g. "content/proposals/112.json"
    std::string text;
};

struct Catalog {
    std::vector<County> counties;
    std::vector<IssueGroup> groups;
    std::vector<Proposal> proposals;  // every year, in file order
    SiteList sites;                   // maps/sites.json (sample until official data is loaded)
    SitePositions site_positions;     // maps/site_positions.json: for `beitai import sites`
    RouteSet routes;                  // maps/routes.geojson
    CarParkSet car_parks;             // parking/car_parks.json (sample; live data comes from the feeds)
    std::vector<Campaign> campaigns;  // campaigns/<id>.json, one campaign a file

    const Proposal* find_proposal(const std::string& id) const;
};

// Which part of the catalog a file holds, by its name: counties.json, groups.json,
// proposals/<ROC year>.json, maps/sites.json, maps/site_positions.json, maps/routes.geojson,
// parking/car_parks.json,
// campaigns/<id>.json (the file named after the campaign's id).
// Anything else is an error (a stray file is a mistake).
Result<Catalog> read_catalog(const std::vector<SourceFile>& files);

// The cross-file rules on an assembled catalog (ids unique, county, group and sub-group
// references resolve, proposals sit in the file of their year; a campaign's sites — unless
// it ran outside the portal — and its prize and figures counties resolve). Messages start
// "proposal <id>: " or "campaign <id>: ". read_catalog applies them;
// exposed for data that arrives another way (a store, an import).
std::vector<std::string> check_references(const Catalog& catalog);

// The same rules for one proposal: its county, co-proposer, cooperating-county, group and
// sub-group references. Messages read "county: unknown county id \"Tainan\"".
std::vector<std::string> check_proposal_references(const Proposal& proposal, const std::vector<County>& counties,
                                                   const std::vector<IssueGroup>& groups);

}  // namespace beitai::content
