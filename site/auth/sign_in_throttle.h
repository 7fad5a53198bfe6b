// How long a sign-in for a name must wait, when it comes from a browser the server does not
// trust (no valid device cookie for that name, auth/device_cookie.h). Failures for the name
// from anywhere in the last 15 minutes (the store's count, so every server process agrees)
// buy growing waits instead of a lock-out: the first kFreeFailures cost nothing, then each
// further attempt waits 2, 4, 8, … seconds after the latest failure, at most kMaxDelay. A
// distributed guess is thus held to about one guess a minute per name, while the owner on a
// new browser waits at most a minute, and on a trusted one not at all.
//
// Attempts in flight count as failures until they are settled, so that a burst of parallel
// guesses from many addresses cannot all slip through before the first is recorded. That
// bookkeeping is per process: N server processes let N attempts through at once.
#pragma once

#include <mutex>
#include <string>
#include <unordered_map>

#include "clock/clock.h"

namespace beitai::site::auth {

class SignInThrottle {
public:
    static constexpr int kFreeFailures = 5;
    static constexpr UnixTime kMaxDelay = 60;

    // The wait after `failures` failures (0 below kFreeFailures).
    static UnixTime delay_after(int failures);

    // Seconds `name` must still wait (then nothing is reserved), or 0: go ahead, and call
    // settle(name, …) once the attempt is recorded. `failures_before` is then the failures
    // this attempt comes after, those in flight included: if it fails it is the next one.
    UnixTime begin(const std::string& name, int stored_failures, UnixTime last_failure, UnixTime now,
                   int& failures_before);
    void settle(const std::string& name, UnixTime now);

private:
    struct InFlight {
        int attempts = 0;
        UnixTime last_start = 0;
    };
    std::mutex mutex_;
    std::unordered_map<std::string, InFlight> in_flight_;  // names tried in the last two minutes
    UnixTime last_sweep_ = 0;
};

}  // namespace beitai::site::auth
