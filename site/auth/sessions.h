// Staff sessions: a random 256-bit token in an HttpOnly, SameSite=Strict cookie (Secure and
// __Host- prefixed behind TLS); the store keeps only its SHA-256 with the account, a CSRF
// token, and when it began and was last used. Idle sessions end after 30 minutes, all
// sessions after 12 hours, and a disabled account's sessions at once.
#pragma once

#include <optional>
#include <string>

#include "http/message.h"
#include "store/store.h"

namespace beitai::site::auth {

constexpr UnixTime kIdleTimeout = 30 * 60;
constexpr UnixTime kAbsoluteTimeout = 12 * 60 * 60;

struct SignedIn {
    Account account;
    Session session;
    std::string token;  // the cookie's value, to end the session on sign-out
};

class Sessions {
public:
    Sessions(Store& store, bool secure_cookies) : store_(store), secure_(secure_cookies) {}

    std::string cookie_name() const { return secure_ ? "__Host-beitai_session" : "beitai_session"; }

    // The signed-in account of a request, or nullopt (no cookie, unknown, expired, disabled).
    std::optional<SignedIn> current(const Request& request, UnixTime now);
    // A new session for `account`; returns the Set-Cookie header value.
    Result<std::string> start(const Account& account, UnixTime now, std::string& csrf_out);
    Status end(const SignedIn& signed_in);
    std::string clearing_cookie() const;

private:
    std::string cookie(const std::string& value, UnixTime max_age) const;

    Store& store_;
    bool secure_;
};

}  // namespace beitai::site::auth
