// The outgoing side of HTTP: the libcurl options every request of ours shares, and one
// blocking request for the callers that wait for their answer (the feed poller's OAuth2
// token, the importers' geocoder). The poller's many feed requests run on libcurl's multi
// interface with the same options (feeds/poller.cpp).
//
// libcurl's defaults wait 300 s to connect and forever in total: every request here has both
// limits, no signals (we are one thread of many), only HTTP(S) (redirects only to HTTPS), any
// compression the server offers, and a bounded body. curl_global_init is main()'s.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <curl/curl.h>

namespace beitai::site {

struct HttpLimits {
    long connect_timeout_ms = 5000;
    long timeout_ms = 10000;
    std::size_t max_body_bytes = 1 << 20;
    std::string user_agent = "beitai/1";
};

void set_common_options(CURL* easy, const HttpLimits& limits);

struct HttpAnswer {
    long status = 0;     // 0 when no answer came
    std::string body;
    std::string error;   // why no answer came ("" when one did, whatever its status)
};

// GET `url`, or POST `form` (application/x-www-form-urlencoded) when it is given; `headers`
// as "Name: value".
HttpAnswer http_request(const std::string& url, const HttpLimits& limits, const std::vector<std::string>& headers = {},
                        const std::string* form = nullptr);

}  // namespace beitai::site
