// raffle/draw: the verifiable draw. The fixed vectors come from draw_reference.py beside this
// file, an independent Python implementation of the header's algorithm (hashlib, hmac); run
// it to see them all. If the C++ and the Python ever disagree, a citizen re-running a
// published draw would get other winners: that is what these cases guard.
#include <doctest/doctest.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "raffle/draw.h"

using namespace beitai;
using namespace beitai::raffle;

namespace {

const char* const kSecret = "made-up entry secret for the tests, 32+ bytes long";
const char* const kSeed = "01 07 13 22 30 38 + 05";

// Participants 1..12 of campaign 2026-demo under kSecret, as draw_reference.py prints them.
const std::vector<std::string> kIds = {
    "E51fc83fafdae449", "E159acd239f7c2ce", "Edb5f46b5933c511", "Ea672969fe62e51f",
    "E36d1b6106ef8aac", "Ec062573614c8edb", "Ee9893143917edf4", "Eebed66ade8edbcb",
    "E20f0928d39874a1", "E37988898c23e36e", "Eba77f8aec5793b6", "E2df72c3d04ea6f2",
};

std::vector<std::string> entries_of(const std::vector<Winner>& winners) {
    std::vector<std::string> out;
    for (const auto& w : winners) out.push_back(w.entry);
    return out;
}

}  // namespace

TEST_CASE("entry ids are E and 15 hex digits of the HMAC, as the reference computes them") {
    for (size_t i = 0; i < kIds.size(); ++i) CHECK(entry_id(kSecret, "2026-demo", static_cast<long long>(i + 1)) == kIds[i]);
    CHECK(entry_id(kSecret, "112", 9007199254740993LL) == "Ead8c36358cbd85e");
    // Another campaign or secret gives another id: lists of two campaigns cannot be joined.
    CHECK(entry_id(kSecret, "2027-demo", 1) != kIds[0]);
    CHECK(entry_id("another secret", "2026-demo", 1) != kIds[0]);
}

TEST_CASE("the entries document is sorted, one id a line, each id once, and its digest matches the reference") {
    std::vector<std::string> shuffled = kIds;
    shuffled.push_back(kIds[3]);  // a repeat is written once
    const std::string doc = entries_document(shuffled);
    CHECK(doc.substr(0, 34) == "E159acd239f7c2ce\nE20f0928d39874a1\n");
    CHECK(doc.size() == 12 * 17);
    CHECK(text::to_hex(text::sha256(doc)) == "b0fc9326b8e6168dfc1a16564913bb0ca3d8c7c3da3b2e9a94fd6b1a16cbf7e0");
    CHECK(entries_document({}).empty());

    auto back = read_entries_document(doc);
    REQUIRE_MESSAGE(back.ok(), back.error());
    CHECK(back->size() == 12);
    CHECK(entries_document(*back) == doc);
    auto none = read_entries_document("");
    REQUIRE(none.ok());
    CHECK(none->empty());
}

TEST_CASE("read_entries_document refuses what the writer never writes, naming the line") {
    CHECK(read_entries_document("E1\nE3\nE4\nE12\n").error() == "line 4: \"E12\" is not after \"E4\" (the list is sorted)");
    CHECK(read_entries_document("E1\nE2\nE2\n").error() ==
          "line 3: \"E2\" repeats the line before (the list holds each entry once)");
    CHECK(read_entries_document("E1\n\nE2\n").error() == "line 2: an empty line (the list has one entry id a line)");
    CHECK(read_entries_document("E1\nE2").error() ==
          "line 2: no newline at the end (every line, the last too, ends with one)");
    CHECK(read_entries_document("E1\r\nE2\r\n").error() ==
          "line 1: byte 0x0D in an entry id (only 0-9, A-Z, a-z, _ and - are written)");
    CHECK(read_entries_document("E1 \n").error().find("line 1: byte 0x20") == 0);
    CHECK(read_entries_document("A_b-9\nB\n").ok());
}

TEST_CASE("the stream's first words match the reference") {
    DrawStream s(std::string(64, '0'), kSeed);
    const std::uint64_t expected[] = {0x1b6a53d7a151e97bULL, 0xc9bd274976103aeeULL, 0xa26a6be8f633f58aULL,
                                      0x1948e5ed085f9ea9ULL, 0xfb5dcdb5fd746bd1ULL, 0x86c630c7326e05d1ULL};
    for (std::uint64_t e : expected) CHECK(s.next_word() == e);  // crosses into the second block
    CHECK(s.words_used() == 6);
}

TEST_CASE("below rejects the words above the limit: n = 2^63 + 1 and n = 3·2^62") {
    // For n = 2^63 + 1 the limit is 2^63 + 1 itself, so about half the words are drawn again.
    DrawStream half(std::string(64, '0'), kSeed);
    const std::uint64_t n1 = (1ULL << 63) + 1;
    const std::uint64_t expected1[] = {1975483572144957819ULL, 1821958855481859753ULL, 764769028966490807ULL,
                                       1484117696330179743ULL, 723482148507147940ULL, 9101791203002172010ULL,
                                       5985928009888069855ULL, 4001887470277298999ULL};
    for (std::uint64_t e : expected1) {
        const std::uint64_t v = half.below(n1);
        CHECK(v == e);
        CHECK(v < n1);
    }
    CHECK(half.words_used() == 17);  // 9 words refused

    DrawStream quarter(std::string(64, '0'), kSeed);
    const std::uint64_t n2 = 3ULL << 62;
    const std::uint64_t expected2[] = {1975483572144957819ULL, 11703285229982840202ULL, 1821958855481859753ULL,
                                       9711503278573749713ULL, 764769028966490807ULL,  1484117696330179743ULL,
                                       723482148507147940ULL,  10802947738666912229ULL};
    for (std::uint64_t e : expected2) CHECK(quarter.below(n2) == e);
    CHECK(quarter.words_used() == 10);

    // A power of two divides 2^64: nothing is refused, one word per value.
    DrawStream exact(std::string(64, '0'), kSeed);
    bool all_below = true;
    for (int i = 0; i < 100; ++i) all_below = all_below && exact.below(1ULL << 40) < (1ULL << 40);
    CHECK(all_below);
    CHECK(exact.words_used() == 100);
    DrawStream one(std::string(64, '0'), kSeed);
    CHECK(one.below(1) == 0);
}

TEST_CASE("below(6) over 60,000 draws is uniform within generous bounds") {
    DrawStream s("b0fc9326b8e6168dfc1a16564913bb0ca3d8c7c3da3b2e9a94fd6b1a16cbf7e0", kSeed);
    long counts[6] = {};
    long out_of_range = 0;
    for (int i = 0; i < 60000; ++i) {
        const std::uint64_t v = s.below(6);
        if (v < 6) ++counts[v];
        else ++out_of_range;
    }
    CHECK(out_of_range == 0);
    double chi_square = 0;
    for (long c : counts) chi_square += (c - 10000.0) * (c - 10000.0) / 10000.0;
    // 5 degrees of freedom: 30 is far beyond the 0.001 % tail; a biased stream exceeds it.
    CHECK(chi_square < 30);
    for (long c : counts) CHECK(c > 9500);
}

TEST_CASE("run_draw gives the reference's winners, no one twice") {
    const auto five = run_draw(kIds, kSeed, 5);
    CHECK(entries_of(five) == std::vector<std::string>{"E37988898c23e36e", "Ec062573614c8edb", "E20f0928d39874a1",
                                                       "Eebed66ade8edbcb", "Ea672969fe62e51f"});
    for (size_t i = 0; i < five.size(); ++i) CHECK(five[i].slot == i);

    const auto all = run_draw(kIds, kSeed, 12);
    CHECK(entries_of(all) == std::vector<std::string>{
        "E37988898c23e36e", "Ec062573614c8edb", "E20f0928d39874a1", "Eebed66ade8edbcb",
        "Ea672969fe62e51f", "E36d1b6106ef8aac", "Eba77f8aec5793b6", "Ee9893143917edf4",
        "E51fc83fafdae449", "E2df72c3d04ea6f2", "E159acd239f7c2ce", "Edb5f46b5933c511"});
    const auto all_entries = entries_of(all);
    const std::set<std::string> distinct(all_entries.begin(), all_entries.end());
    CHECK(distinct.size() == 12);

    CHECK(entries_of(run_draw(kIds, "01 07 13 22 30 38 + 06", 5)) ==
          std::vector<std::string>{"E36d1b6106ef8aac", "E20f0928d39874a1", "E37988898c23e36e", "Edb5f46b5933c511",
                                   "E2df72c3d04ea6f2"});
}

TEST_CASE("run_draw with fewer entries than slots, one entry, or none") {
    const std::vector<std::string> first5(kIds.begin(), kIds.begin() + 5);
    const auto few = run_draw(first5, kSeed, 8);
    CHECK(entries_of(few) == std::vector<std::string>{"E51fc83fafdae449", "Ea672969fe62e51f", "Edb5f46b5933c511",
                                                      "E159acd239f7c2ce", "E36d1b6106ef8aac"});
    CHECK(few.back().slot == 4);  // the last three prizes stay undrawn
    CHECK(entries_of(run_draw({kIds[0]}, kSeed, 3)) == std::vector<std::string>{"E51fc83fafdae449"});
    CHECK(run_draw({}, kSeed, 3).empty());
    CHECK(run_draw(kIds, kSeed, 0).empty());
}

TEST_CASE("run_draw depends on the list, not its order, and hashes the seed without surrounding space") {
    std::vector<std::string> reversed(kIds.rbegin(), kIds.rend());
    CHECK(entries_of(run_draw(reversed, kSeed, 5)) == entries_of(run_draw(kIds, kSeed, 5)));
    CHECK(entries_of(run_draw(kIds, std::string(" \t") + kSeed + "\n", 5)) == entries_of(run_draw(kIds, kSeed, 5)));
    // One entry more changes the digest and so the whole draw.
    std::vector<std::string> more = kIds;
    more.push_back("E000000000000000");
    CHECK(entries_of(run_draw(more, kSeed, 5)) != entries_of(run_draw(kIds, kSeed, 5)));
}

TEST_CASE("normalise_seed trims ASCII and ideographic spaces at the ends only") {
    CHECK(normalise_seed("  01 02 03\r\n") == "01 02 03");
    CHECK(normalise_seed("\xE3\x80\x80" "05 06\xE3\x80\x80 ") == "05 06");
    CHECK(normalise_seed("   ").empty());
    CHECK(normalise_seed("a  b") == "a  b");
}

TEST_CASE("prize_slots lists each prize count times, in the draw's order") {
    content::CampaignDraw draw;
    draw.prizes = {{"Taipei", 2, "住宿券", "Hotel voucher"}, {"Keelung", 1, "餐券", "Meal voucher"}};
    const auto slots = prize_slots(draw);
    REQUIRE(slots.size() == 3);
    CHECK(slots[1].county == "Taipei");
    CHECK(slots[2].county == "Keelung");
    CHECK(slots[2].name_en == "Meal voucher");
}

TEST_CASE("compare_winners finds the first difference, or none") {
    const auto winners = run_draw(kIds, kSeed, 5);
    CHECK(compare_winners(winners, winners).same);
    auto changed = winners;
    changed[2].entry = "E000000000000000";
    auto check = compare_winners(changed, winners);
    CHECK_FALSE(check.same);
    CHECK(check.first_difference == "prize 3: published E000000000000000, recomputed E20f0928d39874a1");
    auto shorter = winners;
    shorter.pop_back();
    CHECK(compare_winners(shorter, winners).first_difference ==
          "prize 5: published no winner, recomputed Ea672969fe62e51f");
}
