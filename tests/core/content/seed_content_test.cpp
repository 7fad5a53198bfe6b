// The repository's content against the facts the seed states about itself
// (seed 002, 參、討論事項): these figures come from the data, never from a constant
// the pages print.
#include <doctest/doctest.h>

#include <set>

#include "content/catalog.h"
#include "test_content.h"
#include "tracker/stats.h"

using namespace beitai::content;
using beitai::tracker::figures_by_year;

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A Taiwanese phone number as the seed writes them: "02-23456789", "(03)9876543", "#123".
bool looks_like_phone(const std::string& s) {
    for (size_t i = 0; i + 3 < s.size(); ++i) {
        if (s[i] == '0' && is_digit(s[i + 1])) {
            size_t j = i + 1;
            while (j < s.size() && is_digit(s[j]) && j - i < 4) ++j;
            if (j < s.size() && (s[j] == '-' || s[j] == ')')) {
                size_t k = j + 1, digits = 0;
                while (k < s.size() && is_digit(s[k])) ++k, ++digits;
                if (digits >= 6) return true;
            }
        }
    }
    return s.find("分機") != std::string::npos;
}

std::vector<std::string> all_texts(const Proposal& p) {
    std::vector<std::string> t = {p.title, p.agency};
    if (p.sheet) {
        t.push_back(p.sheet->description);
        t.push_back(p.sheet->approach);
        t.push_back(p.sheet->benefits);
        t.push_back(p.sheet->contact_unit);
    }
    for (const auto& e : p.progress) t.push_back(e.text);
    if (p.closure) t.push_back(p.closure->reason);
    if (p.open_reason) t.push_back(*p.open_reason);
    return t;
}

}  // namespace

TEST_CASE("111: 13 items tracked, 12 closed and 1 kept open") {
    const auto& catalog = beitai::testing::repository_catalog();
    auto figures = figures_by_year(catalog.proposals);
    REQUIRE(figures.size() == 2);
    CHECK(figures[0].year == 111);
    CHECK(figures[0].items == 13);
    CHECK(figures[0].closed == 12);
    CHECK(figures[0].open == 1);
}

TEST_CASE("112: 42 new items, 8 asking the central government and 34 joint") {
    const auto& catalog = beitai::testing::repository_catalog();
    auto figures = figures_by_year(catalog.proposals);
    REQUIRE(figures.size() == 2);
    CHECK(figures[1].year == 112);
    CHECK(figures[1].items == 42);
    CHECK(figures[1].asks_central == 8);
    CHECK(figures[1].joint == 34);
}

TEST_CASE("every closed item says why and how it was closed; the kept item says why") {
    const auto& catalog = beitai::testing::repository_catalog();
    int closed = 0;
    std::set<ClosureKind> kinds;
    for (const auto& p : catalog.proposals) {
        CAPTURE(p.id);
        if (p.status == Status::closed) {
            ++closed;
            REQUIRE(p.closure.has_value());
            CHECK_FALSE(p.closure->reason.empty());
            kinds.insert(p.closure->kind);
            if (p.closure->decision) CHECK(p.closure->date.has_value());
        }
    }
    CHECK(closed >= 12);
    // The seed closes items for different reasons; the data keeps them apart.
    CHECK(kinds.count(ClosureKind::done) == 1);
    CHECK(kinds.count(ClosureKind::cancelled) == 1);
    CHECK(kinds.count(ClosureKind::no_need) == 1);
    CHECK(kinds.count(ClosureKind::routine) == 1);
    CHECK(kinds.count(ClosureKind::central) == 1);

    const Proposal* kept = catalog.find_proposal("111-13");
    REQUIRE(kept != nullptr);
    CHECK(kept->status == Status::open);
    REQUIRE(kept->open_reason.has_value());
    CHECK(kept->open_reason->find("賡續辦理") != std::string::npos);
}

TEST_CASE("the 112 items carry their proposal sheets; central items name a ministry") {
    const auto& catalog = beitai::testing::repository_catalog();
    int with_sheet = 0, central = 0;
    for (const auto& p : catalog.proposals) {
        if (p.year != 112) continue;
        CAPTURE(p.id);
        if (p.sheet) {
            ++with_sheet;
            CHECK_FALSE(p.types.empty());
            CHECK_FALSE(p.counties.empty());
        }
        if (p.asks_central) {
            ++central;
            CHECK(p.ministry.has_value());
        }
        CHECK_FALSE(p.progress.empty());
    }
    CHECK(with_sheet == 42);
    CHECK(central == 8);
    // The sheet of 北管音樂及客家八音校園推廣 is the first in the seed.
    const Proposal* first = catalog.find_proposal("112-09");
    REQUIRE(first != nullptr);
    CHECK(first->title == "北管音樂及客家八音校園推廣");
    REQUIRE(first->sheet.has_value());
    CHECK(first->sheet->description.find("北管及客家八音盛行於北臺閩南與客家庄") == 0);
    CHECK(first->counties.size() == 8);
}

TEST_CASE("no contact person's phone number is published") {
    const auto& catalog = beitai::testing::repository_catalog();
    for (const auto& p : catalog.proposals)
        for (const auto& text : all_texts(p)) {
            CAPTURE(p.id);
            CAPTURE(text);
            CHECK_FALSE(looks_like_phone(text));
        }
    CHECK(looks_like_phone("王小明，02-23456789#123"));  // made-up person and number
    CHECK(looks_like_phone("陳大同(03)9876543 分機 101"));
    CHECK_FALSE(looks_like_phone("府交規字第1125355821號"));
}

TEST_CASE("the counties are the eight TDX ids with their seats in northern Taiwan") {
    const auto& catalog = beitai::testing::repository_catalog();
    std::set<std::string> ids;
    for (const auto& c : catalog.counties) {
        ids.insert(c.id);
        CAPTURE(c.id);
        CHECK(c.seat.lat > 24.3);
        CHECK(c.seat.lat < 25.4);
        CHECK(c.seat.lon > 120.6);
        CHECK(c.seat.lon < 122.1);
    }
    CHECK(ids == std::set<std::string>{"YilanCounty", "Keelung", "Taipei", "NewTaipei", "Taoyuan",
                                       "HsinchuCounty", "Hsinchu", "MiaoliCounty"});
    CHECK(find_county(catalog.counties, "Taipei")->name_zh == "臺北市");
}
