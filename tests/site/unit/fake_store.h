// A Store for unit tests: parking documents are kept in memory (their writes can be held
// back), everything else answers an error — as a store that cannot be reached would.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "store/store.h"

namespace beitai::site::testing {

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
    Result<Changed> changed_since(long long) override { return Error{"fake"}; }
    Result<std::vector<ProposalWrite>> write_proposals(const std::vector<ProposalChange>&) override { return Error{"fake"}; }
    Status append_audit(const AuditEntry&) override { return Error{"fake"}; }
    Result<std::vector<AuditEntry>> audit_log(int) override { return Error{"fake"}; }
    Result<std::vector<AuditEntry>> proposal_changes(const std::string&, int) override { return Error{"fake"}; }
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
    Result<long long> parking_revision() override { return Error{"fake"}; }
    Result<bool> lead_feeds() override { return Error{"fake"}; }
    Status purge(UnixTime, UnixTime) override { return Error{"fake"}; }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool held_ = false;
    bool fail_next_ = false;
    std::size_t begun_ = 0;
    std::vector<ParkingDocument> saved_;
};

}  // namespace beitai::site::testing
