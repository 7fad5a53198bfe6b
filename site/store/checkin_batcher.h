// Group commit for check-ins (store/raffle_store.h): concurrent add_checkin callers share one
// transaction and one fsync. A durable commit costs a few milliseconds whatever it holds, so
// one commit per check-in would cap a store at a few hundred a second; batched, the same
// fsync acknowledges every check-in that arrived while the previous one was being written.
//
// Leader and followers: a caller queues its check-in; if no commit is under way it becomes
// the leader, takes the whole queue (up to kMaxBatch) and commits it; the others wait on a
// condition variable until the commit that holds their row is done, and one of those still
// queued leads the next. No thread of its own, so nothing to start or stop.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

#include "store/raffle_store.h"
#include "text/result.h"

namespace beitai::site {

class CheckinBatcher {
public:
    // Commits the rows in one transaction: a result for each, in order, or an error for the
    // whole transaction (nothing stored). Runs on the leader's thread, one at a time.
    using Commit = std::function<Result<std::vector<AddResult>>(const std::vector<const StoredCheckin*>&)>;

    // Bounds one transaction (and the wait of the last in it).
    static constexpr size_t kMaxBatch = 512;

    explicit CheckinBatcher(Commit commit) : commit_(std::move(commit)) {}

    // Returns once the commit holding `checkin` is done: durable, or its error.
    Result<AddResult> add(const StoredCheckin& checkin);

private:
    struct Waiting {
        const StoredCheckin* checkin;
        std::optional<Result<AddResult>> result;
    };

    // Commits `rows`: a result for each. When the transaction fails, each row is tried in a
    // transaction of its own, so a bad row (a participant erased meanwhile) fails alone.
    std::vector<Result<AddResult>> commit_rows(const std::vector<const StoredCheckin*>& rows);

    Commit commit_;
    std::mutex mutex_;
    std::condition_variable done_;
    std::deque<Waiting*> queue_;
    bool committing_ = false;
};

}  // namespace beitai::site
