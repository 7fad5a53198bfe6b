#include "qr/encode.h"

#include <qrcodegen/qrcodegen.hpp>

namespace beitai::site {

render::QrModules encode_qr(const std::string& text) {
    render::QrModules out;
    // The library reports data too long for any version by throwing; that is the only error.
    try {
        const auto qr = qrcodegen::QrCode::encodeText(text.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
        out.size = qr.getSize();
        out.dark.resize(static_cast<size_t>(out.size) * out.size);
        for (int y = 0; y < out.size; ++y)
            for (int x = 0; x < out.size; ++x) out.dark[static_cast<size_t>(y) * out.size + x] = qr.getModule(x, y);
    } catch (const std::exception&) {
        return {};
    }
    return out;
}

}  // namespace beitai::site
