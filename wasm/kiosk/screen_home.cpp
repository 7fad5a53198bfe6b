// Home: one large tile per subject, each with its live figure (render/live_figures.h).
#include <algorithm>
#include <vector>

#include "kiosk_font.h"
#include "kiosk_screens.h"
#include "render/live_figures.h"

namespace beitai::kiosk {

namespace {

// A tile's face: title, figure, line, the sample label; `big` for the attract loop.
void DrawTileFace(const KioskUi& ui, const render::KioskRect& r, const render::LiveFigure& tile, bool pressed, bool big) {
    const auto& l = ui.layout();
    ImDrawList* d = ui.draw();
    d->AddRectFilled(TopLeft(r), BottomRight(r), pressed ? palette::tile_pressed : palette::tile, 16 * l.scale);
    const float pad = l.margin_px;
    const float wrap = std::max(r.w - 2 * pad, 1.0f);
    const float k = big ? 1.5f : 1.0f;
    // The attract loop's one large tile holds its words in its middle, not at its top.
    float y = big ? r.y + std::max(pad, r.h * 0.25f) : r.y + pad;
    y += ui.Text(ImVec2(r.x + pad, y), tile.title(ui.lang()), l.title_px * k, palette::text, wrap, ui.fonts().title) + pad / 2;
    const std::string& figure = tile.figure(ui.lang());
    if (!figure.empty()) {
        const ImU32 colour = tile.missing() ? palette::warning : palette::text;
        y += ui.Text(ImVec2(r.x + pad, y), figure, l.figure_px * k, colour, wrap, ui.fonts().figure) + pad / 2;
    }
    ui.Text(ImVec2(r.x + pad, y), tile.line(ui.lang()), l.body_px * k, palette::muted_text, wrap);
    if (tile.sample) ui.SampleBadge(ImVec2(r.x + pad, r.bottom() - pad - LineSize(l.small_px) * 1.2f));
}

}  // namespace

render::LiveFigureData HomeData(const KioskData& data, const render::KioskConfig& config, std::int64_t now_s) {
    render::LiveFigureData d;
    d.proposals = data.snapshot();
    d.parking = data.parking();
    d.campaigns = data.campaigns();
    d.lobby = config.position;
    d.now = now_s;
    return d;
}

void DrawHome(ScreenContext& c, const std::vector<render::LiveFigure>& tiles) {
    const auto& rects = c.ui.layout().tiles;
    for (std::size_t i = 0; i < tiles.size() && i < rects.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        bool pressed = false;
        const bool tapped = c.ui.Area("tile", rects[i], &pressed, tiles[i].title(c.ui.lang()));
        DrawTileFace(c.ui, rects[i], tiles[i], pressed, false);
        ImGui::PopID();
        if (tapped) c.session.go(tiles[i].screen);
    }
}

void DrawHighlight(ScreenContext& c, const std::vector<render::LiveFigure>& tiles, render::KioskScreen subject) {
    for (const auto& tile : tiles)
        if (tile.screen == subject) DrawTileFace(c.ui, c.ui.layout().content, tile, false, true);
}

}  // namespace beitai::kiosk
