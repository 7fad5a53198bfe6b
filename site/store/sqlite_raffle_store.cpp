// The raffle's SQLite store: tables of its own (store/raffle_schema.h) in the proposal
// store's file, on a connection of its own — the proposal store may have the file open in
// the same process, and SQLite's locking (with the busy timeout) keeps the two writers apart.
//
// WAL with synchronous=FULL, as the proposal store: an acknowledged write survives a power
// cut. Read-then-write transactions begin IMMEDIATE. Check-ins are committed in groups
// (store/checkin_batcher.h): one transaction and one fsync for all that arrived meanwhile.
#include <mutex>

#include "store/checkin_batcher.h"
#include "store/raffle_rows.h"
#include "store/raffle_schema.h"
#include "store/raffle_store.h"
#include "store/sqlite.h"

namespace beitai::site {

namespace {

constexpr const char* kParticipantColumns =
    "SELECT id, campaign, token_digest, recovery_digest, nickname, home_county, created FROM raffle_participants";
constexpr const char* kInsertCheckin =
    "INSERT INTO raffle_checkins (campaign, participant_id, site, county, at, proof, state, note, reviewer, reviewed_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (participant_id, site) DO NOTHING";
constexpr const char* kCheckinColumns =
    "SELECT id, campaign, participant_id, site, county, at, proof, state, note, reviewer, reviewed_at "
    "FROM raffle_checkins";

// Steps `stmt` to the end, calling `each` on every row; stops at the first failure.
template <class Each>
Status each_row(sqlite::Statement& stmt, Each each) {
    for (;;) {
        auto row = stmt.step();
        if (!row) return Error{row.error()};
        if (!*row) return ok_status();
        if (auto s = each(); !s) return s;
    }
}

class SqliteRaffleStore : public RaffleStore {
public:
    SqliteRaffleStore() : batcher_([this](const std::vector<const StoredCheckin*>& rows) { return insert_checkins(rows); }) {}

    Status open(const std::string& path) {
        path_ = path;
        if (auto s = db_.open(path); !s) return s;
        for (const char* pragma : {"PRAGMA journal_mode=WAL;", "PRAGMA synchronous=FULL;", "PRAGMA foreign_keys=ON;"})
            if (auto s = db_.exec(pragma); !s) return Error{path + ": " + s.error()};
        if (auto s = db_.exec(raffle_schema("INTEGER PRIMARY KEY AUTOINCREMENT").c_str()); !s)
            return Error{path + ": cannot create the raffle tables: " + s.error()};
        return ok_status();
    }

    // --- campaigns ---------------------------------------------------------------------

    Result<std::vector<content::Campaign>> campaigns() override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = prepare("SELECT id, doc FROM raffle_campaigns ORDER BY position");
        if (!stmt) return Error{stmt.error()};
        std::vector<content::Campaign> out;
        auto s = each_row(*stmt, [&]() -> Status {
            auto campaign = campaign_from_doc(stmt->text(0), stmt->text(1), path_);
            if (!campaign) return Error{campaign.error()};
            out.push_back(std::move(*campaign));
            return ok_status();
        });
        if (!s) return Error{s.error()};
        return out;
    }

    Status insert_missing_campaigns(const std::vector<content::Campaign>& campaigns) override {
        std::lock_guard<std::mutex> lock(mutex_);
        return transaction(
            [&]() -> Status {
                for (const auto& c : campaigns)
                    if (auto s = insert_campaign(c, "content"); !s) return Error{"campaign " + c.id + ": " + s.error()};
                return ok_status();
            },
            "cannot store the content's campaigns");
    }

    Status create_campaign(const content::Campaign& campaign) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto inserted = insert_campaign(campaign, "admin");
        if (!inserted) return Error{path_ + ": cannot create campaign " + campaign.id + ": " + inserted.error()};
        if (!*inserted) return Error{"id: the campaign id \"" + campaign.id + "\" is taken"};
        return ok_status();
    }

    Result<bool> replace_campaign(const content::Campaign& next, const content::Campaign& current) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = prepare("UPDATE raffle_campaigns SET doc = ? WHERE id = ? AND doc = ?");
        if (!stmt) return Error{stmt.error()};
        if (auto s = stmt->bind(1, campaign_doc(next)).bind(2, next.id).bind(3, campaign_doc(current)).run(); !s)
            return Error{path_ + ": cannot replace campaign " + next.id + ": " + s.error()};
        if (changes() > 0) return true;
        auto exists = prepare("SELECT 1 FROM raffle_campaigns WHERE id = ?");
        if (!exists) return Error{exists.error()};
        auto found = exists->bind(1, next.id).step();
        if (!found) return Error{found.error()};
        if (!*found) return Error{"id: there is no campaign \"" + next.id + "\" to replace"};
        return false;
    }

    // --- secrets and signboard keys ---------------------------------------------------------

    Result<std::string> secret(const std::string& name, const std::string& candidate) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto insert = prepare("INSERT INTO raffle_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING");
        if (!insert) return Error{insert.error()};
        if (auto s = insert->bind(1, name).bind(2, hex_of(candidate)).run(); !s)
            return Error{path_ + ": cannot store the secret \"" + name + "\": " + s.error()};
        auto stmt = prepare("SELECT value FROM raffle_secrets WHERE name = ?");
        if (!stmt) return Error{stmt.error()};
        stmt->bind(1, name);
        auto row = stmt->step();
        if (!row) return Error{path_ + ": " + row.error()};
        if (!*row) return Error{path_ + ": the secret \"" + name + "\" vanished after it was stored"};
        auto bytes = bytes_of_hex(stmt->text(0));
        if (!bytes) return Error{path_ + ": raffle_secrets[" + name + "]: not hexadecimal"};
        return *bytes;
    }

    Result<std::vector<raffle::SignboardKey>> signboard_keys() override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = prepare("SELECT version, secret, retired FROM raffle_signboard_keys ORDER BY version");
        if (!stmt) return Error{stmt.error()};
        std::vector<raffle::SignboardKey> out;
        auto s = each_row(*stmt, [&]() -> Status {
            auto bytes = bytes_of_hex(stmt->text(1));
            if (!bytes) return Error{"raffle_signboard_keys[" + std::to_string(stmt->integer(0)) + "]: not hexadecimal"};
            out.push_back({static_cast<int>(stmt->integer(0)), *bytes, stmt->integer(2) != 0});
            return ok_status();
        });
        if (!s) return Error{path_ + ": " + s.error()};
        return out;
    }

    Result<raffle::SignboardKey> rotate_signboard_key(const std::string& secret) override {
        std::lock_guard<std::mutex> lock(mutex_);
        raffle::SignboardKey key{0, secret, false};
        auto s = transaction(
            [&]() -> Status {
                auto next = prepare("SELECT COALESCE(MAX(version), 0) + 1 FROM raffle_signboard_keys");
                if (!next) return Error{next.error()};
                if (auto row = next->step(); !row) return Error{row.error()};
                key.version = static_cast<int>(next->integer(0));
                auto retire = prepare("UPDATE raffle_signboard_keys SET retired = 1 WHERE version < ?");
                if (!retire) return Error{retire.error()};
                if (auto r = retire->bind(1, static_cast<long long>(key.version)).run(); !r) return r;
                auto insert = prepare("INSERT INTO raffle_signboard_keys (version, secret, retired) VALUES (?, ?, 0)");
                if (!insert) return Error{insert.error()};
                return insert->bind(1, static_cast<long long>(key.version)).bind(2, hex_of(secret)).run();
            },
            "cannot rotate the signboard key");
        if (!s) return Error{s.error()};
        return key;
    }

    // --- participants -------------------------------------------------------------------

    Result<long long> add_participant(const Participant& p, const std::string& contact) override {
        std::lock_guard<std::mutex> lock(mutex_);
        long long id = 0;
        auto s = transaction(
            [&]() -> Status {
                auto insert = prepare(
                    "INSERT INTO raffle_participants (campaign, token_digest, recovery_digest, nickname, home_county, "
                    "created) VALUES (?, ?, ?, ?, ?, ?)");
                if (!insert) return Error{insert.error()};
                if (auto r = insert->bind(1, p.campaign)
                                 .bind(2, p.token_digest)
                                 .bind(3, p.recovery_digest)
                                 .bind(4, p.nickname)
                                 .bind(5, p.home_county)
                                 .bind(6, p.created)
                                 .run();
                    !r) {
                    if (r.error().find("UNIQUE") != std::string::npos)
                        return Error{"the token or recovery code is in use already"};
                    return r;
                }
                id = sqlite3_last_insert_rowid(db_.handle());
                if (contact.empty()) return ok_status();
                auto keep = prepare("INSERT INTO raffle_contacts (participant_id, contact) VALUES (?, ?)");
                if (!keep) return Error{keep.error()};
                return keep->bind(1, id).bind(2, contact).run();
            },
            "cannot add the participant");
        if (!s) return Error{s.error()};
        return id;
    }

    Result<std::optional<Participant>> participant_by_token(const std::string& campaign,
                                                            const std::string& token_digest) override {
        return participant_where("token_digest", campaign, token_digest);
    }

    Result<std::optional<Participant>> participant_by_recovery(const std::string& campaign,
                                                               const std::string& recovery_digest) override {
        return participant_where("recovery_digest", campaign, recovery_digest);
    }

    Status replace_token(long long participant, const std::string& token_digest) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = prepare("UPDATE raffle_participants SET token_digest = ? WHERE id = ?");
        if (!stmt) return Error{stmt.error()};
        if (auto s = stmt->bind(1, token_digest).bind(2, participant).run(); !s)
            return Error{path_ + ": cannot replace the token of participant " + std::to_string(participant) + ": " +
                         s.error()};
        if (changes() == 0) return Error{"participant " + std::to_string(participant) + ": no such participant"};
        return ok_status();
    }

    Status erase_participant(long long participant) override {
        std::lock_guard<std::mutex> lock(mutex_);
        // The foreign keys cascade too; the deletes are spelled out so the erasure does not
        // depend on a connection's foreign_keys setting.
        return transaction(
            [&]() -> Status {
                for (const char* sql : {"DELETE FROM raffle_photos WHERE checkin_id IN "
                                        "(SELECT id FROM raffle_checkins WHERE participant_id = ?)",
                                        "DELETE FROM raffle_checkins WHERE participant_id = ?",
                                        "DELETE FROM raffle_contacts WHERE participant_id = ?",
                                        "DELETE FROM raffle_participants WHERE id = ?"}) {
                    auto stmt = prepare(sql);
                    if (!stmt) return Error{stmt.error()};
                    if (auto s = stmt->bind(1, participant).run(); !s) return s;
                }
                return ok_status();
            },
            ("cannot erase participant " + std::to_string(participant)).c_str());
    }

    Result<long long> erase_contacts(const std::string& campaign) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = prepare(
            "DELETE FROM raffle_contacts WHERE participant_id IN (SELECT id FROM raffle_participants WHERE campaign = ?)");
        if (!stmt) return Error{stmt.error()};
        if (auto s = stmt->bind(1, campaign).run(); !s)
            return Error{path_ + ": cannot erase the contacts of campaign " + campaign + ": " + s.error()};
        return changes();
    }

    Result<std::vector<ContactRow>> contacts(const std::vector<long long>& participants) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = prepare(
            "SELECT p.id, p.nickname, c.contact FROM raffle_participants p "
            "JOIN raffle_contacts c ON c.participant_id = p.id WHERE p.id = ?");
        if (!stmt) return Error{stmt.error()};
        std::vector<ContactRow> out;
        for (long long id : participants) {
            stmt->bind(1, id);
            auto row = stmt->step();
            if (!row) return Error{path_ + ": " + row.error()};
            if (*row) out.push_back({stmt->integer(0), stmt->text(1), stmt->text(2)});
            stmt->reset();
        }
        return out;
    }

    Result<std::vector<raffle::ParticipantHome>> participant_homes(const std::string& campaign) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = prepare("SELECT id, home_county FROM raffle_participants WHERE campaign = ? ORDER BY id");
        if (!stmt) return Error{stmt.error()};
        stmt->bind(1, campaign);
        std::vector<raffle::ParticipantHome> out;
        auto s = each_row(*stmt, [&]() -> Status {
            out.push_back({stmt->integer(0), stmt->text(1)});
            return ok_status();
        });
        if (!s) return Error{path_ + ": " + s.error()};
        return out;
    }

    // --- check-ins ----------------------------------------------------------------------

    Result<AddResult> add_checkin(const StoredCheckin& checkin) override { return batcher_.add(checkin); }

    Result<std::vector<StoredCheckin>> checkins_of(long long participant) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = prepare(std::string(kCheckinColumns) + " WHERE participant_id = ? ORDER BY at, id");
        if (!stmt) return Error{stmt.error()};
        stmt->bind(1, participant);
        return checkin_rows(*stmt);
    }

    Result<std::vector<CountedRow>> counted_checkins(const std::string& campaign) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = prepare(
            "SELECT participant_id, site, county, at FROM raffle_checkins WHERE campaign = ? AND state = 'counted' "
            "ORDER BY id");
        if (!stmt) return Error{stmt.error()};
        stmt->bind(1, campaign);
        std::vector<CountedRow> out;
        auto s = each_row(*stmt, [&]() -> Status {
            out.push_back({stmt->integer(0), stmt->text(1), stmt->text(2), stmt->integer(3)});
            return ok_status();
        });
        if (!s) return Error{path_ + ": " + s.error()};
        return out;
    }

    Result<std::vector<StoredCheckin>> checkins_waiting(const std::string& campaign, const std::string& county) override {
        std::lock_guard<std::mutex> lock(mutex_);
        std::string sql = std::string(kCheckinColumns) + " WHERE campaign = ? AND state IN ('held', 'photo_pending')";
        if (!county.empty()) sql += " AND county = ?";
        auto stmt = prepare(sql + " ORDER BY at, id");
        if (!stmt) return Error{stmt.error()};
        stmt->bind(1, campaign);
        if (!county.empty()) stmt->bind(2, county);
        return checkin_rows(*stmt);
    }

    Result<bool> review_checkin(long long checkin, raffle::CheckinState state, const std::string& reviewer,
                                const std::string& note, UnixTime at) override {
        if (state != raffle::CheckinState::counted && state != raffle::CheckinState::refused)
            return Error{std::string("state: a review counts or refuses a check-in, not \"") + raffle::state_name(state) +
                         "\""};
        std::lock_guard<std::mutex> lock(mutex_);
        bool reviewed = false;
        auto s = transaction(
            [&]() -> Status {
                auto stmt = prepare(
                    "UPDATE raffle_checkins SET state = ?, reviewer = ?, note = ?, reviewed_at = ? "
                    "WHERE id = ? AND state IN ('held', 'photo_pending')");
                if (!stmt) return Error{stmt.error()};
                if (auto r = stmt->bind(1, raffle::state_name(state)).bind(2, reviewer).bind(3, note).bind(4, at).bind(5, checkin).run(); !r)
                    return r;
                reviewed = changes() > 0;
                if (!reviewed) return ok_status();
                auto forget = prepare("DELETE FROM raffle_photos WHERE checkin_id = ?");  // the decision is kept, not the photo
                if (!forget) return Error{forget.error()};
                return forget->bind(1, checkin).run();
            },
            ("cannot review check-in " + std::to_string(checkin)).c_str());
        if (!s) return Error{s.error()};
        return reviewed;
    }

    // --- photos -------------------------------------------------------------------------

    Result<AddResult> add_photo_checkin(const StoredCheckin& checkin, const std::string& jpeg, int width, int height) override {
        std::lock_guard<std::mutex> lock(mutex_);
        AddResult result = AddResult::duplicate;
        auto s = transaction(
            [&]() -> Status {
                auto insert = prepare(kInsertCheckin);
                if (!insert) return Error{insert.error()};
                auto added = insert_checkin(*insert, checkin);
                if (!added) return Error{added.error()};
                if (*added == AddResult::duplicate) return ok_status();
                result = AddResult::stored;
                auto photo = prepare(
                    "INSERT INTO raffle_photos (checkin_id, content_type, width, height, bytes) VALUES (?, 'image/jpeg', ?, ?, ?)");
                if (!photo) return Error{photo.error()};
                return photo->bind(1, static_cast<long long>(sqlite3_last_insert_rowid(db_.handle())))
                    .bind(2, static_cast<long long>(width))
                    .bind(3, static_cast<long long>(height))
                    .bind_blob(4, jpeg)
                    .run();
            },
            "cannot store the photo check-in");
        if (!s) return Error{s.error()};
        return result;
    }

    Result<std::optional<StoredPhoto>> photo(long long checkin) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = prepare("SELECT content_type, width, height, bytes FROM raffle_photos WHERE checkin_id = ?");
        if (!stmt) return Error{stmt.error()};
        stmt->bind(1, checkin);
        auto row = stmt->step();
        if (!row) return Error{path_ + ": " + row.error()};
        if (!*row) return std::optional<StoredPhoto>();
        return std::optional<StoredPhoto>(StoredPhoto{checkin, stmt->text(0), static_cast<int>(stmt->integer(1)),
                                                      static_cast<int>(stmt->integer(2)), stmt->blob(3)});
    }

    Result<long long> erase_photos(const std::string& campaign) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = prepare("DELETE FROM raffle_photos WHERE checkin_id IN (SELECT id FROM raffle_checkins WHERE campaign = ?)");
        if (!stmt) return Error{stmt.error()};
        if (auto s = stmt->bind(1, campaign).run(); !s)
            return Error{path_ + ": cannot erase the photos of campaign " + campaign + ": " + s.error()};
        return changes();
    }

    // --- draws --------------------------------------------------------------------------

    Result<std::vector<raffle::DrawRecord>> draw_records() override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = prepare("SELECT campaign, draw, doc FROM raffle_draws ORDER BY campaign, draw");
        if (!stmt) return Error{stmt.error()};
        std::vector<raffle::DrawRecord> out;
        auto s = each_row(*stmt, [&]() -> Status {
            auto record = draw_record_from_doc(stmt->text(0), stmt->text(1), stmt->text(2), path_);
            if (!record) return Error{record.error()};
            out.push_back(std::move(*record));
            return ok_status();
        });
        if (!s) return Error{s.error()};
        return out;
    }

    Result<bool> freeze_draw(const raffle::DrawRecord& record, const std::string& entries_document,
                             const std::vector<std::pair<std::string, long long>>& entry_participants) override {
        if (record.status != raffle::DrawStatus::frozen)
            return Error{std::string("status: a draw is frozen with the status \"frozen\", not \"") +
                         raffle::draw_status_name(record.status) + "\""};
        std::lock_guard<std::mutex> lock(mutex_);
        bool frozen = false;
        auto s = transaction(
            [&]() -> Status {
                auto draw = prepare(
                    "INSERT INTO raffle_draws (campaign, draw, status, doc, entries_document) VALUES (?, ?, 'frozen', ?, ?) "
                    "ON CONFLICT (campaign, draw) DO NOTHING");
                if (!draw) return Error{draw.error()};
                if (auto r = draw->bind(1, record.campaign).bind(2, record.draw).bind(3, draw_doc(record)).bind(4, entries_document).run();
                    !r)
                    return r;
                if (changes() == 0) return ok_status();  // frozen before: nothing changes
                frozen = true;
                auto entry = prepare("INSERT INTO raffle_entries (campaign, draw, entry, participant_id) VALUES (?, ?, ?, ?)");
                if (!entry) return Error{entry.error()};
                for (const auto& [id, participant] : entry_participants)
                    if (auto r = entry->bind(1, record.campaign).bind(2, record.draw).bind(3, id).bind(4, participant).run(); !r)
                        return Error{"entry " + id + ": " + r.error()};
                return ok_status();
            },
            ("cannot freeze draw " + record.campaign + "/" + record.draw).c_str());
        if (!s) return Error{s.error()};
        return frozen;
    }

    Result<std::optional<std::string>> entries_document(const std::string& campaign, const std::string& draw) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = prepare("SELECT entries_document FROM raffle_draws WHERE campaign = ? AND draw = ?");
        if (!stmt) return Error{stmt.error()};
        stmt->bind(1, campaign).bind(2, draw);
        auto row = stmt->step();
        if (!row) return Error{path_ + ": " + row.error()};
        if (!*row) return std::optional<std::string>();
        return std::optional<std::string>(stmt->text(0));
    }

    Result<long long> entry_count(const std::string& campaign, const std::string& draw) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = prepare("SELECT COUNT(*) FROM raffle_entries WHERE campaign = ? AND draw = ?");
        if (!stmt) return Error{stmt.error()};
        auto row = stmt->bind(1, campaign).bind(2, draw).step();
        if (!row) return Error{path_ + ": " + row.error()};
        return *row ? stmt->integer(0) : 0;
    }

    Result<std::optional<long long>> entry_owner(const std::string& campaign, const std::string& draw,
                                                 const std::string& entry) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = prepare("SELECT participant_id FROM raffle_entries WHERE campaign = ? AND draw = ? AND entry = ?");
        if (!stmt) return Error{stmt.error()};
        auto row = stmt->bind(1, campaign).bind(2, draw).bind(3, entry).step();
        if (!row) return Error{path_ + ": " + row.error()};
        if (!*row) return std::optional<long long>();
        return std::optional<long long>(stmt->integer(0));
    }

    Result<std::vector<std::pair<std::string, std::string>>> entries_of(const std::string& campaign,
                                                                       long long participant) override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = prepare("SELECT draw, entry FROM raffle_entries WHERE campaign = ? AND participant_id = ? ORDER BY draw");
        if (!stmt) return Error{stmt.error()};
        stmt->bind(1, campaign).bind(2, participant);
        std::vector<std::pair<std::string, std::string>> out;
        auto s = each_row(*stmt, [&]() -> Status {
            out.emplace_back(stmt->text(0), stmt->text(1));
            return ok_status();
        });
        if (!s) return Error{path_ + ": " + s.error()};
        return out;
    }

    Result<bool> record_draw(const raffle::DrawRecord& drawn) override {
        if (drawn.status != raffle::DrawStatus::drawn)
            return Error{std::string("status: a draw is recorded with the status \"drawn\", not \"") +
                         raffle::draw_status_name(drawn.status) + "\""};
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = prepare(
            "UPDATE raffle_draws SET status = 'drawn', doc = ? WHERE campaign = ? AND draw = ? AND status = 'frozen'");
        if (!stmt) return Error{stmt.error()};
        if (auto s = stmt->bind(1, draw_doc(drawn)).bind(2, drawn.campaign).bind(3, drawn.draw).run(); !s)
            return Error{path_ + ": cannot record draw " + drawn.campaign + "/" + drawn.draw + ": " + s.error()};
        return changes() > 0;
    }

private:
    Result<sqlite::Statement> prepare(const std::string& sql) {
        auto stmt = db_.prepare(sql);
        if (!stmt) return Error{path_ + ": " + stmt.error()};
        return stmt;
    }

    long long changes() { return sqlite3_changes(db_.handle()); }

    Status transaction(const std::function<Status()>& body, const char* what) {
        if (auto s = db_.transaction(body, what); !s) return Error{path_ + ": " + s.error()};
        return ok_status();
    }

    // True when stored, false when the id was there already.
    Result<bool> insert_campaign(const content::Campaign& c, const char* origin) {
        auto stmt = prepare(
            "INSERT INTO raffle_campaigns (id, position, origin, doc) "
            "VALUES (?, (SELECT COALESCE(MAX(position), -1) + 1 FROM raffle_campaigns), ?, ?) ON CONFLICT (id) DO NOTHING");
        if (!stmt) return Error{stmt.error()};
        if (auto s = stmt->bind(1, c.id).bind(2, origin).bind(3, campaign_doc(c)).run(); !s) return Error{s.error()};
        return changes() > 0;
    }

    Result<std::optional<Participant>> participant_where(const char* column, const std::string& campaign,
                                                         const std::string& digest) {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = prepare(std::string(kParticipantColumns) + " WHERE campaign = ? AND " + column + " = ?");
        if (!stmt) return Error{stmt.error()};
        stmt->bind(1, campaign).bind(2, digest);
        auto row = stmt->step();
        if (!row) return Error{path_ + ": " + row.error()};
        if (!*row) return std::optional<Participant>();
        return std::optional<Participant>(Participant{stmt->integer(0), stmt->text(1), stmt->text(2), stmt->text(3),
                                                      stmt->text(4), stmt->text(5), stmt->integer(6)});
    }

    // The rows of a statement whose columns are kCheckinColumns'.
    Result<std::vector<StoredCheckin>> checkin_rows(sqlite::Statement& stmt) {
        std::vector<StoredCheckin> out;
        auto s = each_row(stmt, [&]() -> Status {
            StoredCheckin c;
            c.id = stmt.integer(0);
            c.campaign = stmt.text(1);
            c.participant = stmt.integer(2);
            c.site = stmt.text(3);
            c.county = stmt.text(4);
            c.at = stmt.integer(5);
            c.note = stmt.text(8);
            c.reviewer = stmt.text(9);
            c.reviewed_at = stmt.integer(10);
            if (auto r = read_checkin_names(c, stmt.text(6), stmt.text(7), path_); !r) return r;
            out.push_back(std::move(c));
            return ok_status();
        });
        if (!s) return Error{s.error()};
        return out;
    }

    // One check-in by kInsertCheckin, inside the caller's transaction: duplicate when the
    // participant has the site already.
    Result<AddResult> insert_checkin(sqlite::Statement& insert, const StoredCheckin& c) {
        if (auto r = insert.bind(1, c.campaign)
                         .bind(2, c.participant)
                         .bind(3, c.site)
                         .bind(4, c.county)
                         .bind(5, c.at)
                         .bind(6, proof_name(c.proof))
                         .bind(7, raffle::state_name(c.state))
                         .bind(8, c.note)
                         .bind(9, c.reviewer)
                         .bind(10, c.reviewed_at)
                         .run();
            !r)
            return Error{"participant " + std::to_string(c.participant) + " at " + c.site + ": " + r.error()};
        return changes() > 0 ? AddResult::stored : AddResult::duplicate;
    }

    // One transaction for the batch (store/checkin_batcher.h): a row that meets the
    // (participant, site) key is a duplicate for its caller alone.
    Result<std::vector<AddResult>> insert_checkins(const std::vector<const StoredCheckin*>& rows) {
        std::lock_guard<std::mutex> lock(mutex_);
        std::vector<AddResult> results;
        auto s = transaction(
            [&]() -> Status {
                auto insert = prepare(kInsertCheckin);
                if (!insert) return Error{insert.error()};
                for (const auto* c : rows) {
                    auto added = insert_checkin(*insert, *c);
                    if (!added) return Error{added.error()};
                    results.push_back(*added);
                }
                return ok_status();
            },
            "cannot store the check-ins");
        if (!s) return Error{s.error()};
        return results;
    }

    sqlite::Database db_;
    std::string path_;
    std::mutex mutex_;
    CheckinBatcher batcher_;
};

}  // namespace

Result<std::unique_ptr<RaffleStore>> open_sqlite_raffle_store(const std::string& path) {
    auto store = std::make_unique<SqliteRaffleStore>();
    if (auto s = store->open(path); !s) return Error{s.error()};
    return std::unique_ptr<RaffleStore>(std::move(store));
}

}  // namespace beitai::site
