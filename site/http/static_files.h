// Serving files from folders mounted under URL prefixes: web/ pages, the WASM build's
// output, Leaflet from node_modules. Paths are confined to their folder.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "http/message.h"

namespace beitai::site {

class StaticFiles {
public:
    // Files under `directory` answer at `url_prefix` (ending in '/') + their relative path.
    StaticFiles& mount_dir(std::string url_prefix, std::string directory);
    // One file at one path ("/kiosk" → web/kiosk.html).
    StaticFiles& mount_file(std::string path, std::string file);

    // nullopt when no mount holds the path, so the caller can answer 404 its own way.
    std::optional<Response> serve(const std::string& path) const;

private:
    struct Mount {
        std::string prefix;
        std::string target;
        bool single_file;
    };
    std::vector<Mount> mounts_;
};

const char* content_type_for(const std::string& path);

}  // namespace beitai::site
