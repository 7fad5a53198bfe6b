// Importers for the official forms, so a county can load the real thing instead of our
// sample data. What they share lives here: the report every importer gives, record by record
// (what it took, what it refused and why), and the county a place name or address names.
// The formats themselves are read by import_routes.h (bike routes) and import_sites.h
// (the certified environmental-education sites).
#pragma once

#include <string>
#include <vector>

#include "content/county.h"

namespace beitai::content {

struct ImportLine {
    size_t record = 0;  // 0-based record index (JSON, XML, KML, GeoJSON) or 1-based CSV line
    bool taken = false;
    std::string what;    // the record's name
    std::string detail;  // what was taken, or why not
};

// The county a Chinese address or county name lies in: "台北市…" and "臺北市…" are Taipei,
// a postcode ("100臺北市…") or "臺灣省" may come first; the names before the 2010 and 2014
// mergers count too ("臺北縣" is New Taipei, "桃園縣" Taoyuan). Empty when it is none of the
// eight.
std::string county_of_address(const std::string& address, const std::vector<County>& counties);

// A county as a person or a file names it: its id ("Taoyuan"), English name ("Taoyuan
// City", any case) or Chinese name as county_of_address reads it. Empty when none.
std::string county_id_of(const std::string& name, const std::vector<County>& counties);

// "taken 12, refused 2" and then one line per record, taken or refused.
std::string report_text(const std::vector<ImportLine>& report, const std::string& source);

}  // namespace beitai::content
