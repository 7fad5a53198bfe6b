// The staff pages: sign-in, the list of proposals one may edit, the edit page with its
// forms (progress, close, reopen, fields), a new proposal, the audit log and accounts.
// Every form carries the session's CSRF token and, for edits, the version it was made
// from; the server checks both and every permission — hiding a button is not the check.
#pragma once

#include <string>
#include <vector>

#include "text/lang.h"
#include "tracker/actions.h"
#include "tracker/record.h"

namespace beitai::render {

struct AuditRow {
    long long seq = 0;
    std::string at;  // ISO timestamp
    std::string user;
    std::string action;
    std::string proposal_id;
    std::string detail;
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

std::string sign_in_html(text::Lang lang, const Notice& notice, const std::string& name);

std::string staff_home_html(const tracker::Snapshot& snapshot, const tracker::Actor& actor, const std::string& csrf,
                            text::Lang lang);

// `changes` lists what happened since the version the editor had (after a 409).
std::string staff_edit_html(const tracker::Snapshot& snapshot, const tracker::ProposalRecord& record,
                            const tracker::Actor& actor, const std::string& csrf, text::Lang lang, const Notice& notice,
                            const std::vector<AuditRow>& changes = {});

std::string staff_new_html(const tracker::Snapshot& snapshot, const tracker::Actor& actor, const std::string& csrf,
                           text::Lang lang, const Notice& notice);

std::string audit_html(const std::vector<AuditRow>& rows, text::Lang lang);

std::string accounts_html(const tracker::Snapshot& snapshot, const std::vector<AccountRow>& accounts,
                          const std::string& csrf, text::Lang lang, const Notice& notice);

}  // namespace beitai::render
