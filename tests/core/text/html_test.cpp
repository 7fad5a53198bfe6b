// text/html: the one place text is escaped for HTML and XML. A hostile title must come
// out as text in element content and inside a quoted attribute; an XML document must stay
// well-formed whatever control characters a pasted title carries.
#include <doctest/doctest.h>

#include <string>

#include "text/html.h"
#include "text/utf8.h"

using namespace beitai;

namespace {

// What a browser would read as markup: a raw < > " ' or an & that starts no entity of ours.
bool inert(const std::string& s) {
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '<' || c == '>' || c == '"' || c == '\'') return false;
        if (c == '&') {
            bool known = false;
            for (const char* e : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"})
                known = known || s.compare(i, std::char_traits<char>::length(e), e) == 0;
            if (!known) return false;
        }
    }
    return true;
}

std::string byte(int b) { return std::string(1, static_cast<char>(b)); }

}  // namespace

TEST_CASE("escape_html: the five characters, and nothing else") {
    CHECK(text::escape_html("&") == "&amp;");
    CHECK(text::escape_html("<") == "&lt;");
    CHECK(text::escape_html(">") == "&gt;");
    CHECK(text::escape_html("\"") == "&quot;");
    CHECK(text::escape_html("'") == "&#39;");
    CHECK(text::escape_html("") == "");
    CHECK(text::escape_html("北臺 Beitai 112/8/8 (a=b; c:d) #1 100%") == "北臺 Beitai 112/8/8 (a=b; c:d) #1 100%");
    // Every other byte, control characters and UTF-8 lead and continuation bytes included,
    // passes unchanged: escaping is not cleaning.
    for (int b = 0; b < 256; ++b) {
        if (b == '&' || b == '<' || b == '>' || b == '"' || b == '\'') continue;
        CAPTURE(b);
        CHECK(text::escape_html(byte(b)) == byte(b));
    }
    CHECK(text::escape_html(std::string_view("a\0b", 3)) == std::string("a\0b", 3));  // a NUL does not end it
}

TEST_CASE("escape_html: hostile titles become text, in content and in attributes") {
    CHECK(text::escape_html("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    CHECK(text::escape_html("\" onmouseover=\"alert(1)") == "&quot; onmouseover=&quot;alert(1)");
    CHECK(text::escape_html("' autofocus onfocus='alert(1)") == "&#39; autofocus onfocus=&#39;alert(1)");
    CHECK(text::escape_html("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;");
    CHECK(text::escape_html("]]><!--") == "]]&gt;&lt;!--");
    for (const char* hostile : {"<script>alert(1)</script>", "\"><svg onload=alert(1)>", "'><a href='javascript:x'>",
                                "&lt;already&gt;", "a & b < c > d \" e ' f", "<<>>&&\"\"''", "&#x3C;script&#x3E;"}) {
        const std::string shown_hostile = hostile;
        CAPTURE(shown_hostile);
        CHECK(inert(text::escape_html(hostile)));
        CHECK(inert(text::escape_xml(hostile)));
    }
}

TEST_CASE("escaping happens once: text that looks escaped is escaped again") {
    // A title that really says "&lt;" must be shown as "&lt;", not as "<".
    CHECK(text::escape_html("&lt;") == "&amp;lt;");
    CHECK(text::escape_html("&amp;") == "&amp;amp;");
    CHECK(text::escape_html("&#39;") == "&amp;#39;");
    CHECK(text::escape_html(text::escape_html("<a>")) == "&amp;lt;a&amp;gt;");
}

TEST_CASE("escape_xml: the same five escapes, and control characters become U+FFFD") {
    const std::string replacement = "\xEF\xBF\xBD";
    CHECK(text::escape_xml("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    for (int b = 0; b < 0x20; ++b) {
        CAPTURE(b);
        const bool allowed = b == '\t' || b == '\n' || b == '\r';  // XML 1.0's Char production
        CHECK(text::escape_xml("a" + byte(b) + "b") == "a" + (allowed ? byte(b) : replacement) + "b");
    }
    CHECK(text::escape_xml(std::string_view("\0", 1)) == replacement);
    // A word processor's line break (\x0B) and form feed in a title, next to markup.
    CHECK(text::escape_xml("第一行\x0B<第二行>\x0C") == "第一行" + replacement + "&lt;第二行&gt;" + replacement);
    // DEL and the bytes of multi-byte characters are allowed in XML: kept.
    CHECK(text::escape_xml("\x7F") == "\x7F");
    CHECK(text::escape_xml("臺北市 – “引號”") == "臺北市 – “引號”");
    CHECK(text::escape_xml("") == "");
}

TEST_CASE("escape_xml: only XML 1.0's characters come out, whatever bytes go in") {
    const std::string replacement = "\xEF\xBF\xBD";
    // The two noncharacters XML refuses outright (issue 15: one title broke the feed).
    CHECK(text::escape_xml("a\xEF\xBF\xBE" "b") == "a" + replacement + "b");  // U+FFFE
    CHECK(text::escape_xml("a\xEF\xBF\xBF" "b") == "a" + replacement + "b");  // U+FFFF
    // Noncharacters XML does allow stay (the text rule refuses them at input instead).
    CHECK(text::escape_xml("\xEF\xB7\x90") == "\xEF\xB7\x90");      // U+FDD0
    CHECK(text::escape_xml("\xF0\x9F\xBF\xBE") == "\xF0\x9F\xBF\xBE");  // U+1FFFE
    CHECK(text::escape_xml("\xC2\x85") == "\xC2\x85");                // U+0085, a C1 control XML 1.0 allows
    // The edges of the Char production.
    CHECK(text::escape_xml("\xED\x9F\xBF") == "\xED\x9F\xBF");      // U+D7FF
    CHECK(text::escape_xml("\xEE\x80\x80") == "\xEE\x80\x80");      // U+E000
    CHECK(text::escape_xml("\xEF\xBF\xBD") == "\xEF\xBF\xBD");      // U+FFFD
    CHECK(text::escape_xml("\xF4\x8F\xBF\xBF") == "\xF4\x8F\xBF\xBF");  // U+10FFFF
    // Bytes that are not UTF-8: each bad byte becomes one U+FFFD, the rest is kept.
    CHECK(text::escape_xml("a\xFFz") == "a" + replacement + "z");
    CHECK(text::escape_xml("\xED\xA0\x80") == replacement + replacement + replacement);  // a surrogate, U+D800
    CHECK(text::escape_xml("\xC0\xBC") == replacement + replacement);                   // an overlong '<'
    CHECK(text::escape_xml("臺\xE5\x8C") == "臺" + replacement + replacement);          // cut short at the end
    CHECK(text::escape_xml("\xF4\x90\x80\x80") == replacement + replacement + replacement + replacement);  // > U+10FFFF
    // Every byte alone, and every byte after a lead byte: the output is always UTF-8 of XML
    // characters and markup-free.
    for (int b = 0; b < 256; ++b)
        for (const std::string& s : {byte(b), "\xE8" + byte(b) + "\x87", "\xEF\xBF" + byte(b)}) {
            CAPTURE(b);
            const std::string out = text::escape_xml(s);
            CHECK(inert(out));
            CHECK(text::is_valid_utf8(out));
        }
}

TEST_CASE("HTML escaping neutralises markup and quotes") {
    CHECK(text::escape_html("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK(text::escape_html("a&b \"c\" 'd'") == "a&amp;b &quot;c&quot; &#39;d&#39;");
    CHECK(text::escape_html("臺北市") == "臺北市");
}
