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
  // The car parks are live data, new at every view: fetched with the rest only when the first
  // view shows them (their layer ticked, a car park asked for), else when first needed.
  const parkingBox = layersForm.querySelector('input[name=layer][value=parking]');
  const parkingFirst = live && (parkingBox?.checked || (new URLSearchParams(location.search).get('focus') || '').startsWith('parking:'));
  let core, explorer, parking;
  try {
    let counties, routes, sites, basemap;
    [core, counties, routes, sites, basemap, parking] = await Promise.all([
      BeitaiCore(), bytes('/api/counties'), bytes('/api/routes'), bytes('/api/sites'), bytes('/api/basemap'),
      parkingFirst ? bytes('/api/parking') : null,
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
  const status = document.getElementById('map-status');
  const county = layersForm.elements.county;

  // On a touch screen one finger scrolls the page and two move the map (Leaflet's pinch
  // pans as it zooms): a page whose first screen is a map must not trap the finger.
  if (matchMedia('(pointer: coarse)').matches || L.Browser.mobile) {
    map.dragging.disable();
    element.classList.add('map-touch');
  }

  function layersQuery() {
    const names = [...layersForm.querySelectorAll('input[name=layer]:checked')].map((box) => box.value);
    return 'layers=' + names.join(',') + (county && county.value ? '&county=' + encodeURIComponent(county.value) : '');
  }

  function writeUrl() {
    const params = new URLSearchParams(layersQuery());
    params.delete('focus');
    const centre = map.getCenter();
    params.set('lat', centre.lat.toFixed(5));
    params.set('lon', centre.lng.toFixed(5));
    params.set('zoom', String(map.getZoom()));
    if (planForm.elements.from.value) params.set('from', planForm.elements.from.value);
    if (planForm.elements.to.value) params.set('to', planForm.elements.to.value);
    history.replaceState(null, '', '/map?' + params.toString());
  }

  function drawn(result) {
    if (result.error) return;
    for (const layer of ['routes', 'gaps', 'sites', 'basemap', 'parking']) element.dataset[layer + 'Drawn'] = String(result[layer]);
    writeUrl();
  }
  const show = (fit) => drawn(explorer.show(layersQuery(), lang, fit));

  // The view from the address: layers, then centre and zoom if given.
  const start = new URLSearchParams(location.search);
  if (start.has('layers')) {
    const wanted = start.get('layers').split(',');
    for (const box of layersForm.querySelectorAll('input[name=layer]')) box.checked = wanted.includes(box.value);
  }
  if (county && start.has('county')) county.value = start.get('county');
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
  // A section is replaced only when its HTML changed: the panel and the list are redrawn
  // every five seconds, and replacing hundreds of rows that read the same cost a frame.
  const sectionHtml = new Map();
  function replaceSection(id, html) {
    const old = document.getElementById(id);
    if (!old || !html || sectionHtml.get(id) === html) return;
    sectionHtml.set(id, html);
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
  function listen() {
    let hellos = 0, events = 0;
    const stream = new EventSource('/api/parking/stream');
    // Events are taken as they come and drawn once per frame: a burst of them (every county
    // at once) would otherwise redraw the car parks and their list once each.
    let drawPending = false;
    stream.addEventListener('parking', (event) => {
      const taken = explorer.queueParking(event.data);
      if (taken.error) console.warn('parking:', taken.error);
      element.dataset.parkingEvents = String(++events);
      if (drawPending) return;
      drawPending = true;
      requestAnimationFrame(() => {
        drawPending = false;
        showParking(explorer.refreshParking(now()));
      });
    });
    stream.addEventListener('hello', async () => {
      if (hellos++ === 0) return;
      showParking(explorer.setParking(await bytes('/api/parking'), now()));
    });
    // Ages move on between events, and data can go stale without any event.
    setInterval(() => showParking(explorer.refreshParking(now())), 5000);
  }
  // The car parks, fetched and then kept live, once: at start when the first view shows them,
  // else when first needed (their layer ticked, a car park shown, a site's card opened).
  let parkingLoaded = Boolean(parking);
  let parkingLoad = parking ? Promise.resolve() : null;
  if (parking) listen();
  function needParking() {
    if (!live) return Promise.resolve();
    parkingLoad ??= bytes('/api/parking').then((data) => {
      showParking(explorer.setParking(data, now()));
      parkingLoaded = true;
      listen();
    }).catch((err) => {
      console.warn('parking:', err.message);
      parkingLoad = null;  // asked for again, tried again
    });
    return parkingLoad;
  }

  layersForm.addEventListener('change', (event) => {
    // Another county: its sites in the list, and the map moves to them.
    if (event.target === county) {
      replaceSection('list-sites', explorer.sitesListHtml(county.value, lang));
      const list = document.querySelector('#list-sites details');
      if (list && county.value) list.open = true;
    }
    show(event.target === county);
    if (parkingBox?.checked) needParking();
  });
  layersForm.addEventListener('submit', (event) => { event.preventDefault(); show(false); });
  // The core draws what is in sight, gathered as the zoom gathers it (clusters).
  // (Measured, for tests/bench/map_pan_zoom.mjs: the core's part of a move.)
  map.on('moveend', () => {
    performance.mark('map-redraw-start');
    drawn(explorer.redraw());
    performance.measure('map-redraw', 'map-redraw-start');
  });

  // A card that opens is announced, and one opened from the keyboard or a list takes the
  // focus, so a screen reader reads it and Tab goes on inside it.
  let focusCard = false;
  map.on('popupopen', (event) => {
    const content = event.popup.getElement()?.querySelector('.leaflet-popup-content');
    const heading = content?.querySelector('h3, h4');
    if (heading) status.textContent = heading.textContent;
    if (focusCard && content) {
      content.tabIndex = -1;
      content.focus();
    }
    focusCard = false;
  });
  // A site's card lists the car parks with space nearby: the first one opened brings them and
  // is filled in when they come (until then it lists none, never a wrong "none nearby").
  map.on('popupopen', (event) => {
    if (!live || parkingLoaded || !event.popup.getElement()?.querySelector('.site-card')) return;
    needParking().then(() => { if (event.popup.isOpen()) event.popup.update(); });
  });
  element.addEventListener('keydown', (event) => {
    if ((event.key === 'Enter' || event.key === ' ') && event.target.classList.contains('leaflet-marker-icon')) {
      event.preventDefault();
      // A cluster zooms in and goes: the focus stays on the map, which says what it shows.
      const cluster = event.target.classList.contains('cluster');
      focusCard = !cluster;
      event.target.click();
      if (cluster) {
        element.focus();
        status.textContent = event.target.title;
      }
    }
  });

  // "Show on map" in every list: the map moves to the feature and opens its card.
  function showOnMap(id) {
    // A car park before the car parks came: shown once they are here.
    if (id.startsWith('parking:') && live && !parkingLoaded) {
      needParking().then(() => parkingLoaded && showOnMap(id));
      return true;
    }
    if (id.startsWith('parking:') && parkingBox && !parkingBox.checked) {
      parkingBox.checked = true;
      show(false);
    }
    const siteBox = layersForm.querySelector('input[name=layer][value=sites]');
    if (!id.startsWith('parking:') && !id.startsWith('gap-') && siteBox && !siteBox.checked) {
      siteBox.checked = true;
      show(false);
    }
    element.scrollIntoView({ block: 'nearest' });
    focusCard = true;
    if (explorer.focus(id)) return true;
    // Hidden by the county filter: show every county and try again.
    if (county && county.value) {
      county.value = '';
      replaceSection('list-sites', explorer.sitesListHtml('', lang));
      show(false);
      if (explorer.focus(id)) return true;
    }
    focusCard = false;
    return false;
  }
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a.show-on-map');
    if (!link || !showOnMap(link.dataset.focus)) return;
    event.preventDefault();
  });

  function fieldError(name, message) {
    const input = planForm.elements[name];
    const error = document.getElementById('plan-' + name + '-error');
    error.textContent = message || '';
    error.hidden = !message;
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  function plan() {
    const result = explorer.plan(planForm.elements.from.value, planForm.elements.to.value, lang);
    fieldError('from', result.field === 'from' ? result.error : '');
    fieldError('to', result.field === 'to' ? result.error : result.toError || '');
    if (result.error) {
      planResult.replaceChildren();
      planForm.elements[result.field].focus();
    } else {
      planResult.innerHTML = result.html;
      element.dataset.pathDrawn = String(result.drawn);
    }
    writeUrl();
  }
  planForm.addEventListener('submit', (event) => { event.preventDefault(); plan(); });
  if (planForm.elements.from.value && planForm.elements.to.value) plan();

  // A tap on the map offers "set as start" and "set as end"; it never changes the plan by
  // itself (a stray tap on a phone would).
  map.on('click', (event) => {
    L.popup().setLatLng(event.latlng).setContent(explorer.pointActionsHtml(event.latlng.lat, event.latlng.lng, lang)).openOn(map);
  });
  element.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-set]');
    if (!button) return;
    planForm.elements[button.dataset.set].value = button.dataset.value;
    map.closePopup();
    if (planForm.elements.from.value && planForm.elements.to.value) plan();
    else planForm.elements[button.dataset.set === 'from' ? 'to' : 'from'].focus();
  });
  if (start.has('focus')) showOnMap(start.get('focus'));

  const locate = document.getElementById('locate-me');
  if (navigator.geolocation && locate) {
    locate.hidden = false;
    locate.addEventListener('click', () => navigator.geolocation.getCurrentPosition((position) => {
      planForm.elements.from.value = position.coords.latitude.toFixed(5) + ',' + position.coords.longitude.toFixed(5);
      map.setView([position.coords.latitude, position.coords.longitude], 14);
    }));
  }
})();
