#include "http/static_files.h"

#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include "http/content_coding.h"
#include "http/etag.h"
#include "render/asset_urls.h"

namespace beitai::site {

namespace {

bool ends_with(const std::string& s, const char* suffix) {
    std::string x(suffix);
    return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
}

}  // namespace

std::optional<std::string> read_regular_file(const std::string& path) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Refuses anything that could climb out of the mount: "..", empty segments, NULs, backslashes.
bool is_safe_relative(const std::string& rel) {
    if (rel.empty() || rel.find('\0') != std::string::npos || rel.find('\\') != std::string::npos) return false;
    size_t start = 0;
    while (start <= rel.size()) {
        size_t slash = rel.find('/', start);
        std::string seg = rel.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (seg.empty() || seg == "." || seg == ".." || seg[0] == '.') return false;
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return true;
}

const char* content_type_for(const std::string& path) {
    if (ends_with(path, ".html")) return "text/html; charset=utf-8";
    if (ends_with(path, ".js") || ends_with(path, ".mjs")) return "text/javascript; charset=utf-8";
    if (ends_with(path, ".css")) return "text/css; charset=utf-8";
    if (ends_with(path, ".wasm")) return "application/wasm";
    if (ends_with(path, ".json")) return "application/json; charset=utf-8";
    if (ends_with(path, ".svg")) return "image/svg+xml";
    if (ends_with(path, ".png")) return "image/png";
    if (ends_with(path, ".otf")) return "font/otf";
    if (ends_with(path, ".woff2")) return "font/woff2";
    if (ends_with(path, ".ico")) return "image/x-icon";
    return "application/octet-stream";
}

StaticFiles& StaticFiles::mount_dir(std::string url_prefix, std::string directory) {
    mounts_.push_back({std::move(url_prefix), std::move(directory), false});
    return *this;
}

StaticFiles& StaticFiles::mount_file(std::string path, std::string file) {
    mounts_.push_back({std::move(path), std::move(file), true});
    return *this;
}

StaticFiles& StaticFiles::set_assets(AssetSet assets) {
    assets_ = std::move(assets);
    return *this;
}

std::optional<Response> StaticFiles::serve(const Request& request) const {
    const std::string& path = request.path;
    if (auto hashed = assets_.files.find(path); hashed != assets_.files.end()) {
        const Asset& asset = hashed->second;
        const Coding coding = choose_coding(accepted_codings(request), asset.br != nullptr, asset.gzip != nullptr);
        Response r;
        r.content_type = asset.content_type;
        r.shared_body = coding == Coding::br ? asset.br : coding == Coding::gzip ? asset.gzip : asset.identity;
        if (coding != Coding::identity) r.headers.emplace_back("Content-Encoding", coding_name(coding));
        if (asset.br || asset.gzip) r.headers.emplace_back("Vary", "Accept-Encoding");
        r.headers.emplace_back("ETag", coding == Coding::identity ? asset.etag : etag_with_coding(asset.etag, coding_suffix(coding)));
        r.headers.emplace_back("Cache-Control", kImmutable);
        return r;
    }
    for (const auto& m : mounts_) {
        std::string file;
        if (m.single_file) {
            if (path != m.prefix) continue;
            file = m.target;
        } else {
            if (path.compare(0, m.prefix.size(), m.prefix) != 0) continue;
            std::string rel = path.substr(m.prefix.size());
            if (!is_safe_relative(rel)) continue;
            file = m.target + "/" + rel;
        }
        auto body = read_regular_file(file);
        if (!body) continue;
        Response r;
        r.content_type = content_type_for(file);
        // A static page names the files it loads by their logical URLs: give it the hashed ones.
        r.body = ends_with(file, ".html") ? render::with_asset_urls(*body, assets_.urls) : std::move(*body);
        // Under its plain name a file changes with every build: browsers revalidate it (the
        // portal adds its ETag, and compresses it, as for any answer).
        r.headers.emplace_back("Cache-Control", "no-cache");
        return r;
    }
    return std::nullopt;
}

}  // namespace beitai::site
