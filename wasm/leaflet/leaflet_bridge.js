// Part of the WASM module's glue (linked with --pre-js), not of the page. latLngPairs turns a flat
// Float64Array of lat, lon, lat, lon… (a view of WASM memory) into the [[lat, lon], …]
// arrays Leaflet takes, in one call instead of one embind call per point.
Module['latLngPairs'] = function (flat) {
  var out = new Array(flat.length >> 1);
  for (var i = 0, j = 0; j < out.length; i += 2, j++) out[j] = [flat[i], flat[i + 1]];
  return out;
};

// What a scene layer's group shows for the feature under the pointer (leaflet_scene.cpp
// binds one tooltip and one popup per group, not one per feature). The card is rendered
// by the core when the popup opens, through the page's Module.sceneCard(id).
Module['sceneTitle'] = function (layer) { return layer.options.sceneTitle; };
Module['scenePopup'] = function (layer) {
  return Module['sceneCard'] ? Module['sceneCard'](layer.options.sceneCard) : '';
};

// A labelled scene marker's box, as an element: the Scene's colours are set through the
// CSSOM, which the pages' Content Security Policy allows (a style attribute in HTML it does
// not). Text goes in as text, never as markup.
Module['sceneLabel'] = function (id, label, fill, opacity, dashed) {
  var span = document.createElement('span');
  span.dataset.id = id;
  span.textContent = label;
  if (fill) {
    span.style.background = fill;
    if (opacity < 1) span.style.opacity = String(opacity);
    if (dashed) span.style.borderStyle = 'dashed';
  }
  return span;
};

// A cluster's click (bound once per group, as the tooltips are): the map shows the box its
// members lie in — options.sceneZoom is [south, west, north, east, the zoom at which every
// marker is itself] — and the next redraw shows them apart.
Module['sceneClusterClick'] = function (event) {
  var box = event.layer && event.layer.options.sceneZoom;
  var map = event.layer && event.layer._map;
  if (!box || !map) return;
  map.fitBounds([[box[0], box[1]], [box[2], box[3]]], { padding: [48, 48], maxZoom: box[4], animate: false });
};
