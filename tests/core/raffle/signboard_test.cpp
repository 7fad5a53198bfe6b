// raffle/signboard: codes are the HMAC's first 80 bits in Crockford base32 (vectors from
// Python's hmac and base64 with the alphabet swapped), read forgivingly, judged strictly.
#include <doctest/doctest.h>

#include "fixture.h"
#include "raffle/signboard.h"

using namespace beitai;
using namespace beitai::raffle;

TEST_CASE("a signboard code is the key version, a dash and 16 Crockford characters of the HMAC") {
    CHECK(signboard_code(fixture::key(2), "2026-demo", "site-tp") == "2-WW1SWMX0NWVFAP1J");
    CHECK(signboard_code(fixture::key(2), "2026-demo", "site-kl") == "2-C5BC642MR3W0WK1K");
    // Another campaign, site or key gives another code.
    CHECK(signboard_code(fixture::key(2), "2027-demo", "site-tp") != "2-WW1SWMX0NWVFAP1J");
    CHECK(signboard_code(fixture::key(3), "2026-demo", "site-tp").rfind("3-", 0) == 0);
}

TEST_CASE("a code is read in lower case, with spaces, and I/L/O for 1/1/0") {
    const auto campaign = fixture::campaign();
    const std::vector<SignboardKey> keys = {fixture::key(1, true), fixture::key(2)};
    CHECK(check_signboard_code(keys, campaign, "site-tp", "2-WW1SWMX0NWVFAP1J") == CodeVerdict::valid);
    CHECK(check_signboard_code(keys, campaign, "site-tp", " 2-ww1s wmx0 nwvf ap1j ") == CodeVerdict::valid);
    CHECK(check_signboard_code(keys, campaign, "site-tp", "2-WWISWMXONWVFAPLJ") == CodeVerdict::valid);
    CHECK(check_signboard_code(keys, campaign, "site-kl", "2-C5BC642MR3W0WK1K") == CodeVerdict::valid);
    CHECK(check_signboard_code(keys, campaign, "site-kl", "2-c5bc642mr3wowk1k") == CodeVerdict::valid);
}

TEST_CASE("malformed, forged, other-site and retired codes are told apart") {
    const auto campaign = fixture::campaign();
    const std::vector<SignboardKey> keys = {fixture::key(1, true), fixture::key(2)};
    for (const char* bad : {"", "2", "2-", "-WW1SWMX0NWVFAP1J", "2WW1SWMX0NWVFAP1J", "2-WW1SWMX0NWVFAP1", "2-WW1SWMX0NWVFAP1JJ",
                            "2-WW1SWMX0NWVFAP1U", "x-WW1SWMX0NWVFAP1J", "2-WW1SWMX0NWVFA!1J"})
        CHECK_MESSAGE(check_signboard_code(keys, campaign, "site-tp", bad) == CodeVerdict::malformed, bad);
    // Version 9 has no key.
    CHECK(check_signboard_code(keys, campaign, "site-tp", "9-WW1SWMX0NWVFAP1J") == CodeVerdict::unknown_key);
    // One character changed.
    CHECK(check_signboard_code(keys, campaign, "site-tp", "2-WW1SWMX0NWVFAP1K") == CodeVerdict::forged);
    // Keelung's sign, typed at Taipei's site.
    CHECK(check_signboard_code(keys, campaign, "site-tp", "2-C5BC642MR3W0WK1K") == CodeVerdict::other_site);
    // Another campaign's sign for the same site.
    const std::string other_campaign = signboard_code(fixture::key(2), "2027-demo", "site-tp");
    CHECK(check_signboard_code(keys, campaign, "site-tp", other_campaign) == CodeVerdict::forged);
    // The old sign after rotation.
    const std::string old_sign = signboard_code(fixture::key(1), "2026-demo", "site-tp");
    CHECK(check_signboard_code(keys, campaign, "site-tp", old_sign) == CodeVerdict::retired_key);
    CHECK(check_signboard_code({fixture::key(1)}, campaign, "site-tp", old_sign) == CodeVerdict::valid);
}
