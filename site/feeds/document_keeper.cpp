#include "feeds/document_keeper.h"

#include <cstdio>

namespace beitai::site {

DocumentKeeper::DocumentKeeper(Store& store) : store_(store), thread_([this] { run(); }) {}

DocumentKeeper::~DocumentKeeper() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void DocumentKeeper::keep(ParkingDocument document) {
    {
        std::lock_guard lock(mutex_);
        auto key = std::make_pair(document.county, document.kind);
        waiting_[std::move(key)] = std::move(document);
    }
    wake_.notify_one();
}

void DocumentKeeper::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [&] { return stopping_ || !waiting_.empty(); });
        if (waiting_.empty()) return;  // stopping, with nothing left to write
        ParkingDocument document = std::move(waiting_.begin()->second);
        waiting_.erase(waiting_.begin());
        lock.unlock();
        const Status saved = store_.save_parking_document(document);
        if (!saved)
            std::fprintf(stderr, "beitai: parking feed %s %s: not kept in the store: %s\n", document.county.c_str(),
                         document.kind.c_str(), saved.error().c_str());
        lock.lock();
    }
}

}  // namespace beitai::site
