// QR codes on the kiosk: the hand-off to one's phone (the same view on the web) and the
// campaign's sign-up. The encoding is Nayuki's QR-Code-generator, compiled from Debian's
// source package (wasm/CMakeLists.txt) at the version the server links as libqrcodegencpp,
// with the server's error-correction level (site/qr/encode.cpp): the kiosk and a printed
// signboard encode an address alike. The modules are the core's render::QrModules, which
// the server draws as SVG (render/qr_svg.h) and the kiosk with ImGui.
#pragma once

#include <optional>
#include <string>

#include <imgui.h>

#include "render/qr_svg.h"

namespace beitai::kiosk {

// The modules of `text` (UTF-8) at error-correction level M, the smallest version that
// holds it; nullopt when no version does (more than 2,331 bytes of a URL). Never throws:
// the WASM build has no exception catching, so the length is checked before the library's
// encoder is called.
std::optional<render::QrModules> EncodeQr(const std::string& text);

// Draws `modules` into `draw` as a white square of side `side_px` at `top_left`, holding
// the code with its 4-module quiet zone, the dark modules as filled rectangles (one per
// horizontal run). The module size is snapped to whole pixels (the code is centred in the
// square, so the quiet zone takes the remainder) so that every module edge falls on a pixel
// edge and a phone's camera decodes it; a square smaller than one pixel per module draws
// fractional modules. No anti-aliasing fringe, no texture: it needs no font.
void DrawQr(ImDrawList* draw, const render::QrModules& modules, ImVec2 top_left, float side_px);

}  // namespace beitai::kiosk
