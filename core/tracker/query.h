// Which proposals a citizen asked for: the filters of /api/proposals and, later, of the
// /proposals page. Parsing checks every value against the catalog so that a typo
// ("status=opne", "county=Taipai") is a 400 with a message, not an empty list.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "content/catalog.h"
#include "result.h"

namespace beitai::tracker {

using content::Proposal;

struct ProposalQuery {
    std::optional<int> year;  // ROC year
    std::optional<content::Status> status;
    std::optional<std::string> county;  // proposing county id
    std::optional<std::string> group;
    std::string text;  // q: substring of title, agency, sheet or progress
};

// Query-string pairs, already percent-decoded, in the order they came.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

Result<ProposalQuery> parse_proposal_query(const QueryParams& params, const content::Catalog& catalog);

bool matches(const Proposal& proposal, const ProposalQuery& query);

// The matching proposals, in catalog order.
std::vector<const Proposal*> select_proposals(const std::vector<Proposal>& proposals,
                                              const ProposalQuery& query);

}  // namespace beitai::tracker
