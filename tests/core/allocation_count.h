// How many times the test binary has called operator new: a test reads it before and after
// a call to show that the call allocates nothing (the kiosk's idle frame must not).
#pragma once

#include <cstddef>

namespace beitai::testing {

std::size_t allocations();

}  // namespace beitai::testing
