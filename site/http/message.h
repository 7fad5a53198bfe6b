// The server's own request and response values: what a route handler sees and returns.
// Handlers never touch Boost.Beast; only server.cpp does.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "http/event_stream.h"
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
    // A body pulled piece by piece as the connection drains, for bodies too big to hold (it
    // takes precedence over both bodies above): each call fills `piece` and returns true, or
    // returns false when there is no more. With `stream_length` the response declares that Content-Length,
    // and if the pieces fall short the connection is closed after them (the feed simulator
    // imitates lying servers so); without it the body is sent chunked.
    std::function<bool(std::string& piece)> stream;
    std::optional<std::uint64_t> stream_length;
    // Answer only after this long; the wait holds no server thread (simulated slow feeds).
    std::chrono::milliseconds delay{0};
    // Set: the response is a Server-Sent Events stream that stays open (http/event_stream.h);
    // status and headers are sent at once, then the events as they are pushed.
    std::shared_ptr<EventStream> events;

    static Response json(int status, std::string body);
    static Response json(int status, std::shared_ptr<const std::string> body);
    // {"error": message} — every API error has this shape.
    static Response json_error(int status, const std::string& message);
    static Response text(int status, std::string body);
};

}  // namespace beitai::site
