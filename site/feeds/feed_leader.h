// Several server processes may share one store (PostgreSQL, for scale): the feeds are then
// polled by one of them, the leader, so that TDX counts one client against its quota and the
// counties' servers see one poller. The others follow: they serve the documents the leader
// keeps in the store, reloaded when the store's parking revision moves. Every process checks
// each `check_every`: a follower takes the lead as soon as it is free — the leader's death,
// SIGKILL included, frees it (store.h, lead_feeds) — and a leader that lost it stops polling.
//
// A follower's data is as fresh as the leader keeps it (the config's keep_every_s, default
// 30 s); a feed's failures and breaker are seen in the leader's status and log only, the
// followers showing the data's age.
//
// With SQLite and one process (the usual embedded case) the process leads from the start.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "clock/clock.h"
#include "feeds/feed_config.h"
#include "feeds/parking_hub.h"
#include "feeds/poller.h"
#include "store/store.h"

namespace beitai::site {

class FeedLeader {
public:
    FeedLeader(FeedsConfig config, ParkingHub& hub, const Clock& clock, Store& store,
               std::chrono::milliseconds check_every = std::chrono::seconds(1));
    ~FeedLeader();

    // The first check is made before it returns: a process that can lead polls at once, and
    // one that follows serves the kept documents from its first request.
    void start();
    void stop();
    bool leading() const { return leading_; }

private:
    void check();
    void follow();
    void run();

    FeedsConfig config_;
    ParkingHub& hub_;
    const Clock& clock_;
    Store& store_;
    const std::chrono::milliseconds check_every_;
    std::unique_ptr<FeedPoller> poller_;  // while leading
    std::atomic<bool> leading_{false};
    long long seen_revision_ = -1;  // of the kept documents, while following
    bool lead_error_said_ = false;
    bool said_following_ = false;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace beitai::site
