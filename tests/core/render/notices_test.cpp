#include <doctest/doctest.h>

#include "render/notices.h"

using namespace beitai::render;

TEST_CASE("a refusal notice is announced and escaped") {
    CHECK(error_notice_html("version 3 is < 4 & \"old\"") ==
          "<p class=\"notice error\" role=\"alert\">version 3 is &lt; 4 &amp; &quot;old&quot;</p>");
}

TEST_CASE("an error page's main content: heading, announced message, a way back, all escaped") {
    const std::string html = error_main_html("<404>", "no proposal with id \"<script>\"", "/proposals?q=a&b", "返回");
    CHECK(html == "<h1>&lt;404&gt;</h1><p class=\"error\" role=\"alert\">no proposal with id &quot;&lt;script&gt;&quot;</p>"
                  "<p><a href=\"/proposals?q=a&amp;b\">返回</a></p>");
    CHECK(html.find("<script>") == std::string::npos);
}

TEST_CASE("a link back escapes its address and label") {
    CHECK(back_link_html("/map", "地圖") == "<p><a href=\"/map\">地圖</a></p>");
    CHECK(back_link_html("/a\"onmouseover=\"x", "<b>") == "<p><a href=\"/a&quot;onmouseover=&quot;x\">&lt;b&gt;</a></p>");
}
