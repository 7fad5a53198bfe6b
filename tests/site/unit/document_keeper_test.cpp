// The document keeper (site/feeds/document_keeper.h) over a fake store whose writes can be
// held back: a slow store never holds up keep(), only the newest document of each county and
// kind waits, a failed write does not stop the next, and what waits is written at the end.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "feeds/document_keeper.h"
#include "fake_store.h"

using namespace beitai;
using namespace beitai::site;
using beitai::site::testing::FakeStore;

namespace {

ParkingDocument doc(const std::string& county, const std::string& kind, UnixTime at) {
    return {county, kind, true, at, "{\"at\":" + std::to_string(at) + "}"};
}

}  // namespace

TEST_CASE("every document kept is written, and the keeper writes what waits before it stops") {
    FakeStore store;
    {
        DocumentKeeper keeper(store);
        keeper.keep(doc("Taipei", "availability", 1));
        keeper.keep(doc("Keelung", "car_parks", 2));
    }
    const auto saved = store.saved();
    REQUIRE(saved.size() == 2);
    std::set<std::string> counties{saved[0].county, saved[1].county};
    CHECK(counties == std::set<std::string>{"Keelung", "Taipei"});
}

TEST_CASE("while the store is slow, keep() returns at once and only the newest document of a county and kind waits") {
    FakeStore store;
    store.hold(true);
    {
        DocumentKeeper keeper(store);
        keeper.keep(doc("Taipei", "availability", 1));
        REQUIRE(store.wait_for_writes(1));  // the first is being written, and held there
        const auto start = std::chrono::steady_clock::now();
        for (UnixTime at = 2; at <= 50; ++at) keeper.keep(doc("Taipei", "availability", at));
        keeper.keep(doc("Taipei", "car_parks", 7));
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(500));
        store.hold(false);
    }
    const auto saved = store.saved();
    REQUIRE(saved.size() == 3);
    CHECK(saved[0].fetched_at == 1);
    // 2…49 were dropped for 50; the other kind kept its own place.
    std::vector<std::pair<std::string, UnixTime>> rest{{saved[1].kind, saved[1].fetched_at}, {saved[2].kind, saved[2].fetched_at}};
    std::sort(rest.begin(), rest.end());
    CHECK(rest == std::vector<std::pair<std::string, UnixTime>>{{"availability", 50}, {"car_parks", 7}});
    CHECK(saved[1].body.find(std::to_string(saved[1].fetched_at)) != std::string::npos);
}

TEST_CASE("a failed write is not retried, and does not stop the next") {
    FakeStore store;
    store.fail_next(true);
    {
        DocumentKeeper keeper(store);
        keeper.keep(doc("Hsinchu", "availability", 1));
        REQUIRE(store.wait_for_writes(1));
        // Written only once the failed one is done: a new document, not a retry.
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        keeper.keep(doc("Hsinchu", "availability", 2));
    }
    const auto saved = store.saved();
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].fetched_at == 2);
}
