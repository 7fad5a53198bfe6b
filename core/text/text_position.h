// Where a byte offset is in a text, as a person finds it in an editor: "line 3, column 9"
// (columns count characters, not UTF-8 bytes). For readers whose parser reports an offset
// (pugixml for the TDX parking XML and the route importers' XML).
#pragma once

#include <string>
#include <string_view>

namespace beitai::text {

std::string text_position(std::string_view text, size_t offset);

}  // namespace beitai::text
