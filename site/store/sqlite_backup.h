// Copying a SQLite store while it serves (`beitai backup` and `beitai restore`,
// site/cli/backup.cpp), through SQLite's online backup API.
//
// The copy is one consistent snapshot of the store: the source connection holds one read
// transaction for the whole copy, so every page comes from the same moment, and a write the
// server makes meanwhile neither restarts the copy nor waits for it (in WAL mode a reader
// never blocks a writer). Pages are copied a batch at a time with a pause between batches,
// so the copy shares the disk with the server rather than taking it over. Every write
// acknowledged before the copy began is in it; later ones may or may not be.
//
// The copy is written beside the destination and renamed over it once complete and synced:
// a destination is never left half written.
#pragma once

#include <string>

#include "text/result.h"

namespace beitai::site {

struct SqliteCopy {
    long long pages = 0;
    long long revision = -1;  // the proposals' revision the copy holds (-1: the file has none)
};

// Copies the database at `from` (opened read-only) to the file `to`.
Result<SqliteCopy> copy_sqlite_store(const std::string& from, const std::string& to);

// Whether `path` is a file holding a seeded Beitai store (false when there is no such file).
Result<bool> sqlite_store_holds_data(const std::string& path);

}  // namespace beitai::site
