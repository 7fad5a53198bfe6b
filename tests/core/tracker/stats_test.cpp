#include <doctest/doctest.h>

#include "test_content.h"
#include "tracker/query.h"
#include "tracker/stats.h"

using namespace beitai::tracker;

TEST_CASE("status counts add up over any selection") {
    const auto& catalog = beitai::testing::repository_catalog();
    auto all = count_by_status(catalog.proposals);
    CHECK(all.total() == 55);
    CHECK(all.closed >= 12);
    int open = 0;
    for (const auto& p : catalog.proposals) open += p.status == beitai::content::Status::open;
    CHECK(all.open == open);

    ProposalQuery y111;
    y111.year = 111;
    auto selected = select_records(beitai::testing::repository_snapshot(), y111);
    auto s = summarize(selected, catalog.groups);
    CHECK(s.status.open == 1);
    CHECK(s.status.closed == 12);
    REQUIRE(s.years.size() == 1);
    CHECK(s.years[0].items == 13);
    int by_kind = 0;
    for (const auto& [kind, n] : s.closures) by_kind += n;
    CHECK(by_kind == 12);
    int by_group = 0;
    for (const auto& g : s.groups) by_group += g.open + g.closed;
    CHECK(by_group == 13);
}

TEST_CASE("figures by year on hand-made items") {
    std::vector<beitai::content::Proposal> items(5);
    items[0].year = 110;
    items[1].year = 112;
    items[1].asks_central = true;
    items[2].year = 112;
    items[2].status = beitai::content::Status::closed;
    items[3].year = 110;
    items[4].year = 112;
    auto f = figures_by_year(items);
    REQUIRE(f.size() == 2);
    CHECK(f[0].year == 110);
    CHECK(f[0].items == 2);
    CHECK(f[1].items == 3);
    CHECK(f[1].asks_central == 1);
    CHECK(f[1].joint == 2);
    CHECK(f[1].closed == 1);
    CHECK(f[1].open == 2);
}
