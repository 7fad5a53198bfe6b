// Staff sign-in and sign-out, and the session as JSON. Sign-ins are throttled per address,
// per name from an address, and per name from anywhere by growing delays that a browser
// which signed in as that name before (its device cookie) skips; every sign-in, failed or
// not, is in the audit log, and so is the start of throttling.
#include <algorithm>

#include "auth/password.h"
#include "http/metrics.h"
#include "routes/staff_support.h"

namespace beitai::site {

using namespace staff;

namespace {

constexpr int kFailedSignInsPerAccount = 10;  // one name from one untrusted browser's address, in 15 minutes
constexpr int kFailedSignInsPerAddress = 50;  // one address, any names, in 15 minutes
// One name from anywhere: no limit, growing delays instead (auth/sign_in_throttle.h).
constexpr int kFreeFailures = auth::SignInThrottle::kFreeFailures;
constexpr UnixTime kSignInWindow = 15 * 60;

}  // namespace

Response Portal::sign_in(const Call& call) {
    const Request& request = call.request;
    const bool json = call.json;
    const text::Lang lang = request_lang(request);
    const UnixTime now = call.now;
    auto body = body_json(request, std::nullopt);
    if (!body) return Response::json_error(400, body.error());
    if (!body->is_object()) return Response::json_error(400, "(body): expected an object with name and password");
    for (const char* key : {"name", "password"})
        if (!body->contains(key) || !(*body)[key].is_string())
            return Response::json_error(400, std::string(key) + ": required, a string");
    const std::string name = (*body)["name"], password = (*body)["password"];
    // Where the form's editor was going, and what they had typed when their session ended:
    // kept through a wrong password too.
    render::SignInReturn back;
    if (!json)
        if (auto form = form_fields(request))
            for (const auto& [k, v] : *form) {
                if (k == "return") back.path = staff_return_path(v).value_or("");
                else if (k.rfind("kept.", 0) == 0) back.kept.emplace_back(k.substr(5), v);
            }
    if (back.path.empty()) back.kept.clear();
    auto refuse = [&](int status, std::string_view message_key) {
        if (json) return Response::json_error(status, std::string(text::tr(message_key, text::Lang::en)));
        return staff_page(request, now, render::sign_in_html(lang, {std::string(text::tr(message_key, lang)), true}, name, back),
                          status);
    };
    if (name.empty() || password.empty() || name.size() > 100 || password.size() > 1000)
        return refuse(400, "staff.bad_credentials");

    const std::string address = client_address(request);
    auto failures = store_.failed_sign_ins(name, address, now - kSignInWindow);
    if (!failures) return Response::json_error(500, "the store could not be read");
    // A browser that signed in as this name before is trusted (auth/device_cookie.h), until it
    // fails too often itself.
    std::optional<auth::DeviceCookie> device = device_cookies_.check(request.cookie(device_cookies_.cookie_name()), name, now);
    if (device && device_failures_.retry_after(device->nonce, now) > 0) {
        metrics().count_sign_in_throttled("device");
        device.reset();
    }
    auto held = [&](UnixTime retry_after, const char* reason) {
        // Not logged: the failures that led here are, and so is the moment the limit was reached
        // (below); a held flood does not grow the audit log.
        metrics().count_sign_in_throttled(reason);
        Response r = refuse(429, "staff.too_many");
        r.headers.emplace_back("Retry-After", std::to_string(std::max<UnixTime>(1, retry_after)));
        return r;
    };
    // One address trying many names is stopped, whatever its cookies say.
    if (failures->by_address >= kFailedSignInsPerAddress) return held(kSignInWindow, "address");
    // An untrusted browser: one name from one address is stopped for the window; the name from
    // anywhere waits longer after each failure (auth/sign_in_throttle.h) — a delay, never a
    // lock-out, so many guessers cannot keep the owner out.
    struct Reservation {
        auth::SignInThrottle* throttle = nullptr;
        const std::string& name;
        UnixTime now;
        ~Reservation() {
            if (throttle) throttle->settle(name, now);
        }
    } reservation{nullptr, name, now};
    int failures_before = failures->by_name;
    if (!device) {
        if (failures->by_pair >= kFailedSignInsPerAccount) return held(kSignInWindow, "name_address");
        if (auto wait = sign_in_throttle_.begin(name, failures->by_name, failures->last_for_name, now, failures_before);
            wait > 0)
            return held(wait, "name");
        reservation.throttle = &sign_in_throttle_;
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
    metrics().count_sign_in(ok);
    if (!ok) {
        store_.append_audit({0, now, name, "sign-in-failed", "", "", "", address});
        if (device) device_failures_.allow(device->nonce, now);
        // The admin sees throttling begin, and go on: when the name's delays start and each time
        // its failures double, and when a name or an address reaches its limit.
        const int by_name = failures_before + 1;  // counting those in flight: one of a burst logs it
        const bool name_doubling = by_name >= kFreeFailures && by_name % kFreeFailures == 0 &&
                                   ((by_name / kFreeFailures) & (by_name / kFreeFailures - 1)) == 0;
        if ((!device && (name_doubling || failures->by_pair + 1 == kFailedSignInsPerAccount)) ||
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
                      : after_sign_in(request, now, a.actor(), csrf, back);
    r.headers.emplace_back("Set-Cookie", *cookie);
    // This browser is trusted for this name from now on (a fresh cookie each time).
    if (auto trusted = device_cookies_.issue(a.name, now); !trusted.empty()) r.headers.emplace_back("Set-Cookie", trusted);
    return r;
}

// Back where the editor was: the form they had filled in, shown again with their text (and
// the new session's CSRF token) for them to check and send; or the page they asked for; or
// the staff home.
Response Portal::after_sign_in(const Request& request, UnixTime now, const tracker::Actor& actor, const std::string& csrf,
                               const render::SignInReturn& back) {
    if (back.path.empty()) return redirect("/staff");
    const auto target = form_target(back.path);
    if (!target || back.kept.empty()) return redirect(back.path);
    render::KeptForm kept{form_name(target->kind), {}, std::nullopt, {}};
    for (const auto& [k, v] : back.kept) {
        if (k != "version") kept.values.emplace_back(k, v);
        else if (!v.empty() && v.size() < 19 && v.find_first_not_of("0123456789") == std::string::npos)
            kept.version = std::stoll(v);
    }
    const text::Lang lang = request_lang(request);
    return proposal_form_page(request, now, actor, csrf, target->id,
                              {std::string(text::tr("staff.kept_after_sign_in", lang)), false}, kept, 200);
}

Response Portal::sign_out(const Call& call) {
    const auth::SignedIn& who = *call.who;
    sessions_.end(who);
    store_.append_audit({0, call.now, who.account.actor().user, "sign-out", "", "", "", client_address(call.request)});
    Response r = call.json ? Response::json(200, R"({"signed_out":true})") : redirect("/staff");
    r.headers.emplace_back("Set-Cookie", sessions_.clearing_cookie());
    return r;
}

Response Portal::api_session(const Call& call) {
    const tracker::Actor actor = call.who->account.actor();
    return Response::json(200, text::to_json_text({{"user", actor.user},
                                                      {"role", tracker::to_string(actor.role)},
                                                      {"county", actor.county},
                                                      {"agency", actor.agency},
                                                      {"csrf", call.who->session.csrf}}));
}

}  // namespace beitai::site
