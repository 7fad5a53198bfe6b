#include "http/asset_manifest.h"

#include <set>

#include "http/etag.h"
#include "http/static_files.h"
#include "text/json_reader.h"
#include "text/sha256.h"

namespace beitai::site {

namespace {

std::shared_ptr<const std::string> read_copy(const std::string& path) {
    auto bytes = read_regular_file(path);
    return bytes ? std::make_shared<const std::string>(std::move(*bytes)) : nullptr;
}

// The hash a hashed name carries: "portal.3f9a1c2e.css" → "3f9a1c2e" (empty if none).
std::string_view name_hash(std::string_view url) {
    const std::size_t ext = url.rfind('.');
    const std::size_t dot = ext == std::string_view::npos || ext == 0 ? std::string_view::npos : url.rfind('.', ext - 1);
    if (dot == std::string_view::npos || url.find('/', dot) != std::string_view::npos) return {};
    return url.substr(dot + 1, ext - dot - 1);
}

}  // namespace

Status AssetSet::merge(AssetSet other) {
    for (auto& [logical, hashed] : other.urls)
        if (!urls.emplace(logical, hashed).second) return Error{"two asset folders name " + logical};
    for (auto& [url, asset] : other.files)
        if (!files.emplace(url, std::move(asset)).second) return Error{"two asset folders hold " + url};
    return ok_status();
}

Result<render::AssetUrls> parse_asset_manifest(std::string_view json_text, const std::string& file) {
    auto json = text::parse_json_text(json_text, file);
    if (!json) return Error{json.error()};
    if (!json->is_object()) return Error{file + ": expected an object of URL → hashed URL, found " + text::json_type_name(*json)};
    render::AssetUrls urls;
    std::set<std::string> hashed;
    for (const auto& [logical, value] : json->items()) {
        const std::string where = file + ": " + text::key_path("", logical);
        if (!value.is_string()) return Error{where + ": expected a string, found " + text::json_type_name(value)};
        const std::string url = value.get<std::string>();
        if (logical.empty() || logical[0] != '/') return Error{where + ": the logical URL must start with /"};
        if (url.empty() || url[0] != '/' || !is_safe_relative(url.substr(1)))
            return Error{where + ": \"" + url + "\" is not a plain URL path (/a/b.c, no '..', '.' or empty segment)"};
        if (!hashed.insert(url).second) return Error{where + ": \"" + url + "\" is named twice"};
        urls.emplace(logical, url);
    }
    return urls;
}

Result<AssetSet> load_asset_folder(const std::string& dir) {
    const std::string manifest_file = dir + "/manifest.json";
    auto text = read_regular_file(manifest_file);
    if (!text) return Error{"cannot read " + manifest_file};
    auto urls = parse_asset_manifest(*text, manifest_file);
    if (!urls) return Error{urls.error()};
    AssetSet set;
    for (const auto& [logical, url] : *urls) {
        const std::string path = dir + url;
        Asset asset;
        asset.identity = read_copy(path);
        if (!asset.identity) return Error{manifest_file + ": " + logical + ": " + path + " is missing; build again"};
        // The name promises these bytes for a year (Cache-Control: immutable): a file that does
        // not hold them (cut short, written over by hand) is refused, never served under it.
        const std::string_view hash = name_hash(url);
        if (hash.size() < 8 || text::to_hex(text::sha256(*asset.identity)).compare(0, hash.size(), hash) != 0)
            return Error{manifest_file + ": " + logical + ": the bytes of " + path + " are not those its name's hash promises; build again"};
        asset.content_type = content_type_for(path);
        asset.etag = etag_of(*asset.identity);
        asset.br = read_copy(path + ".br");
        asset.gzip = read_copy(path + ".gz");
        set.files.emplace(url, std::move(asset));
    }
    set.urls = std::move(*urls);
    return set;
}

}  // namespace beitai::site
