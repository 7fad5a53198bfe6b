// The frame around every page: language, title, navigation, the language switch.
#include <doctest/doctest.h>

#include "render/page.h"
#include "text/html.h"

using namespace beitai;

TEST_CASE("the page frame: its language, an escaped title, the current section, a switch to the other language") {
    render::PageFrame f;
    f.lang = text::Lang::en;
    f.title = "<示範>";
    f.path_and_query = "/proposals?county=Taipei";
    f.main_html = "<p>main</p>";
    f.scripts = {"/static/js/a.js"};
    f.active_nav = "proposals";
    const std::string html = render::page_html(f);
    CHECK(html.rfind("<!doctype html><html lang=\"en\">", 0) == 0);
    CHECK(html.find("<title>&lt;示範&gt; · Northern Taiwan Regional Development Promotion Committee</title>") !=
          std::string::npos);
    CHECK(html.find("<a href=\"/proposals\" aria-current=\"page\">Proposals</a>") != std::string::npos);
    CHECK(html.find("<script src=\"/static/js/a.js\" defer></script>") != std::string::npos);
    CHECK(html.find("<main id=\"main\"><p>main</p></main>") != std::string::npos);
    CHECK(html.find("class=\"signed-in\"") == std::string::npos);
    const std::string back = render::language_switch_url(text::Lang::zh_TW, f.path_and_query);
    CHECK(back.rfind("/lang?to=zh-TW&back=", 0) == 0);
    CHECK(html.find("hreflang=\"zh-Hant-TW\" href=\"" + text::escape_html(back) + "\"") != std::string::npos);
    f.lang = text::Lang::zh_TW;
    f.signed_in_as = "示範帳號";
    const std::string zh = render::page_html(f);
    CHECK(zh.rfind("<!doctype html><html lang=\"zh-Hant-TW\">", 0) == 0);
    CHECK(zh.find("<p class=\"signed-in\">示範帳號</p>") != std::string::npos);
}

TEST_CASE("the page frame names its files by the URLs it is given, and on-demand scripts only in <meta>") {
    const render::AssetUrls urls = {{"/static/css/portal.css", "/static/css/portal.11111111.css"},
                                    {"/generated/css/parking.css", "/generated/css/parking.22222222.css"},
                                    {"/wasm/beitai_core.js", "/wasm/beitai_core.33333333.js"},
                                    {"/wasm/beitai_core.wasm", "/wasm/beitai_core.44444444.wasm"}};
    render::PageFrame f;
    f.scripts = {"/wasm/beitai_core.js", "/static/js/unknown.js"};
    f.preloads = {"/wasm/beitai_core.wasm", "/api/counties"};
    f.on_demand_scripts = {"/wasm/beitai_core.js"};
    SUBCASE("without a map every file keeps its logical URL") {
        const std::string html = render::page_html(f);
        CHECK(html.find("<link rel=\"stylesheet\" href=\"/static/css/portal.css\">") != std::string::npos);
        CHECK(html.find("<link rel=\"stylesheet\" href=\"/generated/css/parking.css\">") != std::string::npos);
        CHECK(html.find("<meta name=\"script:/wasm/beitai_core.js\" content=\"/wasm/beitai_core.js\">") !=
              std::string::npos);
    }
    SUBCASE("with one, the hashed copies; files it does not know as they are") {
        f.assets = &urls;
        const std::string html = render::page_html(f);
        CHECK(html.find("href=\"/static/css/portal.11111111.css\"") != std::string::npos);
        CHECK(html.find("href=\"/generated/css/parking.22222222.css\"") != std::string::npos);
        CHECK(html.find("<script src=\"/wasm/beitai_core.33333333.js\" defer></script>") != std::string::npos);
        CHECK(html.find("<script src=\"/static/js/unknown.js\" defer></script>") != std::string::npos);
        CHECK(html.find("<link rel=\"preload\" href=\"/wasm/beitai_core.44444444.wasm\" as=\"fetch\" crossorigin>") !=
              std::string::npos);
        CHECK(html.find("<link rel=\"preload\" href=\"/api/counties\" as=\"fetch\" crossorigin>") != std::string::npos);
        CHECK(html.find("<meta name=\"script:/wasm/beitai_core.js\" content=\"/wasm/beitai_core.33333333.js\">") !=
              std::string::npos);
        CHECK(html.find("/static/css/portal.css") == std::string::npos);
    }
}
