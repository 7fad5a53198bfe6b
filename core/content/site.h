// Environmental-education sites (環境教育設施場所) of the green-tourism programme. The seeds
// give their number (102) but not the list: content/maps/sites.json is sample data and says
// so ("sample": true); an importer loads the ministry's certified list instead.
#pragma once

#include <string>
#include <vector>

#include "text/json_reader.h"
#include "geo/latlon.h"

namespace beitai::content {

struct Site {
    std::string id;
    std::string name;
    std::string county;  // TDX id
    std::string address;
    geo::LatLon at;
    std::string activities;
    std::string hours;
    bool green_tourism = false;
    bool sample = false;
};

struct SiteList {
    bool sample = false;
    std::string note;
    std::vector<Site> sites;
};

SiteList read_sites(const text::Json& root, text::Diagnostics& diagnostics);
const Site* find_site(const std::vector<Site>& sites, const std::string& id);
text::Json to_json(const Site& site);

}  // namespace beitai::content
