// What the audit log keeps of one stored write to a proposal: the fields it changed, each
// before and after, the change of status it made, and the versions — never the whole record.
// A record's status history and progress log only grow, so rows holding whole records grew
// with every write (an item's 345th status change stored 345 events twice over).
//
// The two documents site/ stores in an audit row's before and after columns:
//   before  {"id", "version": the version written over, <field>: its value before, …}
//   after   {"id", "version": the version made, <field>: its value after, …,
//            "event": the status event, when the write changed the status}
// A field is named by its path ("status", "closure.reason", "sheet.approach", "title");
// "progress" holds, after, the entries added, and before, what stood at their places (null
// for each entry added). A create has no before document: its after holds every field that
// differs from an empty proposal.
//
// Rows written before this form hold whole records (they carry "status_history"). The log is
// append-only — no path rewrites a row — so they stay as they are, and the reader here takes
// both forms: an old row reads as the change between its two records.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "text/json_reader.h"
#include "text/result.h"
#include "tracker/changes.h"
#include "tracker/history.h"
#include "tracker/record.h"

namespace beitai::tracker {

struct AuditDocuments {
    text::Json before;  // null for a create
    text::Json after;
};

// The documents of a write from `before` (nullptr for a create) to `after`, which made `event`.
AuditDocuments audit_documents(const ProposalRecord* before, const ProposalRecord& after,
                               const std::optional<StatusEvent>& event);

// One stored write as the staff pages show it, read back from either form.
struct AuditChange {
    std::string id;
    long long from_version = 0;  // 0 for a create
    long long version = 0;
    std::vector<FieldChange> changes;  // in the order of changes_between, then any other field
    std::optional<StatusEvent> event;
};

// Reads an audit row's two documents, as stored (JSON text; "" for none). An error when the
// after document is missing or neither form.
Result<AuditChange> read_audit_change(const std::string& before, const std::string& after);

}  // namespace beitai::tracker
