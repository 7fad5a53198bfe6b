// strtod for the WebAssembly builds. Emscripten's libc (musl) computes strtod in 128-bit
// long double, which WebAssembly does not have, so every number went through software
// floating point: reading a 2,000-route map spent 150 ms there, most of the page's load.
// fast_float (Debian's libfast-float-dev) gives the same correctly rounded double with
// plain arithmetic. The linker sends every strtod call here (-Wl,--wrap=strtod); the cases
// fast_float does not take — hex floats, inf and nan, a leading '+', results that
// overflow or underflow and so must set errno — still go to musl.
#include <fast_float/fast_float.h>

#include <cctype>
#include <cmath>

extern "C" double __real_strtod(const char* text, char** end);

extern "C" double __wrap_strtod(const char* text, char** end) {
    const char* first = text;
    while (std::isspace(static_cast<unsigned char>(*first))) ++first;
    // The longest run that could be a decimal number: from_chars needs the end, and the
    // text may run on for megabytes after the number.
    const char* last = first;
    while ((*last >= '0' && *last <= '9') || *last == '.' || *last == 'e' || *last == 'E' || *last == '-' ||
           *last == '+')
        ++last;
    double value = 0;
    const auto parsed = fast_float::from_chars(first, last, value);
    if (parsed.ec != std::errc() || !std::isfinite(value) || value == 0) return __real_strtod(text, end);
    if (end) *end = const_cast<char*>(parsed.ptr);
    return value;
}
