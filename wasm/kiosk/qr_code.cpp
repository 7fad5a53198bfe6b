#include "qr_code.h"

#include <cmath>
#include <cstddef>
#include <vector>

#include <qrcodegen.hpp>

namespace beitai::kiosk {

namespace {

// Data bits of the largest symbol, version 40 at level M: 2,334 data codewords (ISO/IEC
// 18004, table 7). A text whose segments need more makes the library throw data_too_long.
constexpr int kMaxDataBits = 2334 * 8;
// The quiet zone the standard asks for on each side, in modules (as render/qr_svg.h).
constexpr int kQuietZone = 4;

const ImU32 kLight = IM_COL32(255, 255, 255, 255);
const ImU32 kDark = IM_COL32(0, 0, 0, 255);

}  // namespace

std::optional<render::QrModules> EncodeQr(const std::string& text) {
    using qrcodegen::QrCode;
    using qrcodegen::QrSegment;
    // What QrCode::encodeText does, with the length checked first: makeSegments picks the
    // mode (numeric, alphanumeric or bytes) and never throws on its own choice; encodeSegments
    // throws only when no version holds the bits, which getTotalBits tells beforehand (-1:
    // a segment's length overflows its count field).
    const std::vector<QrSegment> segments = QrSegment::makeSegments(text.c_str());
    const int bits = QrSegment::getTotalBits(segments, QrCode::MAX_VERSION);
    if (bits < 0 || bits > kMaxDataBits) return std::nullopt;
    const QrCode qr = QrCode::encodeSegments(segments, QrCode::Ecc::MEDIUM);

    render::QrModules out;
    out.size = qr.getSize();
    out.dark.resize(static_cast<std::size_t>(out.size) * out.size);
    for (int y = 0; y < out.size; ++y)
        for (int x = 0; x < out.size; ++x) out.dark[static_cast<std::size_t>(y) * out.size + x] = qr.getModule(x, y);
    return out;
}

void DrawQr(ImDrawList* draw, const render::QrModules& modules, ImVec2 top_left, float side_px) {
    if (modules.size <= 0 || side_px <= 0) return;
    const float left = std::round(top_left.x);
    const float top = std::round(top_left.y);
    const float side = std::round(side_px);
    draw->AddRectFilled(ImVec2(left, top), ImVec2(left + side, top + side), kLight);

    const int span = modules.size + 2 * kQuietZone;
    float module = std::floor(side / static_cast<float>(span));
    if (module < 1.0f) module = side / static_cast<float>(span);  // too small to snap: blurred, yet drawn
    const float margin = std::floor((side - module * static_cast<float>(span)) / 2);
    const float x0 = left + margin + module * kQuietZone;
    const float y0 = top + margin + module * kQuietZone;

    for (int y = 0; y < modules.size; ++y) {
        const float row_top = y0 + module * static_cast<float>(y);
        int x = 0;
        while (x < modules.size) {
            if (!modules.at(x, y)) {
                ++x;
                continue;
            }
            const int run_start = x;
            while (x < modules.size && modules.at(x, y)) ++x;
            draw->AddRectFilled(ImVec2(x0 + module * static_cast<float>(run_start), row_top),
                                ImVec2(x0 + module * static_cast<float>(x), row_top + module), kDark);
        }
    }
}

}  // namespace beitai::kiosk
