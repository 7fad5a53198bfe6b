// Where the green-tourism raffle keeps its state, beside the proposal store (the same SQLite
// file or PostgreSQL database, tables of its own: store/raffle_schema.h).
//
// Personal data is kept apart and kept short: a participant row holds a nickname and a home
// county; the one contact for the prize lives in raffle_contacts, read only for the admin's
// audited download after a draw, and erased when the campaign's prize period ends or when
// the participant asks. Check-ins keep the site and the time, never the reported position.
//
// Every call that returns is durable (SQLite WAL + synchronous=FULL, PostgreSQL commit).
// Check-ins arrive many at a time, so add_checkin commits in groups: concurrent callers
// share one transaction and one fsync, and each returns only after that commit.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clock/clock.h"
#include "content/campaign.h"
#include "raffle/api_json.h"
#include "raffle/checkin.h"
#include "raffle/signboard.h"
#include "raffle/stats.h"
#include "text/result.h"

namespace beitai::site {

struct Participant {
    long long id = 0;  // assigned by the store
    std::string campaign;
    std::string token_digest;     // SHA-256 hex of the cookie's token
    std::string recovery_digest;  // SHA-256 hex of the normalised recovery code
    std::string nickname;
    std::string home_county;
    UnixTime created = 0;
};

struct StoredCheckin {
    long long id = 0;  // assigned by the store
    std::string campaign;
    long long participant = 0;
    std::string site;
    std::string county;
    UnixTime at = 0;
    raffle::Proof proof = raffle::Proof::code;
    raffle::CheckinState state = raffle::CheckinState::counted;
    std::string note;  // why held ("too_fast from site-004 at 310 km/h"); the reviewer's reason
    std::string reviewer;
    UnixTime reviewed_at = 0;
};

// One counted check-in for eligibility and statistics (the whole campaign at once).
struct CountedRow {
    long long participant = 0;
    std::string site;
    std::string county;
    UnixTime at = 0;
};

struct ContactRow {
    long long participant = 0;
    std::string nickname;
    std::string contact;
};

// A photo check-in's photo, as re-encoded on upload (site/photo/reencode.h).
struct StoredPhoto {
    long long checkin = 0;
    std::string content_type;  // "image/jpeg"
    int width = 0;
    int height = 0;
    std::string bytes;
};

enum class AddResult { stored, duplicate };  // duplicate: this participant already has this site

class RaffleStore {
public:
    virtual ~RaffleStore() = default;

    // Campaigns: the content's ones are inserted on first start (and never overwritten);
    // the admin's are created and, before check-ins open, replaced.
    virtual Result<std::vector<content::Campaign>> campaigns() = 0;
    virtual Status insert_missing_campaigns(const std::vector<content::Campaign>& campaigns) = 0;
    // Fails when the id is taken.
    virtual Status create_campaign(const content::Campaign& campaign) = 0;
    // Replaces `current` (as this caller read it) by `next`; false when the stored campaign is
    // no longer `current` — someone else changed it meanwhile, and the caller reads it again
    // rather than overwrite what they did. Fails when there is no such campaign.
    virtual Result<bool> replace_campaign(const content::Campaign& next, const content::Campaign& current) = 0;

    // Secrets the store keeps for the server: "entries" (entry ids), and signboard keys.
    // Returns the stored value of `name`, storing `candidate` first if there is none (so
    // several processes agree on one).
    virtual Result<std::string> secret(const std::string& name, const std::string& candidate) = 0;
    virtual Result<std::vector<raffle::SignboardKey>> signboard_keys() = 0;
    // Adds a key with the next version and retires every older one, in one transaction.
    virtual Result<raffle::SignboardKey> rotate_signboard_key(const std::string& secret) = 0;

    // Participants. The contact goes into its own table in the same transaction.
    virtual Result<long long> add_participant(const Participant& participant, const std::string& contact) = 0;
    virtual Result<std::optional<Participant>> participant_by_token(const std::string& campaign,
                                                                    const std::string& token_digest) = 0;
    virtual Result<std::optional<Participant>> participant_by_recovery(const std::string& campaign,
                                                                       const std::string& recovery_digest) = 0;
    // A new device: the old token stops working.
    virtual Status replace_token(long long participant, const std::string& token_digest) = 0;
    // The participant's own erasure: the row, the contact, the check-ins and their photos go. Their id
    // stays in any list already frozen and published (which names no one).
    virtual Status erase_participant(long long participant) = 0;
    // Erases the contacts of the campaign's participants (after its prize period). Returns how many.
    virtual Result<long long> erase_contacts(const std::string& campaign) = 0;
    virtual Result<std::vector<ContactRow>> contacts(const std::vector<long long>& participants) = 0;
    virtual Result<std::vector<raffle::ParticipantHome>> participant_homes(const std::string& campaign) = 0;

    // Check-ins. The pair (participant, site) is unique whatever the state.
    virtual Result<AddResult> add_checkin(const StoredCheckin& checkin) = 0;
    virtual Result<std::vector<StoredCheckin>> checkins_of(long long participant) = 0;
    virtual Result<std::vector<CountedRow>> counted_checkins(const std::string& campaign) = 0;
    // Held and photo-pending check-ins at the county's sites, oldest first ("" = every county).
    virtual Result<std::vector<StoredCheckin>> checkins_waiting(const std::string& campaign,
                                                                const std::string& county) = 0;
    // Sets a waiting check-in to counted or refused; false when it was not waiting (a
    // colleague reviewed it first). A photo check-in's photo is deleted in the same
    // transaction, whichever the decision: the decision is what is kept (state, reviewer,
    // reason, time), and a photo of a person at a site is kept no longer than it is needed.
    virtual Result<bool> review_checkin(long long checkin, raffle::CheckinState state, const std::string& reviewer,
                                        const std::string& note, UnixTime at) = 0;

    // Photos. A photo check-in and its photo are stored in one transaction (not through the
    // group commit: photos are few and large); a duplicate stores neither.
    virtual Result<AddResult> add_photo_checkin(const StoredCheckin& checkin, const std::string& jpeg, int width,
                                                int height) = 0;
    // The check-in's photo while it is kept: until the check-in is reviewed, the participant
    // erases their data, or erase_photos.
    virtual Result<std::optional<StoredPhoto>> photo(long long checkin) = 0;
    // Deletes the photos still kept (unreviewed) of the campaign's check-ins, when its
    // contacts are erased after the prize period. Returns how many.
    virtual Result<long long> erase_photos(const std::string& campaign) = 0;

    // Draws. A draw has no row until it is frozen.
    virtual Result<std::vector<raffle::DrawRecord>> draw_records() = 0;
    // Freezes: the record (status frozen), the published list, and which participant each
    // entry is (kept private). False when the draw was frozen already.
    virtual Result<bool> freeze_draw(const raffle::DrawRecord& record, const std::string& entries_document,
                                     const std::vector<std::pair<std::string, long long>>& entry_participants) = 0;
    virtual Result<std::optional<std::string>> entries_document(const std::string& campaign,
                                                                const std::string& draw) = 0;
    // What the pages ask of a frozen list, one row at a time rather than the whole list: how
    // many entries it holds, whose an entry is (a winner's), and a participant's own entry
    // ids by draw (draw, entry).
    virtual Result<long long> entry_count(const std::string& campaign, const std::string& draw) = 0;
    virtual Result<std::optional<long long>> entry_owner(const std::string& campaign, const std::string& draw,
                                                         const std::string& entry) = 0;
    virtual Result<std::vector<std::pair<std::string, std::string>>> entries_of(const std::string& campaign,
                                                                               long long participant) = 0;
    // Records the seed value and winners of a frozen draw; false when it was not frozen.
    virtual Result<bool> record_draw(const raffle::DrawRecord& drawn) = 0;
};

Result<std::unique_ptr<RaffleStore>> open_sqlite_raffle_store(const std::string& path);
Result<std::unique_ptr<RaffleStore>> open_postgres_raffle_store(const std::string& conninfo);
// Whichever the location names, as open_store does.
Result<std::unique_ptr<RaffleStore>> open_raffle_store(const std::string& location);

}  // namespace beitai::site
