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
#include "render/proposal_list.h"
#include "tracker/query.h"

using namespace beitai;

namespace {

tracker::Snapshot synthetic_snapshot(int n) {
    tracker::Snapshot s;
    const std::vector<std::string> ids = {"YilanCounty", "Keelung", "Taipei", "NewTaipei",
                                          "Taoyuan", "HsinchuCounty", "Hsinchu", "MiaoliCounty"};
    const std::vector<std::string> names = {"宜蘭縣", "基隆市", "臺北市", "新北市", "桃園市", "新竹縣", "新竹市", "苗栗縣"};
    for (size_t i = 0; i < ids.size(); ++i) s.counties.push_back({ids[i], names[i], ids[i], {25.0, 121.5}});
    for (const char* g : {"發展推動組", "文化教育組", "交通運輸組", "休閒遊憩組", "防災治安組", "原客新移組", "健康社福組",
                          "產業發展組", "環境資源組"}) {
        content::IssueGroup group;
        group.id = g;
        group.name_en = g;
        s.groups.push_back(group);
    }
    const std::vector<std::string> words = {"自行車", "停車", "觀光", "防災", "社福", "環境", "教育", "文化", "產業",
                                            "交通", "資料", "平台", "合作", "推廣", "計畫", "交流", "共享", "治理"};
    const std::vector<std::string> agencies = {"政府交通局", "政府教育局", "政府觀光旅遊局", "政府消防局", "政府社會局",
                                               "政府環境保護局"};
    bench::Random rnd(20231108);
    for (int i = 0; i < n; ++i) {
        tracker::ProposalRecord r;
        content::Proposal& p = r.proposal;
        p.year = 100 + static_cast<int>(rnd.next() % 14);
        char id[32];
        std::snprintf(id, sizeof id, "%d-%04d", p.year, i);
        p.id = id;
        p.group = s.groups[rnd.next() % s.groups.size()].id;
        const size_t c = rnd.next() % ids.size();
        p.county = ids[c];
        p.agency = names[c] + rnd.pick(agencies);
        for (int w = 0; w < 4; ++w) p.title += rnd.pick(words);
        p.types = {content::proposal_types()[rnd.next() % 5]};
        for (const auto& id_c : ids)
            if (rnd.next() % 3) p.counties.push_back(id_c);
        p.asks_central = rnd.next() % 5 == 0;
        if (p.asks_central) p.ministry = "交通部";
        std::string text;
        for (int w = 0; w < 40; ++w) text += rnd.pick(words);
        p.sheet = content::ProposalSheet{text, text, text, p.agency};
        p.progress.push_back({{1911 + p.year, 1 + static_cast<int>(rnd.next() % 12), 1 + static_cast<int>(rnd.next() % 28)}, text, "", ""});
        if (rnd.next() % 3 == 0) {
            p.status = content::Status::closed;
            p.closure = content::Closure{content::ClosureKind::done, "執行完竣" + text.substr(0, 30), std::nullopt, std::nullopt};
        }
        r.history = tracker::initial_history(p);
        r.updated = tracker::last_update(p, r.history);
        s.records.push_back(std::move(r));
    }
    return s;
}

struct Workload {
    const char* name;
    tracker::QueryParams params;
};

}  // namespace

int main() {
    const int n = 10000;
    const auto snapshot = synthetic_snapshot(n);
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
