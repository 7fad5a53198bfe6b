#include "http/metrics.h"

#include <chrono>
#include <cstdio>

namespace beitai::site {

namespace {

void add_number(std::string& out, double v) {
    char buf[64];
    // Counts as whole numbers (a %g would round 1234567891 to 1.23456789e+09).
    if (v == static_cast<double>(static_cast<long long>(v)) && v < 9007199254740992.0 && v > -9007199254740992.0)
        std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
    else
        std::snprintf(buf, sizeof buf, "%.9g", v);
    out += buf;
}

}  // namespace

void metric_header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
    out += "# HELP ";
    out += name;
    out += ' ';
    out += help;
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

void metric_sample(std::string& out, std::string_view name, std::string_view labels, double value) {
    out += name;
    if (!labels.empty()) {
        out += '{';
        out += labels;
        out += '}';
    }
    out += ' ';
    add_number(out, value);
    out += '\n';
}

namespace {

constexpr std::array<std::string_view, 4> kThrottleReasons = {"name", "name_address", "address", "device"};

}  // namespace

// ---- LatencyHistogram ---------------------------------------------------------------------

void LatencyHistogram::observe(double seconds) {
    std::size_t i = 0;
    while (i < kLatencyBuckets.size() && seconds > kLatencyBuckets[i]) ++i;
    buckets_[i].fetch_add(1, std::memory_order_relaxed);
    sum_ns_.fetch_add(static_cast<std::uint64_t>(seconds * 1e9), std::memory_order_relaxed);
}

std::uint64_t LatencyHistogram::count() const {
    std::uint64_t n = 0;
    for (const auto& b : buckets_) n += b.load(std::memory_order_relaxed);
    return n;
}

void LatencyHistogram::write(std::string& out, std::string_view name, std::string_view labels) const {
    const std::string prefix = labels.empty() ? std::string() : std::string(labels) + ",";
    std::uint64_t cumulative = 0;
    char le[32];
    for (std::size_t i = 0; i <= kLatencyBuckets.size(); ++i) {
        cumulative += buckets_[i].load(std::memory_order_relaxed);
        if (i < kLatencyBuckets.size()) std::snprintf(le, sizeof le, "%g", kLatencyBuckets[i]);
        else std::snprintf(le, sizeof le, "+Inf");
        metric_sample(out, std::string(name) + "_bucket", prefix + "le=\"" + le + "\"", static_cast<double>(cumulative));
    }
    metric_sample(out, std::string(name) + "_sum", labels, static_cast<double>(sum_ns_.load(std::memory_order_relaxed)) / 1e9);
    // The count is the +Inf bucket: read once, so that the two agree within one scrape.
    metric_sample(out, std::string(name) + "_count", labels, static_cast<double>(cumulative));
}

// ---- Metrics ------------------------------------------------------------------------------

void Metrics::set_routes(const std::vector<std::string>& patterns) {
    patterns_ = patterns;
    route_count_ = patterns.size() + 1;
    routes_ = std::make_unique<RouteCounters[]>(route_count_);
}

std::size_t Metrics::status_slot(int status) {
    for (std::size_t i = 0; i < kStatuses.size(); ++i)
        if (kStatuses[i] == status) return i;
    const int cls = status / 100;
    return kStatuses.size() + static_cast<std::size_t>(cls >= 1 && cls <= 5 ? cls - 1 : 4);
}

std::string Metrics::status_label(std::size_t slot) {
    if (slot < kStatuses.size()) return std::to_string(kStatuses[slot]);
    return std::to_string(slot - kStatuses.size() + 1) + "xx";
}

void Metrics::observe_request(std::size_t route, int status, double seconds) {
    if (!routes_) return;
    RouteCounters& r = routes_[route < route_count_ ? route : route_count_ - 1];
    r.by_status[status_slot(status)].fetch_add(1, std::memory_order_relaxed);
    r.latency.observe(seconds);
}

void Metrics::observe_store_write(std::string_view store, double seconds) {
    (store == "postgres" ? postgres_writes_ : sqlite_writes_).observe(seconds);
}

void Metrics::count_feed_failure(const std::string& county) {
    std::lock_guard lock(mutex_);
    ++feed_failures_[county];
}

void Metrics::count_sign_in_throttled(std::string_view reason) {
    for (std::size_t i = 0; i < kThrottleReasons.size(); ++i)
        if (kThrottleReasons[i] == reason) throttled_[i].fetch_add(1, std::memory_order_relaxed);
}

void Metrics::count_refused_request(int status) { refused_[status_slot(status)].fetch_add(1, std::memory_order_relaxed); }

void Metrics::count_snapshot_catch_up(bool whole) {
    (whole ? catch_ups_whole_ : catch_ups_changed_).fetch_add(1, std::memory_order_relaxed);
}

void Metrics::count_sign_in(bool ok) { (ok ? sign_ins_ok_ : sign_ins_failed_).fetch_add(1, std::memory_order_relaxed); }

std::shared_ptr<void> Metrics::add_collector(Collector collector) {
    std::lock_guard lock(mutex_);
    const int id = next_collector_++;
    collectors_.emplace(id, std::move(collector));
    return std::shared_ptr<void>(nullptr, [this, id](void*) {
        std::lock_guard lock(mutex_);
        collectors_.erase(id);
    });
}

std::string Metrics::exposition() const {
    std::string out;
    out.reserve(16 * 1024);
    const auto route_label = [&](std::size_t i) {
        return "route=\"" + metric_label_value(i < patterns_.size() ? patterns_[i] : "(no route)") + "\"";
    };
    metric_header(out, "beitai_http_requests_total", "counter",
           "HTTP requests answered by the portal, by route pattern and status.");
    for (std::size_t i = 0; i < route_count_; ++i)
        for (std::size_t s = 0; s < kStatusSlots; ++s)
            if (auto n = routes_[i].by_status[s].load(std::memory_order_relaxed))
                metric_sample(out, "beitai_http_requests_total", route_label(i) + ",status=\"" + status_label(s) + "\"",
                       static_cast<double>(n));
    metric_header(out, "beitai_http_refused_requests_total", "counter",
           "Requests the HTTP server answered itself before any route saw them (malformed, past a limit), by status.");
    for (std::size_t s = 0; s < kStatusSlots; ++s)
        if (auto n = refused_[s].load(std::memory_order_relaxed))
            metric_sample(out, "beitai_http_refused_requests_total", "status=\"" + status_label(s) + "\"", static_cast<double>(n));
    metric_header(out, "beitai_http_request_duration_seconds", "histogram",
           "Time to produce an answer (the handler's, not the network's), by route pattern.");
    for (std::size_t i = 0; i < route_count_; ++i)
        if (routes_[i].latency.count() > 0) routes_[i].latency.write(out, "beitai_http_request_duration_seconds", route_label(i));
    metric_header(out, "beitai_store_write_duration_seconds", "histogram",
           "Time of one write transaction of the store (BEGIN to COMMIT), by store.");
    sqlite_writes_.write(out, "beitai_store_write_duration_seconds", "store=\"sqlite\"");
    postgres_writes_.write(out, "beitai_store_write_duration_seconds", "store=\"postgres\"");
    metric_header(out, "beitai_snapshot_catch_ups_total", "counter",
           "Times the proposals in memory were brought up to another process's writes, by what was read: "
           "the items written since (changed) or the whole store (whole).");
    metric_sample(out, "beitai_snapshot_catch_ups_total", "read=\"changed\"", static_cast<double>(catch_ups_changed_.load()));
    metric_sample(out, "beitai_snapshot_catch_ups_total", "read=\"whole\"", static_cast<double>(catch_ups_whole_.load()));
    metric_header(out, "beitai_sign_ins_total", "counter", "Staff sign-ins checked against a password, by result.");
    metric_sample(out, "beitai_sign_ins_total", "result=\"ok\"", static_cast<double>(sign_ins_ok_.load()));
    metric_sample(out, "beitai_sign_ins_total", "result=\"failed\"", static_cast<double>(sign_ins_failed_.load()));
    metric_header(out, "beitai_sign_in_throttled_total", "counter",
           "Staff sign-ins refused for now (429), by the limit that held them.");
    for (std::size_t i = 0; i < kThrottleReasons.size(); ++i)
        metric_sample(out, "beitai_sign_in_throttled_total", "reason=\"" + std::string(kThrottleReasons[i]) + "\"",
               static_cast<double>(throttled_[i].load()));
    std::lock_guard lock(mutex_);
    metric_header(out, "beitai_parking_feed_failures_total", "counter", "Failed fetches of a county's parking feed.");
    for (const auto& [county, n] : feed_failures_)
        metric_sample(out, "beitai_parking_feed_failures_total", "county=\"" + metric_label_value(county) + "\"",
               static_cast<double>(n));
    for (const auto& [id, collect] : collectors_) collect(out);
    return out;
}

Metrics& metrics() {
    static Metrics registry;
    return registry;
}

std::string metric_label_value(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '\\') out += "\\\\";
        else if (c == '"') out += "\\\"";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace beitai::site
