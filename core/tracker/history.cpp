#include "tracker/history.h"

namespace beitai::tracker {

std::vector<StatusEvent> initial_history(const content::Proposal& p) {
    std::vector<StatusEvent> events;
    if (p.status != content::Status::closed || !p.closure) return events;
    StatusEvent e;
    if (p.closure->date) {
        e.date = *p.closure->date;
    } else {
        for (const auto& entry : p.progress)
            if (e.date < entry.date) e.date = entry.date;
    }
    e.from = content::Status::open;
    e.to = content::Status::closed;
    e.kind = p.closure->kind;
    e.reason = p.closure->reason;
    e.decision = p.closure->decision;
    e.agency = p.agency;
    events.push_back(std::move(e));
    return events;
}

text::Json to_json(const StatusEvent& e) {
    return text::Json{{"date", text::to_iso(e.date)},
                         {"from", content::to_string(e.from)},
                         {"to", content::to_string(e.to)},
                         {"kind", e.kind ? text::Json(content::to_string(*e.kind)) : text::Json(nullptr)},
                         {"reason", e.reason},
                         {"decision", e.decision ? text::Json(*e.decision) : text::Json(nullptr)},
                         {"agency", e.agency}};
}

Result<StatusEvent> status_event_from_json(const text::Json& json) {
    text::Diagnostics diagnostics("status event");
    text::ObjectReader r(json, "", diagnostics);
    StatusEvent e;
    if (auto d = text::read_iso_date(r, "date", false)) e.date = *d;
    auto from = content::parse_status(r.string("from"));
    auto to = content::parse_status(r.string("to"));
    if (!from || !to) r.error("from", "expected \"open\" or \"closed\"");
    e.from = from.value_or(content::Status::open);
    e.to = to.value_or(content::Status::open);
    if (auto kind = r.optional_string("kind")) {
        e.kind = content::parse_closure_kind(*kind);
        if (!e.kind) r.error("kind", "unknown closure kind \"" + *kind + "\"");
    }
    if (e.to == content::Status::closed && !e.kind) r.error("kind", "a closing event names the kind of closure");
    e.reason = r.string("reason");
    e.decision = r.optional_string("decision");
    e.agency = r.string("agency");
    r.reject_unknown_keys();
    if (!diagnostics.empty()) return Error{diagnostics.joined()};
    return e;
}

}  // namespace beitai::tracker
