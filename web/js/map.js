// /map with JavaScript on: the WASM core builds the bike network, breaks and planner from
// the server's data and draws the Scene with Leaflet; the layer boxes and the planner
// answer in place and the URL keeps the view (layers, centre, zoom, route), so a link
// reproduces it. Without JavaScript the server renders the same map as an SVG picture.
'use strict';

(async function main() {
  const element = document.getElementById('map');
  const layersForm = document.getElementById('map-layers');
  const planForm = document.getElementById('map-plan');
  const planResult = document.getElementById('plan-result');
  if (!element || !layersForm) return;
  const lang = document.documentElement.lang.startsWith('en') ? 'en' : 'zh-TW';

  // The bytes as they came: the core reads UTF-8 itself (a JS string would be decoded here
  // and encoded again on the way in, a tenth of the page's start-up for a big network).
  async function bytes(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
    return new Uint8Array(await response.arrayBuffer());
  }

  const live = element.dataset.parking === 'live';  // the server polls parking feeds
  const now = () => Date.now() / 1000;
  let core, explorer, parking;
  try {
    let counties, routes, sites, basemap;
    [core, counties, routes, sites, basemap, parking] = await Promise.all([
      BeitaiCore(), bytes('/api/counties'), bytes('/api/routes'), bytes('/api/sites'), bytes('/api/basemap'),
      live ? bytes('/api/parking') : null,
    ]);
    performance.mark('map-data-loaded');
    explorer = new core.MapExplorer(counties, routes, sites, basemap);
    if (explorer.error()) throw new Error(explorer.error());
    if (parking) {
      const result = explorer.setParking(parking, now());
      if (result.error) throw new Error(result.error);
    }
  } catch (err) {
    // The same map as a picture, as without JavaScript (the <noscript> one never loads here).
    console.warn('map stays a picture:', err.message);
    const img = document.createElement('img');
    img.className = 'map-fallback';
    img.alt = element.getAttribute('aria-label') || '';
    img.src = '/map.svg?' + (element.dataset.view || '');
    element.replaceChildren(img);
    return;
  }
  performance.mark('map-network-built');

  element.replaceChildren();
  core.sceneCard = (id) => explorer.card(id, lang, now());
  explorer.attach(element.id, element.dataset.tiles || '', element.dataset.tilesAttribution || '');
  const map = explorer.leafletMap();

  function layersQuery() {
    const names = [...layersForm.querySelectorAll('input[name=layer]:checked')].map((box) => box.value);
    return 'layers=' + names.join(',');
  }

  function writeUrl() {
    const params = new URLSearchParams(layersQuery());
    const centre = map.getCenter();
    params.set('lat', centre.lat.toFixed(5));
    params.set('lon', centre.lng.toFixed(5));
    params.set('zoom', String(map.getZoom()));
    if (planForm.elements.from.value) params.set('from', planForm.elements.from.value);
    if (planForm.elements.to.value) params.set('to', planForm.elements.to.value);
    history.replaceState(null, '', '/map?' + params.toString());
  }

  function show(fit) {
    const result = explorer.show(layersQuery(), lang, fit);
    if (result.error) return;
    for (const layer of ['routes', 'gaps', 'sites', 'basemap', 'parking']) element.dataset[layer + 'Drawn'] = String(result[layer]);
    writeUrl();
  }

  // The view from the address: layers, then centre and zoom if given.
  const start = new URLSearchParams(location.search);
  if (start.has('layers')) {
    const wanted = start.get('layers').split(',');
    for (const box of layersForm.querySelectorAll('input[name=layer]')) box.checked = wanted.includes(box.value);
  }
  const hasView = start.has('lat') && start.has('lon') && start.has('zoom');
  if (hasView) map.setView([Number(start.get('lat')), Number(start.get('lon'))], Number(start.get('zoom')), { animate: false });
  show(!hasView);
  // Leaflet paints its canvas in the next animation frame; this callback runs after it.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  performance.mark('map-layers-drawn');
  document.body.dataset.map = 'ready';

  // Live parking: every change the server takes from a county feed arrives as an event; the
  // core applies it and redraws the car parks, the feeds' freshness and the list. After a
  // reconnection ("hello" again) the page reloads the whole state, as events may be lost.
  function replaceSection(id, html) {
    const old = document.getElementById(id);
    if (!old || !html) return;
    const open = old.querySelector('details')?.open;
    old.outerHTML = html;
    if (open) document.getElementById(id).querySelector('details').open = true;
  }
  function showParking(result) {
    if (result.error) {
      console.warn('parking:', result.error);
      return;
    }
    element.dataset.parkingDrawn = String(result.drawn);
    replaceSection('parking-feeds', explorer.parkingFeedsHtml(lang, now()));
    replaceSection('list-parking', explorer.parkingListHtml(lang, now()));
  }
  if (live) {
    let hellos = 0, events = 0;
    const stream = new EventSource('/api/parking/stream');
    stream.addEventListener('parking', (event) => {
      showParking(explorer.applyParking(event.data, now()));
      element.dataset.parkingEvents = String(++events);
    });
    stream.addEventListener('hello', async () => {
      if (hellos++ === 0) return;
      showParking(explorer.setParking(await bytes('/api/parking'), now()));
    });
    // Ages move on between events, and data can go stale without any event.
    setInterval(() => showParking(explorer.refreshParking(now())), 5000);
  }

  layersForm.addEventListener('change', () => show(false));
  layersForm.addEventListener('submit', (event) => { event.preventDefault(); show(false); });
  map.on('moveend', writeUrl);

  function plan() {
    const result = explorer.plan(planForm.elements.from.value, planForm.elements.to.value, lang);
    planResult.innerHTML = result.error ? '' : result.html;
    if (!result.error) element.dataset.pathDrawn = String(result.drawn);
    if (result.error) {
      const p = document.createElement('p');
      p.className = 'error';
      p.setAttribute('role', 'alert');
      p.textContent = result.error;
      planResult.append(p);
    }
    writeUrl();
  }
  planForm.addEventListener('submit', (event) => { event.preventDefault(); plan(); });
  if (planForm.elements.from.value && planForm.elements.to.value) plan();

  // Clicking the map fills the start, then the end.
  map.on('click', (event) => {
    const value = event.latlng.lat.toFixed(5) + ',' + event.latlng.lng.toFixed(5);
    const field = !planForm.elements.from.value || planForm.elements.to.value ? 'from' : 'to';
    if (field === 'from') planForm.elements.to.value = '';
    planForm.elements[field].value = value;
    if (field === 'to') plan();
  });

  const locate = document.getElementById('locate-me');
  if (navigator.geolocation && locate) {
    locate.hidden = false;
    locate.addEventListener('click', () => navigator.geolocation.getCurrentPosition((position) => {
      planForm.elements.from.value = position.coords.latitude.toFixed(5) + ',' + position.coords.longitude.toFixed(5);
      map.setView([position.coords.latitude, position.coords.longitude], 14);
    }));
  }
})();
