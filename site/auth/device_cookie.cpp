#include "auth/device_cookie.h"

#include <sodium.h>

#include "auth/password.h"

namespace beitai::site::auth {

namespace {

std::string hex(const unsigned char* bytes, std::size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes, n);
    out.pop_back();
    return out;
}

std::string base64url(const std::string& s) {
    std::string out(sodium_base64_ENCODED_LEN(s.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(s.data()), s.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(out.find('\0'));
    return out;
}

std::optional<std::string> from_base64url(const std::string& s) {
    std::string out(s.size(), '\0');
    std::size_t n = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), s.data(), s.size(), nullptr, &n,
                          nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
        return std::nullopt;
    out.resize(n);
    return out;
}

}  // namespace

std::string DeviceCookies::sign(const std::string& text) const {
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key_.data()), key_.size());
    const std::string domain = "beitai device cookie v1\n";  // this key signs nothing else alike
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(domain.data()), domain.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    crypto_auth_hmacsha256_final(&state, mac);
    return hex(mac, sizeof mac);
}

std::string DeviceCookies::issue(const std::string& name, UnixTime now) const {
    if (key_.empty()) return {};
    const std::string nonce = random_token().substr(0, 32);
    const std::string text = base64url(name) + "." + std::to_string(now) + "." + nonce;
    std::string cookie = cookie_name() + "=" + text + "." + sign(text) + "; Path=/; Max-Age=" + std::to_string(kLifetime) +
                         "; HttpOnly; SameSite=Strict";
    if (secure_) cookie += "; Secure";
    return cookie;
}

std::optional<DeviceCookie> DeviceCookies::check(const std::string& value, const std::string& name, UnixTime now) const {
    if (key_.empty() || value.size() > 600) return std::nullopt;
    const auto last_dot = value.rfind('.');
    if (last_dot == std::string::npos) return std::nullopt;
    const std::string text = value.substr(0, last_dot);
    if (!same_secret(sign(text), value.substr(last_dot + 1))) return std::nullopt;
    const auto first = text.find('.'), second = text.find('.', first + 1);
    if (first == std::string::npos || second == std::string::npos) return std::nullopt;
    const auto who = from_base64url(text.substr(0, first));
    if (!who || *who != name) return std::nullopt;
    const std::string issued_text = text.substr(first + 1, second - first - 1);
    if (issued_text.empty() || issued_text.size() > 12 || issued_text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    const UnixTime issued = std::stoll(issued_text);
    if (issued > now + 60 || now - issued > kLifetime) return std::nullopt;
    return DeviceCookie{*who, text.substr(second + 1), issued};
}

}  // namespace beitai::site::auth
