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

// An editor edits only proposals whose proposing county is theirs.
bool may_edit(const Actor& actor, const content::Proposal& proposal);
bool may_create(const Actor& actor, const std::string& county);

struct Refusal {
    enum class Kind { invalid, forbidden, conflict, not_found } kind = Kind::invalid;
    std::string message;
    // A conflict's record as it stands now: the editor is shown what changed before trying again.
    std::optional<ProposalRecord> current;
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

// A refusal as the JSON API answers it: {"error": message, "current": record} (the record
// only for a conflict).
text::Json refusal_json(const Refusal& refusal);

// The next free id of a year: "113-01", "113-02", …
std::string next_proposal_id(const Snapshot& snapshot, int roc_year);

}  // namespace beitai::tracker
