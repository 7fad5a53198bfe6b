// SHA-256 and HMAC-SHA-256 (FIPS 180-4, RFC 2104), in the core because both front ends need
// the same bytes: the server hashes the published entry list and signs signboard codes, and
// a citizen's browser re-hashes the list and re-runs the draw in WASM to check them.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace beitai::text {

using Sha256Digest = std::array<std::uint8_t, 32>;

// For input that arrives in pieces (a long entry list written line by line).
class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    // The digest of everything given; the object is spent afterwards.
    Sha256Digest finish();

private:
    void compress(const std::uint8_t* block);

    std::uint32_t state_[8];
    std::uint8_t buffer_[64];
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;  // bytes
};

Sha256Digest sha256(std::string_view bytes);
Sha256Digest hmac_sha256(std::string_view key, std::string_view message);

// Lower-case hexadecimal, as sha256sum prints it.
std::string to_hex(const std::uint8_t* bytes, std::size_t size);
inline std::string to_hex(const Sha256Digest& digest) { return to_hex(digest.data(), digest.size()); }

}  // namespace beitai::text
