// How full a car park is, in five words a citizen reads at a glance — plenty, few, full,
// closed, unknown — and the freshness of what we know. The thresholds live here and only
// here: the map's colours, the lists, the kiosk and the API all ask this file.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "parking/model.h"

namespace beitai::parking {

enum class Level { plenty, few, full, closed, unknown };

struct LevelThresholds {
    // "few" when the free spaces are at most this many, or at most this share of the total,
    // whichever is larger: 8 free of 40 is few, 8 free of 2,000 even more so.
    int few_spaces = 10;
    double few_share = 0.1;
};

// `live` is the car park's availability item, or nullptr when its county sent none for it
// (no live data: unknown, never full or empty). A known number decides; without one, the
// FullStatus the server gave; a car park not open (休息中, 暫停營業) is closed whatever its count.
Level level_of(const Availability* live, const LevelThresholds& thresholds = {});

// A car park one can drive into now: plenty or few spaces.
inline bool has_space(Level level) { return level == Level::plenty || level == Level::few; }

// "plenty", "few", "full", "closed", "unknown": ids for the API, CSS classes and tests.
std::string_view level_id(Level level);
std::optional<Level> parse_level(std::string_view id);

// The age of a piece of data and whether it is too old to trust. Data with no time of its
// own is as old as the fetch that brought it (`fetched_at`), and never younger.
struct Freshness {
    std::optional<std::int64_t> age_s;  // nullopt: we hold no data at all
    bool stale = true;
};

Freshness freshness_of(std::optional<std::int64_t> data_time, std::optional<std::int64_t> fetched_at, std::int64_t now,
                       int stale_after_s);

// Freshness as the server sent it, at its `at` (the API's "now"). The browser keeps the
// server's word and only lets time pass on it (aged): data the server called stale stays
// stale, and data grows stale once its age passes the limit with no new word.
struct SentFreshness {
    Freshness freshness;
    std::int64_t at = 0;
};
Freshness aged(const SentFreshness& sent, std::int64_t now, int stale_after_s);

}  // namespace beitai::parking
