// How many heap allocations the kiosk has made — every operator new and every allocation of
// Dear ImGui's — so that a test can hold it to its promise that a frame which only redraws
// allocates nothing (a kiosk runs all day; its heap must not creep).
#pragma once

#include <cstdint>

namespace beitai::kiosk {

std::uint64_t AllocationCount();
// Routes ImGui's allocations through the counter. Call before ImGui::CreateContext().
void CountImGuiAllocations();

}  // namespace beitai::kiosk
