// The proposal tracker's list: the filter form, and the results (summary, pager, items,
// export links). The server renders both for the first load; the browser's WASM re-renders
// the results with these same functions on every filter change.
#pragma once

#include <string>
#include <vector>

#include "text/lang.h"
#include "tracker/query.h"

namespace beitai::render {

constexpr int kProposalsPerPage = 50;

// <form method="get" action="/proposals"> with every filter, set to `query`.
std::string proposal_filters_html(const tracker::Snapshot& snapshot, const tracker::ProposalQuery& query,
                                  text::Lang lang);

// The inside of <div id="proposal-results">: summary of the whole selection, the page of
// items `query.page` asks for, a pager, and links to the exports and feed of this view.
std::string proposal_results_html(const tracker::Snapshot& snapshot, const tracker::ProposalQuery& query,
                                  const std::vector<const tracker::ProposalRecord*>& selection, text::Lang lang);

// The tracker page's main content: its heading, the filters, and the results in the
// <div id="proposal-results"> the browser re-renders in place.
std::string proposals_main_html(const tracker::Snapshot& snapshot, const tracker::ProposalQuery& query,
                                const std::vector<const tracker::ProposalRecord*>& selection, text::Lang lang);

// "/proposals?…" for a query (page and sort included).
std::string proposals_url(const tracker::ProposalQuery& query, const std::string& base = "/proposals");

}  // namespace beitai::render
