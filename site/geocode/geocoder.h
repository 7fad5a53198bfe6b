// The geocoder `beitai import sites --geocoder FILE` asks for the position of a certified
// site's address, at import time (never while serving). The wire formats — the request for an
// address and the position in the answer — are the core's (content/geocode.h); here are the
// config, the HTTP (http/client.h) and the pacing.
//
// The config, a JSON file:
// {
//   "service": "nominatim",                    // or "tgos"
//   "url": "https://nominatim.example.org",    // Nominatim: its base (…/search is added); TGOS: the service's address
//   "params": {"countrycodes": "tw"},          // optional: more query parameters, as they are
//   "params_env": {"oAPPId": "TGOS_APP_ID", "oAPIKey": "TGOS_API_KEY"},
//                                              // optional: query parameters read from environment
//                                              // variables (keys never sit in the file)
//   "min_interval_ms": 1000,                   // optional: at least this long between requests
//                                              // (default 1000: Nominatim's usage policy)
//   "timeout_ms": 10000,                       // optional
//   "user_agent": "beitai-import/1 (…)"        // optional: Nominatim asks that it name the application
// }
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "content/geocode.h"
#include "feeds/feed_config.h"  // EnvLookup
#include "geo/latlon.h"
#include "http/client.h"
#include "text/result.h"
#include "text/url.h"

namespace beitai::site {

struct GeocoderConfig {
    content::GeocoderKind kind = content::GeocoderKind::nominatim;
    std::string url;
    text::QueryParams params;  // "params" and the values of "params_env"
    int min_interval_ms = 1000;
    int timeout_ms = 10000;
    std::string user_agent = "beitai-import/1";
};

// Mistakes are named by their JSON path ("geocoder.json: service: …"); an environment
// variable that is not set is one of them.
Result<GeocoderConfig> read_geocoder_config(const std::string& text, const std::string& source, const EnvLookup& env);

class Geocoder {
public:
    explicit Geocoder(GeocoderConfig config) : config_(std::move(config)) {}

    // The first position the service gives for `address`, or why there is none ("not found",
    // "HTTP 503", a timeout). Waits min_interval_ms after the previous request; an address
    // asked twice is answered from memory.
    Result<geo::LatLon> locate(const std::string& address);

    int requests() const { return requests_; }

private:
    GeocoderConfig config_;
    std::map<std::string, Result<geo::LatLon>> answered_;
    std::chrono::steady_clock::time_point last_{};
    int requests_ = 0;
};

}  // namespace beitai::site
