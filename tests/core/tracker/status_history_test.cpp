// tracker/status_history: reads as a vector of events; copies share chunks of them, and no
// change to one copy shows in another.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tracker/status_history.h"

using namespace beitai::tracker;
using beitai::content::Status;

namespace {

StatusEvent numbered(int i) {
    StatusEvent e;
    e.date = beitai::text::Date{2015 + i / 336, 1 + i / 28 % 12, 1 + i % 28};
    e.from = i % 2 ? Status::closed : Status::open;
    e.to = i % 2 ? Status::open : Status::closed;
    e.reason = "理由 " + std::to_string(i);
    e.agency = "示範機關";
    return e;
}

std::vector<std::string> reasons(const StatusHistory& h) {
    std::vector<std::string> out;
    for (const auto& e : h) out.push_back(e.reason);
    return out;
}

}  // namespace

TEST_CASE("a status history reads as the vector of its events, in order, across chunk boundaries") {
    std::vector<StatusEvent> events;
    for (int i = 0; i < 100; ++i) events.push_back(numbered(i));
    const StatusHistory h = events;
    REQUIRE(h.size() == 100);
    CHECK_FALSE(h.empty());
    CHECK(StatusHistory{}.empty());
    for (int i : {0, 31, 32, 33, 63, 64, 99}) CHECK(h[static_cast<size_t>(i)].reason == "理由 " + std::to_string(i));
    CHECK(h.front().reason == "理由 0");
    CHECK(h.back().reason == "理由 99");
    CHECK(h.end() - h.begin() == 100);
    CHECK(h.begin()[40].reason == "理由 40");
    CHECK(std::distance(h.rbegin(), h.rend()) == 100);
    CHECK(h.rbegin()->reason == "理由 99");
    CHECK(std::find_if(h.begin(), h.end(), [](const StatusEvent& e) { return e.reason == "理由 70"; }) - h.begin() == 70);
    CHECK(h == StatusHistory(events));
    StatusHistory other = events;
    other[50].reason = "changed";
    CHECK(h != other);
}

TEST_CASE("a copy appends and changes without touching the history it was copied from") {
    StatusHistory original;
    for (int i = 0; i < 64; ++i) original.push_back(numbered(i));  // two full chunks
    const std::vector<std::string> before = reasons(original);

    StatusHistory copy = original;
    copy.push_back(numbered(64));      // a new chunk
    copy[10].reason = "改於副本";       // a shared chunk: copied first
    copy[63].decision = "第9次會議";     // the other shared chunk
    CHECK(reasons(original) == before);
    CHECK_FALSE(original[63].decision.has_value());
    CHECK(copy.size() == 65);
    CHECK(copy[10].reason == "改於副本");
    CHECK(copy[11].reason == "理由 11");
    CHECK(copy.back().reason == "理由 64");

    // Appending to a copy whose last chunk is shared and not full copies it, not the original.
    StatusHistory partial;
    for (int i = 0; i < 40; ++i) partial.push_back(numbered(i));
    StatusHistory a = partial, b = partial;
    a.push_back(numbered(100));
    b.push_back(numbered(200));
    CHECK(partial.size() == 40);
    CHECK(a.back().reason == "理由 100");
    CHECK(b.back().reason == "理由 200");
    CHECK(a[39].reason == b[39].reason);

    a.clear();
    CHECK(a.empty());
    CHECK(partial.size() == 40);
    a = {numbered(1), numbered(2)};
    CHECK(reasons(a) == std::vector<std::string>{"理由 1", "理由 2"});
}
