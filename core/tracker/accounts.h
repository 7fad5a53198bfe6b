// Staff accounts: who may make them, and what makes one valid. The web form, the JSON API
// and the `beitai user add` command all check a new account here, so an account the CLI
// takes is one the web would take too. Hashing the password and storing the account are
// the server's (site/auth, site/store).
#pragma once

#include <string>
#include <vector>

#include "content/county.h"
#include "text/json_reader.h"
#include "text/result.h"
#include "tracker/actions.h"

namespace beitai::tracker {

constexpr size_t kMinPasswordLength = 12;

// Only the committee secretariat manages accounts.
bool may_manage_accounts(const Actor& actor);

// A new account as it is to be stored (the password not yet hashed).
struct NewAccount {
    std::string name;  // 3 to 40 of a-z, 0-9, '.', '_' and '-': it appears in the audit log
    Role role = Role::editor;
    std::string county;  // an editor's county (TDX id); empty for an admin
    std::string agency;  // what the public history shows for the account's changes
    std::string password;
};

// Checks a new account; the message names the field. An admin's county is cleared: the
// secretariat acts for all eight.
Result<NewAccount> check_new_account(NewAccount account, const std::vector<content::County>& counties);

// Reads {"name", "password", "role", "county", "agency"} (a form's "csrf" is allowed and
// ignored) and checks it as above.
Result<NewAccount> read_new_account(const text::Json& body, const std::vector<content::County>& counties);

}  // namespace beitai::tracker
