// The HTTP/1.1 server: Boost.Beast on Asio, keep-alive, one io_context run by a few threads.
//
// Chosen over cpp-httplib because the tracker's bar is 0.8 of nginx's request rate under
// 64 keep-alive connections on 2 cores; httplib's thread-per-connection model cannot carry
// that, Beast's asynchronous sessions can (tests/bench/api_throughput measures it).
//
// Implemented features:
//  [X] keep-alive, pipelining-safe sequential responses
//  [X] requests that change something handled on a pool of their own, apart from the I/O
//      threads (set_apart_threads): their waits hold up no other connection
//  [X] body limit (413 past it, naming the limit), per address when set_body_limit_for says so
//      (the header is read first, then the body under its address's limit); header limit,
//      read and idle timeouts; "Expect: 100-continue" answered once the body is within it
//  [X] security headers on every response (CSP with 'wasm-unsafe-eval', nosniff, …)
//  [X] HEAD answered like GET without a body
//  [X] streamed bodies (Response::stream: chunked, or a declared length) and delayed answers
//      (Response::delay, a timer: no thread waits) — the feed simulator's slow and huge feeds
//  [X] Server-Sent Events (Response::events), at most set_max_event_streams of them (503 with
//      Retry-After past it); their memory goes back to the system after they close
//  [ ] TLS (terminated by the reverse proxy in front)
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "http/message.h"

namespace beitai::site {

using Handler = std::function<Response(const Request&)>;

// How much body a request may carry, chosen from its method and target (path and query, as
// sent) before the body is read. `what` names the body in the 413's message ("photo larger
// than 10485760 bytes (10 MB)").
struct BodyLimit {
    std::uint64_t bytes = 1024 * 1024;
    std::string what = "request body";
};
using BodyLimitFor = std::function<BodyLimit(std::string_view method, std::string_view target)>;

class HttpServer {
public:
    explicit HttpServer(Handler handler);
    ~HttpServer();

    HttpServer& set_threads(int threads);
    // Threads for requests that change something (any method but GET and HEAD), which may
    // wait for a durable commit or a password hash: default 32; 0 handles them on the I/O
    // threads like the rest.
    HttpServer& set_apart_threads(int threads);
    HttpServer& set_body_limit(std::uint64_t bytes);  // default 1 MiB
    // A limit per address instead (set_body_limit's is then unused).
    HttpServer& set_body_limit_for(BodyLimitFor limit_for);
    HttpServer& set_idle_timeout_seconds(int seconds);
    // The most Server-Sent Events streams open at once (default 2000); one more is a 503.
    HttpServer& set_max_event_streams(std::size_t streams);
    std::size_t open_event_streams() const;

    // Binds and listens; port 0 picks a free one. Returns the port, or an error message.
    std::string listen(const std::string& host, std::uint16_t port, std::uint16_t& bound_port);
    // Serves until stop() or SIGINT/SIGTERM.
    void run();
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Headers every response carries (exposed for tests that check them).
const char* content_security_policy();

}  // namespace beitai::site
