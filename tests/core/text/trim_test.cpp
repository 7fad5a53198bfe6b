#include <doctest/doctest.h>

#include "text/trim.h"

using beitai::text::is_blank;
using beitai::text::trimmed;

TEST_CASE("trimmed: ASCII and the spaces of Chinese input and pasted documents go, the text stays") {
    CHECK(trimmed("  理由 \r\n") == "理由");
    CHECK(trimmed("\u3000\u3000已辦理完竣\u3000") == "已辦理完竣");             // ideographic space
    CHECK(trimmed("\u00a0\u200b\ufeff理由\u202f") == "理由");                  // NBSP, ZWSP, BOM, narrow NBSP
    CHECK(trimmed("第一段\n\n第二段") == "第一段\n\n第二段");                   // inner breaks are kept
    CHECK(trimmed("中\u3000文") == "中\u3000文");
    // A character whose UTF-8 merely ends in a byte like a space's is not cut: 「　」 is
    // E3 80 80, 「耀」 is E8 80 80 and must stay.
    CHECK(trimmed("耀") == "耀");
    CHECK(trimmed("\xe2\x80") == "\xe2\x80");  // a cut sequence is left as it is
}

TEST_CASE("is_blank: nothing a reader could see") {
    CHECK(is_blank(""));
    CHECK(is_blank(" \t\r\n\v\f"));
    CHECK(is_blank("\u3000\u3000"));
    CHECK(is_blank("\u00a0\u2003\u200b\ufeff\u2028"));
    CHECK_FALSE(is_blank("。"));
    CHECK_FALSE(is_blank(" a "));
    CHECK_FALSE(is_blank("\u3000無\u3000"));
}
