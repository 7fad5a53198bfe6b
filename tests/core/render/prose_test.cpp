// Proposal text as written: one paragraph a line, escaped, and marked as Chinese on an
// English page.
#include <doctest/doctest.h>

#include "render/prose.h"

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
