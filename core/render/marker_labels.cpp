#include "render/marker_labels.h"

#include <cmath>

namespace beitai::render {

namespace {
// Where the portal's stylesheet put these until the kiosk needed them too.
constexpr const char* kInk = "#14232b";
constexpr const char* kMutedInk = "#6b7c82";
constexpr const char* kWhite = "#ffffff";
}  // namespace

bool label_beside(const SceneMarker& m) { return m.layer == "county-seats"; }

LabelSide seat_label_side(const Pixel* seats, std::size_t count, std::size_t self, double scale) {
    LabelSide side = LabelSide::right;
    // A label is about 70 px long and 22 px tall at scale 1: a seat inside that box to the
    // right would sit on it.
    for (std::size_t i = 0; i < count; ++i) {
        if (i == self) continue;
        const double dx = seats[i].x - seats[self].x, dy = seats[i].y - seats[self].y;
        if (dx > 0 && dx < 70 * scale && std::fabs(dy) < 22 * scale) side = dy <= 0 ? LabelSide::below : LabelSide::above;
    }
    return side;
}

MarkerLabel marker_label(const SceneMarker& m, Pixel at, LabelSide side, double scale) {
    MarkerLabel l;
    if (!label_beside(m)) {
        l.at = {at.x, at.y + 4 * scale};
        l.anchor = LabelAnchor::middle;
        l.size_px = 11 * scale;
        l.colour = kWhite;
        return l;
    }
    l.size_px = 13 * scale;
    l.colour = m.style == "muted" ? kMutedInk : kInk;
    l.halo = kWhite;
    l.halo_px = 3 * scale;
    switch (side) {
        case LabelSide::above: l.at = {at.x, at.y - 11 * scale}, l.anchor = LabelAnchor::middle; break;
        case LabelSide::below: l.at = {at.x, at.y + 21 * scale}, l.anchor = LabelAnchor::middle; break;
        default: l.at = {at.x + 10 * scale, at.y + 5 * scale}, l.anchor = LabelAnchor::start; break;
    }
    return l;
}

}  // namespace beitai::render
