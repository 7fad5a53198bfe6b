// Group commit: concurrent callers share one transaction and one fsync. A durable commit costs
// a few milliseconds whatever it holds (far more on a disk other work keeps busy), so one
// commit per write would cap a store at a few hundred writes a second; batched, the same fsync
// acknowledges every write that arrived while the previous one was being made durable. The
// raffle's check-ins (store/raffle_store.h) and the staff's proposal writes
// (routes/portal.cpp) go through it.
//
// Leader and followers: a caller queues its row; if no commit is under way it becomes the
// leader, takes the whole queue (up to kMaxBatch) and commits it; the others wait on a
// condition variable until the commit that holds their row is done, and one of those still
// queued leads the next. Commits therefore run one at a time, in the order they were taken.
// No thread of its own, so nothing to start or stop.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "text/result.h"

namespace beitai::site {

template <class Row, class Out>
class GroupCommit {
public:
    // Commits the rows in one transaction: a result for each, in order, or an error for the
    // whole transaction (nothing stored). Runs on the leader's thread, one at a time.
    using Commit = std::function<Result<std::vector<Out>>(const std::vector<const Row*>&)>;

    // Bounds one transaction (and the wait of the last in it).
    static constexpr size_t kMaxBatch = 512;

    explicit GroupCommit(Commit commit) : commit_(std::move(commit)) {}

    // Returns once the commit holding `row` is done: its result, or its error.
    Result<Out> add(const Row& row) {
        Waiting mine{&row, std::nullopt};
        std::unique_lock<std::mutex> lock(mutex_);
        queue_.push_back(&mine);
        while (!mine.result) {
            if (committing_) {
                done_.wait(lock);
                continue;
            }
            // Lead: take what is queued, our own row among it (had an earlier leader taken it,
            // its result would be in and the loop over).
            committing_ = true;
            std::vector<Waiting*> batch;
            std::vector<const Row*> rows;
            while (!queue_.empty() && batch.size() < kMaxBatch) {
                batch.push_back(queue_.front());
                rows.push_back(queue_.front()->row);
                queue_.pop_front();
            }
            lock.unlock();
            std::vector<Result<Out>> results;
            // The stores do not throw, but std::bad_alloc may: then this batch fails and the
            // next leader can still take over (committing_ left true would hang every caller).
            try {
                results = commit_rows(rows);
            } catch (const std::exception& e) {
                results.assign(rows.size(), Result<Out>(Error{std::string("commit: ") + e.what()}));
            }
            lock.lock();
            // Results are handed over under the lock: a follower reads its own only under it.
            for (size_t i = 0; i < batch.size(); ++i) batch[i]->result = std::move(results[i]);
            committing_ = false;
            done_.notify_all();
        }
        return std::move(*mine.result);
    }

private:
    struct Waiting {
        const Row* row;
        std::optional<Result<Out>> result;
    };

    // Commits `rows`: a result for each. When the transaction fails, each row is tried in a
    // transaction of its own, so a bad row fails alone.
    std::vector<Result<Out>> commit_rows(const std::vector<const Row*>& rows) {
        auto committed = commit_(rows);
        std::vector<Result<Out>> out;
        out.reserve(rows.size());
        if (committed && committed->size() == rows.size()) {
            for (auto& r : *committed) out.push_back(std::move(r));
            return out;
        }
        if (rows.size() == 1) {
            out.push_back(committed ? Result<Out>(Error{"commit: the store gave no result for the row"})
                                    : Result<Out>(Error{committed.error()}));
            return out;
        }
        for (const auto* row : rows) out.push_back(std::move(commit_rows({row})[0]));
        return out;
    }

    Commit commit_;
    std::mutex mutex_;
    std::condition_variable done_;
    std::deque<Waiting*> queue_;
    bool committing_ = false;
};

}  // namespace beitai::site
