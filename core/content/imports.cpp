#include "content/imports.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "geo/wkt.h"
#include "text/csv.h"
#include "text/date.h"

namespace beitai::content {

namespace {

// TDX writes the literal string "NULL" where a value is missing.
std::string field(const text::Json& record, const char* key) {
    auto it = record.find(key);
    if (it == record.end() || !it->is_string()) return {};
    const std::string& v = it->get_ref<const std::string&>();
    return v == "NULL" ? std::string() : v;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    return s;
}

std::string metres(double m) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f m", m);
    return buf;
}

}  // namespace

std::string county_of_address(const std::string& address, const std::vector<County>& counties) {
    std::string a = replace_all(address, "台", "臺");
    a = replace_all(a, "桃園縣", "桃園市");  // before 2014 Taoyuan was a county
    size_t start = a.find_first_not_of(" \t");
    if (start == std::string::npos) return {};
    a = a.substr(start);
    // A postcode may come first ("100臺北市…").
    size_t digits = 0;
    while (digits < a.size() && a[digits] >= '0' && a[digits] <= '9') ++digits;
    a = a.substr(digits);
    for (const auto& c : counties)
        if (a.rfind(c.name_zh, 0) == 0) return c.id;
    return {};
}

Result<RouteImport> import_tdx_cycling(const text::Json& document, const std::vector<County>& counties) {
    if (!document.is_array()) return Error{"expected TDX's array of cycling-route records"};
    RouteImport out;
    const geo::BBox region = geo::northern_taiwan();
    for (size_t i = 0; i < document.size(); ++i) {
        const text::Json& r = document[i];
        ImportLine line;
        line.record = i;
        if (!r.is_object()) {
            line.detail = "not an object";
            out.report.push_back(line);
            continue;
        }
        std::string name = field(r, "RouteName");
        const std::string start = field(r, "RoadSectionStart"), end = field(r, "RoadSectionEnd");
        line.what = name.empty() ? "(no RouteName)" : name;
        const std::string county = county_of_address(field(r, "City"), counties);
        if (name.empty()) {
            line.detail = "RouteName: missing";
        } else if (county.empty()) {
            line.detail = "City: \"" + field(r, "City") + "\" is not one of the eight counties";
        } else {
            auto lines = geo::parse_wkt_lines(field(r, "Geometry"));
            if (!lines) {
                line.detail = "Geometry: " + lines.error();
                if (lines.error().find("out of range") != std::string::npos)
                    line.detail += " (TWD97 metres rather than WGS84 degrees?)";
            } else {
                bool inside = true;
                for (const auto& l : *lines)
                    for (const auto& p : l) inside = inside && region.contains(p);
                if (!inside) {
                    line.detail = "Geometry: positions outside northern Taiwan (is it TWD97 metres rather than degrees?)";
                } else {
                    double length = 0;
                    const std::string id_base = county + "-tdx-" + std::to_string(i + 1);
                    const std::string full_name = name + (start.empty() && end.empty() ? "" : "（" + start + "－" + end + "）");
                    for (size_t k = 0; k < lines->size(); ++k) {
                        out.routes.push_back({k == 0 ? id_base : id_base + "#" + std::to_string(k + 1), full_name, county,
                                              (*lines)[k]});
                        length += geo::length_m((*lines)[k]);
                    }
                    line.taken = true;
                    line.detail = std::to_string(lines->size()) + " line(s), " + metres(length);
                    auto stated = r.find("CyclingLength");
                    if (stated != r.end() && stated->is_number() && stated->get<double>() > 0 &&
                        std::abs(stated->get<double>() - length) > 0.2 * stated->get<double>())
                        line.detail += " (CyclingLength says " + metres(stated->get<double>()) + ")";
                    const std::string finished = field(r, "FinishedTime");
                    if (!finished.empty() && !text::parse_roc_date(finished))
                        line.detail += "; FinishedTime \"" + finished + "\" is not an ROC date, ignored";
                }
            }
        }
        out.report.push_back(line);
    }
    return out;
}

Result<SiteImport> import_certified_sites(const std::string& csv_text, const std::vector<County>& counties) {
    auto rows = text::parse_csv(csv_text);
    if (!rows) return Error{rows.error()};
    if (rows->empty()) return Error{"the file is empty"};
    // Columns by header name, so a list with extra or reordered columns still reads.
    const auto& header = rows->front().cells;
    auto column = [&](std::initializer_list<const char*> names) -> int {
        for (size_t c = 0; c < header.size(); ++c)
            for (const char* n : names)
                if (header[c] == n) return static_cast<int>(c);
        return -1;
    };
    const int name_col = column({"org_name", "機構名稱", "場所名稱"});
    const int address_col = column({"address", "地址", "場所地址"});
    const int licence_col = column({"license_no", "認證字號"});
    const int lat_col = column({"lat", "緯度"}), lon_col = column({"lon", "經度"});
    if (name_col < 0 || address_col < 0)
        return Error{"line 1: the header names no org_name and address columns"};
    SiteImport out;
    for (size_t r = 1; r < rows->size(); ++r) {
        const auto& row = (*rows)[r];
        auto cell = [&](int c) { return c >= 0 && static_cast<size_t>(c) < row.cells.size() ? row.cells[c] : std::string(); };
        ImportLine line;
        line.record = row.line;
        line.what = cell(name_col);
        const std::string county = county_of_address(cell(address_col), counties);
        if (line.what.empty()) {
            line.detail = "org_name: missing";
        } else if (county.empty()) {
            line.detail = "address: \"" + cell(address_col) + "\" is not in the eight counties";
        } else if (cell(lat_col).empty() || cell(lon_col).empty()) {
            line.detail = "cannot place: no lat/lon columns for this row (add them, or geocode the address)";
        } else {
            char* end_lat = nullptr;
            char* end_lon = nullptr;
            const std::string lat_text = cell(lat_col), lon_text = cell(lon_col);
            const double lat = std::strtod(lat_text.c_str(), &end_lat), lon = std::strtod(lon_text.c_str(), &end_lon);
            const geo::LatLon at{lat, lon};
            if (*end_lat || *end_lon) {
                line.detail = "lat/lon: not numbers";
            } else if (!geo::northern_taiwan().contains(at)) {
                line.detail = "lat/lon: outside northern Taiwan";
            } else {
                Site s;
                s.id = cell(licence_col).empty() ? "site-line-" + std::to_string(row.line) : cell(licence_col);
                s.name = line.what;
                s.county = county;
                s.address = cell(address_col);
                s.at = at;
                s.green_tourism = false;  // the certified list says nothing of the programme
                s.sample = false;
                out.sites.push_back(std::move(s));
                line.taken = true;
                line.detail = county;
            }
        }
        out.report.push_back(line);
    }
    return out;
}

std::string report_text(const std::vector<ImportLine>& report, const std::string& source) {
    size_t taken = 0;
    for (const auto& l : report) taken += l.taken;
    std::string out = source + ": taken " + std::to_string(taken) + ", refused " + std::to_string(report.size() - taken) + "\n";
    for (const auto& l : report)
        out += source + ": " + std::string(l.taken ? "took " : "refused ") + "record " + std::to_string(l.record) + " (" +
               l.what + "): " + l.detail + "\n";
    return out;
}

}  // namespace beitai::content
