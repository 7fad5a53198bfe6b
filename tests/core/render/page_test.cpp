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
