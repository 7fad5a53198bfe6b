#include "render/viewport.h"

#include <algorithm>
#include <cmath>

namespace beitai::render {

namespace {

// The world's width in Web Mercator metres, from geo's projection itself (±180° are its
// edges), so there is one Earth radius in the code, not two.
double world_width_m() { return 2 * geo::to_web_mercator({0, 180}).x; }

// Leaflet's scale: 256·2^zoom pixels across the world.
double resolution_at(double zoom) { return world_width_m() / (256 * std::exp2(zoom)); }

double clamp_zoom(double zoom, ZoomRange range) { return std::min(range.max, std::max(range.min, zoom)); }

}  // namespace

Viewport::Viewport() : Viewport(MercatorTag{}, geo::Projected{0, 0}, 0, 256, 256, ZoomRange{}) {}

Viewport::Viewport(geo::LatLon centre, double zoom, double width, double height, ZoomRange range)
    : Viewport(MercatorTag{}, geo::to_web_mercator(centre), zoom, width, height, range) {}

Viewport::Viewport(MercatorTag, geo::Projected centre, double zoom, double width, double height, ZoomRange range)
    : centre_(centre),
      zoom_(clamp_zoom(zoom, range)),
      width_(width),
      height_(height),
      range_(range),
      resolution_(resolution_at(zoom_)) {}

Viewport Viewport::from_projected(geo::Projected centre, double zoom, double width, double height, ZoomRange range) {
    return Viewport(MercatorTag{}, centre, zoom, width, height, range);
}

Viewport::ProjectedBox Viewport::visible_projected(double margin_px) const {
    const double half_w = (width_ / 2 + margin_px) * resolution_, half_h = (height_ / 2 + margin_px) * resolution_;
    return {centre_.x - half_w, centre_.y - half_h, centre_.x + half_w, centre_.y + half_h};
}

geo::BBox Viewport::visible_box() const {
    geo::BBox box;
    box.extend(unproject({0, height_}));
    box.extend(unproject({width_, 0}));
    return box;
}

Viewport Viewport::anchored(geo::Projected at, Pixel anchor, double zoom) const {
    const double z = clamp_zoom(zoom, range_);
    const double r = resolution_at(z);
    const geo::Projected centre{at.x - (anchor.x - width_ / 2) * r, at.y + (anchor.y - height_ / 2) * r};
    return Viewport(MercatorTag{}, centre, z, width_, height_, range_);
}

Viewport Viewport::panned(Pixel delta) const {
    return Viewport(MercatorTag{}, geo::Projected{centre_.x - delta.x * resolution_, centre_.y + delta.y * resolution_},
                    zoom_, width_, height_, range_);
}

Viewport Viewport::zoomed_about(Pixel anchor, double zoom_delta) const {
    return anchored(unproject_projected(anchor), anchor, zoom_ + zoom_delta);
}

Viewport Viewport::pinched(Pixel a0, Pixel b0, Pixel a1, Pixel b1) const {
    const double before = std::hypot(b0.x - a0.x, b0.y - a0.y), after = std::hypot(b1.x - a1.x, b1.y - a1.y);
    // Fingers on one spot say nothing about scale: treat it as a drag of the midpoint.
    const double delta = before > 0 && after > 0 ? std::log2(after / before) : 0;
    const Pixel mid0{(a0.x + b0.x) / 2, (a0.y + b0.y) / 2}, mid1{(a1.x + b1.x) / 2, (a1.y + b1.y) / 2};
    return anchored(unproject_projected(mid0), mid1, zoom_ + delta);
}

Viewport Viewport::resized(double width, double height) const {
    return Viewport(MercatorTag{}, centre_, zoom_, width, height, range_);
}

Viewport Viewport::with_zoom_range(ZoomRange range) const {
    return Viewport(MercatorTag{}, centre_, zoom_, width_, height_, range);
}

Viewport fit_box(geo::LatLon south_west, geo::LatLon north_east, double width, double height, Padding padding,
                 ZoomRange range) {
    const geo::Projected a = geo::to_web_mercator(south_west), b = geo::to_web_mercator(north_east);
    const double free_w = std::max(1.0, width - padding.left - padding.right);
    const double free_h = std::max(1.0, height - padding.top - padding.bottom);
    // Metres per pixel that just fit the box; the zoom whose resolution that is.
    const double needed = std::max(std::fabs(b.x - a.x) / free_w, std::fabs(b.y - a.y) / free_h);
    const double zoom = needed > 0 ? std::log2(world_width_m() / (256 * needed)) : range.max;
    const double z = clamp_zoom(zoom, range);
    const double r = resolution_at(z);
    // The box's middle goes to the middle of what the padding leaves.
    const geo::Projected middle{(a.x + b.x) / 2, (a.y + b.y) / 2};
    const Pixel free_middle{padding.left + free_w / 2, padding.top + free_h / 2};
    const geo::Projected centre{middle.x - (free_middle.x - width / 2) * r, middle.y + (free_middle.y - height / 2) * r};
    return Viewport::from_projected(centre, z, width, height, range);
}

Viewport fit_scene(const Scene& scene, double width, double height, Padding padding, ZoomRange range) {
    return fit_box(scene.fit_south_west, scene.fit_north_east, width, height, padding, range);
}

}  // namespace beitai::render
