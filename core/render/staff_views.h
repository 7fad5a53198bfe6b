// The staff pages: sign-in, the list of proposals one may act on, the edit page with its
// forms (progress, close, reopen, fields), a new proposal, the audit log and accounts.
// A refused form comes back as typed, with every problem beside its field (aria-invalid,
// aria-describedby) and listed in a summary at the top that links to the fields.
// Every form carries the session's CSRF token and, for edits, the version it was made
// from; the server checks both and every permission — hiding a button is not the check.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "text/lang.h"
#include "tracker/actions.h"
#include "tracker/changes.h"
#include "tracker/record.h"

namespace beitai::render {

struct AuditRow {
    long long seq = 0;
    std::string at;  // ISO time in Taiwan, "2024-06-12T14:03:00+08:00" (shown as "2024-06-12 14:03 (+08:00)")
    std::string user;
    std::string action;
    std::string proposal_id;
    std::string detail;
    // A stored write's changes, field by field (tracker/audit_change.h); none for the rest.
    std::vector<tracker::FieldChange> changes;
};

struct AccountRow {
    std::string name;
    tracker::Role role = tracker::Role::editor;
    std::string county;
    std::string agency;
    bool disabled = false;
};

// A message shown above a form: an error (role=alert) or a notice.
struct Notice {
    std::string text;
    bool error = false;
};

// A form's fields as posted, in order (a checkbox group repeats its name).
using FormValues = std::vector<std::pair<std::string, std::string>>;

// What the editor typed into one form, kept through a refusal, a conflict or a sign-in, so
// that nothing typed is lost: the page shows the form filled in as it was, every problem next
// to its field and in a summary at the top.
struct KeptForm {
    std::string form;  // "progress", "close", "reopen", "edit" (the edit page) or "new"
    FormValues values;
    std::optional<long long> version;  // the version the form carries; none: the record's
    std::vector<tracker::FieldProblem> problems;
};

// One stored change made after the version an editor worked from (a 409 shows them all).
struct StoredChange {
    std::string at;  // ISO time in Taiwan, "2024-06-12T14:03:00+08:00"
    std::string user;
    std::string action;  // the audit's action: create, edit, progress, close, reopen
    long long version = 0;  // the version it made
    std::vector<tracker::FieldChange> changes;
};

// Where a signed-out editor was going: the page or the form's action to return to, and what
// they had typed (kept as hidden fields of the sign-in form, never stored).
struct SignInReturn {
    std::string path;  // a local staff path, checked by the server
    FormValues kept;
};

std::string sign_in_html(text::Lang lang, const Notice& notice, const std::string& name, const SignInReturn& back = {});

// The staff home: the items the editor may act on — their county's own proposals, then the
// ones their county cooperates on (progress only) — open ones first in each.
std::string staff_home_html(const tracker::Snapshot& snapshot, const tracker::Actor& actor, const std::string& csrf,
                            text::Lang lang);

struct StaffEditView {
    const tracker::Snapshot& snapshot;
    const tracker::ProposalRecord& record;
    const tracker::Actor& actor;
    std::string csrf;
    text::Lang lang = text::Lang::zh_TW;
    Notice notice;
    std::optional<KeptForm> kept;
    // After a 409: the version the editor worked from and what was stored since.
    std::optional<long long> conflict_from;
    std::vector<StoredChange> changes;
};

// An item's edit page: its status, its progress log, and the forms the actor may use —
// progress for a cooperating county, all of them for the proposer and the secretariat.
std::string staff_edit_html(const StaffEditView& view);

std::string staff_new_html(const tracker::Snapshot& snapshot, const tracker::Actor& actor, const std::string& csrf,
                           text::Lang lang, const Notice& notice, const std::optional<KeptForm>& kept = std::nullopt);

// The audit log; a write's row shows what it changed, each field before → after, with the
// snapshot's names for counties and groups.
std::string audit_html(const tracker::Snapshot& snapshot, const std::vector<AuditRow>& rows, text::Lang lang);

std::string accounts_html(const tracker::Snapshot& snapshot, const std::vector<AccountRow>& accounts,
                          const std::string& csrf, text::Lang lang, const Notice& notice);

}  // namespace beitai::render
