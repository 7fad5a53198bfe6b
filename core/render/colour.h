// A colour as a renderer without CSS needs it: four bytes, parsed once from the Scene's
// CSS hex strings. The SVG writes the strings as they are; the kiosk paints these.
#pragma once

#include <cstdint>
#include <string_view>

#include "text/result.h"

namespace beitai::render {

struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 0;  // a = 0: nothing drawn

    bool visible() const { return a != 0; }
    friend bool operator==(Rgba x, Rgba y) { return x.r == y.r && x.g == y.g && x.b == y.b && x.a == y.a; }
    friend bool operator!=(Rgba x, Rgba y) { return !(x == y); }
};

// "#rgb" or "#rrggbb" (either case), its alpha from `opacity` (clamped to 0…1, 1 = opaque).
// Anything else is an error naming the text: the Scene's colours are the core's own, so a
// bad one is a bug to see, not a guess to make.
Result<Rgba> parse_css_colour(std::string_view hex, double opacity = 1);

}  // namespace beitai::render
