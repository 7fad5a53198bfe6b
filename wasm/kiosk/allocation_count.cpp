#include "allocation_count.h"

#include <imgui.h>

#include <cstdlib>
#include <new>

namespace {

// The kiosk's one thread (no pthreads in this build): a plain counter.
std::uint64_t g_allocations = 0;

void* imgui_alloc(size_t size, void*) {
    ++g_allocations;
    return std::malloc(size);
}
void imgui_free(void* p, void*) { std::free(p); }

}  // namespace

void* operator new(std::size_t size) {
    ++g_allocations;
    if (void* p = std::malloc(size ? size : 1)) return p;
    std::abort();  // built without exceptions: no bad_alloc to throw
}
void* operator new[](std::size_t size) { return operator new(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace beitai::kiosk {

std::uint64_t AllocationCount() { return g_allocations; }
void CountImGuiAllocations() { ImGui::SetAllocatorFunctions(imgui_alloc, imgui_free); }

}  // namespace beitai::kiosk
