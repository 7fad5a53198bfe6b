// A Scene as paint: plain operations in canvas pixels — triangles, lines, circles, text —
// for a renderer that has nothing more (the kiosk's ImGui draw lists, wasm/kiosk/
// scene_painter.h). The same projection, fit, colours, widths, dashes and label rule as the
// SVG (render/svg.h), so the kiosk's map and the server's picture agree; a test holds them
// to it.
//
// Two steps, for a kiosk that redraws sixty times a second:
//   prepare_scene  once per Scene: every point projected to Web Mercator, each colour
//                  parsed, each area triangulated, each feature's box for culling;
//   paint_scene    once per frame: an affine map to pixels, features outside the view
//                  skipped, into a PaintList whose vectors keep their capacity — so a frame
//                  like the last allocates nothing.
// And hit_test: which feature a tap is on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/colour.h"
#include "render/marker_labels.h"
#include "render/scene.h"
#include "render/viewport.h"

namespace beitai::render {

// ---- What is painted ---------------------------------------------------------------------

enum class FeatureKind : std::uint8_t { polygon, polyline, marker };

// A feature of the Scene: its kind and its index in that kind's vector.
struct FeatureRef {
    FeatureKind kind = FeatureKind::marker;
    std::uint32_t index = 0;
};

struct PaintPoint {
    float x = 0, y = 0;
};

// An area's fill: the triangles whose corners are indices[first_index, +index_count), each
// counted from first_point into points[first_point, +point_count).
struct PaintFill {
    std::uint32_t first_point = 0, point_count = 0;
    std::uint32_t first_index = 0, index_count = 0;
    Rgba colour;
    FeatureRef feature;
};

// A stroke through points[first_point, +point_count), back to the first when closed (an
// area's outline). A dashed stroke arrives as one line per dash.
struct PaintLine {
    std::uint32_t first_point = 0, point_count = 0;
    Rgba colour;
    float width = 1;
    bool closed = false;
    FeatureRef feature;
};

// A marker's dot, or its square box (a car park, a break's number: Style::square) of side
// 2·radius. A round dot's dashed outline comes as lines of the same feature, its stroke here
// then invisible; a square's outline is always solid (the kiosk draws no stale car parks).
struct PaintCircle {
    PaintPoint centre;
    float radius = 0;
    Rgba fill;
    Rgba stroke;
    float stroke_width = 0;
    FeatureRef feature;
    bool square = false;
};

// A marker's label: `at` on the text's baseline, at its left end (start) or middle; the
// halo, when visible, is an outline of halo_width drawn under the glyphs.
struct PaintLabel {
    PaintPoint at;
    LabelAnchor anchor = LabelAnchor::start;
    float size = 13;
    Rgba colour;
    Rgba halo;
    float halo_width = 0;
    std::uint32_t text_offset = 0, text_length = 0;  // in PaintList::text
    FeatureRef feature;
};

// Drawn in this order: fills, lines, circles, labels (areas under routes under markers,
// and no label under a later dot). Each vector is in the Scene's order.
struct PaintList {
    std::vector<PaintPoint> points;
    std::vector<std::uint32_t> indices;
    std::vector<PaintFill> fills;
    std::vector<PaintLine> lines;
    std::vector<PaintCircle> circles;
    std::vector<PaintLabel> labels;
    std::string text;  // the labels' UTF-8, back to back
    // Working space: the county seats' positions this frame, which place their labels.
    std::vector<Pixel> seat_pixels;

    // Empties every vector, keeping its capacity.
    void clear();
    std::string_view label_text(const PaintLabel& l) const { return std::string_view(text).substr(l.text_offset, l.text_length); }
};

struct PaintOptions {
    // Labels' size and distance from their marker (1 for the SVG's; a kiosk read from a
    // step back wants more).
    double label_scale = 1;
    // A solid line's points closer than this to the last one kept are dropped: at a low
    // zoom a route's hundred points fall on a few pixels.
    double min_step_px = 0.5;
};

// The dash pattern of a dashed Style, in pixels: what the SVG's and Leaflet's "6 4" says.
constexpr double kDashOnPx = 6;
constexpr double kDashOffPx = 4;

// ---- Preparing and painting --------------------------------------------------------------

// A Scene ready to paint. Its members are the painter's; read `scene` and `problems`.
struct PreparedScene {
    Scene scene;  // as given: the ids, labels and titles a tap or a card needs
    // Colours that did not parse, each naming its feature; such a colour is not drawn.
    std::vector<std::string> problems;

    struct Box {
        double west = 0, south = 0, east = -1, north = -1;  // Web Mercator metres
    };
    struct Ring {
        std::uint32_t first = 0, count = 0;  // in points; no closing copy of the first point
    };
    struct Area {
        std::uint32_t first_ring = 0, ring_count = 0;  // in rings; the outer ring first
        std::uint32_t first_point = 0, point_count = 0;
        std::uint32_t first_index = 0, index_count = 0;  // in triangles, counted from first_point
        Box box;
        Rgba fill, stroke;
        float weight = 0;
        bool dashed = false;
    };
    struct Line {  // one part of a ScenePolyline
        std::uint32_t feature = 0;           // its index in scene.polylines
        std::uint32_t first = 0, count = 0;  // in points
        Box box;
        Rgba stroke;
        float weight = 0;
        bool dashed = false;
    };
    struct Marker {
        geo::Projected at;
        Rgba fill, stroke, label, halo;
        float weight = 0, radius = 0;
        bool dashed = false;
        bool square = false;
        bool beside = false;  // a county seat: its label beside it, placed among the others
    };
    std::vector<geo::Projected> points;
    std::vector<Ring> rings;
    std::vector<std::uint32_t> triangles;
    std::vector<Area> areas;
    std::vector<Line> lines;
    std::vector<Marker> markers;
    std::vector<std::uint32_t> seats;  // indices of the markers with beside labels
};

PreparedScene prepare_scene(Scene scene);

// Paints what `view` shows into `out` (emptied first; its capacity kept). Allocates only
// while `out` grows past what it held before, and never for a repeated frame.
void paint_scene(const PreparedScene& prepared, const Viewport& view, PaintList& out, const PaintOptions& options = {});
// One-off: prepares and paints (the SVG comparison, tests).
PaintList paint_scene(const Scene& scene, const Viewport& view, const PaintOptions& options = {});

// ---- Taps --------------------------------------------------------------------------------

// How far from a feature a tap still counts, in pixels: half the 48 px touch
// target, so a 3 px route is a 51 px band to a fingertip (at least 24 px across, its centre
// reported off by several) and a 6 px dot a 60 px disc.
constexpr double kTouchTolerancePx = 24;

struct Hit {
    FeatureKind kind = FeatureKind::marker;
    std::size_t index = 0;
    std::string id;
    double distance_px = 0;  // from the feature's edge (0 inside it)
};

// The feature under a tap at `at`: a marker first (the nearest whose dot, grown by the
// tolerance, holds the tap), else a line (the nearest within its half width plus the
// tolerance), else the topmost area holding the tap. Markers and lines are what people
// aim at; an area is what is left under the finger.
std::optional<Hit> hit_test(const PreparedScene& prepared, const Viewport& view, Pixel at,
                            double tolerance_px = kTouchTolerancePx);
std::optional<Hit> hit_test(const Scene& scene, const Viewport& view, Pixel at, double tolerance_px = kTouchTolerancePx);

}  // namespace beitai::render
