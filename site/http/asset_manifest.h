// The build's hashed copies of the browser's files (assets/web/fingerprint_assets.py): a
// folder laid out by URL, manifest.json mapping each logical URL to its hashed one, and beside
// each hashed file its brotli (.br) and gzip (.gz) copies when they were worth making. The
// server reads a folder once at start and keeps it in memory, so it serves exactly the files
// its pages name, even while a rebuild rewrites the folder under it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "render/asset_urls.h"
#include "text/result.h"

namespace beitai::site {

struct Asset {
    std::string content_type;
    std::string etag;  // of the bytes themselves (http/etag.h)
    std::shared_ptr<const std::string> identity;
    std::shared_ptr<const std::string> br;    // null when the build did not make one
    std::shared_ptr<const std::string> gzip;  // likewise
};

struct AssetSet {
    render::AssetUrls urls;                       // logical URL → hashed URL
    std::unordered_map<std::string, Asset> files;  // hashed URL → its file
    // Takes another folder's files in; a URL both hold is an error (two builds claiming it).
    Status merge(AssetSet other);
};

// The manifest's map, checked: a JSON object whose keys and values are URL paths ("/…"),
// each hashed path without "..", "." or empty segments, no two keys giving the same value.
Result<render::AssetUrls> parse_asset_manifest(std::string_view json_text, const std::string& file);

// DIR/manifest.json and every file it names (each must be there), with their copies.
Result<AssetSet> load_asset_folder(const std::string& dir);

}  // namespace beitai::site
