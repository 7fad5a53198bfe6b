// A response that stays open and sends Server-Sent Events (text/event-stream) as they
// happen. A handler returns it in Response::stream; producers on any thread push events;
// the server writes them out in order on the connection's own thread and sends a comment
// line now and then, so that proxies keep the connection and a vanished client is noticed.
//
// A client that reads too slowly is not allowed to pile up memory: past `max_queued_bytes`
// of waiting events the stream ends, and the browser's EventSource reconnects and resyncs.
// (One event, however large, is always taken into an empty queue.) An event pushed to many
// streams is one string shared by all of them: the queues hold pointers, not copies.
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace beitai::site {

class EventStream {
public:
    static constexpr std::size_t kMaxQueuedBytes = 1024 * 1024;
    explicit EventStream(std::size_t max_queued_bytes = kMaxQueuedBytes) : max_queued_bytes_(max_queued_bytes) {}
    ~EventStream();

    // "event: <name>\ndata: <data>\n\n" (data is one line of JSON here).
    static std::string format(const std::string& name, const std::string& data);

    // Producers (any thread).
    void push(std::shared_ptr<const std::string> chunk);
    void close();
    // Called once, on the server's side, when the stream ends for any reason.
    void on_close(std::function<void()> f);

    // The server's side.
    void set_wake(std::function<void()> wake);
    // The events waiting, oldest first; `closed` is set once the stream must end.
    std::vector<std::shared_ptr<const std::string>> take(bool& closed);
    void finished();  // runs the on_close callback (once)

private:
    std::mutex mutex_;
    std::deque<std::shared_ptr<const std::string>> queue_;
    std::function<void()> wake_;
    std::function<void()> on_close_;
    bool closed_ = false;
    bool finished_ = false;
    std::size_t queued_bytes_ = 0;
    std::size_t max_queued_bytes_;
};

}  // namespace beitai::site
