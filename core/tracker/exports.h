// The current filtered view as files people download: CSV (UTF-8 with a BOM, so Excel
// opens Chinese correctly), JSON (the records), ODS (ODF, Taiwan's government document
// standard). Public content only; contact people never appear.
#pragma once

#include <string>
#include <vector>

#include "text/lang.h"
#include "tracker/record.h"

namespace beitai::tracker {

// The columns, in order, as machine names (the header row uses the translated labels).
const std::vector<std::string>& export_columns();

// One row of cells per record, as strings, in export_columns() order, in `lang` as a person
// reads it: names of groups, counties and types, 是/否 or Yes/No. The codes (status,
// closure kind) stay codes for programs, and the proposal's own words stay as written.
std::vector<std::vector<std::string>> export_rows(const Snapshot& snapshot,
                                                  const std::vector<const ProposalRecord*>& records, text::Lang lang);

// RFC 4180, CRLF line ends, a UTF-8 BOM first. A cell that a spreadsheet would read as a
// formula (starting with = + - @ or a tab) gets a leading apostrophe, the usual defence.
std::string export_csv(const Snapshot& snapshot, const std::vector<const ProposalRecord*>& records, text::Lang lang);

// The records' own JSON (tracker/record.h), as an array.
std::string export_json(const std::vector<const ProposalRecord*>& records);

// An OpenDocument spreadsheet (.ods) with one sheet holding the same table as the CSV.
std::string export_ods(const Snapshot& snapshot, const std::vector<const ProposalRecord*>& records, text::Lang lang);

}  // namespace beitai::tracker
