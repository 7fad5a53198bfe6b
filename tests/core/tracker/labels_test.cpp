// tracker/labels: the names of counties, groups, statuses and kinds of closure in the
// reader's language, and the one template filler the views use.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "tracker/labels.h"

using namespace beitai::tracker;
namespace content = beitai::content;
namespace text = beitai::text;
using content::ClosureKind;
using content::Status;
using text::Lang;

namespace {

Snapshot hand_made() {
    Snapshot s;
    s.counties = {{"Taipei", "臺北市", "Taipei City", {25.04, 121.56}},
                  {"HsinchuCounty", "新竹縣", "Hsinchu County", {24.83, 121.01}}};
    content::IssueGroup culture;
    culture.id = "文化教育組";
    culture.name_en = "Culture and Education";
    culture.subgroups = {{"文化組", "Culture"}, {"教育組", "Education"}};
    content::IssueGroup transport;
    transport.id = "交通運輸組";
    transport.name_en = "Transport";
    s.groups = {culture, transport};
    return s;
}

const ClosureKind kKinds[] = {ClosureKind::done,    ClosureKind::no_need, ClosureKind::cancelled,
                              ClosureKind::central, ClosureKind::routine, ClosureKind::other};

}  // namespace

TEST_CASE("county names in either language; an unknown id is shown as it is") {
    const Snapshot s = hand_made();
    CHECK(county_name(s, "Taipei", Lang::zh_TW) == "臺北市");
    CHECK(county_name(s, "Taipei", Lang::en) == "Taipei City");
    CHECK(county_name(s, "HsinchuCounty", Lang::zh_TW) == "新竹縣");
    CHECK(county_name(s, "HsinchuCounty", Lang::en) == "Hsinchu County");
    for (Lang lang : {Lang::zh_TW, Lang::en}) {
        CHECK(county_name(s, "Tainan", lang) == "Tainan");
        CHECK(county_name(s, "", lang) == "");
        CHECK(county_name(s, "taipei", lang) == "taipei");
    }
    CHECK(county_name(Snapshot{}, "Taipei", Lang::en) == "Taipei");
}

TEST_CASE("group names: the id is the Chinese name; English comes from the group") {
    const Snapshot s = hand_made();
    CHECK(group_name(s, "文化教育組", Lang::zh_TW) == "文化教育組");
    CHECK(group_name(s, "文化教育組", Lang::en) == "Culture and Education");
    CHECK(group_name(s, "交通運輸組", Lang::en) == "Transport");
    // Unknown: the id, in either language (an English reader sees the Chinese, not nothing).
    CHECK(group_name(s, "外交組", Lang::zh_TW) == "外交組");
    CHECK(group_name(s, "外交組", Lang::en) == "外交組");
}

TEST_CASE("sub-group names are found in whichever group holds them") {
    const Snapshot s = hand_made();
    CHECK(subgroup_name(s, "教育組", Lang::en) == "Education");
    CHECK(subgroup_name(s, "文化組", Lang::en) == "Culture");
    CHECK(subgroup_name(s, "教育組", Lang::zh_TW) == "教育組");
    CHECK(subgroup_name(s, "體育組", Lang::en) == "體育組");
    CHECK(subgroup_name(s, "文化教育組", Lang::en) == "文化教育組");  // a group is not a sub-group
}

TEST_CASE("status labels are the committee's words, and open never reads as closed") {
    CHECK(status_label(Status::open, Lang::zh_TW) == "列管");
    CHECK(status_label(Status::closed, Lang::zh_TW) == "解除列管");
    CHECK(status_label(Status::open, Lang::en) == "Open");
    CHECK(status_label(Status::closed, Lang::en) == "Closed");
}

TEST_CASE("every kind of closure has its own label in both languages") {
    for (Lang lang : {Lang::zh_TW, Lang::en}) {
        std::set<std::string> seen;
        for (ClosureKind kind : kKinds) {
            CAPTURE(content::to_string(kind));
            CAPTURE(text::lang_tag(lang));
            const std::string label = closure_label(kind, lang);
            CHECK_FALSE(label.empty());
            CHECK(label.rfind("closure.", 0) == std::string::npos);  // a translation, not the key
            CHECK(seen.insert(label).second);                       // "done" never reads as "cancelled"
        }
    }
    CHECK(closure_label(ClosureKind::done, Lang::zh_TW) == "執行完竣");
    CHECK(closure_label(ClosureKind::done, Lang::en) == "Done");
    CHECK(closure_label(ClosureKind::cancelled, Lang::en) == "Cancelled");
    CHECK(closure_label(ClosureKind::no_need, Lang::en) == "No longer needed");
}

TEST_CASE("fill replaces every placeholder of the name, and only that") {
    CHECK(fill("{n} proposals", "n", "12") == "12 proposals");
    CHECK(fill("共 {n} 件", "n", "12") == "共 12 件");
    CHECK(fill("{n}/{n}", "n", "3") == "3/3");
    CHECK(fill("Page {p} of {t}", "p", "2") == "Page 2 of {t}");
    CHECK(fill(fill("Page {p} of {t}", "p", "2"), "t", "5") == "Page 2 of 5");
    CHECK(fill("no placeholder", "n", "1") == "no placeholder");
    CHECK(fill("{n", "n", "1") == "{n");
    CHECK(fill("{N}", "n", "1") == "{N}");
    CHECK(fill("{n}", "n", "") == "");
    CHECK(fill("", "n", "1") == "");
    // A value that holds the placeholder is put in once, not expanded again (nor forever).
    CHECK(fill("{n} and {n}", "n", "{n}") == "{n} and {n}");
    CHECK(fill("a{n}b", "n", "<{n}{n}>") == "a<{n}{n}>b");
    // The value is text: no escaping here, that is the view's job.
    CHECK(fill("{n}", "n", "<b>&") == "<b>&");
    // With the real templates, in both languages.
    CHECK(fill(text::tr("list.count", Lang::zh_TW), "n", "55") == "共 55 件");
    CHECK(fill(text::tr("list.count", Lang::en), "n", "55") == "55 proposals");
}
