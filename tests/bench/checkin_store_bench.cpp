// Benchmark: durable check-ins acknowledged per second by the raffle store's add_checkin
// (group commit, site/store/checkin_batcher.h) with 1, 8 and 32 concurrent callers, on
// SQLite (a file in a temporary folder, WAL + synchronous=FULL) and on PostgreSQL (a database
// of its own beside BEITAI_PG_URL's, skipped when that is not set). Every check-in counted
// here was committed before its call returned. Prints the median of three runs per figure;
// asserts nothing about time.
//
//   checkin_store_bench [seconds per run, default 2]
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "../support/scratch_store.h"
#include "bench_support.h"
#include "store/raffle_store.h"

using namespace beitai;
using namespace beitai::site;

namespace {

struct Run {
    double per_second = 0;
    long long failures = 0;
};

// `threads` callers, each with a participant of its own checking in at ever new sites, for
// `seconds`; `round` keeps the participants of successive runs apart in one store.
Result<Run> run_callers(RaffleStore& store, int threads, double seconds, int round) {
    std::vector<long long> participants;
    for (int t = 0; t < threads; ++t) {
        Participant p;
        p.campaign = "bench";
        const std::string tag = std::to_string(round) + "-" + std::to_string(threads) + "-" + std::to_string(t);
        p.token_digest = "token-" + tag;
        p.recovery_digest = "recovery-" + tag;
        p.nickname = "王小明";
        p.home_county = "Taipei";
        p.created = 1790000000;
        auto id = store.add_participant(p, "0912345678");
        if (!id) return Error{id.error()};
        participants.push_back(*id);
    }

    std::atomic<bool> stop{false};
    std::atomic<long long> stored{0}, failures{0};
    std::string first_failure;
    std::atomic<bool> failure_kept{false};
    std::vector<std::thread> callers;
    const auto start = std::chrono::steady_clock::now();
    for (int t = 0; t < threads; ++t)
        callers.emplace_back([&, t] {
            StoredCheckin c;
            c.campaign = "bench";
            c.participant = participants[t];
            c.county = "Taipei";
            for (long long n = 0; !stop.load(std::memory_order_relaxed); ++n) {
                c.site = "site-" + std::to_string(n);
                c.at = 1790000000 + n;
                auto r = store.add_checkin(c);
                if (r && *r == AddResult::stored) {
                    stored.fetch_add(1, std::memory_order_relaxed);
                } else {
                    failures.fetch_add(1, std::memory_order_relaxed);
                    if (!r && !failure_kept.exchange(true)) first_failure = r.error();
                }
            }
        });
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
    for (auto& t : callers) t.join();
    const double elapsed = bench::ms_since(start) / 1000.0;
    if (failures > 0 && !first_failure.empty()) std::fprintf(stderr, "  a check-in failed: %s\n", first_failure.c_str());
    return Run{static_cast<double>(stored.load()) / elapsed, failures.load()};
}

int bench_store(const char* engine, RaffleStore& store, double seconds) {
    int round = 0;
    for (int threads : {1, 8, 32}) {
        std::vector<double> figures;
        long long failures = 0;
        for (int repeat = 0; repeat < 3; ++repeat) {
            auto run = run_callers(store, threads, seconds, round++);
            if (!run) {
                std::fprintf(stderr, "%s: %s\n", engine, run.error().c_str());
                return 1;
            }
            figures.push_back(run->per_second);
            failures += run->failures;
        }
        std::printf("%-10s  %2d threads  %8.0f check-ins/s (median of 3, %.1f s each)%s\n", engine, threads,
                    bench::median(figures), seconds, failures ? "  SOME FAILED" : "");
        std::fflush(stdout);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
    if (seconds <= 0) {
        std::fprintf(stderr, "usage: checkin_store_bench [seconds per run]\n");
        return 2;
    }
    std::printf("durable check-ins acknowledged per second (add_checkin, group commit), %u cores\n",
                std::thread::hardware_concurrency());

    int failed = 0;
    {
        testing::ScratchSqlite scratch;
        auto store = open_raffle_store(scratch.path());
        if (!store) {
            std::fprintf(stderr, "SQLite: %s\n", store.error().c_str());
            return 1;
        }
        failed |= bench_store("SQLite", **store, seconds);
    }

    const std::string admin = testing::ScratchPostgres::admin_url();
    if (admin.empty()) {
        std::printf("PostgreSQL  skipped: BEITAI_PG_URL is not set (portal.sh starts a server and sets it)\n");
        return failed;
    }
    testing::ScratchPostgres scratch;
    if (auto s = scratch.create(admin); !s) {
        std::fprintf(stderr, "PostgreSQL: %s\n", s.error().c_str());
        return 1;
    }
    auto store = open_raffle_store(scratch.url());
    if (!store) {
        std::fprintf(stderr, "PostgreSQL: %s\n", store.error().c_str());
        return 1;
    }
    failed |= bench_store("PostgreSQL", **store, seconds);
    return failed;
}
