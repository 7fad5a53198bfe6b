#include <doctest/doctest.h>

#include "test_content.h"
#include "tracker/history.h"

using namespace beitai::tracker;
using beitai::content::Status;

TEST_CASE("a closed item's history starts with its closing decision") {
    const auto& catalog = beitai::testing::repository_catalog();
    const auto* first = catalog.find_proposal("111-01");
    REQUIRE(first != nullptr);
    auto h = initial_history(*first);
    REQUIRE(h.size() == 1);
    CHECK(h[0].from == Status::open);
    CHECK(h[0].to == Status::closed);
    CHECK(h[0].date == beitai::text::Date{2023, 6, 12});
    CHECK(h[0].agency == first->agency);
    REQUIRE(h[0].decision.has_value());
    CHECK(h[0].decision->find("第3次工作會議") != std::string::npos);
}

TEST_CASE("without a named meeting the closing date is the report's") {
    beitai::content::Proposal p;
    p.status = Status::closed;
    p.agency = "新竹縣政府交通旅遊處";
    p.closure = beitai::content::Closure{beitai::content::ClosureKind::done, "辦理完畢", std::nullopt, std::nullopt};
    p.progress = {{{2023, 3, 1}, "a", "", ""}, {{2023, 8, 8}, "b", "", ""}, {{2023, 5, 1}, "c", "", ""}};
    auto h = initial_history(p);
    REQUIRE(h.size() == 1);
    CHECK(h[0].date == beitai::text::Date{2023, 8, 8});
}

TEST_CASE("open items have no status change; events round-trip through JSON") {
    const auto& catalog = beitai::testing::repository_catalog();
    CHECK(initial_history(*catalog.find_proposal("111-13")).empty());
    auto h = initial_history(*catalog.find_proposal("111-05"));
    REQUIRE(h.size() == 1);
    auto back = status_event_from_json(to_json(h[0]));
    REQUIRE(back.ok());
    CHECK(back->date == h[0].date);
    CHECK(back->reason == h[0].reason);
    CHECK(back->decision == h[0].decision);
    auto bad = status_event_from_json(beitai::text::Json::parse(R"({"date":"x","from":"open","to":"gone","reason":"r","decision":null,"agency":"a"})"));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().find("date: expected a date") != std::string::npos);
}
