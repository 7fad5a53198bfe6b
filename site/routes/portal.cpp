#include "routes/portal.h"

#include <algorithm>
#include <mutex>
#include <string_view>
#include <utility>

#include "http/metrics.h"

namespace beitai::site {

SnapshotHolder::SnapshotHolder(tracker::Snapshot initial) { (void)set(std::move(initial)); }

std::shared_ptr<const SnapshotHolder::Published> SnapshotHolder::current() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return current_;
}

std::shared_ptr<const tracker::Snapshot> SnapshotHolder::get() const {
    auto published = current();
    return std::shared_ptr<const tracker::Snapshot>(published, &published->snapshot);
}

std::shared_ptr<const void> SnapshotHolder::set(tracker::Snapshot next) {
    auto fresh = std::make_shared<Published>();
    fresh->snapshot = std::move(next);
    std::lock_guard<std::mutex> lock(mutex_);
    return std::exchange(current_, std::move(fresh));
}

Portal::Portal(Store& store, const Clock& clock, tracker::Snapshot snapshot, StaticFiles files, PortalConfig config,
               std::unique_ptr<MapState> map)
    : store_(store),
      clock_(clock),
      snapshot_(std::move(snapshot)),
      sessions_(store, config.secure_cookies),
      files_(std::move(files)),
      config_(std::move(config)),
      map_(std::move(map)),
      writes_([this](const std::vector<const PendingWrite*>& writes) { return commit_writes(writes); }) {
    if (auto r = store_.revision()) known_revision_ = *r;
    static std::once_flag routes_named;
    std::call_once(routes_named, [] {
        std::vector<std::string> patterns;
        for (const Route& route : route_table()) patterns.emplace_back(route.pattern);
        metrics().set_routes(patterns);
    });
}

Status Portal::catch_up_locked() {
    const long long known = known_revision_.load();
    if (known >= 0) {
        auto changed = store_.changed_since(known);
        // A revision behind the one held means another store took this one's place: read it whole.
        if (changed && changed->revision >= known) {
            metrics().count_snapshot_catch_up(false);
            tracker::Snapshot next = *snapshot_.get();
            for (auto& record : changed->records) next.put(std::make_shared<tracker::ProposalRecord>(std::move(record)));
            (void)snapshot_.set(std::move(next));
            known_revision_ = changed->revision;
            return ok_status();
        }
    }
    return reload_locked();
}

Status Portal::reload_locked() {
    metrics().count_snapshot_catch_up(true);
    auto revision = store_.revision();
    auto fresh = store_.load();
    if (!fresh) return Error{fresh.error()};
    (void)snapshot_.set(std::move(*fresh));  // rare: released here, under the write lock
    // Read before the load: were another write to land between the two, the next check
    // would see a newer revision and load again, never miss it.
    known_revision_ = revision ? *revision : -1;
    return ok_status();
}

Result<std::vector<WriteResult>> Portal::commit_writes(const std::vector<const PendingWrite*>& writes) {
    std::vector<Store::ProposalChange> changes;
    changes.reserve(writes.size());
    for (const auto* w : writes) changes.push_back({w->next.get(), w->expected_version, &w->event, &w->audit});
    std::shared_ptr<const void> replaced;  // the snapshot before: let go after the lock (declared first)
    // Held from before the store moves its revision until the snapshot has caught up with it:
    // a check in between (refresh_if_changed) would take this process's own write for another
    // process's and read the whole store again — seconds, with long histories, during which
    // no write is taken.
    std::lock_guard<std::mutex> lock(write_mutex_);
    auto written = store_.write_proposals(changes);
    if (!written) return Error{written.error()};
    if (written->size() != writes.size()) return Error{"the store gave a result for " + std::to_string(written->size()) +
                                                       " of " + std::to_string(writes.size()) + " writes"};
    std::vector<WriteResult> out;
    long long expected = known_revision_.load() + 1;
    bool follows_on = true;
    for (const auto& w : *written) {
        out.push_back(w.result);
        if (w.result != WriteResult::stored) continue;
        follows_on = follows_on && w.revision == expected;
        expected = w.revision + 1;
    }
    if (expected == known_revision_.load() + 1) return out;  // nothing stored
    if (!follows_on) {
        // Stored and durable whatever happens here; should catching up fail, the revision the
        // snapshot holds stays behind and the next request's check tries again.
        catch_up_locked();
        return out;
    }
    tracker::Snapshot next = *snapshot_.get();
    for (size_t i = 0; i < writes.size(); ++i)
        if ((*written)[i].result == WriteResult::stored) next.put(writes[i]->next);
    replaced = snapshot_.set(std::move(next));
    known_revision_ = expected - 1;
    return out;
}

void Portal::catch_up() {
    std::lock_guard<std::mutex> lock(write_mutex_);
    if (auto revision = store_.revision(); revision && *revision != known_revision_.load()) catch_up_locked();
}

void Portal::refresh_if_changed(UnixTime now) {
    UnixTime last = last_refresh_check_.load(std::memory_order_relaxed);
    if (now == last || !last_refresh_check_.compare_exchange_strong(last, now)) return;
    auto revision = store_.revision();
    if (!revision || *revision == known_revision_.load()) return;
    std::lock_guard<std::mutex> lock(write_mutex_);
    // A write of this process may have been taken meanwhile (it moved the revision).
    if (auto again = store_.revision(); again && *again != known_revision_.load()) catch_up_locked();
}

namespace {

void apply_cache_policy(Cache policy, Response& response) {
    auto header = std::find_if(response.headers.begin(), response.headers.end(),
                               [](const auto& h) { return h.first == "Cache-Control"; });
    if (policy == Cache::no_store) {
        if (header != response.headers.end()) response.headers.erase(header);
        response.headers.emplace_back("Cache-Control", "no-store");
    } else if (policy == Cache::revalidate && header == response.headers.end()) {
        response.headers.emplace_back("Cache-Control", "no-cache");
    }
}

}  // namespace

Response Portal::handle(const Request& request) {
    const auto started = std::chrono::steady_clock::now();
    const UnixTime now = clock_.now();
    refresh_if_changed(now);
    const auto& routes = route_table();
    const RouteMatch match = match_route(routes, request.method, request.path);
    Response response = answer(request, match, now);
    if (match.cache) apply_cache_policy(*match.cache, response);
    // Behind TLS, browsers are told to come back only over TLS, for a year. Not
    // includeSubDomains: the portal's host name does not speak for its siblings' or children's.
    if (config_.secure_cookies) response.headers.emplace_back("Strict-Transport-Security", "max-age=31536000");
    representations_.finish(request, response, match.cache != Cache::no_store);
    // Counted under the route's pattern (none: the last slot), never the raw path.
    metrics().observe_request(match.route ? static_cast<std::size_t>(match.route - routes.data()) : routes.size(),
                              response.status, seconds_since(started));
    return response;
}

Response Portal::answer(const Request& request, const RouteMatch& match, UnixTime now) {
    if (!match.route) {
        if (!match.allowed) return not_found(request);
        if (auto missing = no_such_resource(request, now)) return std::move(*missing);
        Response r = Response::json_error(405, "method " + request.method + " not allowed on " + request.path);
        r.headers.emplace_back("Allow", allow_header(match.allowed));
        return r;
    }
    const Route& route = *match.route;
    const bool json = std::string_view(route.pattern).rfind("/api/", 0) == 0;
    Call call{request, match.params, nullptr, json, now};
    std::optional<auth::SignedIn> who;
    if (route.access != Access::anyone) {
        if (auto refused = staff_gate(route, call, who)) return std::move(*refused);
        call.who = who ? &*who : nullptr;
    }
    return (this->*route.handler)(call);
}

// A 405 says the address is there but takes other methods; an address with nothing behind it
// (/proposals/none, /static/none) is a 404 whatever the method. A public GET route matching the
// address is asked, as GET, whether it has something there; its answer is not sent.
std::optional<Response> Portal::no_such_resource(const Request& request, UnixTime now) {
    const RouteMatch get = match_route(route_table(), "GET", request.path);
    if (!get.route || get.route->access != Access::anyone) return std::nullopt;
    Request probe = request;
    probe.method = "GET";
    probe.body.clear();
    Response r = answer(probe, get, now);
    if (r.events) r.events->finished();  // a stream opened by asking: closed at once
    if (r.status != 404) return std::nullopt;
    return r;
}

Response Portal::static_file(const Call& call) {
    if (auto r = files_.serve(call.request)) return std::move(*r);
    return not_found(call.request);
}

Response Portal::healthz(const Call&) { return Response::json(200, R"({"status":"ok"})"); }

text::Lang request_lang(const Request& request) { return text::parse_lang(request.cookie("lang")); }

std::string path_and_query(const Request& request) {
    std::string qs = text::to_query_string(request.query);
    return qs.empty() ? request.path : request.path + "?" + qs;
}

render::PageFrame Portal::page_frame(const Request& request, std::string active_nav) const {
    render::PageFrame frame;
    frame.assets = &files_.asset_urls();
    frame.lang = request_lang(request);
    frame.path_and_query = path_and_query(request);
    frame.active_nav = std::move(active_nav);
    return frame;
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

text::Date taipei_today(UnixTime now) { return text::date_in_taipei(now); }

}  // namespace beitai::site
