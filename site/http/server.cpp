#include "http/server.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <atomic>
#include <cctype>
#include <functional>
#include <limits>
#include <optional>
#include <cstdio>
#include <thread>
#include <vector>

#include "http/framing.h"
#include "http/metrics.h"
#include "http/url.h"

#ifdef __GLIBC__
#include <malloc.h>  // malloc_trim
#endif

namespace beitai::site {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

const char* content_security_policy() {
    // 'wasm-unsafe-eval' lets the page compile WebAssembly without allowing eval; the glue is
    // built with -sDYNAMIC_EXECUTION=0. Map tiles come from OpenStreetMap when reachable.
    return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
           "img-src 'self' data: https://tile.openstreetmap.org https://wmts.nlsc.gov.tw; connect-src 'self'; "
           "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
}

namespace {

// A Beast body that sends a string shared with a cache, without copying it, or pieces
// pulled from Response::stream one at a time (only the current piece is held).
struct SharedStringBody {
    struct value_type {
        std::shared_ptr<const std::string> text;
        std::function<bool(std::string&)> stream;
        std::optional<std::uint64_t> stream_length;
    };

    static std::uint64_t size(const value_type& body) {
        if (body.stream) return body.stream_length.value_or(0);
        return body.text ? body.text->size() : 0;
    }

    class writer {
    public:
        using const_buffers_type = asio::const_buffer;

        template <bool isRequest, class Fields>
        writer(const http::header<isRequest, Fields>&, const value_type& body) : body_(body) {}

        void init(beast::error_code& ec) { ec = {}; }

        boost::optional<std::pair<const_buffers_type, bool>> get(beast::error_code& ec) {
            ec = {};
            if (body_.stream) {
                piece_.clear();
                while (piece_.empty() && body_.stream(piece_)) {
                }
                if (piece_.empty()) {
                    // Fewer bytes than the declared length: fail the write so the session
                    // closes the connection instead of waiting for a request.
                    if (body_.stream_length && sent_ < *body_.stream_length) ec = http::error::partial_message;
                    return boost::none;
                }
                sent_ += piece_.size();
                return {{asio::const_buffer(piece_.data(), piece_.size()), true}};
            }
            if (!body_.text || body_.text->empty()) return boost::none;
            return {{asio::const_buffer(body_.text->data(), body_.text->size()), false}};
        }

    private:
        const value_type& body_;
        std::string piece_;
        std::uint64_t sent_ = 0;
    };
};

using OutgoingMessage = http::response<SharedStringBody>;

// The server's event streams: how many are open, the most it holds (past it a request for one
// is answered 503 with Retry-After), and whether one closed since the memory was last handed
// back (HttpServer::Impl::trim_memory).
struct EventStreamSlots {
    std::atomic<std::size_t> open{0};
    std::size_t max = 2000;
    std::atomic<bool> released{false};
};

Request to_request(const http::request<http::string_body>& in, bool& bad_target) {
    Request r;
    r.method = std::string(in.method_string());
    auto target = parse_target(std::string_view(in.target().data(), in.target().size()));
    bad_target = !target;
    if (target) {
        r.path = std::move(target->path);
        r.query = std::move(target->query);
    }
    for (const auto& field : in) {
        std::string name(field.name_string());
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        r.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    r.body = in.body();
    return r;
}

OutgoingMessage to_beast(Response&& r, unsigned version, bool keep_alive, bool head) {
    OutgoingMessage out{static_cast<http::status>(r.status), version};
    out.set(http::field::server, "beitai");
    out.set(http::field::content_type, r.content_type);
    out.set("Content-Security-Policy", content_security_policy());
    out.set("X-Content-Type-Options", "nosniff");
    out.set("Referrer-Policy", "same-origin");
    out.set("Cross-Origin-Opener-Policy", "same-origin");
    for (auto& [k, v] : r.headers) {
        if (beast::iequals(k, "Set-Cookie")) out.insert(k, v);  // one header per cookie
        else out.set(k, v);
    }
    out.keep_alive(keep_alive);
    if (r.stream) {
        if (r.stream_length || head) out.content_length(r.stream_length.value_or(0));
        else out.chunked(true);
        if (!head) out.body() = {nullptr, std::move(r.stream), r.stream_length};
        return out;
    }
    // A 304 has no body and no length of its own (a Content-Length there would be the
    // length of the answer the client kept, RFC 9110 §8.6): none at all.
    if (r.status == 304) return out;
    auto body = r.shared_body ? std::move(r.shared_body) : std::make_shared<const std::string>(std::move(r.body));
    out.content_length(body->size());
    if (!head) out.body().text = std::move(body);
    return out;
}

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket&& socket, const Handler& handler, std::uint64_t body_limit, const BodyLimitFor& limit_for,
            int idle_seconds, EventStreamSlots& slots, asio::thread_pool* apart)
        : stream_(std::move(socket)), handler_(handler), default_limit_(body_limit), limit_for_(limit_for),
          idle_seconds_(idle_seconds), slots_(slots), apart_(apart) {}
    ~Session() { release_slot(); }

    void start() {
        asio::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::read, shared_from_this()));
    }

private:
    void read() {
        parser_.emplace();
        // No limit while the header is read: the limit depends on the address (on_header).
        // (Not boost::none: Beast 1.74 compares a Content-Length with it and refuses.)
        parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
        parser_->header_limit(16 * 1024);
        limit_ = BodyLimit{default_limit_, "request body"};
        stream_.expires_after(std::chrono::seconds(idle_seconds_));
        http::async_read_header(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_header, shared_from_this()));
    }

    void on_header(beast::error_code ec, std::size_t n) {
        if (ec) return on_read(ec, n);
        const auto& in = parser_->get();
        std::vector<std::string_view> codings;
        for (auto [it, end] = in.equal_range(http::field::transfer_encoding); it != end; ++it)
            codings.emplace_back(it->value().data(), it->value().size());
        if (auto refused = refuse_request_head(in.target().size(), codings, in.version())) {
            unread_request_ = true;  // answered before the body, whose framing may be unknown: drain, close
            return refuse(Response::json_error(refused->status, refused->message));
        }
        if (limit_for_) limit_ = limit_for_(std::string_view(in.method_string().data(), in.method_string().size()),
                                            std::string_view(in.target().data(), in.target().size()));
        if (const auto length = parser_->content_length(); length && *length > limit_.bytes)
            return on_read(http::error::body_limit, n);
        parser_->body_limit(limit_.bytes);  // a chunked body is counted as it comes
        if (beast::iequals(in[http::field::expect], "100-continue") && !parser_->is_done()) {
            // The client waits for this before sending a big body (curl does, for a second).
            auto answer = std::make_shared<http::response<http::empty_body>>(http::status::continue_, in.version());
            return http::async_write(stream_, *answer, [self = shared_from_this(), answer](beast::error_code e, std::size_t) {
                if (e) return self->close();
                self->read_body();
            });
        }
        read_body();
    }

    void read_body() {
        http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
    }

    void on_read(beast::error_code ec, std::size_t) {
        if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::connection_reset)
            return close();
        if (ec) unread_request_ = true;
        if (ec == http::error::body_limit) {
            std::string limit = std::to_string(limit_.bytes) + " bytes";
            if (limit_.bytes % (1024 * 1024) == 0) limit += " (" + std::to_string(limit_.bytes / (1024 * 1024)) + " MB)";
            // Whatever the client still sends is read and dropped before closing (drain).
            drain_limit_ = std::max<std::uint64_t>(kMaxDrainBytes, 2 * limit_.bytes);
            return refuse(Response::json_error(413, limit_.what + " larger than " + limit));
        }
        if (ec == http::error::header_limit) {
            // Beast parses the request line as soon as it is whole: no target means it was not.
            const auto target = parser_->get().target();
            const auto refused = header_too_large(target.empty() ? std::nullopt : std::optional<std::size_t>(target.size()));
            return refuse(Response::json_error(refused.status, refused.message));
        }
        if (ec) {
            // A malformed request line or header: answer once, then close.
            return refuse(Response::json_error(400, "malformed HTTP request: " + ec.message()));
        }
        auto& in = parser_->get();
        bool bad_target = false;
        Request request = to_request(in, bad_target);
        beast::error_code peer_error;
        auto peer = stream_.socket().remote_endpoint(peer_error);
        if (!peer_error) request.remote_address = peer.address().to_string();
        bool head = in.method() == http::verb::head;
        if (head) request.method = "GET";
        const unsigned version = in.version();
        const bool keep_alive = in.keep_alive();
        if (bad_target) return refuse(Response::json_error(400, "malformed request target"));
        if (apart_ && request.method != "GET") return handle_apart(std::move(request), version, keep_alive, head);
        respond(handle(request), version, keep_alive, head);
    }

    // A request that changes something may wait: for its commit to be durable (an fsync, or
    // PostgreSQL's round trips), for a password hash. On this connection's I/O thread it
    // would hold up every other connection dealt to that thread, and the group commit
    // (store/group_commit.h) could batch no more writes than there are I/O threads. It is
    // handled on the pool instead; the answer comes back to this connection's thread.
    void handle_apart(Request request, unsigned version, bool keep_alive, bool head) {
        asio::post(*apart_, [self = shared_from_this(), request = std::move(request), version, keep_alive, head] {
            auto response = std::make_shared<Response>(self->handle(request));
            asio::post(self->stream_.get_executor(), [self, response, version, keep_alive, head] {
                self->respond(std::move(*response), version, keep_alive, head);
            });
        });
    }

    void respond(Response&& response, unsigned version, bool keep_alive, bool head) {
        if (response.events) {
            if (!take_slot()) return refuse_events(std::move(response), version, head);
            return start_events(std::move(response), version, head);
        }
        if (response.delay.count() > 0) return send_later(std::move(response), version, keep_alive, head);
        send(std::move(response), version, keep_alive, head);
    }

    // Answered by the server itself, before any route saw the request: counted for /metrics
    // (the portal counts the rest), then the connection is closed.
    void refuse(Response&& response) {
        metrics().count_refused_request(response.status);
        send(std::move(response), 11, false, false);
    }

    // Response::delay: a timer on this session's executor, so no thread waits meanwhile.
    void send_later(Response&& response, unsigned version, bool keep_alive, bool head) {
        auto timer = std::make_shared<asio::steady_timer>(stream_.get_executor(), response.delay);
        auto held = std::make_shared<Response>(std::move(response));
        timer->async_wait([self = shared_from_this(), timer, held, version, keep_alive, head](beast::error_code ec) {
            if (ec) return self->close();
            self->send(std::move(*held), version, keep_alive, head);
        });
    }

    bool take_slot() {
        if (slots_.open.fetch_add(1) >= slots_.max) {
            slots_.open.fetch_sub(1);
            return false;
        }
        holds_slot_ = true;
        return true;
    }
    void release_slot() {
        if (!holds_slot_) return;
        holds_slot_ = false;
        slots_.open.fetch_sub(1);
        slots_.released.store(true, std::memory_order_relaxed);
    }

    // Past the most streams: the handler's stream ends unsent (its on_close runs), and the
    // client is told when to come back.
    void refuse_events(Response&& response, unsigned version, bool head) {
        response.events->finished();
        Response busy = Response::json_error(503, "too many live connections; try again in a few seconds");
        busy.headers.emplace_back("Retry-After", "5");
        busy.headers.emplace_back("Cache-Control", "no-store");
        send(std::move(busy), version, false, head);
    }

    // Server-Sent Events: the header now (chunked, no length), then every event pushed to the
    // stream, each as one chunk, and a comment line when nothing was sent for a while so that
    // proxies keep the connection open and a client that went away is noticed. The idle
    // timeout does not apply; each write still has to finish within 30 s.
    void start_events(Response&& response, unsigned version, bool head) {
        events_ = std::move(response.events);
        auto header = std::make_shared<http::response<http::empty_body>>(static_cast<http::status>(response.status), version);
        header->set(http::field::server, "beitai");
        header->set(http::field::content_type, response.content_type);
        header->set("Content-Security-Policy", content_security_policy());
        header->set("X-Content-Type-Options", "nosniff");
        for (auto& [k, v] : response.headers) header->set(k, v);
        header->keep_alive(false);
        header->chunked(true);
        auto serializer = std::make_shared<http::response_serializer<http::empty_body>>(*header);
        stream_.expires_after(std::chrono::seconds(30));
        http::async_write_header(stream_, *serializer,
                                 [self = shared_from_this(), header, serializer, head](beast::error_code ec, std::size_t) {
                                     if (ec || head) return self->end_events();
                                     std::weak_ptr<Session> weak = self;
                                     auto executor = self->stream_.get_executor();
                                     self->events_->set_wake([weak, executor] {
                                         asio::post(executor, [weak] {
                                             if (auto s = weak.lock()) s->pump_events();
                                         });
                                     });
                                     self->heartbeat();
                                     self->pump_events();
                                 });
    }

    void pump_events() {
        if (!events_ || writing_events_) return;
        bool closed = false;
        auto chunks = events_->take(closed);
        if (chunks.empty()) {
            if (closed) end_events();
            return;
        }
        write_events(std::move(chunks), closed);
    }

    // The events go out as they are, shared with every other stream that sends them: one chunk
    // over the pieces, no copy.
    void write_events(std::vector<std::shared_ptr<const std::string>> chunks, bool closed) {
        auto held = std::make_shared<std::vector<std::shared_ptr<const std::string>>>(std::move(chunks));
        std::vector<asio::const_buffer> pieces;
        pieces.reserve(held->size());
        for (const auto& c : *held)
            if (!c->empty()) pieces.emplace_back(c->data(), c->size());
        if (pieces.empty()) return closed ? end_events() : pump_events();
        writing_events_ = true;
        stream_.expires_after(std::chrono::seconds(30));
        asio::async_write(stream_, http::make_chunk(pieces),
                          [self = shared_from_this(), held, closed](beast::error_code ec, std::size_t) {
                              self->writing_events_ = false;
                              if (ec) return self->end_events();
                              self->stream_.expires_never();
                              if (closed) return self->end_events();
                              self->pump_events();
                          });
    }

    void heartbeat() {
        heartbeat_ = std::make_shared<asio::steady_timer>(stream_.get_executor(), std::chrono::seconds(15));
        heartbeat_->async_wait([self = shared_from_this()](beast::error_code ec) {
            if (ec || !self->events_) return;
            if (!self->writing_events_)
                self->write_events({std::make_shared<const std::string>(": keep-alive\n\n")}, false);
            self->heartbeat();
        });
    }

    void end_events() {
        if (!events_) return;
        auto events = std::move(events_);
        events->finished();
        release_slot();
        if (heartbeat_) heartbeat_->cancel();
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        stream_.socket().close(ec);
    }

    // The handler must never take the server down: whatever escapes it is a 500 for this
    // request alone, logged with its path.
    Response handle(const Request& request) {
        try {
            return handler_(request);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "beitai: %s %s failed: %s\n", request.method.c_str(), request.path.c_str(), e.what());
        } catch (...) {
            std::fprintf(stderr, "beitai: %s %s failed\n", request.method.c_str(), request.path.c_str());
        }
        return Response::json_error(500, "internal error; the request was not carried out");
    }

    void send(Response&& response, unsigned version, bool keep_alive, bool head) {
        auto msg = std::make_shared<OutgoingMessage>(to_beast(std::move(response), version, keep_alive, head));
        stream_.expires_after(std::chrono::seconds(30));
        http::async_write(stream_, *msg,
                          [self = shared_from_this(), msg, keep_alive](beast::error_code ec, std::size_t) {
                              if (ec || !keep_alive) return self->close();
                              self->read();
                          });
    }

    void close() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        if (unread_request_) drain();
    }

    // After answering a request whose body we did not read (413, 400), closing at once with
    // bytes still unread makes the kernel send a reset, which can destroy the answer before
    // the client reads it. Read and discard for a short while first (RFC 9112 §9.6).
    void drain() {
        stream_.expires_after(std::chrono::seconds(2));
        if (!discard_) discard_ = std::make_unique<std::array<char, 16 * 1024>>();
        stream_.async_read_some(asio::buffer(*discard_),
                                [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                                    self->drained_ += n;
                                    if (!ec && self->drained_ < self->drain_limit_) self->drain();
                                });
    }

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    const Handler& handler_;
    std::uint64_t default_limit_;
    const BodyLimitFor& limit_for_;
    BodyLimit limit_;  // the current request's
    int idle_seconds_;
    bool unread_request_ = false;
    // At least this much of an unread body is drained; twice the limit for a large one, so
    // that a client sending a little over it still gets the 413 rather than a reset.
    static constexpr std::uint64_t kMaxDrainBytes = 8 * 1024 * 1024;
    std::uint64_t drain_limit_ = kMaxDrainBytes;
    std::uint64_t drained_ = 0;
    // Only a connection that drains has one: 16 KiB in every connection would be most of
    // what an idle one costs.
    std::unique_ptr<std::array<char, 16 * 1024>> discard_;
    std::shared_ptr<EventStream> events_;  // set while this connection is an event stream
    bool writing_events_ = false;
    std::shared_ptr<asio::steady_timer> heartbeat_;
    EventStreamSlots& slots_;
    bool holds_slot_ = false;
    asio::thread_pool* apart_;  // where requests that change something are handled (none: here)
};

}  // namespace

// One io_context per thread, each run by exactly that thread (concurrency hint 1, so Asio
// takes no locks), with accepted connections dealt round-robin. A shared io_context run by
// several threads spent most of its time waking threads and passing locks.
struct HttpServer::Impl {
    Handler handler;
    EventStreamSlots streams;  // before the workers: their sessions release slots as they go
    int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::uint64_t body_limit = 1024 * 1024;
    BodyLimitFor body_limit_for;
    int idle_seconds = 30;
    asio::io_context accept_io{1};
    tcp::acceptor acceptor{accept_io};
    std::vector<std::unique_ptr<asio::io_context>> workers;
    std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
    size_t next_worker = 0;
    // Requests that change something (Session::handle_apart). As wide as the writes that
    // should be able to share one commit; idle threads cost their stacks' address space only.
    int apart_threads = 32;
    std::unique_ptr<asio::thread_pool> apart;

    asio::steady_timer backoff{accept_io};
    asio::steady_timer trim_timer{accept_io};

    // Freed memory stays in glibc's per-thread arenas, counted in the process's RSS, until it
    // is handed back: after thousands of event streams close, the server would keep their
    // memory for good. Once a second, if a stream closed meanwhile, malloc_trim returns the
    // free pages to the system (a few milliseconds on the accepting thread, not a worker's).
    void trim_memory() {
        trim_timer.expires_after(std::chrono::seconds(1));
        trim_timer.async_wait([this](beast::error_code ec) {
            if (ec) return;
#ifdef __GLIBC__
            if (streams.released.exchange(false, std::memory_order_relaxed)) malloc_trim(0);
#endif
            trim_memory();
        });
    }

    void accept() {
        asio::io_context& target = *workers[next_worker];
        next_worker = (next_worker + 1) % workers.size();
        acceptor.async_accept(target, [this](beast::error_code ec, tcp::socket socket) {
            if (!acceptor.is_open()) return;
            if (ec) {
                // Out of file descriptors (or memory): retrying at once would spin. Wait a
                // little; connections that close meanwhile free what we need.
                backoff.expires_after(std::chrono::milliseconds(100));
                backoff.async_wait([this](beast::error_code) { accept(); });
                return;
            }
            socket.set_option(tcp::no_delay(true), ec);
            std::make_shared<Session>(std::move(socket), handler, body_limit, body_limit_for, idle_seconds, streams,
                                      apart.get())
                ->start();
            accept();
        });
    }
};

HttpServer::HttpServer(Handler handler) : impl_(std::make_unique<Impl>()) { impl_->handler = std::move(handler); }
HttpServer::~HttpServer() = default;

HttpServer& HttpServer::set_threads(int threads) {
    impl_->threads = std::max(1, threads);
    return *this;
}
HttpServer& HttpServer::set_apart_threads(int threads) {
    impl_->apart_threads = std::max(0, threads);
    return *this;
}
HttpServer& HttpServer::set_body_limit(std::uint64_t bytes) {
    impl_->body_limit = bytes;
    return *this;
}
HttpServer& HttpServer::set_body_limit_for(BodyLimitFor limit_for) {
    impl_->body_limit_for = std::move(limit_for);
    return *this;
}
HttpServer& HttpServer::set_idle_timeout_seconds(int seconds) {
    impl_->idle_seconds = seconds;
    return *this;
}
HttpServer& HttpServer::set_max_event_streams(std::size_t streams) {
    impl_->streams.max = streams;
    return *this;
}
std::size_t HttpServer::open_event_streams() const { return impl_->streams.open.load(std::memory_order_relaxed); }

std::string HttpServer::listen(const std::string& host, std::uint16_t port, std::uint16_t& bound_port) {
    beast::error_code ec;
    auto address = asio::ip::make_address(host, ec);
    if (ec) return "bad listen address \"" + host + "\": " + ec.message();
    tcp::endpoint endpoint{address, port};
    auto& a = impl_->acceptor;
    a.open(endpoint.protocol(), ec);
    if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) a.bind(endpoint, ec);
    if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) return "cannot listen on " + host + ":" + std::to_string(port) + ": " + ec.message();
    bound_port = a.local_endpoint().port();
    return {};
}

void HttpServer::run() {
    for (int i = 0; i < impl_->threads; ++i) {
        impl_->workers.push_back(std::make_unique<asio::io_context>(1));
        impl_->guards.push_back(asio::make_work_guard(*impl_->workers.back()));
    }
    if (impl_->apart_threads > 0) impl_->apart = std::make_unique<asio::thread_pool>(impl_->apart_threads);
    asio::signal_set signals(impl_->accept_io, SIGINT, SIGTERM);
    signals.async_wait([this](beast::error_code, int) { stop(); });
    impl_->accept();
    impl_->trim_memory();
    std::vector<std::thread> pool;
    for (auto& w : impl_->workers) pool.emplace_back([&w] { w->run(); });
    impl_->accept_io.run();
    for (auto& t : pool) t.join();
    if (impl_->apart) {
        // Handlers under way finish; those not begun are dropped with their sessions, while
        // the I/O contexts their sockets belong to still exist.
        impl_->apart->stop();
        impl_->apart->join();
        impl_->apart.reset();
    }
}

void HttpServer::stop() {
    asio::post(impl_->accept_io, [this] {
        beast::error_code ec;
        impl_->acceptor.close(ec);
        impl_->guards.clear();
        for (auto& w : impl_->workers) w->stop();
        impl_->accept_io.stop();
    });
}

}  // namespace beitai::site
