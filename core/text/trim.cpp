#include "text/trim.h"

namespace beitai::text {

std::string trimmed(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    return std::string(s);
}

}  // namespace beitai::text
