#include <doctest/doctest.h>

#include "test_zip.h"
#include "text/zip.h"

using namespace beitai::text;
using beitai::testing::read_zip;

TEST_CASE("crc32 gives the published check values") {
    struct Case {
        std::string data;
        std::uint32_t crc;
    } cases[] = {
        {"", 0x00000000u},
        {"123456789", 0xCBF43926u},  // the CRC-32/ISO-HDLC check value
        {"a", 0xE8B7BE43u},
        {"abc", 0x352441C2u},
        {"The quick brown fox jumps over the lazy dog", 0x414FA339u},
        {std::string(1, '\0'), 0xD202EF8Du},
        {std::string(4, '\xff'), 0xFFFFFFFFu},
    };
    for (const auto& c : cases) {
        CAPTURE(c.data);
        CHECK(crc32(c.data) == c.crc);
    }
}

TEST_CASE("crc32 sees every byte and its position") {
    CHECK(crc32("123456789") != crc32("123456788"));
    CHECK(crc32("ab") != crc32("ba"));
    CHECK(crc32(std::string(1, '\0')) != crc32(std::string(2, '\0')));  // length matters, even for zeros
    CHECK(crc32("自") == crc32("\xE8\x87\xAA"));
}

TEST_CASE("zip_stored members read back with their names, sizes, CRCs and bytes") {
    std::string binary;
    for (int i = 0; i < 256; ++i) binary += static_cast<char>(i);
    const std::vector<ZipMember> members = {
        {"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
        {"content.xml", "<?xml version=\"1.0\"?><a>北臺</a>"},
        {"META-INF/manifest.xml", "<manifest/>"},
        {"empty.txt", ""},
        {"資料/提案.csv", "編號,提案名稱\r\n112-09,北管音樂\r\n"},
        {"binary.bin", binary},
    };
    const std::string zip = zip_stored(members);
    auto read = read_zip(zip);
    REQUIRE_MESSAGE(read.ok(), read.error);
    REQUIRE(read.entries.size() == members.size());
    for (size_t i = 0; i < members.size(); ++i) {
        const auto& m = members[i];
        const auto& e = read.entries[i];
        CAPTURE(m.name);
        CHECK(e.name == m.name);
        CHECK(e.method == 0);  // stored
        CHECK(e.size == m.data.size());
        CHECK(e.compressed_size == m.data.size());
        CHECK(e.crc == crc32(m.data));
        CHECK(e.data == m.data);
        CHECK((e.flags & 1) == 0);         // not encrypted
        CHECK((e.flags & (1 << 3)) == 0);  // sizes in the header, no data descriptor
        CHECK((e.flags & (1 << 11)) != 0);  // names are UTF-8
        CHECK(e.local_extra == 0);
        CHECK(e.dos_date == ((0 << 9) | (1 << 5) | 1));  // 1980-01-01, fixed
        CHECK(e.dos_time == 0);
    }
    // The first member starts the archive, so ODF readers find "mimetype" at byte 30.
    CHECK(read.entries[0].local_offset == 0);
    CHECK(zip.compare(30, 8, "mimetype") == 0);
    CHECK(zip.compare(38, members[0].data.size(), members[0].data) == 0);
}

TEST_CASE("zip_stored is deterministic and its edge cases are well-formed") {
    const std::vector<ZipMember> members = {{"a.txt", "hello"}, {"b.txt", "world"}};
    CHECK(zip_stored(members) == zip_stored(members));
    CHECK(zip_stored(members) != zip_stored({{"a.txt", "hello"}, {"b.txt", "World"}}));

    SUBCASE("no members: only the end record") {
        const std::string empty = zip_stored({});
        CHECK(empty.size() == 22);
        auto read = read_zip(empty);
        REQUIRE_MESSAGE(read.ok(), read.error);
        CHECK(read.entries.empty());
    }
    SUBCASE("member order is kept") {
        auto read = read_zip(zip_stored({{"z", "1"}, {"a", "2"}, {"m", "3"}}));
        REQUIRE_MESSAGE(read.ok(), read.error);
        REQUIRE(read.entries.size() == 3);
        CHECK(read.entries[0].name == "z");
        CHECK(read.entries[1].name == "a");
        CHECK(read.entries[2].name == "m");
    }
    SUBCASE("a member larger than 64 KiB keeps its 32-bit size") {
        std::string big(70000, 'x');
        big[69999] = 'y';
        auto read = read_zip(zip_stored({{"big", big}}));
        REQUIRE_MESSAGE(read.ok(), read.error);
        REQUIRE(read.entries.size() == 1);
        CHECK(read.entries[0].size == 70000);
        CHECK(read.entries[0].data == big);
    }
}

TEST_CASE("the test's zip reader notices damage, so its passes mean something") {
    const std::string good = zip_stored({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                         {"content.xml", "<x/>"}});
    REQUIRE(read_zip(good).ok());
    struct Case {
        const char* what;
        size_t at;  // byte to change
    } cases[] = {
        {"local signature", 0},
        {"local CRC", 14},
        {"local size", 22},
        {"local name", 30},
        {"end record signature", good.size() - 22},
        {"directory offset", good.size() - 6},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        std::string bad = good;
        bad[c.at] = static_cast<char>(bad[c.at] ^ 0x01);
        CHECK_FALSE(read_zip(bad).ok());
    }
    CHECK_FALSE(read_zip(good.substr(0, good.size() - 1)).ok());
    CHECK_FALSE(read_zip("").ok());
    CHECK_FALSE(read_zip(std::string(100, '\0')).ok());
}
