// What the staff handlers share: reading a JSON or form body, the audit log's rows as people
// read them, the refusal notice. Internal to site/routes/staff_*.cpp.
#pragma once

#include <optional>
#include <string>

#include "render/staff_views.h"
#include "routes/portal.h"
#include "tracker/actions.h"

namespace beitai::site::staff {

bool is_json(const Request& r);
bool is_form(const Request& r);
// A browser that says the request comes from another site is refused outright.
bool cross_site(const Request& r);
int status_of(tracker::Refusal::Kind kind);
// An audit entry as the audit page shows it.
render::AuditRow audit_row(const AuditEntry& e);
// When an audit entry was written, as the audit page and API say it: Taiwan's time, +08:00
// ("2024-06-12T14:03:00+08:00"), the time the staff who read it live by.
std::string audit_time(UnixTime t);
// A form's fields in order (a checkbox group repeats its name), each checked to be text.
Result<QueryParams> form_fields(const Request& request);
// The request body as JSON: parsed JSON, or form fields converted for `kind`.
Result<text::Json> body_json(const Request& request, std::optional<tracker::ActionKind> kind);
// The page body of a refusal for want of rights.
std::string forbidden_html(text::Lang lang);

}  // namespace beitai::site::staff
