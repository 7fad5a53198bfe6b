// The environment ministry's certified environmental-education facilities (環境教育設施場所),
// as its open-data platform serves the list, into our sites (content/site.h).
//
// The list, all of Taiwan (some 267 records), comes in two forms:
//  - JSON: an array of objects with org_name (the site), address, applicant, uniform_no,
//    applicant_addr, license_no ("(100)環署訓證字第EC009001-02號", "…-02R1", "…-02C1"),
//    cert_date and valid_date ("YYYY/MM/DD"; an ROC date such as 民國113年5月12日 is read too);
//  - CSV with a header, either with those field names or in the form we described first:
//    機構名稱 (or 場所名稱), 地址, 認證字號, 認證日期, 有效日期 (or 有效期限), and optionally
//    lat/lon (緯度/經度) columns a county has added.
// applicant, uniform_no and applicant_addr are about the organisation that applied: they are
// never read. There are no coordinates and no county: the county comes from the address (臺
// or 台, old names such as 桃園縣 and 臺北縣), and records outside the eight counties are
// refused. A certificate whose valid_date is before the day of the import is taken and
// flagged. A position comes from the file's own lat/lon columns, else from the positions file
// (content/maps/site_positions.json, keyed by licence number), else from a geocoder the
// command line asks (place_site below), else none: the site is listed without a marker, and
// the summary says how many.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/county.h"
#include "content/imports.h"
#include "content/site.h"
#include "geo/geojson.h"
#include "text/date.h"
#include "text/json_reader.h"
#include "text/result.h"

namespace beitai::content {

// One record of the list, only the fields a site needs.
struct CertifiedRecord {
    size_t record = 0;  // JSON: 0-based index; CSV: 1-based line
    std::string name;
    std::string address;
    std::string licence;
    std::string cert_date;
    std::string valid_date;
    std::optional<geo::LatLon> at;  // CSV lat/lon columns, when a county added them
    std::string refused;            // why the record cannot be read ("" when it can)
};

struct CertifiedList {
    std::string format;  // "JSON", "CSV"
    std::vector<CertifiedRecord> records;
};

// Either form, told apart by the text (a JSON array, else CSV). A file that is neither is an
// error naming the line.
Result<CertifiedList> read_certified_list(std::string_view text);

// content/maps/site_positions.json: where certified sites are, keyed by licence number as the
// list writes it. {"note": "…", "positions": {"<license_no>": {"lat": …, "lon": …, "name": "…",
// "source": "…"}}}; name and source are for people (which site, who measured it). Every
// position lies in northern Taiwan.
struct SitePosition {
    geo::LatLon at;
    std::string name;
    std::string source;
};
struct SitePositions {
    std::string note;
    std::map<std::string, SitePosition> by_licence;
};
SitePositions read_site_positions(const text::Json& root, text::Diagnostics& diagnostics);

enum class PositionFrom { none, columns, positions_file, geocoder };

struct SiteImport {
    std::string format;
    std::vector<Site> sites;
    std::vector<ImportLine> report;
    std::vector<size_t> site_line;         // sites[i]'s line in the report
    std::vector<PositionFrom> position;    // where sites[i]'s position came from
};

struct SiteImportOptions {
    text::Date today;                         // the day of the import: certificates valid before it have expired
    const SitePositions* positions = nullptr;
};

SiteImport import_certified_sites(const CertifiedList& list, const std::vector<County>& counties,
                                  const SiteImportOptions& options);

// A geocoder's answer for sites[i] (which has no position yet): kept when it lies in the
// site's county — by the basemap's areas when given, else in northern Taiwan — and said in
// the site's report line either way.
void place_site(SiteImport& import, size_t i, const Result<geo::LatLon>& answer, const std::vector<County>& counties,
                const std::vector<geo::Feature>* areas);

// "taken 40 (positions: 3 from the file, 30 from the positions file, 5 from the geocoder,
// 2 none — listed without a marker; 4 certificates expired), refused 227", then every line.
std::string site_report_text(const SiteImport& import, const std::string& source);

}  // namespace beitai::content
