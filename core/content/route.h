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

// The routes back as a FeatureCollection (one LineString per route).
text::Json routes_to_geojson(const std::vector<Route>& routes, bool sample);

}  // namespace beitai::content
