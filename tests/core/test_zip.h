// Test-side reader of ZIP archives with stored members, written from the format (PKWARE
// APPNOTE 4.3) rather than from core/text/zip.cpp, so that a mistake in the writer is not
// repeated here. It walks the archive the way an unzipper does: the End Of Central Directory
// record, then each central-directory entry, then the local header that entry points to;
// and it cross-checks them. No exceptions: a problem is a message.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace beitai::testing {

struct ZipEntryRead {
    std::string name;
    std::uint16_t version_needed = 0;
    std::uint16_t flags = 0;
    std::uint16_t method = 0;
    std::uint16_t dos_time = 0;
    std::uint16_t dos_date = 0;
    std::uint32_t crc = 0;
    std::uint32_t compressed_size = 0;
    std::uint32_t size = 0;
    std::uint32_t local_offset = 0;  // where its local header starts
    std::uint32_t data_offset = 0;   // where its bytes start
    std::uint16_t local_extra = 0;
    std::string data;
};

struct ZipRead {
    std::vector<ZipEntryRead> entries;
    std::string error;  // empty when the archive read cleanly
    bool ok() const { return error.empty(); }
};

namespace zip_detail {

inline bool fits(const std::string& z, std::size_t at, std::size_t n) { return at <= z.size() && n <= z.size() - at; }

inline std::uint32_t u16(const std::string& z, std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(z[at])) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(z[at + 1])) << 8;
}

inline std::uint32_t u32(const std::string& z, std::size_t at) { return u16(z, at) | u16(z, at + 2) << 16; }

}  // namespace zip_detail

inline ZipRead read_zip(const std::string& z) {
    using namespace zip_detail;
    ZipRead out;
    auto fail = [&](const std::string& message) {
        out.error = message;
        out.entries.clear();
        return out;
    };

    // End Of Central Directory: 22 bytes plus a comment of up to 65535, at the very end.
    constexpr std::size_t kEocd = 22;
    if (z.size() < kEocd) return fail("shorter than an end-of-central-directory record");
    std::size_t eocd = std::string::npos;
    for (std::size_t at = z.size() - kEocd + 1; at-- > 0 && z.size() - at <= kEocd + 65535;) {
        if (u32(z, at) == 0x06054b50 && at + kEocd + u16(z, at + 20) == z.size()) {
            eocd = at;
            break;
        }
    }
    if (eocd == std::string::npos) return fail("no end-of-central-directory record");
    if (u16(z, eocd + 4) != 0 || u16(z, eocd + 6) != 0) return fail("multi-disk archive");
    const std::uint32_t on_disk = u16(z, eocd + 8), total = u16(z, eocd + 10);
    const std::uint32_t dir_size = u32(z, eocd + 12), dir_offset = u32(z, eocd + 16);
    if (on_disk != total) return fail("entry counts disagree");
    if (static_cast<std::size_t>(dir_offset) + dir_size != eocd)
        return fail("central directory does not end where the end record starts");

    std::size_t at = dir_offset;
    std::size_t expected_local = 0;  // stored members follow each other with no gap
    for (std::uint32_t i = 0; i < total; ++i) {
        if (!fits(z, at, 46) || at + 46 > eocd) return fail("central entry " + std::to_string(i) + " truncated");
        if (u32(z, at) != 0x02014b50) return fail("central entry " + std::to_string(i) + ": bad signature");
        ZipEntryRead e;
        e.version_needed = static_cast<std::uint16_t>(u16(z, at + 6));
        e.flags = static_cast<std::uint16_t>(u16(z, at + 8));
        e.method = static_cast<std::uint16_t>(u16(z, at + 10));
        e.dos_time = static_cast<std::uint16_t>(u16(z, at + 12));
        e.dos_date = static_cast<std::uint16_t>(u16(z, at + 14));
        e.crc = u32(z, at + 16);
        e.compressed_size = u32(z, at + 20);
        e.size = u32(z, at + 24);
        const std::uint32_t name_len = u16(z, at + 28), extra_len = u16(z, at + 30), comment_len = u16(z, at + 32);
        e.local_offset = u32(z, at + 42);
        if (!fits(z, at + 46, name_len + extra_len + comment_len) || at + 46 + name_len + extra_len + comment_len > eocd)
            return fail("central entry " + std::to_string(i) + ": name runs past the directory");
        e.name = z.substr(at + 46, name_len);
        at += 46 + name_len + extra_len + comment_len;

        // The local header the entry points to must say the same.
        const std::size_t lh = e.local_offset;
        if (lh != expected_local) return fail(e.name + ": local header not where the previous member ended");
        if (!fits(z, lh, 30) || u32(z, lh) != 0x04034b50) return fail(e.name + ": no local header at its offset");
        const std::uint32_t local_name_len = u16(z, lh + 26);
        e.local_extra = static_cast<std::uint16_t>(u16(z, lh + 28));
        if (!fits(z, lh + 30, local_name_len + e.local_extra)) return fail(e.name + ": local name truncated");
        if (z.compare(lh + 30, local_name_len, e.name) != 0 || local_name_len != name_len)
            return fail(e.name + ": local header names another file");
        if (u16(z, lh + 4) != e.version_needed || u16(z, lh + 6) != e.flags || u16(z, lh + 8) != e.method ||
            u16(z, lh + 10) != e.dos_time || u16(z, lh + 12) != e.dos_date || u32(z, lh + 14) != e.crc ||
            u32(z, lh + 18) != e.compressed_size || u32(z, lh + 22) != e.size)
            return fail(e.name + ": local header disagrees with the central directory");
        e.data_offset = static_cast<std::uint32_t>(lh + 30 + local_name_len + e.local_extra);
        if (!fits(z, e.data_offset, e.compressed_size) || e.data_offset + e.compressed_size > dir_offset)
            return fail(e.name + ": data runs past the central directory");
        e.data = z.substr(e.data_offset, e.compressed_size);
        expected_local = e.data_offset + e.compressed_size;
        out.entries.push_back(std::move(e));
    }
    if (at != eocd) return fail("bytes left over in the central directory");
    if (expected_local != dir_offset) return fail("bytes between the last member and the central directory");
    return out;
}

}  // namespace beitai::testing
