// content/issue_group: the issue groups of groups.json with their sub-groups and meetings.
// A meeting may only name a sub-group of its own group; every problem names its path.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "content/issue_group.h"

using namespace beitai;
using text::Json;

namespace {

const char* const kFile = "content/groups.json";

Json groups() {
    return Json::parse(R"([
      {"id": "交通運輸組", "name_en": "Transport", "host_agencies": ["示範市政府交通局"],
       "subgroups": [],
       "meetings": [{"date": "2023-01-17", "subgroup": null, "title": "第1次工作會議"}]},
      {"id": "文化教育組", "name_en": "Culture and Education", "host_agencies": ["示範市政府文化局", "示範市政府教育局"],
       "subgroups": [{"id": "文化組", "name_en": "Culture"}, {"id": "教育組", "name_en": "Education"}],
       "meetings": [{"date": "2023-02-09", "subgroup": "教育組", "title": "第1次教育組會議"},
                    {"date": "2023-03-16", "subgroup": null, "title": "第2次工作會議"}]}
    ])");
}

std::vector<std::string> problems_of(const Json& root) {
    text::Diagnostics d(kFile);
    content::read_issue_groups(root, d);
    return d.messages();
}

}  // namespace

TEST_CASE("issue groups read with sub-groups and meetings; a null sub-group is the whole group") {
    text::Diagnostics d(kFile);
    auto read = content::read_issue_groups(groups(), d);
    CHECK(d.empty());
    REQUIRE(read.size() == 2);
    CHECK(read[0].id == "交通運輸組");
    CHECK(read[0].subgroups.empty());
    REQUIRE(read[0].meetings.size() == 1);
    CHECK_FALSE(read[0].meetings[0].subgroup.has_value());
    CHECK(read[0].meetings[0].date == text::Date{2023, 1, 17});
    const auto& culture = read[1];
    CHECK(culture.host_agencies == std::vector<std::string>{"示範市政府文化局", "示範市政府教育局"});
    REQUIRE(culture.subgroups.size() == 2);
    CHECK(culture.subgroups[1].id == "教育組");
    CHECK(culture.subgroups[1].name_en == "Education");
    REQUIRE(culture.meetings.size() == 2);
    CHECK(culture.meetings[0].subgroup == std::optional<std::string>("教育組"));
    CHECK(culture.meetings[0].title == "第1次教育組會議");
    CHECK_FALSE(culture.meetings[1].subgroup.has_value());
}

TEST_CASE("a group written to JSON is the file's form and reads back the same") {
    text::Diagnostics d(kFile);
    auto read = content::read_issue_groups(groups(), d);
    REQUIRE(d.empty());
    Json written = Json::array();
    for (const auto& g : read) written.push_back(content::to_json(g));
    CHECK(written == groups());  // a null sub-group stays null, dates stay ISO
}

TEST_CASE("has_subgroup, find_group: exact names only") {
    text::Diagnostics d(kFile);
    auto read = content::read_issue_groups(groups(), d);
    REQUIRE(read.size() == 2);
    CHECK(read[1].has_subgroup("文化組"));
    CHECK(read[1].has_subgroup("教育組"));
    CHECK_FALSE(read[1].has_subgroup("文化"));
    CHECK_FALSE(read[1].has_subgroup(""));
    CHECK_FALSE(read[0].has_subgroup("文化組"));  // another group's sub-group
    CHECK(content::find_group(read, "文化教育組") == &read[1]);
    CHECK(content::find_group(read, "Culture and Education") == nullptr);  // the English name is no id
    CHECK(content::find_group(read, "") == nullptr);
    CHECK(content::find_group({}, "交通運輸組") == nullptr);
}

TEST_CASE("a meeting of a sub-group the group does not have is refused, naming both") {
    Json root = groups();
    root[0]["meetings"][0]["subgroup"] = "教育組";  // 教育組 belongs to 文化教育組, not 交通運輸組
    CHECK(problems_of(root) ==
          std::vector<std::string>{"content/groups.json: [0].meetings[0].subgroup: \"教育組\" is not a sub-group of 交通運輸組"});
}

TEST_CASE("every broken field is named with its path") {
    struct Break {
        const char* pointer;  // JSON pointer into groups()
        const char* value;
        std::vector<std::string> problems;
    };
    const Break cases[] = {
        {"/1", R"("文化教育組")", {"content/groups.json: [1]: expected an object, found a string"}},
        {"/0/id", R"("")", {"content/groups.json: [0].id: must not be empty"}},
        {"/0/name_en", "null", {"content/groups.json: [0].name_en: expected a string, found null"}},
        {"/1/host_agencies", R"(["示範市政府文化局", 3])",
         {"content/groups.json: [1].host_agencies[1]: expected a string, found an integer"}},
        // With no sub-groups read, the meeting of 教育組 is refused too.
        {"/1/subgroups", R"({"id": "文化組"})",
         {"content/groups.json: [1].subgroups: expected an array, found an object",
          "content/groups.json: [1].meetings[0].subgroup: \"教育組\" is not a sub-group of 文化教育組"}},
        {"/1/subgroups/0", R"({"id": "文化組"})", {"content/groups.json: [1].subgroups[0].name_en: missing"}},
        {"/1/subgroups/1/lead", R"("x")", {"content/groups.json: [1].subgroups[1].lead: unknown field"}},
        {"/1/meetings/1/date", R"("2023/03/16")",
         {"content/groups.json: [1].meetings[1].date: expected a date as YYYY-MM-DD, found \"2023/03/16\""}},
        {"/1/meetings/1/date", R"("2023-02-30")",
         {"content/groups.json: [1].meetings[1].date: expected a date as YYYY-MM-DD, found \"2023-02-30\""}},
        {"/1/meetings/1/date", R"("112-03-16")",
         {"content/groups.json: [1].meetings[1].date: expected a date as YYYY-MM-DD, found \"112-03-16\""}},
        {"/1/meetings/0/subgroup", "4",
         {"content/groups.json: [1].meetings[0].subgroup: expected a string or null, found an integer"}},
        {"/0/meetings/0/place", R"("示範會議室")", {"content/groups.json: [0].meetings[0].place: unknown field"}},
        {"/0/meetings/0/title", R"("")", {"content/groups.json: [0].meetings[0].title: must not be empty"}},
        {"/0/chair", R"("x")", {"content/groups.json: [0].chair: unknown field"}},
        {"/1/id", R"("交通運輸組")", {"content/groups.json: [1].id: duplicate issue group \"交通運輸組\""}},
    };
    for (const auto& c : cases) {
        const std::string shown_c_pointer = c.pointer;
        CAPTURE(shown_c_pointer);
        const std::string shown_c_value = c.value;
        CAPTURE(shown_c_value);
        Json root = groups();
        root[Json::json_pointer(c.pointer)] = Json::parse(c.value);
        CHECK(problems_of(root) == c.problems);
    }

    Json missing = groups();
    missing[0].erase("meetings");
    missing[0].erase("subgroups");
    CHECK(problems_of(missing) == std::vector<std::string>{"content/groups.json: [0].subgroups: missing",
                                                            "content/groups.json: [0].meetings: missing"});
    for (const char* text : {"{}", "null"}) {
        const std::string shown_text = text;
        CAPTURE(shown_text);
        CHECK(problems_of(Json::parse(text)) ==
              std::vector<std::string>{"content/groups.json: (top): expected an array of issue groups"});
    }
}
