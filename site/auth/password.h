// Staff passwords: argon2id through libsodium (crypto_pwhash_str), with its "interactive"
// preset (t=2, 64 MiB), above OWASP's minimum (m=19 MiB, t=2, p=1). The stored string
// carries its own parameters, so raising them later rehashes at the next sign-in.
#pragma once

#include <string>

#include "text/result.h"
#include "tracker/accounts.h"  // kMinPasswordLength

namespace beitai::site::auth {

// Call once before any other function here.
bool init_crypto();

Result<std::string> hash_password(const std::string& password);
bool verify_password(const std::string& stored_hash, const std::string& password);
bool needs_rehash(const std::string& stored_hash);

// A fresh random token: 32 bytes (256 bits) as 64 hex characters.
std::string random_token();
// `n` random bytes, raw.
std::string random_bytes(size_t n);
// What the store keeps of a session token: its SHA-256, hex. A stolen database then
// holds no usable session.
std::string token_digest(const std::string& token);
// Constant-time comparison (CSRF tokens).
bool same_secret(const std::string& a, const std::string& b);

}  // namespace beitai::site::auth
