// Test-side: one car park's live availability, as a feed would send it.
#pragma once

#include <optional>

#include "parking/model.h"

namespace beitai::testing {

inline parking::Availability live(std::optional<int> available, std::optional<int> total,
                                  parking::Service service = parking::Service::open,
                                  parking::Fullness fullness = parking::Fullness::unknown) {
    parking::Availability a;
    a.available_spaces = available;
    a.total_spaces = total;
    a.service = service;
    a.fullness = fullness;
    return a;
}

}  // namespace beitai::testing
