// The eight member counties and cities. Keys are the TDX city ids because the parking and
// cycling feeds use them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "text/json_reader.h"
#include "geo/latlon.h"

namespace beitai::content {

struct County {
    std::string id;       // TDX city id: "Taipei", "YilanCounty", …
    std::string name_zh;  // 臺北市
    std::string name_en;  // Taipei City
    geo::LatLon seat;     // the county or city government building
};

std::vector<County> read_counties(const text::Json& root, text::Diagnostics& diagnostics);
text::Json to_json(const County& county);

// Finds a county by id; nullptr when there is none.
const County* find_county(const std::vector<County>& counties, const std::string& id);

}  // namespace beitai::content
