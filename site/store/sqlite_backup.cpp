#include "store/sqlite_backup.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

namespace beitai::site {

namespace {

constexpr int kPagesPerStep = 256;  // 1 MiB of 4 KiB pages
constexpr auto kPause = std::chrono::milliseconds(2);

struct Handle {
    sqlite3* db = nullptr;
    ~Handle() { sqlite3_close(db); }
};

std::string message(sqlite3* db) { return db ? sqlite3_errmsg(db) : "out of memory"; }

long long read_revision(sqlite3* db) {
    sqlite3_stmt* stmt = nullptr;
    long long out = -1;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'revision'", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        out = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return out;
}

Status sync_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return Error{path + ": cannot open to sync"};
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) return Error{path + ": fsync failed"};
    return ok_status();
}

}  // namespace

Result<SqliteCopy> copy_sqlite_store(const std::string& from, const std::string& to) {
    if (!std::filesystem::exists(from)) return Error{from + ": no such file"};
    Handle source;
    if (sqlite3_open_v2(from.c_str(), &source.db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        return Error{from + ": " + message(source.db)};
    sqlite3_busy_timeout(source.db, 5000);
    // One read transaction for the whole copy: every page from the same moment.
    if (sqlite3_exec(source.db, "BEGIN; SELECT count(*) FROM sqlite_master;", nullptr, nullptr, nullptr) != SQLITE_OK)
        return Error{from + ": " + message(source.db)};
    SqliteCopy copy;
    copy.revision = read_revision(source.db);

    const std::string partial = to + ".partial";
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    Result<SqliteCopy> result = Error{"not copied"};
    {
        Handle target;
        if (sqlite3_open(partial.c_str(), &target.db) != SQLITE_OK) return Error{partial + ": " + message(target.db)};
        sqlite3_backup* backup = sqlite3_backup_init(target.db, "main", source.db, "main");
        if (!backup) return Error{partial + ": " + message(target.db)};
        int rc = SQLITE_OK;
        do {
            rc = sqlite3_backup_step(backup, kPagesPerStep);
            if (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) std::this_thread::sleep_for(kPause);
        } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
        copy.pages = sqlite3_backup_pagecount(backup);
        sqlite3_backup_finish(backup);
        if (rc != SQLITE_DONE) {
            result = Error{"copying " + from + ": " + sqlite3_errstr(rc)};
        } else if (sqlite3_exec(target.db, "PRAGMA journal_mode=DELETE;", nullptr, nullptr, nullptr) != SQLITE_OK) {
            result = Error{partial + ": " + message(target.db)};
        } else {
            result = copy;
        }
    }
    sqlite3_exec(source.db, "COMMIT;", nullptr, nullptr, nullptr);
    if (!result) {
        std::filesystem::remove(partial, ignored);
        return result;
    }
    if (auto s = sync_file(partial); !s) return Error{s.error()};
    std::filesystem::rename(partial, to, ignored);
    if (ignored) return Error{"cannot rename " + partial + " to " + to + ": " + ignored.message()};
    const auto folder = std::filesystem::absolute(to).parent_path().string();
    sync_file(folder);  // the rename itself, durable (best effort: not every file system syncs folders)
    return result;
}

Result<bool> sqlite_store_holds_data(const std::string& path) {
    if (!std::filesystem::exists(path)) return false;
    Handle db;
    if (sqlite3_open_v2(path.c_str(), &db.db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        return Error{path + ": " + message(db.db)};
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db.db, "SELECT 1 FROM meta WHERE key = 'seeded_at'", -1, &stmt, nullptr) != SQLITE_OK) {
        // No meta table: not a Beitai store, or an empty file.
        sqlite3_finalize(stmt);
        sqlite3_stmt* any = nullptr;
        bool tables = sqlite3_prepare_v2(db.db, "SELECT 1 FROM sqlite_master LIMIT 1", -1, &any, nullptr) == SQLITE_OK &&
                      sqlite3_step(any) == SQLITE_ROW;
        sqlite3_finalize(any);
        return tables;
    }
    const bool seeded = sqlite3_step(stmt) == SQLITE_ROW;
    sqlite3_finalize(stmt);
    return seeded;
}

}  // namespace beitai::site
