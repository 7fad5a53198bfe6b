// Replaces the global operator new and delete of the test binary (both trees) with ones that
// count, over malloc and free. The test binary runs one thread, so a plain counter does.
#include "allocation_count.h"

#include <cstdlib>
#include <new>

namespace {
std::size_t g_allocations = 0;

void* counted(std::size_t n) {
    ++g_allocations;
    return std::malloc(n ? n : 1);
}
}  // namespace

namespace beitai::testing {
std::size_t allocations() { return g_allocations; }
}  // namespace beitai::testing

void* operator new(std::size_t n) {
    if (void* p = counted(n)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
    if (void* p = counted(n)) return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return counted(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return counted(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
