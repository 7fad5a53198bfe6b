#include <doctest/doctest.h>

#include "content/catalog.h"
#include "test_content.h"

using namespace beitai::content;
using namespace beitai::text;

namespace {

std::vector<SourceFile> with_replaced(const std::string& path, const std::string& text) {
    auto files = beitai::testing::repository_content();
    for (auto& f : files)
        if (f.path == path) f.text = text;
    return files;
}

std::string error_of(const std::vector<SourceFile>& files) {
    auto r = read_catalog(files);
    REQUIRE_FALSE(r.ok());
    return r.error();
}

}  // namespace

TEST_CASE("the repository's content reads without a problem") {
    auto r = read_catalog(beitai::testing::repository_content());
    REQUIRE_MESSAGE(r.ok(), r.error());
    CHECK(r->counties.size() == 8);
    CHECK(r->groups.size() == 9);
}

TEST_CASE("a broken status names the file, the index and the reason") {
    auto files = beitai::testing::repository_content();
    Json items = Json::parse(files[3].text);
    items[17]["status"] = "finished";
    auto err = error_of(with_replaced("content/proposals/112.json", items.dump()));
    CHECK(err == "content/proposals/112.json: [17].status: expected \"open\" or \"closed\"");
}

TEST_CASE("truncated and non-JSON files are reported with a line") {
    auto files = beitai::testing::repository_content();
    std::string cut = files[2].text.substr(0, files[2].text.size() / 2);
    auto err = error_of(with_replaced("content/proposals/111.json", cut));
    CHECK(err.find("content/proposals/111.json: line ") == 0);
    CHECK(err.find("invalid JSON") != std::string::npos);
    CHECK(error_of(with_replaced("content/counties.json", "")).find("content/counties.json: line 1") == 0);
}

TEST_CASE("cross-file references are checked") {
    auto files = beitai::testing::repository_content();
    Json items = Json::parse(files[3].text);
    items[0]["county"] = "Tainan";
    items[1]["group"] = "外交組";
    items[2]["subgroup"] = "文化組";  // 112-03 is a 交通運輸組 item: no sub-groups there
    items[3]["id"] = items[4]["id"];
    auto err = error_of(with_replaced("content/proposals/112.json", items.dump()));
    CHECK(err.find("county: unknown county id \"Tainan\"") != std::string::npos);
    CHECK(err.find("group: unknown issue group \"外交組\"") != std::string::npos);
    CHECK(err.find("subgroup: \"文化組\" is not a sub-group of 交通運輸組") != std::string::npos);
    CHECK(err.find("duplicate id") != std::string::npos);
    CHECK(err.find("content/proposals/112.json: [112-01]") != std::string::npos);
}

TEST_CASE("a proposal filed in another year's file is refused") {
    auto files = beitai::testing::repository_content();
    Json items = Json::parse(files[2].text);
    items[0]["year"] = 112;
    items[0]["id"] = "112-99";
    auto err = error_of(with_replaced("content/proposals/111.json", items.dump()));
    CHECK(err == "content/proposals/111.json: [0].year: an item of year 112 in the file of year 111");
}

TEST_CASE("a missing or stray file is an error") {
    auto files = beitai::testing::repository_content();
    files.erase(files.begin());  // counties.json
    CHECK(error_of(files).find("counties.json is missing") != std::string::npos);

    auto stray = beitai::testing::repository_content();
    stray.push_back({"content/notes.json", "[]"});
    CHECK(error_of(stray).find("content/notes.json: (top): not a content file") == 0);
}
