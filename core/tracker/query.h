// Which proposals a citizen asked for: the filters of /proposals, its exports and feeds,
// and /api/proposals. Parsing checks every value against the snapshot so that a typo
// ("status=opne", "county=Taipai") is a 400 with a message, not an empty list.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "text/result.h"
#include "text/lang.h"
#include "text/url.h"
#include "tracker/record.h"

namespace beitai::tracker {

enum class Track { central, joint };  // asks the central government, or joint among the counties
enum class SortOrder { year, group, updated };

struct ProposalQuery {
    std::optional<int> year;  // ROC year
    std::optional<std::string> group;
    std::optional<std::string> subgroup;
    std::optional<std::string> county;   // proposing county id
    std::optional<std::string> partner;  // a cooperating county id
    std::optional<content::Status> status;
    std::optional<content::ClosureKind> closure;
    std::optional<std::string> type;  // one of content::proposal_types()
    std::optional<Track> track;
    std::string text;  // q: substring of title, agency, description or progress
    SortOrder sort = SortOrder::year;
    int page = 1;
};

using text::QueryParams;

// Reads the known parameters; any other key is an error unless listed in `also_allowed`
// (the page accepts "lang", the API does not). The error names the parameter and says what
// was wrong in `lang`: English for the API, the visitor's language for a page.
Result<ProposalQuery> parse_proposal_query(const QueryParams& params, const Snapshot& snapshot,
                                           const std::vector<std::string>& also_allowed = {},
                                           text::Lang lang = text::Lang::en);

// The query back as parameters, defaults left out, in a fixed order: links and the
// browser's URL carry exactly this, so equal views have equal URLs.
QueryParams to_params(const ProposalQuery& query);

bool matches(const ProposalRecord& record, const ProposalQuery& query);

// Every matching record, sorted as the query asks (ties keep the snapshot's order).
std::vector<const ProposalRecord*> select_records(const Snapshot& snapshot, const ProposalQuery& query);

}  // namespace beitai::tracker
