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

using namespace beitai;
using namespace beitai::site;

namespace {

// A store of which only the parking documents work; their writes wait while `hold` is set.
class FakeStore : public Store {
public:
    void hold(bool on) {
        {
            std::lock_guard lock(mutex_);
            held_ = on;
        }
        changed_.notify_all();
    }
    void fail_next(bool on) {
        std::lock_guard lock(mutex_);
        fail_next_ = on;
    }
    // Waits until `n` writes have begun (or a second has passed).
    bool wait_for_writes(std::size_t n) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, std::chrono::seconds(1), [&] { return begun_ >= n; });
    }
    std::vector<ParkingDocument> saved() {
        std::lock_guard lock(mutex_);
        return saved_;
    }

    Status save_parking_document(const ParkingDocument& document) override {
        std::unique_lock lock(mutex_);
        ++begun_;
        changed_.notify_all();
        changed_.wait(lock, [&] { return !held_; });
        if (fail_next_) {
            fail_next_ = false;
            return Error{"disk full"};
        }
        saved_.push_back(document);
        return ok_status();
    }

    Result<bool> is_seeded() override { return Error{"fake"}; }
    Status seed(const content::Catalog&) override { return Error{"fake"}; }
    Result<tracker::Snapshot> load() override { return Error{"fake"}; }
    Result<long long> revision() override { return Error{"fake"}; }
    Result<WriteResult> write_proposal(const tracker::ProposalRecord&, long long, const std::optional<tracker::StatusEvent>&,
                                       const AuditEntry&) override {
        return Error{"fake"};
    }
    Status append_audit(const AuditEntry&) override { return Error{"fake"}; }
    Result<std::vector<AuditEntry>> audit_log(int) override { return Error{"fake"}; }
    Result<long long> add_account(const Account&) override { return Error{"fake"}; }
    Result<std::optional<Account>> find_account(const std::string&) override { return Error{"fake"}; }
    Result<std::optional<Account>> account_by_id(long long) override { return Error{"fake"}; }
    Result<std::vector<Account>> accounts() override { return Error{"fake"}; }
    Status set_password_hash(long long, const std::string&) override { return Error{"fake"}; }
    Status set_disabled(long long, bool) override { return Error{"fake"}; }
    Status create_session(const Session&) override { return Error{"fake"}; }
    Result<std::optional<Session>> find_session(const std::string&) override { return Error{"fake"}; }
    Status touch_session(const std::string&, UnixTime) override { return Error{"fake"}; }
    Status delete_session(const std::string&) override { return Error{"fake"}; }
    Result<SignInFailures> failed_sign_ins(const std::string&, const std::string&, UnixTime) override { return Error{"fake"}; }
    Status record_sign_in(const std::string&, const std::string&, bool, UnixTime) override { return Error{"fake"}; }
    Result<std::vector<ParkingDocument>> parking_documents() override { return Error{"fake"}; }
    Status purge(UnixTime, UnixTime) override { return Error{"fake"}; }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool held_ = false;
    bool fail_next_ = false;
    std::size_t begun_ = 0;
    std::vector<ParkingDocument> saved_;
};

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
