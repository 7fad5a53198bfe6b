#include "auth/sessions.h"

#include "auth/password.h"

namespace beitai::site::auth {

std::optional<SignedIn> Sessions::current(const Request& request, UnixTime now) {
    std::string token = request.cookie(cookie_name());
    if (token.size() != 64) return std::nullopt;
    const std::string digest = token_digest(token);
    auto session = store_.find_session(digest);
    if (!session || !*session) return std::nullopt;
    const Session& s = **session;
    if (now - s.last_seen > kIdleTimeout || now - s.created > kAbsoluteTimeout) {
        store_.delete_session(digest);
        return std::nullopt;
    }
    auto account = store_.account_by_id(s.account_id);
    if (!account || !*account || (*account)->disabled) {
        store_.delete_session(digest);
        return std::nullopt;
    }
    // Touch at most once a minute: a write per request would be wasted.
    if (now - s.last_seen >= 60) store_.touch_session(digest, now);
    return SignedIn{**account, s, token};
}

Result<std::string> Sessions::start(const Account& account, UnixTime now, std::string& csrf_out) {
    const std::string token = random_token();
    csrf_out = random_token();
    if (auto s = store_.create_session({token_digest(token), account.id, csrf_out, now, now}); !s) return Error{s.error()};
    return cookie(token, kAbsoluteTimeout);
}

Status Sessions::end(const SignedIn& signed_in) { return store_.delete_session(token_digest(signed_in.token)); }

std::string Sessions::clearing_cookie() const { return cookie("", 0); }

std::string Sessions::cookie(const std::string& value, UnixTime max_age) const {
    return cookie_name() + "=" + value + "; Path=/; Max-Age=" + std::to_string(max_age) + "; HttpOnly; SameSite=Strict" +
           (secure_ ? "; Secure" : "");
}

}  // namespace beitai::site::auth
