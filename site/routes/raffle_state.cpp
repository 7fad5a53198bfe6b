#include "routes/raffle_state.h"

#include <unordered_map>

#include "raffle/rules.h"
#include "raffle/stats.h"

namespace beitai::site {

RaffleState::RaffleState(std::unique_ptr<RaffleStore> store, const std::vector<content::Site>& sites)
    : store_(std::move(store)), sites_(sites) {}

Status RaffleState::start(const std::vector<content::Campaign>& content_campaigns, const std::string& entries_candidate,
                          const std::string& key_candidate) {
    if (auto s = store_->insert_missing_campaigns(content_campaigns); !s) return s;
    auto secret = store_->secret("entries", entries_candidate);
    if (!secret) return Error{secret.error()};
    entries_secret_ = *secret;
    auto keys = store_->signboard_keys();
    if (!keys) return Error{keys.error()};
    if (keys->empty())
        if (auto key = store_->rotate_signboard_key(key_candidate); !key) return Error{key.error()};
    return ok_status();
}

Result<RaffleState::Campaigns> RaffleState::campaigns(UnixTime now) {
    std::lock_guard<std::mutex> lock(campaigns_mutex_);
    if (campaigns_ && now == campaigns_read_at_) return campaigns_;
    auto all = store_->campaigns();
    if (!all) return Error{all.error()};
    campaigns_ = std::make_shared<const std::vector<content::Campaign>>(std::move(*all));
    campaigns_read_at_ = now;
    return campaigns_;
}

Result<std::optional<content::Campaign>> RaffleState::campaign(const std::string& id, UnixTime now) {
    auto all = campaigns(now);
    if (!all) return Error{all.error()};
    for (const auto& c : **all)
        if (c.id == id) return std::optional<content::Campaign>(c);
    return std::optional<content::Campaign>();
}

std::vector<std::string> RaffleState::erase_expired_contacts(UnixTime now) {
    std::vector<std::string> erased;
    UnixTime last = contacts_checked_at_.load();
    if (now - last < 3600 || !contacts_checked_at_.compare_exchange_strong(last, now)) return erased;
    auto all = campaigns(now);
    if (!all) return erased;
    for (const auto& c : **all) {
        if (c.external || !raffle::contacts_expired(c, now)) continue;
        auto n = store_->erase_contacts(c.id);
        if (n && *n > 0) erased.push_back(c.id + ": " + std::to_string(*n) + " contacts erased (prize period over)");
        auto photos = store_->erase_photos(c.id);  // of check-ins never reviewed
        if (photos && *photos > 0) erased.push_back(c.id + ": " + std::to_string(*photos) + " unreviewed photos erased (prize period over)");
    }
    return erased;
}

Result<std::shared_ptr<const RaffleState::PublicCounts>> RaffleState::public_counts(
    const content::Campaign& campaign, const std::vector<content::County>& counties, UnixTime now) {
    {
        std::lock_guard<std::mutex> lock(counts_mutex_);
        auto it = counts_.find(campaign.id);
        if (it != counts_.end() && it->second.first == now) return it->second.second;
    }
    const auto places = raffle::campaign_places(campaign, sites_);
    std::unordered_map<std::string, size_t> index;
    for (size_t i = 0; i < places.size(); ++i) index.emplace(places[i].site, i);
    auto counted = store_->counted_checkins(campaign.id);
    if (!counted) return Error{counted.error()};
    auto homes = store_->participant_homes(campaign.id);
    if (!homes) return Error{homes.error()};
    auto counts = std::make_shared<PublicCounts>();
    counts->per_site.assign(places.size(), 0);
    std::vector<raffle::SiteCheckin> rows;
    rows.reserve(counted->size());
    for (const auto& row : *counted) {
        rows.push_back({row.participant, row.site});
        if (auto it = index.find(row.site); it != index.end()) ++counts->per_site[it->second];
    }
    counts->figures = raffle::figures_from(counties, places, *homes, rows, text::date_in_taipei(now));
    std::shared_ptr<const PublicCounts> result = std::move(counts);
    std::lock_guard<std::mutex> lock(counts_mutex_);
    counts_[campaign.id] = {now, result};
    return result;
}

void RaffleState::forget_counts(const std::string& campaign) {
    std::lock_guard<std::mutex> lock(counts_mutex_);
    counts_.erase(campaign);
}

void RaffleState::forget_campaigns() {
    std::lock_guard<std::mutex> lock(campaigns_mutex_);
    campaigns_.reset();
}

std::vector<raffle::Place> RaffleState::places(const content::Campaign& campaign) const {
    return raffle::campaign_places(campaign, sites_);
}

}  // namespace beitai::site
