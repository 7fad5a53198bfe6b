// The feeds' status on the wire, as a writer and its reader: GET /api/parking/feeds, and the
// "feeds" list that GET /api/parking and every event of the live stream carry too.
//
// A feed: {"county", "sample", "publishes_live", "stale_after_s", "last_success",
// "data_updated", "last_attempt", "last_error", "last_error_at", "consecutive_failures",
// "breaker_open", "next_attempt", "car_parks", "live_items", "rejected_items", "age_s",
// "stale"}; times are ISO 8601 in Taipei time, or null. What is read back holds the age and
// staleness the server sent (FeedStatus::sent), used as given: read(write(x, now)) written
// again at `now` is the same text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "text/json_reader.h"
#include "parking/snapshot.h"
#include "text/result.h"

namespace beitai::parking {

text::Json feed_json(const FeedStatus& feed, std::int64_t now);
// `at`: the time the server wrote it (its "now"). Errors name the path.
Result<FeedStatus> read_feed_json(const text::Json& node, const std::string& path, std::int64_t at);

text::Json feed_list_json(const std::vector<FeedStatus>& feeds, std::int64_t now);
Result<std::vector<FeedStatus>> read_feed_list_json(const text::Json& list, const std::string& path, std::int64_t at);

// GET /api/parking/feeds: {"sample", "now", "feeds": [...]}.
text::Json feeds_json(const ParkingSnapshot& snapshot, std::int64_t now);
struct FeedsReport {
    bool sample = false;
    std::int64_t now = 0;
    std::vector<FeedStatus> feeds;
};
Result<FeedsReport> read_feeds_json(const text::Json& root);

}  // namespace beitai::parking
