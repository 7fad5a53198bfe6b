// text/csv: RFC 4180 as the ministries' open-data lists come — quoted fields, doubled
// quotes, CRLF or LF, a BOM — and errors that name the line a person must look at.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/csv.h"

using namespace beitai;
using Cells = std::vector<std::string>;

namespace {

// An independent writer for the round trip: every cell quoted, quotes doubled (RFC 4180 §2.7).
std::string quoted_row(const Cells& cells) {
    std::string out;
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i) out += ',';
        out += '"';
        for (char c : cells[i]) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
    }
    return out;
}

}  // namespace

TEST_CASE("CSV reading: quotes, doubled quotes, CRLF and LF, line numbers across quoted newlines") {
    auto rows = text::parse_csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\nx,\"two\nlines\",z\n\nlast,row,");
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 3);
    CHECK((*rows)[0].cells == std::vector<std::string>{"a", "b,c", "say \"hi\""});
    CHECK((*rows)[1].cells == std::vector<std::string>{"x", "two\nlines", "z"});
    CHECK((*rows)[2].line == 5);
    CHECK((*rows)[2].cells == std::vector<std::string>{"last", "row", ""});
    CHECK(text::parse_csv("a,b\"c\n").error() == "line 1: a quote inside an unquoted field");
    CHECK(text::parse_csv("\"a\"b\n").error() == "line 1: text after a closing quote");
}

TEST_CASE("a UTF-8 BOM is skipped at the start only; Chinese text passes byte for byte") {
    const std::string bom = "\xEF\xBB\xBF";
    auto rows = text::parse_csv(bom + "名稱,縣市\r\n關渡自然公園,臺北市\r\n");
    REQUIRE_MESSAGE(rows.ok(), rows.error());
    REQUIRE(rows->size() == 2);
    CHECK((*rows)[0].cells == Cells{"名稱", "縣市"});  // not "\xEF\xBB\xBF名稱": a header is matched by name
    CHECK((*rows)[1].cells == Cells{"關渡自然公園", "臺北市"});
    CHECK((*rows)[1].line == 2);

    // A quoted first cell right after the BOM is still a quoted cell.
    auto quoted = text::parse_csv(bom + "\"a,b\",c");
    REQUIRE_MESSAGE(quoted.ok(), quoted.error());
    CHECK((*quoted)[0].cells == Cells{"a,b", "c"});

    // Elsewhere the same bytes are data.
    auto inner = text::parse_csv("x," + bom + "y\n");
    REQUIRE(inner.ok());
    CHECK((*inner)[0].cells == Cells{"x", bom + "y"});

    // Only the BOM, or nothing at all: no rows, and no error.
    for (const std::string& empty : {std::string(), bom, std::string("\n\n"), std::string("\r\n\r\n"), bom + "\r\n"}) {
        CAPTURE(empty);
        auto none = text::parse_csv(empty);
        REQUIRE(none.ok());
        CHECK(none->empty());
    }
}

TEST_CASE("empty cells are kept where they are; spaces belong to the cell") {
    auto rows = text::parse_csv(",,\n\"\",\"\"\na,,b\n a , b \n");
    REQUIRE_MESSAGE(rows.ok(), rows.error());
    REQUIRE(rows->size() == 4);
    CHECK((*rows)[0].cells == Cells{"", "", ""});
    CHECK((*rows)[1].cells == Cells{"", ""});
    CHECK((*rows)[2].cells == Cells{"a", "", "b"});
    CHECK((*rows)[3].cells == Cells{" a ", " b "});  // RFC 4180: spaces are part of a field
    for (size_t i = 0; i < rows->size(); ++i) {
        CAPTURE(i);
        CHECK((*rows)[i].line == i + 1);
    }
}

TEST_CASE("row line numbers count CRLF, LF, blank lines and newlines inside quotes") {
    auto rows = text::parse_csv("h1,h2\r\n\r\n\"a\r\nb\",c\r\n\"x\n\ny\",z\nlast,1");
    REQUIRE_MESSAGE(rows.ok(), rows.error());
    REQUIRE(rows->size() == 4);
    CHECK((*rows)[0].line == 1);
    CHECK((*rows)[1].line == 3);  // line 2 is blank
    CHECK((*rows)[1].cells == Cells{"a\r\nb", "c"});  // a quoted CRLF is data, kept as written
    CHECK((*rows)[2].line == 5);
    CHECK((*rows)[2].cells == Cells{"x\n\ny", "z"});  // a blank line inside quotes is data too
    CHECK((*rows)[3].line == 8);
    CHECK((*rows)[3].cells == Cells{"last", "1"});  // no newline at the end: still a row
}

TEST_CASE("doubled quotes: alone, at either end, and several in a row") {
    auto rows = text::parse_csv(R"csv("""","""a","a""","""""","a""""b")csv" "\n");
    REQUIRE_MESSAGE(rows.ok(), rows.error());
    REQUIRE(rows->size() == 1);
    CHECK((*rows)[0].cells == Cells{"\"", "\"a", "a\"", "\"\"", "a\"\"b"});
}

TEST_CASE("malformed quoting is refused with the line where the reader must look") {
    struct Bad {
        const char* text;
        const char* error;
    };
    const Bad cases[] = {
        {"a,b\nc,d\"e\n", "line 2: a quote inside an unquoted field"},
        {"\"one\ntwo\",x\ny,z\"\n", "line 3: a quote inside an unquoted field"},  // after a quoted newline
        {"\"a\" ,b\n", "line 1: text after a closing quote"},                    // even a space
        {"ok\n\"a\"\"b\"c\n", "line 2: text after a closing quote"},
        {"\"a\"\"b\"\"", "line 1: a quoted field is never closed"},  // the last quote is a doubled one
        // An unclosed quote swallows the rest of the file: the error names where it opened.
        {"h\r\nx,\"open\r\nmore\r\nmore\r\n", "line 2: a quoted field is never closed"},
        {"\"", "line 1: a quoted field is never closed"},
    };
    for (const auto& c : cases) {
        const std::string shown_c_text = c.text;
        CAPTURE(shown_c_text);
        auto parsed = text::parse_csv(c.text);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error() == c.error);
    }
}

TEST_CASE("any cells written with RFC 4180 quoting read back the same") {
    const std::vector<Cells> tables[] = {
        {{"a,b", "say \"hi\"", "two\nlines"}, {"", "\r\n", ","}},
        {{"\"", "\"\"", "\",\""}, {"臺北市", "新北市, 基隆市", "=1+1"}},
        {{"<script>alert(1)</script>", " lead", "trail "}, {"\t", "a\r\nb\r\n", "\xEF\xBB\xBF"}},
    };
    for (const auto& table : tables) {
        std::string csv;
        for (const auto& row : table) csv += quoted_row(row) + "\r\n";
        CAPTURE(csv);
        auto back = text::parse_csv(csv);
        REQUIRE_MESSAGE(back.ok(), back.error());
        REQUIRE(back->size() == table.size());
        for (size_t i = 0; i < table.size(); ++i) {
            CAPTURE(i);
            CHECK((*back)[i].cells == table[i]);
        }
    }
}

// --- writing ----------------------------------------------------------------------------------

TEST_CASE("CSV writing: a UTF-8 BOM first, cells joined by commas, every row ended by CRLF") {
    CHECK(text::write_csv({{"名稱", "縣市"}, {"關渡自然公園", "臺北市"}, {"x"}}) ==
          "\xEF\xBB\xBF名稱,縣市\r\n關渡自然公園,臺北市\r\nx\r\n");
    CHECK(text::write_csv({}) == "\xEF\xBB\xBF");
    CHECK(text::write_csv({{"a", "", "b"}}) == "\xEF\xBB\xBF" "a,,b\r\n");
}

TEST_CASE("csv_cell quotes a cell only when it holds a comma, a quote or a line break, doubling quotes") {
    CHECK(text::csv_cell("plain text 臺北") == "plain text 臺北");
    CHECK(text::csv_cell("") == "");
    CHECK(text::csv_cell("a,b") == "\"a,b\"");
    CHECK(text::csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(text::csv_cell("\"") == "\"\"\"\"");
    CHECK(text::csv_cell("two\nlines") == "\"two\nlines\"");
    CHECK(text::csv_cell("a\r\nb") == "\"a\r\nb\"");
    CHECK(text::csv_cell(" lead") == " lead");  // spaces belong to the cell, unquoted
}

TEST_CASE("csv_cell: a cell a spreadsheet would run as a formula gets an apostrophe first") {
    CHECK(text::csv_cell("=1+1") == "'=1+1");
    CHECK(text::csv_cell("+886912345678") == "'+886912345678");
    CHECK(text::csv_cell("-2+3") == "'-2+3");
    CHECK(text::csv_cell("@SUM(A1:A9)") == "'@SUM(A1:A9)");
    CHECK(text::csv_cell("\tx") == "'\tx");
    CHECK(text::csv_cell("\rx") == "\"'\rx\"");  // and quoted, for the CR
    CHECK(text::csv_cell("=HYPERLINK(\"http://x\",\"a\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\"");
    // Only the first character matters.
    CHECK(text::csv_cell("a=b") == "a=b");
    CHECK(text::csv_cell("0912345678") == "0912345678");
    CHECK(text::csv_cell(" =1") == " =1");
}

TEST_CASE("what write_csv writes, parse_csv reads back cell for cell (formulas with their apostrophe)") {
    const std::vector<Cells> table = {
        {"名稱", "說明", "電話"},
        {"關渡<自然>公園", "a,b and \"quoted\"", "0912345678"},
        {"two\nlines", "crlf\r\ninside", ""},
        {"", "", "last"},
        {"=1+1", "-5", "@x"},
        {"\xEF\xBB\xBF", "'already", "trail "},  // a BOM inside the data is data
    };
    auto back = text::parse_csv(text::write_csv(table));
    REQUIRE_MESSAGE(back.ok(), back.error());
    REQUIRE(back->size() == table.size());
    for (size_t i = 0; i < table.size(); ++i) {
        if (i == 4) continue;  // the formulas, below
        CAPTURE(i);
        CHECK((*back)[i].cells == table[i]);
    }
    CHECK((*back)[4].cells == Cells{"'=1+1", "'-5", "'@x"});
    CHECK((*back)[0].cells[0] == "名稱");  // the document's BOM is not part of the first cell
    CHECK((*back)[3].line == 6);           // the two quoted newlines count
}
