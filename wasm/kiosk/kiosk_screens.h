// The kiosk's screens, one file each: Home, Map, Proposals, Parking, Campaign. Each draws
// into the layout's content rectangle and changes only the visit's state (so that the idle
// reset clears it) and what the frame tells it.
#pragma once

#include <cstdint>

#include "kiosk_data.h"
#include "kiosk_ui.h"
#include <string>
#include <utility>
#include <vector>

#include "render/kiosk_config.h"
#include "render/live_figures.h"
#include "render/kiosk_lists.h"
#include "render/kiosk_session.h"
#include "render/scene_paint.h"
#include "text/date.h"
#include "tracker/record.h"
#include "map_layer.h"

namespace beitai::kiosk {

// What a screen gets each frame.
struct ScreenContext {
    KioskUi& ui;
    render::KioskSession& session;
    KioskData& data;
    const render::KioskConfig& config;
    std::int64_t now_s = 0;  // Unix seconds, for ages and days
};

// A two-finger gesture on the map, from the glue: the fingers' previous and new places.
struct Pinch {
    render::Pixel a0, b0, a1, b1;
};

// Home's tiles are worked out by the app once a second (render::live_figures), not once
// a frame: their text is strings.
render::LiveFigureData HomeData(const KioskData& data, const render::KioskConfig& config, std::int64_t now_s);
void DrawHome(ScreenContext& c, const std::vector<render::LiveFigure>& tiles);
// A toggle's value ("" for "all") and its label.
struct Choice {
    std::string value;
    std::string label;
};

// Proposals: the list with its toggles, or one proposal's detail. Their words are worked out
// when the data, the language or a filter changes, so a frame that only redraws allocates
// nothing.
class ProposalsScreen {
public:
    void Draw(ScreenContext& c, TouchScroll& scroll);

private:
    void DrawDetail(ScreenContext& c, const tracker::ProposalRecord& record, TouchScroll& scroll);

    struct ListText {
        int version = -1;
        text::Lang lang = text::Lang::zh_TW;
        render::KioskProposalFilters filters;
        std::vector<Choice> statuses, counties, groups;
        struct Row {
            const tracker::ProposalRecord* record = nullptr;
            std::string head;  // "112-40  列管  臺北市"
        };
        std::vector<Row> rows;
        std::string count;
    } list_;
    struct DetailText {
        int version = -1;
        text::Lang lang = text::Lang::zh_TW;
        std::string id, meta, status, why;
        std::vector<std::string> dates;  // the progress entries', latest first
    } detail_;
};
// Parking: the car parks with space nearest the lobby and each county's feed, their words
// worked out once a second (the ages move on) and when data arrives.
class ParkingScreen {
public:
    void Draw(ScreenContext& c, TouchScroll& scroll);

private:
    int version_ = -1;
    text::Lang lang_ = text::Lang::zh_TW;
    std::int64_t second_ = -1;
    std::vector<render::KioskParkingRow> rows_;
    struct RowText {
        std::string where, spaces, age;
    };
    std::vector<RowText> text_;
    std::vector<std::pair<std::string, bool>> feed_lines_;  // the line, and whether stale
};
// Campaign: the campaign shown now, its rule, dates and draws, its sites nearest the lobby;
// the words worked out when the data, the language or the day changes.
class CampaignScreen {
public:
    void Draw(ScreenContext& c, TouchScroll& scroll);

private:
    int version_ = -1;
    text::Lang lang_ = text::Lang::zh_TW;
    text::Date today_;
    std::string id_;
    std::string period_, rule_;
    std::vector<std::string> draws_;
    std::vector<render::KioskSiteRow> rows_;
    std::vector<std::string> row_lines_;  // distance and county of each row
};

// The map keeps its paint list and painter between frames (an idle frame allocates nothing).
class MapScreen {
public:
    void Draw(ScreenContext& c);
    void ApplyPinch(const Pinch& pinch) { pending_pinch_ = pinch; has_pinch_ = true; }
    // A new visit: no gesture half-done. (The painted map stays: it is no visitor's.)
    void Reset() { travelled_ = 0; has_pinch_ = false; }
    int repaints() const { return layer_.repaints(); }

private:
    MapLayer layer_;  // the painted map on the GPU
    float travelled_ = 0;
    Pinch pending_pinch_{};
    bool has_pinch_ = false;
};

// The attract loop's picture of a subject, over the content: its tile large.
void DrawHighlight(ScreenContext& c, const std::vector<render::LiveFigure>& tiles, render::KioskScreen subject);

}  // namespace beitai::kiosk
