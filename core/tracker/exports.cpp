#include "tracker/exports.h"

#include "text/csv.h"

#include "text/json_reader.h"
#include "tracker/labels.h"
#include "text/html.h"
#include "text/zip.h"

namespace beitai::tracker {

namespace {

struct Column {
    const char* key;
    const char* zh;
    const char* en;
};

constexpr Column kColumns[] = {
    {"id", "編號", "ID"},
    {"year", "年度", "Year"},
    {"group", "議題組", "Issue group"},
    {"subgroup", "分組", "Sub-group"},
    {"agency", "提案單位", "Proposing agency"},
    {"county", "提案縣市", "Proposing county"},
    {"title", "提案名稱", "Title"},
    {"types", "提案類型", "Types"},
    {"counties", "合作縣市", "Cooperating counties"},
    {"asks_central", "請求中央協助", "Asks the central government"},
    {"ministry", "對應中央部會", "Ministry"},
    {"status", "狀態代碼", "Status code"},
    {"status_label", "列管狀態", "Status"},
    {"closure_kind", "結案類型代碼", "Closure kind code"},
    {"closure_kind_label", "結案類型", "Closure kind"},
    {"closure_reason", "解除列管理由", "Closure reason"},
    {"decision", "決議", "Decision"},
    {"decision_date", "決議日期", "Decision date"},
    {"updated", "最後更新", "Last update"},
    {"version", "版本", "Version"},
};

std::string join(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : separator) + i;
    return out;
}

std::string header(const Column& c, text::Lang lang) { return lang == text::Lang::en ? c.en : c.zh; }

std::string type_names(const std::vector<std::string>& types, text::Lang lang) {
    std::string out;
    for (const auto& t : types) out += (out.empty() ? "" : std::string(text::tr("punct.list", lang))) + type_name(t, lang);
    return out;
}

}  // namespace

const std::vector<std::string>& export_columns() {
    static const std::vector<std::string> columns = [] {
        std::vector<std::string> v;
        for (const auto& c : kColumns) v.push_back(c.key);
        return v;
    }();
    return columns;
}

std::vector<std::vector<std::string>> export_rows(const Snapshot& snapshot,
                                                  const std::vector<const ProposalRecord*>& records, text::Lang lang) {
    std::vector<std::vector<std::string>> rows;
    rows.reserve(records.size());
    for (const auto* r : records) {
        const content::Proposal& p = r->proposal;
        const bool closed = p.status == content::Status::closed && p.closure;
        rows.push_back({
            p.id,
            std::to_string(p.year),
            group_name(snapshot, p.group, lang),
            p.subgroup ? subgroup_name(snapshot, *p.subgroup, lang) : "",
            p.agency,
            county_name(snapshot, p.county, lang),
            p.title,
            type_names(p.types, lang),
            county_names(snapshot, p.counties, lang),
            yes_no(p.asks_central, lang),
            p.ministry.value_or(""),
            std::string(content::to_string(p.status)),
            status_label(p.status, lang),
            closed ? std::string(content::to_string(p.closure->kind)) : "",
            closed ? closure_label(p.closure->kind, lang) : "",
            closed ? p.closure->reason : "",
            closed ? p.closure->decision.value_or("") : "",
            closed && p.closure->date ? text::to_iso(*p.closure->date) : "",
            text::is_valid(r->updated) ? text::to_iso(r->updated) : "",
            std::to_string(r->version),
        });
    }
    return rows;
}

std::string export_csv(const Snapshot& snapshot, const std::vector<const ProposalRecord*>& records, text::Lang lang) {
    std::string out = "\xEF\xBB\xBF";
    std::vector<std::string> head;
    for (const auto& c : kColumns) head.push_back(text::csv_cell(header(c, lang)));
    out += join(head, ",") + "\r\n";
    for (const auto& row : export_rows(snapshot, records, lang)) {
        std::vector<std::string> cells;
        for (const auto& cell : row) cells.push_back(text::csv_cell(cell));
        out += join(cells, ",") + "\r\n";
    }
    return out;
}

std::string export_json(const std::vector<const ProposalRecord*>& records) {
    text::Json array = text::Json::array();
    for (const auto* r : records) array.push_back(to_json(*r));
    return text::to_json_text(array);
}

std::string export_ods(const Snapshot& snapshot, const std::vector<const ProposalRecord*>& records, text::Lang lang) {
    auto cell = [](const std::string& value) {
        return "<table:table-cell office:value-type=\"string\"><text:p>" + text::escape_xml(value) +
               "</text:p></table:table-cell>";
    };
    std::string rows = "<table:table-row>";
    for (const auto& c : kColumns) rows += cell(header(c, lang));
    rows += "</table:table-row>";
    for (const auto& row : export_rows(snapshot, records, lang)) {
        rows += "<table:table-row>";
        for (size_t i = 0; i < row.size(); ++i) {
            const std::string& key = kColumns[i].key;
            if ((key == "year" || key == "version") && !row[i].empty())
                rows += "<table:table-cell office:value-type=\"float\" office:value=\"" + row[i] + "\"><text:p>" +
                        row[i] + "</text:p></table:table-cell>";
            else
                rows += cell(row[i]);
        }
        rows += "</table:table-row>";
    }
    const std::string content_xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
        "<office:body><office:spreadsheet><table:table table:name=\"proposals\">"
        "<table:table-column table:number-columns-repeated=\"" +
        std::to_string(export_columns().size()) + "\"/>" + rows +
        "</table:table></office:spreadsheet></office:body></office:document-content>";
    const std::string manifest =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
        "manifest:version=\"1.2\">"
        "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" "
        "manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
        "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
        "</manifest:manifest>";
    return text::zip_stored({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                             {"content.xml", content_xml},
                             {"META-INF/manifest.xml", manifest}});
}

}  // namespace beitai::tracker
