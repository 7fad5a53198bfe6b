#include "auth/password.h"

#include <sodium.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace beitai::site::auth {

namespace {

// Each hash takes 64 MiB and a core for a few tens of milliseconds. Sign-ins are handled on
// the server's pool for requests that change something (http/server.h), many threads wide:
// a burst of them would otherwise take that many times 64 MiB at once. As many run at a time
// as there are cores; the rest wait their turn, which costs them nothing they would not
// have spent competing for the cores anyway.
class HashTurns {
public:
    void take() {
        std::unique_lock<std::mutex> lock(mutex_);
        free_.wait(lock, [this] { return running_ < limit_; });
        ++running_;
    }
    void give_back() {
        std::lock_guard<std::mutex> lock(mutex_);
        --running_;
        free_.notify_one();
    }

private:
    std::mutex mutex_;
    std::condition_variable free_;
    unsigned running_ = 0;
    const unsigned limit_ = std::max(1u, std::thread::hardware_concurrency());
};

HashTurns& hash_turns() {
    static HashTurns turns;
    return turns;
}

struct HashTurn {
    HashTurn() { hash_turns().take(); }
    ~HashTurn() { hash_turns().give_back(); }
    HashTurn(const HashTurn&) = delete;
    HashTurn& operator=(const HashTurn&) = delete;
};

std::string to_hex(const unsigned char* bytes, size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes, n);
    out.pop_back();
    return out;
}
}  // namespace

bool init_crypto() { return sodium_init() >= 0; }

Result<std::string> hash_password(const std::string& password) {
    if (password.size() < tracker::kMinPasswordLength)
        return Error{"password: at least " + std::to_string(tracker::kMinPasswordLength) + " characters"};
    char out[crypto_pwhash_STRBYTES];
    HashTurn turn;
    if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return Error{"password: hashing ran out of memory"};
    return std::string(out);
}

bool verify_password(const std::string& stored_hash, const std::string& password) {
    if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
    HashTurn turn;
    return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

bool needs_rehash(const std::string& stored_hash) {
    return crypto_pwhash_str_needs_rehash(stored_hash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

std::string random_token() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return to_hex(bytes, sizeof bytes);
}

std::string random_bytes(size_t n) {
    std::string bytes(n, '\0');
    randombytes_buf(bytes.data(), n);
    return bytes;
}

std::string token_digest(const std::string& token) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    return to_hex(digest, sizeof digest);
}

bool same_secret(const std::string& a, const std::string& b) {
    return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace beitai::site::auth
