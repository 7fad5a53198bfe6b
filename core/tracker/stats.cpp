#include "tracker/stats.h"

#include <map>

namespace beitai::tracker {

namespace {
void count(StatusCounts& c, const content::Proposal& p) {
    (p.status == content::Status::open ? c.open : c.closed) += 1;
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
    for (const auto& p : proposals) {
        YearFigures& f = by_year[p.year];
        f.year = p.year;
        f.items += 1;
        (p.status == content::Status::open ? f.open : f.closed) += 1;
        (p.asks_central ? f.asks_central : f.joint) += 1;
    }
    std::vector<YearFigures> out;
    for (const auto& [year, f] : by_year) out.push_back(f);
    return out;
}

}  // namespace beitai::tracker
