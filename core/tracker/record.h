// What the tracker holds about each proposal beyond its content: its version (for safe
// concurrent edits), its status history and the date it last changed. A Snapshot is the
// whole tracker at one moment; readers share one, writers replace it.
#pragma once

#include <string>
#include <vector>

#include "content/catalog.h"
#include "tracker/history.h"

namespace beitai::tracker {

struct ProposalRecord {
    content::Proposal proposal;
    long long version = 1;  // +1 on every write; a write based on an older one is refused
    std::vector<StatusEvent> history;
    text::Date updated;  // latest progress entry or status change

    const std::string& id() const { return proposal.id; }
};

struct Snapshot {
    std::vector<content::County> counties;
    std::vector<content::IssueGroup> groups;
    std::vector<ProposalRecord> records;

    const ProposalRecord* find(const std::string& id) const;
};

// The latest date among progress entries and status events.
text::Date last_update(const content::Proposal& proposal, const std::vector<StatusEvent>& history);

// A record as content first imports it: version 1, the history the content implies.
ProposalRecord record_from_content(const content::Proposal& proposal);
Snapshot snapshot_from_catalog(const content::Catalog& catalog);

// The record as one flat JSON object: the proposal's fields, then "version", "updated" and
// "status_history". This is the form of /proposals.json and of what the browser's WASM
// reads to re-render the list.
text::Json to_json(const ProposalRecord& record);
ProposalRecord read_record(const text::Json& json, const std::string& path, text::Diagnostics& diagnostics);

// An array of records (the /proposals.json export) read back; errors name "[i].field".
Result<std::vector<ProposalRecord>> read_records(const text::Json& array, const std::string& source);

}  // namespace beitai::tracker
