#include "http/event_stream.h"

namespace beitai::site {

EventStream::~EventStream() { finished(); }

std::string EventStream::format(const std::string& name, const std::string& data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
}

void EventStream::push(std::shared_ptr<const std::string> chunk) {
    std::function<void()> wake;
    {
        std::lock_guard lock(mutex_);
        if (closed_) return;
        if (!queue_.empty() && queued_bytes_ + chunk->size() > max_queued_bytes_) {
            closed_ = true;  // too slow a reader: end it, the client reconnects
            queue_.clear();
            queued_bytes_ = 0;
        } else {
            queued_bytes_ += chunk->size();
            queue_.push_back(std::move(chunk));
        }
        wake = wake_;
    }
    if (wake) wake();
}

void EventStream::close() {
    std::function<void()> wake;
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
        wake = wake_;
    }
    if (wake) wake();
}

void EventStream::on_close(std::function<void()> f) {
    std::lock_guard lock(mutex_);
    on_close_ = std::move(f);
}

void EventStream::set_wake(std::function<void()> wake) {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
}

std::vector<std::shared_ptr<const std::string>> EventStream::take(bool& closed) {
    std::lock_guard lock(mutex_);
    std::vector<std::shared_ptr<const std::string>> out(queue_.begin(), queue_.end());
    queue_.clear();
    queued_bytes_ = 0;
    closed = closed_;
    return out;
}

void EventStream::finished() {
    std::function<void()> f;
    {
        std::lock_guard lock(mutex_);
        if (finished_) return;
        finished_ = true;
        closed_ = true;
        wake_ = nullptr;
        f = std::move(on_close_);
    }
    if (f) f();
}

}  // namespace beitai::site
