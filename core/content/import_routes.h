// Bike routes from what the agencies publish, into our routes (content/route.h):
//
//  - GeoJSON (RFC 7946) and what GDAL writes for it: a "crs" naming CRS84 (or EPSG:4326),
//    3-D positions (the elevation, often 0, dropped), LineString and MultiLineString, features
//    with "geometry": null; the name from "name" ("RouteName", "title"), the county from
//    "county" ("City", "COUNTYNAME") when there is one — a county's bike-path layer has only
//    "type" (市區/河濱) and "name".
//  - TDX Cycling Shape (/v2/Cycling/Shape/City/{City}), JSON and XML: RouteName,
//    AuthorityName, City, Town, RoadSectionStart/End, Direction, CyclingType, CyclingLength
//    (m), FinishedTime (ROC date like 1021231), Geometry (WKT MULTILINESTRING, WGS84). Some
//    fields hold the literal string "NULL"; some records lack section ends.
//  - KML: each Placemark with a LineString or a MultiGeometry of them; its <name>, and the
//    county from ExtendedData ("county", "City", "COUNTYNAME") when there is one.
//
// Each format is read into RouteRecords, then one set of rules takes or refuses each record:
// a name; a county — from the record, else the importer's flag (--county), else the county
// area of the offline basemap holding the line's first point (then its middle, then its end);
// positions in northern Taiwan. Every record gets a line in the report.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/county.h"
#include "content/imports.h"
#include "content/route.h"
#include "geo/geojson.h"
#include "text/result.h"

namespace beitai::content {

struct RouteImport {
    std::string format;  // "GeoJSON", "TDX Cycling Shape JSON", "TDX Cycling Shape XML", "KML"
    std::vector<Route> routes;
    std::vector<ImportLine> report;
};

struct RouteImportOptions {
    std::string county;                                // a county id for records that name none ("": none)
    const std::vector<geo::Feature>* areas = nullptr;  // the basemap's county areas (county_areas.h)
};

// One record as its format gives it, before the common rules.
struct RouteRecord {
    size_t record = 0;
    std::string name;
    std::string name_field = "name";  // where the name is, for messages
    std::string county;               // as the record says it ("台北市", "Taipei"); "" when it says none
    std::string county_field;
    std::vector<geo::Polyline> lines;
    std::string refused;             // why the record cannot be read ("" when it can)
    std::vector<std::string> notes;  // said beside a taken record
};

// The readers of each format. A document that is not the format at all is an error; a bad
// record is a RouteRecord with `refused` set.
Result<std::vector<RouteRecord>> read_geojson_routes(const text::Json& collection);
Result<std::vector<RouteRecord>> read_tdx_cycling_json(const text::Json& document);
Result<std::vector<RouteRecord>> read_tdx_cycling_xml(std::string_view xml);
Result<std::vector<RouteRecord>> read_kml_routes(std::string_view kml);

// The common rules. Ids are "<county>-<tag>-<record + 1>", "#2", "#3"… for the further
// lines of a record ("Taipei-tdx-1#2").
RouteImport take_routes(const std::vector<RouteRecord>& records, const std::string& format, const std::string& tag,
                        const std::vector<County>& counties, const RouteImportOptions& options);

// Any of the formats, told apart by the text: XML whose root is <kml> is KML, other XML is
// TDX's; a JSON array is TDX's; a JSON object is GeoJSON.
Result<RouteImport> import_routes(std::string_view text, const std::string& source, const std::vector<County>& counties,
                                  const RouteImportOptions& options = {});

}  // namespace beitai::content
