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
// A form's fields in order (a checkbox group repeats its name), decoded but not checked: what a
// refused form shows again as typed, and what a proposal action hands to the core.
Result<QueryParams> decoded_form(const Request& request);
// The same, each name and value held to the text rule (text/text_rule.h); a flaw is refused
// with its field named, in the request's language.
Result<QueryParams> form_fields(const Request& request);
// A JSON body, every string and member name held to the text rule: a flaw is refused with its
// path ("draws[1].prizes[0].name: …"), in the request's language. Every JSON body is read so.
Result<text::Json> request_json(const Request& request);
// The request body as JSON: parsed JSON, or form fields converted for `kind`. Held to the text
// rule here, except a proposal action's (`kind`), whose reader in the core says each flaw
// beside its field.
Result<text::Json> body_json(const Request& request, std::optional<tracker::ActionKind> kind);
// The page body of a refusal for want of rights.
std::string forbidden_html(text::Lang lang);

// The edit page's name of the form an action comes from: "progress", "close", "reopen",
// "edit", or "new" for create.
std::string form_name(tracker::ActionKind kind);
// A form's fields as typed, to be shown again: all but the CSRF token (a new one is issued).
render::FormValues kept_values(const QueryParams& form);

// A path a signed-out editor may be sent back to after signing in: a page or form action
// under /staff made of plain path characters ("/staff/proposals/112-15"), never "//host",
// "/staff/../x", a query, or anything a browser could read as another site. nullopt otherwise.
std::optional<std::string> staff_return_path(const std::string& path);

// The proposal form a return path posts to: /staff/proposals (create) or
// /staff/proposals/{id}/{edit|progress|close|reopen}.
struct FormTarget {
    tracker::ActionKind kind = tracker::ActionKind::edit;
    std::string id;  // empty for create
};
std::optional<FormTarget> form_target(const std::string& path);

}  // namespace beitai::site::staff
