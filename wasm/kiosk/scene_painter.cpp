#include "scene_painter.h"

#include "kiosk_font.h"

#include <cfloat>

namespace beitai::kiosk {

static_assert(sizeof(ImDrawIdx) == 4, "the map needs 32-bit ImDrawIdx (see scene_painter.h)");

void ScenePainter::Draw(ImDrawList* draw, const render::PaintList& paint, ImVec2 origin, ImFont* font) {
    // Fills: the triangles' corners share the area's vertices, written once each.
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    for (const auto& f : paint.fills) {
        if (!f.colour.visible() || f.index_count == 0) continue;
        const ImU32 col = ToImU32(f.colour);
        draw->PrimReserve(static_cast<int>(f.index_count), static_cast<int>(f.point_count));
        const ImDrawIdx base = static_cast<ImDrawIdx>(draw->_VtxCurrentIdx);
        for (std::uint32_t k = 0; k < f.point_count; ++k) {
            const render::PaintPoint& p = paint.points[f.first_point + k];
            draw->PrimWriteVtx(ImVec2(origin.x + p.x, origin.y + p.y), uv, col);
        }
        for (std::uint32_t k = 0; k < f.index_count; ++k)
            draw->PrimWriteIdx(static_cast<ImDrawIdx>(base + paint.indices[f.first_index + k]));
    }

    for (const auto& l : paint.lines) {
        if (!l.colour.visible() || l.point_count < 2) continue;
        screen_points_.resize(static_cast<int>(l.point_count));
        for (std::uint32_t k = 0; k < l.point_count; ++k) {
            const render::PaintPoint& p = paint.points[l.first_point + k];
            screen_points_[static_cast<int>(k)] = ImVec2(origin.x + p.x, origin.y + p.y);
        }
        draw->AddPolyline(screen_points_.Data, screen_points_.Size, ToImU32(l.colour),
                          l.closed ? ImDrawFlags_Closed : ImDrawFlags_None, l.width);
    }

    for (const auto& c : paint.circles) {
        const ImVec2 centre(origin.x + c.centre.x, origin.y + c.centre.y);
        if (c.square) {
            // The SVG's rect: rx 3 at the SVG's scale.
            const ImVec2 a(centre.x - c.radius, centre.y - c.radius), b(centre.x + c.radius, centre.y + c.radius);
            if (c.fill.visible()) draw->AddRectFilled(a, b, ToImU32(c.fill), 3);
            if (c.stroke.visible() && c.stroke_width > 0) draw->AddRect(a, b, ToImU32(c.stroke), 3, 0, c.stroke_width);
            continue;
        }
        if (c.fill.visible()) draw->AddCircleFilled(centre, c.radius, ToImU32(c.fill));
        if (c.stroke.visible() && c.stroke_width > 0) draw->AddCircle(centre, c.radius, ToImU32(c.stroke), 0, c.stroke_width);
    }

    if (paint.labels.empty()) return;
    if (!font) font = ImGui::GetFont();
    for (const auto& l : paint.labels) {
        if (!l.colour.visible() || l.text_length == 0) continue;
        const char* begin = paint.text.data() + l.text_offset;
        const char* end = begin + l.text_length;
        // SVG places text by its baseline; ImGui by the top of the line.
        float x = origin.x + l.at.x;
        // The label's size is an em, as in the SVG; ImGui's is a line.
        const float size = LineSize(l.size);
        const float y = origin.y + l.at.y - font->Ascent * (size / font->FontSize);
        if (l.anchor == render::LabelAnchor::middle) x -= font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, end).x / 2;
        if (l.halo.visible() && l.halo_width > 0) {
            // SVG's halo is a stroke of halo_width centred on the outline: half of it shows
            // outside each glyph.
            const float r = l.halo_width / 2;
            const ImU32 halo = ToImU32(l.halo);
            for (int dx = -1; dx <= 1; ++dx)
                for (int dy = -1; dy <= 1; ++dy)
                    if (dx || dy) draw->AddText(font, size, ImVec2(x + dx * r, y + dy * r), halo, begin, end);
        }
        draw->AddText(font, size, ImVec2(x, y), ToImU32(l.colour), begin, end);
    }
}

}  // namespace beitai::kiosk
