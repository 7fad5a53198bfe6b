#include "tracker/accounts.h"

#include "text/text_rule.h"

namespace beitai::tracker {

bool may_manage_accounts(const Actor& actor) { return actor.role == Role::admin; }

Result<NewAccount> check_new_account(NewAccount a, const std::vector<content::County>& counties) {
    if (a.name.size() < 3 || a.name.size() > 40 ||
        a.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") != std::string::npos)
        return Error{"name: 3 to 40 of a-z, 0-9, '.', '_' and '-'"};
    if (a.role == Role::editor && !content::find_county(counties, a.county))
        return Error{"county: an editor belongs to one of the eight counties (a TDX id)"};
    if (a.role == Role::admin) a.county.clear();
    if (a.agency.empty()) return Error{"agency: required"};
    // The agency is published with the account's changes (the feeds' authors): the text rule,
    // for the CLI's accounts as for the API's.
    if (auto flaw = text::find_text_flaw(a.agency)) return Error{text::text_flaw_message("agency", *flaw, text::Lang::en)};
    if (a.password.size() < kMinPasswordLength)
        return Error{"password: at least " + std::to_string(kMinPasswordLength) + " characters"};
    return a;
}

Result<NewAccount> read_new_account(const text::Json& body, const std::vector<content::County>& counties) {
    if (!body.is_object()) return Error{"(body): expected an object"};
    for (auto it = body.begin(); it != body.end(); ++it)
        if (it.key() != "name" && it.key() != "password" && it.key() != "role" && it.key() != "county" &&
            it.key() != "agency" && it.key() != "csrf")
            return Error{it.key() + ": unknown field"};
    for (const char* key : {"name", "password", "role", "agency"})
        if (!body.contains(key) || !body[key].is_string()) return Error{std::string(key) + ": required, a string"};
    if (body.contains("county") && !body["county"].is_string()) return Error{"county: expected a string"};
    NewAccount a;
    a.name = body["name"].get<std::string>();
    a.password = body["password"].get<std::string>();
    a.agency = body["agency"].get<std::string>();
    a.county = body.value("county", "");
    auto role = parse_role(body["role"].get<std::string>());
    if (!role) return Error{"role: expected \"editor\" or \"admin\""};
    a.role = *role;
    return check_new_account(std::move(a), counties);
}

}  // namespace beitai::tracker
