#include "feeds/poller.h"

#include <curl/curl.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <deque>
#include <random>
#include <string>
#include <vector>

#include "text/json_reader.h"
#include "text/url.h"
#include "feeds/document_keeper.h"
#include "feeds/feed_readers.h"
#include "feeds/hub_loading.h"
#include "http/client.h"
#include "http/metrics.h"
#include "parking/tdx_json.h"
#include "parking/tdx_write.h"

namespace beitai::site {

namespace {

// Due times, backoff and rate limits run on the stopwatch (clock/clock.h says why); the
// times the hub and the store record come from the site's Clock.
using Stopwatch = std::chrono::steady_clock;

// One document of one county, fetched again and again.
struct Job {
    size_t county = 0;  // index into config.counties
    bool availability = false;
    bool both = false;  // the document holds the car parks too (one_document: Yilan's)
    std::string url;
    Stopwatch::time_point due{};
    int failures = 0;  // in a row, for the backoff
    CURL* easy = nullptr;
    std::string body;
    bool body_too_large = false;
    std::size_t max_body = 0;
    std::int64_t started_at = 0;
    curl_slist* headers = nullptr;
    std::string token;  // the OAuth2 token the request was sent with
    bool kept = false;  // in the store, at kept_at
    Stopwatch::time_point kept_at{};

    const char* what() const { return both ? "car parks and availability" : availability ? "availability" : "car parks"; }
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
    auto* job = static_cast<Job*>(user);
    const size_t n = size * count;
    if (job->body.size() + n > job->max_body) {
        job->body_too_large = true;
        return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
    }
    job->body.append(data, n);
    return n;
}

struct Token {
    std::string value;
    Stopwatch::time_point expires{};
};

}  // namespace

struct FeedPoller::Impl {
    FeedsConfig config;
    ParkingHub& hub;
    const Clock& clock;
    Store* store;                             // where the last run's documents are read from
    std::unique_ptr<DocumentKeeper> keeper;  // and where this run's are written, off this thread
    std::atomic<bool> stopping{false};
    CURLM* multi = nullptr;
    std::vector<Job> jobs;
    struct CountyState {
        int failures = 0;  // in a row, any document
        Stopwatch::time_point breaker_until{};
        bool breaker_open = false;
    };
    std::vector<CountyState> counties;
    std::deque<Stopwatch::time_point> recent_starts;  // for the requests-per-second limit
    std::deque<Stopwatch::time_point> recent_tokens;  // token requests in the last minute
    Token token;
    std::mt19937 random{std::random_device{}()};

    Impl(FeedsConfig c, ParkingHub& h, const Clock& k, Store* s) : config(std::move(c)), hub(h), clock(k), store(s) {
        multi = curl_multi_init();
        counties.resize(config.counties.size());
        add_feed_counties(config, hub);
        const auto now = Stopwatch::now();
        for (size_t i = 0; i < config.counties.size(); ++i) {
            const auto& c = config.counties[i];
            Job parks;
            parks.county = i;
            parks.url = c.car_parks_url;
            parks.due = now;
            parks.max_body = c.max_body_bytes;
            if (one_document(c.format)) {  // one job: its document gives both lists
                parks.availability = parks.both = true;
                parks.url = c.availability_url;
                jobs.push_back(parks);
                continue;
            }
            jobs.push_back(parks);
            if (!c.availability_url.empty()) {
                Job live = parks;
                live.availability = true;
                live.url = c.availability_url;
                jobs.push_back(live);
            }
        }
        if (store) {
            restore();
            keeper = std::make_unique<DocumentKeeper>(*store);
        }
    }

    // The hub starts from the documents kept at the last run (or, when this process takes
    // over the polling from another, the other's): their age is the time since they were
    // fetched.
    void restore() {
        auto documents = store->parking_documents();
        if (!documents) {
            std::fprintf(stderr, "beitai: parking: the kept documents do not read: %s\n", documents.error().c_str());
            return;
        }
        load_kept_documents(*documents, config, hub, true, clock.now());
        hub.publish(clock.now());
    }

    // Hands the lists a job took to the keeper, as TDX JSON whatever the county's format,
    // unless the job's were kept less than keep_every_s ago.
    void keep_documents(Job& job, const parking::CarParkList* parks, const parking::AvailabilityList* live,
                        Stopwatch::time_point now, std::int64_t at) {
        if (!keeper || (job.kept && now - job.kept_at < std::chrono::seconds(config.keep_every_s))) return;
        const auto& c = config.counties[job.county];
        job.kept = true;
        job.kept_at = now;
        if (parks) keeper->keep({c.county, "car_parks", c.sample, at, parking::to_tdx_json(*parks)});
        if (live) keeper->keep({c.county, "availability", c.sample, at, parking::to_tdx_json(*live)});
    }

    ~Impl() {
        for (auto& job : jobs) release(job);
        curl_multi_cleanup(multi);
    }

    void release(Job& job) {
        if (!job.easy) return;
        curl_multi_remove_handle(multi, job.easy);
        curl_easy_cleanup(job.easy);
        curl_slist_free_all(job.headers);
        job.easy = nullptr;
        job.headers = nullptr;
    }

    // The options every request shares (http/client.h), with the county's limits.
    static HttpLimits limits_of(const CountyFeedConfig& c) {
        return {static_cast<long>(c.connect_timeout_ms), static_cast<long>(c.timeout_ms), c.max_body_bytes, "beitai-parking/1"};
    }
    void common_options(CURL* easy, const CountyFeedConfig& c) { set_common_options(easy, limits_of(c)); }

    bool may_start(Stopwatch::time_point now) {
        while (!recent_starts.empty() && now - recent_starts.front() >= std::chrono::seconds(1)) recent_starts.pop_front();
        return static_cast<int>(recent_starts.size()) < config.max_requests_per_second;
    }

    // TDX's OAuth2 client-credentials sign-in. The token is kept until shortly before it
    // expires; token requests are limited (TDX allows 20 a minute per address). Blocking,
    // but only this thread waits, and with the county's timeouts.
    bool ensure_token(const CountyFeedConfig& c, std::string& error) {
        if (!config.oauth) return true;
        const auto now = Stopwatch::now();
        if (!token.value.empty() && now < token.expires) return true;
        while (!recent_tokens.empty() && now - recent_tokens.front() >= std::chrono::minutes(1)) recent_tokens.pop_front();
        if (static_cast<int>(recent_tokens.size()) >= config.max_token_requests_per_minute) {
            error = "token requests limited to " + std::to_string(config.max_token_requests_per_minute) + " a minute";
            return false;
        }
        recent_tokens.push_back(now);
        HttpLimits limits = limits_of(c);
        limits.max_body_bytes = 64 * 1024;
        const std::string form = "grant_type=client_credentials&client_id=" + text::percent_encode(config.oauth->client_id) +
                                 "&client_secret=" + text::percent_encode(config.oauth->client_secret);
        const HttpAnswer answer = http_request(config.oauth->token_url, limits, {}, &form);
        if (!answer.error.empty()) {
            error = "token request failed: " + answer.error;
            return false;
        }
        if (answer.status != 200) {
            error = "token request: HTTP " + std::to_string(answer.status);
            return false;
        }
        auto json = text::parse_json_text(answer.body, "token");
        if (!json || !json->is_object() || !json->contains("access_token") || !(*json)["access_token"].is_string()) {
            error = "token response without access_token";
            return false;
        }
        long long expires_in = 3600;
        if (json->contains("expires_in") && (*json)["expires_in"].is_number_integer())
            expires_in = (*json)["expires_in"].get<long long>();
        token.value = (*json)["access_token"].get<std::string>();
        // Renew a minute early, so that no request goes out with a token about to lapse.
        token.expires = now + std::chrono::seconds(std::max<long long>(1, expires_in - 60));
        return true;
    }

    void start_job(Job& job, Stopwatch::time_point now) {
        const auto& c = config.counties[job.county];
        std::string token_error;
        if (!ensure_token(c, token_error)) {
            fail(job, token_error, now);
            return;
        }
        job.body.clear();
        job.body_too_large = false;
        job.started_at = clock.now();
        job.easy = curl_easy_init();
        common_options(job.easy, c);
        curl_easy_setopt(job.easy, CURLOPT_URL, job.url.c_str());
        curl_easy_setopt(job.easy, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(job.easy, CURLOPT_WRITEDATA, &job);
        curl_easy_setopt(job.easy, CURLOPT_PRIVATE, &job);
        if (config.oauth) {
            job.headers = curl_slist_append(nullptr, ("Authorization: Bearer " + token.value).c_str());
            job.token = token.value;
            curl_easy_setopt(job.easy, CURLOPT_HTTPHEADER, job.headers);
        }
        curl_multi_add_handle(multi, job.easy);
        recent_starts.push_back(now);
    }

    std::chrono::milliseconds backoff(int failures) {
        const auto& b = config.backoff;
        double s = std::min(b.max_s, b.initial_s * std::pow(b.factor, failures - 1));
        std::uniform_real_distribution<double> spread(1 - b.jitter, 1 + b.jitter);
        return std::chrono::milliseconds(static_cast<long long>(s * spread(random) * 1000));
    }

    void fail(Job& job, const std::string& error, Stopwatch::time_point now) {
        const auto& c = config.counties[job.county];
        auto& county = counties[job.county];
        job.failures += 1;
        county.failures += 1;
        metrics().count_feed_failure(c.county);
        auto wait = backoff(job.failures);
        if (county.failures >= config.breaker.failures_to_open) {
            county.breaker_open = true;
            county.breaker_until = now + std::chrono::seconds(config.breaker.open_s);
            wait = std::max<std::chrono::milliseconds>(wait, std::chrono::seconds(config.breaker.open_s));
        }
        job.due = now + wait;
        const std::int64_t at = clock.now();
        std::fprintf(stderr, "beitai: parking feed %s %s: %s (%d in a row%s; next try in %.1f s)\n", c.county.c_str(),
                     job.what(), error.c_str(), county.failures, county.breaker_open ? ", breaker open" : "",
                     std::chrono::duration<double>(wait).count());
        const bool breaker = county.breaker_open;
        const int failures = county.failures;
        const auto next = at + std::chrono::duration_cast<std::chrono::seconds>(wait).count();
        hub.update(c.county, [&](parking::CountyParking& p) {
            p.status.last_attempt_at = job.started_at ? job.started_at : at;
            p.status.last_error = std::string(job.what()) + ": " + error;
            p.status.last_error_at = at;
            p.status.consecutive_failures = failures;
            p.status.breaker_open = breaker;
            p.status.next_attempt_at = next;
        });
    }

    void succeed(Job& job, Stopwatch::time_point now, parking::CarParkList* parks, parking::AvailabilityList* live) {
        const auto& c = config.counties[job.county];
        auto& county = counties[job.county];
        job.failures = 0;
        county.failures = 0;
        county.breaker_open = false;
        job.due = now + std::chrono::seconds(job.availability ? c.interval_s : c.car_parks_interval_s);
        const std::int64_t at = clock.now();
        const bool publishes_live = !c.availability_url.empty();
        keep_documents(job, parks, live, now, at);
        hub.update(c.county, [&](parking::CountyParking& p) {
            p.status.last_attempt_at = job.started_at;
            p.status.consecutive_failures = 0;
            p.status.breaker_open = false;
            p.status.next_attempt_at.reset();
            if (parks) {
                p.status.rejected_items = parks->rejected.size();
                p.status.car_parks = parks->car_parks.size();
                if (!publishes_live) {
                    p.status.last_success_at = at;
                    p.status.data_updated_at = parks->updated_at;
                }
                p.car_parks = std::move(*parks);
            }
            if (live) {
                p.status.rejected_items = live->rejected.size();
                p.status.live_items = live->items.size();
                p.status.last_success_at = at;
                p.status.data_updated_at = live->updated_at;
                p.availability = std::move(*live);
            }
        });
    }

    void finish(Job& job, CURLcode rc, Stopwatch::time_point now) {
        long status = 0;
        curl_easy_getinfo(job.easy, CURLINFO_RESPONSE_CODE, &status);
        const auto& c = config.counties[job.county];
        release(job);
        if (rc != CURLE_OK) {
            std::string error = job.body_too_large || rc == CURLE_FILESIZE_EXCEEDED
                                    ? "body larger than " + std::to_string(c.max_body_bytes) + " bytes"
                                : rc == CURLE_OPERATION_TIMEDOUT ? "no complete answer within " + std::to_string(c.timeout_ms) + " ms"
                                                                 : std::string(curl_easy_strerror(rc));
            return fail(job, error, now);
        }
        // Signed out: sign in again next time — unless that has happened already. Requests sent
        // with the old token come back 401 one by one, and each must not throw away the new one.
        if (status == 401 && config.oauth && job.token == token.value) token.value.clear();
        if (status != 200) return fail(job, "HTTP " + std::to_string(status), now);
        // An empty list where the last good one had items is far likelier a broken server
        // than every car park of a county vanishing at once: it is refused like garbage.
        const auto current = hub.snapshot();
        const parking::FeedStatus* held = current->feed(c.county);
        const auto emptied_parks = [&](const parking::CarParkList& list) {
            return list.car_parks.empty() && held && held->car_parks > 0;
        };
        const auto emptied_parks_error = [&] {
            return "an empty list after " + std::to_string(held->car_parks) + " car parks; the last good data is kept";
        };
        if (job.both) {
            auto both = read_combined_document(c.format, job.body, c.county);
            if (!both) return fail(job, both.error(), now);
            if (emptied_parks(both->car_parks)) return fail(job, emptied_parks_error(), now);
            return succeed(job, now, &both->car_parks, &both->availability);
        }
        if (job.availability) {
            auto list = read_availability_document(c.format, job.body);
            if (!list) return fail(job, list.error(), now);
            if (list->items.empty() && held && held->live_items > 0)
                return fail(job, "an empty list after " + std::to_string(held->live_items) + " items; the last good data is kept", now);
            return succeed(job, now, nullptr, &*list);
        }
        auto list = read_car_parks_document(c.format, job.body, c.county);
        if (!list) return fail(job, list.error(), now);
        if (emptied_parks(*list)) return fail(job, emptied_parks_error(), now);
        succeed(job, now, &*list, nullptr);
    }

    void run() {
        while (!stopping) {
            auto now = Stopwatch::now();
            for (auto& job : jobs) {
                if (job.easy || job.due > now) continue;
                auto& county = counties[job.county];
                if (county.breaker_open && now < county.breaker_until) continue;
                if (!may_start(now)) break;
                start_job(job, now);
            }
            int running = 0;
            curl_multi_perform(multi, &running);
            int left = 0;
            while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
                if (msg->msg != CURLMSG_DONE) continue;
                Job* job = nullptr;
                curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, reinterpret_cast<char**>(&job));
                finish(*job, msg->data.result, Stopwatch::now());
            }
            hub.publish(clock.now());  // one event for all that finished (a no-op when nothing did)
            // Sleep until a socket is ready, the next job may start, or stop() wakes us. A
            // job held back by its county's breaker or by the rate limit waits for that, not
            // for its due time, which has passed: waking for it would spin.
            auto next = now + std::chrono::milliseconds(250);
            for (const auto& job : jobs) {
                if (job.easy) continue;
                auto at = job.due;
                const auto& county = counties[job.county];
                if (county.breaker_open && county.breaker_until > at) at = county.breaker_until;
                if (at <= now && !recent_starts.empty() &&
                    static_cast<int>(recent_starts.size()) >= config.max_requests_per_second)
                    at = recent_starts.front() + std::chrono::seconds(1);
                if (at < next) next = at;
            }
            const int wait_ms = static_cast<int>(
                std::max<long long>(0, std::chrono::duration_cast<std::chrono::milliseconds>(next - Stopwatch::now()).count()));
            curl_multi_poll(multi, nullptr, 0, wait_ms, nullptr);
        }
    }
};

FeedPoller::FeedPoller(FeedsConfig config, ParkingHub& hub, const Clock& clock, Store* store)
    : impl_(std::make_unique<Impl>(std::move(config), hub, clock, store)) {}

FeedPoller::~FeedPoller() { stop(); }

void FeedPoller::start() {
    if (thread_.joinable()) return;
    thread_ = std::thread([this] { impl_->run(); });
}

void FeedPoller::stop() {
    impl_->stopping = true;
    curl_multi_wakeup(impl_->multi);
    if (thread_.joinable()) thread_.join();
}

}  // namespace beitai::site
