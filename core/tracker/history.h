// The status history of a proposal: every change from open to closed or back, with when,
// the deciding meeting, the kind of closure, the reason, and the agency that made it. The
// public history names the agency, never the person; the audit log (server side) keeps
// the person.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/proposal.h"

namespace beitai::tracker {

struct StatusEvent {
    text::Date date;  // the deciding meeting's date, or the day the change was recorded
    content::Status from = content::Status::open;
    content::Status to = content::Status::open;
    std::optional<content::ClosureKind> kind;  // set when the change closes the item
    std::string reason;
    std::optional<std::string> decision;
    std::string agency;
};

// The history that curated content implies: a closed item was closed once, on the date of
// the deciding meeting, or, where the seed names none, on the date of the latest report
// that records the closure (its latest progress entry).
std::vector<StatusEvent> initial_history(const content::Proposal& proposal);

text::Json to_json(const StatusEvent& event);
Result<StatusEvent> status_event_from_json(const text::Json& json);

}  // namespace beitai::tracker
