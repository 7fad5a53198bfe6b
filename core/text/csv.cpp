#include "text/csv.h"

namespace beitai::text {

Result<std::vector<CsvRow>> parse_csv(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<CsvRow> rows;
    CsvRow row;
    std::string cell;
    size_t line = 1;
    row.line = 1;
    bool quoted = false, was_quoted = false;
    auto end_cell = [&] {
        row.cells.push_back(std::move(cell));
        cell.clear();
        was_quoted = false;
    };
    auto end_row = [&] {
        end_cell();
        // A blank line is no row.
        if (!(row.cells.size() == 1 && row.cells[0].empty())) rows.push_back(std::move(row));
        row = CsvRow{};
        row.line = line;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    cell += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                cell += c;
            }
            continue;
        }
        if (c == '"') {
            if (!cell.empty() || was_quoted)
                return Error{"line " + std::to_string(line) + ": a quote inside an unquoted field"};
            quoted = was_quoted = true;
        } else if (c == ',') {
            end_cell();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;  // the \n ends the row
        } else if (c == '\n') {
            ++line;
            end_row();
        } else {
            if (was_quoted) return Error{"line " + std::to_string(line) + ": text after a closing quote"};
            cell += c;
        }
    }
    if (quoted) return Error{"line " + std::to_string(row.line) + ": a quoted field is never closed"};
    if (!cell.empty() || !row.cells.empty()) end_row();
    return rows;
}

namespace {
bool looks_like_formula(const std::string& cell) {
    return !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' || cell[0] == '\t' ||
                             cell[0] == '\r');
}
}  // namespace

std::string csv_cell(std::string cell) {
    if (looks_like_formula(cell)) cell = "'" + cell;
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string out = "\"";
    for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string write_csv(const std::vector<std::vector<std::string>>& rows) {
    std::string out = "\xEF\xBB\xBF";
    for (const auto& row : rows) {
        for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + csv_cell(row[i]);
        out += "\r\n";
    }
    return out;
}

}  // namespace beitai::text
