#include <doctest/doctest.h>

#include <optional>

#include "page_language.h"
#include "test_content.h"
#include "test_zip.h"
#include "text/zip.h"
#include "tracker/exports.h"
#include "tracker/query.h"

using namespace beitai::tracker;
using beitai::text::Json;
using beitai::text::Lang;

namespace {

using Rows = std::vector<std::vector<std::string>>;

const std::string kBom = "\xEF\xBB\xBF";
const std::string kScript = "<script>alert(1)</script>";
const std::string kImg = "\"><img src=x onerror=alert(1)>";

// RFC 4180, strictly: every record ends with CRLF, a quote appears only around a field or
// doubled inside one, and a bare CR or LF outside quotes is an error. nullopt on any breach.
std::optional<Rows> parse_csv(const std::string& s) {
    Rows rows;
    std::vector<std::string> row;
    size_t i = 0;
    const size_t n = s.size();
    if (n == 0) return rows;
    for (;;) {
        std::string field;
        if (i < n && s[i] == '"') {
            ++i;
            for (;;) {
                if (i >= n) return std::nullopt;  // unterminated quote
                if (s[i] == '"') {
                    if (i + 1 < n && s[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += s[i++];
            }
        } else {
            while (i < n && s[i] != ',' && s[i] != '\r') {
                if (s[i] == '"' || s[i] == '\n') return std::nullopt;
                field += s[i++];
            }
        }
        row.push_back(std::move(field));
        if (i >= n) return std::nullopt;  // the last record has no CRLF
        if (s[i] == ',') {
            ++i;
            continue;
        }
        if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') {
            i += 2;
            rows.push_back(std::move(row));
            row.clear();
            if (i == n) return rows;
            continue;
        }
        return std::nullopt;
    }
}

// The CSV minus its BOM, parsed; fails the test if either is missing.
Rows csv_rows(const std::string& csv) {
    REQUIRE(csv.compare(0, kBom.size(), kBom) == 0);
    auto rows = parse_csv(csv.substr(kBom.size()));
    REQUIRE_MESSAGE(rows.has_value(), "not RFC 4180 with CRLF line ends");
    return *rows;
}

// The documented defence: a cell a spreadsheet would take for a formula gains an apostrophe.
std::string defended(const std::string& cell) {
    if (!cell.empty() && std::string("=+-@\t\r").find(cell[0]) != std::string::npos) return "'" + cell;
    return cell;
}

std::vector<const ProposalRecord*> pointers(const std::vector<ProposalRecord>& records) {
    std::vector<const ProposalRecord*> out;
    for (const auto& r : records) out.push_back(&r);
    return out;
}

// A copy of a repository record, to be made hostile.
ProposalRecord copy_of(const char* id) {
    const auto* r = beitai::testing::repository_snapshot().find(id);
    REQUIRE(r != nullptr);
    return *r;
}

size_t count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
    return n;
}

std::string member(const beitai::testing::ZipRead& zip, const std::string& name) {
    for (const auto& e : zip.entries)
        if (e.name == name) return e.data;
    FAIL("no member " << name);
    return {};
}

}  // namespace

TEST_CASE("the CSV starts with a UTF-8 BOM and ends every row with CRLF") {
    const auto& snapshot = beitai::testing::repository_snapshot();
    auto records = select_records(snapshot, {});
    REQUIRE(records.size() == 55);
    for (Lang lang : {Lang::zh_TW, Lang::en}) {
        CAPTURE(static_cast<int>(lang));
        const std::string csv = export_csv(snapshot, records, lang);
        CHECK(csv.compare(0, 3, "\xEF\xBB\xBF") == 0);
        CHECK(csv.compare(3, 3, "\xEF\xBB\xBF") != 0);  // exactly one BOM
        REQUIRE(csv.size() >= 2);
        CHECK(csv.compare(csv.size() - 2, 2, "\r\n") == 0);
        auto rows = csv_rows(csv);
        CHECK(rows.size() == records.size() + 1);
        for (const auto& row : rows) CHECK(row.size() == export_columns().size());
    }
}

TEST_CASE("the CSV header names the columns in zh-TW or English") {
    const auto& snapshot = beitai::testing::repository_snapshot();
    const std::vector<std::string> zh = {"編號", "年度", "議題組", "分組", "提案單位", "提案縣市", "提案名稱",
                                         "提案類型", "合作縣市", "請求中央協助", "對應中央部會", "狀態代碼",
                                         "列管狀態", "結案類型代碼", "結案類型", "解除列管理由", "決議", "決議日期",
                                         "最後更新", "版本"};
    const std::vector<std::string> en = {"ID", "Year", "Issue group", "Sub-group", "Proposing agency",
                                         "Proposing county", "Title", "Types", "Cooperating counties",
                                         "Asks the central government", "Ministry", "Status code", "Status",
                                         "Closure kind code", "Closure kind", "Closure reason", "Decision", "Decision date",
                                         "Last update", "Version"};
    CHECK(export_columns().size() == zh.size());
    CHECK(csv_rows(export_csv(snapshot, {}, Lang::zh_TW)) == Rows{zh});
    CHECK(csv_rows(export_csv(snapshot, {}, Lang::en)) == Rows{en});
    // Public content only: nothing of the proposal sheet's contact or the progress log.
    for (const auto& column : export_columns()) {
        CAPTURE(column);
        CHECK(column.find("contact") == std::string::npos);
        CHECK(column != "sheet");
        CHECK(column != "progress");
    }
}

TEST_CASE("the CSV parses back to the cells export_rows gives") {
    const auto& snapshot = beitai::testing::repository_snapshot();
    auto records = select_records(snapshot, {});
    for (Lang lang : {Lang::zh_TW, Lang::en}) {
        CAPTURE(static_cast<int>(lang));
        auto expected = export_rows(snapshot, records, lang);
        auto rows = csv_rows(export_csv(snapshot, records, lang));
        REQUIRE(rows.size() == expected.size() + 1);
        for (size_t i = 0; i < expected.size(); ++i) {
            CAPTURE(expected[i][0]);
            REQUIRE(rows[i + 1].size() == expected[i].size());
            for (size_t c = 0; c < expected[i].size(); ++c) {
                CAPTURE(export_columns()[c]);
                CHECK(rows[i + 1][c] == defended(expected[i][c]));
            }
        }
    }
}

TEST_CASE("export_rows holds the record's facts, translated where they are labels") {
    const auto& snapshot = beitai::testing::repository_snapshot();
    const auto* r = snapshot.find("111-02");
    REQUIRE(r != nullptr);
    auto zh = export_rows(snapshot, {r}, Lang::zh_TW);
    auto en = export_rows(snapshot, {r}, Lang::en);
    REQUIRE(zh.size() == 1);
    REQUIRE(en.size() == 1);
    const std::vector<std::string> expected_zh = {
        "111-02", "111", "文化教育組", "教育組", "桃園市政府教育局", "桃園市", "北臺灣在職雙語教學師資培訓平台",
        "", "", "否", "", "closed", "解除列管", "done", "執行完竣", r->proposal.closure->reason,
        "依112年6月12日第3次工作會議決議", "2023-06-12", "2023-08-08", "1"};
    CHECK(zh[0] == expected_zh);
    CHECK(en[0][5] == "Taoyuan City");
    CHECK(en[0][12] == "Closed");
    CHECK(en[0][11] == "closed");  // codes do not translate
    CHECK(en[0][6] == zh[0][6]);  // nor does the proposal's own text
    CHECK(en[0][2] == "Culture and Education");
    CHECK(en[0][9] == "No");
    CHECK(en[0][14] == "Done");

    const auto* open = snapshot.find("112-10");
    REQUIRE(open != nullptr);
    auto row = export_rows(snapshot, {open}, Lang::zh_TW).at(0);
    CHECK(row[8] == "基隆市、臺北市、新北市、桃園市");
    CHECK(export_rows(snapshot, {open}, Lang::en).at(0)[8] == "Keelung City, Taipei City, New Taipei City, Taoyuan City");
    CHECK(row[12] == "列管");
    for (size_t c : {13, 14, 15, 16, 17}) CHECK(row[c].empty());  // an open item has no closure cells
    for (const auto* each : select_records(snapshot, {})) {
        const auto cells = export_rows(snapshot, {each}, Lang::en).at(0);
        CAPTURE(each->id());
        CHECK((cells[9] == "Yes" || cells[9] == "No"));
        // The English export is English where a translation exists: groups, counties, types.
        for (size_t c : {2, 3, 5, 7, 8, 12, 14}) CHECK(beitai::testing::first_chinese(cells[c]) == "");
    }
}

TEST_CASE("cells with commas, quotes and line breaks round-trip through the CSV") {
    const auto& snapshot = beitai::testing::repository_snapshot();
    const std::string titles[] = {
        "a,b",
        "say \"hi\"",
        "\"",
        "\"\"",
        "line one\nline two",
        "line one\r\nline two",
        "ends with CR\r",
        ",",
        "北臺,八縣市「合作」\n第二行",
        kScript,
        kImg,
        "trailing space ",
        "",
    };
    std::vector<ProposalRecord> records;
    for (const auto& t : titles) {
        records.push_back(copy_of("112-09"));
        records.back().proposal.title = t;
    }
    const std::string csv = export_csv(snapshot, pointers(records), Lang::zh_TW);
    auto rows = csv_rows(csv);
    REQUIRE(rows.size() == records.size() + 1);
    for (size_t i = 0; i < records.size(); ++i) {
        CAPTURE(titles[i]);
        CHECK(rows[i + 1][6] == titles[i]);
    }
    CHECK(csv.find(",\"a,b\",") != std::string::npos);
    CHECK(csv.find(",\"say \"\"hi\"\"\",") != std::string::npos);
    CHECK(csv.find("," + kScript + ",") != std::string::npos);  // verbatim: a CSV is not HTML
    CHECK(csv.find("&lt;") == std::string::npos);
}

TEST_CASE("cells a spreadsheet would run as formulas get a leading apostrophe") {
    const auto& snapshot = beitai::testing::repository_snapshot();
    struct Case {
        std::string cell;
        std::string expected;
    } cases[] = {
        {"=1+1", "'=1+1"},
        {"+x", "'+x"},
        {"-x", "'-x"},
        {"@x", "'@x"},
        {"\tx", "'\tx"},
        {"\r=1", "'\r=1"},
        {"=HYPERLINK(\"http://evil.example\",\"click\")", "'=HYPERLINK(\"http://evil.example\",\"click\")"},
        {"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
        {"1+1", "1+1"},    // only the first character counts
        {"a=1", "a=1"},
        {"'=1", "'=1"},    // already defended text is left alone
        {"＝1+1", "＝1+1"},  // a full-width sign is text to every spreadsheet
    };
    for (const auto& c : cases) {
        CAPTURE(c.cell);
        SUBCASE("in the title") {
            auto r = copy_of("112-09");
            r.proposal.title = c.cell;
            auto rows = csv_rows(export_csv(snapshot, {&r}, Lang::zh_TW));
            REQUIRE(rows.size() == 2);
            CHECK(rows[1][6] == c.expected);
            CHECK(export_rows(snapshot, {&r}, Lang::zh_TW)[0][6] == c.cell);  // the rows keep the text itself
        }
        SUBCASE("in the agency and in the closing reason and decision") {
            auto r = copy_of("111-02");
            r.proposal.agency = c.cell;
            r.proposal.closure->reason = c.cell;
            r.proposal.closure->decision = c.cell;
            auto rows = csv_rows(export_csv(snapshot, {&r}, Lang::en));
            REQUIRE(rows.size() == 2);
            CHECK(rows[1][4] == c.expected);
            CHECK(rows[1][15] == c.expected);
            CHECK(rows[1][16] == c.expected);
        }
    }
}

TEST_CASE("a hostile title is verbatim in the CSV and escaped in the ODS") {
    const auto& snapshot = beitai::testing::repository_snapshot();
    auto script = copy_of("112-09");
    script.proposal.title = kScript;
    auto img = copy_of("111-02");
    img.proposal.agency = kImg;
    img.proposal.closure->reason = kScript + kImg;

    auto rows = csv_rows(export_csv(snapshot, {&script, &img}, Lang::zh_TW));
    REQUIRE(rows.size() == 3);
    CHECK(rows[1][6] == kScript);
    CHECK(rows[2][4] == kImg);
    CHECK(rows[2][15] == kScript + kImg);

    auto zip = beitai::testing::read_zip(export_ods(snapshot, {&script, &img}, Lang::zh_TW));
    REQUIRE_MESSAGE(zip.ok(), zip.error);
    const std::string content = member(zip, "content.xml");
    CHECK(content.find("<script") == std::string::npos);
    CHECK(content.find("<img") == std::string::npos);
    CHECK(content.find("<text:p>&lt;script&gt;alert(1)&lt;/script&gt;</text:p>") != std::string::npos);
    CHECK(content.find("<text:p>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</text:p>") != std::string::npos);
}

TEST_CASE("the JSON export reads back to the same records") {
    const auto& snapshot = beitai::testing::repository_snapshot();
    std::vector<ProposalRecord> records;
    for (const auto* r : select_records(snapshot, {})) records.push_back(*r);
    records[0].version = 7;
    records[1].proposal.title = kScript + kImg;
    records[2].history.push_back(StatusEvent{{2023, 9, 1}, beitai::content::Status::closed,
                                             beitai::content::Status::open, std::nullopt, "重新列管", std::nullopt,
                                             "桃園市政府"});
    const auto selection = pointers(records);

    const std::string text = export_json(selection);
    auto json = beitai::text::parse_json_text(text, "proposals.json");
    REQUIRE_MESSAGE(json.ok(), json.error());
    REQUIRE(json->is_array());
    auto back = read_records(*json, "proposals.json");
    REQUIRE_MESSAGE(back.ok(), back.error());
    REQUIRE(back->size() == records.size());
    for (size_t i = 0; i < records.size(); ++i) {
        CAPTURE(records[i].id());
        CHECK((*back)[i].id() == records[i].id());
        CHECK((*back)[i].version == records[i].version);
        CHECK((*back)[i].history.size() == records[i].history.size());
        CHECK(to_json((*back)[i]) == to_json(records[i]));
    }
    CHECK((*back)[0].version == 7);
    CHECK((*back)[1].proposal.title == kScript + kImg);

    CHECK(export_json({}) == "[]");
}

TEST_CASE("the ODS is a zip with mimetype first, a content table and a manifest") {
    const auto& snapshot = beitai::testing::repository_snapshot();
    ProposalQuery y111;
    y111.year = 111;
    for (auto selection : {select_records(snapshot, {}), select_records(snapshot, y111),
                           std::vector<const ProposalRecord*>{}}) {
        CAPTURE(selection.size());
        const std::string ods = export_ods(snapshot, selection, Lang::zh_TW);
        auto zip = beitai::testing::read_zip(ods);
        REQUIRE_MESSAGE(zip.ok(), zip.error);
        REQUIRE(zip.entries.size() == 3);
        CHECK(zip.entries[0].name == "mimetype");
        CHECK(zip.entries[1].name == "content.xml");
        CHECK(zip.entries[2].name == "META-INF/manifest.xml");

        const auto& mimetype = zip.entries[0];
        CHECK(mimetype.data == "application/vnd.oasis.opendocument.spreadsheet");
        CHECK(mimetype.method == 0);
        CHECK(mimetype.local_offset == 0);
        CHECK(mimetype.local_extra == 0);
        CHECK(ods.compare(30, 8, "mimetype") == 0);
        CHECK(ods.compare(38, 46, "application/vnd.oasis.opendocument.spreadsheet") == 0);
        for (const auto& e : zip.entries) CHECK(e.crc == beitai::text::crc32(e.data));

        const std::string content = zip.entries[1].data;
        CHECK(content.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
        CHECK(count(content, "<table:table-row>") == selection.size() + 1);
        CHECK(count(content, "</table:table-row>") == selection.size() + 1);
        CHECK(count(content, "<table:table-cell ") == (selection.size() + 1) * export_columns().size());
        CHECK(content.find("table:number-columns-repeated=\"20\"") != std::string::npos);
        CHECK(content.find("<text:p>編號</text:p>") != std::string::npos);
        for (const auto* r : selection) {
            CAPTURE(r->id());
            CHECK(content.find("<text:p>" + r->id() + "</text:p>") != std::string::npos);
        }

        const std::string manifest = zip.entries[2].data;
        CHECK(manifest.find("manifest:full-path=\"/\" manifest:version=\"1.2\" "
                            "manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"") !=
              std::string::npos);
        CHECK(manifest.find("manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"") != std::string::npos);
    }
}

TEST_CASE("the ODS writes years and versions as numbers and headers in the reader's language") {
    const auto& snapshot = beitai::testing::repository_snapshot();
    auto r = copy_of("112-09");
    r.version = 12;
    auto zip = beitai::testing::read_zip(export_ods(snapshot, {&r}, Lang::en));
    REQUIRE_MESSAGE(zip.ok(), zip.error);
    const std::string content = member(zip, "content.xml");
    CHECK(content.find("<table:table-cell office:value-type=\"float\" office:value=\"112\"><text:p>112</text:p>") !=
          std::string::npos);
    CHECK(content.find("<table:table-cell office:value-type=\"float\" office:value=\"12\"><text:p>12</text:p>") !=
          std::string::npos);
    CHECK(content.find("<text:p>Proposing county</text:p>") != std::string::npos);
    CHECK(content.find("<text:p>New Taipei City</text:p>") != std::string::npos);
    CHECK(content.find("<text:p>編號</text:p>") == std::string::npos);
    // In ODS a formula-looking text is a string cell, so it keeps its own text.
    r.proposal.title = "=1+1";
    auto again = beitai::testing::read_zip(export_ods(snapshot, {&r}, Lang::en));
    REQUIRE(again.ok());
    CHECK(member(again, "content.xml").find("office:value-type=\"string\"><text:p>=1+1</text:p>") != std::string::npos);
}

TEST_CASE("a title pasted from a word processor still gives a well-formed ODS") {
    // Word writes a manual line break as a vertical tab (U+000B); staff paste titles from it,
    // and nothing on the way in refuses control characters.
    const auto& snapshot = beitai::testing::repository_snapshot();
    auto r = copy_of("112-09");
    r.proposal.title = std::string("北管音樂\x0B及客家八音\x01校園推廣");
    auto zip = beitai::testing::read_zip(export_ods(snapshot, {&r}, Lang::zh_TW));
    REQUIRE_MESSAGE(zip.ok(), zip.error);
    const std::string content = member(zip, "content.xml");
    CHECK(content.find("北管音樂") != std::string::npos);
    size_t forbidden = 0;  // XML 1.0 allows no C0 control but tab, LF and CR, escaped or not
    for (unsigned char c : content) forbidden += c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    // One raw control character would make content.xml ill-formed and LibreOffice refuse
    // the whole spreadsheet; it is replaced by U+FFFD instead.
    CHECK(forbidden == 0);
    CHECK(content.find("北管音樂\xEF\xBF\xBD及客家八音") != std::string::npos);
}
