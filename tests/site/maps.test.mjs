// The map's server side over real HTTP: routes, sites, breaks, route planning, the SVG and
// the /map page (which must work without JavaScript), and the sample-data labels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startServer } from '../support/server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

async function get(path) {
  const r = await fetch(server.url + path);
  const text = await r.text();
  let json;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, text, json, type: r.headers.get('content-type') };
}

function wellFormedXml(text) {
  const r = spawnSync('/usr/bin/python3', ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())'],
    { input: text, encoding: 'utf8' });
  return r.status === 0 ? '' : r.stderr;
}

const count = (text, needle) => text.split(needle).length - 1;

test('routes: a GeoJSON FeatureCollection of sample routes for all eight counties', async () => {
  const r = await get('/api/routes');
  assert.equal(r.status, 200);
  assert.equal(r.json.type, 'FeatureCollection');
  assert.equal(r.json.sample, true);
  const counties = new Set(r.json.features.map((f) => f.properties.county));
  assert.deepEqual([...counties].sort(), ['Hsinchu', 'HsinchuCounty', 'Keelung', 'MiaoliCounty', 'NewTaipei', 'Taipei', 'Taoyuan', 'YilanCounty']);
  for (const f of r.json.features) {
    assert.equal(f.geometry.type, 'LineString');
    for (const [lon, lat] of f.geometry.coordinates) {
      assert.ok(lon > 120.5 && lon < 122.2 && lat > 24.2 && lat < 25.5, `${f.properties.id}: ${lon},${lat}`);
    }
  }
});

test('sites: 102 sample sites; the real places among them do not claim to take part in the campaign', async () => {
  const r = await get('/api/sites');
  assert.equal(r.status, 200);
  assert.equal(r.json.sample, true);
  assert.equal(r.json.sites.length, 102);
  assert.ok(r.json.sites.every((s) => s.sample === true));
  // The source says 102 sites took part but names none: only the invented ones (示範) are
  // shown in the programme, and only they are the sample campaign's check-in places.
  const real = r.json.sites.filter((s) => !s.name.includes('示範'));
  assert.ok(real.length > 0);
  assert.ok(real.every((s) => s.green_tourism === false), real.filter((s) => s.green_tourism).map((s) => s.name).join());
  assert.ok(r.json.sites.filter((s) => s.name.includes('示範')).every((s) => s.green_tourism === true));
  const demo = (await get('/api/campaigns/2026-demo')).json;
  const places = new Set(demo.sites.map((s) => s.site));
  assert.equal(places.size, 102 - real.length);
  for (const s of real) assert.ok(!places.has(s.id), `${s.name} is not a check-in place of the sample campaign`);
});

test('every page and picture of the sample network says 示範資料: the routes list, the breaks, /map.svg', async () => {
  for (const path of ['/map/routes?county=Taipei', '/map/gaps', '/map/sites?county=Taipei']) {
    const page = await get(path);
    assert.equal(page.status, 200, path);
    assert.match(page.text, /<p class="sample-note"><span class="badge badge-sample"[^>]*>示範資料/, path);
  }
  const svg = await get('/map.svg');
  assert.match(svg.text, /<g class="sample-label">.*<text [^>]*>示範資料 · 此為示意用的示範資料，非官方資料<\/text><\/g><\/svg>$/s);
  const en = await fetch(server.url + '/map.svg', { headers: { cookie: 'lang=en' } });
  assert.match(await en.text(), /<text [^>]*>示範資料 sample data · Illustrative sample data, not official data<\/text>/);
});

test('breaks: ranked by distance, each between two counties', async () => {
  const r = await get('/api/bikenet/gaps');
  assert.equal(r.status, 200);
  assert.ok(r.json.gaps.length >= 3, `found ${r.json.gaps.length}`);
  for (let i = 1; i < r.json.gaps.length; i++) assert.ok(r.json.gaps[i - 1].distance_m <= r.json.gaps[i].distance_m);
  for (const g of r.json.gaps) {
    assert.notEqual(g.county_a, g.county_b);
    assert.ok(g.distance_m > 20 && g.distance_m <= 3000, String(g.distance_m));
  }
});

test('route planning: Taipei Main Station to Taoyuan on the routes and the roads between them, every leg said', async () => {
  const r = await get('/api/bikenet/route?from=25.0478,121.5170&to=24.9892,121.3134');
  assert.equal(r.status, 200);
  assert.equal(r.json.found, true);
  assert.equal(r.json.message, '');
  assert.equal(r.json.path.type, 'LineString');
  // The path runs from the start itself to the end itself, the ways on and off the network included.
  assert.deepEqual(r.json.path.coordinates[0], [121.517, 25.0478]);
  assert.deepEqual(r.json.path.coordinates.at(-1), [121.3134, 24.9892]);
  const kinds = r.json.legs.map((leg) => leg.kind);
  assert.equal(kinds[0], 'to_network');
  assert.equal(kinds.at(-1), 'from_network');
  assert.ok(kinds.includes('route') && kinds.includes('on_roads'), kinds.join(','));
  for (const leg of r.json.legs) assert.equal('route' in leg, leg.kind === 'route');
  const sum = (legs) => legs.reduce((n, leg) => n + leg.length_m, 0);
  assert.ok(Math.abs(sum(r.json.legs) - r.json.length_m) < 1);
  assert.ok(Math.abs(sum(r.json.legs.filter((leg) => leg.kind !== 'route')) - r.json.off_network_m) < 1);
  assert.deepEqual([r.json.counties[0], r.json.counties.at(-1)], ['Taipei', 'Taoyuan']);
  assert.equal(r.json.sample, true);
});

test('route planning: no way is an answer (200, found false) with why in the reader\'s language', async () => {
  // In the mountains of Yilan, kilometres from any route.
  const zh = await get('/api/bikenet/route?from=24.45,121.55&to=25.0478,121.5170');
  assert.equal(zh.status, 200);
  assert.equal(zh.json.found, false);
  assert.equal(zh.json.failure, 'start_far');
  assert.equal(zh.json.message, '起點離最近的自行車道超過 2000 公尺。');
  assert.deepEqual(zh.json.legs, []);
  const en = await fetch(`${server.url}/api/bikenet/route?from=25.0478,121.5170&to=24.45,121.55`, { headers: { cookie: 'lang=en' } });
  const body = await en.json();
  assert.equal(en.status, 200);
  assert.equal(body.failure, 'end_far');
  assert.equal(body.message, 'The end is more than 2000 m from any bike route.');
});

test('bad points and boxes are 400 with a message', async () => {
  const cases = [
    ['/api/bikenet/route?from=abc&to=25,121.5', /from: expected lat,lon/],
    ['/api/bikenet/route?from=25.0,121.5', /to: expected lat,lon/],
    ['/api/bikenet/route?from=91,121&to=25,121.5', /from: coordinates out of range/],
    ['/api/bikenet/route?from=22.6,120.3&to=25,121.5', /from: .* is outside northern Taiwan/],
    ['/api/bikenet/route?from=25,121.5&to=25,121.6&via=x', /unknown parameter "via"/],
    ['/map.svg?bbox=1,2,3', /bbox: expected west,south,east,north/],
    ['/map.svg?bbox=121.6,25,121.5,25.1', /west must be less than east/],
    ['/map.svg?bbox=a,b,c,d', /bbox: "a" is not a number/],
    ['/map.svg?layers=routes,rivers', /unknown layer "rivers"/],
  ];
  for (const [path, message] of cases) {
    const r = await get(path);
    assert.equal(r.status, 400, path);
    assert.match(r.json.error, message, path);
  }
});

// The markers of a layer an SVG stands for: each drawn itself, or inside a cluster that says
// how many (render/map_clusters.h).
const represented = (svg, layer) => count(svg, `class="marker layer-${layer}"`) +
  [...svg.matchAll(new RegExp(`class="marker layer-${layer} cluster" data-count="(\\d+)"`, 'g'))].reduce((n, m) => n + Number(m[1]), 0);

test('the SVG is well-formed and draws what the layers ask for', async () => {
  const all = await get('/map.svg');
  assert.equal(all.status, 200);
  assert.match(all.type, /image\/svg\+xml/);
  assert.equal(wellFormedXml(all.text), '');
  const routes = (await get('/api/routes')).json.features.length;
  const sites = (await get('/api/sites')).json.sites.length;
  assert.equal(count(all.text, 'class="line layer-routes"'), routes);
  assert.equal(represented(all.text, 'sites'), sites);
  assert.ok(count(all.text, 'class="marker layer-sites cluster"') > 0, 'the whole region gathers close sites');
  assert.ok(count(all.text, 'class="area layer-basemap"') > 0, 'the basemap is drawn');

  const onlySites = await get('/map.svg?layers=sites');
  assert.equal(count(onlySites.text, 'class="line layer-routes"'), 0);
  assert.equal(represented(onlySites.text, 'sites'), sites);

  // A box around Taipei keeps fewer sites than the whole map.
  const box = await get('/map.svg?layers=sites&bbox=121.45,24.95,121.65,25.15');
  const inBox = count(box.text, 'class="marker layer-sites"');
  assert.ok(inBox > 0 && inBox < sites, `${inBox} of ${sites}`);
});

test('/map works without JavaScript: the picture, the lists, the planner, the sample label', async () => {
  const page = await get('/map');
  assert.equal(page.status, 200);
  // Car parks are off at first (they would bury the sites): the legend turns them on.
  assert.match(page.text, /<noscript><img class="map-fallback" src="\/map.svg\?layers=basemap%2Croutes%2Cgaps%2Csites"/);
  assert.match(page.text, /示範資料/);
  const sites = (await get('/api/sites')).json.sites.length;
  assert.equal(count(page.text, '<li data-site="'), sites);
  const routes = (await get('/api/routes')).json.features.length;
  assert.equal(count(page.text, '<tr data-route="'), routes);
  const gaps = (await get('/api/bikenet/gaps')).json.gaps.length;
  assert.equal(count(page.text, '<tr data-gap="'), gaps);

  // The form's boxes arrive as one "layer" each plus an empty "layers".
  const form = await get('/map?layers=&layer=routes&layer=gaps');
  assert.match(form.text, /src="\/map.svg\?layers=routes%2Cgaps"/);
  const planned = await get('/map?from=abc&to=25,121.5');
  assert.match(planned.text, /id="plan-from-error">起點：找不到「abc」/);
});

test('/map without JavaScript: places by name, the county filter, and a feature\'s card by the map', async () => {
  const sites = (await get('/api/sites')).json.sites;
  // Names and coordinates in the planner's fields, resolved by the core; Taiwanese 台 too.
  const byName = await get('/map?from=' + encodeURIComponent('台北市') + '&to=' + encodeURIComponent(sites[0].name));
  assert.equal(byName.status, 200);
  assert.doesNotMatch(byName.text, /class="field-error" id="plan-(from|to)-error">[^<]/);
  assert.match(byName.text, /id="plan-result" aria-live="polite"><(dl class="facts plan-result"|p class="error")/);
  const ambiguous = await get('/map?from=' + encodeURIComponent('新竹') + '&to=25.04,121.5');
  assert.match(ambiguous.text, /id="plan-from-error">起點：「新竹」符合 2 個地點：新竹縣、新竹市。/);
  // The county filter: that county's sites in the list, the others gone.
  const hsinchu = sites.filter((s) => s.county === 'HsinchuCounty').length;
  assert.ok(hsinchu > 0);
  const filtered = await get('/map?county=HsinchuCounty');
  assert.equal(count(filtered.text, '<li data-site="'), hsinchu);
  assert.match(filtered.text, /<option value="HsinchuCounty" selected>/);
  assert.match(filtered.text, /src="\/map.svg\?layers=basemap%2Croutes%2Cgaps%2Csites&amp;county=HsinchuCounty"/);
  const svg = await get('/map.svg?layers=sites&county=HsinchuCounty');
  assert.equal(represented(svg.text, 'sites'), hsinchu);
  assert.equal((await get('/map?county=Atlantis')).status, 400);
  // The list pages: without a county every county's entries; a mistake is a page that says it
  // and leads back to the map.
  const allSites = await get('/map/sites');
  assert.equal(allSites.status, 200);
  assert.equal(count(allSites.text, '<li data-site="'), sites.length);
  assert.equal(count((await get('/map/routes')).text, '<tr data-route="'), count((await get('/map')).text, '<tr data-route="'));
  for (const bad of ['/map/sites?county=Atlantis', '/map/routes?county=%3Cscript%3E', '/map/sites?colour=red', '/map/gaps?x=1']) {
    const r = await get(bad);
    assert.equal(r.status, 400, bad);
    assert.match(r.type, /^text\/html/, bad);
    assert.match(r.text, /href="\/map"/, bad);
    assert.doesNotMatch(r.text, /<script>/, bad);
  }
  assert.equal((await get('/map?county=%3Cscript%3E')).status, 400);
  // Every list entry links to its feature; the link shows its card beside the map.
  assert.equal(count(filtered.text, 'class="show-on-map" href="/map?'), hsinchu + count(filtered.text, '<tr data-route="') +
    count(filtered.text, '<tr data-gap="') + count(filtered.text, '<tr data-car-park="'));
  const focused = await get('/map?focus=' + encodeURIComponent(sites[0].id));
  assert.match(focused.text, /<section id="map-focus"/);
  assert.ok(focused.text.indexOf(sites[0].name) > focused.text.indexOf('id="map-focus"'));
});

test('the tile source is chosen at start: OpenStreetMap by default, the NLSC map, or none', async () => {
  const { runBeitai } = await import('../support/server.mjs');
  assert.match((await get('/map')).text, /data-tiles="https:\/\/tile\.openstreetmap\.org\/\{z\}\/\{x\}\/\{y\}\.png"/);
  const nlsc = await startServer({ extraArgs: ['--tiles', 'nlsc'] });
  try {
    const page = await (await fetch(nlsc.url + '/map')).text();
    assert.match(page, /data-tiles="https:\/\/wmts\.nlsc\.gov\.tw\/wmts\/EMAP\//);
    const csp = (await fetch(nlsc.url + '/map')).headers.get('content-security-policy');
    assert.match(csp, /img-src[^;]*https:\/\/wmts\.nlsc\.gov\.tw/);
  } finally { await nlsc.stop(); }
  const none = await startServer({ extraArgs: ['--tiles', 'none'] });
  try {
    assert.match(await (await fetch(none.url + '/map')).text(), /data-tiles=""/);
  } finally { await none.stop(); }
  const bad = runBeitai(['serve', '--port', '0', '--tiles', 'google']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--tiles: expected osm, nlsc or none/);
});

test('the basemap holds the county areas that reach into northern Taiwan, each whole; not the islands or the south', async () => {
  const { json } = await get('/api/basemap');
  const names = json.features.map((f) => f.properties.COUNTYENG).sort();
  assert.deepEqual(names, ['Changhua County', 'Hsinchu City', 'Hsinchu County', 'Hualien County', 'Keelung City', 'Miaoli County',
    'Nantou County', 'New Taipei City', 'Taichung City', 'Taipei City', 'Taoyuan City', 'Yilan County']);
  // Each polygon reaches into the box (24.2–25.5 N, 120.5–122.2 E); a neighbour keeps its own
  // outline past it (Hualien runs south to 23.1 N).
  let south = 90;
  for (const f of json.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const [outer] of polygons) {
      const lats = outer.map(([, lat]) => lat), lons = outer.map(([lon]) => lon);
      assert.ok(Math.max(...lats) >= 24.2 && Math.min(...lats) <= 25.5 && Math.max(...lons) >= 120.5 && Math.min(...lons) <= 122.2,
        f.properties.COUNTYENG);
      south = Math.min(south, ...lats);
    }
  }
  assert.ok(south < 23.5, 'neighbours are kept whole');
});

test('/map holds the live car parks only with their layer: their list, their panel and the preload', async () => {
  const plain = await get('/map');
  assert.doesNotMatch(plain.text, /data-car-park=|rel="preload" href="\/api\/parking"/);
  assert.match(plain.text, /<section class="parking-feeds" id="parking-feeds" hidden><\/section>/);
  assert.match(plain.text, /id="list-parking-h">各縣市停車場即時車位<\/h2><p>在圖例勾選「停車場即時車位」/);
  const cars = (await get('/api/parking')).json.car_parks.length;
  for (const query of ['?layers=basemap,parking', '?layers=&layer=routes&layer=parking']) {
    const on = await get('/map' + query);
    assert.equal(count(on.text, '<tr data-car-park="'), cars, query);
    assert.equal(count(on.text, '<li data-county="'), 8, query);
    assert.match(on.text, /<link rel="preload" href="\/api\/parking" as="fetch" crossorigin>/, query);
  }
  // A car park's "show on map" preloads them too (its card is drawn from them).
  const key = (await get('/api/parking')).json.car_parks[0].key;
  assert.match((await get('/map?focus=' + encodeURIComponent('parking:' + key))).text, /rel="preload" href="\/api\/parking"/);
});
