// The portal: every URL the server answers, listed in route_table.cpp and dispatched by
// Portal::handle to small handlers, one file per resource (public pages, the JSON API,
// exports and feeds, maps, parking, staff). Handlers call core/ for every rule, query and
// piece of markup; they only do HTTP and storage.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "auth/device_cookie.h"
#include "auth/sessions.h"
#include "auth/sign_in_throttle.h"
#include "feeds/parking_hub.h"
#include "http/message.h"
#include "http/rate_limiter.h"
#include "http/representation.h"
#include "http/static_files.h"
#include "render/page.h"
#include "render/staff_views.h"
#include "routes/map_state.h"
#include "routes/raffle_state.h"
#include "routes/route_table.h"
#include "store/group_commit.h"
#include "store/store.h"
#include "text/lang.h"
#include "tracker/record.h"

namespace beitai::render {
struct CountySitesView;
}

namespace beitai::site {

namespace photo {
struct ReencodedPhoto;
}

struct PortalConfig {
    std::string public_url;       // "http://127.0.0.1:8080": feeds and links use it
    bool secure_cookies = false;  // behind TLS: __Host- cookies with Secure
    bool trust_proxy = false;     // behind nginx: the client is X-Forwarded-For's last entry
    std::string tiles = "osm";    // map tiles: osm, nlsc or none (render/map_page.h)
};

// The current snapshot. Readers take a shared_ptr and keep a consistent view for the whole
// request; a write builds a new snapshot — the one before with the written record in it, the
// other records shared (tracker::RecordList) — and swaps it in.
//
// Responses that depend only on the snapshot and the request's canonical query (the JSON
// API, exports) are kept with the snapshot they were computed from, so a busy public
// endpoint serialises each answer once per change, not once per request. A new snapshot
// starts with an empty cache; the number of entries is bounded so that a stream of unique
// queries cannot grow it without limit.
class SnapshotHolder {
public:
    explicit SnapshotHolder(tracker::Snapshot initial);
    std::shared_ptr<const tracker::Snapshot> get() const;
    // Returns the snapshot replaced. Whoever lets go of it last frees the records only it
    // held: a writer holding a lock had better do that after releasing it.
    [[nodiscard]] std::shared_ptr<const void> set(tracker::Snapshot next);

    // The cached body for `key` of the current snapshot, computing it with `make(snapshot)`
    // on a miss. Returns the snapshot used, so callers can render consistently.
    template <class Make>
    std::shared_ptr<const std::string> cached(const std::string& key, Make make) const {
        auto published = current();
        {
            std::lock_guard<std::mutex> lock(published->mutex);
            auto it = published->responses.find(key);
            if (it != published->responses.end()) return it->second;
        }
        auto body = std::make_shared<const std::string>(make(published->snapshot));
        std::lock_guard<std::mutex> lock(published->mutex);
        if (published->responses.size() < kMaxCachedResponses) published->responses.emplace(key, body);
        return body;
    }

    static constexpr size_t kMaxCachedResponses = 512;

private:
    struct Published {
        tracker::Snapshot snapshot;
        mutable std::mutex mutex;
        mutable std::unordered_map<std::string, std::shared_ptr<const std::string>> responses;
    };
    std::shared_ptr<const Published> current() const;

    mutable std::mutex mutex_;
    std::shared_ptr<const Published> current_;
};

class Portal {
public:
    // `clock` outlives the portal; every request reads it once (Call::now).
    Portal(Store& store, const Clock& clock, tracker::Snapshot snapshot, StaticFiles files, PortalConfig config,
           std::unique_ptr<MapState> map);

    // Matches the request against route_table() and answers it.
    Response handle(const Request& request);
    // Known only after the port is bound when none was configured.
    void set_public_url(std::string url) { config_.public_url = std::move(url); }
    // The live parking data (nullptr: this server polls no feeds). Outlives the portal.
    void set_parking(ParkingHub* hub) { parking_ = hub; }
    // The green-tourism raffle (nullptr: its pages answer 503). Outlives the portal.
    void set_raffle(RaffleState* raffle) { raffle_ = raffle; }
    // The key that signs staff device cookies (auth/device_cookie.h), kept in the store; none:
    // no browser is trusted, and every sign-in goes through the per-name delays.
    void set_device_key(std::string key) { device_cookies_ = auth::DeviceCookies(std::move(key), config_.secure_cookies); }

private:
    friend const std::vector<Route>& route_table();

    // The handlers, one file per resource; route_table.cpp says which answers what.
    // portal.cpp
    Response static_file(const Call& call);
    // home_page.cpp
    Response home_page(const Call& call);
    Response not_found(const Request& request);
    Response healthz(const Call& call);
    // language.cpp
    Response switch_language(const Call& call);
    // proposal_pages.cpp
    Response proposals_page(const Call& call);
    Response proposal_page(const Call& call);
    // proposal_api.cpp
    Response api_counties(const Call& call);
    Response api_proposals(const Call& call);
    Response api_proposal(const Call& call);
    Response api_snapshot(const Call& call);
    // exports.cpp
    Response export_csv(const Call& call);
    Response export_json(const Call& call);
    Response export_ods(const Call& call);
    Response export_atom(const Call& call);
    Response proposal_feed(const Call& call);
    Response export_view(const Call& call, const std::string& format) const;
    // map_pages.cpp
    Response map_page(const Call& call);
    Response map_svg(const Call& call);
    Response map_sites_page(const Call& call);
    Response map_routes_page(const Call& call);
    Response map_gaps_page(const Call& call);
    Response map_list_page(const Call& call, const std::string& layer) const;
    // map_api.cpp
    Response api_routes(const Call& call);
    Response api_sites(const Call& call);
    Response api_basemap(const Call& call);
    Response api_gaps(const Call& call);
    Response api_bike_route(const Call& call);
    // parking.cpp
    Response api_parking(const Call& call);
    Response api_parking_near(const Call& call);
    Response api_parking_feeds(const Call& call);
    Response api_parking_stream(const Call& call);
    // raffle_pages.cpp: the citizen's pages, and their forms for browsers without JavaScript
    Response raffle_index(const Call& call);
    Response raffle_campaign_page(const Call& call);
    Response raffle_register_form(const Call& call);
    Response raffle_checkin_form(const Call& call);
    Response raffle_recover_form(const Call& call);
    Response raffle_erase_form(const Call& call);
    Response raffle_draw_page(const Call& call);
    Response raffle_verify_page(const Call& call);
    Response raffle_nearby_page(const Call& call);
    // raffle_api.cpp
    Response api_campaigns(const Call& call);
    Response api_campaign(const Call& call);
    Response api_campaign_stats(const Call& call);
    Response api_register(const Call& call);
    Response api_checkin(const Call& call);
    Response api_me(const Call& call);
    Response api_recover(const Call& call);
    Response api_erase(const Call& call);
    Response api_draw(const Call& call);
    Response api_draw_entries(const Call& call);
    // raffle_actions.cpp: what a form and its JSON twin both do, and the campaign page
    struct RaffleReply {
        RaffleReply(int status_ = 200, std::string message_ = {}) : status(status_), message(std::move(message_)) {}
        int status = 200;
        std::string message;       // for the person: the notice, or the error
        text::Json body;           // for the API
        std::vector<std::pair<std::string, std::string>> headers;  // Set-Cookie
        std::string recovery_code;  // right after registering
        // For a form: what the page it redirects to says (render::raffle_notice_text).
        std::string notice_key;
        std::string notice_site;
        text::Json typed;  // a refused form's fields, shown again in the form
    };
    struct CampaignCall {
        content::Campaign campaign;
        std::optional<Participant> me;
    };
    // The campaign of the route's {campaign} and the caller's participation; or the error response.
    Result<CampaignCall> campaign_call(const Call& call);
    Response raffle_unavailable(const Call& call, int status, const std::string& message);
    RaffleReply raffle_register(const Call& call, CampaignCall& cc, const text::Json& body);
    RaffleReply raffle_check_in(const Call& call, CampaignCall& cc, const text::Json& body);
    // Shared by every kind of check-in: taking part, the campaign, the rate limits; then the
    // core's judgement and the store (with the photo, if any, in the same transaction).
    std::optional<RaffleReply> checkin_gate(const Call& call, const CampaignCall& cc);
    RaffleReply judge_and_store(const Call& call, CampaignCall& cc, const raffle::CheckinClaim& claim,
                                const photo::ReencodedPhoto* photo);
    RaffleReply raffle_recover(const Call& call, CampaignCall& cc, const text::Json& body);
    RaffleReply raffle_erase(const Call& call, CampaignCall& cc, const text::Json& body);
    using RaffleAction = RaffleReply (Portal::*)(const Call&, CampaignCall&, const text::Json&);
    // A raffle form: its fields read as the JSON the API takes, the action, the page again.
    Response raffle_form(const Call& call, RaffleAction action);
    // A form's reply: to the campaign's page with its notice (Post/Redirect/Get) when done,
    // else the page again with the refusal and what was typed.
    Response raffle_form_answer(const Call& call, CampaignCall& cc, const RaffleReply& reply);
    // The same action for the API: its JSON, the reply's body or {"error"}.
    Response raffle_api(const Call& call, RaffleAction action);
    static Response raffle_api_answer(const RaffleReply& reply);
    // raffle_photos.cpp: checking in with a photo — the API's raw image, the form's multipart
    // body — and the photo shown to the staff who review it
    Response api_photo(const Call& call);
    Response raffle_photo_form(const Call& call);
    Response checkin_photo(const Call& call);
    RaffleReply raffle_photo_check_in(const Call& call, CampaignCall& cc, const std::string& site, std::string_view bytes);
    Response campaign_page(const Call& call, const CampaignCall& cc, const RaffleReply* reply);
    text::Json progress_json(const CampaignCall& cc);
    // staff_raffle.cpp
    Response staff_raffle_page(const Call& call);
    Response freeze_draw(const Call& call);
    Response run_draw(const Call& call);
    Response winners_contacts(const Call& call);
    Response review_checkin(const Call& call);
    Response api_waiting_checkins(const Call& call);
    // The check-ins waiting for `actor`'s review: their county's, or every county's for the admin.
    std::vector<StoredCheckin> waiting_for(const tracker::Actor& actor, UnixTime now);
    // The waiting check-in of that id (the route's {id}), whichever county's; none if it does not wait.
    std::optional<StoredCheckin> waiting_checkin(const std::string& id_text, UnixTime now);
    Response rotate_signboards(const Call& call);
    Response staff_raffle_reply(const Call& call, int status, const std::string& message);
    // The nickname and contact behind a winning entry, while they are kept (none once erased);
    // an error when the store could not say.
    Result<std::optional<ContactRow>> winner_contact(const std::string& campaign, const std::string& draw,
                                                     const std::string& entry);
    // staff_raffle_campaigns.cpp: the admin's campaigns, by the JSON API and by the form
    enum class SaveMode { create, replace, create_or_replace };
    struct CampaignSave {
        int status = 200;
        std::vector<std::string> problems;  // each names its field
    };
    // `expected`: the campaign the change was made from (a form's), written over only if it is
    // still what the store holds; nullptr: whatever the store holds now (the API's whole document).
    CampaignSave save_campaign(const Call& call, const content::Campaign& campaign, SaveMode mode,
                               const content::Campaign* expected);
    Response create_campaign(const Call& call);
    Response campaign_form_page(const Call& call);
    Response save_campaign_form(const Call& call);
    // staff_raffle_sites.cpp: a county's sites in a campaign, and their signboards
    Result<content::Campaign> campaign_run_here(const Call& call);
    Result<std::string> staff_county(const Call& call, const std::string& asked);
    text::Json county_sites_json(const content::Campaign& campaign, const std::string& county);
    render::CountySitesView county_sites_view(const Call& call, const content::Campaign& campaign, const std::string& county,
                                              const std::vector<content::CampaignSite>* typed);
    Response staff_county_sites_page(const Call& call);
    Response save_county_sites(const Call& call);
    Response signboard_sheet(const Call& call);
    Response signboards_print_page(const Call& call);
    // staff_access.cpp: what every staff route passes first (the table's access column)
    std::optional<Response> staff_gate(const Route& route, const Call& call, std::optional<auth::SignedIn>& who);
    Response not_signed_in(const Call& call);
    Response staff_page(const Request& request, UnixTime now, const std::string& main_html, int status = 200);
    Response staff_not_found(const Call& call);
    // metrics_page.cpp
    Response metrics_page(const Call& call);
    // Whether the request comes from this machine, not through an untrusted proxy.
    bool from_loopback(const Request& request) const;
    // staff_session.cpp
    Response sign_in(const Call& call);
    // Why a sign-in must wait, or nullopt: go ahead (staff_session.cpp).
    struct SignInHold {
        UnixTime retry_after;
        const char* reason;  // as beitai_sign_in_throttled_total counts it
    };
    Response after_sign_in(const Request& request, UnixTime now, const tracker::Actor& actor, const std::string& csrf,
                           const render::SignInReturn& back);
    Response sign_out(const Call& call);
    Response api_session(const Call& call);
    // staff_proposals.cpp
    Response staff_home(const Call& call);
    Response staff_new_page(const Call& call);
    Response staff_edit_page(const Call& call);
    Response create_proposal(const Call& call);
    Response edit_proposal(const Call& call);
    Response add_progress(const Call& call);
    Response close_proposal(const Call& call);
    Response reopen_proposal(const Call& call);
    Response proposal_action(const Call& call, const std::string& id, tracker::ActionKind kind);
    Response proposal_refused(const Call& call, const std::string& id, tracker::ActionKind kind, int status,
                              const tracker::Refusal& refusal);
    // The edit page of `id` (the new-proposal page when empty) for `actor`, with a form kept
    // as typed and, after a 409, the changes stored since `conflict_from`.
    Response proposal_form_page(const Request& request, UnixTime now, const tracker::Actor& actor, const std::string& csrf,
                                const std::string& id, const render::Notice& notice,
                                const std::optional<render::KeptForm>& kept, int status,
                                std::optional<long long> conflict_from = std::nullopt);
    // staff_accounts.cpp
    Response staff_accounts_page(const Call& call);
    Response add_account(const Call& call);
    // staff_audit.cpp
    Response staff_audit_page(const Call& call);
    Response api_audit(const Call& call);

    // The frame of a page in `nav`'s part of the site, in the request's language, whose
    // language switch comes back to the same address, naming the build's hashed files.
    render::PageFrame page_frame(const Request& request, std::string active_nav) const;
    // Runs the route's access checks, then its handler.
    Response answer(const Request& request, const RouteMatch& match, UnixTime now);
    // The 404 of an address that a route matches for other methods but that has nothing behind
    // it (asked of the public GET route, as GET); nullopt when there is something (a 405 then).
    std::optional<Response> no_such_resource(const Request& request, UnixTime now);
    // Picks up writes made by other server processes sharing the store (checked at most
    // once a second, by the store's revision number).
    void refresh_if_changed(UnixTime now);
    // The client's address: the TCP peer, or behind a trusted proxy the address it saw.
    std::string client_address(const Request& request) const;
    // Brings the snapshot up to the store's revision after another process wrote: only the
    // items written since the revision it holds (Store::changed_since), or, when it holds
    // none it can trust, the whole store (reload_locked). The caller holds write_mutex_.
    Status catch_up_locked();
    Status reload_locked();
    // A proposal write waiting for its commit: concurrent writes share one transaction and
    // one fsync (store/group_commit.h), each judged on its own version.
    struct PendingWrite {
        std::shared_ptr<tracker::ProposalRecord> next;  // goes into the snapshot as it is, not copied
        long long expected_version = 0;
        std::optional<tracker::StatusEvent> event;
        AuditEntry audit;
    };
    // The group commit's leader: stores the batch, then moves the snapshot on by the records
    // stored (every other record shared with the snapshot before) — or, when another process
    // wrote in between (the revisions do not follow on from the one the snapshot holds),
    // reads the whole store again. Durable when it returns.
    Result<std::vector<WriteResult>> commit_writes(const std::vector<const PendingWrite*>& writes);
    // After a conflict: the snapshot is brought up to the store's revision (a conflict with
    // another process's write), so that the editor is shown the record as it now is.
    void catch_up();

    ParkingHub* parking_ = nullptr;
    RaffleState* raffle_ = nullptr;
    Store& store_;
    const Clock& clock_;
    SnapshotHolder snapshot_;
    auth::Sessions sessions_;
    auth::DeviceCookies device_cookies_{"", false};
    auth::SignInThrottle sign_in_throttle_;
    RateLimiter device_failures_{auth::DeviceCookies::kMaxFailuresPerDevice, 15 * 60};
    // Held while this process writes a proposal and moves the snapshot on, and while it
    // reloads: the snapshot follows the store's revisions in order, and a reload never puts
    // back a snapshot older than a write already taken.
    std::mutex write_mutex_;
    std::atomic<UnixTime> last_refresh_check_{0};
    std::atomic<long long> known_revision_{-1};  // the store's revision the snapshot holds
    StaticFiles files_;
    Representations representations_;  // tags, 304s and compression (http/representation.h)
    PortalConfig config_;
    std::unique_ptr<MapState> map_;
    GroupCommit<PendingWrite, WriteResult> writes_;  // this process's proposal writes
};

// Shared by the handlers.
text::Lang request_lang(const Request& request);
std::string path_and_query(const Request& request);
Response html_page(int status, std::string html);
Response redirect(const std::string& location);  // 303 See Other
// Today in Taiwan (UTC+8), the date staff actions are recorded under.
text::Date taipei_today(UnixTime now);

}  // namespace beitai::site
