// The portal's live figures — open proposals, car parks with space, days left in the
// running campaign — as the home page (render/home_page) and the kiosk's Home tiles show
// them, worked out from parsed data (not JSON text). A figure nobody can stand behind is not
// shown as a number: data not loaded yet or too old is "missing", never a zero.
//
// Each figure carries its text in both languages, so the kiosk's language toggle redraws
// without asking again; the words are core/text/lang.cpp's "figure.*" keys.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "content/campaign.h"
#include "geo/latlon.h"
#include "parking/snapshot.h"
#include "render/kiosk_session.h"
#include "text/lang.h"
#include "tracker/record.h"

namespace beitai::render {

// "Near this lobby", for the kiosk's parking tile.
constexpr double kKioskParkingRadiusM = 1000;

enum class FigureState {
    shown,       // the figure stands
    not_loaded,  // the data has not arrived yet
    stale,       // what we hold is too old to count on
    none,        // nothing to count now (no campaign running; the map has no figure)
};

struct LiveFigure {
    KioskScreen screen = KioskScreen::home;  // the subject (on the kiosk, the screen a tap opens)
    std::string title_zh, title_en;
    std::string figure_zh, figure_en;  // "12 件列管中" / "12 open"; "—" when missing; "" with none
    std::string line_zh, line_en;      // one short line under the figure
    FigureState state = FigureState::none;
    std::optional<long long> value;          // the number behind a shown figure
    std::optional<std::int64_t> data_age_s;  // parking: how old the counted data is
    bool sample = false;                     // the figure rests on sample data (示範資料)

    bool missing() const { return state == FigureState::not_loaded || state == FigureState::stale; }
    const std::string& title(text::Lang lang) const { return lang == text::Lang::en ? title_en : title_zh; }
    const std::string& figure(text::Lang lang) const { return lang == text::Lang::en ? figure_en : figure_zh; }
    const std::string& line(text::Lang lang) const { return lang == text::Lang::en ? line_en : line_zh; }
};

// What the kiosk's Home screen reads; a nullptr is data not loaded yet.
struct LiveFigureData {
    const tracker::Snapshot* proposals = nullptr;
    const parking::ParkingSnapshot* parking = nullptr;
    const std::vector<content::Campaign>* campaigns = nullptr;
    geo::LatLon lobby;
    std::int64_t now = 0;  // Unix seconds
};

// The campaign to feature at `now` (Unix seconds): the one running (ending first when several
// do: its days are the scarcer), else the next to start; campaigns run elsewhere (history)
// are left out. nullptr: none. The home page, the kiosk's Home tile and its Campaign screen
// show this one.
const content::Campaign* featured_campaign(const std::vector<content::Campaign>& campaigns, std::int64_t now);

// Bike routes, their breaks and the eco sites: the map, with no figure.
LiveFigure map_figure();
// The campaign the portal runs now (the one ending first when several do), else the next to
// start: "剩 12 天" / "12 days left" (the last day counts: 1 on the last day), "5 天後開始"
// / "starts in 5 days"; none when none runs or is coming. Campaigns run elsewhere
// (history) are left out.
LiveFigure campaign_figure(const std::vector<content::Campaign>* campaigns, std::int64_t now);
// Car parks with space (plenty or few) within kKioskParkingRadiusM of the lobby — or, with
// no lobby, in all eight counties — counting only those whose data is fresh; the age given
// is the oldest of the fresh data counted. Stale when every car park there is stale; 0
// (shown) when there is none.
LiveFigure parking_figure(const parking::ParkingSnapshot* parking, std::optional<geo::LatLon> lobby, std::int64_t now);
// Open (列管) proposals: the same query as /proposals?status=open.
LiveFigure proposals_figure(const tracker::Snapshot* snapshot);

// The subjects of Home, in order: map, campaign, parking, proposals. The attract loop's
// highlights are these.
std::vector<KioskScreen> home_subjects();
// One tile per subject, in that order.
std::vector<LiveFigure> live_figures(const LiveFigureData& data);

// "45 秒前" / "45 s ago", "12 分鐘前" / "12 min ago", "3 小時前" / "3 h ago".
std::string age_text(std::int64_t age_s, text::Lang lang);

}  // namespace beitai::render
