// Serving files: the build's hashed copies (http/asset_manifest.h), kept a year by browsers
// and sent precompressed as the request's Accept-Encoding allows; and the folders mounted
// under URL prefixes (web/ pages, the WASM build's output, Leaflet from node_modules) under
// their plain names, revalidated each time, for whatever still names them so. Paths are
// confined to their folder.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "http/asset_manifest.h"
#include "http/message.h"

namespace beitai::site {

class StaticFiles {
public:
    // Files under `directory` answer at `url_prefix` (ending in '/') + their relative path.
    StaticFiles& mount_dir(std::string url_prefix, std::string directory);
    // One file at one path ("/kiosk" → web/kiosk.html).
    StaticFiles& mount_file(std::string path, std::string file);
    // The hashed copies: served at their hashed URLs, and named instead of the logical ones
    // in the pages (asset_urls(), and the src/href of every .html file served).
    StaticFiles& set_assets(AssetSet assets);
    const render::AssetUrls& asset_urls() const { return assets_.urls; }

    // nullopt when no mount holds the path, so the caller can answer 404 its own way.
    std::optional<Response> serve(const Request& request) const;

private:
    struct Mount {
        std::string prefix;
        std::string target;
        bool single_file;
    };
    std::vector<Mount> mounts_;
    AssetSet assets_;
};

const char* content_type_for(const std::string& path);

// The bytes of a regular file (not a folder or a device), or nullopt.
std::optional<std::string> read_regular_file(const std::string& path);

// Whether a relative path stays in its folder: no "..", "." or empty segment, no segment
// starting with a dot, no NUL or backslash.
bool is_safe_relative(const std::string& rel);

// "Cache-Control" of the hashed copies: a year, never revalidated (the name changes instead).
inline constexpr const char* kImmutable = "public, max-age=31536000, immutable";

}  // namespace beitai::site
