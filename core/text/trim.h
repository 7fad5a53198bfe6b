// What a person typed, without the spaces and line breaks around it (a form field, a reason).
// "Spaces" include the ones a Chinese input method types — the ideographic space U+3000 —
// and the invisible ones pasted from documents (no-break space, zero-width space, BOM), so
// that a reason made only of them counts as blank, as a reader of the public page sees it.
#pragma once

#include <string>
#include <string_view>

namespace beitai::text {

std::string trimmed(std::string_view s);

// True when `s` holds nothing a reader could see: empty, or only white space as above.
bool is_blank(std::string_view s);

}  // namespace beitai::text
