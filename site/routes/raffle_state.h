// The raffle as the server holds it: the store, the secrets read from it once, the places
// of each campaign, and the rate limits. Campaigns are kept in memory and read again from the
// store at most once a second (and at once after this process changes one), so a campaign
// the admin creates in one server process is seen by all within a second, while a check-in
// does not parse every campaign again.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "raffle/checkin.h"
#include "http/rate_limiter.h"
#include "store/raffle_store.h"

namespace beitai::site {

class RaffleState {
public:
    RaffleState(std::unique_ptr<RaffleStore> store, const std::vector<content::Site>& sites);

    // Stores the content's campaigns that the store lacks, and makes sure the secrets exist.
    Status start(const std::vector<content::Campaign>& content_campaigns, const std::string& entries_candidate,
                 const std::string& key_candidate);

    RaffleStore& store() { return *store_; }
    const std::vector<content::Site>& sites() const { return sites_; }
    using Campaigns = std::shared_ptr<const std::vector<content::Campaign>>;
    Result<Campaigns> campaigns(UnixTime now);
    Result<std::optional<content::Campaign>> campaign(const std::string& id, UnixTime now);
    // After this process created or replaced a campaign.
    void forget_campaigns();
    // Erases the contacts (and the photos never reviewed) of every campaign whose prize period
    // is over (raffle/rules.h), at most once an hour; returns "campaign: n contacts" for each
    // that had any, for the audit.
    std::vector<std::string> erase_expired_contacts(UnixTime now);
    std::vector<raffle::Place> places(const content::Campaign& campaign) const;
    const std::string& entries_secret() const { return entries_secret_; }

    // One participant's check-ins are judged one at a time: the travel-speed rule compares a
    // check-in with the ones before it, so two sent at once must not both see none. (Several
    // server processes on one PostgreSQL do not share this lock; see the README.)
    std::mutex& participant_lock(long long participant) { return participant_locks_[participant % kLockStripes]; }

    // What the public pages count — check-ins per site (in the campaign's place order) and
    // the figures by county — computed once a second per campaign, not once per request.
    struct PublicCounts {
        std::vector<long long> per_site;
        content::CampaignFigures figures;
    };
    Result<std::shared_ptr<const PublicCounts>> public_counts(const content::Campaign& campaign,
                                                              const std::vector<content::County>& counties, UnixTime now);
    // After an erasure or a review: the counts go down or up at once, not a second later.
    void forget_counts(const std::string& campaign);

    // Check-in attempts: per participant and per address; registrations per address.
    RateLimiter checkins_per_participant{30, 600};
    RateLimiter checkins_per_address{120, 600};
    RateLimiter registrations_per_address{60, 3600};  // a school group shares one address
    RateLimiter recoveries_per_address{10, 600};

private:
    std::unique_ptr<RaffleStore> store_;
    std::mutex campaigns_mutex_;
    Campaigns campaigns_;
    UnixTime campaigns_read_at_ = 0;
    std::atomic<UnixTime> contacts_checked_at_{0};
    static constexpr long long kLockStripes = 64;
    std::mutex participant_locks_[kLockStripes];
    std::mutex counts_mutex_;
    std::map<std::string, std::pair<UnixTime, std::shared_ptr<const PublicCounts>>> counts_;
    std::vector<content::Site> sites_;
    std::string entries_secret_;
};

}  // namespace beitai::site
