// Markers too close together to tell apart at a zoom, gathered into one marker that says
// how many it stands for: 34,000 site dots or 2,000 car parks at the region's zoom would be
// one green smear, slow to draw and impossible to tap. Computed here, on the Scene, so the
// Leaflet map, /map.svg and the kiosk gather the same markers the same way.
//
// The rule: per layer ("sites", "parking"), the markers whose Web Mercator pixels at `zoom`
// fall in the same kClusterCellPx square — a grid fixed to the world, so panning never
// regroups them — become one when there are two or more. From kClusterMaxZoom on, every
// marker is itself (a "show on map" zooms there). Keeps the layers' shapes: sites gather
// into a round badge, car parks into a square one.
#pragma once

#include <string_view>

#include "render/scene.h"
#include "text/lang.h"

namespace beitai::render {

// Wider than a fingertip (48 px) and than a badge (up to 44 px), so badges seldom overlap,
// and a screen of 1280 × 800 holds at most about 160 of them: each is an element of the
// page (a keyboard stop), and a thousand of them made every pan and zoom stutter.
// Leaflet.markercluster's default radius is the same.
constexpr double kClusterCellPx = 80;
constexpr double kClusterMaxZoom = 15;

// Replaces the markers of the clustered layers that share a cell by one cluster marker
// each (id "cluster:<layer>:<zoom>:<column>:<row>", label the count, title what it holds in
// `lang`, cluster_count and cluster_box set, a keyboard stop). The marker `keep_id` (the one
// a "show on map" is about) stays itself. Other layers and the order of everything else are
// left as they were; clusters take the place of their first member.
void cluster_markers(Scene& scene, double zoom, text::Lang lang, std::string_view keep_id = {});

}  // namespace beitai::render
