// Environmental-education sites (環境教育設施場所) of the green-tourism programme. The seeds
// give their number (102) but not the list: content/maps/sites.json is sample data and says
// so ("sample": true); an importer loads the ministry's certified list instead.
//
// The certified list gives no positions: a site may have none until a county supplies one
// (content/maps/site_positions.json or a geocoder, see content/import_sites.h). Such a site
// is listed (by county, with its card) but has no marker on any map, and nothing that needs a
// place — a check-in's radius, the car parks nearby, a route's end — can use it.
#pragma once

#include <optional>
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
    std::optional<geo::LatLon> at;  // none: listed without a marker
    std::string activities;
    std::string hours;
    bool green_tourism = false;
    bool sample = false;
    // From the ministry's certified list, when imported from it: the licence number
    // ("(100)環署訓證字第EC009001-02號"), the date it is valid until (ISO), and whether it had
    // expired on the day of the import. Empty / false otherwise.
    std::string licence;
    std::string valid_until;
    bool certificate_expired = false;
};

struct SiteList {
    bool sample = false;
    std::string note;
    std::vector<Site> sites;
};

// "lat" and "lon" both or neither (a site without a position); the certificate's fields
// are optional.
SiteList read_sites(const text::Json& root, text::Diagnostics& diagnostics);
const Site* find_site(const std::vector<Site>& sites, const std::string& id);
text::Json to_json(const Site& site);

}  // namespace beitai::content
