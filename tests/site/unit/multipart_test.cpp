// The multipart/form-data reader (http/multipart.h): what browsers send, and the hostile or
// broken bodies it must refuse with the part named.
#include <doctest/doctest.h>

#include <string>

#include "http/multipart.h"

using namespace beitai::site;

namespace {

const std::string kType = "multipart/form-data; boundary=----WebKitFormBoundaryQ8kz3v7XHs0bQpQ4";
const std::string kDash = "------WebKitFormBoundaryQ8kz3v7XHs0bQpQ4";

// A part as Chromium writes it.
std::string part(const std::string& disposition, const std::string& body, const std::string& type = "") {
    return kDash + "\r\nContent-Disposition: form-data; " + disposition + "\r\n" + (type.empty() ? "" : "Content-Type: " + type + "\r\n") +
           "\r\n" + body + "\r\n";
}

// Binary data with what looks like line ends and a partial boundary inside.
const std::string kPhotoBytes = std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0\r\n--\r\n------WebKit\r\n\r\n\xFF\xD9", 33);

std::string browser_body() {
    return part("name=\"site\"", "site-001") + part("name=\"photo\"; filename=\"IMG_0001.JPG\"", kPhotoBytes, "image/jpeg") +
           kDash + "--\r\n";
}

std::string error_of(const std::string& type, const std::string& body, const MultipartLimits& limits = {}) {
    auto r = read_multipart(type, body, limits);
    REQUIRE_FALSE(r.ok());
    return r.error();
}

}  // namespace

TEST_CASE("multipart: a browser's form with a text field and a file, bytes kept exactly") {
    const std::string body = browser_body();
    auto parts = read_multipart(kType, body);
    REQUIRE_MESSAGE(parts.ok(), parts.error());
    REQUIRE(parts->size() == 2);
    const FormPart* site = find_part(*parts, "site");
    REQUIRE(site);
    CHECK_FALSE(site->is_file);
    CHECK(site->body == "site-001");
    const FormPart* photo = find_part(*parts, "photo");
    REQUIRE(photo);
    CHECK(photo->is_file);
    CHECK(photo->filename == "IMG_0001.JPG");
    CHECK(photo->content_type == "image/jpeg");
    CHECK(photo->body == kPhotoBytes);
    CHECK(find_part(*parts, "other") == nullptr);
}

TEST_CASE("multipart: a quoted boundary, header names in any case, no file chosen, an epilogue") {
    const std::string body = "--b0und'ary\r\nCONTENT-DISPOSITION: Form-Data; filename=\"\"; name=\"photo\"\r\ncontent-type: Application/Octet-Stream\r\n\r\n"
                             "\r\n--b0und'ary--\r\nthe epilogue, ignored";
    auto parts = read_multipart("Multipart/Form-Data; charset=utf-8; boundary=\"b0und'ary\"", body);
    REQUIRE_MESSAGE(parts.ok(), parts.error());
    REQUIRE(parts->size() == 1);
    CHECK((*parts)[0].name == "photo");
    CHECK((*parts)[0].is_file);
    CHECK((*parts)[0].filename.empty());
    CHECK((*parts)[0].content_type == "application/octet-stream");
    CHECK((*parts)[0].body.empty());
    CHECK(multipart_boundary("multipart/form-data; boundary=abc ; x=y").value() == "abc");
}

TEST_CASE("multipart: a wrong or missing boundary is refused") {
    CHECK(error_of("application/x-www-form-urlencoded", "a=b") == "request body: expected multipart/form-data");
    CHECK(error_of("multipart/form-data", browser_body()) == "request body: the Content-Type names no multipart boundary");
    CHECK(error_of("multipart/form-data; boundary=", browser_body()).find("boundary is not") != std::string::npos);
    CHECK(error_of("multipart/form-data; boundary=" + std::string(71, 'a'), "x").find("1–70") != std::string::npos);
    CHECK(error_of("multipart/form-data; boundary=a<b", "x").find("boundary is not") != std::string::npos);
    CHECK(error_of("multipart/form-data; boundary=\"abc", "x").find("no closing quote") != std::string::npos);
    CHECK(error_of("multipart/form-data; boundary=a; boundary=b", "x").find("twice") != std::string::npos);
    CHECK(error_of("multipart/form-data; boundary=other", browser_body()) == "request body: does not begin with the multipart boundary");
    CHECK(error_of(kType, "preamble\r\n" + browser_body()) == "request body: does not begin with the multipart boundary");
}

TEST_CASE("multipart: a body cut short has no closing boundary, whatever its length") {
    CHECK(error_of(kType, part("name=\"site\"", "site-001")) == "site: cut short (no closing multipart boundary)");
    CHECK(error_of(kType, kDash + "\r\nContent-Disposition: form-data; name=\"site\"\r\n").find("cut short") != std::string::npos);
    const std::string body = browser_body();
    for (size_t n = 0; n + 2 < body.size(); ++n) {  // the last two bytes (CRLF after the close) are optional
        CAPTURE(n);
        CHECK_FALSE(read_multipart(kType, std::string_view(body).substr(0, n)).ok());
    }
}

TEST_CASE("multipart: huge header lines, too many headers or parts, and a field sent twice are refused") {
    const std::string huge = kDash + "\r\nContent-Disposition: form-data; name=\"" + std::string(5000, 'x') + "\"\r\n\r\nv\r\n" + kDash + "--\r\n";
    CHECK(error_of(kType, huge) == "request body: a part's header line is longer than 1024 bytes");
    std::string many = kDash + "\r\nContent-Disposition: form-data; name=\"a\"\r\n";
    for (int i = 0; i < 8; ++i) many += "X-Padding: " + std::to_string(i) + "\r\n";
    CHECK(error_of(kType, many + "\r\nv\r\n" + kDash + "--\r\n") == "request body: a part has more than 8 header lines");
    std::string parts;
    for (int i = 0; i < 17; ++i) parts += part("name=\"f" + std::to_string(i) + "\"", "v");
    CHECK(error_of(kType, parts + kDash + "--\r\n") == "request body: more than 16 parts");
    MultipartLimits two;
    two.max_parts = 2;
    CHECK(read_multipart(kType, browser_body(), two).ok());
    CHECK(error_of(kType, part("name=\"site\"", "site-001") + part("name=\"site\"", "site-002") + kDash + "--\r\n") == "site: sent twice");
}

TEST_CASE("multipart: a part must say it is form-data and name itself, once") {
    const std::string end = kDash + "--\r\n";
    CHECK(error_of(kType, kDash + "\r\nContent-Type: text/plain\r\n\r\nv\r\n" + end) == "request body: a part has no Content-Disposition");
    CHECK(error_of(kType, kDash + "\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nv\r\n" + end) ==
          "request body: a part's Content-Disposition is not form-data");
    CHECK(error_of(kType, part("filename=\"a.jpg\"", "v") + end) == "request body: a part has no name");
    CHECK(error_of(kType, part("name=\"\"", "v") + end) == "request body: a part has no name");
    CHECK(error_of(kType, part("name=\"a\"; name=\"b\"", "v") + end).find("the name is given twice") != std::string::npos);
    CHECK(error_of(kType, part("name=\"a", "v") + end).find("no closing quote") != std::string::npos);
    CHECK(error_of(kType, kDash + "\r\nContent-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\nv\r\n" + end) ==
          "request body: a part has two Content-Disposition headers");
    CHECK(error_of(kType, kDash + "\r\nno colon here\r\n\r\nv\r\n" + end) == "request body: a part's header line has no colon");
    CHECK(error_of(kType, kDash + "  \r\n" + part("name=\"a\"", "v").substr(kDash.size()) + end) ==
          "request body: a multipart boundary line goes on after the boundary");
}
