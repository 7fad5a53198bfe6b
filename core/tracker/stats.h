// Counting proposals: by status for the headline, by year the way the committee's meeting
// record reports them (111: 13 tracked, 12 closed, 1 kept open; 112: 42 new, 8 asking the
// central government, 34 joint), by group, and closed items by kind of closure — so that
// "closed because done" is never read as "closed because dropped".
#pragma once

#include <map>
#include <string>
#include <vector>

#include "content/proposal.h"
#include "tracker/record.h"

namespace beitai::tracker {

struct StatusCounts {
    int open = 0;
    int closed = 0;
    int total() const { return open + closed; }
};

struct YearFigures {
    int year = 0;  // ROC
    int items = 0;
    int open = 0;
    int closed = 0;
    int asks_central = 0;
    int joint = 0;  // among the counties, not asking the central government
};

struct GroupFigures {
    std::string group;
    int open = 0;
    int closed = 0;
};

struct Summary {
    StatusCounts status;
    std::vector<YearFigures> years;    // ascending
    std::vector<GroupFigures> groups;  // in the snapshot's group order, only groups present
    std::map<content::ClosureKind, int> closures;
};

StatusCounts count_by_status(const std::vector<const content::Proposal*>& proposals);
StatusCounts count_by_status(const std::vector<content::Proposal>& proposals);

// One row per year present, ascending.
std::vector<YearFigures> figures_by_year(const std::vector<content::Proposal>& proposals);

Summary summarize(const std::vector<const ProposalRecord*>& records, const std::vector<content::IssueGroup>& groups);

}  // namespace beitai::tracker
