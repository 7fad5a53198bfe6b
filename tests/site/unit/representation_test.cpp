// What every answer goes through (http/representation.h): a tag and 304 for public answers,
// gzip when asked for and worth it, nothing for private ones.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "http/representation.h"

using namespace beitai::site;

namespace {

Request get(std::vector<std::pair<std::string, std::string>> headers = {}, const std::string& method = "GET") {
    Request r;
    r.method = method;
    r.path = "/x";
    r.headers = std::move(headers);
    return r;
}

std::string header(const Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
        if (k == name) return v;
    return "";
}

Response html(std::string body) {
    Response r;
    r.content_type = "text/html; charset=utf-8";
    r.body = std::move(body);
    return r;
}

const std::string kBig(4000, 'a');

}  // namespace

TEST_CASE("a public answer: a tag, no-cache unless it says otherwise, 304 for its tag") {
    Representations reps;
    Response first = html(kBig);
    reps.finish(get(), first, true);
    const std::string tag = header(first, "ETag");
    CHECK(tag.size() == 34);
    CHECK(header(first, "Cache-Control") == "no-cache");
    CHECK(header(first, "Vary") == "Accept-Encoding");
    CHECK(header(first, "Content-Encoding") == "");
    CHECK(first.body == kBig);

    Response again = html(kBig);
    reps.finish(get({{"if-none-match", "\"other\", " + tag}}), again, true);
    CHECK(again.status == 304);
    CHECK(again.body.empty());
    CHECK_FALSE(static_cast<bool>(again.shared_body));
    CHECK(header(again, "ETag") == tag);

    Response changed = html(kBig + "b");
    reps.finish(get({{"if-none-match", tag}}), changed, true);
    CHECK(changed.status == 200);
    CHECK(header(changed, "ETag") != tag);

    Response own = html(kBig);
    own.headers.emplace_back("Cache-Control", "public, max-age=60");
    reps.finish(get(), own, true);
    CHECK(header(own, "Cache-Control") == "public, max-age=60");
}

TEST_CASE("gzip when the request allows it and the answer is text of 1 KiB or more; its own tag") {
    Representations reps;
    Response packed = html(kBig);
    reps.finish(get({{"accept-encoding", "gzip, br"}}), packed, true);
    CHECK(header(packed, "Content-Encoding") == "gzip");
    REQUIRE(static_cast<bool>(packed.shared_body));
    CHECK(packed.shared_body->size() < 100);
    const std::string gz_tag = header(packed, "ETag");
    CHECK(gz_tag.substr(gz_tag.size() - 4) == "-gz\"");

    Response again = html(kBig);
    reps.finish(get({{"accept-encoding", "gzip"}, {"if-none-match", gz_tag}}), again, true);
    CHECK(again.status == 304);
    CHECK(header(again, "Content-Encoding") == "");
    Response identity = html(kBig);
    reps.finish(get({{"if-none-match", gz_tag}}), identity, true);
    CHECK(identity.status == 200);  // the gzip tag does not stand for the plain bytes

    Response small = html(std::string(1023, 'a'));
    reps.finish(get({{"accept-encoding", "gzip"}}), small, true);
    CHECK(header(small, "Content-Encoding") == "");
    CHECK(header(small, "Vary") == "");
    CHECK_FALSE(header(small, "ETag").empty());

    Response png;
    png.content_type = "image/png";
    png.body = kBig;
    reps.finish(get({{"accept-encoding", "gzip"}}), png, true);
    CHECK(header(png, "Content-Encoding") == "");

    Response already = html(kBig);
    already.headers.emplace_back("Content-Encoding", "br");
    already.headers.emplace_back("ETag", "\"given-br\"");
    already.headers.emplace_back("Vary", "Accept-Encoding");
    reps.finish(get({{"accept-encoding", "gzip"}}), already, true);
    CHECK(header(already, "Content-Encoding") == "br");
    CHECK(header(already, "ETag") == "\"given-br\"");
    CHECK(already.body == kBig);
}

TEST_CASE("private answers, other methods and other statuses are left as they are") {
    Representations reps;
    Response private_page = html(kBig);
    private_page.headers.emplace_back("Cache-Control", "no-store");
    reps.finish(get({{"accept-encoding", "gzip"}, {"if-none-match", "*"}}), private_page, false);
    CHECK(private_page.status == 200);
    CHECK(header(private_page, "ETag") == "");
    CHECK(header(private_page, "Content-Encoding") == "");
    CHECK(private_page.body == kBig);

    Response post = html(kBig);
    reps.finish(get({{"if-none-match", "*"}}, "POST"), post, true);
    CHECK(post.status == 200);
    CHECK(header(post, "ETag") == "");

    Response missing = html(kBig);
    missing.status = 404;
    reps.finish(get({{"if-none-match", "*"}, {"accept-encoding", "gzip"}}), missing, true);
    CHECK(missing.status == 404);
    CHECK(header(missing, "Content-Encoding") == "");

    Response events = html(kBig);
    events.events = std::make_shared<EventStream>();
    reps.finish(get({{"if-none-match", "*"}, {"accept-encoding", "gzip"}}), events, true);
    CHECK(events.status == 200);
    CHECK(header(events, "ETag") == "");
}

TEST_CASE("a body shared with a cache: its tag kept with it, and not mistaken for a later one") {
    Representations reps;
    auto body = std::make_shared<const std::string>(kBig);
    Response a = Response::json(200, body);
    reps.finish(get(), a, true);
    Response b = Response::json(200, body);
    reps.finish(get(), b, true);
    CHECK(header(a, "ETag") == header(b, "ETag"));
    const std::string old_tag = header(a, "ETag");
    a = Response{};
    b = Response{};
    body.reset();
    // A new body, possibly at the freed one's address.
    auto fresh = std::make_shared<const std::string>(kBig + "!");
    Response c = Response::json(200, fresh);
    reps.finish(get(), c, true);
    CHECK(header(c, "ETag") != old_tag);
    Response same_bytes = html(kBig + "!");
    reps.finish(get(), same_bytes, true);
    CHECK(header(c, "ETag") == header(same_bytes, "ETag"));  // the tag is the bytes', wherever they are kept
}
