// GeoJSON (RFC 7946) reading and writing for the map's data: Point, LineString,
// MultiLineString, Polygon and MultiPolygon features with their properties. Positions are
// [longitude, latitude] in GeoJSON and LatLon (latitude first) everywhere else; the swap
// happens here only. Errors name the feature index and the reason
// ("features[12].geometry.coordinates[3]: longitude 181 out of range").
#pragma once

#include <string>
#include <vector>

#include "text/json_reader.h"
#include "geo/geometry.h"
#include "text/result.h"

namespace beitai::geo {

enum class GeometryType { point, line_string, multi_line_string, polygon, multi_polygon };

struct Geometry {
    GeometryType type = GeometryType::point;
    // point: lines[0][0]; line_string: lines[0]; multi_line_string: lines;
    // polygon: polygons[0]; multi_polygon: polygons.
    std::vector<Polyline> lines;
    std::vector<Polygon> polygons;
};

struct Feature {
    Geometry geometry;
    text::Json properties = text::Json::object();
};

struct ReadOptions {
    // When set, every position must lie in this box (e.g. northern Taiwan), else an error
    // naming the position: data for the wrong place is refused, not drawn in the sea.
    BBox region;
    bool check_region = false;
};

// Reads a FeatureCollection. Every problem is reported, each as
// "<source>: features[i]…: reason"; a bad feature is an error, not skipped.
Result<std::vector<Feature>> read_feature_collection(const text::Json& json, const std::string& source,
                                                     const ReadOptions& options = {});
Result<std::vector<Feature>> read_feature_collection_text(const std::string& text, const std::string& source,
                                                          const ReadOptions& options = {});

// One geometry on its own (a member of another format, such as a planned route's path);
// problems are added to `diagnostics` under `path`. False when it did not read.
bool read_geometry(const text::Json& json, const std::string& path, text::Diagnostics& diagnostics,
                   Geometry& out, const ReadOptions& options = {});
text::Json geometry_json(const Geometry& geometry);

text::Json to_geojson(const Feature& feature);
text::Json to_feature_collection(const std::vector<Feature>& features);

// Northern Taiwan with a margin: the eight counties lie inside it.
BBox northern_taiwan();

// The polygons whose outer ring reaches into `box`, each kept whole (a neighbour's area keeps
// its own outline, not a straight cut); a feature left with no polygon is dropped, and one
// with no polygons at all (a point, a line) is kept as it is. For a map of northern Taiwan:
// the county areas it can show, without Kinmen, Matsu, Penghu or the south.
std::vector<Feature> polygons_reaching(std::vector<Feature> features, const BBox& box);

}  // namespace beitai::geo
