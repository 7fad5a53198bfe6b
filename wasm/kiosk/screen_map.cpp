// Map: the core's Scene — county areas, bike routes, their breaks, the eco sites — painted
// with ImGui draw lists by the same rules as the SVG (render/scene_paint.h). A finger drags
// to pan, two pinch (the glue passes them in), the buttons zoom; a tap on a feature opens
// its card, on a cluster (render/map_clusters.h) shows its members.
#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk_font.h"
#include "kiosk_screens.h"
#include "render/map_clusters.h"

namespace beitai::kiosk {

namespace {

constexpr render::ZoomRange kZoomRange{8, 18};
constexpr float kTapSlopPx = 12;  // a finger wobbles; more than this is a drag

// The card of a tapped feature: a site's particulars, else the feature's own title.
void DrawCard(ScreenContext& c, const render::KioskRect& r, const render::PreparedScene& prepared) {
    const auto& l = c.ui.layout();
    auto& state = c.session.visit().map;
    ImDrawList* d = c.ui.draw();
    d->AddRectFilled(TopLeft(r), BottomRight(r), palette::panel, 14 * l.scale);
    const float pad = l.margin_px;
    const float wrap = r.w - 2 * pad;
    const render::KioskRect close{r.right() - pad - std::max(200 * l.scale, l.touch_min_px), r.y + pad / 2,
                                  std::max(200 * l.scale, l.touch_min_px), l.button_px};
    d->PushClipRect(TopLeft(r), BottomRight(r), true);
    float y = close.bottom() + pad / 2;
    const text::Lang lang = c.ui.lang();
    if (const content::Site* site = content::find_site(c.data.sites().sites, state.selected_feature)) {
        y += c.ui.Title(ImVec2(r.x + pad, y), site->name, palette::dark_text, wrap) + pad / 2;
        y += c.ui.Text(ImVec2(r.x + pad, y), c.data.CountyName(site->county, lang), l.body_px, palette::dark_text, wrap);
        for (const std::string* s : {&site->address, &site->hours, &site->activities})
            if (!s->empty()) y += c.ui.Text(ImVec2(r.x + pad, y), *s, l.body_px, palette::dark_text, wrap) + pad / 3;
        if (site->sample) c.ui.SampleBadge(ImVec2(r.x + pad, y + pad / 2));
    } else {
        const std::string* title = nullptr;
        for (const auto& m : prepared.scene.markers)
            if (m.id == state.selected_feature) title = &m.title;
        for (const auto& p : prepared.scene.polylines)
            if (!title && p.id == state.selected_feature) title = &p.title;
        for (const auto& p : prepared.scene.polygons)
            if (!title && p.id == state.selected_feature) title = &p.title;
        if (title) c.ui.Text(ImVec2(r.x + pad, y), *title, l.body_px, palette::dark_text, wrap);
    }
    d->PopClipRect();
    if (c.ui.Button("close-card", close, c.ui.say("關閉", "Close"))) state.selected_feature.clear();
}

}  // namespace

void MapScreen::Draw(ScreenContext& c) {
    const auto& l = c.ui.layout();
    const text::Lang lang = c.ui.lang();
    auto& state = c.session.visit().map;
    const render::PreparedScene* prepared = c.data.Scene(lang, state.zoom);
    if (!prepared) {
        c.ui.Text(TopLeft(l.content), c.ui.tr("figure.loading"), l.body_px, palette::text, l.content.w);
        return;
    }
    const bool card = !state.selected_feature.empty();
    render::KioskRect map = l.content, card_rect = l.content;
    if (card) {
        if (l.portrait) {
            map.h = l.content.h * 0.62f;
            card_rect.y = map.bottom() + l.gap_px;
            card_rect.h = l.content.bottom() - card_rect.y;
        } else {
            map.w = l.content.w * 0.64f;
            card_rect.x = map.right() + l.gap_px;
            card_rect.w = l.content.right() - card_rect.x;
        }
    }
    const render::Viewport start(state.centre, state.zoom, map.w, map.h, kZoomRange);
    render::Viewport view = start;

    // The buttons over the map's top-right corner: zoom in, zoom out, back to this lobby.
    // Their taps are taken before the map's (ImGui gives a press to the first item under it).
    const float b = std::max(l.button_px, l.touch_min_px);
    const float m = l.margin_px / 2;
    const render::KioskRect plus{map.right() - m - b, map.y + m, b, b};
    const render::KioskRect minus{plus.x, plus.bottom() + m, b, b};
    const render::KioskRect here{map.right() - m - 3.2f * b, minus.bottom() + m, 3.2f * b, b};
    bool plus_held = false, minus_held = false, here_held = false;
    const bool plus_tapped = c.ui.Area("zoom-in", plus, &plus_held, "+");
    const bool minus_tapped = c.ui.Area("zoom-out", minus, &minus_held, "−");
    const char* here_label = c.ui.say("回到本站", "Back here");
    const bool here_tapped = c.ui.Area("lobby", here, &here_held, here_label);

    // Input first, so that the frame draws where the finger is.
    const ImGuiIO& io = ImGui::GetIO();
    bool held = false;
    const bool tapped = c.ui.Area("map", map, &held);
    if (ImGui::IsMouseClicked(0)) {
        travelled_ = 0;  // the pointer jumped here from the last touch's place: no drag
    } else if (held) {
        travelled_ += std::fabs(io.MouseDelta.x) + std::fabs(io.MouseDelta.y);
        if (travelled_ > kTapSlopPx && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0))
            view = view.panned({io.MouseDelta.x, io.MouseDelta.y});
    }
    if (has_pinch_) {
        const auto shift = [&](render::Pixel p) { return render::Pixel{p.x - map.x, p.y - map.y}; };
        view = view.pinched(shift(pending_pinch_.a0), shift(pending_pinch_.b0), shift(pending_pinch_.a1),
                            shift(pending_pinch_.b1));
        has_pinch_ = false;
        travelled_ = kTapSlopPx * 100;  // two fingers never make a tap
    }
    if (tapped && travelled_ <= kTapSlopPx) {
        const render::Pixel at{io.MousePos.x - map.x, io.MousePos.y - map.y};
        const auto hit = render::hit_test(*prepared, view, at);
        const render::SceneMarker* cluster =
            hit && hit->kind == render::FeatureKind::marker && prepared->scene.markers[hit->index].cluster_count > 0
                ? &prepared->scene.markers[hit->index]
                : nullptr;
        if (cluster) {
            // A cluster opens nothing: the map shows its members, apart.
            const geo::BBox& box = cluster->cluster_box;
            const float pad = l.touch_min_px;
            view = render::fit_box({box.south, box.west}, {box.north, box.east}, map.w, map.h, {pad, pad, pad, pad},
                                   {kZoomRange.min, std::max(view.zoom(), render::kClusterMaxZoom)});
            state.selected_feature.clear();
        } else {
            // The county areas are what lies under every tap: they open nothing.
            state.selected_feature = hit && hit->kind != render::FeatureKind::polygon ? hit->id : std::string();
        }
    }
    if (io.MouseWheel != 0 && ImGui::IsMouseHoveringRect(TopLeft(map), BottomRight(map)))
        view = view.zoomed_about({io.MousePos.x - map.x, io.MousePos.y - map.y}, io.MouseWheel > 0 ? 0.5 : -0.5);

    if (plus_tapped) view = view.zoomed_in();
    if (minus_tapped) view = view.zoomed_out();
    if (here_tapped) view = render::Viewport(c.config.position, c.session.settings().fresh.map.zoom, map.w, map.h, kZoomRange);

    ImDrawList* d = c.ui.draw();
    d->PushClipRect(TopLeft(map), BottomRight(map), true);
    d->AddRectFilled(TopLeft(map), BottomRight(map), IM_COL32(233, 240, 242, 255));
    render::PaintOptions options;
    options.label_scale = 1.85;  // read from a step back
    layer_.Draw(d, *prepared, c.data.SceneGeneration(), view, map, c.ui.fonts().text, options);
    // This lobby: where "nearest" is measured from.
    const render::Pixel lobby = view.project(c.config.position);
    const ImVec2 lp(map.x + static_cast<float>(lobby.x), map.y + static_cast<float>(lobby.y));
    d->AddCircleFilled(lp, 14 * l.scale, IM_COL32(200, 30, 60, 255));
    d->AddCircle(lp, 14 * l.scale, IM_COL32(255, 255, 255, 255), 0, 4 * l.scale);
    c.ui.Text(ImVec2(lp.x + 20 * l.scale, lp.y - LineSize(l.small_px) / 2), c.ui.say("本站", "You are here"), l.small_px,
              IM_COL32(120, 10, 30, 255));
    if (c.data.sites().sample || c.data.routes_sample()) c.ui.SampleBadge(ImVec2(map.x + m, map.y + m));
    d->PopClipRect();

    c.ui.ButtonFace(plus, "+", false, plus_held);
    c.ui.ButtonFace(minus, "−", false, minus_held);
    c.ui.ButtonFace(here, here_label, false, here_held);

    // Written back only when it moved: degrees → metres → degrees is not exact, and a visit
    // that changes by itself every frame would redo the hand-off's QR code every frame.
    if (view.centre_projected().x != start.centre_projected().x || view.centre_projected().y != start.centre_projected().y ||
        view.zoom() != start.zoom()) {
        state.centre = view.centre();
        state.zoom = view.zoom();
    }
    if (card) DrawCard(c, card_rect, *prepared);
}

}  // namespace beitai::kiosk
