// text/sha256: the FIPS 180-4 example messages (NIST CSRC "SHA256.pdf", and the one-million
// 'a' message of the NIST test vectors) and the HMAC-SHA-256 cases of RFC 4231.
#include <doctest/doctest.h>

#include <string>

#include "text/sha256.h"

using namespace beitai::text;

namespace {

std::string hex_of(std::string_view bytes) { return to_hex(sha256(bytes)); }
std::string hmac_hex(std::string_view key, std::string_view message) { return to_hex(hmac_sha256(key, message)); }

}  // namespace

TEST_CASE("SHA-256 of the FIPS 180-4 example messages") {
    CHECK(hex_of("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(hex_of("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    // 448 bits: the padding spills into a second block.
    CHECK(hex_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    // 896 bits.
    CHECK(hex_of("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmn"
                 "opqrstnopqrstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST_CASE("SHA-256 of one million 'a' given in uneven pieces equals the one-shot digest") {
    const std::string expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    Sha256 pieces;
    const std::string chunk(997, 'a');  // a prime: pieces straddle every block boundary
    size_t given = 0;
    while (given + chunk.size() <= 1000000) {
        pieces.update(chunk);
        given += chunk.size();
    }
    pieces.update(std::string(1000000 - given, 'a'));
    CHECK(to_hex(pieces.finish()) == expected);
    CHECK(hex_of(std::string(1000000, 'a')) == expected);

    // Byte by byte across the 55/56/64-byte padding edges gives the same as one piece.
    for (size_t n : {55u, 56u, 63u, 64u, 65u, 119u, 120u}) {
        const std::string text(n, 'x');
        Sha256 bytewise;
        for (char c : text) bytewise.update(std::string_view(&c, 1));
        CHECK(to_hex(bytewise.finish()) == hex_of(text));
    }
}

TEST_CASE("HMAC-SHA-256 of RFC 4231 test cases 1, 2, 3, 4, 6 and 7") {
    CHECK(hmac_hex(std::string(20, '\x0b'), "Hi There") ==
          "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    CHECK(hmac_hex("Jefe", "what do ya want for nothing?") ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    CHECK(hmac_hex(std::string(20, '\xaa'), std::string(50, '\xdd')) ==
          "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    std::string key4;
    for (int i = 1; i <= 25; ++i) key4 += static_cast<char>(i);
    CHECK(hmac_hex(key4, std::string(50, '\xcd')) ==
          "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    // Keys longer than the block are hashed first.
    const std::string long_key(131, '\xaa');
    CHECK(hmac_hex(long_key, "Test Using Larger Than Block-Size Key - Hash Key First") ==
          "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    CHECK(hmac_hex(long_key,
                   "This is a test using a larger than block-size key and a larger than block-size data. The key "
                   "needs to be hashed before being used by the HMAC algorithm.") ==
          "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

TEST_CASE("to_hex writes lower-case pairs, leading zeros kept") {
    const std::uint8_t bytes[] = {0x00, 0x0f, 0xa0, 0xff};
    CHECK(to_hex(bytes, 4) == "000fa0ff");
    CHECK(to_hex(bytes, 0).empty());
}
