// What both stores read back on load, as plain rows, and the one decoder that turns them
// into a Snapshot through the core's readers. A damaged row is an error naming its table
// and key; nothing is silently skipped.
#pragma once

#include <string>
#include <vector>

#include "text/result.h"
#include "tracker/record.h"

namespace beitai::site {

struct StoredRows {
    struct Doc {
        std::string id;
        std::string doc;  // JSON text
    };
    struct ProposalRow {
        std::string id;
        std::string doc;
        long long version = 0;
        std::string updated;  // YYYY-MM-DD
    };
    struct EventRow {
        std::string proposal_id;
        std::string doc;
        long long seq = 0;
    };
    std::vector<Doc> counties;   // in position order
    std::vector<Doc> groups;     // in position order
    std::vector<ProposalRow> proposals;  // in position order
    std::vector<EventRow> events;        // in seq order
};

// `source` prefixes the messages ("build/data/beitai.sqlite", "postgresql").
Result<tracker::Snapshot> snapshot_from_rows(const StoredRows& rows, const std::string& source);
// The proposals alone, with their histories (Store::changed_since): counties and groups are
// not read, nor the items' references to them checked, which their writer's rules did.
Result<std::vector<tracker::ProposalRecord>> records_from_rows(const StoredRows& rows, const std::string& source);

}  // namespace beitai::site
