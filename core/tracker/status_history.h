// A proposal's status events, oldest first, held in chunks that copies share.
//
// A write copies the record it changes (tracker/actions.cpp) and the snapshot before keeps
// the old one until its last reader is done. With the events in one vector, both the copy
// and the release of the old record grew with the history: an item changed 500 times made
// every write to it several times slower than the first. Here a copy copies a pointer per
// 32 events, appending copies at most the one chunk it appends to, and changing an event
// copies only its chunk (copy on write): what one copy does never shows in another, and a
// chunk two copies share is never written.
//
// Reads as a vector of events: size, [], front, back, iterators (random access, reverse
// too). Not safe to change from two threads at once, like a vector; copies may be read and
// changed on different threads freely, as the chunks they share are never written.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <vector>

#include "tracker/history.h"

namespace beitai::tracker {

class StatusHistory {
    static constexpr std::size_t kChunk = 32;
    using Chunk = std::vector<StatusEvent>;

public:
    class const_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = StatusEvent;
        using difference_type = std::ptrdiff_t;
        using pointer = const StatusEvent*;
        using reference = const StatusEvent&;

        const_iterator() = default;
        const_iterator(const StatusHistory* history, std::size_t at) : history_(history), at_(at) {}
        reference operator*() const { return (*history_)[at_]; }
        pointer operator->() const { return &(*history_)[at_]; }
        reference operator[](difference_type n) const { return (*history_)[at_ + static_cast<std::size_t>(n)]; }
        const_iterator& operator++() { ++at_; return *this; }
        const_iterator operator++(int) { auto before = *this; ++at_; return before; }
        const_iterator& operator--() { --at_; return *this; }
        const_iterator operator--(int) { auto before = *this; --at_; return before; }
        const_iterator& operator+=(difference_type n) { at_ += static_cast<std::size_t>(n); return *this; }
        const_iterator& operator-=(difference_type n) { at_ -= static_cast<std::size_t>(n); return *this; }
        friend const_iterator operator+(const_iterator i, difference_type n) { return i += n; }
        friend const_iterator operator+(difference_type n, const_iterator i) { return i += n; }
        friend const_iterator operator-(const_iterator i, difference_type n) { return i -= n; }
        friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
            return static_cast<difference_type>(a.at_) - static_cast<difference_type>(b.at_);
        }
        friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.at_ == b.at_; }
        friend bool operator!=(const const_iterator& a, const const_iterator& b) { return a.at_ != b.at_; }
        friend bool operator<(const const_iterator& a, const const_iterator& b) { return a.at_ < b.at_; }
        friend bool operator>(const const_iterator& a, const const_iterator& b) { return a.at_ > b.at_; }
        friend bool operator<=(const const_iterator& a, const const_iterator& b) { return a.at_ <= b.at_; }
        friend bool operator>=(const const_iterator& a, const const_iterator& b) { return a.at_ >= b.at_; }

    private:
        const StatusHistory* history_ = nullptr;
        std::size_t at_ = 0;
    };
    using const_reverse_iterator = std::reverse_iterator<const_iterator>;

    StatusHistory() = default;
    StatusHistory(const std::vector<StatusEvent>& events);  // NOLINT: a vector of events reads as one
    StatusHistory(std::initializer_list<StatusEvent> events);

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    // No at(): the core throws nothing (the browser's build cannot catch); callers check size().
    const StatusEvent& operator[](std::size_t i) const { return (*chunks_[i / kChunk])[i % kChunk]; }
    const StatusEvent& front() const { return (*this)[0]; }
    const StatusEvent& back() const { return (*this)[size_ - 1]; }
    // The event at `i` to change: in this history's own copy of its chunk.
    StatusEvent& operator[](std::size_t i);

    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, size_}; }
    const_reverse_iterator rbegin() const { return const_reverse_iterator(end()); }
    const_reverse_iterator rend() const { return const_reverse_iterator(begin()); }

    void push_back(StatusEvent event);
    void clear();

    friend bool operator==(const StatusHistory& a, const StatusHistory& b);
    friend bool operator!=(const StatusHistory& a, const StatusHistory& b) { return !(a == b); }

private:
    Chunk& own_chunk(std::size_t chunk);

    std::vector<std::shared_ptr<Chunk>> chunks_;
    std::size_t size_ = 0;
};

}  // namespace beitai::tracker
