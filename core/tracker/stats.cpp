#include "tracker/stats.h"

namespace beitai::tracker {

namespace {
void count(StatusCounts& c, const content::Proposal& p) { (p.status == content::Status::open ? c.open : c.closed) += 1; }

void count(std::map<int, YearFigures>& by_year, const content::Proposal& p) {
    YearFigures& f = by_year[p.year];
    f.year = p.year;
    f.items += 1;
    (p.status == content::Status::open ? f.open : f.closed) += 1;
    (p.asks_central ? f.asks_central : f.joint) += 1;
}

std::vector<YearFigures> rows(const std::map<int, YearFigures>& by_year) {
    std::vector<YearFigures> out;
    for (const auto& [year, f] : by_year) out.push_back(f);
    return out;
}
}  // namespace

StatusCounts count_by_status(const std::vector<const content::Proposal*>& proposals) {
    StatusCounts c;
    for (const auto* p : proposals) count(c, *p);
    return c;
}

StatusCounts count_by_status(const std::vector<content::Proposal>& proposals) {
    StatusCounts c;
    for (const auto& p : proposals) count(c, p);
    return c;
}

std::vector<YearFigures> figures_by_year(const std::vector<content::Proposal>& proposals) {
    std::map<int, YearFigures> by_year;
    for (const auto& p : proposals) count(by_year, p);
    return rows(by_year);
}

Summary summarize(const std::vector<const ProposalRecord*>& records, const std::vector<content::IssueGroup>& groups) {
    Summary s;
    // Flat tables rather than maps: this runs over every selected record on every filter
    // change in the browser, where a map lookup per record was most of the time.
    constexpr int kYears = 301;  // ROC years 0..300
    std::vector<YearFigures> by_year(kYears);
    int closures[6] = {0, 0, 0, 0, 0, 0};
    // Groups are few and known: count into their slots, remembering the last one found
    // (a sorted list runs group by group).
    std::vector<GroupFigures> by_group(groups.size());
    size_t last = 0;
    for (const auto* r : records) {
        const content::Proposal& p = r->proposal;
        count(s.status, p);
        if (p.year >= 0 && p.year < kYears) {
            YearFigures& f = by_year[p.year];
            f.year = p.year;
            f.items += 1;
            (p.status == content::Status::open ? f.open : f.closed) += 1;
            (p.asks_central ? f.asks_central : f.joint) += 1;
        }
        if (last >= groups.size() || groups[last].id != p.group) {
            last = groups.size();
            for (size_t i = 0; i < groups.size(); ++i)
                if (groups[i].id == p.group) last = i;
        }
        if (last < groups.size()) {
            GroupFigures& g = by_group[last];
            g.group = p.group;
            (p.status == content::Status::open ? g.open : g.closed) += 1;
        }
        if (p.status == content::Status::closed && p.closure) closures[static_cast<int>(p.closure->kind)] += 1;
    }
    for (const auto& f : by_year)
        if (f.items > 0) s.years.push_back(f);
    for (int k = 0; k < 6; ++k)
        if (closures[k] > 0) s.closures[static_cast<content::ClosureKind>(k)] = closures[k];
    for (auto& g : by_group)
        if (g.open + g.closed > 0) s.groups.push_back(std::move(g));
    return s;
}

}  // namespace beitai::tracker
