// The audit log, for the committee secretariat (admin routes in the table): the newest 500
// entries as a page and as JSON, a write's entry with what it changed (read from either form
// of row, tracker/audit_change.h). The application has no path that changes or deletes one.
#include "routes/staff_support.h"

namespace beitai::site {

using namespace staff;

Response Portal::staff_audit_page(const Call& call) {
    auto log = store_.audit_log(500);
    if (!log) return Response::json_error(500, log.error());
    std::vector<render::AuditRow> rows;
    for (const auto& e : *log) rows.push_back(audit_row(e));
    return staff_page(call.request, call.now, render::audit_html(*snapshot_.get(), rows, request_lang(call.request)));
}

Response Portal::api_audit(const Call&) {
    auto log = store_.audit_log(500);
    if (!log) return Response::json_error(500, log.error());
    text::Json out = text::Json::array();
    for (const auto& e : *log) {
        text::Json entry = {{"seq", e.seq}, {"at", audit_time(e.at)}, {"user", e.user}, {"action", e.action},
                            {"proposal_id", e.proposal_id}, {"before", e.before}, {"after", e.after}, {"detail", e.detail}};
        // A write's changes, read from either form of row: [{"field", "before", "after"}…].
        if (!e.after.empty()) {
            text::Json changes = text::Json::array();
            for (const auto& c : audit_row(e).changes) changes.push_back({{"field", c.field}, {"before", c.before}, {"after", c.after}});
            entry["changes"] = std::move(changes);
        }
        out.push_back(std::move(entry));
    }
    return Response::json(200, text::to_json_text(out));
}

}  // namespace beitai::site
