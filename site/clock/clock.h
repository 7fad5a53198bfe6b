// The site's one source of the current time. Whatever in site/ needs "now" is handed a Clock
// (the server and the simulator a SystemClock, tests a ManualClock) and reads it once per
// request or per fetch, so that one answer never mixes two instants; core/ is given the
// time as an argument. People read times in Taiwan's zone, +08:00 (text::to_iso_datetime_taipei,
// text::date_in_taipei); UTC appears only where a standard asks for it.
//
// Waiting — timeouts, intervals, backoff — is measured on std::chrono::steady_clock, which a
// change of the wall clock cannot move; that is a stopwatch, not a time anyone reads.
#pragma once

#include <atomic>
#include <cstdint>

namespace beitai::site {

// Seconds since the Unix epoch.
using UnixTime = std::int64_t;

class Clock {
public:
    virtual ~Clock() = default;
    virtual UnixTime now() const = 0;
};

class SystemClock final : public Clock {
public:
    UnixTime now() const override;
};

// A clock that moves only when told: for tests.
class ManualClock final : public Clock {
public:
    explicit ManualClock(UnixTime start) : now_(start) {}
    UnixTime now() const override { return now_.load(); }
    void set(UnixTime t) { now_.store(t); }
    void advance(UnixTime seconds) { now_.fetch_add(seconds); }

private:
    std::atomic<UnixTime> now_;
};

}  // namespace beitai::site
