// How often one key (a participant, an address) may do something: at most `limit` times in
// any `window` seconds. Kept in memory: a limit guards this process against a flood; it is
// not a record, and a restart forgetting it costs nothing.
#pragma once

#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "clock/clock.h"

namespace beitai::site {

class RateLimiter {
public:
    RateLimiter(int limit, UnixTime window) : limit_(limit), window_(window) {}
    // Counts one attempt by `key` at `now`; false (and not counted) when over the limit, or
    // when a flood from more than kMaxKeys keys within one window fills the table (the limiter
    // then fails closed for newcomers rather than grow without bound).
    bool allow(const std::string& key, UnixTime now);
    // Seconds until `key` may try again (0: now).
    UnixTime retry_after(const std::string& key, UnixTime now) const;

    static constexpr size_t kMaxKeys = 200000;

private:
    void forget_old(UnixTime now);

    int limit_;
    UnixTime window_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, std::deque<UnixTime>> attempts_;
    UnixTime last_sweep_ = 0;
};

}  // namespace beitai::site
