// The code on a site's signboard (立牌): an HMAC of the campaign and site under a server
// secret, so a check-in by code proves that someone stood in front of the sign (or was
// sent a photo of it — which is why a participant checks in once per site, and a code is
// rotatable). Keys have versions; rotating adds a new key and retires the old, after which
// the old signs' codes are refused as out of date and new sheets are printed.
//
// A code reads "2-K7QM3X9D2H4T8RWA": the key version, a dash, then 16 characters of
// Crockford base32 (80 bits of the HMAC). Readers accept lower case and ignore spaces.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/campaign.h"

namespace beitai::raffle {

struct SignboardKey {
    int version = 1;
    std::string secret;  // raw bytes, at least 32
    bool retired = false;
};

// The key new signboards are printed with: the newest one not retired (nullptr: none).
const SignboardKey* current_key(const std::vector<SignboardKey>& keys);

std::string signboard_code(const SignboardKey& key, std::string_view campaign, std::string_view site);

enum class CodeVerdict {
    valid,
    malformed,    // not of the form above
    unknown_key,  // a version no key has: forged
    retired_key,  // right sign, replaced since: the participant should scan the new one
    other_site,   // a genuine code of another site of this campaign
    forged,       // a code of no site of this campaign (another campaign's, or made up)
};

// Judges `code` for `site` of `campaign`, trying every key and site; constant-time compare.
CodeVerdict check_signboard_code(const std::vector<SignboardKey>& keys, const content::Campaign& campaign,
                                 std::string_view site, std::string_view code);

}  // namespace beitai::raffle
