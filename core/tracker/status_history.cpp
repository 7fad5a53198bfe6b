#include "tracker/status_history.h"

namespace beitai::tracker {

StatusHistory::StatusHistory(const std::vector<StatusEvent>& events) {
    for (const auto& e : events) push_back(e);
}

StatusHistory::StatusHistory(std::initializer_list<StatusEvent> events) {
    for (const auto& e : events) push_back(e);
}

StatusEvent& StatusHistory::operator[](std::size_t i) { return own_chunk(i / kChunk)[i % kChunk]; }

StatusHistory::Chunk& StatusHistory::own_chunk(std::size_t chunk) {
    // Held by this history alone: no copy can see the change. Otherwise copied first.
    auto& held = chunks_[chunk];
    if (held.use_count() != 1) held = std::make_shared<Chunk>(*held);
    return *held;
}

void StatusHistory::push_back(StatusEvent event) {
    if (size_ % kChunk == 0) {
        chunks_.push_back(std::make_shared<Chunk>());
        chunks_.back()->reserve(kChunk);
    }
    own_chunk(chunks_.size() - 1).push_back(std::move(event));
    ++size_;
}

void StatusHistory::clear() {
    chunks_.clear();
    size_ = 0;
}

bool operator==(const StatusHistory& a, const StatusHistory& b) {
    if (a.size_ != b.size_) return false;
    for (std::size_t i = 0; i < a.size_; ++i) {
        const StatusEvent& x = a[i];
        const StatusEvent& y = b[i];
        if (!(x.date == y.date && x.from == y.from && x.to == y.to && x.kind == y.kind && x.reason == y.reason &&
              x.decision == y.decision && x.agency == y.agency))
            return false;
    }
    return true;
}

}  // namespace beitai::tracker
