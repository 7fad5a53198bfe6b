// Reading content/ from disk into the SourceFiles the core's catalog reader takes.
#pragma once

#include <string>
#include <vector>

#include "content/catalog.h"
#include "text/result.h"

namespace beitai::site {

// Every *.json and *.geojson below `dir`, sorted, named as `dir` was given plus the relative path
// ("content/proposals/112.json"), so messages point where the person looked.
Result<std::vector<content::SourceFile>> read_content_dir(const std::string& dir);

// read_content_dir + read_catalog.
Result<content::Catalog> load_catalog(const std::string& dir);

}  // namespace beitai::site
