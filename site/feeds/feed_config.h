// Where the eight county parking feeds come from and how hard to try: URLs and format per
// county, poll intervals, timeouts, body limit, backoff, breaker and rate limits, and the
// TDX OAuth2 sign-in. Read from a JSON file (`beitai serve --feeds FILE`); `--feeds URL` polls
// a feed simulator there instead (simulator_feeds below; sample data).
//
// {
//   "base_url": "https://tdx.transportdata.tw/api/basic",      // optional
//   "auth": {"token_url": "https://tdx.transportdata.tw/auth/realms/TDXConnect/protocol/openid-connect/token",
//            "client_id_env": "TDX_CLIENT_ID", "client_secret_env": "TDX_CLIENT_SECRET"},  // optional
//   "defaults": {"format": "json", "interval_s": 60, "car_parks_interval_s": 3600,
//                "connect_timeout_ms": 3000, "timeout_ms": 10000, "max_body_bytes": 20971520,
//                "stale_after_s": 300},
//   "backoff": {"initial_s": 1, "factor": 1.6, "max_s": 120, "jitter": 0.2},    // optional
//   "breaker": {"failures_to_open": 5, "open_s": 60},                          // optional
//   "keep_every_s": 30,              // optional: how often each document is kept in the store
//   "counties": [{"county": "Taipei"}, {"county": "Keelung", "format": "xml"},
//                {"county": "MiaoliCounty", "live": false},
//                {"county": "Hsinchu", "car_parks_url": "https://…", "availability_url": "https://…"},
//                {"county": "Taipei", "format": "taipei", "car_parks_url": "https://…/TCMSV_alldesc.json",
//                 "availability_url": "https://…/TCMSV_allavailable.json"},
//                {"county": "YilanCounty", "format": "yilan", "availability_url": "https://…"}]
// }
// A county without URLs gets TDX's paths under base_url with $format=JSON or XML.
//
// "format" names the reader of the county's documents: "json" and "xml" are TDX's parking
// standard (core/parking/tdx_json.h, tdx_xml.h); the others are a county's own open data,
// for where TDX lacks live numbers, and have no TDX paths to fall back on:
// - "taipei": Taipei's TCMSV pair (core/parking/taipei_json.h): car_parks_url is
//   TCMSV_alldesc, availability_url TCMSV_allavailable; both are required ("live": false
//   leaves out the second);
// - "yilan": Yilan's one document holding the car parks and their free spaces
//   (core/parking/yilan_json.h), fetched every interval_s: it is given as availability_url,
//   the one URL it takes (car_parks_url and "live": false are refused, naming the county).
// A missing or misplaced URL is reported with the county and the member, and the server
// does not start.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "text/result.h"

namespace beitai::site {

// TDX's JSON or XML, or a county's own format (see above).
enum class FeedFormat { json, xml, taipei, yilan };

struct CountyFeedConfig {
    std::string county;  // TDX city id
    std::string car_parks_url;     // empty for "yilan": its one document is availability_url
    std::string availability_url;  // empty: the county publishes no live availability
    FeedFormat format = FeedFormat::json;
    int interval_s = 60;
    int car_parks_interval_s = 3600;
    int connect_timeout_ms = 3000;
    int timeout_ms = 10000;
    std::size_t max_body_bytes = 20 * 1024 * 1024;
    int stale_after_s = 300;
    bool sample = false;  // sample data (the simulator): pages say 示範資料
};

struct OAuthConfig {
    std::string token_url;
    std::string client_id;
    std::string client_secret;
};

// Backoff after a failure: initial × factor^(failures−1), capped, ± jitter.
struct BackoffPolicy {
    double initial_s = 1;
    double factor = 1.6;
    double max_s = 120;
    double jitter = 0.2;
};

// After `failures_to_open` failures in a row a county is left alone for `open_s`; then one
// attempt decides (a success closes the breaker, a failure opens it again).
struct BreakerPolicy {
    int failures_to_open = 5;
    int open_s = 60;
};

struct FeedsConfig {
    std::vector<CountyFeedConfig> counties;
    std::optional<OAuthConfig> oauth;
    BackoffPolicy backoff;
    BreakerPolicy breaker;
    int max_requests_per_second = 50;  // TDX's limit per source address
    int max_token_requests_per_minute = 20;
    // How often at most each document taken is also kept in the store, for the next start.
    int keep_every_s = 30;
};

// Reads the file's text; errors name the JSON path. Environment variables named by
// client_id_env / client_secret_env are looked up through `env` (the CLI passes getenv).
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;
Result<FeedsConfig> read_feeds_config(const std::string& text, const std::string& file, const EnvLookup& env);

// The eight counties on the simulator at `base_url`: half in JSON, half in XML, Miaoli
// without live data, polled every `interval_s`.
FeedsConfig simulator_feeds(const std::string& base_url, int interval_s);

// The TDX path of a county's document, with $format.
std::string tdx_url(const std::string& base_url, const std::string& county, bool availability, FeedFormat format);

}  // namespace beitai::site
