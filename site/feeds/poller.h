// The parking feed poller: one thread that pulls every county's documents concurrently with
// libcurl's multi interface, parses them with the core's readers and hands what it takes
// to the ParkingHub. Request handling never waits for it: handlers read the hub's snapshot.
//
// Per document: connect and total timeouts, a body limit, and after a failure a retry with
// exponential backoff and jitter. Per county: a breaker that, after repeated failures,
// leaves the county alone for a while. A failed or refused fetch never replaces good data;
// it is recorded in the county's status and logged as one line. What it takes is also kept in
// the store, for the next start.
#pragma once

#include <atomic>
#include <memory>
#include <thread>

#include "feeds/feed_config.h"
#include "feeds/parking_hub.h"
#include "clock/clock.h"
#include "store/store.h"

namespace beitai::site {

class FeedPoller {
public:
    // With a store, the last good documents are kept there (each at most every
    // config.keep_every_s, written by a DocumentKeeper off the poller's thread) and the hub
    // starts from them: after a restart the portal serves them with their true age until the
    // feeds answer. Documents from a sample feed are restored only for a sample feed, and real
    // ones only for a real one.
    // `clock` (outliving the poller) stamps what was fetched when.
    FeedPoller(FeedsConfig config, ParkingHub& hub, const Clock& clock, Store* store = nullptr);
    ~FeedPoller();

    void start();
    void stop();  // returns once the thread has finished its current step

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::thread thread_;
};

}  // namespace beitai::site
