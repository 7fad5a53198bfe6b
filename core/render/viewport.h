// A view of the map on a canvas: where it is centred, how far it is zoomed, how big the
// canvas is — and the moves a hand makes on it (drag, pinch, the zoom buttons). The SVG
// writer fits its picture with it and the kiosk pans and zooms with it, so both put a
// place on the same pixel.
//
// Web Mercator through geo::to_web_mercator, scaled as Leaflet scales it: at zoom z the
// whole world is 256·2^z pixels wide, so a zoom here is a zoom there. Zoom is continuous
// (a pinch lands between whole steps). Pixels count from the canvas' top-left corner, y
// down.
//
// Named Viewport, not MapView: render::MapView (map_scene.h) is what the map shows (layers,
// box, language); this is where it is looked at from.
#pragma once

#include "geo/geometry.h"
#include "render/scene.h"

namespace beitai::render {

struct Pixel {
    double x = 0;
    double y = 0;
};

struct ZoomRange {
    double min = 0;
    double max = 22;  // a few metres across a phone's screen; further is empty magnification
};

// Room kept free at each side of a fit (for labels that run past their marker, or a row
// of buttons over the map).
struct Padding {
    double left = 0, top = 0, right = 0, bottom = 0;
};

class Viewport {
public:
    Viewport();  // the whole world at zoom 0 on a 256×256 canvas
    Viewport(geo::LatLon centre, double zoom, double width, double height, ZoomRange range = {});
    // Centred on a Web Mercator point (no round trip through degrees).
    static Viewport from_projected(geo::Projected centre, double zoom, double width, double height,
                                   ZoomRange range = {});

    geo::LatLon centre() const { return geo::from_web_mercator(centre_); }
    geo::Projected centre_projected() const { return centre_; }
    double zoom() const { return zoom_; }
    double width() const { return width_; }
    double height() const { return height_; }
    ZoomRange zoom_range() const { return range_; }
    // Web Mercator metres per pixel (map metres: on the ground, times cos(latitude)).
    double metres_per_pixel() const { return resolution_; }

    Pixel project(geo::LatLon p) const { return project(geo::to_web_mercator(p)); }
    // From Web Mercator already computed: a prepared scene projects each point once, not
    // once a frame.
    Pixel project(geo::Projected p) const {
        return {(p.x - centre_.x) / resolution_ + width_ / 2, (centre_.y - p.y) / resolution_ + height_ / 2};
    }
    geo::LatLon unproject(Pixel p) const { return geo::from_web_mercator(unproject_projected(p)); }
    geo::Projected unproject_projected(Pixel p) const {
        return {centre_.x + (p.x - width_ / 2) * resolution_, centre_.y - (p.y - height_ / 2) * resolution_};
    }
    // What the canvas shows, in Web Mercator: x from `west` to `east`, y from `south` up.
    struct ProjectedBox {
        double west, south, east, north;
    };
    ProjectedBox visible_projected(double margin_px = 0) const;
    geo::BBox visible_box() const;

    // Each move returns the view after it; the zoom stays in the range throughout.
    // A drag: the map follows a finger that moved by `delta`.
    Viewport panned(Pixel delta) const;
    // Zooms by `zoom_delta` steps (±1 doubles or halves the scale), the place under
    // `anchor` staying under it (a double tap, a wheel).
    Viewport zoomed_about(Pixel anchor, double zoom_delta) const;
    // Two fingers went from a0, b0 to a1, b1: the scale follows their distance, and the
    // place that was under their midpoint is under their new midpoint (a pinch pans too).
    Viewport pinched(Pixel a0, Pixel b0, Pixel a1, Pixel b1) const;
    // The + and − buttons: one whole step about the canvas' centre.
    Viewport zoomed_in() const { return zoomed_about({width_ / 2, height_ / 2}, 1); }
    Viewport zoomed_out() const { return zoomed_about({width_ / 2, height_ / 2}, -1); }
    // The canvas changed size (a rotation): same centre, same zoom.
    Viewport resized(double width, double height) const;
    Viewport with_zoom_range(ZoomRange range) const;

private:
    struct MercatorTag {};  // a tag: the constructor below takes Web Mercator, not degrees
    Viewport(MercatorTag, geo::Projected centre, double zoom, double width, double height, ZoomRange range);
    // The view with `anchor` showing the map point `at`, at zoom `zoom` (clamped).
    Viewport anchored(geo::Projected at, Pixel anchor, double zoom) const;

    geo::Projected centre_;
    double zoom_ = 0;
    double width_ = 256, height_ = 256;
    ZoomRange range_;
    double resolution_ = 1;
};

// The largest zoom (within `range`) that shows the box inside the canvas less `padding`,
// the box's middle in the middle of what the padding leaves. A box of one point gets the
// range's largest zoom.
Viewport fit_box(geo::LatLon south_west, geo::LatLon north_east, double width, double height, Padding padding = {},
                 ZoomRange range = {});
// The scene's fit box (fit_south_west, fit_north_east).
Viewport fit_scene(const Scene& scene, double width, double height, Padding padding = {}, ZoomRange range = {});

}  // namespace beitai::render
