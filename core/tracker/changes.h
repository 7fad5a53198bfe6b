// What one stored write changed in an item, field by field: what an editor whose save was
// refused as out of date (409) is shown beside what they typed, so they can see whether the
// other change and theirs collide. The views name the fields and values in the reader's
// language; this says only which changed and from what to what.
#pragma once

#include <string>
#include <vector>

#include "text/json_reader.h"
#include "tracker/record.h"

namespace beitai::tracker {

struct FieldChange {
    // The content field's path: "title", "sheet.approach", "status", "closure.kind",
    // "closure.reason", "open_reason", "progress" (an entry added: `after` is the entry).
    std::string field;
    text::Json before;  // null when the field was not there
    text::Json after;
};

// The changes from `before` to `after`, in the order of the edit page: status first, then
// progress entries added, then the proposal's fields, then any other (year, seed_ref,
// co_proposers, notes: the ones a create sets).
std::vector<FieldChange> changes_between(const content::Proposal& before, const content::Proposal& after);

}  // namespace beitai::tracker
