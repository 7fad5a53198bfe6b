// The server's own request and response values: what a route handler sees and returns.
// Handlers never touch Boost.Beast; only server.cpp does.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "text/url.h"

namespace beitai::site {

using QueryParams = text::QueryParams;

struct Request {
    std::string method;  // "GET", "POST", …
    std::string path;    // percent-decoded, without the query string
    QueryParams query;   // percent-decoded pairs in order
    std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
    std::string body;
    std::string remote_address;  // the peer's IP address

    // The first header of that (lower-case) name, or "".
    const std::string& header(const std::string& name) const;
    // The value of a cookie from the Cookie header, or "".
    std::string cookie(const std::string& name) const;
};

struct Response {
    int status = 200;
    std::string content_type = "text/plain; charset=utf-8";
    std::string body;
    // A body shared with a cache: sent as it is, without a copy (takes precedence over body).
    std::shared_ptr<const std::string> shared_body;
    std::vector<std::pair<std::string, std::string>> headers;

    static Response json(int status, std::string body);
    static Response json(int status, std::shared_ptr<const std::string> body);
    // {"error": message} — every API error has this shape.
    static Response json_error(int status, const std::string& message);
    static Response text(int status, std::string body);
};

}  // namespace beitai::site
