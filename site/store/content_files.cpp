#include "store/content_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace beitai::site {

namespace fs = std::filesystem;

Result<std::vector<content::SourceFile>> read_content_dir(const std::string& dir) {
    std::string shown = dir;
    while (shown.size() > 1 && shown.back() == '/') shown.pop_back();
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return Error{shown + ": not a directory"};
    std::vector<fs::path> paths;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        const auto ext = it->path().extension();
        if (it->is_regular_file() && (ext == ".json" || ext == ".geojson")) paths.push_back(it->path());
    }
    if (ec) return Error{shown + ": " + ec.message()};
    std::sort(paths.begin(), paths.end());
    std::vector<content::SourceFile> files;
    for (const auto& p : paths) {
        std::ifstream in(p, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        if (!in.good() && !in.eof()) return Error{p.string() + ": cannot read"};
        files.push_back({shown + "/" + fs::relative(p, dir).generic_string(), ss.str()});
    }
    return files;
}

Result<content::Catalog> load_catalog(const std::string& dir) {
    auto files = read_content_dir(dir);
    if (!files) return Error{files.error()};
    return content::read_catalog(*files);
}

}  // namespace beitai::site
