// The browser's files named by their hashed copies: the lookup, and the static pages'
// src/href values put through it.
#include <doctest/doctest.h>

#include "render/asset_urls.h"

using namespace beitai;

namespace {
const render::AssetUrls kUrls = {
    {"/static/css/kiosk.css", "/static/css/kiosk.0a1b2c3d.css"},
    {"/wasm/kiosk.js", "/wasm/kiosk.4e5f6a7b.js"},
};
}  // namespace

TEST_CASE("asset_url: the hashed URL of a known file, the same URL otherwise or without a map") {
    const std::string css = "/static/css/kiosk.css", other = "/static/css/other.css";
    CHECK(render::asset_url(&kUrls, css) == "/static/css/kiosk.0a1b2c3d.css");
    CHECK(render::asset_url(&kUrls, other) == other);
    CHECK(render::asset_url(nullptr, css) == css);
}

TEST_CASE("with_asset_urls: only whole src and href values that are known files change") {
    const std::string html =
        "<link rel=\"stylesheet\" href=\"/static/css/kiosk.css\">\n"
        "<script src=\"/wasm/kiosk.js\" defer></script>"
        "<a href=\"/static/css/kiosk.css?x\">q</a>"          // not the whole value
        "<img data-src=\"/wasm/kiosk.js\" alt=\"/wasm/kiosk.js\">"  // other attributes
        "<p>href=\"/wasm/kiosk.js\"</p>"                      // text that looks like one, after '>'
        "<a\thref=\"/wasm/kiosk.js\">t</a>";
    const std::string out = render::with_asset_urls(html, kUrls);
    CHECK(out ==
          "<link rel=\"stylesheet\" href=\"/static/css/kiosk.0a1b2c3d.css\">\n"
          "<script src=\"/wasm/kiosk.4e5f6a7b.js\" defer></script>"
          "<a href=\"/static/css/kiosk.css?x\">q</a>"
          "<img data-src=\"/wasm/kiosk.js\" alt=\"/wasm/kiosk.js\">"
          "<p>href=\"/wasm/kiosk.js\"</p>"
          "<a\thref=\"/wasm/kiosk.4e5f6a7b.js\">t</a>");
    CHECK(render::with_asset_urls(html, {}) == html);
    // Cut short: an unclosed value is left as it is.
    CHECK(render::with_asset_urls("<a href=\"/wasm/kiosk.js", kUrls) == "<a href=\"/wasm/kiosk.js");
}
