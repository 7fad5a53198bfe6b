#include "routes/portal.h"

#include <chrono>

namespace beitai::site {

SnapshotHolder::SnapshotHolder(tracker::Snapshot initial) { set(std::move(initial)); }

std::shared_ptr<const SnapshotHolder::Published> SnapshotHolder::current() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return current_;
}

std::shared_ptr<const tracker::Snapshot> SnapshotHolder::get() const {
    auto published = current();
    return std::shared_ptr<const tracker::Snapshot>(published, &published->snapshot);
}

void SnapshotHolder::set(tracker::Snapshot next) {
    auto fresh = std::make_shared<Published>();
    fresh->snapshot = std::move(next);
    std::lock_guard<std::mutex> lock(mutex_);
    current_ = std::move(fresh);
}

Portal::Portal(Store& store, tracker::Snapshot snapshot, StaticFiles files, PortalConfig config,
               std::unique_ptr<MapState> map)
    : store_(store),
      snapshot_(std::move(snapshot)),
      sessions_(store, config.secure_cookies),
      files_(std::move(files)),
      config_(std::move(config)),
      map_(std::move(map)) {
    if (auto r = store_.revision()) known_revision_ = *r;
}

Status Portal::reload() {
    auto revision = store_.revision();
    auto fresh = store_.load();
    if (!fresh) return Error{fresh.error()};
    snapshot_.set(std::move(*fresh));
    if (revision) {
        std::lock_guard<std::mutex> lock(refresh_mutex_);
        known_revision_ = *revision;
    }
    return ok_status();
}

void Portal::refresh_if_changed() {
    const UnixTime now = unix_now();
    UnixTime last = last_refresh_check_.load(std::memory_order_relaxed);
    if (now == last || !last_refresh_check_.compare_exchange_strong(last, now)) return;
    auto revision = store_.revision();
    if (!revision) return;
    long long known;
    {
        std::lock_guard<std::mutex> lock(refresh_mutex_);
        known = known_revision_;
    }
    if (*revision != known) reload();
}

namespace {
bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }
bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

Response Portal::handle(const Request& request) {
    const std::string& path = request.path;
    refresh_if_changed();
    if (path == "/staff" || starts_with(path, "/staff/") || starts_with(path, "/api/staff/")) return staff(request);
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
    if (path == "/map") return map_page(request);
    if (path == "/map.svg") return map_svg(request);
    if (path == "/map/sites") return map_list_page(request, "sites");
    if (path == "/map/routes") return map_list_page(request, "routes");
    if (path == "/map/gaps") return map_list_page(request, "gaps");
    for (const char* what : {"routes", "sites", "basemap"})
        if (path == std::string("/api/") + what) return api_map(what, request);
    if (path == "/api/bikenet/gaps") return api_map("gaps", request);
    if (path == "/api/parking") return api_parking("", request);
    for (const char* what : {"near", "feeds", "stream"})
        if (path == std::string("/api/parking/") + what) return api_parking(what, request);
    if (path == "/api/bikenet/route") return api_map("route", request);
    if (!starts_with(path, "/api/"))
        if (auto r = files_.serve(path)) return std::move(*r);
    return Response::json_error(404, "no such resource: " + path);
}

text::Lang request_lang(const Request& request) { return text::parse_lang(request.cookie("lang")); }

std::string path_and_query(const Request& request) {
    std::string qs = text::to_query_string(request.query);
    return qs.empty() ? request.path : request.path + "?" + qs;
}

Response html_page(int status, std::string html) {
    Response r;
    r.status = status;
    r.content_type = "text/html; charset=utf-8";
    r.body = std::move(html);
    if (std::none_of(r.headers.begin(), r.headers.end(), [](const auto& h) { return h.first == "Cache-Control"; }))
        r.headers.emplace_back("Cache-Control", "no-cache");
    return r;
}

Response redirect(const std::string& location) {
    // Callers pass paths of this site; refuse anything a browser could read as elsewhere.
    for (char c : location)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '\\') return redirect("/");
    if (location.empty() || location[0] != '/' || (location.size() > 1 && location[1] == '/')) return redirect("/");
    Response r;
    r.status = 303;
    r.headers.emplace_back("Location", location);
    r.body = "See " + location;
    return r;
}

std::string Portal::client_address(const Request& request) const {
    if (!config_.trust_proxy) return request.remote_address;
    // The proxy appends the address it saw; earlier entries came from the client and prove
    // nothing.
    const std::string& forwarded = request.header("x-forwarded-for");
    auto comma = forwarded.rfind(',');
    std::string last = comma == std::string::npos ? forwarded : forwarded.substr(comma + 1);
    const auto first = last.find_first_not_of(' ');
    last = first == std::string::npos ? "" : last.substr(first);
    return last.empty() ? request.remote_address : last;
}

UnixTime unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

text::Date taipei_today(UnixTime now) { return text::date_in_taipei(now); }

}  // namespace beitai::site
