// GET /api/snapshot: what the server writes, the browser reads back to the same tracker.
#include <doctest/doctest.h>

#include "test_content.h"
#include "tracker/snapshot_json.h"

using namespace beitai::tracker;
using beitai::text::Json;

TEST_CASE("the snapshot the server writes reads back to the same tracker") {
    const Snapshot& snapshot = beitai::testing::repository_snapshot();
    const Json written = snapshot_json(snapshot);
    CHECK(written["counties"].size() == 8);
    CHECK(written["records"].size() == snapshot.records.size());
    // Through text, as it travels.
    auto back = read_snapshot_json(Json::parse(written.dump()), "/api/snapshot");
    REQUIRE_MESSAGE(back, back.error());
    CHECK(back->counties.size() == snapshot.counties.size());
    CHECK(back->groups.size() == snapshot.groups.size());
    REQUIRE(back->records.size() == snapshot.records.size());
    CHECK(back->records[0].id() == snapshot.records[0].id());
    CHECK(back->records[0].version == snapshot.records[0].version);
    CHECK(snapshot_json(*back) == written);
}

TEST_CASE("a snapshot that is not one is refused, with every problem named") {
    CHECK(read_snapshot_json(Json::parse("[]"), "/api/snapshot").error() ==
          "/api/snapshot: expected an object with counties, groups and records");
    CHECK(read_snapshot_json(Json::parse(R"({"counties": [], "groups": []})"), "/api/snapshot").error() ==
          "/api/snapshot: expected an object with counties, groups and records");
    Json broken = snapshot_json(beitai::testing::repository_snapshot());
    broken["records"][0]["status"] = "maybe";
    broken["counties"][0].erase("name_zh");
    auto read = read_snapshot_json(broken, "/api/snapshot");
    REQUIRE_FALSE(read);
    CHECK(read.error().find("/api/snapshot") == 0);
    CHECK(read.error().find("records") != std::string::npos);
    CHECK(read.error().find('\n') != std::string::npos);  // both problems, one a line
}
