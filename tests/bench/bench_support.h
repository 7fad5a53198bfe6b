// What every benchmark here needs: deterministic input (the same in both targets), a clock,
// and medians (single runs vary by ±20 % on a shared machine).
#pragma once

#include <algorithm>
#include <chrono>
#include <vector>

namespace beitai::bench {

// A 64-bit LCG: the same numbers natively and in WASM, run after run.
struct Random {
    unsigned long long state;
    explicit Random(unsigned long long seed) : state(seed) {}
    unsigned long long step() { return state = state * 6364136223846793005ULL + 1442695040888963407ULL; }
    unsigned next() { return static_cast<unsigned>(step() >> 33); }
    double unit() { return static_cast<double>(step() >> 11) / 9007199254740992.0; }  // [0, 1)
    template <class T>
    const T& pick(const std::vector<T>& v) { return v[next() % v.size()]; }
};

inline double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

inline double ms_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

inline const char* target_name() {
#ifdef __EMSCRIPTEN__
    return "wasm";
#else
    return "native";
#endif
}

}  // namespace beitai::bench
