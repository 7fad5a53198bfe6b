// beitai_styles: prints a stylesheet the core writes from its own data — `parking` (the
// parking levels' and feed states' colours, render::parking_stylesheet) or `atom` (the look
// of a feed opened in a browser, in its language, tracker::atom_stylesheet). The build runs it
// and the server serves its output under /generated/css/, so that web/css holds no colour or
// word the core decides.
#include <cstdio>
#include <string_view>

#include "render/parking_views.h"
#include "tracker/atom.h"

int main(int argc, char** argv) {
    const std::string_view which = argc > 1 ? argv[1] : "parking";
    std::string css;
    if (which == "parking") css = beitai::render::parking_stylesheet();
    else if (which == "atom") css = beitai::tracker::atom_stylesheet();
    else {
        std::fprintf(stderr, "beitai_styles: unknown stylesheet \"%.*s\" (known: parking, atom)\n", int(which.size()), which.data());
        return 2;
    }
    return std::fwrite(css.data(), 1, css.size(), stdout) == css.size() ? 0 : 1;
}
