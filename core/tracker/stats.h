// Counting proposals: by status for the portal's headline, and by year the way the
// committee's meeting record reports them (111: 13 tracked, 12 closed, 1 kept open;
// 112: 42 new, 8 asking the central government, 34 joint).
#pragma once

#include <vector>

#include "content/proposal.h"

namespace beitai::tracker {

struct StatusCounts {
    int open = 0;
    int closed = 0;
    int total() const { return open + closed; }
};

StatusCounts count_by_status(const std::vector<const content::Proposal*>& proposals);
StatusCounts count_by_status(const std::vector<content::Proposal>& proposals);

struct YearFigures {
    int year = 0;  // ROC
    int items = 0;
    int open = 0;
    int closed = 0;
    int asks_central = 0;
    int joint = 0;  // among the counties, not asking the central government
};

// One row per year present, ascending.
std::vector<YearFigures> figures_by_year(const std::vector<content::Proposal>& proposals);

}  // namespace beitai::tracker
