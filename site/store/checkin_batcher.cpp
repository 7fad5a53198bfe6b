#include "store/checkin_batcher.h"

namespace beitai::site {

Result<AddResult> CheckinBatcher::add(const StoredCheckin& checkin) {
    Waiting mine{&checkin, std::nullopt};
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
        std::vector<const StoredCheckin*> rows;
        while (!queue_.empty() && batch.size() < kMaxBatch) {
            batch.push_back(queue_.front());
            rows.push_back(queue_.front()->checkin);
            queue_.pop_front();
        }
        lock.unlock();
        std::vector<Result<AddResult>> results;
        // The store's code does not throw, but std::bad_alloc may: then this batch fails and
        // the next leader can still take over (committing_ left true would hang every caller).
        try {
            results = commit_rows(rows);
        } catch (const std::exception& e) {
            results.assign(rows.size(), Result<AddResult>(Error{std::string("add_checkin: ") + e.what()}));
        }
        lock.lock();
        // Results are handed over under the lock: a follower reads its own only under it.
        for (size_t i = 0; i < batch.size(); ++i) batch[i]->result = std::move(results[i]);
        committing_ = false;
        done_.notify_all();
    }
    return std::move(*mine.result);
}

std::vector<Result<AddResult>> CheckinBatcher::commit_rows(const std::vector<const StoredCheckin*>& rows) {
    auto committed = commit_(rows);
    std::vector<Result<AddResult>> out;
    out.reserve(rows.size());
    if (committed && committed->size() == rows.size()) {
        for (auto r : *committed) out.push_back(r);
        return out;
    }
    if (rows.size() == 1) {
        out.push_back(committed ? Result<AddResult>(Error{"add_checkin: the store gave no result for the row"})
                                : Result<AddResult>(Error{committed.error()}));
        return out;
    }
    for (const auto* row : rows) out.push_back(std::move(commit_rows({row})[0]));
    return out;
}

}  // namespace beitai::site
