// The SQLite store. Rows hold each item as the core's JSON (so the core's readers, with
// their path-naming errors, are the only decoders) next to the columns queries need.
//
// WAL with synchronous=FULL: an acknowledged write survives a power cut. Every
// read-then-write transaction starts with BEGIN IMMEDIATE, so two writers never both read
// the same version; the busy timeout makes the second one wait rather than fail.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>

#include "store/schema.h"
#include "store/sqlite.h"
#include "store/stored_rows.h"
#include "store/store.h"

namespace beitai::site {

namespace {

constexpr const char* kAppendOnly = R"sql(
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON status_events BEGIN SELECT RAISE(ABORT, 'status history is append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON status_events BEGIN SELECT RAISE(ABORT, 'status history is append-only'); END;
)sql";

class SqliteStore : public Store {
public:
    Status open(const std::string& path) {
        path_ = path;
        if (auto s = db_.open(path); !s) return s;
        // A page cache of 64 MiB (SQLite's default is 2): a store of long histories outgrows 2 MiB
        // many times over, and a write then reads its tables' inner pages from the file again.
        for (const char* pragma : {"PRAGMA journal_mode=WAL;", "PRAGMA synchronous=FULL;", "PRAGMA foreign_keys=ON;",
                                   "PRAGMA cache_size=-65536;"})
            if (auto s = db_.exec(pragma); !s) return Error{path + ": " + s.error()};
        if (auto s = db_.exec(store_schema("INTEGER PRIMARY KEY AUTOINCREMENT").c_str()); !s)
            return Error{path + ": cannot create the schema: " + s.error()};
        if (auto s = db_.exec(kAppendOnly); !s) return Error{path + ": " + s.error()};
        return ok_status();
    }

    Result<bool> is_seeded() override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = db_.prepare("SELECT value FROM meta WHERE key = 'seeded_at'");
        if (!stmt) return Error{stmt.error()};
        return stmt->step();
    }

    Status seed(const content::Catalog& catalog) override {
        std::lock_guard<std::mutex> lock(mutex_);
        return transaction([&] { return insert_all(catalog); }, "import failed, nothing stored");
    }

    Result<tracker::Snapshot> load() override {
        std::lock_guard<std::mutex> lock(mutex_);
        StoredRows rows;
        // One read transaction: a writer in another process cannot slip in between tables.
        if (auto s = db_.exec("BEGIN;"); !s) return Error{path_ + ": " + s.error()};
        auto read = read_rows(rows);
        db_.exec("COMMIT;");
        if (!read) return Error{path_ + ": " + read.error()};
        return snapshot_from_rows(rows, path_);
    }

    Result<Changed> changed_since(long long since) override {
        std::lock_guard<std::mutex> lock(mutex_);
        StoredRows rows;
        Changed out;
        // One read transaction: the revision and the rows it covers, nothing in between.
        if (auto s = db_.exec("BEGIN;"); !s) return Error{path_ + ": " + s.error()};
        auto read = read_changed(since, rows, out.revision);
        db_.exec("COMMIT;");
        if (!read) return Error{path_ + ": " + read.error()};
        auto records = records_from_rows(rows, path_);
        if (!records) return Error{records.error()};
        out.records = std::move(*records);
        return out;
    }

    Result<long long> revision() override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = db_.prepare("SELECT value FROM meta WHERE key = 'revision'");
        if (!stmt) return Error{stmt.error()};
        auto row = stmt->step();
        if (!row) return Error{row.error()};
        return *row ? std::atoll(stmt->text(0).c_str()) : 0LL;
    }

    Result<std::vector<ProposalWrite>> write_proposals(const std::vector<ProposalChange>& changes) override {
        std::lock_guard<std::mutex> lock(mutex_);
        std::vector<ProposalWrite> results;
        auto status = transaction(
            [&]() -> Status {
                results.clear();
                for (const auto& change : changes) {
                    // Each write in a savepoint of its own: one that lost its race is undone alone.
                    if (auto s = db_.exec("SAVEPOINT one_write;"); !s) return s;
                    bool conflict = false;
                    long long revision = 0;
                    if (auto s = write_one(change, conflict, revision); !s) return s;
                    if (conflict) {
                        if (auto s = db_.exec("ROLLBACK TO one_write; RELEASE one_write;"); !s) return s;
                        results.push_back({WriteResult::version_conflict, 0});
                        continue;
                    }
                    if (auto s = db_.exec("RELEASE one_write;"); !s) return s;
                    results.push_back({WriteResult::stored, revision});
                }
                return ok_status();
            },
            "write failed, nothing stored");
        if (!status) return Error{status.error()};
        return results;
    }

    // One proposal write inside the open transaction; `conflict` when the stored version is not
    // the expected one (nothing written then).
    Status write_one(const ProposalChange& change, bool& conflict, long long& revision) {
        const tracker::ProposalRecord& next = *change.next;
        const long long expected_version = change.expected_version;
        auto current = db_.prepare("SELECT version FROM proposals WHERE id = ?");
        if (!current) return Error{current.error()};
        current->bind(1, next.id());
        auto row = current->step();
        if (!row) return Error{row.error()};
        const long long stored = *row ? current->integer(0) : 0;
        if (stored != expected_version) {
            conflict = true;
            return ok_status();
        }
        const std::string doc = text::to_json_text(content::to_json(next.proposal));
        if (expected_version == 0) {
            auto insert = db_.prepare(
                "INSERT INTO proposals (id, position, year, status, county, version, updated, doc) "
                "VALUES (?, (SELECT COALESCE(MAX(position), -1) + 1 FROM proposals), ?, ?, ?, ?, ?, ?)");
            if (!insert) return Error{insert.error()};
            if (auto s = insert->bind(1, next.id())
                             .bind(2, next.proposal.year)
                             .bind(3, content::to_string(next.proposal.status))
                             .bind(4, next.proposal.county)
                             .bind(5, next.version)
                             .bind(6, text::to_iso(next.updated))
                             .bind(7, doc)
                             .run();
                !s)
                return s;
        } else {
            auto update = db_.prepare(
                "UPDATE proposals SET year = ?, status = ?, county = ?, version = ?, updated = ?, doc = ? "
                "WHERE id = ? AND version = ?");
            if (!update) return Error{update.error()};
            if (auto s = update->bind(1, next.proposal.year)
                             .bind(2, content::to_string(next.proposal.status))
                             .bind(3, next.proposal.county)
                             .bind(4, next.version)
                             .bind(5, text::to_iso(next.updated))
                             .bind(6, doc)
                             .bind(7, next.id())
                             .bind(8, expected_version)
                             .run();
                !s)
                return s;
        }
        if (change.event && *change.event) {
            auto insert = db_.prepare("INSERT INTO status_events (proposal_id, doc) VALUES (?, ?)");
            if (!insert) return Error{insert.error()};
            if (auto s = insert->bind(1, next.id()).bind(2, text::to_json_text(tracker::to_json(**change.event))).run(); !s)
                return s;
        }
        if (auto s = insert_audit(*change.audit); !s) return s;
        auto moved = db_.prepare(
            "INSERT INTO meta (key, value) VALUES ('revision', '1') "
            "ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) RETURNING value");
        if (!moved) return Error{moved.error()};
        auto got = moved->step();
        if (!got) return Error{got.error()};
        if (!*got) return Error{"the revision was not moved on"};
        revision = std::atoll(moved->text(0).c_str());
        moved->reset();
        auto marked = db_.prepare(
            "INSERT INTO proposal_revisions (proposal_id, revision) VALUES (?, ?) "
            "ON CONFLICT (proposal_id) DO UPDATE SET revision = excluded.revision");
        if (!marked) return Error{marked.error()};
        return marked->bind(1, next.id()).bind(2, revision).run();
    }

    Status append_audit(const AuditEntry& audit) override {
        std::lock_guard<std::mutex> lock(mutex_);
        return insert_audit(audit);
    }

    Result<std::vector<AuditEntry>> audit_log(int limit) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = db_.prepare(
            "SELECT seq, at, username, action, proposal_id, before_doc, after_doc, detail FROM audit "
            "ORDER BY seq DESC LIMIT ?");
        if (!stmt) return Error{stmt.error()};
        stmt->bind(1, static_cast<long long>(limit));
        return audit_rows(*stmt);
    }

    Result<std::vector<AuditEntry>> proposal_changes(const std::string& proposal_id, int limit) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = db_.prepare(
            "SELECT seq, at, username, action, proposal_id, before_doc, after_doc, detail FROM audit "
            "WHERE proposal_id = ? AND action NOT LIKE 'refused:%' ORDER BY seq DESC LIMIT ?");
        if (!stmt) return Error{stmt.error()};
        stmt->bind(1, proposal_id);
        stmt->bind(2, static_cast<long long>(limit));
        return audit_rows(*stmt);
    }

    // The rows of a statement whose columns are AuditEntry's in order.
    static Result<std::vector<AuditEntry>> audit_rows(sqlite::Statement& stmt) {
        std::vector<AuditEntry> out;
        while (true) {
            auto row = stmt.step();
            if (!row) return Error{row.error()};
            if (!*row) break;
            out.push_back({stmt.integer(0), stmt.integer(1), stmt.text(2), stmt.text(3), stmt.text(4), stmt.text(5),
                           stmt.text(6), stmt.text(7)});
        }
        return out;
    }

    Result<long long> add_account(const Account& a) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = db_.prepare(
            "INSERT INTO accounts (name, role, county, agency, password_hash, disabled) VALUES (?, ?, ?, ?, ?, ?)");
        if (!stmt) return Error{stmt.error()};
        auto s = stmt->bind(1, a.name)
                     .bind(2, tracker::to_string(a.role))
                     .bind(3, a.county)
                     .bind(4, a.agency)
                     .bind(5, a.password_hash)
                     .bind(6, a.disabled ? 1LL : 0LL)
                     .run();
        if (!s) {
            if (s.error().find("UNIQUE") != std::string::npos) return Error{"name: the account \"" + a.name + "\" exists already"};
            return Error{s.error()};
        }
        return static_cast<long long>(sqlite3_last_insert_rowid(db_.handle()));
    }

    Result<std::optional<Account>> find_account(const std::string& name) override {
        return account_where("name = ?", name);
    }

    Result<std::optional<Account>> account_by_id(long long id) override {
        return account_where("id = ?", std::to_string(id));
    }

    Result<std::vector<Account>> accounts() override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = db_.prepare(kAccountColumns + std::string(" ORDER BY name"));
        if (!stmt) return Error{stmt.error()};
        std::vector<Account> out;
        while (true) {
            auto row = stmt->step();
            if (!row) return Error{row.error()};
            if (!*row) break;
            out.push_back(account_of(*stmt));
        }
        return out;
    }

    Status set_password_hash(long long account_id, const std::string& hash) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = db_.prepare("UPDATE accounts SET password_hash = ? WHERE id = ?");
        if (!stmt) return Error{stmt.error()};
        return stmt->bind(1, hash).bind(2, account_id).run();
    }

    Status set_disabled(long long account_id, bool disabled) override {
        std::lock_guard<std::mutex> lock(mutex_);
        return transaction(
            [&]() -> Status {
                auto stmt = db_.prepare("UPDATE accounts SET disabled = ? WHERE id = ?");
                if (!stmt) return Error{stmt.error()};
                if (auto s = stmt->bind(1, disabled ? 1LL : 0LL).bind(2, account_id).run(); !s) return s;
                if (!disabled) return ok_status();
                auto end = db_.prepare("DELETE FROM sessions WHERE account_id = ?");
                if (!end) return Error{end.error()};
                return end->bind(1, account_id).run();
            },
            "cannot change the account");
    }

    Status create_session(const Session& s) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = db_.prepare(
            "INSERT INTO sessions (token_digest, account_id, csrf, created, last_seen) VALUES (?, ?, ?, ?, ?)");
        if (!stmt) return Error{stmt.error()};
        return stmt->bind(1, s.token_digest).bind(2, s.account_id).bind(3, s.csrf).bind(4, s.created).bind(5, s.last_seen).run();
    }

    Result<std::optional<Session>> find_session(const std::string& token_digest) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = db_.prepare(
            "SELECT token_digest, account_id, csrf, created, last_seen FROM sessions WHERE token_digest = ?");
        if (!stmt) return Error{stmt.error()};
        stmt->bind(1, token_digest);
        auto row = stmt->step();
        if (!row) return Error{row.error()};
        if (!*row) return std::optional<Session>();
        return std::optional<Session>(
            Session{stmt->text(0), stmt->integer(1), stmt->text(2), stmt->integer(3), stmt->integer(4)});
    }

    Status touch_session(const std::string& token_digest, UnixTime now) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = db_.prepare("UPDATE sessions SET last_seen = ? WHERE token_digest = ?");
        if (!stmt) return Error{stmt.error()};
        return stmt->bind(1, now).bind(2, token_digest).run();
    }

    Status delete_session(const std::string& token_digest) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = db_.prepare("DELETE FROM sessions WHERE token_digest = ?");
        if (!stmt) return Error{stmt.error()};
        return stmt->bind(1, token_digest).run();
    }

    Result<SignInFailures> failed_sign_ins(const std::string& name, const std::string& address, UnixTime since) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = db_.prepare(
            "SELECT COALESCE(SUM(name = ?1), 0), COALESCE(SUM(address = ?2), 0), COALESCE(SUM(name = ?1 AND address = ?2), 0), "
            "COALESCE(MAX(CASE WHEN name = ?1 THEN at END), 0) FROM sign_ins WHERE ok = 0 AND at >= ?3 AND (name = ?1 OR address = ?2)");
        if (!stmt) return Error{stmt.error()};
        stmt->bind(1, name).bind(2, address).bind(3, since);
        auto row = stmt->step();
        if (!row) return Error{row.error()};
        return SignInFailures{static_cast<int>(stmt->integer(0)), static_cast<int>(stmt->integer(1)),
                              static_cast<int>(stmt->integer(2)), stmt->integer(3)};
    }

    Status record_sign_in(const std::string& name, const std::string& address, bool ok, UnixTime at) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = db_.prepare("INSERT INTO sign_ins (name, address, ok, at) VALUES (?, ?, ?, ?)");
        if (!stmt) return Error{stmt.error()};
        return stmt->bind(1, name).bind(2, address).bind(3, ok ? 1LL : 0LL).bind(4, at).run();
    }

    Status save_parking_document(const ParkingDocument& d) override {
        std::lock_guard<std::mutex> lock(mutex_);
        return transaction(
            [&]() -> Status {
                auto stmt = db_.prepare(kSaveParkingDocument);
                if (!stmt) return Error{stmt.error()};
                if (auto s = stmt->bind(1, d.county).bind(2, d.kind).bind(3, d.sample ? 1LL : 0LL).bind(4, d.fetched_at).bind(5, d.body).run(); !s)
                    return s;
                return db_.exec(kBumpParkingRevision);
            },
            "parking document not kept");
    }

    Result<long long> parking_revision() override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = db_.prepare(kParkingRevision);
        if (!stmt) return Error{stmt.error()};
        auto row = stmt->step();
        if (!row) return Error{path_ + ": " + row.error()};
        return *row ? std::atoll(stmt->text(0).c_str()) : 0LL;
    }

    // A lock on a file beside the database (flock: it goes with the process). A database in
    // memory is one process's alone.
    Result<bool> lead_feeds() override {
        std::lock_guard<std::mutex> lock(mutex_);
        if (lead_fd_ >= 0) return true;
        if (path_.empty() || path_ == ":memory:") return true;
        const std::string lock_path = path_ + ".feeds-lock";
        const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0) return Error{lock_path + ": " + std::strerror(errno)};
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int e = errno;
            ::close(fd);
            if (e == EWOULDBLOCK) return false;
            return Error{lock_path + ": " + std::strerror(e)};
        }
        lead_fd_ = fd;
        return true;
    }

    ~SqliteStore() override {
        if (lead_fd_ >= 0) ::close(lead_fd_);
    }

    Result<std::vector<ParkingDocument>> parking_documents() override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = db_.prepare(kParkingDocuments);
        if (!stmt) return Error{stmt.error()};
        std::vector<ParkingDocument> out;
        for (;;) {
            auto row = stmt->step();
            if (!row) return Error{path_ + ": " + row.error()};
            if (!*row) return out;
            out.push_back({stmt->text(0), stmt->text(1), stmt->integer(2) != 0, stmt->integer(3), stmt->text(4)});
        }
    }

    Status purge(UnixTime sessions_before, UnixTime sign_ins_before) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto sessions = db_.prepare("DELETE FROM sessions WHERE created < ?");
        auto sign_ins = db_.prepare("DELETE FROM sign_ins WHERE at < ?");
        if (!sessions) return Error{sessions.error()};
        if (!sign_ins) return Error{sign_ins.error()};
        if (auto s = sessions->bind(1, sessions_before).run(); !s) return s;
        return sign_ins->bind(1, sign_ins_before).run();
    }

private:
    static constexpr const char* kAccountColumns =
        "SELECT id, name, role, county, agency, password_hash, disabled FROM accounts";

    static Account account_of(const sqlite::Statement& s) {
        Account a;
        a.id = s.integer(0);
        a.name = s.text(1);
        a.role = tracker::parse_role(s.text(2)).value_or(tracker::Role::editor);
        a.county = s.text(3);
        a.agency = s.text(4);
        a.password_hash = s.text(5);
        a.disabled = s.integer(6) != 0;
        return a;
    }

    Result<std::optional<Account>> account_where(const char* condition, const std::string& value) {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = db_.prepare(std::string(kAccountColumns) + " WHERE " + condition);
        if (!stmt) return Error{stmt.error()};
        stmt->bind(1, value);
        auto row = stmt->step();
        if (!row) return Error{row.error()};
        if (!*row) return std::optional<Account>();
        return std::optional<Account>(account_of(*stmt));
    }

    Status transaction(const std::function<Status()>& body, const char* what) {
        if (auto s = db_.transaction(body, what); !s) return Error{path_ + ": " + s.error()};
        return ok_status();
    }

    Status insert_audit(const AuditEntry& a) {
        auto stmt = db_.prepare(
            "INSERT INTO audit (at, username, action, proposal_id, before_doc, after_doc, detail) VALUES (?, ?, ?, ?, ?, ?, ?)");
        if (!stmt) return Error{stmt.error()};
        return stmt->bind(1, a.at)
            .bind(2, a.user)
            .bind(3, a.action)
            .bind(4, a.proposal_id)
            .bind(5, a.before)
            .bind(6, a.after)
            .bind(7, a.detail)
            .run();
    }

    Status read_rows(StoredRows& rows) {
        for (auto [table, out] : {std::pair{"counties", &rows.counties}, std::pair{"issue_groups", &rows.groups}}) {
            auto stmt = db_.prepare(std::string("SELECT id, doc FROM ") + table + " ORDER BY position");
            if (!stmt) return Error{stmt.error()};
            while (true) {
                auto row = stmt->step();
                if (!row) return Error{row.error()};
                if (!*row) break;
                out->push_back({stmt->text(0), stmt->text(1)});
            }
        }
        auto proposals = db_.prepare("SELECT id, doc, version, updated FROM proposals ORDER BY position");
        if (!proposals) return Error{proposals.error()};
        if (auto s = take_proposals(*proposals, rows); !s) return s;
        auto events = db_.prepare("SELECT proposal_id, doc, seq FROM status_events ORDER BY seq");
        if (!events) return Error{events.error()};
        return take_events(*events, rows);
    }

    // The rows of a SELECT of proposals' id, doc, version, updated; of events' proposal_id, doc, seq.
    static Status take_proposals(sqlite::Statement& stmt, StoredRows& rows) {
        while (true) {
            auto row = stmt.step();
            if (!row) return Error{row.error()};
            if (!*row) return ok_status();
            rows.proposals.push_back({stmt.text(0), stmt.text(1), stmt.integer(2), stmt.text(3)});
        }
    }
    static Status take_events(sqlite::Statement& stmt, StoredRows& rows) {
        while (true) {
            auto row = stmt.step();
            if (!row) return Error{row.error()};
            if (!*row) return ok_status();
            rows.events.push_back({stmt.text(0), stmt.text(1), stmt.integer(2)});
        }
    }

    Status read_changed(long long since, StoredRows& rows, long long& revision) {
        auto at = db_.prepare("SELECT value FROM meta WHERE key = 'revision'");
        if (!at) return Error{at.error()};
        auto got = at->step();
        if (!got) return Error{got.error()};
        revision = *got ? std::atoll(at->text(0).c_str()) : 0;
        auto proposals = db_.prepare(
            "SELECT p.id, p.doc, p.version, p.updated FROM proposals p JOIN proposal_revisions r ON r.proposal_id = p.id "
            "WHERE r.revision > ? ORDER BY p.position");
        if (!proposals) return Error{proposals.error()};
        proposals->bind(1, since);
        if (auto s = take_proposals(*proposals, rows); !s) return s;
        auto events = db_.prepare(
            "SELECT proposal_id, doc, seq FROM status_events WHERE proposal_id IN "
            "(SELECT proposal_id FROM proposal_revisions WHERE revision > ?) ORDER BY seq");
        if (!events) return Error{events.error()};
        events->bind(1, since);
        return take_events(*events, rows);
    }

    Status insert_all(const content::Catalog& catalog) {
        auto county = db_.prepare("INSERT INTO counties (id, position, doc) VALUES (?, ?, ?)");
        auto group = db_.prepare("INSERT INTO issue_groups (id, position, doc) VALUES (?, ?, ?)");
        auto proposal = db_.prepare(
            "INSERT INTO proposals (id, position, year, status, county, version, updated, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        auto event = db_.prepare("INSERT INTO status_events (proposal_id, doc) VALUES (?, ?)");
        for (auto* s : {&county, &group, &proposal, &event})
            if (!s->ok()) return Error{s->error()};

        long long position = 0;
        for (const auto& c : catalog.counties)
            if (auto s = county->bind(1, c.id).bind(2, position++).bind(3, text::to_json_text(content::to_json(c))).run(); !s)
                return s;
        position = 0;
        for (const auto& g : catalog.groups)
            if (auto s = group->bind(1, g.id).bind(2, position++).bind(3, text::to_json_text(content::to_json(g))).run(); !s)
                return s;
        position = 0;
        for (const auto& p : catalog.proposals) {
            auto record = tracker::record_from_content(p);
            if (auto s = proposal->bind(1, p.id)
                             .bind(2, position++)
                             .bind(3, p.year)
                             .bind(4, content::to_string(p.status))
                             .bind(5, p.county)
                             .bind(6, record.version)
                             .bind(7, text::to_iso(record.updated))
                             .bind(8, text::to_json_text(content::to_json(p)))
                             .run();
                !s)
                return Error{"proposal " + p.id + ": " + s.error()};
            for (const auto& e : record.history)
                if (auto s = event->bind(1, p.id).bind(2, text::to_json_text(tracker::to_json(e))).run(); !s) return s;
        }
        return db_.exec("INSERT INTO meta (key, value) VALUES ('seeded_at', datetime('now')), ('revision', '0');");
    }

    sqlite::Database db_;
    std::string path_;
    std::mutex mutex_;
    int lead_fd_ = -1;  // the feeds' lock file, while this process leads
};

}  // namespace

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path) {
    auto store = std::make_unique<SqliteStore>();
    if (auto s = store->open(path); !s) return Error{s.error()};
    return std::unique_ptr<Store>(std::move(store));
}

}  // namespace beitai::site
