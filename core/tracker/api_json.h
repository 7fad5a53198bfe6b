// The JSON the API serves for proposals, built once here so the server and the browser's
// WASM agree on every field.
#pragma once

#include <optional>
#include <vector>

#include "content/proposal.h"
#include "tracker/record.h"

namespace beitai::tracker {

// One row of GET /api/proposals: id, year, title, group, subgroup, agency, county, status,
// asks_central, ministry, counties, types.
text::Json summary_json(const content::Proposal& proposal);

// {"total": N, "items": [summary…]}
text::Json list_json(const std::vector<const ProposalRecord*>& records);

// GET /api/proposals/{id} is the record's own JSON (tracker/record.h: to_json).

// The answer to a staff write (POST /api/staff/proposals…): the record as stored, without its
// status history — which grows with every change and would make each write's answer (and
// its cost) grow with it — but with the status event this write added ("status_event",
// null for create, edit and progress) and the history's length ("status_history_length").
// The whole history is one GET /api/proposals/{id} away.
text::Json written_json(const ProposalRecord& record, const std::optional<StatusEvent>& event);

// Reads the list back (the browser counts what the server sent); errors name the path.
Result<std::vector<content::Proposal>> read_summary_list(const text::Json& list);

}  // namespace beitai::tracker
