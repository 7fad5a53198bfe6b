// Writes the poller's last good documents to the store on a thread of its own, so that a slow
// or unreachable database never holds up the fetches (a PostgreSQL reconnect can wait for a
// TCP timeout; SQLite syncs a megabyte to disk). Only the newest document of each county and
// kind waits: one not yet written when a newer one comes is dropped for it. A failed write
// is logged as one line; the next document taken is written again.
#pragma once

#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#include "store/store.h"

namespace beitai::site {

class DocumentKeeper {
public:
    explicit DocumentKeeper(Store& store);
    ~DocumentKeeper();  // writes what waits, then stops

    void keep(ParkingDocument document);

private:
    void run();

    Store& store_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::map<std::pair<std::string, std::string>, ParkingDocument> waiting_;  // by (county, kind)
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace beitai::site
