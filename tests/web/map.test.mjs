// The map in a real browser: the WASM core draws the Scene with Leaflet (no tiles here:
// the offline basemap must show), layer boxes change what is drawn, the URL reproduces the
// view, the lists match the map, and route planning answers on the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer } from '../support/server.mjs';
import { launchBrowser, openPage, SCREENSHOTS, DESKTOP, visitor } from '../support/browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

async function openMap(query = '') {
  const { page, problems } = await openPage(browser, server.url + '/map' + query, { width: 1280, height: 1000 });
  await page.waitForSelector('body[data-map="ready"]', { timeout: 20000 });
  return { page, problems };
}

const drawn = (page) => page.locator('#map').evaluate((el) => ({
  routes: Number(el.dataset.routesDrawn), gaps: Number(el.dataset.gapsDrawn), sites: Number(el.dataset.sitesDrawn), basemap: Number(el.dataset.basemapDrawn),
}));

test('all layers are drawn, with the offline basemap, and match the lists', async () => {
  const { page, problems } = await openMap();
  const counts = await drawn(page);
  const routes = (await (await fetch(server.url + '/api/routes')).json()).features.length;
  const sites = (await (await fetch(server.url + '/api/sites')).json()).sites.length;
  const gaps = (await (await fetch(server.url + '/api/bikenet/gaps')).json()).gaps.length;
  assert.equal(counts.routes, routes);
  assert.equal(counts.sites, sites);
  assert.equal(counts.gaps, gaps * 2);  // a dashed line and a numbered marker per break
  assert.ok(counts.basemap > 8, 'the county areas are drawn without tiles');
  assert.equal(await page.locator('#list-sites li').count(), sites);
  assert.equal(await page.locator('#list-routes tbody tr').count(), routes);
  assert.equal(await page.locator('#list-gaps tbody tr').count(), gaps);
  // Leaflet drew on its canvas: the map pane holds a canvas with pixels that are not blank.
  const painted = await page.locator('#map canvas').first().evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let coloured = 0;
    for (let i = 0; i < d.length; i += 4 * 97) if (d[i + 3] > 0) coloured++;
    return coloured;
  });
  assert.ok(painted > 100, `canvas pixels painted: ${painted}`);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'map.png'), fullPage: false });
  assert.deepEqual(problems, []);
  await page.close();
});

test('toggling a layer changes what is drawn and the URL; the URL reproduces the view', async () => {
  const { page } = await openMap();
  const before = await drawn(page);
  await page.locator('input[name=layer][value=sites]').uncheck();
  await page.waitForFunction(() => document.getElementById('map').dataset.sitesDrawn === '0');
  const after = await drawn(page);
  assert.equal(after.sites, 0);
  assert.equal(after.routes, before.routes);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('layers'), 'routes,gaps,basemap');  // the legend's order; car parks off at first
  assert.ok(url.searchParams.has('zoom') && url.searchParams.has('lat'));

  // The same URL in a fresh page: the same layers, the same centre.
  const again = await openMap(url.search);
  assert.equal((await drawn(again.page)).sites, 0);
  assert.equal(await again.page.locator('input[name=layer][value=sites]').isChecked(), false);
  const centre = await again.page.evaluate(() => new URL(location.href).searchParams.get('lat'));
  assert.equal(centre, url.searchParams.get('lat'));
  await page.close();
  await again.page.close();
});

test('a site marker opens the site card (the list\'s card), and its name on hover', async () => {
  const site = (await (await fetch(server.url + '/api/sites')).json()).sites[0];
  // The site at the centre of a close view with only the sites layer: a click there hits it.
  const { page, problems } = await openMap(`?layers=sites&lat=${site.lat}&lon=${site.lon}&zoom=17`);
  const box = await page.locator('#map').boundingBox();
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(centre.x, centre.y);
  await page.waitForSelector('.leaflet-tooltip');
  assert.equal((await page.locator('.leaflet-tooltip').textContent()).trim(), site.name);
  await page.mouse.click(centre.x, centre.y);
  const popup = page.locator('.leaflet-popup-content');
  await popup.waitFor();
  const text = await popup.textContent();
  assert.ok(text.includes(site.name), text);
  assert.ok(text.includes('示範資料'), 'the card says the site is sample data');
  // The same card as in the list of sites (there under a county heading, so one level down).
  const listCard = await page.locator(`#list-sites li[data-site="${site.id}"] .site-card`).evaluate((e) => e.outerHTML);
  const popupCard = await popup.locator('.site-card').evaluate((e) => e.outerHTML);
  assert.equal(popupCard.replace(/h3>/g, 'h4>'), listCard);
  // With live parking, the popup adds the car parks with space nearby (tests/web/parking.test.mjs).
  assert.equal(await popup.locator('.nearby-parking').count(), 1);
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'map-site-card.png') });
  // Further down the page, the list of sites holds the same cards.
  await page.locator('#list-sites summary').click();
  await page.locator(`#list-sites li[data-site="${site.id}"]`).screenshot({ path: path.join(SCREENSHOTS, 'map-site-list-card.png') });
  assert.deepEqual(problems, []);
  await page.close();
});

test('planning a route on the page shows its length and counties', async () => {
  const routes = (await (await fetch(server.url + '/api/routes')).json()).features;
  const a = routes.find((f) => f.properties.county === 'Taipei').geometry.coordinates[0];
  const b = routes.find((f) => f.properties.county === 'Taipei').geometry.coordinates.at(-1);
  const { page } = await openMap();
  await page.fill('#plan-from', `${a[1]},${a[0]}`);
  await page.fill('#plan-to', `${b[1]},${b[0]}`);
  await page.click('#map-plan button[type=submit]');
  await page.waitForSelector('#plan-result .plan-result', { timeout: 5000 });
  const length = Number(await page.locator('#plan-result .plan-result').getAttribute('data-length'));
  assert.ok(length > 0);
  // The route is drawn as part of the core's Scene (its layer "path": the line and its two pins).
  assert.equal(await page.locator('#map').getAttribute('data-path-drawn'), '3');
  // The browser's answer is the server's: the same core.
  const server_plan = await (await fetch(`${server.url}/api/bikenet/route?from=${a[1]},${a[0]}&to=${b[1]},${b[0]}`)).json();
  assert.equal(length, Math.trunc(server_plan.length_m));
  assert.match(await page.locator('#plan-result').textContent(), /臺北市/);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'map-route.png') });
  await page.close();
});

test('a trip across the network\'s gaps shows its labelled legs, in the list and on the map, in both languages', async () => {
  for (const [lang, route, roads] of [['zh-TW', /^自行車道 · /, /^一般道路 · /], ['en', /^Bike route · /, /^On roads · /]]) {
    const visit = await visitor(browser, server.url, DESKTOP, lang);
    const { page, problems } = visit;
    await page.goto(server.url + '/map');
    await page.waitForSelector('body[data-map="ready"]', { timeout: 60000 });
    // Taipei Main Station to Taoyuan Station: the sample network does not join them.
    await page.fill('#plan-from', '25.0478,121.5170');
    await page.fill('#plan-to', '24.9892,121.3134');
    await page.click('#map-plan button[type=submit]');
    await page.waitForSelector('#plan-result .plan-legs li');
    const legs = await page.locator('#plan-result .plan-legs li').evaluateAll((els) => els.map((el) => ({ kind: el.dataset.kind, text: el.textContent })));
    assert.ok(legs.length >= 3, `${legs.length} legs`);
    assert.equal(legs[0].kind, 'to_network');
    assert.equal(legs.at(-1).kind, 'from_network');
    assert.ok(legs.some((leg) => leg.kind === 'route' && route.test(leg.text)), JSON.stringify(legs));
    assert.ok(legs.some((leg) => leg.kind === 'on_roads' && roads.test(leg.text)), JSON.stringify(legs));
    // The same legs as the server's answer, and on the map a line per leg with the two pins.
    const answer = await (await fetch(`${server.url}/api/bikenet/route?from=25.0478,121.5170&to=24.9892,121.3134`)).json();
    assert.deepEqual(legs.map((leg) => leg.kind), answer.legs.map((leg) => leg.kind));
    assert.equal(await page.locator('#map').getAttribute('data-path-drawn'), String(legs.length + 2));
    // The legend says what the dashed part of the trip is.
    assert.match(await page.locator('.legend-path-off').innerText(), lang === 'en' ? /off the bike routes/ : /不在自行車道上/);
    await page.locator('#map').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, `map-route-legs-${lang}.png`), fullPage: false });
    assert.deepEqual(problems, []);
    await visit.context.close();
  }
});

test('without JavaScript the map is the SVG picture and the lists', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url + '/map');
  const img = page.locator('img.map-fallback');
  await img.waitFor();
  const loaded = await img.evaluate((el) => el.complete && el.naturalWidth > 0);
  assert.ok(loaded, 'the SVG picture loads');
  assert.ok(await page.locator('#list-sites li').count() > 0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'map-nojs.png') });
  await context.close();
});
