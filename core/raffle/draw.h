// The draw, verifiable by anyone (after RFC 3797).
//
// Before the draw the entry list is frozen and published with its SHA-256, and the public
// random value that will seed it is named (a lottery's numbers on a stated date). After that
// value is public the draw is a pure function of the three:
//
//   key      = SHA-256("beitai-draw-v1\n" + entries_sha256 + "\n" + seed_value + "\n")
//   block i  = SHA-256(key || i as 8 bytes big-endian), i = 0, 1, 2, …
//   a word   = 8 bytes of the stream, big-endian; 4 words a block, in order
//   below(n) = the next word w < 2^64 − (2^64 mod n), as w mod n (rejection: no modulo bias)
//   prize k  = a partial Fisher–Yates shuffle of the sorted list: swap(list[k],
//              list[k + below(n − k)]), the winner is list[k]; so no one wins twice in a draw
//
// Prizes go in the campaign's order; when there are fewer entries than prizes the last
// prizes stay undrawn. The same code runs natively on the server and in the browser's WASM.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "content/campaign.h"
#include "text/result.h"
#include "text/sha256.h"

namespace beitai::raffle {

// A participant's pseudonymous entry id for a campaign: "E" + 15 hex digits of an HMAC under
// the server's secret, so the published list reveals no one and cannot be enumerated.
std::string entry_id(std::string_view secret, std::string_view campaign, long long participant);

// The entry list as published: ids sorted (byte order), one per line, each ended by "\n".
std::string entries_document(std::vector<std::string> entries);
// Reads a published list back, refusing what the writer never writes (an empty line, an
// unsorted or repeated id, a byte outside [0-9A-Za-z_-], a missing final newline), naming
// the line: "line 4: \"E12\" is not after \"E3\" (the list is sorted)".
Result<std::vector<std::string>> read_entries_document(std::string_view text);

// The prizes of a draw, one slot per prize, in the order they are drawn.
struct PrizeSlot {
    std::string county;
    std::string name_zh;
    std::string name_en;
};
std::vector<PrizeSlot> prize_slots(const content::CampaignDraw& draw);

// The stream of uniform choices (exposed for tests of its bias and its vectors).
class DrawStream {
public:
    DrawStream(std::string_view entries_sha256, std::string_view seed_value);
    std::uint64_t next_word();
    // Uniform in [0, n), n ≥ 1.
    std::uint64_t below(std::uint64_t n);
    std::uint64_t words_used() const { return words_used_; }

private:
    text::Sha256Digest key_{};
    text::Sha256Digest block_{};
    std::uint64_t block_index_ = 0;
    int word_in_block_ = 4;  // 4: the next word needs a new block
    std::uint64_t words_used_ = 0;
};

struct Winner {
    size_t slot = 0;    // index into prize_slots
    std::string entry;  // entry id
};

// The winners, one per slot while entries last. `entries` must be the published list (sorted,
// unique); the digest is computed from it, so a list and a digest cannot disagree.
std::vector<Winner> run_draw(const std::vector<std::string>& entries, std::string_view seed_value, size_t slots);

// The seed value as entered, without the surrounding white space: what is hashed.
std::string normalise_seed(std::string_view value);

// Re-running a published draw: the same winners, or the first difference named
// ("prize 3: published E1a2…, recomputed E77c…"). `published` in slot order.
struct DrawCheck {
    bool same = false;
    std::string first_difference;
};
DrawCheck compare_winners(const std::vector<Winner>& published, const std::vector<Winner>& recomputed);

}  // namespace beitai::raffle
