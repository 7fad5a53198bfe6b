// Benchmark: a raffle draw at the scale of a popular campaign — 100,000 participants and
// 1,000,000 counted check-ins over the eight counties — natively and as WASM under node
// (the same source in both trees; the browser re-runs draws to verify them). Prints
// medians; asserts nothing about time.
//
// Steps timed: who is eligible (sort and county bitmasks), their pseudonymous entry ids
// (one HMAC each), the published list (sort, join) and its digest, and the draw of 32 prizes.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_support.h"
#include "raffle/draw.h"
#include "raffle/progress.h"
#include "text/sha256.h"

using namespace beitai;
using bench::median;
using bench::ms_since;

int main() {
    const char* target = bench::target_name();
    const int kParticipants = 100000;
    const int kCheckins = 1000000;
    const int kCounties = 8;
    const size_t kPrizes = 32;
    const long long start = 1790784000;  // 2026-10-01T00:00:00+08:00
    const long long period = 76LL * 86400;
    const long long cutoff = start + period / 2;
    const std::string secret = "made-up entry secret for the benchmark, 32+ bytes";
    const std::string seed = "01 07 13 22 30 38 + 05";

    // Participants visit few counties each, so that about half meet a rule of three.
    bench::Random rnd(2026);
    std::vector<raffle::CountedCheckin> checkins;
    checkins.reserve(kCheckins);
    for (int i = 0; i < kCheckins; ++i) {
        raffle::CountedCheckin c;
        c.participant = 1 + static_cast<long long>(rnd.next() % kParticipants);
        c.county = static_cast<int>((c.participant * 3 + rnd.next() % 5) % kCounties);
        c.at = start + static_cast<long long>(rnd.unit() * static_cast<double>(period));
        checkins.push_back(c);
    }
    std::printf("raffle benchmark (%s): %d participants, %d counted check-ins, %d counties\n", target, kParticipants,
                kCheckins, kCounties);

    std::vector<double> eligible_ms, ids_ms, document_ms, draw_ms, total_ms;
    std::vector<long long> eligible;
    std::vector<raffle::Winner> winners;
    size_t document_bytes = 0;
    for (int run = 0; run < 5; ++run) {
        auto t = std::chrono::steady_clock::now();
        eligible = raffle::eligible_participants(checkins, 3, cutoff, {});
        eligible_ms.push_back(ms_since(t));

        t = std::chrono::steady_clock::now();
        std::vector<std::string> entries;
        entries.reserve(eligible.size());
        for (long long p : eligible) entries.push_back(raffle::entry_id(secret, "2026-demo", p));
        ids_ms.push_back(ms_since(t));

        // The published list is sorted; the draw then takes it as published.
        t = std::chrono::steady_clock::now();
        std::sort(entries.begin(), entries.end());
        const std::string document = raffle::entries_document(entries);
        const std::string digest = text::to_hex(text::sha256(document));
        document_ms.push_back(ms_since(t));
        document_bytes = document.size();

        t = std::chrono::steady_clock::now();
        winners = raffle::run_draw(entries, seed, kPrizes);
        draw_ms.push_back(ms_since(t));
        total_ms.push_back(eligible_ms.back() + ids_ms.back() + document_ms.back() + draw_ms.back());
    }
    std::printf("  eligible_participants      %8.1f ms median of 5 (%zu of %d eligible)\n", median(eligible_ms),
                eligible.size(), kParticipants);
    std::printf("  entry ids (HMAC each)      %8.1f ms\n", median(ids_ms));
    std::printf("  sort, entries_document, SHA-256 %5.1f ms (%zu bytes)\n", median(document_ms), document_bytes);
    std::printf("  run_draw, %zu prizes        %8.1f ms (%zu winners)\n", kPrizes, median(draw_ms), winners.size());
    std::printf("  all four                   %8.1f ms\n", median(total_ms));

    // The verify page's work: run_draw alone over a published list of 100,000 entries.
    std::vector<std::string> hundred_thousand;
    hundred_thousand.reserve(100000);
    for (long long p = 1; p <= 100000; ++p) hundred_thousand.push_back(raffle::entry_id(secret, "2026-demo", p));
    std::sort(hundred_thousand.begin(), hundred_thousand.end());  // as read from entries.txt
    std::vector<double> verify_ms;
    for (int run = 0; run < 5; ++run) {
        auto t = std::chrono::steady_clock::now();
        winners = raffle::run_draw(hundred_thousand, seed, kPrizes);
        verify_ms.push_back(ms_since(t));
    }
    std::printf("  run_draw alone, 100,000 entries %5.1f ms median of 5 (%zu winners)\n", median(verify_ms),
                winners.size());
    return winners.size() == kPrizes ? 0 : 1;
}
