// Bike routes as counties publish them: an id, a name, the county and the line. Read from
// GeoJSON features (content/maps/routes.geojson, or what an importer produced): each
// LineString or MultiLineString feature with "id", "name" and "county" properties.
#pragma once

#include <string>
#include <vector>

#include "geo/geojson.h"
#include "text/result.h"

namespace beitai::content {

struct Route {
    std::string id;
    std::string name;
    std::string county;  // TDX city id
    geo::Polyline line;
};

struct RouteSet {
    bool sample = false;  // the collection says "sample": true
    std::vector<Route> routes;
};

// A MultiLineString feature "Taipei-03" gives routes "Taipei-03", "Taipei-03#2", …
// Errors name the feature index ("features[4].properties.county: missing").
Result<RouteSet> routes_from_features(const std::vector<geo::Feature>& features, const std::string& source,
                                      bool sample);

// Reads a routes GeoJSON document: the collection, its "sample" flag, positions inside
// northern Taiwan.
Result<RouteSet> read_routes(const text::Json& collection, const std::string& source);

// An import of some counties' routes laid over the routes already held: every held route of a
// county the import brings is replaced by the import's, the other counties' are kept, so the
// eight counties' layers can be imported one file at a time. Sample routes are never mixed
// with official ones: merging into a sample set is refused.
struct MergedRoutes {
    std::vector<Route> routes;
    size_t kept = 0;      // held routes of other counties
    size_t replaced = 0;  // held routes of the imported counties, dropped
};
Result<MergedRoutes> merge_routes(const RouteSet& held, const std::vector<Route>& imported);

// The routes back as a FeatureCollection (one LineString per route).
text::Json routes_to_geojson(const std::vector<Route>& routes, bool sample);

}  // namespace beitai::content
