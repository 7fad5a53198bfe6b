// The portal's routes: every URL the server answers, dispatched here to small handlers
// grouped by subject (public pages, the JSON API, exports and feeds, staff). Handlers call
// core/ for every rule, query and piece of markup; they only do HTTP and storage.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "auth/sessions.h"
#include "feeds/parking_hub.h"
#include "http/message.h"
#include "http/static_files.h"
#include "routes/map_state.h"
#include "store/store.h"
#include "text/lang.h"
#include "tracker/record.h"

namespace beitai::site {

struct PortalConfig {
    std::string public_url;       // "http://127.0.0.1:8080": feeds and links use it
    bool secure_cookies = false;  // behind TLS: __Host- cookies with Secure
    bool trust_proxy = false;     // behind nginx: the client is X-Forwarded-For's last entry
    std::string tiles = "osm";    // map tiles: osm, nlsc or none (render/map_page.h)
};

// The current snapshot. Readers take a shared_ptr and keep a consistent view for the whole
// request; a write builds a new snapshot and swaps it in.
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
    void set(tracker::Snapshot next);

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
    Portal(Store& store, tracker::Snapshot snapshot, StaticFiles files, PortalConfig config,
           std::unique_ptr<MapState> map);

    Response handle(const Request& request);
    // Known only after the port is bound when none was configured.
    void set_public_url(std::string url) { config_.public_url = std::move(url); }
    // The live parking data (nullptr: this server polls no feeds). Outlives the portal.
    void set_parking(ParkingHub* hub) { parking_ = hub; }

private:
    // public_api.cpp
    Response api_counties() const;
    Response api_proposals(const Request& request) const;
    Response api_proposal(const std::string& id) const;
    Response api_snapshot() const;
    // public_pages.cpp
    Response proposals_page(const Request& request) const;
    Response proposal_page(const Request& request, const std::string& id) const;
    Response switch_language(const Request& request) const;
    // exports.cpp
    Response export_view(const Request& request, const std::string& format) const;
    Response proposal_feed(const Request& request, const std::string& id) const;
    // maps.cpp
    Response map_page(const Request& request) const;
    Response map_svg(const Request& request) const;
    Response map_list_page(const Request& request, const std::string& layer) const;
    Response api_map(const std::string& what, const Request& request) const;
    // parking.cpp
    Response api_parking(const std::string& what, const Request& request) const;
    // staff.cpp — pages and forms under /staff, JSON under /api/staff
    Response staff(const Request& request);
    Response staff_unstored(const Request& request);
    Response staff_page(const Request& request, const std::string& main_html, int status = 200);
    Response sign_in(const Request& request, bool json);
    Response sign_out(const Request& request, bool json);
    Response proposal_action(const Request& request, const auth::SignedIn& who, const std::string& id,
                             tracker::ActionKind kind, bool json);
    Response add_account(const Request& request, const auth::SignedIn& who, bool json);

    // Picks up writes made by other server processes sharing the store (checked at most
    // once a second, by the store's revision number).
    void refresh_if_changed();
    // The client's address: the TCP peer, or behind a trusted proxy the address it saw.
    std::string client_address(const Request& request) const;
    Status reload();

    ParkingHub* parking_ = nullptr;
    Store& store_;
    SnapshotHolder snapshot_;
    auth::Sessions sessions_;
    std::mutex refresh_mutex_;
    std::atomic<UnixTime> last_refresh_check_{0};
    long long known_revision_ = -1;
    StaticFiles files_;
    PortalConfig config_;
    std::unique_ptr<MapState> map_;
};

// Shared by the handlers.
text::Lang request_lang(const Request& request);
std::string path_and_query(const Request& request);
Response html_page(int status, std::string html);
Response redirect(const std::string& location);  // 303 See Other
UnixTime unix_now();
// Today in Taiwan (UTC+8), the date staff actions are recorded under.
text::Date taipei_today(UnixTime now);

}  // namespace beitai::site
