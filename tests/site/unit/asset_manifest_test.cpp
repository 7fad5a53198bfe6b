// The build's asset folder as the server reads it (http/asset_manifest.h) and serves it
// (http/static_files.h): the manifest checked, every file it names there and holding the
// bytes its name promises, the precompressed copies chosen by Accept-Encoding, and nothing
// outside the manifest served under a hashed name.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "http/asset_manifest.h"
#include "http/static_files.h"
#include "text/sha256.h"

using namespace beitai;
using namespace beitai::site;
namespace fs = std::filesystem;

namespace {

// A scratch asset folder, removed at the end.
struct Folder {
    fs::path dir;
    Folder() {
        std::string t = (fs::temp_directory_path() / "beitai-assets-XXXXXX").string();
        REQUIRE(mkdtemp(t.data()) != nullptr);
        dir = t;
    }
    ~Folder() { fs::remove_all(dir); }
    void write(const std::string& rel, const std::string& bytes) const {
        fs::create_directories((dir / rel).parent_path());
        std::ofstream(dir / rel, std::ios::binary) << bytes;
    }
    // Writes `bytes` under its hashed name; returns the hashed URL.
    std::string add(const std::string& logical, const std::string& bytes) const {
        const auto dot = logical.rfind('.');
        const std::string url = logical.substr(0, dot) + "." + text::to_hex(text::sha256(bytes)).substr(0, 8) + logical.substr(dot);
        write(url.substr(1), bytes);
        return url;
    }
};

Request get(const std::string& path, const std::string& accept_encoding = "") {
    Request r;
    r.method = "GET";
    r.path = path;
    if (!accept_encoding.empty()) r.headers.emplace_back("accept-encoding", accept_encoding);
    return r;
}

std::string header(const Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
        if (k == name) return v;
    return "";
}

}  // namespace

TEST_CASE("the manifest: an object of URL paths, each hashed one plain and named once") {
    auto ok = parse_asset_manifest(R"({"/static/a.css": "/static/a.0123abcd.css", "/wasm/b.js": "/wasm/b.4567ef01.js"})", "m.json");
    REQUIRE(ok);
    CHECK(ok->at("/static/a.css") == "/static/a.0123abcd.css");
    CHECK(ok->size() == 2);
    CHECK(parse_asset_manifest("{}", "m.json"));

    struct Bad {
        const char* json;
        const char* says;
    };
    for (const Bad& bad : {Bad{"[1]", "expected an object"}, Bad{"{", "m.json: line"},
                           Bad{R"({"/a.css": 3})", "expected a string, found an integer"},
                           Bad{R"({"a.css": "/a.0123abcd.css"})", "must start with /"},
                           Bad{R"({"/a.css": "a.0123abcd.css"})", "not a plain URL path"},
                           Bad{R"({"/a.css": "/../etc/passwd"})", "not a plain URL path"},
                           Bad{R"({"/a.css": "/static/../../x.css"})", "not a plain URL path"},
                           Bad{R"({"/a.css": "/static//x.css"})", "not a plain URL path"},
                           Bad{R"({"/a.css": "/static/.hidden.css"})", "not a plain URL path"},
                           Bad{R"({"/a.css": "/static\\x.css"})", "not a plain URL path"},
                           Bad{R"({"/a.css": "/"})", "not a plain URL path"},
                           Bad{R"({"/a.css": "/x.0123abcd.css", "/b.css": "/x.0123abcd.css"})", "named twice"}}) {
        CAPTURE(bad.json);
        auto r = parse_asset_manifest(bad.json, "m.json");
        REQUIRE_FALSE(r);
        CAPTURE(r.error());
        CHECK(r.error().find(bad.says) != std::string::npos);
    }
}

TEST_CASE("an asset folder: loaded whole, refused when a file is missing or not what its name says") {
    Folder f;
    const std::string css = "body { color: #123456; }\n", wasm = std::string("\0asm\1\0\0\0", 8) + std::string(3000, 'x');
    const std::string css_url = f.add("/static/css/site.css", css);
    const std::string wasm_url = f.add("/wasm/core.wasm", wasm);
    f.write(wasm_url.substr(1) + ".br", "BR");
    f.write(wasm_url.substr(1) + ".gz", "GZ");
    f.write("manifest.json", R"({"/static/css/site.css": ")" + css_url + R"(", "/wasm/core.wasm": ")" + wasm_url + "\"}");

    auto set = load_asset_folder(f.dir.string());
    REQUIRE_MESSAGE(set, set.error());
    CHECK(set->urls.at("/static/css/site.css") == css_url);
    const Asset& core = set->files.at(wasm_url);
    CHECK(core.content_type == "application/wasm");
    CHECK(*core.identity == wasm);
    REQUIRE(static_cast<bool>(core.br));
    CHECK(*core.br == "BR");
    CHECK(*core.gzip == "GZ");
    CHECK_FALSE(static_cast<bool>(set->files.at(css_url).br));

    SUBCASE("served: the copy the request accepts, immutable, a tag per coding; the rest is not found") {
        StaticFiles files;
        files.set_assets(std::move(*set));
        CHECK(files.asset_urls().at("/wasm/core.wasm") == wasm_url);
        auto br = files.serve(get(wasm_url, "gzip, br"));
        REQUIRE(br);
        CHECK(*br->shared_body == "BR");
        CHECK(header(*br, "Content-Encoding") == "br");
        CHECK(header(*br, "Vary") == "Accept-Encoding");
        CHECK(header(*br, "Cache-Control") == "public, max-age=31536000, immutable");
        auto gz = files.serve(get(wasm_url, "br;q=0, gzip"));
        CHECK(*gz->shared_body == "GZ");
        CHECK(header(*gz, "Content-Encoding") == "gzip");
        auto plain = files.serve(get(wasm_url));
        CHECK(*plain->shared_body == wasm);
        CHECK(header(*plain, "Content-Encoding") == "");
        CHECK(header(*plain, "ETag") != header(*gz, "ETag"));
        CHECK(header(*br, "ETag") != header(*gz, "ETag"));
        auto only_plain = files.serve(get(css_url, "br, gzip"));  // no copies were made for it
        CHECK(*only_plain->shared_body == css);
        CHECK(header(*only_plain, "Content-Encoding") == "");
        CHECK(header(*only_plain, "Vary") == "");
        for (const std::string& missing : {wasm_url + ".br", wasm_url + ".gz", std::string("/manifest.json"),
                                          std::string("/static/css/site.css"), std::string("/wasm/../manifest.json")}) {
            CAPTURE(missing);
            CHECK_FALSE(files.serve(get(missing, "br")));
        }
    }
    SUBCASE("a file the manifest names is missing") {
        fs::remove(f.dir / css_url.substr(1));
        auto r = load_asset_folder(f.dir.string());
        REQUIRE_FALSE(r);
        CHECK(r.error().find("/static/css/site.css") != std::string::npos);
        CHECK(r.error().find("missing") != std::string::npos);
    }
    SUBCASE("a file that does not hold what its name's hash promises") {
        f.write(css_url.substr(1), "body { color: red; }\n");
        auto r = load_asset_folder(f.dir.string());
        REQUIRE_FALSE(r);
        CHECK(r.error().find("not those its name's hash promises") != std::string::npos);
    }
    SUBCASE("a name without a hash") {
        f.write("static/plain.css", css);
        f.write("manifest.json", R"({"/static/plain.css": "/static/plain.css"})");
        CHECK_FALSE(load_asset_folder(f.dir.string()));
    }
    SUBCASE("two folders claiming one URL") {
        AssetSet a = *load_asset_folder(f.dir.string());
        auto merged = a.merge(*load_asset_folder(f.dir.string()));
        REQUIRE_FALSE(merged);
        CHECK(merged.error().find("two asset folders") != std::string::npos);
    }
    SUBCASE("no manifest") {
        fs::remove(f.dir / "manifest.json");
        auto r = load_asset_folder(f.dir.string());
        REQUIRE_FALSE(r);
        CHECK(r.error().find("manifest.json") != std::string::npos);
    }
}

TEST_CASE("a static page is served naming the hashed files; other files as they are, revalidated") {
    Folder f;
    const std::string js_url = f.add("/static/js/app.js", "console.log(1);\n");
    f.write("manifest.json", R"({"/static/js/app.js": ")" + js_url + "\"}");
    Folder web;
    web.write("page.html", "<script src=\"/static/js/app.js\" defer></script><a href=\"/static/js/other.js\">x</a>");
    web.write("js/app.js", "console.log(1);\n");
    StaticFiles files;
    files.mount_file("/page", (web.dir / "page.html").string()).mount_dir("/static/", web.dir.string());
    files.set_assets(*load_asset_folder(f.dir.string()));
    auto page = files.serve(get("/page"));
    REQUIRE(page);
    CHECK(page->body == "<script src=\"" + js_url + "\" defer></script><a href=\"/static/js/other.js\">x</a>");
    CHECK(header(*page, "Cache-Control") == "no-cache");
    auto js = files.serve(get("/static/js/app.js"));
    REQUIRE(js);
    CHECK(js->body == "console.log(1);\n");
    CHECK(header(*js, "Cache-Control") == "no-cache");
    CHECK(files.serve(get(js_url)));
    CHECK_FALSE(files.serve(get("/static/../page.html")));
}
