// Reading CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF), as the ministries'
// open-data lists come. A UTF-8 BOM is skipped. Errors name the line.
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

}  // namespace beitai::text
