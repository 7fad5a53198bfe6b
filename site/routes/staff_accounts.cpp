// Staff accounts, for the committee secretariat (the route table makes these admin routes):
// the list with the form, and adding an account. The core checks the account
// (tracker/accounts.h); the password is hashed here with argon2id.
#include "auth/password.h"
#include "routes/staff_support.h"
#include "tracker/accounts.h"

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
    auto account = tracker::read_new_account(*body, s->counties);
    if (!account) return fail(400, account.error());
    Account a;
    a.name = account->name;
    a.role = account->role;
    a.county = account->county;
    a.agency = account->agency;
    auto hash = auth::hash_password(account->password);
    if (!hash) return fail(400, hash.error());
    a.password_hash = *hash;
    auto id = store_.add_account(a);
    if (!id) return fail(409, id.error());
    store_.append_audit({0, now, actor.user, "add-account", "", "", "", a.name + " (" + std::string(tracker::to_string(a.role)) + ")"});
    if (json) return Response::json(201, text::to_json_text({{"name", a.name}, {"role", tracker::to_string(a.role)}}));
    return redirect("/staff/accounts");
}

}  // namespace beitai::site
