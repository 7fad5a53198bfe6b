// What a person typed, without the spaces and line breaks around it (a form field, a reason).
#pragma once

#include <string>
#include <string_view>

namespace beitai::text {

std::string trimmed(std::string_view s);

}  // namespace beitai::text
