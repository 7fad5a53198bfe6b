// What county staff may do to a proposal, and the rules that decide it: create, edit,
// add a dated progress entry, close with a reason and the deciding meeting, reopen.
//
// Each action arrives as JSON (from the API, or a form the server turned into the same
// JSON), is read here with path-naming errors, and is applied to a record as a pure
// function: the new record, or a refusal saying why. The server stores the result and
// the audit entry in one transaction; it never re-implements a rule.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "text/result.h"
#include "tracker/record.h"

namespace beitai::tracker {

enum class Role { editor, admin };

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view s);

// Who acts. Editors act for one county; the committee secretariat (admin) for all.
struct Actor {
    std::string user;    // account name (kept in the audit log, never shown publicly)
    Role role = Role::editor;
    std::string county;  // TDX id; empty for an admin
    std::string agency;  // shown in the public history, e.g. 桃園市政府教育局
};

// An editor edits, closes and reopens only proposals whose proposing county is theirs; the
// secretariat (admin) any.
bool may_edit(const Actor& actor, const content::Proposal& proposal);
bool may_create(const Actor& actor, const std::string& county);
// Whether the actor's county works on the item with the proposer: one of its cooperating
// counties (a joint item of "all eight" lists every county) or a co-proposer. Such an
// editor reports progress (attributed to their agency) but neither edits, closes nor reopens.
bool cooperates_on(const Actor& actor, const content::Proposal& proposal);
// Who may add a progress entry: whoever may edit, and the cooperating counties' editors.
bool may_report_progress(const Actor& actor, const content::Proposal& proposal);
// What an actor may do to one item, for the staff pages to offer only those forms (the
// server still checks every action through apply_action).
struct Rights {
    bool progress = false;  // add a progress entry
    bool manage = false;    // edit the fields, close, reopen
};
Rights rights_on(const Actor& actor, const content::Proposal& proposal);

// One problem with one field of an action, so a form can show every problem at once next to
// its field, in the reader's language: `code` picks the wording ("problem.<code>" in the
// language tables), `param` fills its "{value}"; `message` is the English sentence the JSON
// API answers with ("reason: must not be blank").
struct FieldProblem {
    std::string field;  // the JSON path: "reason", "sheet.approach"
    std::string code;   // required, blank, choose, choice, date_format, date_future, date_before_last, too_many, invalid
    std::string param;  // a date, a bound, or (for "invalid") the English detail
    std::string message;
};

struct Refusal {
    enum class Kind { invalid, forbidden, conflict, not_found } kind = Kind::invalid;
    std::string message;  // every problem, "; "-separated, or the one reason
    // A conflict's record as it stands now: the editor is shown what changed before trying again.
    std::optional<ProposalRecord> current;
    // For an invalid action, every problem found (empty when the body itself was malformed).
    std::vector<FieldProblem> problems;
};

// A record or a refusal.
struct Outcome {
    std::optional<ProposalRecord> record;
    // The change of status the action made (close, reopen), which the public history shows
    // and the store keeps beside the record; none for create, edit and progress.
    std::optional<StatusEvent> event;
    Refusal refusal;
    bool ok() const { return record.has_value(); }
};

enum class ActionKind { create, edit, progress, close, reopen };
std::string_view to_string(ActionKind kind);

// One action as it arrived. `fields` holds the JSON body minus "version".
struct Action {
    ActionKind kind = ActionKind::edit;
    long long version = 0;  // the version the editor saw; 0 for create
    text::Json fields;
};

// Reads an action body. Every action but create carries "version"; unknown keys and wrong
// types are refused with the field's path ("closure.kind: …").
Result<Action> read_action(ActionKind kind, const text::Json& body);

// Applies an action to `current` (nullptr for create) on `today`. For create, `new_id` is
// the id to give the item (the server picks the next free one).
Outcome apply_action(const Snapshot& snapshot, const ProposalRecord* current, const Action& action,
                     const Actor& actor, const text::Date& today, const std::string& new_id = {});

// The refusal of a change the store turned down because another write came first (two
// servers, or two requests at once, both passed apply_action): a conflict carrying `latest`,
// the record that write left.
Outcome changed_meanwhile(const ProposalRecord& latest);

// A refusal as the JSON API answers it: {"error": message, "problems": [{"field", "code",
// "message"}…] (for an invalid action), "current": record (only for a conflict)}.
text::Json refusal_json(const Refusal& refusal);

// The next free id of a year: "113-01", "113-02", …
std::string next_proposal_id(const Snapshot& snapshot, int roc_year);

}  // namespace beitai::tracker
