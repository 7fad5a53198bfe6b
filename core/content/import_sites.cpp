// The certified environmental-education sites (import_sites.h).
//
// Index of this file:
// [SECTION] Reading the list (JSON, CSV)
// [SECTION] The positions file
// [SECTION] Taking the records
// [SECTION] The report

#include "content/import_sites.h"

#include <cstdlib>
#include <set>

#include "content/county_areas.h"
#include "text/csv.h"

namespace beitai::content {

using text::Json;

namespace {

// -----------------------------------------------------------------------------------------
// [SECTION] Reading the list (JSON, CSV)
// -----------------------------------------------------------------------------------------

std::string json_text(const Json& record, const char* key) {
    auto it = record.find(key);
    if (it == record.end() || !it->is_string()) return {};
    return it->get<std::string>();
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

Result<CertifiedList> read_json_list(std::string_view text) {
    auto json = text::parse_json_text(text, "the list");
    if (!json) return Error{json.error()};
    if (!json->is_array()) return Error{"expected the list as a JSON array of records"};
    CertifiedList list;
    list.format = "JSON";
    for (size_t i = 0; i < json->size(); ++i) {
        const Json& r = (*json)[i];
        CertifiedRecord c;
        c.record = i;
        if (!r.is_object()) {
            c.refused = "not an object";
        } else {
            c.name = trim(json_text(r, "org_name"));
            c.address = trim(json_text(r, "address"));
            c.licence = trim(json_text(r, "license_no"));
            c.cert_date = trim(json_text(r, "cert_date"));
            c.valid_date = trim(json_text(r, "valid_date"));
        }
        list.records.push_back(std::move(c));
    }
    return list;
}

Result<CertifiedList> read_csv_list(std::string_view text) {
    auto rows = text::parse_csv(text);
    if (!rows) return Error{rows.error()};
    if (rows->empty()) return Error{"the file is empty"};
    // Columns by header name, so a list with extra or reordered columns still reads.
    const auto& header = rows->front().cells;
    auto column = [&](std::initializer_list<const char*> names) -> int {
        for (size_t c = 0; c < header.size(); ++c)
            for (const char* n : names)
                if (trim(header[c]) == n) return static_cast<int>(c);
        return -1;
    };
    const int name_col = column({"org_name", "機構名稱", "場所名稱"});
    const int address_col = column({"address", "地址", "場所地址"});
    const int licence_col = column({"license_no", "認證字號"});
    const int cert_col = column({"cert_date", "認證日期"});
    const int valid_col = column({"valid_date", "有效日期", "有效期限"});
    const int lat_col = column({"lat", "緯度"}), lon_col = column({"lon", "經度"});
    if (name_col < 0 || address_col < 0)
        return Error{"line 1: the header names no org_name (機構名稱) and address (地址) columns"};
    CertifiedList list;
    list.format = "CSV";
    for (size_t r = 1; r < rows->size(); ++r) {
        const auto& row = (*rows)[r];
        auto cell = [&](int c) { return c >= 0 && static_cast<size_t>(c) < row.cells.size() ? trim(row.cells[c]) : std::string(); };
        CertifiedRecord c;
        c.record = row.line;
        c.name = cell(name_col);
        c.address = cell(address_col);
        c.licence = cell(licence_col);
        c.cert_date = cell(cert_col);
        c.valid_date = cell(valid_col);
        const std::string lat_text = cell(lat_col), lon_text = cell(lon_col);
        if (!lat_text.empty() || !lon_text.empty()) {
            char* end_lat = nullptr;
            char* end_lon = nullptr;
            const double lat = std::strtod(lat_text.c_str(), &end_lat), lon = std::strtod(lon_text.c_str(), &end_lon);
            if (lat_text.empty() || lon_text.empty() || *end_lat || *end_lon)
                c.refused = "lat/lon: not numbers";
            else if (!geo::northern_taiwan().contains({lat, lon}))
                c.refused = "lat/lon: outside northern Taiwan";
            else
                c.at = geo::LatLon{lat, lon};
        }
        list.records.push_back(std::move(c));
    }
    return list;
}

}  // namespace

Result<CertifiedList> read_certified_list(std::string_view text) {
    size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    while (start < text.size() && (text[start] == ' ' || text[start] == '\t' || text[start] == '\r' || text[start] == '\n'))
        ++start;
    if (start == text.size()) return Error{"the file is empty"};
    if (text[start] == '[' || text[start] == '{') return read_json_list(text.substr(start));
    return read_csv_list(text);
}

// -----------------------------------------------------------------------------------------
// [SECTION] The positions file
// -----------------------------------------------------------------------------------------

SitePositions read_site_positions(const Json& root, text::Diagnostics& diagnostics) {
    SitePositions out;
    text::ObjectReader top(root, "", diagnostics);
    out.note = top.optional_string("note").value_or("");
    if (const Json* positions = top.object("positions")) {
        for (auto it = positions->begin(); it != positions->end(); ++it) {
            text::ObjectReader r(it.value(), text::key_path("positions", it.key()), diagnostics);
            SitePosition p;
            p.at = {r.number("lat"), r.number("lon")};
            p.name = r.optional_string("name").value_or("");
            p.source = r.optional_string("source").value_or("");
            r.reject_unknown_keys();
            if (!r.is_object()) continue;
            if (!geo::northern_taiwan().contains(p.at)) {
                r.error("lat", "not in northern Taiwan");
                continue;
            }
            out.by_licence[it.key()] = p;
        }
    }
    top.reject_unknown_keys();
    return out;
}

// -----------------------------------------------------------------------------------------
// [SECTION] Taking the records
// -----------------------------------------------------------------------------------------

namespace {

const char* from_words(PositionFrom from) {
    switch (from) {
        case PositionFrom::columns: return "position from the file's lat/lon";
        case PositionFrom::positions_file: return "position from the positions file";
        case PositionFrom::geocoder: return "position from the geocoder";
        case PositionFrom::none: break;
    }
    return "no position: listed without a marker";
}

std::string describe(const Site& s, PositionFrom from, const std::string& certificate) {
    return s.county + "; " + from_words(from) + certificate;
}

}  // namespace

SiteImport import_certified_sites(const CertifiedList& list, const std::vector<County>& counties,
                                  const SiteImportOptions& options) {
    SiteImport out;
    out.format = list.format;
    std::map<std::string, size_t> licences;  // licence → record, for duplicates
    for (const auto& c : list.records) {
        ImportLine line;
        line.record = c.record;
        line.what = c.name.empty() ? "(no org_name)" : c.name;
        const std::string county = county_of_address(c.address, counties);
        if (!c.refused.empty()) {
            line.detail = c.refused;
        } else if (c.name.empty()) {
            line.detail = "org_name: missing";
        } else if (county.empty()) {
            line.detail = "address: \"" + c.address + "\" is not in the eight counties";
        } else if (!c.licence.empty() && licences.count(c.licence)) {
            line.detail = "license_no: \"" + c.licence + "\" already taken at record " + std::to_string(licences[c.licence]);
        } else {
            Site s;
            s.id = c.licence.empty() ? "certified-" + std::to_string(c.record) : c.licence;
            s.name = c.name;
            s.county = county;
            s.address = c.address;
            s.licence = c.licence;
            s.green_tourism = false;  // the certified list says nothing of the programme
            s.sample = false;
            PositionFrom from = PositionFrom::none;
            if (c.at) {
                s.at = c.at;
                from = PositionFrom::columns;
            } else if (options.positions && !c.licence.empty()) {
                auto p = options.positions->by_licence.find(c.licence);
                if (p != options.positions->by_licence.end()) {
                    s.at = p->second.at;
                    from = PositionFrom::positions_file;
                }
            }
            std::string certificate;
            if (!c.valid_date.empty()) {
                auto until = text::parse_gregorian_date(c.valid_date);
                if (!until) until = text::parse_roc_date(c.valid_date);  // a county's copy may write 民國 dates
                if (until) {
                    s.valid_until = text::to_iso(*until);
                    s.certificate_expired = *until < options.today;
                    if (s.certificate_expired) certificate = "; certificate expired on " + s.valid_until;
                } else {
                    certificate = "; valid_date \"" + c.valid_date + "\" is not a date (YYYY/MM/DD), not checked";
                }
            } else {
                certificate = "; no valid_date, not checked";
            }
            if (!c.cert_date.empty() && !text::parse_gregorian_date(c.cert_date))
                certificate += "; cert_date \"" + c.cert_date + "\" is not a date (YYYY/MM/DD)";
            if (!c.licence.empty()) licences[c.licence] = c.record;
            line.taken = true;
            line.detail = describe(s, from, certificate);
            out.site_line.push_back(out.report.size());
            out.position.push_back(from);
            out.sites.push_back(std::move(s));
        }
        out.report.push_back(std::move(line));
    }
    return out;
}

void place_site(SiteImport& import, size_t i, const Result<geo::LatLon>& answer, const std::vector<County>& counties,
                const std::vector<geo::Feature>* areas) {
    if (i >= import.sites.size() || import.sites[i].at) return;
    Site& s = import.sites[i];
    ImportLine& line = import.report[import.site_line[i]];
    std::string why;
    if (!answer) {
        why = answer.error();
    } else if (!geo::northern_taiwan().contains(*answer)) {
        why = "the geocoder's position is outside northern Taiwan";
    } else if (areas) {
        const AreaHit hit = county_at(*areas, *answer, counties);
        if (!hit.area.empty() && hit.county != s.county)
            why = "the geocoder's position lies in " + hit.area + ", not in the address's county";
    }
    if (why.empty()) {
        s.at = *answer;
        import.position[i] = PositionFrom::geocoder;
        const std::string old = from_words(PositionFrom::none);
        const size_t at = line.detail.find(old);
        if (at != std::string::npos) line.detail.replace(at, old.size(), from_words(PositionFrom::geocoder));
    } else {
        line.detail += "; geocoder: " + why;
    }
}

// -----------------------------------------------------------------------------------------
// [SECTION] The report
// -----------------------------------------------------------------------------------------

std::string site_report_text(const SiteImport& import, const std::string& source) {
    size_t from[4] = {0, 0, 0, 0}, expired = 0;
    for (size_t i = 0; i < import.sites.size(); ++i) {
        ++from[static_cast<int>(import.position[i])];
        expired += import.sites[i].certificate_expired;
    }
    const size_t taken = import.sites.size();
    std::string out = source + ": taken " + std::to_string(taken) + " (positions: " +
                      std::to_string(from[static_cast<int>(PositionFrom::columns)]) + " from the file, " +
                      std::to_string(from[static_cast<int>(PositionFrom::positions_file)]) + " from the positions file, " +
                      std::to_string(from[static_cast<int>(PositionFrom::geocoder)]) + " from the geocoder, " +
                      std::to_string(from[static_cast<int>(PositionFrom::none)]) + " none, listed without a marker; " +
                      std::to_string(expired) + " certificate(s) expired), refused " +
                      std::to_string(import.report.size() - taken) + "\n";
    const std::string lines = report_text(import.report, source);
    return out + lines.substr(lines.find('\n') + 1);
}

}  // namespace beitai::content
