// render/qr_svg: the modules a QR library encoded, drawn as one path — runs of dark modules
// in a row as one rectangle each, offset by the 4-module quiet zone the standard asks for.
#include <doctest/doctest.h>

#include <initializer_list>
#include <string>

#include "render/qr_svg.h"

using namespace beitai;
using render::QrModules;

namespace {

// A code of `size` with the modules of `rows` ('#' dark, '.' light).
QrModules modules(std::initializer_list<const char*> rows) {
    QrModules m;
    m.size = static_cast<int>(rows.size());
    for (const char* row : rows) {
        REQUIRE(std::string(row).size() == rows.size());
        for (const char* c = row; *c; ++c) m.dark.push_back(*c == '#');
    }
    return m;
}

}  // namespace

TEST_CASE("qr_path_data: a row of three dark modules is one h3 rectangle, offset by the quiet zone") {
    const auto m = modules({".###.", ".....", ".....", ".....", "....."});
    CHECK(render::qr_path_data(m) == "M5 4h3v1h-3z");
}

TEST_CASE("qr_path_data: separate runs in a row are separate rectangles, row after row") {
    const auto m = modules({"#.##", "....", "...#", "####"});
    CHECK(render::qr_path_data(m) == "M4 4h1v1h-1zM6 4h2v1h-2zM7 6h1v1h-1zM4 7h4v1h-4z");
}

TEST_CASE("qr_path_data: no dark modules, or no modules at all, draw nothing") {
    CHECK(render::qr_path_data(modules({"...", "...", "..."})).empty());
    CHECK(render::qr_path_data(QrModules{}).empty());
}

TEST_CASE("QrModules::at is false outside the code, so a run stops at the edge") {
    const auto m = modules({"##", "##"});
    CHECK(m.at(1, 1));
    CHECK_FALSE(m.at(2, 0));
    CHECK_FALSE(m.at(-1, 0));
    CHECK_FALSE(m.at(0, 2));
    CHECK(render::qr_path_data(m) == "M4 4h2v1h-2zM4 5h2v1h-2z");
}

TEST_CASE("qr_svg: the viewBox is the code plus the quiet zone, the title escaped, the path inside") {
    QrModules m;
    m.size = 21;
    m.dark.assign(21 * 21, false);
    m.dark[0] = true;
    const std::string svg = render::qr_svg(m, "<復原> & \"code\"", 180);
    CHECK(svg.find("viewBox=\"0 0 29 29\"") != std::string::npos);
    CHECK(svg.find("width=\"180\" height=\"180\"") != std::string::npos);
    CHECK(svg.find("<title>&lt;復原&gt; &amp; &quot;code&quot;</title>") != std::string::npos);
    CHECK(svg.find("<rect width=\"29\" height=\"29\" fill=\"#ffffff\"/>") != std::string::npos);
    CHECK(svg.find("d=\"M4 4h1v1h-1z\"") != std::string::npos);
    CHECK(svg.find("role=\"img\"") != std::string::npos);
    CHECK(svg.find("<復原>") == std::string::npos);
    CHECK(render::qr_svg(m, "x").find("width=\"200\"") != std::string::npos);  // the default size
}
