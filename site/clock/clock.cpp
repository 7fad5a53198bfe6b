#include "clock/clock.h"

#include <chrono>

namespace beitai::site {

UnixTime SystemClock::now() const {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace beitai::site
