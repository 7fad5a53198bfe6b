// The benchmarks' synthetic proposals: n items over the eight counties and nine groups, with
// titles, sheets and a progress entry made of the tracker's own words, a third of them closed.
// Deterministic (the same in both trees, run after run). tracker_list_bench renders them;
// proposal_write_bench stores them and writes to them.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "bench_support.h"
#include "content/catalog.h"
#include "tracker/record.h"

namespace beitai::bench {

inline content::Catalog synthetic_catalog(int n) {
    content::Catalog s;
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
    Random rnd(20231108);
    for (int i = 0; i < n; ++i) {
        content::Proposal p;
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
        s.proposals.push_back(std::move(p));
    }
    return s;
}

}  // namespace beitai::bench
