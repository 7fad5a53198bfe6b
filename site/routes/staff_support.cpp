#include "routes/staff_support.h"

#include <cctype>

#include "render/notices.h"

#include "routes/staff_forms.h"
#include "text/date.h"
#include "text/html.h"
#include "text/text_rule.h"
#include "tracker/audit_change.h"

namespace beitai::site::staff {

std::string audit_time(UnixTime t) { return text::to_iso_datetime_taipei(t); }

bool is_json(const Request& r) { return r.header("content-type").rfind("application/json", 0) == 0; }

bool is_form(const Request& r) {
    return r.header("content-type").rfind("application/x-www-form-urlencoded", 0) == 0;
}

namespace {
std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}
}  // namespace

// Sec-Fetch-Site where the browser sends it; otherwise an Origin whose host is not the one the
// request was sent to (older browsers send Origin on a form's POST, but not Sec-Fetch-*).
bool cross_site(const Request& r) {
    if (r.header("sec-fetch-site") == "cross-site") return true;
    const std::string& origin = r.header("origin");
    const std::string& host = r.header("host");
    if (origin.empty() || host.empty()) return false;
    if (origin == "null") return true;  // a sandboxed frame or a file: not one of our pages
    const auto scheme_end = origin.find("://");
    if (scheme_end == std::string::npos) return true;
    return lower(origin.substr(scheme_end + 3)) != lower(host);
}

int status_of(tracker::Refusal::Kind kind) {
    switch (kind) {
        case tracker::Refusal::Kind::invalid: return 400;
        case tracker::Refusal::Kind::forbidden: return 403;
        case tracker::Refusal::Kind::conflict: return 409;
        case tracker::Refusal::Kind::not_found: return 404;
    }
    return 400;
}

render::AuditRow audit_row(const AuditEntry& e) {
    render::AuditRow row{e.seq, audit_time(e.at), e.user, e.action, e.proposal_id, e.detail, {}};
    if (!e.after.empty())
        if (auto change = tracker::read_audit_change(e.before, e.after)) row.changes = std::move(change->changes);
    return row;
}

Result<QueryParams> decoded_form(const Request& request) {
    if (!is_form(request)) return Error{"request body: expected a form"};
    auto form = text::parse_query_string(request.body);
    if (!form) return Error{"request body: malformed form encoding"};
    return std::move(*form);
}

Result<QueryParams> form_fields(const Request& request) {
    auto form = decoded_form(request);
    if (!form) return form;
    const text::Lang lang = request_lang(request);
    for (const auto& [k, v] : *form) {
        // A flawed name is said as "(form)": the name itself may be what cannot be shown.
        if (auto flaw = text::find_text_flaw(k)) return Error{text::text_flaw_message("(form)", *flaw, lang)};
        if (auto flaw = text::find_text_flaw(v)) return Error{text::text_flaw_message(k, *flaw, lang)};
    }
    return std::move(*form);
}

Result<text::Json> request_json(const Request& request) {
    auto json = text::parse_json_text(request.body, "request body");
    if (!json) return json;
    if (auto found = text::find_json_text_flaw(*json))
        return Error{text::text_flaw_message(found->field, found->flaw, request_lang(request))};
    return json;
}

Result<text::Json> body_json(const Request& request, std::optional<tracker::ActionKind> kind) {
    // A proposal action's text is checked by the core's action reader, which says each flaw
    // beside its field (tracker/actions.h); every other body is checked here, whole.
    if (is_json(request)) return kind ? text::parse_json_text(request.body, "request body") : request_json(request);
    if (is_form(request)) {
        auto form = kind ? decoded_form(request) : form_fields(request);
        if (!form) return Error{form.error()};
        if (kind) return form_to_action_json(*kind, *form);
        text::Json out = text::Json::object();
        for (const auto& [k, v] : *form) out[k] = v;
        return out;
    }
    return Error{"request body: expected application/json or a form"};
}

std::string forbidden_html(text::Lang lang) {
    return render::error_notice_html(text::tr("staff.forbidden", lang));
}

std::string form_name(tracker::ActionKind kind) {
    return kind == tracker::ActionKind::create ? "new" : std::string(tracker::to_string(kind));
}

render::FormValues kept_values(const QueryParams& form) {
    render::FormValues out;
    for (const auto& [k, v] : form)
        if (k != "csrf") out.emplace_back(k, v);
    return out;
}

std::optional<std::string> staff_return_path(const std::string& path) {
    if (path.size() > 200 || (path != "/staff" && path.rfind("/staff/", 0) != 0)) return std::nullopt;
    size_t segment_start = 1;
    for (size_t i = 1; i <= path.size(); ++i) {
        if (i == path.size() || path[i] == '/') {
            const std::string segment = path.substr(segment_start, i - segment_start);
            if (segment.empty() || segment == "." || segment == "..") return std::nullopt;
            segment_start = i + 1;
            continue;
        }
        const char c = path[i];
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) return std::nullopt;
    }
    return path;
}

std::optional<FormTarget> form_target(const std::string& path) {
    if (!staff_return_path(path)) return std::nullopt;
    if (path == "/staff/proposals") return FormTarget{tracker::ActionKind::create, ""};
    const std::string prefix = "/staff/proposals/";
    if (path.rfind(prefix, 0) != 0) return std::nullopt;
    const std::string rest = path.substr(prefix.size());
    const auto slash = rest.find('/');
    if (slash == std::string::npos || rest.find('/', slash + 1) != std::string::npos) return std::nullopt;
    const std::string id = rest.substr(0, slash), action = rest.substr(slash + 1);
    for (auto kind : {tracker::ActionKind::edit, tracker::ActionKind::progress, tracker::ActionKind::close,
                      tracker::ActionKind::reopen})
        if (action == tracker::to_string(kind)) return FormTarget{kind, id};
    return std::nullopt;
}

}  // namespace beitai::site::staff
