#include "routes/portal.h"

namespace beitai::site {

SnapshotHolder::SnapshotHolder(tracker::Snapshot initial)
    : current_(std::make_shared<const tracker::Snapshot>(std::move(initial))) {}

std::shared_ptr<const tracker::Snapshot> SnapshotHolder::get() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return current_;
}

void SnapshotHolder::set(tracker::Snapshot next) {
    auto fresh = std::make_shared<const tracker::Snapshot>(std::move(next));
    std::lock_guard<std::mutex> lock(mutex_);
    current_ = std::move(fresh);
}

Portal::Portal(Store& store, tracker::Snapshot snapshot, StaticFiles files, PortalConfig config)
    : store_(store), snapshot_(std::move(snapshot)), files_(std::move(files)), config_(std::move(config)) {}

namespace {
bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }
bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

Response Portal::handle(const Request& request) {
    const std::string& path = request.path;
    if (request.method != "GET") {
        Response r = Response::json_error(405, "method " + request.method + " not allowed on " + path);
        r.headers.emplace_back("Allow", "GET, HEAD");
        return r;
    }
    if (path == "/healthz") return Response::json(200, R"({"status":"ok"})");
    if (path == "/api/counties") return api_counties();
    if (path == "/api/proposals") return api_proposals(request);
    if (path == "/api/snapshot") return api_snapshot();
    if (starts_with(path, "/api/proposals/")) return api_proposal(path.substr(15));
    if (path == "/proposals") return proposals_page(request);
    for (const char* format : {"csv", "json", "ods", "atom"})
        if (path == std::string("/proposals.") + format) return export_view(request, format);
    if (starts_with(path, "/proposals/")) {
        std::string id = path.substr(11);
        if (ends_with(id, ".atom")) return proposal_feed(request, id.substr(0, id.size() - 5));
        return proposal_page(request, id);
    }
    if (path == "/lang") return switch_language(request);
    if (!starts_with(path, "/api/"))
        if (auto r = files_.serve(path)) return std::move(*r);
    return Response::json_error(404, "no such resource: " + path);
}

text::Lang request_lang(const Request& request) { return text::parse_lang(cookie_value(request, "lang")); }

std::string cookie_value(const Request& request, const std::string& name) {
    const std::string& header = request.header("cookie");
    size_t pos = 0;
    while (pos < header.size()) {
        size_t end = header.find(';', pos);
        std::string pair = header.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        size_t start = pair.find_first_not_of(' ');
        if (start != std::string::npos) pair = pair.substr(start);
        if (pair.compare(0, name.size() + 1, name + "=") == 0) return pair.substr(name.size() + 1);
        if (end == std::string::npos) break;
        pos = end + 1;
    }
    return {};
}

std::string path_and_query(const Request& request) {
    std::string qs = text::to_query_string(request.query);
    return qs.empty() ? request.path : request.path + "?" + qs;
}

Response html_page(int status, std::string html) {
    Response r;
    r.status = status;
    r.content_type = "text/html; charset=utf-8";
    r.body = std::move(html);
    r.headers.emplace_back("Cache-Control", "no-cache");
    return r;
}

Response redirect(const std::string& location) {
    Response r;
    r.status = 303;
    r.headers.emplace_back("Location", location);
    r.body = "See " + location;
    return r;
}

}  // namespace beitai::site
