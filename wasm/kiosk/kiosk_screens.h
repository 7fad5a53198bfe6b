// The kiosk's screens, one file each: Home, Map, Proposals, Parking, Campaign. Each draws
// into the layout's content rectangle and changes only the visit's state (so that the idle
// reset clears it) and what the frame tells it.
#pragma once

#include <cstdint>

#include "kiosk_data.h"
#include "kiosk_ui.h"
#include <vector>

#include "render/kiosk_config.h"
#include "render/kiosk_home.h"
#include "render/kiosk_session.h"
#include "render/scene_paint.h"
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

// Home's tiles are worked out by the app once a second (render::kiosk_home_tiles), not once
// a frame: their text is strings.
render::KioskHomeData HomeData(const KioskData& data, const render::KioskConfig& config, std::int64_t now_s);
void DrawHome(ScreenContext& c, const std::vector<render::KioskTile>& tiles);
void DrawProposals(ScreenContext& c, TouchScroll& scroll);
void DrawParking(ScreenContext& c, TouchScroll& scroll);
void DrawCampaign(ScreenContext& c, TouchScroll& scroll);

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
void DrawHighlight(ScreenContext& c, const std::vector<render::KioskTile>& tiles, render::KioskScreen subject);

}  // namespace beitai::kiosk
