// The JSON the API serves for proposals, built once here so the server and the browser's
// WASM agree on every field.
#pragma once

#include <vector>

#include "content/proposal.h"
#include "tracker/history.h"

namespace beitai::tracker {

// One row of GET /api/proposals: id, year, title, group, subgroup, agency, county, status,
// asks_central, ministry, counties, types.
content::Json summary_json(const content::Proposal& proposal);

// {"total": N, "items": [summary…]}
content::Json list_json(const std::vector<const content::Proposal*>& proposals);

// GET /api/proposals/{id}: the whole item plus its status history.
content::Json detail_json(const content::Proposal& proposal, const std::vector<StatusEvent>& history);

// Reads the list back (the browser counts what the server sent); errors name the path.
Result<std::vector<content::Proposal>> read_summary_list(const content::Json& list);

}  // namespace beitai::tracker
