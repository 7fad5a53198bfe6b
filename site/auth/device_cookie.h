// Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): after a
// successful sign-in the browser gets a cookie naming the account, signed with the server's
// key (HMAC-SHA256; the key is kept in the store, so every process and restart agrees). A
// sign-in from a browser that shows a valid one for the name it signs in as is trusted: the
// per-name limits that a distributed guess runs into (routes/staff_session.cpp) do not hold
// it back, so nobody can lock a colleague out by guessing their password from elsewhere.
// A trusted browser has a small limit of its own instead (kMaxFailuresPerDevice).
//
// value: base64url(name) "." issued "." nonce (32 hex) "." HMAC (64 hex) over the first three.
#pragma once

#include <optional>
#include <string>

#include "clock/clock.h"

namespace beitai::site::auth {

struct DeviceCookie {
    std::string name;   // the account it names
    std::string nonce;  // this browser's, as the per-device limit's key
    UnixTime issued = 0;
};

class DeviceCookies {
public:
    static constexpr UnixTime kLifetime = 180 * 24 * 60 * 60;
    static constexpr int kMaxFailuresPerDevice = 10;  // in 15 minutes; past it the browser is untrusted

    // `key`: at least 32 bytes; empty: device cookies are off (nothing is trusted).
    DeviceCookies(std::string key, bool secure) : key_(std::move(key)), secure_(secure) {}

    std::string cookie_name() const { return secure_ ? "__Host-beitai_device" : "beitai_device"; }
    // The Set-Cookie value for a browser that just signed in as `name`.
    std::string issue(const std::string& name, UnixTime now) const;
    // The cookie of `value`, if it is genuine, unexpired and names `name`.
    std::optional<DeviceCookie> check(const std::string& value, const std::string& name, UnixTime now) const;

private:
    std::string sign(const std::string& text) const;
    std::string key_;
    bool secure_;
};

}  // namespace beitai::site::auth
