// A QR code as SVG. The encoding itself is a library's (Debian's libqrcodegencpp, in site/);
// the core only draws the modules it is given, so the server, a printed signboard and the
// kiosk draw QR codes one way.
#pragma once

#include <string>
#include <vector>

namespace beitai::render {

// The modules of an encoded QR code, row by row: dark[y * size + x].
struct QrModules {
    int size = 0;
    std::vector<bool> dark;
    bool at(int x, int y) const { return x >= 0 && y >= 0 && x < size && y < size && dark[y * size + x]; }
};

// A standalone <svg> of `modules` with the 4-module quiet zone the standard asks for, one
// path for all dark modules (crisp at any scale), `title` as its accessible name.
std::string qr_svg(const QrModules& modules, const std::string& title, int pixels = 200);

// The same modules as a path's "d" in module units (offset by the quiet zone), for drawings
// that place the code themselves (render/signboard.h).
std::string qr_path_data(const QrModules& modules);

}  // namespace beitai::render
