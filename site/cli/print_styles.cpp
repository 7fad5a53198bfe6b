// beitai_styles: prints the stylesheet the core writes from its own colours (today the
// parking levels' and feed states', render::parking_stylesheet). The build runs it and the
// server serves its output at /generated/css/parking.css, so that web/css holds no colour the
// core decides.
#include <cstdio>

#include "render/parking_views.h"

int main() {
    const std::string css = beitai::render::parking_stylesheet();
    return std::fwrite(css.data(), 1, css.size(), stdout) == css.size() ? 0 : 1;
}
