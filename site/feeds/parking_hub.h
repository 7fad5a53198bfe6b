// The server's parking state: each county's last good data and feed status, the snapshot
// readers use, and the subscribers of the live stream. The poller writes (one thread); any
// number of request handlers read. A reader takes the current snapshot (a shared pointer,
// copied under a short lock) and keeps it for its request: a swap never waits for readers
// and a reader never sees half an update.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "parking/snapshot.h"

namespace beitai::site {

class ParkingHub {
public:
    // Called with each event as the live stream sends it ("event: parking", its data one
    // JSON object of changes), formatted once and shared by every listener: a thousand
    // streams hold one copy, not a thousand. Must not block: it runs on the poller's thread.
    using Listener = std::function<void(const std::shared_ptr<const std::string>& event)>;

    ParkingHub();

    std::shared_ptr<const parking::ParkingSnapshot> snapshot() const;

    // A response body for `key` computed from `snapshot` at second `now`, kept until either
    // changes: a busy endpoint serialises once per second, not once per request. Bounded,
    // so that a stream of distinct queries cannot grow it.
    template <class Make>
    std::shared_ptr<const std::string> cached(const std::shared_ptr<const parking::ParkingSnapshot>& snapshot,
                                              std::int64_t now, const std::string& key, Make make) const {
        {
            std::lock_guard lock(cache_mutex_);
            if (cache_snapshot_ == snapshot && cache_now_ == now) {
                auto it = cache_.find(key);
                if (it != cache_.end()) return it->second;
            }
        }
        auto body = std::make_shared<const std::string>(make());
        std::lock_guard lock(cache_mutex_);
        if (cache_snapshot_ != snapshot || cache_now_ != now) {
            cache_.clear();
            cache_snapshot_ = snapshot;
            cache_now_ = now;
        }
        if (cache_.size() < kMaxCached) cache_.emplace(key, body);
        return body;
    }

    // The poller's side. `county` must have been added first (adding one twice keeps the first). Readers see each update at
    // once; listeners hear of what changed since the last publish(), so the fetches that
    // finish together reach the live stream as one event.
    void add_county(parking::FeedStatus status);
    void update(const std::string& county, const std::function<void(parking::CountyParking&)>& change);
    void publish(std::int64_t now);

    // The live stream's side: a listener hears every change until it unsubscribes.
    int subscribe(Listener listener);
    void unsubscribe(int id);
    std::size_t subscribers() const;

private:
    mutable std::mutex state_mutex_;  // counties_ (poller-side)
    std::vector<parking::CountyParking> counties_;
    mutable std::mutex snapshot_mutex_;  // current_ only: held for a pointer copy
    std::shared_ptr<const parking::ParkingSnapshot> current_;
    std::shared_ptr<const parking::ParkingSnapshot> published_;  // as the listeners last heard it (poller only)
    static constexpr std::size_t kMaxCached = 256;
    mutable std::mutex cache_mutex_;
    mutable std::shared_ptr<const parking::ParkingSnapshot> cache_snapshot_;
    mutable std::int64_t cache_now_ = 0;
    mutable std::unordered_map<std::string, std::shared_ptr<const std::string>> cache_;
    mutable std::mutex listeners_mutex_;
    std::vector<std::pair<int, Listener>> listeners_;
    int next_listener_ = 1;
};

}  // namespace beitai::site
