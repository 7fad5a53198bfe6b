// libFuzzer target: the readers of request targets — query strings (text/url.h) and the plain
// decimals read from them (text/decimal.h). The promises checked:
//   - a query string that parses, written back with to_query_string, parses to the same pairs;
//   - percent_encode then percent_decode gives back any bytes;
//   - parse_decimal takes only finite plain decimals: what it takes is made of digits, one
//     point, a sign and an exponent, and reads the same through strtod.
#include "fuzz_support.h"

#include <cmath>
#include <cstdlib>

#include "text/decimal.h"
#include "text/url.h"

using namespace beitai;

namespace {

void check_decimal(std::string_view s) {
    const auto v = text::parse_decimal(s);
    if (!v) return;
    FUZZ_CHECK(std::isfinite(*v), "parse_decimal took " + std::string(s));
    FUZZ_CHECK(s.size() <= 32, "parse_decimal took " + std::to_string(s.size()) + " characters");
    for (char c : s)
        FUZZ_CHECK((c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-' || c == 'e' || c == 'E',
                   "parse_decimal took \"" + std::string(s) + "\"");
    const std::string copy(s);
    char* end = nullptr;
    const double again = std::strtod(copy.c_str(), &end);
    FUZZ_CHECK(end == copy.c_str() + copy.size() && again == *v, "strtod reads \"" + copy + "\" otherwise");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = fuzz::as_text(data, size);
    check_decimal(input);
    const auto decoded = text::percent_decode(text::percent_encode(input), false);
    FUZZ_CHECK(decoded && *decoded == input, "percent_encode does not decode back");
    const auto params = text::parse_query_string(input);
    if (!params) return 0;
    const std::string written = text::to_query_string(*params);
    const auto again = text::parse_query_string(written);
    FUZZ_CHECK(again, "written, the query string does not parse: " + written);
    FUZZ_CHECK(*again == *params, "the query string changed on the round trip: " + written);
    for (const auto& [key, value] : *params) check_decimal(value);
    return 0;
}
