// Where the portal keeps its state. SQLite is the embedded default (store/sqlite_store.cpp);
// PostgreSQL implements the same interface for several server processes sharing one
// database (store/postgres_store.cpp).
//
// On first start the store is filled from content/ in one transaction; after that it is
// the source of truth, and content/ is only checked (staff edits live in the store).
// Every write that matters — a proposal change with its status event and audit row, a
// session, an account — is one transaction, durable when the call returns.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "content/catalog.h"
#include "text/result.h"
#include "tracker/actions.h"
#include "clock/clock.h"
#include "tracker/record.h"

namespace beitai::site {

// Times are UnixTime (clock/clock.h); the site passes them in, the store never reads a clock.

struct Account {
    long long id = 0;
    std::string name;  // sign-in name
    tracker::Role role = tracker::Role::editor;
    std::string county;  // TDX id; empty for admins
    std::string agency;  // shown publicly on the changes this account makes
    std::string password_hash;
    bool disabled = false;

    tracker::Actor actor() const { return {name, role, county, agency}; }
};

struct Session {
    std::string token_digest;  // SHA-256 of the cookie's token
    long long account_id = 0;
    std::string csrf;
    UnixTime created = 0;
    UnixTime last_seen = 0;
};

// One row of the append-only audit log: who did what to which item, and for a write to a
// proposal what it changed (tracker/audit_change.h: the changed fields before and after, the
// status event; rows from before that form hold whole records, and read the same).
struct AuditEntry {
    long long seq = 0;  // assigned by the store
    UnixTime at = 0;
    std::string user;
    std::string action;       // "close", "sign-in", "sign-in-failed", "refused:close", …
    std::string proposal_id;  // or "" when none
    std::string before;       // JSON text, or ""
    std::string after;        // JSON text, or ""
    std::string detail;       // a reason for refusals, the address for sign-ins
};

// A county's last good parking document of one kind, kept so that after a restart the portal
// serves it — with its true age — until the feed answers again (site/feeds/poller.cpp).
struct ParkingDocument {
    std::string county;  // TDX city id
    std::string kind;    // "car_parks" or "availability"
    bool sample = false;  // from a sample feed (the simulator): never restored as real data
    UnixTime fetched_at = 0;
    std::string body;  // TDX JSON as the core writes it (parking/tdx_write.h)
};

// The result of a proposal write: stored, or lost the race to another writer.
enum class WriteResult { stored, version_conflict };
struct ProposalWrite {
    WriteResult result = WriteResult::stored;
    // The store's revision that write made (stored only). One more than the revision the
    // writer last knew means no other process wrote in between: the writer's snapshot plus
    // this record is the store (site/routes/portal.cpp).
    long long revision = 0;
};

class Store {
public:
    virtual ~Store() = default;

    virtual Result<bool> is_seeded() = 0;
    virtual Status seed(const content::Catalog& catalog) = 0;
    virtual Result<tracker::Snapshot> load() = 0;
    // A number that changes with every proposal write: a cheap "has anything changed?".
    virtual Result<long long> revision() = 0;
    // The items written since `revision` (a number revision() gave), each whole with its
    // history, in store order, and the revision they bring the reader to — read together, so
    // nothing written meanwhile is missed: how a process takes in another's writes without
    // reading the whole store again.
    struct Changed {
        long long revision = 0;
        std::vector<tracker::ProposalRecord> records;
    };
    virtual Result<Changed> changed_since(long long revision) = 0;

    // Stores `next` if the stored version is still `expected_version` (0: a new item),
    // appends `event` (if any) to the status history and `audit` to the log and moves the
    // revision on — all or nothing, durable when it returns.
    Result<ProposalWrite> write_proposal(const tracker::ProposalRecord& next, long long expected_version,
                                         const std::optional<tracker::StatusEvent>& event, const AuditEntry& audit);
    // Several such writes in one transaction and one fsync (the portal's group commit), each
    // judged on its own: one that lost its race is a version_conflict and stores nothing,
    // the others are stored, in order (a later write to the same item sees the earlier one).
    // An error stores none of them.
    struct ProposalChange {
        const tracker::ProposalRecord* next = nullptr;
        long long expected_version = 0;
        const std::optional<tracker::StatusEvent>* event = nullptr;
        const AuditEntry* audit = nullptr;
    };
    virtual Result<std::vector<ProposalWrite>> write_proposals(const std::vector<ProposalChange>& changes) = 0;
    // Appends to the audit log alone (sign-ins, refused writes).
    virtual Status append_audit(const AuditEntry& audit) = 0;
    // Newest first.
    virtual Result<std::vector<AuditEntry>> audit_log(int limit) = 0;
    // The changes stored for one proposal, newest first: what an editor whose save was
    // refused as out of date is shown (refused attempts left out).
    virtual Result<std::vector<AuditEntry>> proposal_changes(const std::string& proposal_id, int limit) = 0;

    // Fails when the name is taken.
    virtual Result<long long> add_account(const Account& account) = 0;
    virtual Result<std::optional<Account>> find_account(const std::string& name) = 0;
    virtual Result<std::optional<Account>> account_by_id(long long id) = 0;
    virtual Result<std::vector<Account>> accounts() = 0;
    virtual Status set_password_hash(long long account_id, const std::string& hash) = 0;
    // Disabling an account ends all its sessions in the same transaction.
    virtual Status set_disabled(long long account_id, bool disabled) = 0;

    virtual Status create_session(const Session& session) = 0;
    virtual Result<std::optional<Session>> find_session(const std::string& token_digest) = 0;
    virtual Status touch_session(const std::string& token_digest, UnixTime now) = 0;
    virtual Status delete_session(const std::string& token_digest) = 0;

    // Failed sign-ins since `since`: for the name from anywhere, from the address for any
    // name, and for the name from that address; and when the name's latest was (0: none).
    struct SignInFailures {
        int by_name = 0, by_address = 0, by_pair = 0;
        UnixTime last_for_name = 0;
    };
    virtual Result<SignInFailures> failed_sign_ins(const std::string& name, const std::string& address,
                                                   UnixTime since) = 0;
    virtual Status record_sign_in(const std::string& name, const std::string& address, bool ok, UnixTime at) = 0;
    // Replaces the county's document of that kind.
    virtual Status save_parking_document(const ParkingDocument& document) = 0;
    virtual Result<std::vector<ParkingDocument>> parking_documents() = 0;
    // Moves with every saved parking document: a process that does not poll the feeds
    // reloads the documents when it does (feeds/feed_leader.h).
    virtual Result<long long> parking_revision() = 0;

    // Of the processes sharing this store, the one that polls the feeds: takes the lead when
    // nobody holds it and keeps it once held; false while another process has it. The lead
    // ends with its process, however it ends: PostgreSQL drops a session's advisory lock with
    // its connection, the kernel drops a file lock with its process.
    virtual Result<bool> lead_feeds() = 0;

    // Drops sessions begun before `sessions_before` and sign-in records older than
    // `sign_ins_before`: both tables would otherwise only grow.
    virtual Status purge(UnixTime sessions_before, UnixTime sign_ins_before) = 0;
};

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path);
// "postgresql://user@host/db" or a libpq keyword string.
Result<std::unique_ptr<Store>> open_postgres_store(const std::string& conninfo);

// Opens whichever the location names: a postgres:// or postgresql:// URL, or a file path.
Result<std::unique_ptr<Store>> open_store(const std::string& location);

}  // namespace beitai::site
