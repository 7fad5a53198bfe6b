// A ZIP container with stored (uncompressed) members: what an ODF spreadsheet is. Stored
// members keep this small and pure; the spreadsheets we write are tens of kilobytes.
// Timestamps are fixed (1980-01-01), so the same input gives the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace beitai::text {

struct ZipMember {
    std::string name;
    std::string data;
};

std::uint32_t crc32(const std::string& data);

// Members in order (ODF wants "mimetype" first).
std::string zip_stored(const std::vector<ZipMember>& members);

}  // namespace beitai::text
