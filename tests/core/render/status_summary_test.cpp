// The open and closed counts, in either language.
#include <doctest/doctest.h>

#include "render/status_summary.h"

using namespace beitai;

TEST_CASE("the status summary shows the counts in either language") {
    tracker::StatusCounts c{41, 14};
    auto zh = render::status_summary_html(c, text::Lang::zh_TW);
    CHECK(zh.find("<dt>列管</dt><dd data-status=\"open\" data-count=\"41\">41</dd>") != std::string::npos);
    CHECK(zh.find("<dt>解除列管</dt><dd data-status=\"closed\" data-count=\"14\">14</dd>") != std::string::npos);
    CHECK(zh.find("data-count=\"55\"") != std::string::npos);
    auto en = render::status_summary_html(c, text::Lang::en);
    CHECK(en.find("<dt>Open</dt>") != std::string::npos);
    CHECK(en.find("<dt>Closed</dt>") != std::string::npos);
}
