// The Scene as SVG: for pages that must work without JavaScript, for print and for share
// images. The same Scene the browser draws with Leaflet.
#pragma once

#include <string>

#include "render/scene.h"
#include "render/viewport.h"

namespace beitai::render {

struct SvgOptions {
    int width = 480;
    int height = 360;
    std::string title;  // the accessible name (<title>)
    // Drawn in the picture's lower-left corner when not empty: a picture of sample data
    // says so wherever it goes (render::sample_label_text).
    std::string sample_label;
};

// Areas, lines and markers as labelled circles, in Web Mercator fitted to the scene's fit
// box (render::fit_scene, with room for labels at the sides) — the projection and fit the
// kiosk's paint list (scene_paint.h) uses, so both put a place on the same pixel.
std::string scene_svg(const Scene& scene, const SvgOptions& options);

// The view scene_svg draws from: the scene fitted to the picture, with room for labels.
Viewport scene_svg_view(const Scene& scene, const SvgOptions& options);

}  // namespace beitai::render
