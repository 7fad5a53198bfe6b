#include "render/qr_svg.h"

#include "text/html.h"

namespace beitai::render {

namespace {
constexpr int kQuietZone = 4;  // modules of white around the code (ISO/IEC 18004)
}

std::string qr_path_data(const QrModules& modules) {
    std::string d;
    for (int y = 0; y < modules.size; ++y) {
        // Runs of dark modules in a row become one rectangle each: a smaller path than one
        // square per module.
        for (int x = 0; x < modules.size;) {
            if (!modules.at(x, y)) {
                ++x;
                continue;
            }
            int run = 1;
            while (modules.at(x + run, y)) ++run;
            d += "M" + std::to_string(x + kQuietZone) + " " + std::to_string(y + kQuietZone) + "h" + std::to_string(run) + "v1h-" +
                 std::to_string(run) + "z";
            x += run;
        }
    }
    return d;
}

std::string qr_svg(const QrModules& modules, const std::string& title, int pixels) {
    const int span = modules.size + 2 * kQuietZone;
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" width=\"" + std::to_string(pixels) + "\" height=\"" +
           std::to_string(pixels) + "\" viewBox=\"0 0 " + std::to_string(span) + " " + std::to_string(span) +
           "\" shape-rendering=\"crispEdges\"><title>" + text::escape_xml(title) + "</title><rect width=\"" + std::to_string(span) +
           "\" height=\"" + std::to_string(span) + "\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"" + qr_path_data(modules) +
           "\"/></svg>";
}

}  // namespace beitai::render
