// Store::changed_since on both engines: a second store on the same location (as another
// process) reads back exactly the items the first one wrote since a revision, each whole with
// its history, in store order, and the revision they bring it to.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "../../bench/synthetic_proposals.h"
#include "../../support/scratch_store.h"
#include "store/store.h"

using namespace beitai;
using namespace beitai::site;

namespace {

struct OnSqlite {
    testing::ScratchSqlite scratch;
    std::string location = scratch.path();
    bool skipped = false;
};

struct OnPostgres {
    testing::ScratchPostgres scratch;
    std::string location;
    bool skipped = false;
    OnPostgres() {
        const std::string admin = testing::ScratchPostgres::admin_url();
        if (admin.empty()) {
            MESSAGE("BEITAI_PG_URL is not set: the PostgreSQL case is skipped (portal.sh test starts PostgreSQL)");
            skipped = true;
            return;
        }
        auto made = scratch.create(admin);
        REQUIRE_MESSAGE(made.ok(), made.error());
        location = scratch.url();
    }
};

content::Catalog sample_catalog() {
    content::Catalog catalog = bench::synthetic_catalog(40);
    for (auto& p : catalog.proposals) p.seed_ref = "示範資料（測試）";
    return catalog;
}

std::unique_ptr<Store> opened(const std::string& location) {
    auto store = open_store(location);
    REQUIRE_MESSAGE(store.ok(), store.error());
    return std::move(*store);
}

// `record` closed (or reopened) by the secretariat, stored over `store`'s version of it.
long long change_status(Store& store, const tracker::ProposalRecord& record, const std::string& reason) {
    tracker::ProposalRecord next = record;
    next.version = record.version + 1;
    tracker::StatusEvent event;
    event.date = {2024, 3, 1};
    event.from = record.proposal.status;
    event.to = record.proposal.status == content::Status::open ? content::Status::closed : content::Status::open;
    if (event.to == content::Status::closed) event.kind = content::ClosureKind::done;
    event.reason = reason;
    event.agency = "示範機關";
    next.proposal.status = event.to;
    if (event.to == content::Status::closed) next.proposal.closure = content::Closure{content::ClosureKind::done, reason, std::nullopt, event.date};
    else next.proposal.closure.reset();
    next.history.push_back(event);
    AuditEntry audit{0, 1700000000, "tester", event.to == content::Status::closed ? "close" : "reopen", next.id(), "", "{}", ""};
    auto written = store.write_proposal(next, record.version, event, audit);
    REQUIRE_MESSAGE(written.ok(), written.error());
    REQUIRE(written->result == WriteResult::stored);
    return written->revision;
}

}  // namespace

TEST_CASE_TEMPLATE("changed_since: another process reads back only what was written since, whole, in store order", F,
                   OnSqlite, OnPostgres) {
    F f;
    if (f.skipped) return;
    auto writer = opened(f.location);
    REQUIRE(writer->seed(sample_catalog()).ok());
    auto reader = opened(f.location);
    auto loaded = reader->load();
    REQUIRE_MESSAGE(loaded.ok(), loaded.error());
    const long long start = reader->revision().value();

    auto none = reader->changed_since(start);
    REQUIRE_MESSAGE(none.ok(), none.error());
    CHECK(none->records.empty());
    CHECK(none->revision == start);

    // Two writes to the 31st item, one to the 5th: read back in store order, the 5th first.
    const tracker::ProposalRecord late = loaded->records[30];
    const tracker::ProposalRecord early = loaded->records[4];
    change_status(*writer, late, "第一次");
    auto after_one = writer->load().value();
    const long long middle = change_status(*writer, *after_one.find(late.id()), "第二次");
    const long long last = change_status(*writer, early, "另一項");

    auto changed = reader->changed_since(start);
    REQUIRE_MESSAGE(changed.ok(), changed.error());
    CHECK(changed->revision == last);
    REQUIRE(changed->records.size() == 2);
    CHECK(changed->records[0].id() == early.id());
    CHECK(changed->records[1].id() == late.id());
    CHECK(changed->records[1].version == late.version + 2);
    REQUIRE(changed->records[1].history.size() == late.history.size() + 2);
    CHECK(changed->records[1].history.back().reason == "第二次");
    CHECK(changed->records[0].history.back().reason == "另一項");

    // What the reader then holds equals a whole new load.
    tracker::Snapshot caught_up = *loaded;
    for (auto& r : changed->records) caught_up.put(r);
    auto whole = reader->load().value();
    REQUIRE(caught_up.records.size() == whole.records.size());
    for (size_t i = 0; i < whole.records.size(); ++i) {
        CHECK(caught_up.records[i].id() == whole.records[i].id());
        CHECK(caught_up.records[i].version == whole.records[i].version);
        CHECK(caught_up.records[i].history == whole.records[i].history);
    }

    // Since the middle write: the item written after it only.
    auto since_middle = reader->changed_since(middle);
    REQUIRE(since_middle.ok());
    REQUIRE(since_middle->records.size() == 1);
    CHECK(since_middle->records[0].id() == early.id());
    CHECK(reader->changed_since(last)->records.empty());
}
