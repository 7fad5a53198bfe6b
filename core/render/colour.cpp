#include "render/colour.h"

#include <cmath>
#include <string>

#include "text/hex.h"

namespace beitai::render {

Result<Rgba> parse_css_colour(std::string_view hex, double opacity) {
    const bool short_form = hex.size() == 4, long_form = hex.size() == 7;
    if (hex.empty() || hex[0] != '#' || !(short_form || long_form))
        return Error{"colour \"" + std::string(hex) + "\": expected #rgb or #rrggbb"};
    int d[6];
    for (size_t i = 1; i < hex.size(); ++i)
        if ((d[i - 1] = text::hex_digit(hex[i])) < 0)
            return Error{"colour \"" + std::string(hex) + "\": \"" + std::string(1, hex[i]) + "\" is not a hex digit"};
    Rgba c;
    if (short_form) {  // #abc is #aabbcc
        c.r = static_cast<std::uint8_t>(d[0] * 17);
        c.g = static_cast<std::uint8_t>(d[1] * 17);
        c.b = static_cast<std::uint8_t>(d[2] * 17);
    } else {
        c.r = static_cast<std::uint8_t>(d[0] * 16 + d[1]);
        c.g = static_cast<std::uint8_t>(d[2] * 16 + d[3]);
        c.b = static_cast<std::uint8_t>(d[4] * 16 + d[5]);
    }
    const double o = opacity != opacity ? 1 : std::fmin(1.0, std::fmax(0.0, opacity));  // NaN: as if unset
    c.a = static_cast<std::uint8_t>(std::lround(o * 255));
    return c;
}

}  // namespace beitai::render
