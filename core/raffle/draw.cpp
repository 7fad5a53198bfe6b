#include "raffle/draw.h"

#include <algorithm>

namespace beitai::raffle {

namespace {

bool is_entry_byte(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-';
}

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string byte_name(unsigned char c) {
    static const char kDigits[] = "0123456789ABCDEF";
    return std::string("byte 0x") + kDigits[c >> 4] + kDigits[c & 15];
}

// Sorted in byte order, each id once; a list that is so already (the published one) is
// only checked, not sorted again.
void sorted_unique(std::vector<std::string>& entries) {
    if (!std::is_sorted(entries.begin(), entries.end())) std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
}

std::string joined_lines(const std::vector<std::string>& lines) {
    size_t size = 0;
    for (const auto& line : lines) size += line.size() + 1;
    std::string out;
    out.reserve(size);
    for (const auto& line : lines) {
        out += line;
        out += '\n';
    }
    return out;
}

}  // namespace

std::string entry_id(std::string_view secret, std::string_view campaign, long long participant) {
    const std::string message =
        "beitai-entry\n" + std::string(campaign) + "\n" + std::to_string(participant);
    return "E" + text::to_hex(text::hmac_sha256(secret, message)).substr(0, 15);
}

std::string entries_document(std::vector<std::string> entries) {
    sorted_unique(entries);
    return joined_lines(entries);
}

Result<std::vector<std::string>> read_entries_document(std::string_view text) {
    std::vector<std::string> entries;
    size_t line = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        ++line;
        const std::string where = "line " + std::to_string(line) + ": ";
        const size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            return Error{where + "no newline at the end (every line, the last too, ends with one)"};
        const std::string_view id = text.substr(pos, end - pos);
        if (id.empty()) return Error{where + "an empty line (the list has one entry id a line)"};
        for (char c : id)
            if (!is_entry_byte(c))
                return Error{where + byte_name(static_cast<unsigned char>(c)) +
                             " in an entry id (only 0-9, A-Z, a-z, _ and - are written)"};
        if (!entries.empty()) {
            if (id == entries.back())
                return Error{where + in_quotes(id) + " repeats the line before (the list holds each entry once)"};
            if (id < std::string_view(entries.back()))
                return Error{where + in_quotes(id) + " is not after " + in_quotes(entries.back()) + " (the list is sorted)"};
        }
        entries.emplace_back(id);
        pos = end + 1;
    }
    return entries;
}

std::vector<PrizeSlot> prize_slots(const content::CampaignDraw& draw) {
    std::vector<PrizeSlot> slots;
    for (const auto& prize : draw.prizes)
        for (int i = 0; i < prize.count; ++i) slots.push_back({prize.county, prize.name_zh, prize.name_en});
    return slots;
}

DrawStream::DrawStream(std::string_view entries_sha256, std::string_view seed_value) {
    key_ = text::sha256("beitai-draw-v1\n" + std::string(entries_sha256) + "\n" + std::string(seed_value) + "\n");
}

std::uint64_t DrawStream::next_word() {
    if (word_in_block_ == 4) {
        text::Sha256 block;
        block.update(std::string_view(reinterpret_cast<const char*>(key_.data()), key_.size()));
        char index[8];
        for (int i = 0; i < 8; ++i) index[i] = static_cast<char>(block_index_ >> (56 - 8 * i));
        block.update(std::string_view(index, 8));
        block_ = block.finish();
        ++block_index_;
        word_in_block_ = 0;
    }
    std::uint64_t word = 0;
    for (int i = 0; i < 8; ++i) word = word << 8 | block_[8 * word_in_block_ + i];
    ++word_in_block_;
    ++words_used_;
    return word;
}

std::uint64_t DrawStream::below(std::uint64_t n) {
    if (n <= 1) {  // 0 is outside the contract; answer 0 but use a word, as for n = 1
        next_word();
        return 0;
    }
    // 2^64 mod n, computed in 64 bits: (2^64 − n) mod n.
    const std::uint64_t excess = (0 - n) % n;
    // Words at or above 2^64 − excess would make the low residues likelier: draw again.
    // When n divides 2^64 nothing is above the limit (which would be 2^64 itself).
    const std::uint64_t limit = 0 - excess;
    for (;;) {
        const std::uint64_t w = next_word();
        if (excess == 0 || w < limit) return w % n;
    }
}

std::string normalise_seed(std::string_view value) {
    auto space_at_start = [](std::string_view s) -> size_t {
        if (!s.empty() && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r')) return 1;
        if (s.substr(0, 3) == "\xE3\x80\x80") return 3;  // U+3000, the ideographic space of CJK input
        return 0;
    };
    auto space_at_end = [](std::string_view s) -> size_t {
        if (!s.empty()) {
            const char c = s.back();
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
        }
        if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") return 3;
        return 0;
    };
    while (size_t n = space_at_start(value)) value.remove_prefix(n);
    while (size_t n = space_at_end(value)) value.remove_suffix(n);
    return std::string(value);
}

std::vector<Winner> run_draw(const std::vector<std::string>& entries, std::string_view seed_value, size_t slots) {
    // The list as published: sorted, each id once. Its digest goes into the key, so the
    // winners follow from the list itself, never from a digest passed beside it.
    std::vector<std::string> list = entries;
    sorted_unique(list);
    DrawStream stream(text::to_hex(text::sha256(joined_lines(list))), normalise_seed(seed_value));
    std::vector<Winner> winners;
    const size_t n = list.size();
    for (size_t k = 0; k < slots && k < n; ++k) {
        const size_t j = k + static_cast<size_t>(stream.below(n - k));
        std::swap(list[k], list[j]);
        winners.push_back({k, list[k]});
    }
    return winners;
}

DrawCheck compare_winners(const std::vector<Winner>& published, const std::vector<Winner>& recomputed) {
    const size_t n = std::max(published.size(), recomputed.size());
    for (size_t i = 0; i < n; ++i) {
        const Winner* p = i < published.size() ? &published[i] : nullptr;
        const Winner* r = i < recomputed.size() ? &recomputed[i] : nullptr;
        if (p && r && p->slot == r->slot && p->entry == r->entry) continue;
        const size_t slot = p ? p->slot : r->slot;
        auto said = [](const Winner* w) { return w ? w->entry : std::string("no winner"); };
        std::string difference = "prize " + std::to_string(slot + 1) + ": published " + said(p) + ", recomputed " + said(r);
        if (p && r && p->slot != r->slot)
            difference = "winner " + std::to_string(i + 1) + ": published for prize " + std::to_string(p->slot + 1) +
                         ", recomputed for prize " + std::to_string(r->slot + 1);
        return {false, difference};
    }
    return {true, ""};
}

}  // namespace beitai::raffle
