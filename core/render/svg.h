// The Scene as SVG: for pages that must work without JavaScript, for print and for share
// images. The same Scene the browser draws with Leaflet.
#pragma once

#include <string>

#include "render/scene.h"

namespace beitai::render {

struct SvgOptions {
    int width = 480;
    int height = 360;
    std::string title;  // the accessible name (<title>)
};

// Markers as labelled circles, projected onto the scene's bounds (equirectangular with
// the cosine of the mean latitude, which is exact enough at this scale).
std::string scene_svg(const Scene& scene, const SvgOptions& options);

}  // namespace beitai::render
