// One proposal's page: the whole proposal sheet, its cooperating counties on a small map,
// the dated progress log, and the status history with the deciding meetings.
#pragma once

#include <string>

#include "render/prose.h"
#include "text/lang.h"
#include "tracker/record.h"

namespace beitai::render {

// The dated progress log, latest first, each entry with the agency that reported it (or the
// meeting record it was transcribed from): the public page and the staff edit page show it alike.
std::string progress_log_html(const content::Proposal& proposal, text::Lang lang);

std::string proposal_detail_html(const tracker::Snapshot& snapshot, const tracker::ProposalRecord& record,
                                 text::Lang lang);

}  // namespace beitai::render
