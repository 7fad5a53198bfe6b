// beitai backup DEST [--db FILE]: a copy of the SQLite store while the server serves it
// (store/sqlite_backup.h: one consistent snapshot, copied in batches, never blocking a write).
// beitai restore SRC [--db FILE] [--replace yes]: a backup put in place as the store, with the
// server stopped. It refuses a store that already holds data unless told --replace yes, and
// puts nothing in place that does not read back as a store.
//
// PostgreSQL has its own tools for both, which know its every object and run while it serves:
// given a postgres URL these commands say which to run (pg_dump, pg_restore) and stop.
#include <cstdio>
#include <filesystem>
#include <string>

#include "cli/commands.h"
#include "store/sqlite_backup.h"
#include "store/store.h"
#include "store/store_location.h"

namespace beitai::site::cli {

int backup(int argc, char** argv) {
    Options o = {{"db", "build/data/beitai.sqlite"}};
    if (argc < 3 || argv[2][0] == '-') {
        std::fprintf(stderr, "usage: beitai backup DEST [--db FILE]\n");
        return 2;
    }
    const std::string dest = argv[2];
    if (!parse_options(argc, argv, 3, o)) return 2;
    if (names_postgres(o["db"])) {
        std::fprintf(stderr,
                     "beitai backup: the store is PostgreSQL: back it up with its own tool, while it serves:\n"
                     "  pg_dump --format=custom --file %s '%s'\n"
                     "(README: Backup and restore)\n",
                     dest.c_str(), o["db"].c_str());
        return 2;
    }
    if (std::filesystem::exists(dest)) {
        std::fprintf(stderr, "beitai backup: %s exists already; name a new file\n", dest.c_str());
        return 1;
    }
    auto copy = copy_sqlite_store(o["db"], dest);
    if (!copy) {
        std::fprintf(stderr, "beitai backup: %s\n", copy.error().c_str());
        return 1;
    }
    std::printf("backed up %s to %s: %lld pages, revision %lld\n", o["db"].c_str(), dest.c_str(), copy->pages,
                copy->revision);
    return 0;
}

int restore(int argc, char** argv) {
    Options o = {{"db", "build/data/beitai.sqlite"}, {"replace", "no"}};
    if (argc < 3 || argv[2][0] == '-') {
        std::fprintf(stderr, "usage: beitai restore SRC [--db FILE] [--replace yes]\n");
        return 2;
    }
    const std::string source = argv[2];
    if (!parse_options(argc, argv, 3, o)) return 2;
    if (names_postgres(o["db"])) {
        std::fprintf(stderr,
                     "beitai restore: the store is PostgreSQL: restore a pg_dump file with its own tool:\n"
                     "  pg_restore --clean --if-exists --no-owner --dbname '%s' %s\n"
                     "(README: Backup and restore)\n",
                     o["db"].c_str(), source.c_str());
        return 2;
    }
    if (o["replace"] != "yes" && o["replace"] != "no") {
        std::fprintf(stderr, "beitai restore: --replace: expected yes or no\n");
        return 2;
    }
    const std::string target = o["db"];
    auto source_holds = sqlite_store_holds_data(source);
    if (!source_holds || !*source_holds) {
        std::fprintf(stderr, "beitai restore: %s: %s\n", source.c_str(),
                     source_holds ? "not a Beitai store (no such file, or never filled)" : source_holds.error().c_str());
        return 1;
    }
    auto target_holds = sqlite_store_holds_data(target);
    if (!target_holds) {
        std::fprintf(stderr, "beitai restore: %s: %s\n", target.c_str(), target_holds.error().c_str());
        return 1;
    }
    if (*target_holds && o["replace"] != "yes") {
        std::fprintf(stderr,
                     "beitai restore: %s holds a store already; stop the server and add --replace yes to put the "
                     "backup in its place\n",
                     target.c_str());
        return 1;
    }
    // Copied beside the store, read back through the store's own reader, then put in place.
    const std::string staged = target + ".restoring";
    std::error_code ignored;
    std::filesystem::remove(staged, ignored);
    auto copy = copy_sqlite_store(source, staged);
    if (!copy) {
        std::fprintf(stderr, "beitai restore: %s\n", copy.error().c_str());
        return 1;
    }
    {
        auto store = open_sqlite_store(staged);
        auto state = store ? (*store)->load() : Result<tracker::Snapshot>(Error{store.error()});
        if (!state) {
            std::filesystem::remove(staged, ignored);
            std::fprintf(stderr, "beitai restore: %s does not read back as a store:\n%s\n", source.c_str(),
                         state.error().c_str());
            return 1;
        }
    }
    // The old store's write-ahead log belongs to the old file: it must not be replayed into the new.
    for (const char* suffix : {"-wal", "-shm", "-journal"}) std::filesystem::remove(target + suffix, ignored);
    for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(staged + suffix, ignored);
    std::filesystem::rename(staged, target, ignored);
    if (ignored) {
        std::fprintf(stderr, "beitai restore: cannot put %s in place: %s\n", target.c_str(), ignored.message().c_str());
        return 1;
    }
    std::printf("restored %s into %s: %lld pages, revision %lld\n", source.c_str(), target.c_str(), copy->pages,
                copy->revision);
    return 0;
}

}  // namespace beitai::site::cli
