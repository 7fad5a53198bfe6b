// What the server counts about itself, written in the Prometheus text exposition format
// (version 0.0.4) for /metrics: requests by route pattern and status with a latency
// histogram, store write transactions, parking feed failures, sign-in throttling, and
// whatever a collector adds at scrape time (open event streams, each feed's age and breaker).
//
// Counting is on the request path, so it is cheap: relaxed atomics in arrays laid out at
// start, no lock, no allocation. Labels come from fixed sets — the route table's patterns,
// never a raw path (a path label would let any client grow the output without bound) —
// and a status outside the known list is counted under its class ("5xx").
//
// One registry per process (metrics()): the stores, the poller and the portal count into it
// without being handed it.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace beitai::site {

// Upper bounds of the latency buckets, in seconds (+Inf is implicit).
inline constexpr std::array<double, 14> kLatencyBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                           0.1,    0.25,  0.5,    1,     2.5,   5,     10};

class LatencyHistogram {
public:
    void observe(double seconds);
    // The _bucket, _sum and _count lines of `name` with `labels` ("route=\"/\"" or "").
    void write(std::string& out, std::string_view name, std::string_view labels) const;
    std::uint64_t count() const;

private:
    std::array<std::atomic<std::uint64_t>, kLatencyBuckets.size() + 1> buckets_{};  // last: above all bounds
    std::atomic<std::uint64_t> sum_ns_{0};
};

class Metrics {
public:
    // The route patterns, in the route table's order; index routes.size() counts the requests
    // no route took. Called once, before serving.
    void set_routes(const std::vector<std::string>& patterns);
    void observe_request(std::size_t route, int status, double seconds);
    // One write transaction of a store (BEGIN … COMMIT), "sqlite" or "postgres".
    void observe_store_write(std::string_view store, double seconds);
    void count_feed_failure(const std::string& county);
    // A sign-in refused or slowed down, by why: "name" (growing delay for a name), "name_address"
    // (one name from one address), "address" (one address, many names), "device" (a trusted
    // browser's own limit).
    void count_sign_in_throttled(std::string_view reason);
    void count_sign_in(bool ok);
    // A request the HTTP server answered itself, before any route saw it (a malformed request,
    // a body or header past its limit, a target too long, an unknown transfer coding), by status.
    void count_refused_request(int status);
    // The snapshot brought up to another process's writes: by reading only the items written
    // since (`whole` false), or the whole store (when the snapshot's revision is unknown).
    void count_snapshot_catch_up(bool whole);

    // Code that adds lines at scrape time (gauges read from elsewhere); removed when the
    // returned handle goes.
    using Collector = std::function<void(std::string& out)>;
    std::shared_ptr<void> add_collector(Collector collector);

    // The whole exposition, collectors' lines last.
    std::string exposition() const;

private:
    static constexpr std::array<int, 32> kStatuses = {200, 201, 202, 204, 206, 301, 302, 303, 304, 307, 308,
                                                      400, 401, 403, 404, 405, 406, 409, 410, 411, 412, 413,
                                                      414, 415, 416, 422, 429, 431, 500, 501, 502, 503};
    static constexpr std::size_t kStatusSlots = kStatuses.size() + 5;  // + 1xx … 5xx for the rest
    struct RouteCounters {
        std::array<std::atomic<std::uint64_t>, kStatusSlots> by_status{};
        LatencyHistogram latency;
    };
    static std::size_t status_slot(int status);
    static std::string status_label(std::size_t slot);

    std::vector<std::string> patterns_;
    std::unique_ptr<RouteCounters[]> routes_;
    std::size_t route_count_ = 0;
    LatencyHistogram sqlite_writes_, postgres_writes_;
    std::array<std::atomic<std::uint64_t>, 4> throttled_{};  // name, name_address, address, device
    std::atomic<std::uint64_t> sign_ins_ok_{0}, sign_ins_failed_{0};
    std::array<std::atomic<std::uint64_t>, kStatusSlots> refused_{};
    std::atomic<std::uint64_t> catch_ups_changed_{0}, catch_ups_whole_{0};
    mutable std::mutex mutex_;  // the rare things: feed failures, collectors
    std::map<std::string, std::uint64_t> feed_failures_;
    std::map<int, Collector> collectors_;
    int next_collector_ = 1;
};

Metrics& metrics();

// Lines of the format, for collectors: "# HELP" and "# TYPE" of a family, then one sample
// (labels already written as name="value" pairs, or "").
void metric_header(std::string& out, std::string_view name, std::string_view type, std::string_view help);
void metric_sample(std::string& out, std::string_view name, std::string_view labels, double value);

// A label value as the format wants it: backslash, double quote and newline escaped.
std::string metric_label_value(std::string_view value);

// The time since `start` in seconds, for the observe_ calls.
double seconds_since(std::chrono::steady_clock::time_point start);

}  // namespace beitai::site
