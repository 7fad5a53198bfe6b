// QR codes for the server's pages and printed signboards, encoded by Debian's
// libqrcodegencpp; the core draws them (render/qr_svg.h).
#pragma once

#include <string>

#include "render/qr_svg.h"

namespace beitai::site {

// Byte mode, error correction M (15 %: a signboard may be scuffed), the smallest version
// that holds `text`. Empty modules when it cannot be encoded (far too long).
render::QrModules encode_qr(const std::string& text);

}  // namespace beitai::site
