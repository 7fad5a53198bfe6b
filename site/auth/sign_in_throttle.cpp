#include "auth/sign_in_throttle.h"

#include <algorithm>

namespace beitai::site::auth {

UnixTime SignInThrottle::delay_after(int failures) {
    if (failures < kFreeFailures) return 0;
    // 2 s at first, not 1: times are whole seconds, so a wait of n is between n-1 and n.
    const int doublings = failures - kFreeFailures + 1;
    return doublings >= 6 ? kMaxDelay : std::min<UnixTime>(kMaxDelay, UnixTime{1} << doublings);
}

UnixTime SignInThrottle::begin(const std::string& name, int stored_failures, UnixTime last_failure, UnixTime now,
                               int& failures_before) {
    std::lock_guard lock(mutex_);
    auto found = in_flight_.find(name);
    const InFlight current = found == in_flight_.end() ? InFlight{} : found->second;
    if (const UnixTime delay = delay_after(stored_failures + current.attempts); delay > 0) {
        const UnixTime since = std::max(last_failure, current.last_start);
        if (now < since + delay) return since + delay - now;
    }
    failures_before = stored_failures + current.attempts;
    InFlight& entry = in_flight_[name];
    entry.attempts += 1;
    entry.last_start = now;
    return 0;
}

// A settled name is kept a while (its last start still gates): a request that read the
// store's count just before this attempt was recorded must not pass as if nothing happened.
// Names quiet for two maximum delays are dropped, at most once a minute.
void SignInThrottle::settle(const std::string& name, UnixTime now) {
    std::lock_guard lock(mutex_);
    auto found = in_flight_.find(name);
    if (found != in_flight_.end() && found->second.attempts > 0) found->second.attempts -= 1;
    if (now - last_sweep_ < 60) return;
    last_sweep_ = now;
    for (auto it = in_flight_.begin(); it != in_flight_.end();) {
        if (it->second.attempts == 0 && now - it->second.last_start > 2 * kMaxDelay) it = in_flight_.erase(it);
        else ++it;
    }
}

}  // namespace beitai::site::auth
