#include "raffle/signboard.h"

#include "raffle/crockford.h"
#include "text/sha256.h"

namespace beitai::raffle {

namespace {

constexpr size_t kCodeChars = 16;  // 80 bits
constexpr size_t kMaxVersionDigits = 6;

std::string code_body(const SignboardKey& key, std::string_view campaign, std::string_view site) {
    const std::string message = "beitai-signboard\n" + std::string(campaign) + "\n" + std::string(site);
    const text::Sha256Digest mac = text::hmac_sha256(key.secret, message);
    return crockford::encode(std::string_view(reinterpret_cast<const char*>(mac.data()), 10), kCodeChars);
}

// Every character compared whatever the first difference, so the time taken says nothing
// about how much of a guess was right.
bool same_in_constant_time(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    unsigned difference = 0;
    for (size_t i = 0; i < a.size(); ++i) difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

struct ParsedCode {
    int version = 0;
    std::string body;
};

// "2-K7QM3X9D2H4T8RWA", spaces anywhere, any case, I/L/O for 1/1/0; false when malformed.
bool parse_code(std::string_view typed, ParsedCode& out) {
    std::string compact;
    for (char c : typed)
        if (c != ' ' && c != '\t') compact += c;
    const size_t dash = compact.find('-');
    if (dash == std::string::npos || dash == 0 || dash > kMaxVersionDigits) return false;
    int version = 0;
    for (size_t i = 0; i < dash; ++i) {
        if (compact[i] < '0' || compact[i] > '9') return false;
        version = version * 10 + (compact[i] - '0');
    }
    const std::string_view body = std::string_view(compact).substr(dash + 1);
    if (body.size() != kCodeChars) return false;
    out.version = version;
    out.body.clear();
    for (char c : body) {
        const char canonical = crockford::canonical(c);
        if (!canonical) return false;
        out.body += canonical;
    }
    return true;
}

}  // namespace

const SignboardKey* current_key(const std::vector<SignboardKey>& keys) {
    const SignboardKey* key = nullptr;
    for (const auto& k : keys)
        if (!k.retired && (!key || k.version > key->version)) key = &k;
    return key;
}

std::string signboard_code(const SignboardKey& key, std::string_view campaign, std::string_view site) {
    return std::to_string(key.version) + "-" + code_body(key, campaign, site);
}

CodeVerdict check_signboard_code(const std::vector<SignboardKey>& keys, const content::Campaign& campaign,
                                 std::string_view site, std::string_view code) {
    ParsedCode parsed;
    if (!parse_code(code, parsed)) return CodeVerdict::malformed;
    const SignboardKey* key = nullptr;
    for (const auto& k : keys)
        if (k.version == parsed.version) key = &k;
    if (!key) return CodeVerdict::unknown_key;
    // Every site is tried, the right one included, without stopping at a match.
    const bool this_site = same_in_constant_time(code_body(*key, campaign.id, site), parsed.body);
    bool another_site = false;
    for (const auto& s : campaign.sites)
        if (s.site != site && same_in_constant_time(code_body(*key, campaign.id, s.site), parsed.body))
            another_site = true;
    if (this_site) return key->retired ? CodeVerdict::retired_key : CodeVerdict::valid;
    if (another_site) return CodeVerdict::other_site;
    return CodeVerdict::forged;
}

}  // namespace beitai::raffle
