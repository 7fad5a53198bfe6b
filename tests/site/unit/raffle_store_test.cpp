// The raffle store (store/raffle_store.h) on both engines, each case on a store of its own:
// a SQLite file in a temporary folder, and a PostgreSQL database made for the case beside
// BEITAI_PG_URL's. With BEITAI_PG_URL set, a PostgreSQL that cannot be reached fails the
// case; only when it is unset is the PostgreSQL half skipped, with a message.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "../../support/scratch_store.h"
#include "store/raffle_store.h"
#include "store/store.h"

using namespace beitai;
using namespace beitai::site;

namespace {

struct OnSqlite {
    testing::ScratchSqlite scratch;
    std::string location = scratch.path();
    std::unique_ptr<RaffleStore> store;

    OnSqlite() {
        auto opened = open_raffle_store(location);
        REQUIRE_MESSAGE(opened.ok(), opened.error());
        store = std::move(*opened);
    }
};

struct OnPostgres {
    testing::ScratchPostgres scratch;
    std::string location;
    std::unique_ptr<RaffleStore> store;  // null when skipped

    OnPostgres() {
        const std::string admin = testing::ScratchPostgres::admin_url();
        if (admin.empty()) {
            MESSAGE("BEITAI_PG_URL is not set: the PostgreSQL case is skipped (portal.sh test starts PostgreSQL)");
            return;
        }
        auto made = scratch.create(admin);
        REQUIRE_MESSAGE(made.ok(), made.error());
        location = scratch.url();
        auto opened = open_raffle_store(location);
        REQUIRE_MESSAGE(opened.ok(), opened.error());
        store = std::move(*opened);
    }
};

#define ON_BOTH_STORES OnSqlite, OnPostgres

content::Campaign campaign(const std::string& id, const std::string& name_zh) {
    content::Campaign c;
    c.id = id;
    c.proposal = "112-40";
    c.name_zh = name_zh;
    c.name_en = "Green check-in " + id;
    c.start = {2026, 10, 1};
    c.end = {2026, 12, 31};
    c.min_counties = 3;
    c.contacts_erased_after = {2027, 3, 31};
    c.sites = {{"site-001", 100}, {"site-002", 150}};
    content::CampaignDraw draw;
    draw.id = "2026-12";
    draw.cutoff = 1797868800;
    draw.date = 1797955200;
    draw.seed_source_zh = "台灣彩券威力彩 2026-12-17 開獎號碼";
    draw.seed_source_en = "Taiwan Lottery Super Lotto, 2026-12-17";
    draw.prizes = {{"Taipei", 2, "環保標章旅館住宿券", "Eco-label hotel voucher"}};
    c.draws = {draw};
    c.sample = true;
    return c;
}

Participant participant(const std::string& campaign, const std::string& tag, const std::string& home = "Taipei") {
    Participant p;
    p.campaign = campaign;
    p.token_digest = "token-" + tag;
    p.recovery_digest = "recovery-" + tag;
    p.nickname = "王小明" + tag;
    p.home_county = home;
    p.created = 1790000000;
    return p;
}

StoredCheckin checkin(long long who, const std::string& site, const std::string& county, UnixTime at,
                      raffle::CheckinState state = raffle::CheckinState::counted, const std::string& campaign = "2026") {
    StoredCheckin c;
    c.campaign = campaign;
    c.participant = who;
    c.site = site;
    c.county = county;
    c.at = at;
    c.state = state;
    c.proof = state == raffle::CheckinState::photo_pending ? raffle::Proof::photo : raffle::Proof::code;
    return c;
}

long long add(RaffleStore& store, const Participant& p, const std::string& contact = "0912345678") {
    auto id = store.add_participant(p, contact);
    REQUIRE_MESSAGE(id.ok(), id.error());
    return *id;
}

AddResult add(RaffleStore& store, const StoredCheckin& c) {
    auto r = store.add_checkin(c);
    REQUIRE_MESSAGE(r.ok(), r.error());
    return *r;
}

raffle::DrawRecord frozen_record(const std::string& campaign, const std::string& draw) {
    raffle::DrawRecord r;
    r.campaign = campaign;
    r.draw = draw;
    r.status = raffle::DrawStatus::frozen;
    r.entries_sha256 = std::string(64, 'a');
    r.entries_url = "/api/campaigns/" + campaign + "/draws/" + draw + "/entries.txt";
    r.seed_source = "台灣彩券威力彩 2026-12-17 開獎號碼";
    r.frozen_at = 1797868900;
    return r;
}

}  // namespace

TEST_CASE_TEMPLATE("raffle store: the content's campaigns are inserted once, never overwritten; the admin's are created and replaced",
                   F, ON_BOTH_STORES) {
    F f;
    if (!f.store) return;
    RaffleStore& store = *f.store;

    REQUIRE(store.insert_missing_campaigns({campaign("112", "112 年綠色旅遊"), campaign("2026", "2026 年綠色旅遊")}).ok());
    // A second start with the content changed: the stored one stays, a new one is added.
    REQUIRE(store.insert_missing_campaigns({campaign("112", "改過的名字"), campaign("2027", "2027 年綠色旅遊")}).ok());
    auto all = store.campaigns();
    REQUIRE_MESSAGE(all.ok(), all.error());
    REQUIRE(all->size() == 3);
    CHECK((*all)[0].id == "112");
    CHECK((*all)[0].name_zh == "112 年綠色旅遊");
    CHECK((*all)[1].id == "2026");
    CHECK((*all)[2].id == "2027");

    REQUIRE(store.create_campaign(campaign("admin-1", "管理者的活動")).ok());
    auto taken = store.create_campaign(campaign("112", "搶用的代號"));
    REQUIRE_FALSE(taken.ok());
    CHECK(taken.error().find("\"112\"") != std::string::npos);
    CHECK(taken.error().find("taken") != std::string::npos);

    // A replacement names the campaign it replaces, as read back from the store: the stored
    // text round-trips, and a colleague's change in between makes the second one fail.
    all = store.campaigns();
    REQUIRE(all.ok());
    const content::Campaign as_read = all->back();
    REQUIRE(as_read.id == "admin-1");
    auto changed = campaign("admin-1", "改名後的活動");
    changed.min_counties = 4;
    auto replaced = store.replace_campaign(changed, as_read);
    REQUIRE_MESSAGE(replaced.ok(), replaced.error());
    CHECK(*replaced);
    auto stale = campaign("admin-1", "晚一步的修改");
    auto lost = store.replace_campaign(stale, as_read);
    REQUIRE(lost.ok());
    CHECK_FALSE(*lost);
    auto content_one = store.campaigns();
    REQUIRE(content_one.ok());
    auto renamed = (*content_one)[1];  // a content campaign, as stored on first start
    renamed.note = "補充說明";
    auto content_replaced = store.replace_campaign(renamed, (*content_one)[1]);
    REQUIRE(content_replaced.ok());
    CHECK(*content_replaced);
    auto missing = store.replace_campaign(campaign("nowhere", "不存在"), campaign("nowhere", "不存在"));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().find("nowhere") != std::string::npos);

    all = store.campaigns();
    REQUIRE(all.ok());
    REQUIRE(all->size() == 4);
    CHECK((*all)[0].name_zh == "112 年綠色旅遊");  // the refused create changed nothing
    CHECK((*all)[3].id == "admin-1");
    CHECK((*all)[3].name_zh == "改名後的活動");
    CHECK((*all)[3].min_counties == 4);
    CHECK((*all)[1].note == "補充說明");
}

TEST_CASE_TEMPLATE("raffle store: a secret is the first candidate stored, for every caller and every process", F,
                   ON_BOTH_STORES) {
    F f;
    if (!f.store) return;
    const std::string first("\x00\xff\x10secret-one", 13), second = "secret-two";
    auto a = f.store->secret("entries", first);
    REQUIRE_MESSAGE(a.ok(), a.error());
    CHECK(*a == first);  // raw bytes, a NUL and 0xff included
    auto b = f.store->secret("entries", second);
    REQUIRE(b.ok());
    CHECK(*b == first);

    auto other_process = open_raffle_store(f.location);
    REQUIRE_MESSAGE(other_process.ok(), other_process.error());
    auto c = (*other_process)->secret("entries", second);
    REQUIRE(c.ok());
    CHECK(*c == first);
    auto d = (*other_process)->secret("another", second);
    REQUIRE(d.ok());
    CHECK(*d == second);
}

TEST_CASE_TEMPLATE("raffle store: rotating the signboard key adds the next version and retires every older one", F,
                   ON_BOTH_STORES) {
    F f;
    if (!f.store) return;
    RaffleStore& store = *f.store;
    auto none = store.signboard_keys();
    REQUIRE(none.ok());
    CHECK(none->empty());

    const std::string k1(32, '\x01'), k2(32, '\xfe'), k3 = std::string(31, 'k') + '\0';
    auto first = store.rotate_signboard_key(k1);
    REQUIRE_MESSAGE(first.ok(), first.error());
    CHECK(first->version == 1);
    CHECK_FALSE(first->retired);
    REQUIRE(store.rotate_signboard_key(k2).ok());
    auto third = store.rotate_signboard_key(k3);
    REQUIRE(third.ok());
    CHECK(third->version == 3);

    auto keys = store.signboard_keys();
    REQUIRE(keys.ok());
    REQUIRE(keys->size() == 3);
    CHECK((*keys)[0].version == 1);
    CHECK((*keys)[0].retired);
    CHECK((*keys)[0].secret == k1);
    CHECK((*keys)[1].retired);
    CHECK((*keys)[1].secret == k2);
    CHECK_FALSE((*keys)[2].retired);
    CHECK((*keys)[2].secret == k3);
}

TEST_CASE_TEMPLATE("raffle store: a participant is found by token or recovery code in their campaign; a new token ends the old",
                   F, ON_BOTH_STORES) {
    F f;
    if (!f.store) return;
    RaffleStore& store = *f.store;
    const long long ming = add(store, participant("2026", "a", "Taipei"));
    const long long hua = add(store, participant("2026", "b", "YilanCounty"));
    CHECK(ming != hua);

    auto found = store.participant_by_token("2026", "token-a");
    REQUIRE_MESSAGE(found.ok(), found.error());
    REQUIRE(found->has_value());
    CHECK((*found)->id == ming);
    CHECK((*found)->nickname == "王小明a");
    CHECK((*found)->home_county == "Taipei");
    CHECK((*found)->recovery_digest == "recovery-a");
    CHECK((*found)->created == 1790000000);

    auto elsewhere = store.participant_by_token("2027", "token-a");
    REQUIRE(elsewhere.ok());
    CHECK_FALSE(elsewhere->has_value());

    auto recovered = store.participant_by_recovery("2026", "recovery-b");
    REQUIRE(recovered.ok());
    REQUIRE(recovered->has_value());
    CHECK((*recovered)->id == hua);

    REQUIRE(store.replace_token(hua, "token-b2").ok());
    auto old_token = store.participant_by_token("2026", "token-b");
    REQUIRE(old_token.ok());
    CHECK_FALSE(old_token->has_value());
    auto new_token = store.participant_by_token("2026", "token-b2");
    REQUIRE(new_token.ok());
    REQUIRE(new_token->has_value());
    CHECK((*new_token)->id == hua);
    CHECK_FALSE(store.replace_token(999999, "token-x").ok());

    auto same_token = store.add_participant(participant("2026", "a"), "0912345678");
    REQUIRE_FALSE(same_token.ok());
    CHECK(same_token.error().find("in use") != std::string::npos);

    auto homes = store.participant_homes("2026");
    REQUIRE(homes.ok());
    REQUIRE(homes->size() == 2);
    CHECK((*homes)[0].participant == ming);
    CHECK((*homes)[0].home_county == "Taipei");
    CHECK((*homes)[1].home_county == "YilanCounty");

    auto contacts = store.contacts({hua, ming});
    REQUIRE(contacts.ok());
    REQUIRE(contacts->size() == 2);
    CHECK((*contacts)[0].participant == hua);
    CHECK((*contacts)[0].nickname == "王小明b");
    CHECK((*contacts)[0].contact == "0912345678");
}

TEST_CASE_TEMPLATE("raffle store: one check-in per participant and site whatever its state; in a concurrent batch only the duplicate is refused",
                   F, ON_BOTH_STORES) {
    F f;
    if (!f.store) return;
    RaffleStore& store = *f.store;
    const long long ming = add(store, participant("2026", "a"));
    CHECK(add(store, checkin(ming, "site-001", "Taipei", 1790000100)) == AddResult::stored);
    CHECK(add(store, checkin(ming, "site-001", "Taipei", 1790000200, raffle::CheckinState::held)) == AddResult::duplicate);

    // 24 callers released together: 22 different (participant, site) pairs and one pair twice.
    std::vector<long long> people;
    for (int i = 0; i < 11; ++i) people.push_back(add(store, participant("2026", "p" + std::to_string(i))));
    std::vector<StoredCheckin> rows;
    for (int i = 0; i < 22; ++i)
        rows.push_back(checkin(people[i % 11], "site-" + std::to_string(100 + i / 11), "Keelung", 1790001000 + i));
    rows.push_back(checkin(people[3], "site-900", "Keelung", 1790002000));
    rows.push_back(checkin(people[3], "site-900", "Keelung", 1790002001, raffle::CheckinState::held));

    std::mutex gate;
    std::condition_variable open;
    bool go = false;
    std::vector<Result<AddResult>> results(rows.size(), Result<AddResult>(Error{"not run"}));
    std::vector<std::thread> callers;
    for (size_t i = 0; i < rows.size(); ++i)
        callers.emplace_back([&, i] {
            {
                std::unique_lock<std::mutex> lock(gate);
                open.wait(lock, [&] { return go; });
            }
            results[i] = store.add_checkin(rows[i]);
        });
    {
        std::lock_guard<std::mutex> lock(gate);
        go = true;
    }
    open.notify_all();
    for (auto& t : callers) t.join();

    for (size_t i = 0; i < 22; ++i) {
        REQUIRE_MESSAGE(results[i].ok(), results[i].error());
        CHECK(*results[i] == AddResult::stored);
    }
    REQUIRE(results[22].ok());
    REQUIRE(results[23].ok());
    CHECK(((*results[22] == AddResult::stored) != (*results[23] == AddResult::stored)));  // exactly one stored

    auto third = store.checkins_of(people[3]);
    REQUIRE(third.ok());
    CHECK(third->size() == 3);  // site-100, site-101, site-900 once
    // ming's first, the 22, and site-900 once — unless the held copy was the one stored.
    const bool held_copy_stored = third->back().state == raffle::CheckinState::held;
    auto counted = store.counted_checkins("2026");
    REQUIRE(counted.ok());
    CHECK(counted->size() == (held_copy_stored ? 23u : 24u));
}

TEST_CASE_TEMPLATE("raffle store: a check-in for a participant who is gone fails alone, the rest of its batch stored", F,
                   ON_BOTH_STORES) {
    F f;
    if (!f.store) return;
    RaffleStore& store = *f.store;
    const long long ming = add(store, participant("2026", "a"));
    std::vector<StoredCheckin> rows = {checkin(ming, "site-001", "Taipei", 1790000100),
                                       checkin(987654321, "site-001", "Taipei", 1790000100),
                                       checkin(ming, "site-002", "Taipei", 1790000200)};
    std::vector<Result<AddResult>> results(rows.size(), Result<AddResult>(Error{"not run"}));
    std::vector<std::thread> callers;
    for (size_t i = 0; i < rows.size(); ++i) callers.emplace_back([&, i] { results[i] = store.add_checkin(rows[i]); });
    for (auto& t : callers) t.join();
    REQUIRE_MESSAGE(results[0].ok(), results[0].error());
    CHECK(*results[0] == AddResult::stored);
    CHECK_FALSE(results[1].ok());
    REQUIRE_MESSAGE(results[2].ok(), results[2].error());
    CHECK(*results[2] == AddResult::stored);
    auto mine = store.checkins_of(ming);
    REQUIRE(mine.ok());
    CHECK(mine->size() == 2);
}

TEST_CASE_TEMPLATE("raffle store: a participant's check-ins come back whole, oldest first; counted_checkins holds only counted ones of the campaign",
                   F, ON_BOTH_STORES) {
    F f;
    if (!f.store) return;
    RaffleStore& store = *f.store;
    const long long ming = add(store, participant("2026", "a"));
    const long long hua = add(store, participant("2026", "b"));
    const long long other = add(store, participant("2027", "c"));

    auto held = checkin(ming, "site-003", "NewTaipei", 1790000300, raffle::CheckinState::held);
    held.proof = raffle::Proof::position;
    held.note = "too_fast from site-001 at 310 km/h";
    add(store, held);
    add(store, checkin(ming, "site-001", "Taipei", 1790000100));
    add(store, checkin(ming, "site-002", "Keelung", 1790000200, raffle::CheckinState::photo_pending));
    add(store, checkin(hua, "site-001", "Taipei", 1790000150));
    add(store, checkin(other, "site-001", "Taipei", 1790000160, raffle::CheckinState::counted, "2027"));

    auto mine = store.checkins_of(ming);
    REQUIRE_MESSAGE(mine.ok(), mine.error());
    REQUIRE(mine->size() == 3);
    CHECK((*mine)[0].site == "site-001");
    CHECK((*mine)[1].site == "site-002");
    CHECK((*mine)[1].state == raffle::CheckinState::photo_pending);
    CHECK((*mine)[1].proof == raffle::Proof::photo);
    const auto& last = (*mine)[2];
    CHECK(last.id > 0);
    CHECK(last.campaign == "2026");
    CHECK(last.participant == ming);
    CHECK(last.county == "NewTaipei");
    CHECK(last.at == 1790000300);
    CHECK(last.proof == raffle::Proof::position);
    CHECK(last.state == raffle::CheckinState::held);
    CHECK(last.note == "too_fast from site-001 at 310 km/h");

    auto counted = store.counted_checkins("2026");
    REQUIRE(counted.ok());
    REQUIRE(counted->size() == 2);
    for (const auto& row : *counted) CHECK(row.site == "site-001");
    std::vector<long long> who = {(*counted)[0].participant, (*counted)[1].participant};
    std::sort(who.begin(), who.end());
    CHECK(who == std::vector<long long>{std::min(ming, hua), std::max(ming, hua)});
    CHECK((*counted)[0].county == "Taipei");
}

TEST_CASE_TEMPLATE("raffle store: waiting check-ins by county, oldest first; a second review of one is refused", F,
                   ON_BOTH_STORES) {
    F f;
    if (!f.store) return;
    RaffleStore& store = *f.store;
    const long long ming = add(store, participant("2026", "a"));
    const long long hua = add(store, participant("2026", "b"));
    add(store, checkin(ming, "site-001", "Taipei", 1790000300, raffle::CheckinState::photo_pending));
    add(store, checkin(hua, "site-001", "Taipei", 1790000100, raffle::CheckinState::held));
    add(store, checkin(hua, "site-002", "Keelung", 1790000200, raffle::CheckinState::held));
    add(store, checkin(ming, "site-003", "Taipei", 1790000050));  // counted: not waiting

    auto taipei = store.checkins_waiting("2026", "Taipei");
    REQUIRE_MESSAGE(taipei.ok(), taipei.error());
    REQUIRE(taipei->size() == 2);
    CHECK((*taipei)[0].participant == hua);
    CHECK((*taipei)[0].at == 1790000100);
    CHECK((*taipei)[1].participant == ming);
    auto everywhere = store.checkins_waiting("2026", "");
    REQUIRE(everywhere.ok());
    REQUIRE(everywhere->size() == 3);
    CHECK((*everywhere)[1].county == "Keelung");
    auto other_campaign = store.checkins_waiting("2027", "");
    REQUIRE(other_campaign.ok());
    CHECK(other_campaign->empty());

    const long long photo = (*taipei)[1].id;
    auto first = store.review_checkin(photo, raffle::CheckinState::counted, "editor-taipei", "告示牌清楚", 1790100000);
    REQUIRE_MESSAGE(first.ok(), first.error());
    CHECK(*first);
    auto second = store.review_checkin(photo, raffle::CheckinState::refused, "editor-2", "太模糊", 1790100001);
    REQUIRE(second.ok());
    CHECK_FALSE(*second);
    CHECK_FALSE(store.review_checkin((*taipei)[0].id, raffle::CheckinState::held, "editor", "", 1790100002).ok());

    auto reviewed = store.checkins_of(ming);
    REQUIRE(reviewed.ok());
    auto it = std::find_if(reviewed->begin(), reviewed->end(), [&](const StoredCheckin& c) { return c.id == photo; });
    REQUIRE(it != reviewed->end());
    CHECK(it->state == raffle::CheckinState::counted);
    CHECK(it->reviewer == "editor-taipei");
    CHECK(it->note == "告示牌清楚");
    CHECK(it->reviewed_at == 1790100000);

    auto left = store.checkins_waiting("2026", "Taipei");
    REQUIRE(left.ok());
    CHECK(left->size() == 1);
    auto counted = store.counted_checkins("2026");
    REQUIRE(counted.ok());
    CHECK(counted->size() == 2);
}

TEST_CASE_TEMPLATE("raffle store: a draw freezes once with its list and entries; it is recorded only while frozen", F,
                   ON_BOTH_STORES) {
    F f;
    if (!f.store) return;
    RaffleStore& store = *f.store;
    auto none = store.draw_records();
    REQUIRE_MESSAGE(none.ok(), none.error());
    CHECK(none->empty());

    auto drawn = frozen_record("2026", "2026-12");
    drawn.status = raffle::DrawStatus::drawn;
    drawn.seed_value = "05 12 19 23 31 36 / 07";
    drawn.drawn_at = 1798000000;
    drawn.winners = {{"E0a1", 0, "環保標章旅館住宿券", "王○明"}};
    auto early = store.record_draw(drawn);
    REQUIRE(early.ok());
    CHECK_FALSE(*early);  // no row: never frozen

    const std::string list = "E0a1\nE3ff\nEb07\n";
    const std::vector<std::pair<std::string, long long>> entries = {{"Eb07", 3}, {"E0a1", 1}, {"E3ff", 2}};
    auto frozen = store.freeze_draw(frozen_record("2026", "2026-12"), list, entries);
    REQUIRE_MESSAGE(frozen.ok(), frozen.error());
    CHECK(*frozen);
    auto again = store.freeze_draw(frozen_record("2026", "2026-12"), "E999\n", {{"E999", 9}});
    REQUIRE_MESSAGE(again.ok(), again.error());
    CHECK_FALSE(*again);

    auto document = store.entries_document("2026", "2026-12");
    REQUIRE(document.ok());
    REQUIRE(document->has_value());
    CHECK(**document == list);
    auto unknown = store.entries_document("2026", "2027-03");
    REQUIRE(unknown.ok());
    CHECK_FALSE(unknown->has_value());
    // The list is asked one row at a time: its size, an entry's owner, a participant's entries.
    auto count = store.entry_count("2026", "2026-12");
    REQUIRE(count.ok());
    CHECK(*count == 3);
    CHECK(*store.entry_count("2026", "2027-03") == 0);
    auto owner = store.entry_owner("2026", "2026-12", "E3ff");
    REQUIRE(owner.ok());
    CHECK(*owner == std::optional<long long>(2));
    CHECK_FALSE(store.entry_owner("2026", "2026-12", "E999")->has_value());  // the refused second freeze's
    CHECK_FALSE(store.entry_owner("2027", "2026-12", "E3ff")->has_value());  // another campaign's list
    auto mine = store.entries_of("2026", 3);
    REQUIRE(mine.ok());
    CHECK(*mine == std::vector<std::pair<std::string, std::string>>{{"2026-12", "Eb07"}});
    CHECK(store.entries_of("2026", 9)->empty());

    auto records = store.draw_records();
    REQUIRE(records.ok());
    REQUIRE(records->size() == 1);
    CHECK((*records)[0].status == raffle::DrawStatus::frozen);
    CHECK((*records)[0].entries_sha256 == std::string(64, 'a'));

    auto recorded = store.record_draw(drawn);
    REQUIRE_MESSAGE(recorded.ok(), recorded.error());
    CHECK(*recorded);
    auto twice = store.record_draw(drawn);
    REQUIRE(twice.ok());
    CHECK_FALSE(*twice);  // drawn already
    records = store.draw_records();
    REQUIRE(records.ok());
    REQUIRE(records->size() == 1);
    CHECK((*records)[0].status == raffle::DrawStatus::drawn);
    CHECK((*records)[0].seed_value == "05 12 19 23 31 36 / 07");
    REQUIRE((*records)[0].winners.size() == 1);
    CHECK((*records)[0].winners[0].entry == "E0a1");
}

TEST_CASE_TEMPLATE("raffle store: an erasure takes the participant, the contact and the check-ins, not a frozen list's entry",
                   F, ON_BOTH_STORES) {
    F f;
    if (!f.store) return;
    RaffleStore& store = *f.store;
    const long long ming = add(store, participant("2026", "a"), "0912345678");
    const long long hua = add(store, participant("2026", "b"), "hua@example.com");
    add(store, checkin(ming, "site-001", "Taipei", 1790000100));
    add(store, checkin(ming, "site-002", "Keelung", 1790000200, raffle::CheckinState::held));
    add(store, checkin(hua, "site-001", "Taipei", 1790000150));
    REQUIRE(store.freeze_draw(frozen_record("2026", "2026-12"), "E111\nE222\n", {{"E111", ming}, {"E222", hua}}).ok());

    REQUIRE(store.erase_participant(ming).ok());
    auto gone = store.participant_by_token("2026", "token-a");
    REQUIRE(gone.ok());
    CHECK_FALSE(gone->has_value());
    auto checkins = store.checkins_of(ming);
    REQUIRE(checkins.ok());
    CHECK(checkins->empty());
    auto waiting = store.checkins_waiting("2026", "");
    REQUIRE(waiting.ok());
    CHECK(waiting->empty());
    auto counted = store.counted_checkins("2026");
    REQUIRE(counted.ok());
    REQUIRE(counted->size() == 1);
    CHECK((*counted)[0].participant == hua);
    auto contacts = store.contacts({ming, hua});
    REQUIRE(contacts.ok());
    REQUIRE(contacts->size() == 1);
    CHECK((*contacts)[0].contact == "hua@example.com");
    CHECK(*store.entry_count("2026", "2026-12") == 2);
    CHECK(*store.entry_owner("2026", "2026-12", "E111") == std::optional<long long>(ming));
    CHECK(*store.entries_of("2026", ming) == std::vector<std::pair<std::string, std::string>>{{"2026-12", "E111"}});
    // Registering again starts clean: no (participant, site) pair of the erased one is left.
    const long long again = add(store, participant("2026", "a2"));
    CHECK(add(store, checkin(again, "site-001", "Taipei", 1790000300)) == AddResult::stored);
}

TEST_CASE_TEMPLATE("raffle store: erase_contacts erases the campaign's contacts only and says how many", F, ON_BOTH_STORES) {
    F f;
    if (!f.store) return;
    RaffleStore& store = *f.store;
    const long long a = add(store, participant("2026", "a"), "0912345678");
    const long long b = add(store, participant("2026", "b"), "0987654321");
    const long long c = add(store, participant("2027", "c"), "chen@example.com");
    auto erased = store.erase_contacts("2026");
    REQUIRE_MESSAGE(erased.ok(), erased.error());
    CHECK(*erased == 2);
    auto left = store.contacts({a, b, c});
    REQUIRE(left.ok());
    REQUIRE(left->size() == 1);
    CHECK((*left)[0].participant == c);
    auto again = store.erase_contacts("2026");
    REQUIRE(again.ok());
    CHECK(*again == 0);
    // The participants themselves stay: only the contact goes.
    auto still = store.participant_by_token("2026", "token-a");
    REQUIRE(still.ok());
    CHECK(still->has_value());
}

TEST_CASE("raffle store: on SQLite its tables share the proposal store's file, each store writing on its own connection") {
    testing::ScratchSqlite scratch;
    auto proposals = open_sqlite_store(scratch.path());
    REQUIRE_MESSAGE(proposals.ok(), proposals.error());
    auto raffle = open_sqlite_raffle_store(scratch.path());
    REQUIRE_MESSAGE(raffle.ok(), raffle.error());
    RaffleStore& store = **raffle;
    std::vector<long long> people;
    for (int i = 0; i < 4; ++i) people.push_back(add(store, participant("2026", std::to_string(i))));

    // Both write at once: the busy timeout makes each wait for the other's lock, never fail.
    std::atomic<int> failures{0};
    std::thread auditor([&] {
        for (int i = 0; i < 40; ++i)
            if (!(*proposals)->append_audit({0, 1790000000 + i, "admin", "sign-in", "", "", "", "127.0.0.1"}).ok()) ++failures;
    });
    std::vector<std::thread> callers;
    for (int t = 0; t < 4; ++t)
        callers.emplace_back([&, t] {
            for (int i = 0; i < 10; ++i) {
                auto r = store.add_checkin(checkin(people[t], "site-" + std::to_string(i), "Taipei", 1790000000 + i));
                if (!r.ok() || *r != AddResult::stored) ++failures;
            }
        });
    auditor.join();
    for (auto& t : callers) t.join();
    CHECK(failures == 0);
    auto audit = (*proposals)->audit_log(100);
    REQUIRE(audit.ok());
    CHECK(audit->size() == 40);
    auto counted = store.counted_checkins("2026");
    REQUIRE(counted.ok());
    CHECK(counted->size() == 40);
}

// ---- photos -------------------------------------------------------------------------------

namespace {

// Bytes as a re-encoded JPEG could hold them: NULs, FFs, everything.
std::string photo_bytes(int seed) {
    std::string s = "\xFF\xD8\xFF";
    for (int i = 0; i < 5000; ++i) s += static_cast<char>((i * 7 + seed) & 0xFF);
    return s + "\xFF\xD9";
}

long long photo_checkin(RaffleStore& store, long long who, const std::string& site, const std::string& campaign = "2026",
                        int seed = 1) {
    auto added = store.add_photo_checkin(checkin(who, site, "Taipei", 1790000400, raffle::CheckinState::photo_pending, campaign),
                                         photo_bytes(seed), 1600, 1200);
    REQUIRE_MESSAGE(added.ok(), added.error());
    REQUIRE(*added == AddResult::stored);
    auto mine = store.checkins_of(who);
    REQUIRE(mine.ok());
    for (const auto& c : *mine)
        if (c.site == site) return c.id;
    FAIL("the photo check-in is not among the participant's");
    return 0;
}

}  // namespace

TEST_CASE_TEMPLATE("raffle store: a photo check-in is stored with its photo, byte for byte; a duplicate stores neither",
                   F, ON_BOTH_STORES) {
    F f;
    if (!f.store) return;
    RaffleStore& store = *f.store;
    const long long ming = add(store, participant("2026", "a"));
    const long long id = photo_checkin(store, ming, "site-001");
    auto photo = store.photo(id);
    REQUIRE_MESSAGE(photo.ok(), photo.error());
    REQUIRE(photo->has_value());
    CHECK((*photo)->checkin == id);
    CHECK((*photo)->content_type == "image/jpeg");
    CHECK((*photo)->width == 1600);
    CHECK((*photo)->height == 1200);
    CHECK((*photo)->bytes == photo_bytes(1));
    auto mine = store.checkins_of(ming);
    REQUIRE(mine.ok());
    REQUIRE(mine->size() == 1);
    CHECK((*mine)[0].proof == raffle::Proof::photo);
    CHECK((*mine)[0].state == raffle::CheckinState::photo_pending);

    // The same site again, by photo or by code: refused, the first photo unchanged.
    auto again = store.add_photo_checkin(checkin(ming, "site-001", "Taipei", 1790000500, raffle::CheckinState::photo_pending),
                                         photo_bytes(2), 800, 600);
    REQUIRE(again.ok());
    CHECK(*again == AddResult::duplicate);
    CHECK(add(store, checkin(ming, "site-001", "Taipei", 1790000600)) == AddResult::duplicate);
    CHECK(store.photo(id)->value().bytes == photo_bytes(1));
    CHECK(store.checkins_of(ming)->size() == 1);
    // A participant who is not there: an error, and no photo without its check-in.
    CHECK_FALSE(store.add_photo_checkin(checkin(ming + 1000, "site-002", "Keelung", 1790000700, raffle::CheckinState::photo_pending),
                                        photo_bytes(3), 10, 10).ok());
    CHECK_FALSE(store.photo(id + 1).value().has_value());
}

TEST_CASE_TEMPLATE("raffle store: a review deletes the photo whichever the decision, and keeps the decision", F, ON_BOTH_STORES) {
    F f;
    if (!f.store) return;
    RaffleStore& store = *f.store;
    const long long ming = add(store, participant("2026", "a"));
    const long long accepted = photo_checkin(store, ming, "site-001");
    const long long refused = photo_checkin(store, ming, "site-002");
    REQUIRE(store.review_checkin(accepted, raffle::CheckinState::counted, "editor-taipei", "", 1790100000).value());
    REQUIRE(store.review_checkin(refused, raffle::CheckinState::refused, "editor-taipei", "看不到立牌", 1790100001).value());
    CHECK_FALSE(store.photo(accepted).value().has_value());
    CHECK_FALSE(store.photo(refused).value().has_value());
    auto mine = store.checkins_of(ming);
    REQUIRE(mine.ok());
    REQUIRE(mine->size() == 2);
    for (const auto& c : *mine) {
        CHECK(c.reviewer == "editor-taipei");
        CHECK(c.state == (c.id == accepted ? raffle::CheckinState::counted : raffle::CheckinState::refused));
        CHECK(c.note == (c.id == accepted ? "" : "看不到立牌"));
    }
    // A review that does not happen (reviewed already) deletes nothing of another's.
    const long long waiting = photo_checkin(store, add(store, participant("2026", "b")), "site-001");
    CHECK_FALSE(store.review_checkin(accepted, raffle::CheckinState::refused, "editor-2", "again", 1790100002).value());
    CHECK(store.photo(waiting).value().has_value());
}

TEST_CASE_TEMPLATE("raffle store: erasing a participant erases their photos; erase_photos those of a campaign", F,
                   ON_BOTH_STORES) {
    F f;
    if (!f.store) return;
    RaffleStore& store = *f.store;
    const long long ming = add(store, participant("2026", "a"));
    const long long hua = add(store, participant("2026", "b"));
    const long long chen = add(store, participant("2027", "c"));
    const long long mine = photo_checkin(store, ming, "site-001");
    const long long hers = photo_checkin(store, hua, "site-001");
    const long long other = photo_checkin(store, chen, "site-001", "2027");
    REQUIRE(store.erase_participant(ming).ok());
    CHECK_FALSE(store.photo(mine).value().has_value());
    CHECK(store.photo(hers).value().has_value());

    auto erased = store.erase_photos("2026");
    REQUIRE_MESSAGE(erased.ok(), erased.error());
    CHECK(*erased == 1);
    CHECK_FALSE(store.photo(hers).value().has_value());
    CHECK(store.photo(other).value().has_value());
    CHECK(store.checkins_of(hua)->size() == 1);  // the check-in stays, waiting, without its photo
}
