// The PostgreSQL store: the same tables and rules as the SQLite one (store/schema.h), for
// several server processes behind one database. A proposal write locks its row
// (SELECT … FOR UPDATE) before comparing versions, so of two concurrent editors exactly one
// wins and the other gets a version conflict. One connection per process, used under a
// mutex: reads are served from the in-memory snapshot, so the store sees only writes,
// sessions and reloads.
#include <memory>
#include <mutex>

#include "store/postgres.h"
#include "store/schema.h"
#include "store/stored_rows.h"
#include "store/store.h"

namespace beitai::site {

namespace {

constexpr const char* kAppendOnly = R"sql(
CREATE OR REPLACE FUNCTION beitai_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;
DROP TRIGGER IF EXISTS audit_append_only ON audit;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION beitai_append_only();
DROP TRIGGER IF EXISTS events_append_only ON status_events;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON status_events FOR EACH ROW EXECUTE FUNCTION beitai_append_only();
)sql";

std::string num(long long v) { return std::to_string(v); }

class PostgresStore : public Store {
public:
    Status open(const std::string& conninfo) {
        conninfo_ = conninfo;
        if (auto s = db_.open(conninfo); !s) return s;
        // Two processes starting at once must not both create the schema.
        if (auto s = db_.exec_script("SELECT pg_advisory_lock(" + std::to_string(pg::lock_key::schema) + ");"); !s) return s;
        auto schema = db_.exec_script(store_schema("BIGSERIAL PRIMARY KEY"));
        auto triggers = schema ? db_.exec_script(kAppendOnly) : schema;
        db_.exec_script("SELECT pg_advisory_unlock(" + std::to_string(pg::lock_key::schema) + ");");
        if (!schema) return Error{"PostgreSQL: cannot create the schema: " + schema.error()};
        if (!triggers) return Error{"PostgreSQL: " + triggers.error()};
        return ok_status();
    }

    Result<bool> is_seeded() override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec("SELECT value FROM meta WHERE key = 'seeded_at'");
        if (!r) return Error{r.error()};
        return r->size() > 0;
    }

    Status seed(const content::Catalog& catalog) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        return transaction([&]() -> Status {
            // Another process may have seeded between our check and now.
            auto seeded = db_.exec("SELECT value FROM meta WHERE key = 'seeded_at' FOR UPDATE");
            if (!seeded) return Error{seeded.error()};
            if (seeded->size() > 0) return ok_status();
            long long position = 0;
            for (const auto& c : catalog.counties)
                if (auto r = db_.exec("INSERT INTO counties (id, position, doc) VALUES ($1, $2, $3)",
                                      {c.id, num(position++), text::to_json_text(content::to_json(c))});
                    !r)
                    return Error{r.error()};
            position = 0;
            for (const auto& g : catalog.groups)
                if (auto r = db_.exec("INSERT INTO issue_groups (id, position, doc) VALUES ($1, $2, $3)",
                                      {g.id, num(position++), text::to_json_text(content::to_json(g))});
                    !r)
                    return Error{r.error()};
            position = 0;
            for (const auto& p : catalog.proposals) {
                auto record = tracker::record_from_content(p);
                if (auto r = db_.exec(
                        "INSERT INTO proposals (id, position, year, status, county, version, updated, doc) "
                        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                        {p.id, num(position++), num(p.year), std::string(content::to_string(p.status)), p.county,
                         num(record.version), text::to_iso(record.updated), text::to_json_text(content::to_json(p))});
                    !r)
                    return Error{"proposal " + p.id + ": " + r.error()};
                for (const auto& e : record.history)
                    if (auto r = db_.exec("INSERT INTO status_events (proposal_id, doc) VALUES ($1, $2)",
                                          {p.id, text::to_json_text(tracker::to_json(e))});
                        !r)
                        return Error{r.error()};
            }
            auto r = db_.exec("INSERT INTO meta (key, value) VALUES ('seeded_at', now()::text), ('revision', '0')");
            if (!r) return Error{r.error()};
            return ok_status();
        });
    }

    Result<tracker::Snapshot> load() override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        // One snapshot of the database for all the reads below.
        if (auto s = db_.exec_script("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;"); !s) return Error{s.error()};
        auto counties = db_.exec("SELECT id, doc FROM counties ORDER BY position");
        auto groups = db_.exec("SELECT id, doc FROM issue_groups ORDER BY position");
        auto proposals = db_.exec("SELECT id, doc, version, updated FROM proposals ORDER BY position");
        auto events = db_.exec("SELECT proposal_id, doc, seq FROM status_events ORDER BY seq");
        db_.exec_script("COMMIT;");
        for (auto* r : {&counties, &groups, &proposals, &events})
            if (!*r) return Error{"PostgreSQL: " + r->error()};
        StoredRows rows;
        for (int i = 0; i < counties->size(); ++i) rows.counties.push_back({counties->text(i, 0), counties->text(i, 1)});
        for (int i = 0; i < groups->size(); ++i) rows.groups.push_back({groups->text(i, 0), groups->text(i, 1)});
        for (int i = 0; i < proposals->size(); ++i)
            rows.proposals.push_back({proposals->text(i, 0), proposals->text(i, 1), proposals->integer(i, 2), proposals->text(i, 3)});
        for (int i = 0; i < events->size(); ++i)
            rows.events.push_back({events->text(i, 0), events->text(i, 1), events->integer(i, 2)});
        return snapshot_from_rows(rows, "postgresql");
    }

    Result<Changed> changed_since(long long since) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        // One snapshot of the database: the revision and the rows it covers.
        if (auto s = db_.exec_script("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;"); !s) return Error{s.error()};
        auto revision = db_.exec("SELECT value FROM meta WHERE key = 'revision'");
        auto proposals = db_.exec(
            "SELECT p.id, p.doc, p.version, p.updated FROM proposals p JOIN proposal_revisions r ON r.proposal_id = p.id "
            "WHERE r.revision > $1 ORDER BY p.position",
            {num(since)});
        auto events = db_.exec(
            "SELECT proposal_id, doc, seq FROM status_events WHERE proposal_id IN "
            "(SELECT proposal_id FROM proposal_revisions WHERE revision > $1) ORDER BY seq",
            {num(since)});
        db_.exec_script("COMMIT;");
        for (auto* r : {&revision, &proposals, &events})
            if (!*r) return Error{"PostgreSQL: " + r->error()};
        StoredRows rows;
        for (int i = 0; i < proposals->size(); ++i)
            rows.proposals.push_back({proposals->text(i, 0), proposals->text(i, 1), proposals->integer(i, 2), proposals->text(i, 3)});
        for (int i = 0; i < events->size(); ++i)
            rows.events.push_back({events->text(i, 0), events->text(i, 1), events->integer(i, 2)});
        auto records = records_from_rows(rows, "postgresql");
        if (!records) return Error{records.error()};
        return Changed{revision->size() ? std::atoll(revision->text(0, 0).c_str()) : 0LL, std::move(*records)};
    }

    Result<long long> revision() override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec("SELECT value FROM meta WHERE key = 'revision'");
        if (!r) return Error{r.error()};
        return r->size() ? std::atoll(r->text(0, 0).c_str()) : 0LL;
    }

    Result<std::vector<ProposalWrite>> write_proposals(const std::vector<ProposalChange>& changes) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        std::vector<ProposalWrite> results;
        auto status = transaction([&]() -> Status {
            results.clear();
            for (const auto& change : changes) {
                // Each write in a savepoint of its own: one that lost its race is undone alone.
                if (auto s = db_.exec_script("SAVEPOINT one_write;"); !s) return s;
                bool conflict = false;
                long long revision = 0;
                auto s = write_one(change, conflict, revision);
                if (!s && !conflict) return s;
                if (conflict) {
                    if (auto undo = db_.exec_script("ROLLBACK TO SAVEPOINT one_write; RELEASE SAVEPOINT one_write;"); !undo)
                        return undo;
                    results.push_back({WriteResult::version_conflict, 0});
                    continue;
                }
                if (auto r = db_.exec_script("RELEASE SAVEPOINT one_write;"); !r) return r;
                results.push_back({WriteResult::stored, revision});
            }
            return ok_status();
        });
        if (!status) return Error{status.error()};
        return results;
    }

    // One proposal write inside the open transaction. The row is locked (FOR UPDATE) before
    // its version is compared, so of two processes writing one item exactly one wins;
    // `conflict` when this one lost (nothing written then, or an error to undo).
    Status write_one(const ProposalChange& change, bool& conflict, long long& revision) {
        const tracker::ProposalRecord& next = *change.next;
        const long long expected_version = change.expected_version;
        auto current = db_.exec("SELECT version FROM proposals WHERE id = $1 FOR UPDATE", {next.id()});
        if (!current) return Error{current.error()};
        const long long stored = current->size() ? current->integer(0, 0) : 0;
        if (stored != expected_version) {
            conflict = true;
            return ok_status();
        }
        const std::string doc = text::to_json_text(content::to_json(next.proposal));
        const std::vector<std::string> columns = {next.id(), num(next.proposal.year),
                                                  std::string(content::to_string(next.proposal.status)),
                                                  next.proposal.county, num(next.version), text::to_iso(next.updated), doc};
        Result<pg::Rows> written = expected_version == 0
            ? db_.exec("INSERT INTO proposals (id, position, year, status, county, version, updated, doc) "
                       "VALUES ($1, (SELECT COALESCE(MAX(position), -1) + 1 FROM proposals), $2, $3, $4, $5, $6, $7)",
                       columns)
            : db_.exec("UPDATE proposals SET year = $2, status = $3, county = $4, version = $5, updated = $6, "
                       "doc = $7 WHERE id = $1",
                       columns);
        if (!written) {
            if (db_.last_state() == "23505") conflict = true;  // another process created that id first
            return Error{written.error()};
        }
        if (change.event && *change.event)
            if (auto r = db_.exec("INSERT INTO status_events (proposal_id, doc) VALUES ($1, $2)",
                                  {next.id(), text::to_json_text(tracker::to_json(**change.event))});
                !r)
                return Error{r.error()};
        if (auto s = insert_audit(*change.audit); !s) return s;
        auto r = db_.exec("UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'revision' RETURNING value");
        if (!r) return Error{r.error()};
        if (r->size() != 1) return Error{"the store has no revision"};
        revision = r->integer(0, 0);
        return status_of(db_.exec("INSERT INTO proposal_revisions (proposal_id, revision) VALUES ($1, $2) "
                                  "ON CONFLICT (proposal_id) DO UPDATE SET revision = excluded.revision",
                                  {next.id(), num(revision)}));
    }

    Status append_audit(const AuditEntry& audit) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        return insert_audit(audit);
    }

    Result<std::vector<AuditEntry>> audit_log(int limit) override {
        return audit_rows("SELECT seq, at, username, action, proposal_id, before_doc, after_doc, detail FROM audit "
                          "ORDER BY seq DESC LIMIT $1",
                          {num(limit)});
    }

    Result<std::vector<AuditEntry>> proposal_changes(const std::string& proposal_id, int limit) override {
        return audit_rows("SELECT seq, at, username, action, proposal_id, before_doc, after_doc, detail FROM audit "
                          "WHERE proposal_id = $1 AND action NOT LIKE 'refused:%' ORDER BY seq DESC LIMIT $2",
                          {proposal_id, num(limit)});
    }

    Result<long long> add_account(const Account& a) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec(
            "INSERT INTO accounts (name, role, county, agency, password_hash, disabled) "
            "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            {a.name, std::string(tracker::to_string(a.role)), a.county, a.agency, a.password_hash, a.disabled ? "1" : "0"});
        if (!r) {
            if (db_.last_state() == "23505") return Error{"name: the account \"" + a.name + "\" exists already"};
            return Error{r.error()};
        }
        return r->integer(0, 0);
    }

    Result<std::optional<Account>> find_account(const std::string& name) override {
        return account_where("name = $1", name);
    }

    Result<std::optional<Account>> account_by_id(long long id) override { return account_where("id = $1", num(id)); }

    Result<std::vector<Account>> accounts() override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec(std::string(kAccountColumns) + " ORDER BY name");
        if (!r) return Error{r.error()};
        std::vector<Account> out;
        for (int i = 0; i < r->size(); ++i) out.push_back(account_of(*r, i));
        return out;
    }

    Status set_password_hash(long long account_id, const std::string& hash) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        return status_of(db_.exec("UPDATE accounts SET password_hash = $1 WHERE id = $2", {hash, num(account_id)}));
    }

    Status set_disabled(long long account_id, bool disabled) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        return transaction([&]() -> Status {
            if (auto s = status_of(db_.exec("UPDATE accounts SET disabled = $1 WHERE id = $2",
                                            {disabled ? "1" : "0", num(account_id)}));
                !s)
                return s;
            if (!disabled) return ok_status();
            return status_of(db_.exec("DELETE FROM sessions WHERE account_id = $1", {num(account_id)}));
        });
    }

    Status create_session(const Session& s) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        return status_of(db_.exec(
            "INSERT INTO sessions (token_digest, account_id, csrf, created, last_seen) VALUES ($1, $2, $3, $4, $5)",
            {s.token_digest, num(s.account_id), s.csrf, num(s.created), num(s.last_seen)}));
    }

    Result<std::optional<Session>> find_session(const std::string& token_digest) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec(
            "SELECT token_digest, account_id, csrf, created, last_seen FROM sessions WHERE token_digest = $1",
            {token_digest});
        if (!r) return Error{r.error()};
        if (r->size() == 0) return std::optional<Session>();
        return std::optional<Session>(Session{r->text(0, 0), r->integer(0, 1), r->text(0, 2), r->integer(0, 3), r->integer(0, 4)});
    }

    Status touch_session(const std::string& token_digest, UnixTime now) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        return status_of(db_.exec("UPDATE sessions SET last_seen = $1 WHERE token_digest = $2", {num(now), token_digest}));
    }

    Status delete_session(const std::string& token_digest) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        return status_of(db_.exec("DELETE FROM sessions WHERE token_digest = $1", {token_digest}));
    }

    Result<SignInFailures> failed_sign_ins(const std::string& name, const std::string& address, UnixTime since) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec(
            "SELECT COUNT(*) FILTER (WHERE name = $1), COUNT(*) FILTER (WHERE address = $2), "
            "COUNT(*) FILTER (WHERE name = $1 AND address = $2), COALESCE(MAX(at) FILTER (WHERE name = $1), 0) "
            "FROM sign_ins WHERE ok = 0 AND at >= $3 AND (name = $1 OR address = $2)",
            {name, address, num(since)});
        if (!r) return Error{r.error()};
        return SignInFailures{static_cast<int>(r->integer(0, 0)), static_cast<int>(r->integer(0, 1)),
                              static_cast<int>(r->integer(0, 2)), r->integer(0, 3)};
    }

    Status record_sign_in(const std::string& name, const std::string& address, bool ok, UnixTime at) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        return status_of(db_.exec("INSERT INTO sign_ins (name, address, ok, at) VALUES ($1, $2, $3, $4)",
                                  {name, address, ok ? "1" : "0", num(at)}));
    }

    Status save_parking_document(const ParkingDocument& d) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        std::string sql = kSaveParkingDocument;
        for (char n = '1'; n <= '5'; ++n) sql.replace(sql.find('?'), 1, std::string("$") + n);
        return transaction([&]() -> Status {
            if (auto s = status_of(db_.exec(sql, {d.county, d.kind, d.sample ? "1" : "0", num(d.fetched_at), d.body})); !s)
                return s;
            return status_of(db_.exec(kBumpParkingRevision));
        });
    }

    Result<long long> parking_revision() override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec(kParkingRevision);
        if (!r) return Error{r.error()};
        return r->size() > 0 ? r->integer(0, 0) : 0LL;
    }

    // A session advisory lock on a connection of its own: held while the connection lives, so
    // a process that dies (SIGKILL included) lets it go as soon as the server sees the socket
    // close. While the lead's connection works the lead is kept; when it broke, the lead is
    // taken again if it is still free (another process may have taken it meanwhile).
    Result<bool> lead_feeds() override {
        std::lock_guard<std::mutex> lock(lead_mutex_);
        if (lead_ && leading_) {
            if (lead_->exec("SELECT 1")) return true;
            lead_.reset();
            leading_ = false;
        }
        if (!lead_) {
            auto connection = std::make_unique<pg::Connection>();
            if (auto s = connection->open(conninfo_); !s) return Error{"the feeds' lead: " + s.error()};
            lead_ = std::move(connection);
        }
        auto r = lead_->exec("SELECT pg_try_advisory_lock(" + std::to_string(pg::lock_key::feeds_lead) + ")");
        if (!r) {
            lead_.reset();
            return Error{"the feeds' lead: " + r.error()};
        }
        leading_ = r->text(0, 0) == "t";
        return leading_;
    }

    Result<std::vector<ParkingDocument>> parking_documents() override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec(kParkingDocuments);
        if (!r) return Error{r.error()};
        std::vector<ParkingDocument> out;
        for (int i = 0; i < r->size(); ++i)
            out.push_back({r->text(i, 0), r->text(i, 1), r->integer(i, 2) != 0, r->integer(i, 3), r->text(i, 4)});
        return out;
    }

    Status purge(UnixTime sessions_before, UnixTime sign_ins_before) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        if (auto s = status_of(db_.exec("DELETE FROM sessions WHERE created < $1", {num(sessions_before)})); !s) return s;
        return status_of(db_.exec("DELETE FROM sign_ins WHERE at < $1", {num(sign_ins_before)}));
    }

private:
    static constexpr const char* kAccountColumns =
        "SELECT id, name, role, county, agency, password_hash, disabled FROM accounts";

    static Status status_of(const Result<pg::Rows>& r) { return r ? ok_status() : Status(Error{r.error()}); }

    static Account account_of(const pg::Rows& r, int i) {
        Account a;
        a.id = r.integer(i, 0);
        a.name = r.text(i, 1);
        a.role = tracker::parse_role(r.text(i, 2)).value_or(tracker::Role::editor);
        a.county = r.text(i, 3);
        a.agency = r.text(i, 4);
        a.password_hash = r.text(i, 5);
        a.disabled = r.integer(i, 6) != 0;
        return a;
    }

    Result<std::optional<Account>> account_where(const char* condition, const std::string& value) {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec(std::string(kAccountColumns) + " WHERE " + condition, {value});
        if (!r) return Error{r.error()};
        if (r->size() == 0) return std::optional<Account>();
        return std::optional<Account>(account_of(*r, 0));
    }

    // Audit rows selected by `sql`, whose columns are AuditEntry's in order.
    Result<std::vector<AuditEntry>> audit_rows(const char* sql, const std::vector<std::string>& params) {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec(sql, params);
        if (!r) return Error{r.error()};
        std::vector<AuditEntry> out;
        for (int i = 0; i < r->size(); ++i)
            out.push_back({r->integer(i, 0), r->integer(i, 1), r->text(i, 2), r->text(i, 3), r->text(i, 4),
                           r->text(i, 5), r->text(i, 6), r->text(i, 7)});
        return out;
    }

    Status insert_audit(const AuditEntry& a) {
        return status_of(db_.exec(
            "INSERT INTO audit (at, username, action, proposal_id, before_doc, after_doc, detail) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7)",
            {num(a.at), a.user, a.action, a.proposal_id, a.before, a.after, a.detail}));
    }

    Status transaction(const std::function<Status()>& body) {
        if (auto s = db_.transaction(body); !s) return Error{"PostgreSQL: " + s.error()};
        return ok_status();
    }

    pg::Connection db_;
    std::mutex mutex_;
    std::string conninfo_;
    std::mutex lead_mutex_;
    std::unique_ptr<pg::Connection> lead_;  // the feeds' lead, on a connection of its own
    bool leading_ = false;
};

}  // namespace

Result<std::unique_ptr<Store>> open_postgres_store(const std::string& conninfo) {
    auto store = std::make_unique<PostgresStore>();
    if (auto s = store->open(conninfo); !s) return Error{s.error()};
    return std::unique_ptr<Store>(std::move(store));
}

}  // namespace beitai::site
