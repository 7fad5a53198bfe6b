// What the server knows of one county's parking feed: when it last worked, what went
// wrong since, and whether the poller is leaving it alone for a while (its breaker). The
// poller in site/feeds keeps it; the API, the map's freshness panel and the kiosk show it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "parking/levels.h"

namespace beitai::parking {

struct FeedStatus {
    std::string county;             // TDX city id
    bool sample = false;            // the feed serves sample data (the simulator), 示範資料
    bool publishes_live = true;     // false: the county publishes car parks but no availability
    int stale_after_s = 300;        // older data is shown as stale
    std::optional<std::int64_t> last_success_at;  // the last fetch taken (Unix seconds)
    std::optional<std::int64_t> data_updated_at;  // UpdateTime of the last good data, as the county says
    std::optional<std::int64_t> last_attempt_at;
    std::optional<std::int64_t> last_error_at;
    std::string last_error;          // kept after a later success, for the record
    int consecutive_failures = 0;
    bool breaker_open = false;       // failing repeatedly: asked again only at next_attempt_at
    std::optional<std::int64_t> next_attempt_at;
    std::size_t car_parks = 0;       // in the last good data
    std::size_t live_items = 0;
    std::size_t rejected_items = 0;  // items the last taken documents left out
    // Read from the API (the browser's copy): the freshness the server gave, used as given.
    std::optional<SentFreshness> sent;
};

}  // namespace beitai::parking
