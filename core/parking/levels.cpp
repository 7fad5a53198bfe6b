#include "parking/levels.h"

#include <algorithm>
#include <cmath>

namespace beitai::parking {

Level level_of(const Availability* live, const LevelThresholds& thresholds) {
    if (!live) return Level::unknown;
    if (live->service == Service::resting || live->service == Service::suspended || live->service == Service::off_hours)
        return Level::closed;
    if (live->available_spaces) {
        const int free = *live->available_spaces;
        if (free == 0) return Level::full;
        int few = thresholds.few_spaces;
        if (live->total_spaces)
            few = std::max(few, static_cast<int>(std::ceil(thresholds.few_share * *live->total_spaces)));
        return free <= few ? Level::few : Level::plenty;
    }
    switch (live->fullness) {
        case Fullness::space: return Level::plenty;
        case Fullness::nearly_full: return Level::few;
        case Fullness::full:
        case Fullness::overcrowded: return Level::full;
        case Fullness::unknown: break;
    }
    return Level::unknown;
}

std::string_view level_id(Level level) {
    switch (level) {
        case Level::plenty: return "plenty";
        case Level::few: return "few";
        case Level::full: return "full";
        case Level::closed: return "closed";
        case Level::unknown: break;
    }
    return "unknown";
}

std::optional<Level> parse_level(std::string_view id) {
    for (Level l : {Level::plenty, Level::few, Level::full, Level::closed, Level::unknown})
        if (level_id(l) == id) return l;
    return std::nullopt;
}

Freshness freshness_of(std::optional<std::int64_t> data_time, std::optional<std::int64_t> fetched_at, std::int64_t now,
                       int stale_after_s) {
    Freshness f;
    std::optional<std::int64_t> t = data_time;
    if (fetched_at && (!t || *t > *fetched_at)) t = fetched_at;  // a clock ahead of ours is not "newer"
    if (!t) return f;
    f.age_s = std::max<std::int64_t>(0, now - *t);
    f.stale = *f.age_s > stale_after_s;
    return f;
}

Freshness aged(const SentFreshness& sent, std::int64_t now, int stale_after_s) {
    Freshness f = sent.freshness;
    if (!f.age_s) return f;
    *f.age_s += std::max<std::int64_t>(0, now - sent.at);
    f.stale = f.stale || *f.age_s > stale_after_s;
    return f;
}

}  // namespace beitai::parking
