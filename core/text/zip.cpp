#include "text/zip.h"

namespace beitai::text {

namespace {

void put16(std::string& out, std::uint32_t v) {
    out += static_cast<char>(v & 0xff);
    out += static_cast<char>((v >> 8) & 0xff);
}

void put32(std::string& out, std::uint32_t v) {
    put16(out, v & 0xffff);
    put16(out, v >> 16);
}

constexpr std::uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;  // 1980-01-01
constexpr std::uint16_t kUtf8Names = 1 << 11;

}  // namespace

struct Crc32Table {
    std::uint32_t v[256];
    constexpr Crc32Table() : v() {
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            v[i] = c;
        }
    }
};

std::uint32_t crc32(const std::string& data) {
    // Computed at compile time: no mutable state.
    static constexpr Crc32Table kTable;
    const auto& table = kTable.v;
    std::uint32_t crc = 0xffffffffu;
    for (unsigned char b : data) crc = table[(crc ^ b) & 0xff] ^ (crc >> 8);
    return crc ^ 0xffffffffu;
}

std::string zip_stored(const std::vector<ZipMember>& members) {
    std::string out, directory;
    for (const auto& m : members) {
        const std::uint32_t offset = static_cast<std::uint32_t>(out.size());
        const std::uint32_t crc = crc32(m.data);
        const auto size = static_cast<std::uint32_t>(m.data.size());
        // Local file header.
        put32(out, 0x04034b50);
        put16(out, 10);  // version needed
        put16(out, kUtf8Names);
        put16(out, 0);  // stored
        put16(out, 0);  // time
        put16(out, kDosDate);
        put32(out, crc);
        put32(out, size);
        put32(out, size);
        put16(out, static_cast<std::uint32_t>(m.name.size()));
        put16(out, 0);
        out += m.name;
        out += m.data;
        // Central directory entry.
        put32(directory, 0x02014b50);
        put16(directory, 20);  // made by
        put16(directory, 10);
        put16(directory, kUtf8Names);
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, kDosDate);
        put32(directory, crc);
        put32(directory, size);
        put32(directory, size);
        put16(directory, static_cast<std::uint32_t>(m.name.size()));
        put16(directory, 0);  // extra
        put16(directory, 0);  // comment
        put16(directory, 0);  // disk
        put16(directory, 0);  // internal attributes
        put32(directory, 0);  // external attributes
        put32(directory, offset);
        directory += m.name;
    }
    const auto directory_offset = static_cast<std::uint32_t>(out.size());
    out += directory;
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, static_cast<std::uint32_t>(members.size()));
    put16(out, static_cast<std::uint32_t>(members.size()));
    put32(out, static_cast<std::uint32_t>(directory.size()));
    put32(out, directory_offset);
    put16(out, 0);
    return out;
}

}  // namespace beitai::text
