// Proposal text as written: one paragraph a line, escaped, and marked as Chinese on an
// English page.
#include <doctest/doctest.h>

#include "render/prose.h"
#include "text/html.h"

using namespace beitai;

TEST_CASE("paragraphs: one <p> a line, empty lines dropped, text escaped") {
    CHECK(render::paragraphs_html("一、示範\n\n二、<測試>\n") == "<p>一、示範</p><p>二、&lt;測試&gt;</p>");
    CHECK(render::paragraphs_html("").empty());
    CHECK(render::paragraphs_html("\n\n").empty());
}

TEST_CASE("source text is marked zh-Hant-TW on an English page and left alone on a Chinese one") {
    CHECK(render::source_text("示範", text::Lang::zh_TW) == "示範");
    CHECK(render::source_text("示範", text::Lang::en) == "<span lang=\"zh-Hant-TW\">示範</span>");
    CHECK(render::source_text("示範", text::Lang::en, "p") == "<p lang=\"zh-Hant-TW\">示範</p>");
}

TEST_CASE("fill_html escapes the template's words and places the given markup as it is") {
    const std::string agency = render::source_text(text::escape_html("桃園市<政府>"), text::Lang::en);
    CHECK(render::fill_html("Published as <{agency}> by {agency}.", "agency", agency) ==
          "Published as &lt;" + agency + "&gt; by " + agency + ".");
    CHECK(agency == "<span lang=\"zh-Hant-TW\">桃園市&lt;政府&gt;</span>");
    CHECK(render::fill_html("no token", "agency", "<b>") == "no token");
}
