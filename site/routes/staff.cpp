// Staff: sign-in and sessions, the pages and forms under /staff, and the same actions as
// JSON under /api/staff. Every write checks the session, the CSRF token and — in the core —
// the actor's right to touch that proposal, then stores the change and its audit row in
// one transaction. Refusals are logged too.
#include <ctime>

#include "auth/password.h"
#include "render/page.h"
#include "render/staff_views.h"
#include "routes/portal.h"
#include "routes/staff_forms.h"
#include "text/html.h"

namespace beitai::site {

namespace {

constexpr int kFailedSignInsPerAccount = 10;          // one name from one address, in 15 minutes
constexpr int kFailedSignInsPerAccountAnywhere = 25;  // one name from anywhere, in 15 minutes (100 an hour)
constexpr int kFailedSignInsPerAddress = 50;          // one address, any names, in 15 minutes
constexpr UnixTime kSignInWindow = 15 * 60;

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

std::string iso_time(UnixTime t) {
    std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

bool is_json(const Request& r) { return r.header("content-type").rfind("application/json", 0) == 0; }

bool is_form(const Request& r) {
    return r.header("content-type").rfind("application/x-www-form-urlencoded", 0) == 0;
}

// A browser that says the request comes from another site is refused outright.
bool cross_site(const Request& r) { return r.header("sec-fetch-site") == "cross-site"; }

int status_of(tracker::Refusal::Kind kind) {
    switch (kind) {
        case tracker::Refusal::Kind::invalid: return 400;
        case tracker::Refusal::Kind::forbidden: return 403;
        case tracker::Refusal::Kind::conflict: return 409;
        case tracker::Refusal::Kind::not_found: return 404;
    }
    return 400;
}

std::optional<tracker::ActionKind> action_named(const std::string& s) {
    if (s == "edit") return tracker::ActionKind::edit;
    if (s == "progress") return tracker::ActionKind::progress;
    if (s == "close") return tracker::ActionKind::close;
    if (s == "reopen") return tracker::ActionKind::reopen;
    return std::nullopt;
}

render::AuditRow audit_row(const AuditEntry& e) {
    return {e.seq, iso_time(e.at), e.user, e.action, e.proposal_id, e.detail};
}

// The request body as JSON: parsed JSON, or form fields converted for `kind`.
Result<text::Json> body_json(const Request& request, std::optional<tracker::ActionKind> kind) {
    if (is_json(request)) return text::parse_json_text(request.body, "request body");
    if (is_form(request)) {
        auto form = text::parse_query_string(request.body);
        if (!form) return Error{"request body: malformed form encoding"};
        for (const auto& [k, v] : *form)
            if (!text::is_valid_utf8(k) || !text::is_valid_utf8(v) || v.find('\0') != std::string::npos)
                return Error{k + ": not valid UTF-8 text"};
        if (kind) return form_to_action_json(*kind, *form);
        text::Json out = text::Json::object();
        for (const auto& [k, v] : *form) out[k] = v;
        return out;
    }
    return Error{"request body: expected application/json or a form"};
}

}  // namespace

Response Portal::staff_page(const Request& request, const std::string& main_html, int status) {
    render::PageFrame frame;
    if (auto who = sessions_.current(request, unix_now()))
        frame.signed_in_as = std::string(text::tr("staff.signed_in_as", request_lang(request))) +
                             std::string(text::tr("punct.colon", request_lang(request))) + who->account.name;
    frame.lang = request_lang(request);
    frame.title = std::string(text::tr("staff.home", frame.lang));
    frame.path_and_query = path_and_query(request);
    frame.active_nav = "staff";
    frame.main_html = main_html;
    return html_page(status, render::page_html(frame));
}

Response Portal::staff(const Request& request) {
    Response response = staff_unstored(request);
    // Staff pages and answers hold tokens and unpublished detail: no cache may keep them
    // (the back button on a shared office computer after signing out included).
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

Response Portal::staff_unstored(const Request& request) {
    const std::string& path = request.path;
    const bool json = starts_with(path, "/api/staff/");
    const bool post = request.method == "POST";
    const text::Lang lang = request_lang(request);
    const UnixTime now = unix_now();

    if (request.method != "GET" && !post) {
        Response r = Response::json_error(405, "method " + request.method + " not allowed on " + path);
        r.headers.emplace_back("Allow", "GET, POST");
        return r;
    }
    if (post && cross_site(request)) return Response::json_error(403, "cross-site requests may not change anything");
    if (post && (path == "/staff/sign-in" || path == "/api/staff/sign-in")) return sign_in(request, json);

    auto who = sessions_.current(request, now);
    if (!who) {
        if (json) return Response::json_error(401, "sign in first (POST /api/staff/sign-in)");
        if (post) return redirect("/staff");
        if (path != "/staff") return redirect("/staff");
        return staff_page(request, render::sign_in_html(lang, {}, ""));
    }
    const tracker::Actor actor = who->account.actor();

    if (post) {
        // Every state-changing request carries the session's CSRF token: a header for JSON,
        // a hidden field for forms.
        std::string token = request.header("x-csrf-token");
        if (token.empty() && is_form(request)) {
            if (auto form = text::parse_query_string(request.body)) token = form_value(*form, "csrf");
        }
        if (!auth::same_secret(token, who->session.csrf)) {
            store_.append_audit({0, now, actor.user, "refused:csrf", "", "", "", path});
            return Response::json_error(403, "missing or wrong CSRF token");
        }
        if (path == "/staff/sign-out" || path == "/api/staff/sign-out") {
            sessions_.end(*who);
            store_.append_audit({0, now, actor.user, "sign-out", "", "", "", client_address(request)});
            return sign_out(request, json);
        }
        if (path == "/staff/accounts" || path == "/api/staff/accounts") return add_account(request, *who, json);
        if (path == "/staff/proposals" || path == "/api/staff/proposals")
            return proposal_action(request, *who, "", tracker::ActionKind::create, json);
        const std::string prefix = json ? "/api/staff/proposals/" : "/staff/proposals/";
        if (starts_with(path, prefix)) {
            std::string rest = path.substr(prefix.size());
            auto slash = rest.find('/');
            if (slash != std::string::npos)
                if (auto kind = action_named(rest.substr(slash + 1)))
                    return proposal_action(request, *who, rest.substr(0, slash), *kind, json);
        }
        return Response::json_error(404, "no such action: " + path);
    }

    // GET
    auto s = snapshot_.get();
    if (path == "/api/staff/session")
        return Response::json(200, text::to_json_text({{"user", actor.user},
                                                          {"role", tracker::to_string(actor.role)},
                                                          {"county", actor.county},
                                                          {"agency", actor.agency},
                                                          {"csrf", who->session.csrf}}));
    if (path == "/api/staff/audit") {
        if (actor.role != tracker::Role::admin) return Response::json_error(403, "the audit log is for administrators");
        auto log = store_.audit_log(500);
        if (!log) return Response::json_error(500, log.error());
        text::Json out = text::Json::array();
        for (const auto& e : *log)
            out.push_back({{"seq", e.seq}, {"at", iso_time(e.at)}, {"user", e.user}, {"action", e.action},
                           {"proposal_id", e.proposal_id}, {"before", e.before}, {"after", e.after}, {"detail", e.detail}});
        return Response::json(200, text::to_json_text(out));
    }
    if (path == "/staff") return staff_page(request, render::staff_home_html(*s, actor, who->session.csrf, lang));
    if (path == "/staff/new") return staff_page(request, render::staff_new_html(*s, actor, who->session.csrf, lang, {}));
    if (path == "/staff/audit" || path == "/staff/accounts") {
        if (actor.role != tracker::Role::admin)
            return staff_page(request, "<p class=\"notice error\" role=\"alert\">" +
                                           text::escape_html(text::tr("staff.forbidden", lang)) + "</p>", 403);
        if (path == "/staff/audit") {
            auto log = store_.audit_log(500);
            if (!log) return Response::json_error(500, log.error());
            std::vector<render::AuditRow> rows;
            for (const auto& e : *log) rows.push_back(audit_row(e));
            return staff_page(request, render::audit_html(rows, lang));
        }
        auto accounts = store_.accounts();
        if (!accounts) return Response::json_error(500, accounts.error());
        std::vector<render::AccountRow> rows;
        for (const auto& a : *accounts) rows.push_back({a.name, a.role, a.county, a.agency, a.disabled});
        return staff_page(request, render::accounts_html(*s, rows, who->session.csrf, lang, {}));
    }
    if (starts_with(path, "/staff/proposals/")) {
        const tracker::ProposalRecord* r = s->find(path.substr(17));
        if (!r) return staff_page(request, "<p class=\"notice error\">404</p>", 404);
        if (!tracker::may_edit(actor, r->proposal))
            return staff_page(request, "<p class=\"notice error\" role=\"alert\">" +
                                           text::escape_html(text::tr("staff.forbidden", lang)) + "</p>", 403);
        render::Notice notice;
        for (const auto& [k, v] : request.query)
            if (k == "saved") notice = {std::string(text::tr("staff.saved", lang)), false};
        return staff_page(request, render::staff_edit_html(*s, *r, actor, who->session.csrf, lang, notice));
    }
    return Response::json_error(404, "no such resource: " + path);
}

Response Portal::sign_in(const Request& request, bool json) {
    const text::Lang lang = request_lang(request);
    const UnixTime now = unix_now();
    auto body = body_json(request, std::nullopt);
    if (!body) return Response::json_error(400, body.error());
    if (!body->is_object()) return Response::json_error(400, "(body): expected an object with name and password");
    for (const char* key : {"name", "password"})
        if (!body->contains(key) || !(*body)[key].is_string())
            return Response::json_error(400, std::string(key) + ": required, a string");
    const std::string name = (*body)["name"], password = (*body)["password"];
    auto refuse = [&](int status, std::string_view message_key) {
        if (json) return Response::json_error(status, std::string(text::tr(message_key, text::Lang::en)));
        return staff_page(request, render::sign_in_html(lang, {std::string(text::tr(message_key, lang)), true}, name), status);
    };
    if (name.empty() || password.empty() || name.size() > 100 || password.size() > 1000)
        return refuse(400, "staff.bad_credentials");

    const std::string address = client_address(request);
    auto failures = store_.failed_sign_ins(name, address, now - kSignInWindow);
    if (!failures) return Response::json_error(500, "the store could not be read");
    // Per name from this address (a guesser), per address (one guesser, many names), and a
    // looser cap per name from anywhere (many guessers) — so that nobody can lock a
    // colleague out with ten wrong passwords from elsewhere.
    if (failures->by_pair >= kFailedSignInsPerAccount || failures->by_address >= kFailedSignInsPerAddress ||
        failures->by_name >= kFailedSignInsPerAccountAnywhere) {
        // Logged once, when the limit is reached (the failed attempts themselves are in the
        // log already): a throttled flood does not grow the audit log.
        Response r = refuse(429, "staff.too_many");
        r.headers.emplace_back("Retry-After", std::to_string(kSignInWindow));
        return r;
    }
    auto account = store_.find_account(name);
    if (!account) return Response::json_error(500, account.error());
    // Verify even for unknown names, against a fixed hash, so timing does not tell which
    // names exist.
    static const std::string kDummyHash = auth::hash_password("not-a-real-password-0").value();
    const bool known = account->has_value() && !(*account)->disabled;
    const bool ok = auth::verify_password(known ? (**account).password_hash : kDummyHash, password) && known;
    if (auto recorded = store_.record_sign_in(name, address, ok, now); !recorded)
        return Response::json_error(500, "the sign-in could not be recorded");
    if (!ok) {
        store_.append_audit({0, now, name, "sign-in-failed", "", "", "", address});
        if (failures->by_pair + 1 == kFailedSignInsPerAccount || failures->by_name + 1 == kFailedSignInsPerAccountAnywhere ||
            failures->by_address + 1 == kFailedSignInsPerAddress)
            store_.append_audit({0, now, name, "sign-in-throttled", "", "", "", address});
        return refuse(401, "staff.bad_credentials");
    }
    const Account& a = **account;
    if (auth::needs_rehash(a.password_hash))
        if (auto rehashed = auth::hash_password(password)) store_.set_password_hash(a.id, *rehashed);
    // A new session replaces the one this browser had (no two live sessions per cookie), and
    // stale sessions and sign-in records go.
    if (auto previous = sessions_.current(request, now)) sessions_.end(*previous);
    store_.purge(now - auth::kAbsoluteTimeout, now - 24 * 60 * 60);
    std::string csrf;
    auto cookie = sessions_.start(a, now, csrf);
    if (!cookie) return Response::json_error(500, cookie.error());
    store_.append_audit({0, now, a.name, "sign-in", "", "", "", address});
    Response r = json ? Response::json(200, text::to_json_text({{"user", a.name},
                                                                   {"role", tracker::to_string(a.role)},
                                                                   {"county", a.county},
                                                                   {"agency", a.agency},
                                                                   {"csrf", csrf}}))
                      : redirect("/staff");
    r.headers.emplace_back("Set-Cookie", *cookie);
    return r;
}

Response Portal::sign_out(const Request&, bool json) {
    Response r = json ? Response::json(200, R"({"signed_out":true})") : redirect("/staff");
    r.headers.emplace_back("Set-Cookie", sessions_.clearing_cookie());
    return r;
}

Response Portal::proposal_action(const Request& request, const auth::SignedIn& who, const std::string& id,
                                 tracker::ActionKind kind, bool json) {
    const text::Lang lang = request_lang(request);
    const UnixTime now = unix_now();
    const tracker::Actor actor = who.account.actor();
    auto s = snapshot_.get();
    const tracker::ProposalRecord* current = id.empty() ? nullptr : s->find(id);
    if (!id.empty() && !current) return Response::json_error(404, "no proposal with id \"" + id + "\"");

    auto fail = [&](int status, const std::string& message) {
        store_.append_audit({0, now, actor.user, "refused:" + std::string(tracker::to_string(kind)), id, "", "", message});
        if (json) {
            Response r = Response::json_error(status, message);
            if (status == 409 && current) {
                auto fresh = snapshot_.get();
                if (const auto* latest = fresh->find(id))
                    r.body = text::to_json_text({{"error", message}, {"current", tracker::to_json(*latest)}});
            }
            return r;
        }
        auto fresh = snapshot_.get();
        if (kind == tracker::ActionKind::create)
            return staff_page(request, render::staff_new_html(*fresh, actor, who.session.csrf, lang, {message, true}), status);
        const tracker::ProposalRecord* latest = fresh->find(id);
        if (!latest || status == 403)
            return staff_page(request, "<p class=\"notice error\" role=\"alert\">" + text::escape_html(message) + "</p>", status);
        std::vector<render::AuditRow> changes;
        if (status == 409) {
            if (auto log = store_.audit_log(200))
                for (const auto& e : *log)
                    if (e.proposal_id == id && e.action.rfind("refused:", 0) != 0) changes.push_back(audit_row(e));
        }
        render::Notice notice{status == 409 ? std::string(text::tr("staff.conflict", lang)) + " (" + message + ")" : message, true};
        return staff_page(request, render::staff_edit_html(*fresh, *latest, actor, who.session.csrf, lang, notice, changes), status);
    };

    auto body = body_json(request, kind);
    if (!body) return fail(400, body.error());
    if (kind == tracker::ActionKind::create && body->is_object() && !body->contains("county") && !actor.county.empty())
        (*body)["county"] = actor.county;
    if (kind == tracker::ActionKind::create && body->is_object() && !body->contains("agency"))
        (*body)["agency"] = actor.agency;
    auto action = tracker::read_action(kind, *body);
    if (!action) return fail(400, action.error());

    std::string new_id;
    if (kind == tracker::ActionKind::create) {
        const auto& year = action->fields.contains("year") ? action->fields["year"] : text::Json();
        if (!year.is_number_integer()) return fail(400, "year: expected an ROC year such as 113");
        new_id = tracker::next_proposal_id(*s, year.get<int>());
    }
    auto outcome = tracker::apply_action(*s, current, *action, actor, taipei_today(now), new_id);
    if (!outcome.ok()) return fail(status_of(outcome.refusal.kind), outcome.refusal.message);

    const tracker::ProposalRecord& next = *outcome.record;
    std::optional<tracker::StatusEvent> event;
    if (current && next.history.size() > current->history.size()) event = next.history.back();
    AuditEntry audit{0, now, actor.user, std::string(tracker::to_string(kind)), next.id(),
                     current ? text::to_json_text(tracker::to_json(*current)) : "",
                     text::to_json_text(tracker::to_json(next)), ""};
    auto written = store_.write_proposal(next, current ? current->version : 0, event, audit);
    if (!written) return Response::json_error(500, written.error());
    if (*written == WriteResult::version_conflict) {
        reload();
        return fail(409, "proposal " + next.id() + " was changed by someone else while you saved");
    }
    if (auto r = reload(); !r) return Response::json_error(500, r.error());
    if (json) {
        auto fresh = snapshot_.get();
        const auto* stored = fresh->find(next.id());
        return Response::json(kind == tracker::ActionKind::create ? 201 : 200,
                              text::to_json_text(tracker::to_json(stored ? *stored : next)));
    }
    return redirect("/staff/proposals/" + next.id() + "?saved=1");
}

Response Portal::add_account(const Request& request, const auth::SignedIn& who, bool json) {
    const text::Lang lang = request_lang(request);
    const UnixTime now = unix_now();
    const tracker::Actor actor = who.account.actor();
    auto s = snapshot_.get();
    auto fail = [&](int status, const std::string& message) {
        store_.append_audit({0, now, actor.user, "refused:add-account", "", "", "", message});
        if (json) return Response::json_error(status, message);
        std::vector<render::AccountRow> rows;
        if (auto accounts = store_.accounts())
            for (const auto& a : *accounts) rows.push_back({a.name, a.role, a.county, a.agency, a.disabled});
        return staff_page(request, render::accounts_html(*s, rows, who.session.csrf, lang, {message, true}), status);
    };
    if (actor.role != tracker::Role::admin) return fail(403, "only the committee secretariat manages accounts");
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
