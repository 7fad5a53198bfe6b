// Names of domain things in the reader's language: counties, issue groups, statuses,
// kinds of closure. Views use these; nothing else picks a language.
#pragma once

#include <string>

#include "content/proposal.h"
#include "text/lang.h"
#include "tracker/record.h"

namespace beitai::tracker {

std::string county_name(const Snapshot& snapshot, const std::string& id, text::Lang lang);
// Chinese group names are the ids; English ones come from groups.json.
std::string group_name(const Snapshot& snapshot, const std::string& id, text::Lang lang);
std::string subgroup_name(const Snapshot& snapshot, const std::string& id, text::Lang lang);
std::string status_label(content::Status status, text::Lang lang);
std::string closure_label(content::ClosureKind kind, text::Lang lang);
// A proposal type (one of content::proposal_types(), which are the seed's Chinese words) in
// `lang`; an unknown one as it is.
std::string type_name(const std::string& type, text::Lang lang);
// Cooperating counties as a reader lists them: "基隆市、臺北市" / "Keelung City, Taipei City".
std::string county_names(const Snapshot& snapshot, const std::vector<std::string>& ids, text::Lang lang);
// 是 / 否, Yes / No.
std::string yes_no(bool value, text::Lang lang);

// Replaces "{name}" in a translated template (text/lang.h).
using text::fill;

}  // namespace beitai::tracker
