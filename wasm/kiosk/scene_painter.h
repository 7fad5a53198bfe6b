// Draws a render::PaintList (core/render/scene_paint.h) into a Dear ImGui draw list: the
// kiosk's map, the same Scene the server writes as SVG and the browser shows with Leaflet.
// The core decided every pixel, colour and dash; this only hands them to ImGui.
//
// Implemented features:
//  [X] Area fills from the core's triangles (PrimReserve/PrimWriteVtx): ImGui fills only
//      convex polygons and a county is concave, with holes.
//  [X] Lines and outlines with AddPolyline (anti-aliased); dashes arrive already cut.
//  [X] Dots: AddCircleFilled, then AddCircle for the outline.
//  [X] Labels with AddText at the label's size, anchored on their baseline as in SVG, a
//      halo drawn as the text offset round it.
//  [ ] Clipping: the caller pushes a clip rect for the canvas if it is not the whole window.
//
// Needs 32-bit draw indices (ImDrawIdx = unsigned int, set for beitai_imgui in
// wasm/CMakeLists.txt): a map of 5,000 features passes 64K vertices in one draw list, and
// WebGL2 has no base-vertex draw to let 16-bit indices go further.
#pragma once

#include <imgui.h>

#include "render/scene_paint.h"

namespace beitai::kiosk {

class ScenePainter {
public:
    // `origin`: the canvas' top-left corner on the screen. `font` draws the labels, scaled
    // to each label's size; null takes the current font.
    void Draw(ImDrawList* draw, const render::PaintList& paint, ImVec2 origin, ImFont* font = nullptr);

private:
    // A line's points moved onto the screen. Kept between frames: it grows to the longest
    // line once, and then a frame allocates nothing.
    ImVector<ImVec2> screen_points_;
};

inline ImU32 ToImU32(render::Rgba c) { return IM_COL32(c.r, c.g, c.b, c.a); }

}  // namespace beitai::kiosk
