// Staff accounts, for the committee secretariat (the route table makes these admin routes):
// the list with the form, and adding an account. Names, roles and counties are checked here;
// the password is hashed with argon2id.
#include "auth/password.h"
#include "routes/staff_support.h"

namespace beitai::site {

using namespace staff;

Response Portal::staff_accounts_page(const Call& call) {
    auto accounts = store_.accounts();
    if (!accounts) return Response::json_error(500, accounts.error());
    std::vector<render::AccountRow> rows;
    for (const auto& a : *accounts) rows.push_back({a.name, a.role, a.county, a.agency, a.disabled});
    return staff_page(call.request, call.now,
                      render::accounts_html(*snapshot_.get(), rows, call.who->session.csrf, request_lang(call.request), {}));
}

Response Portal::add_account(const Call& call) {
    const Request& request = call.request;
    const bool json = call.json;
    const auth::SignedIn& who = *call.who;
    const text::Lang lang = request_lang(request);
    const UnixTime now = call.now;
    const tracker::Actor actor = who.account.actor();
    auto s = snapshot_.get();
    auto fail = [&](int status, const std::string& message) {
        store_.append_audit({0, now, actor.user, "refused:add-account", "", "", "", message});
        if (json) return Response::json_error(status, message);
        std::vector<render::AccountRow> rows;
        if (auto accounts = store_.accounts())
            for (const auto& a : *accounts) rows.push_back({a.name, a.role, a.county, a.agency, a.disabled});
        return staff_page(request, now, render::accounts_html(*s, rows, who.session.csrf, lang, {message, true}), status);
    };
    auto body = body_json(request, std::nullopt);
    if (!body) return fail(400, body.error());
    if (!body->is_object()) return fail(400, "(body): expected an object");
    for (auto it = body->begin(); it != body->end(); ++it)
        if (it.key() != "name" && it.key() != "password" && it.key() != "role" && it.key() != "county" &&
            it.key() != "agency" && it.key() != "csrf")
            return fail(400, it.key() + ": unknown field");
    for (const char* key : {"name", "password", "role", "agency"})
        if (!body->contains(key) || !(*body)[key].is_string()) return fail(400, std::string(key) + ": required, a string");
    Account a;
    a.name = (*body)["name"];
    a.agency = (*body)["agency"];
    a.county = body->value("county", "");
    auto role = tracker::parse_role((*body)["role"].get<std::string>());
    if (!role) return fail(400, "role: expected \"editor\" or \"admin\"");
    a.role = *role;
    if (a.name.size() < 3 || a.name.size() > 40 ||
        a.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") != std::string::npos)
        return fail(400, "name: 3 to 40 of a-z, 0-9, '.', '_' and '-'");
    if (a.role == tracker::Role::editor && !content::find_county(s->counties, a.county))
        return fail(400, "county: an editor belongs to one of the eight counties (a TDX id)");
    if (a.role == tracker::Role::admin) a.county.clear();
    if (a.agency.empty()) return fail(400, "agency: required");
    auto hash = auth::hash_password((*body)["password"].get<std::string>());
    if (!hash) return fail(400, hash.error());
    a.password_hash = *hash;
    auto id = store_.add_account(a);
    if (!id) return fail(409, id.error());
    store_.append_audit({0, now, actor.user, "add-account", "", "", "", a.name + " (" + std::string(tracker::to_string(a.role)) + ")"});
    if (json) return Response::json(201, text::to_json_text({{"name", a.name}, {"role", tracker::to_string(a.role)}}));
    return redirect("/staff/accounts");
}

}  // namespace beitai::site
