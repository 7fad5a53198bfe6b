// Importers for the official forms, so a county can load the real thing instead of our
// sample data. Each reports, record by record, what it took and what it refused and why.
//
//  - TDX Cycling Shape (/v2/Cycling/Shape/City/{City}, JSON): RouteName, AuthorityName,
//    City, Town, RoadSectionStart/End, Direction, CyclingType, CyclingLength (m),
//    FinishedTime (ROC date like 1021231), Geometry (WKT MULTILINESTRING, WGS84). Some
//    fields hold the literal string "NULL"; some records lack section ends.
//  - The environment ministry's certified environmental-education sites (CSV): institution
//    name, address, licence number, certification and expiry dates — no county and no
//    coordinates. The county comes from the address (臺 or 台); coordinates from "lat"/"lon"
//    columns when a county has added them. Rows that cannot be placed are reported.
#pragma once

#include <string>
#include <vector>

#include "content/county.h"
#include "content/route.h"
#include "content/site.h"
#include "text/result.h"

namespace beitai::content {

struct ImportLine {
    size_t record = 0;  // 0-based record index (TDX) or 1-based CSV line
    bool taken = false;
    std::string what;    // the record's name
    std::string detail;  // what was taken, or why not
};

struct RouteImport {
    std::vector<Route> routes;
    std::vector<ImportLine> report;
};

struct SiteImport {
    std::vector<Site> sites;
    std::vector<ImportLine> report;
};

// The county a Chinese address or city name lies in: "台北市…" and "臺北市…" are Taipei;
// the old "桃園縣" is Taoyuan. Empty when it is none of the eight.
std::string county_of_address(const std::string& address, const std::vector<County>& counties);

// A whole document that is not TDX's array of records is an error; a bad record is a
// refused line of the report.
Result<RouteImport> import_tdx_cycling(const text::Json& document, const std::vector<County>& counties);

Result<SiteImport> import_certified_sites(const std::string& csv_text, const std::vector<County>& counties);

// "taken 12, refused 2" and then one line per refused record.
std::string report_text(const std::vector<ImportLine>& report, const std::string& source);

}  // namespace beitai::content
