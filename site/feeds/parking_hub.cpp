#include "feeds/parking_hub.h"

#include <utility>

#include "http/event_stream.h"
#include "parking/api_json.h"

namespace beitai::site {

ParkingHub::ParkingHub() : current_(std::make_shared<parking::ParkingSnapshot>()), published_(current_) {}

std::shared_ptr<const parking::ParkingSnapshot> ParkingHub::snapshot() const {
    std::lock_guard lock(snapshot_mutex_);
    return current_;
}

void ParkingHub::add_county(parking::FeedStatus status) {
    std::lock_guard lock(state_mutex_);
    // A process that takes over the polling builds a new poller, which adds its counties again.
    for (const auto& c : counties_)
        if (c.status.county == status.county) return;
    parking::CountyParking c;
    c.status = std::move(status);
    counties_.push_back(std::move(c));
    auto next = std::make_shared<const parking::ParkingSnapshot>(counties_);
    std::lock_guard swap(snapshot_mutex_);
    current_ = std::move(next);
}

void ParkingHub::update(const std::string& county, const std::function<void(parking::CountyParking&)>& change) {
    std::lock_guard lock(state_mutex_);
    for (auto& c : counties_)
        if (c.status.county == county) change(c);
    auto next = std::make_shared<const parking::ParkingSnapshot>(counties_);
    std::lock_guard swap(snapshot_mutex_);
    current_ = std::move(next);
}

void ParkingHub::publish(std::int64_t now) {
    auto after = snapshot();
    auto before = std::exchange(published_, after);
    if (before == after) return;
    const auto changes = parking::diff(*before, *after);
    if (changes.empty()) return;
    auto event = std::make_shared<const std::string>(
        EventStream::format("parking", text::to_json_text(parking::changes_json(*after, changes, now))));
    // Called outside the lock: a listener may end its own subscription (a stream that just
    // closed unsubscribes from its destructor).
    std::vector<std::pair<int, Listener>> listeners;
    {
        std::lock_guard lock(listeners_mutex_);
        listeners = listeners_;
    }
    for (auto& [id, listener] : listeners) listener(event);
}

int ParkingHub::subscribe(Listener listener) {
    std::lock_guard lock(listeners_mutex_);
    listeners_.emplace_back(next_listener_, std::move(listener));
    return next_listener_++;
}

void ParkingHub::unsubscribe(int id) {
    std::lock_guard lock(listeners_mutex_);
    for (size_t i = 0; i < listeners_.size(); ++i)
        if (listeners_[i].first == id) {
            listeners_.erase(listeners_.begin() + static_cast<long>(i));
            return;
        }
}

std::size_t ParkingHub::subscribers() const {
    std::lock_guard lock(listeners_mutex_);
    return listeners_.size();
}

}  // namespace beitai::site
