// Where a marker's label goes and how it looks, in pixels: one rule for the two renderers
// that place text themselves, the SVG writer and the kiosk's paint list (Leaflet draws a
// label as the marker itself, a box the page's CSS shapes).
//
// A county seat's name runs beside its dot in dark text on a white halo; any other
// marker's label (a break's number, a car park's free spaces) sits inside its circle, in
// white.
#pragma once

#include <cstddef>

#include "render/scene.h"
#include "render/viewport.h"

namespace beitai::render {

enum class LabelAnchor { start, middle };  // SVG's text-anchor: the point is the text's left end or middle
enum class LabelSide { right, above, below, inside };

struct MarkerLabel {
    Pixel at;  // on the text's baseline
    LabelAnchor anchor = LabelAnchor::start;
    double size_px = 13;
    const char* colour = "#14232b";  // CSS hex
    const char* halo = nullptr;      // CSS hex of an outline drawn under the glyphs, or none
    double halo_px = 0;              // the outline's width
};

// Whether the marker's label runs beside it (county seats) or sits inside it.
bool label_beside(const SceneMarker& m);

// A county seat's label runs to the right, unless another seat sits close on the right
// (臺北市 east of 新北市, 新竹縣 east of 新竹市): then it moves below the dot if that
// neighbour is to the north, above it if to the south. `seats` are the pixel positions of
// every seat, `self` the index of this one. `scale` enlarges the text and its distances
// (1 for the SVG; a kiosk reads from further away).
LabelSide seat_label_side(const Pixel* seats, std::size_t count, std::size_t self, double scale = 1);

// The label of marker `m` drawn at `at`; `side` is seat_label_side's answer for a seat and
// ignored (inside) for any other marker.
MarkerLabel marker_label(const SceneMarker& m, Pixel at, LabelSide side, double scale = 1);

}  // namespace beitai::render
