// HTML forms post application/x-www-form-urlencoded; the JSON API posts JSON. Both become
// the same JSON action body here, so there is one path into core/tracker/actions.
#pragma once

#include "http/message.h"
#include "tracker/actions.h"

namespace beitai::site {

// Form fields → the JSON the API takes for that action. Empty optional fields become null,
// checkbox groups arrays, "version" an integer (or a string the core will refuse).
text::Json form_to_action_json(tracker::ActionKind kind, const QueryParams& form);

// The first value of a form field, or "".
std::string form_value(const QueryParams& form, const std::string& name);

}  // namespace beitai::site
