#include "http/rate_limiter.h"

namespace beitai::site {

bool RateLimiter::allow(const std::string& key, UnixTime now) {
    std::lock_guard<std::mutex> lock(mutex_);
    forget_old(now);
    auto found = attempts_.find(key);
    if (found == attempts_.end() && attempts_.size() >= kMaxKeys) return false;
    auto& times = found != attempts_.end() ? found->second : attempts_[key];
    while (!times.empty() && times.front() <= now - window_) times.pop_front();
    if (static_cast<int>(times.size()) >= limit_) return false;
    times.push_back(now);
    return true;
}

UnixTime RateLimiter::retry_after(const std::string& key, UnixTime now) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = attempts_.find(key);
    if (it == attempts_.end() || static_cast<int>(it->second.size()) < limit_) return 0;
    const UnixTime at = it->second.front() + window_;
    return at > now ? at - now : 0;
}

// Keys whose attempts have all aged out are dropped once a window, so that a stream of new
// addresses cannot grow the map without bound.
void RateLimiter::forget_old(UnixTime now) {
    if (now - last_sweep_ < window_) return;
    last_sweep_ = now;
    for (auto it = attempts_.begin(); it != attempts_.end();) {
        if (it->second.empty() || it->second.back() <= now - window_) it = attempts_.erase(it);
        else ++it;
    }
}

}  // namespace beitai::site
