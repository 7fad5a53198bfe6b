// Benchmark: the proposal tracker's list for 10,000 synthetic proposals — filter, text
// search, sort and render the HTML the page shows — natively and as WASM under node (the
// same source, built in both trees). Prints the median of repeated runs per workload; it
// asserts nothing about time.
//
// Workloads (the inputs are generated at start-up, deterministically):
//   open-112-by-update   status=open&year=112&sort=updated, render page 1 + summary
//   search-chinese       q=自行車 (substring over title, agency, description, progress)
//   group-partner        group=交通運輸組&partner=Keelung&sort=group
//   everything           no filter: summary of all 10,000 + page 1
//   filter-search-sort   status=open&q=交通&sort=updated: all three at once
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_support.h"
#include "synthetic_proposals.h"
#include "render/proposal_list.h"
#include "tracker/query.h"

using namespace beitai;

namespace {

struct Workload {
    const char* name;
    tracker::QueryParams params;
};

}  // namespace

int main() {
    const int n = 10000;
    const auto snapshot = tracker::snapshot_from_catalog(bench::synthetic_catalog(n));
    const std::vector<Workload> workloads = {
        {"open-112-by-update", {{"status", "open"}, {"year", "112"}, {"sort", "updated"}}},
        {"search-chinese", {{"q", "自行車"}}},
        {"group-partner", {{"group", "交通運輸組"}, {"partner", "Keelung"}, {"sort", "group"}}},
        {"everything", {}},
        {"filter-search-sort", {{"status", "open"}, {"q", "交通"}, {"sort", "updated"}}},
    };
    const char* target = bench::target_name();
    std::printf("tracker list benchmark (%s): %d synthetic proposals\n", target, n);
    size_t sink = 0;
    for (const auto& w : workloads) {
        std::vector<double> ms;
        size_t matched = 0, bytes = 0;
        for (int run = 0; run < 21; ++run) {
            const auto start = std::chrono::steady_clock::now();
            auto query = tracker::parse_proposal_query(w.params, snapshot);
            auto selection = tracker::select_records(snapshot, *query);
            const std::string html = render::proposal_results_html(snapshot, *query, selection, text::Lang::zh_TW);
            ms.push_back(bench::ms_since(start));
            matched = selection.size();
            bytes = html.size();
            sink += html.size();
        }
        std::printf("  %-20s %8.2f ms median of 21  (%zu matching, %zu bytes of HTML)\n", w.name, bench::median(ms), matched, bytes);
    }
    return sink == 0;  // keeps the work from being optimised away
}
