#include "parking/feeds_json.h"

#include "parking/api_fields.h"
#include "text/date.h"

namespace beitai::parking {

using text::Json;

Json feed_json(const FeedStatus& f, std::int64_t now) {
    using api::time_or_null;
    Json out = Json::object();
    out["county"] = f.county;
    out["sample"] = f.sample;
    out["publishes_live"] = f.publishes_live;
    out["stale_after_s"] = f.stale_after_s;
    out["last_success"] = time_or_null(f.last_success_at);
    out["data_updated"] = time_or_null(f.data_updated_at);
    out["last_attempt"] = time_or_null(f.last_attempt_at);
    out["last_error"] = f.last_error;
    out["last_error_at"] = time_or_null(f.last_error_at);
    out["consecutive_failures"] = f.consecutive_failures;
    out["breaker_open"] = f.breaker_open;
    out["next_attempt"] = time_or_null(f.next_attempt_at);
    out["car_parks"] = f.car_parks;
    out["live_items"] = f.live_items;
    out["rejected_items"] = f.rejected_items;
    return api::with_freshness(out, feed_freshness(f, now));
}

Result<FeedStatus> read_feed_json(const Json& node, const std::string& path, std::int64_t at) {
    api::Reader r{node, path, {}};
    FeedStatus f;
    f.county = r.text("county", true);
    f.sample = r.flag("sample");
    f.publishes_live = r.flag("publishes_live");
    f.stale_after_s = static_cast<int>(r.integer("stale_after_s").value_or(300));
    f.last_success_at = r.time("last_success");
    f.data_updated_at = r.time("data_updated");
    f.last_attempt_at = r.time("last_attempt");
    f.last_error_at = r.time("last_error_at");
    f.last_error = r.text("last_error");
    f.consecutive_failures = static_cast<int>(r.integer("consecutive_failures").value_or(0));
    f.breaker_open = r.flag("breaker_open");
    f.next_attempt_at = r.time("next_attempt");
    f.car_parks = static_cast<std::size_t>(r.integer("car_parks").value_or(0));
    f.live_items = static_cast<std::size_t>(r.integer("live_items").value_or(0));
    f.rejected_items = static_cast<std::size_t>(r.integer("rejected_items").value_or(0));
    f.sent = r.freshness(at);
    if (!r.problem.empty()) return Error{r.problem};
    return f;
}

Json feed_list_json(const std::vector<FeedStatus>& feeds, std::int64_t now) {
    Json list = Json::array();
    for (const auto& f : feeds) list.push_back(feed_json(f, now));
    return list;
}

Result<std::vector<FeedStatus>> read_feed_list_json(const Json& list, const std::string& path, std::int64_t at) {
    if (!list.is_array()) return Error{path + ": expected a list"};
    std::vector<FeedStatus> feeds;
    for (size_t i = 0; i < list.size(); ++i) {
        auto f = read_feed_json(list[i], path + "[" + std::to_string(i) + "]", at);
        if (!f) return Error{f.error()};
        feeds.push_back(std::move(*f));
    }
    return feeds;
}

Json feeds_json(const ParkingSnapshot& snapshot, std::int64_t now) {
    Json out = Json::object();
    out["sample"] = snapshot.sample();
    out["now"] = text::to_iso_datetime_taipei(now);
    out["feeds"] = feed_list_json(snapshot.feeds(), now);
    return out;
}

Result<FeedsReport> read_feeds_json(const Json& root) {
    if (!root.is_object()) return Error{"expected an object"};
    api::Reader r{root, "", {}};
    FeedsReport report;
    report.sample = r.flag("sample");
    auto now = r.time("now");
    if (!r.problem.empty()) return Error{r.problem.substr(1)};
    if (!now) return Error{"now: expected the time it was written"};
    report.now = *now;
    auto feeds = root.find("feeds");
    if (feeds == root.end()) return Error{"feeds: expected a list"};
    auto list = read_feed_list_json(*feeds, "feeds", report.now);
    if (!list) return Error{list.error()};
    report.feeds = std::move(*list);
    return report;
}

}  // namespace beitai::parking
