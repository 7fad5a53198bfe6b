// The raffle's PostgreSQL store: the same tables and rules as the SQLite one
// (store/raffle_schema.h), for several server processes sharing one database. One connection
// of its own per process, used under a mutex; check-ins are committed in groups
// (store/checkin_batcher.h), so one commit acknowledges every check-in that arrived meanwhile.
#include <mutex>

#include "store/checkin_batcher.h"
#include "store/postgres.h"
#include "store/raffle_rows.h"
#include "store/raffle_schema.h"
#include "store/raffle_store.h"

namespace beitai::site {

namespace {

constexpr const char* kSource = "postgresql";
constexpr const char* kParticipantColumns =
    "SELECT id, campaign, token_digest, recovery_digest, nickname, home_county, created FROM raffle_participants";
constexpr const char* kCheckinColumns =
    "SELECT id, campaign, participant_id, site, county, at, proof, state, note, reviewer, reviewed_at "
    "FROM raffle_checkins";

std::string num(long long v) { return std::to_string(v); }

Status status_of(const Result<pg::Rows>& r) { return r ? ok_status() : Status(Error{r.error()}); }

class PostgresRaffleStore : public RaffleStore {
public:
    PostgresRaffleStore()
        : batcher_([this](const std::vector<const StoredCheckin*>& rows) { return insert_checkins(rows); }) {}

    Status open(const std::string& conninfo) {
        if (auto s = db_.open(conninfo); !s) return s;
        // Two processes starting at once must not both create the tables.
        if (auto s = db_.exec_script("SELECT pg_advisory_lock(" + std::to_string(pg::lock_key::raffle_schema) + ");"); !s) return s;
        auto schema = db_.exec_script(raffle_schema("BIGSERIAL PRIMARY KEY", "BYTEA"));
        db_.exec_script("SELECT pg_advisory_unlock(" + std::to_string(pg::lock_key::raffle_schema) + ");");
        if (!schema) return Error{"PostgreSQL: cannot create the raffle tables: " + schema.error()};
        return ok_status();
    }

    // --- campaigns ---------------------------------------------------------------------

    Result<std::vector<content::Campaign>> campaigns() override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec("SELECT id, doc FROM raffle_campaigns ORDER BY position");
        if (!r) return Error{prefixed(r.error())};
        std::vector<content::Campaign> out;
        for (int i = 0; i < r->size(); ++i) {
            auto campaign = campaign_from_doc(r->text(i, 0), r->text(i, 1), kSource);
            if (!campaign) return Error{campaign.error()};
            out.push_back(std::move(*campaign));
        }
        return out;
    }

    Status insert_missing_campaigns(const std::vector<content::Campaign>& campaigns) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        return transaction(
            [&]() -> Status {
                for (const auto& c : campaigns)
                    if (auto r = insert_campaign(c, "content"); !r) return Error{"campaign " + c.id + ": " + r.error()};
                return ok_status();
            },
            "cannot store the content's campaigns");
    }

    Status create_campaign(const content::Campaign& campaign) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto inserted = insert_campaign(campaign, "admin");
        if (!inserted) return Error{prefixed("cannot create campaign " + campaign.id + ": " + inserted.error())};
        if (!*inserted) return Error{"id: the campaign id \"" + campaign.id + "\" is taken"};
        return ok_status();
    }

    Result<bool> replace_campaign(const content::Campaign& next, const content::Campaign& current) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec("UPDATE raffle_campaigns SET doc = $1 WHERE id = $2 AND doc = $3",
                          {campaign_doc(next), next.id, campaign_doc(current)});
        if (!r) return Error{prefixed("cannot replace campaign " + next.id + ": " + r.error())};
        if (r->affected() > 0) return true;
        auto exists = db_.exec("SELECT 1 FROM raffle_campaigns WHERE id = $1", {next.id});
        if (!exists) return Error{prefixed(exists.error())};
        if (exists->size() == 0) return Error{"id: there is no campaign \"" + next.id + "\" to replace"};
        return false;
    }

    // --- secrets and signboard keys ---------------------------------------------------------

    Result<std::string> secret(const std::string& name, const std::string& candidate) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        if (auto r = db_.exec("INSERT INTO raffle_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
                              {name, hex_of(candidate)});
            !r)
            return Error{prefixed("cannot store the secret \"" + name + "\": " + r.error())};
        auto r = db_.exec("SELECT value FROM raffle_secrets WHERE name = $1", {name});
        if (!r) return Error{prefixed(r.error())};
        if (r->size() == 0) return Error{prefixed("the secret \"" + name + "\" vanished after it was stored")};
        auto bytes = bytes_of_hex(r->text(0, 0));
        if (!bytes) return Error{prefixed("raffle_secrets[" + name + "]: not hexadecimal")};
        return *bytes;
    }

    Result<std::vector<raffle::SignboardKey>> signboard_keys() override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec("SELECT version, secret, retired FROM raffle_signboard_keys ORDER BY version");
        if (!r) return Error{prefixed(r.error())};
        std::vector<raffle::SignboardKey> out;
        for (int i = 0; i < r->size(); ++i) {
            auto bytes = bytes_of_hex(r->text(i, 1));
            if (!bytes) return Error{prefixed("raffle_signboard_keys[" + r->text(i, 0) + "]: not hexadecimal")};
            out.push_back({static_cast<int>(r->integer(i, 0)), *bytes, r->integer(i, 2) != 0});
        }
        return out;
    }

    Result<raffle::SignboardKey> rotate_signboard_key(const std::string& secret) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        raffle::SignboardKey key{0, secret, false};
        auto s = transaction(
            [&]() -> Status {
                // Another process rotating at the same moment waits here rather than taking
                // the same version number.
                if (auto r = db_.exec("LOCK TABLE raffle_signboard_keys IN EXCLUSIVE MODE"); !r) return Error{r.error()};
                auto next = db_.exec("SELECT COALESCE(MAX(version), 0) + 1 FROM raffle_signboard_keys");
                if (!next) return Error{next.error()};
                key.version = static_cast<int>(next->integer(0, 0));
                if (auto r = db_.exec("UPDATE raffle_signboard_keys SET retired = 1 WHERE version < $1", {num(key.version)}); !r)
                    return Error{r.error()};
                return status_of(db_.exec("INSERT INTO raffle_signboard_keys (version, secret, retired) VALUES ($1, $2, 0)",
                                          {num(key.version), hex_of(secret)}));
            },
            "cannot rotate the signboard key");
        if (!s) return Error{s.error()};
        return key;
    }

    // --- participants -------------------------------------------------------------------

    Result<long long> add_participant(const Participant& p, const std::string& contact) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        long long id = 0;
        auto s = transaction(
            [&]() -> Status {
                auto r = db_.exec(
                    "INSERT INTO raffle_participants (campaign, token_digest, recovery_digest, nickname, home_county, "
                    "created) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                    {p.campaign, p.token_digest, p.recovery_digest, p.nickname, p.home_county, num(p.created)});
                if (!r) {
                    if (db_.last_state() == "23505") return Error{"the token or recovery code is in use already"};
                    return Error{r.error()};
                }
                id = r->integer(0, 0);
                if (contact.empty()) return ok_status();
                return status_of(
                    db_.exec("INSERT INTO raffle_contacts (participant_id, contact) VALUES ($1, $2)", {num(id), contact}));
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
        db_.reconnect_if_lost();
        auto r = db_.exec("UPDATE raffle_participants SET token_digest = $1 WHERE id = $2", {token_digest, num(participant)});
        if (!r) return Error{prefixed("cannot replace the token of participant " + num(participant) + ": " + r.error())};
        if (r->affected() == 0) return Error{"participant " + num(participant) + ": no such participant"};
        return ok_status();
    }

    Status erase_participant(long long participant) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        // The foreign keys cascade too; spelled out, the erasure reads as what it does.
        return transaction(
            [&]() -> Status {
                for (const char* sql : {"DELETE FROM raffle_photos WHERE checkin_id IN "
                                        "(SELECT id FROM raffle_checkins WHERE participant_id = $1)",
                                        "DELETE FROM raffle_checkins WHERE participant_id = $1",
                                        "DELETE FROM raffle_contacts WHERE participant_id = $1",
                                        "DELETE FROM raffle_participants WHERE id = $1"})
                    if (auto r = db_.exec(sql, {num(participant)}); !r) return Error{r.error()};
                return ok_status();
            },
            "cannot erase participant " + num(participant));
    }

    Result<long long> erase_contacts(const std::string& campaign) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec(
            "DELETE FROM raffle_contacts WHERE participant_id IN (SELECT id FROM raffle_participants WHERE campaign = $1)",
            {campaign});
        if (!r) return Error{prefixed("cannot erase the contacts of campaign " + campaign + ": " + r.error())};
        return r->affected();
    }

    Result<std::vector<ContactRow>> contacts(const std::vector<long long>& participants) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        std::vector<ContactRow> out;
        for (long long id : participants) {
            auto r = db_.exec(
                "SELECT p.id, p.nickname, c.contact FROM raffle_participants p "
                "JOIN raffle_contacts c ON c.participant_id = p.id WHERE p.id = $1",
                {num(id)});
            if (!r) return Error{prefixed(r.error())};
            if (r->size()) out.push_back({r->integer(0, 0), r->text(0, 1), r->text(0, 2)});
        }
        return out;
    }

    Result<std::vector<raffle::ParticipantHome>> participant_homes(const std::string& campaign) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec("SELECT id, home_county FROM raffle_participants WHERE campaign = $1 ORDER BY id", {campaign});
        if (!r) return Error{prefixed(r.error())};
        std::vector<raffle::ParticipantHome> out;
        for (int i = 0; i < r->size(); ++i) out.push_back({r->integer(i, 0), r->text(i, 1)});
        return out;
    }

    // --- check-ins ----------------------------------------------------------------------

    Result<AddResult> add_checkin(const StoredCheckin& checkin) override { return batcher_.add(checkin); }

    Result<std::vector<StoredCheckin>> checkins_of(long long participant) override {
        return checkin_rows(std::string(kCheckinColumns) + " WHERE participant_id = $1 ORDER BY at, id", {num(participant)});
    }

    Result<std::vector<CountedRow>> counted_checkins(const std::string& campaign) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec(
            "SELECT participant_id, site, county, at FROM raffle_checkins WHERE campaign = $1 AND state = 'counted' "
            "ORDER BY id",
            {campaign});
        if (!r) return Error{prefixed(r.error())};
        std::vector<CountedRow> out;
        out.reserve(static_cast<size_t>(r->size()));
        for (int i = 0; i < r->size(); ++i) out.push_back({r->integer(i, 0), r->text(i, 1), r->text(i, 2), r->integer(i, 3)});
        return out;
    }

    Result<std::vector<StoredCheckin>> checkins_waiting(const std::string& campaign, const std::string& county) override {
        std::string sql = std::string(kCheckinColumns) + " WHERE campaign = $1 AND state IN ('held', 'photo_pending')";
        if (county.empty()) return checkin_rows(sql + " ORDER BY at, id", {campaign});
        return checkin_rows(sql + " AND county = $2 ORDER BY at, id", {campaign, county});
    }

    Result<bool> review_checkin(long long checkin, raffle::CheckinState state, const std::string& reviewer,
                                const std::string& note, UnixTime at) override {
        if (state != raffle::CheckinState::counted && state != raffle::CheckinState::refused)
            return Error{std::string("state: a review counts or refuses a check-in, not \"") + raffle::state_name(state) +
                         "\""};
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        bool reviewed = false;
        auto s = transaction(
            [&]() -> Status {
                auto r = db_.exec(
                    "UPDATE raffle_checkins SET state = $1, reviewer = $2, note = $3, reviewed_at = $4 "
                    "WHERE id = $5 AND state IN ('held', 'photo_pending')",
                    {raffle::state_name(state), reviewer, note, num(at), num(checkin)});
                if (!r) return Error{r.error()};
                reviewed = r->affected() > 0;
                if (!reviewed) return ok_status();
                // The decision is kept, not the photo.
                return status_of(db_.exec("DELETE FROM raffle_photos WHERE checkin_id = $1", {num(checkin)}));
            },
            "cannot review check-in " + num(checkin));
        if (!s) return Error{s.error()};
        return reviewed;
    }

    // --- photos -------------------------------------------------------------------------

    Result<AddResult> add_photo_checkin(const StoredCheckin& checkin, const std::string& jpeg, int width, int height) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        AddResult result = AddResult::duplicate;
        auto s = transaction(
            [&]() -> Status {
                auto r = insert_checkin(checkin, " RETURNING id");
                if (!r) return Error{r.error()};
                if (r->size() == 0) return ok_status();  // a duplicate: no row, no photo
                result = AddResult::stored;
                // Bytes as hex text (parameters are passed as text), decoded by the server.
                return status_of(db_.exec(
                    "INSERT INTO raffle_photos (checkin_id, content_type, width, height, bytes) "
                    "VALUES ($1, 'image/jpeg', $2, $3, decode($4, 'hex'))",
                    {r->text(0, 0), num(width), num(height), hex_of(jpeg)}));
            },
            "cannot store the photo check-in");
        if (!s) return Error{s.error()};
        return result;
    }

    Result<std::optional<StoredPhoto>> photo(long long checkin) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec("SELECT content_type, width, height, encode(bytes, 'hex') FROM raffle_photos WHERE checkin_id = $1",
                          {num(checkin)});
        if (!r) return Error{prefixed(r.error())};
        if (r->size() == 0) return std::optional<StoredPhoto>();
        auto bytes = bytes_of_hex(r->text(0, 3));
        if (!bytes) return Error{prefixed("raffle_photos[" + num(checkin) + "]: not hexadecimal")};
        return std::optional<StoredPhoto>(StoredPhoto{checkin, r->text(0, 0), static_cast<int>(r->integer(0, 1)),
                                                      static_cast<int>(r->integer(0, 2)), std::move(*bytes)});
    }

    Result<long long> erase_photos(const std::string& campaign) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec("DELETE FROM raffle_photos WHERE checkin_id IN (SELECT id FROM raffle_checkins WHERE campaign = $1)",
                          {campaign});
        if (!r) return Error{prefixed("cannot erase the photos of campaign " + campaign + ": " + r.error())};
        return r->affected();
    }

    // --- draws --------------------------------------------------------------------------

    Result<std::vector<raffle::DrawRecord>> draw_records() override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec("SELECT campaign, draw, doc FROM raffle_draws ORDER BY campaign, draw");
        if (!r) return Error{prefixed(r.error())};
        std::vector<raffle::DrawRecord> out;
        for (int i = 0; i < r->size(); ++i) {
            auto record = draw_record_from_doc(r->text(i, 0), r->text(i, 1), r->text(i, 2), kSource);
            if (!record) return Error{record.error()};
            out.push_back(std::move(*record));
        }
        return out;
    }

    Result<bool> freeze_draw(const raffle::DrawRecord& record, const std::string& entries_document,
                             const std::vector<std::pair<std::string, long long>>& entry_participants) override {
        if (record.status != raffle::DrawStatus::frozen)
            return Error{std::string("status: a draw is frozen with the status \"frozen\", not \"") +
                         raffle::draw_status_name(record.status) + "\""};
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        bool frozen = false;
        auto s = transaction(
            [&]() -> Status {
                auto draw = db_.exec(
                    "INSERT INTO raffle_draws (campaign, draw, status, doc, entries_document) "
                    "VALUES ($1, $2, 'frozen', $3, $4) ON CONFLICT (campaign, draw) DO NOTHING",
                    {record.campaign, record.draw, draw_doc(record), entries_document});
                if (!draw) return Error{draw.error()};
                if (draw->affected() == 0) return ok_status();  // frozen before: nothing changes
                frozen = true;
                for (const auto& [id, participant] : entry_participants)
                    if (auto r = db_.exec(
                            "INSERT INTO raffle_entries (campaign, draw, entry, participant_id) VALUES ($1, $2, $3, $4)",
                            {record.campaign, record.draw, id, num(participant)});
                        !r)
                        return Error{"entry " + id + ": " + r.error()};
                return ok_status();
            },
            "cannot freeze draw " + record.campaign + "/" + record.draw);
        if (!s) return Error{s.error()};
        return frozen;
    }

    Result<std::optional<std::string>> entries_document(const std::string& campaign, const std::string& draw) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec("SELECT entries_document FROM raffle_draws WHERE campaign = $1 AND draw = $2", {campaign, draw});
        if (!r) return Error{prefixed(r.error())};
        if (r->size() == 0) return std::optional<std::string>();
        return std::optional<std::string>(r->text(0, 0));
    }

    Result<long long> entry_count(const std::string& campaign, const std::string& draw) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec("SELECT COUNT(*) FROM raffle_entries WHERE campaign = $1 AND draw = $2", {campaign, draw});
        if (!r) return Error{prefixed(r.error())};
        return r->size() ? r->integer(0, 0) : 0;
    }

    Result<std::optional<long long>> entry_owner(const std::string& campaign, const std::string& draw,
                                                 const std::string& entry) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec("SELECT participant_id FROM raffle_entries WHERE campaign = $1 AND draw = $2 AND entry = $3",
                          {campaign, draw, entry});
        if (!r) return Error{prefixed(r.error())};
        if (r->size() == 0) return std::optional<long long>();
        return std::optional<long long>(r->integer(0, 0));
    }

    Result<std::vector<std::pair<std::string, std::string>>> entries_of(const std::string& campaign,
                                                                       long long participant) override {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec("SELECT draw, entry FROM raffle_entries WHERE campaign = $1 AND participant_id = $2 ORDER BY draw",
                          {campaign, std::to_string(participant)});
        if (!r) return Error{prefixed(r.error())};
        std::vector<std::pair<std::string, std::string>> out;
        for (int i = 0; i < r->size(); ++i) out.emplace_back(r->text(i, 0), r->text(i, 1));
        return out;
    }

    Result<bool> record_draw(const raffle::DrawRecord& drawn) override {
        if (drawn.status != raffle::DrawStatus::drawn)
            return Error{std::string("status: a draw is recorded with the status \"drawn\", not \"") +
                         raffle::draw_status_name(drawn.status) + "\""};
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec(
            "UPDATE raffle_draws SET status = 'drawn', doc = $1 WHERE campaign = $2 AND draw = $3 AND status = 'frozen'",
            {draw_doc(drawn), drawn.campaign, drawn.draw});
        if (!r) return Error{prefixed("cannot record draw " + drawn.campaign + "/" + drawn.draw + ": " + r.error())};
        return r->affected() > 0;
    }

private:
    static std::string prefixed(const std::string& message) { return std::string("PostgreSQL: ") + message; }

    Status transaction(const std::function<Status()>& body, const std::string& what) {
        if (auto s = db_.transaction(body, what); !s) return Error{prefixed(s.error())};
        return ok_status();
    }

    // True when stored, false when the id was there already.
    Result<bool> insert_campaign(const content::Campaign& c, const char* origin) {
        auto r = db_.exec(
            "INSERT INTO raffle_campaigns (id, position, origin, doc) "
            "VALUES ($1, (SELECT COALESCE(MAX(position), -1) + 1 FROM raffle_campaigns), $2, $3) "
            "ON CONFLICT (id) DO NOTHING",
            {c.id, origin, campaign_doc(c)});
        if (!r) return Error{r.error()};
        return r->affected() > 0;
    }

    Result<std::optional<Participant>> participant_where(const char* column, const std::string& campaign,
                                                         const std::string& digest) {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec(std::string(kParticipantColumns) + " WHERE campaign = $1 AND " + column + " = $2",
                          {campaign, digest});
        if (!r) return Error{prefixed(r.error())};
        if (r->size() == 0) return std::optional<Participant>();
        return std::optional<Participant>(Participant{r->integer(0, 0), r->text(0, 1), r->text(0, 2), r->text(0, 3),
                                                      r->text(0, 4), r->text(0, 5), r->integer(0, 6)});
    }

    // The rows of `sql`, whose columns are kCheckinColumns'.
    Result<std::vector<StoredCheckin>> checkin_rows(const std::string& sql, const std::vector<std::string>& params) {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        auto r = db_.exec(sql, params);
        if (!r) return Error{prefixed(r.error())};
        std::vector<StoredCheckin> out;
        for (int i = 0; i < r->size(); ++i) {
            StoredCheckin c;
            c.id = r->integer(i, 0);
            c.campaign = r->text(i, 1);
            c.participant = r->integer(i, 2);
            c.site = r->text(i, 3);
            c.county = r->text(i, 4);
            c.at = r->integer(i, 5);
            c.note = r->text(i, 8);
            c.reviewer = r->text(i, 9);
            c.reviewed_at = r->integer(i, 10);
            if (auto s = read_checkin_names(c, r->text(i, 6), r->text(i, 7), kSource); !s) return Error{s.error()};
            out.push_back(std::move(c));
        }
        return out;
    }

    // One check-in, inside the caller's transaction; `returning` is appended to the statement.
    // No row is inserted (affected() == 0) when the participant has the site already.
    Result<pg::Rows> insert_checkin(const StoredCheckin& c, const char* returning) {
        auto r = db_.exec(
            std::string("INSERT INTO raffle_checkins (campaign, participant_id, site, county, at, proof, state, note, "
                        "reviewer, reviewed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                        "ON CONFLICT (participant_id, site) DO NOTHING") + returning,
            {c.campaign, num(c.participant), c.site, c.county, num(c.at), proof_name(c.proof), raffle::state_name(c.state),
             c.note, c.reviewer, num(c.reviewed_at)});
        if (!r) return Error{"participant " + num(c.participant) + " at " + c.site + ": " + r.error()};
        return r;
    }

    // One transaction for the batch (store/checkin_batcher.h): a row that meets the
    // (participant, site) key is a duplicate for its caller alone.
    Result<std::vector<AddResult>> insert_checkins(const std::vector<const StoredCheckin*>& rows) {
        std::lock_guard<std::mutex> lock(mutex_);
        db_.reconnect_if_lost();
        std::vector<AddResult> results;
        auto s = transaction(
            [&]() -> Status {
                for (const auto* c : rows) {
                    auto r = insert_checkin(*c, "");
                    if (!r) return Error{r.error()};
                    results.push_back(r->affected() > 0 ? AddResult::stored : AddResult::duplicate);
                }
                return ok_status();
            },
            "cannot store the check-ins");
        if (!s) return Error{s.error()};
        return results;
    }

    pg::Connection db_;
    std::mutex mutex_;
    CheckinBatcher batcher_;
};

}  // namespace

Result<std::unique_ptr<RaffleStore>> open_postgres_raffle_store(const std::string& conninfo) {
    auto store = std::make_unique<PostgresRaffleStore>();
    if (auto s = store->open(conninfo); !s) return Error{s.error()};
    return std::unique_ptr<RaffleStore>(std::move(store));
}

}  // namespace beitai::site
