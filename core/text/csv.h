// Reading CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF), as the ministries'
// open-data lists come. A UTF-8 BOM is skipped. Errors name the line. And writing it, for
// the downloads people open in a spreadsheet.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/result.h"

namespace beitai::text {

struct CsvRow {
    size_t line = 0;  // 1-based line where the row starts
    std::vector<std::string> cells;
};

Result<std::vector<CsvRow>> parse_csv(std::string_view text);

// One cell, quoted when it must be; a cell a spreadsheet would run as a formula (=, +, -, @,
// tab, CR first) is prefixed with an apostrophe, so a hostile title stays text.
std::string csv_cell(std::string cell);
// Rows as a document: a UTF-8 BOM (so that Excel reads Chinese correctly), CRLF line ends.
std::string write_csv(const std::vector<std::vector<std::string>>& rows);

}  // namespace beitai::text
