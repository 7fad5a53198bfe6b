// /map with many features (3,000 generated sample sites beside the content's): the core
// gathers markers too close to tell apart into clusters (render/map_clusters.h); every site
// is counted once, as itself or inside a cluster; a click or Enter on a cluster zooms to its
// members; the map draws what is in sight and "show on map" still reaches a site far off.
// With more routes in view than the map draws one by one, each county's are one line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, startServer } from '../support/server.mjs';
import { launchBrowser, SCREENSHOTS, DESKTOP, PHONE, visitor } from '../support/browser.mjs';
import { routes, sitesWith } from '../bench/bench_data.mjs';

const SITES = 3000;
let server, browser, dir;
before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'beitai-clusters-'));
  cpSync(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
  writeFileSync(path.join(dir, 'content/maps/sites.json'),
    JSON.stringify(sitesWith(JSON.parse(readFileSync(path.join(ROOT, 'content/maps/sites.json'), 'utf8')), SITES)));
  server = await startServer({ contentDir: path.join(dir, 'content') });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const drawn = (page, layer) => page.locator('#map').evaluate((el, l) => Number(el.dataset[l + 'Drawn']), layer);
const zoom = (page) => page.evaluate(() => Number(new URL(location.href).searchParams.get('zoom')));
const clusters = (page) => page.locator('#map .scene-marker-sites.cluster');
// What the clusters on the map say they hold, plus the single dots Leaflet keeps.
const inClusters = (page) => clusters(page).evaluateAll((els) => els.reduce((n, el) => n + Number(el.textContent), 0));

async function openMap(device, query = '') {
  const visit = await visitor(browser, server.url, device, 'zh-TW');
  await visit.page.goto(server.url + '/map' + query);
  await visit.page.waitForSelector('body[data-map="ready"]', { timeout: 60000 });
  return visit;
}

test('at the first view the sites are gathered: every site counted once, a few hundred markers at most', async () => {
  const { context, page, problems } = await openMap(DESKTOP);
  assert.equal(await drawn(page, 'sites'), SITES, 'the whole region is in sight, every site counted');
  const n = await clusters(page).count();
  assert.ok(n > 0 && n < 400, `${n} clusters`);
  const gathered = await inClusters(page);
  assert.ok(gathered > SITES / 2, `${gathered} sites are inside clusters`);
  // The legend says what a cluster is.
  assert.match(await page.locator('.legend-clusters').innerText(), /點選放大/);
  // A cluster's name says how many and what to do; it is a keyboard stop with that name.
  const first = clusters(page).first();
  assert.match(await first.getAttribute('title'), /^\d+ 個環境教育場所 · 點選放大$/);
  assert.equal(await first.getAttribute('tabindex'), '0');
  await page.screenshot({ path: `${SCREENSHOTS}/map-clusters-desktop.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a click on a cluster zooms to its members; Enter on one does too; zoomed in, the map draws what is in sight', async () => {
  const { context, page, problems } = await openMap(DESKTOP);
  const before = await zoom(page);
  // The biggest cluster: a click zooms in, and its members come apart.
  const sizes = await clusters(page).evaluateAll((els) => els.map((el) => Number(el.textContent)));
  const biggest = sizes.indexOf(Math.max(...sizes));
  await clusters(page).nth(biggest).click();
  await page.waitForFunction((z) => Number(new URL(location.href).searchParams.get('zoom')) > z, before);
  const after = await zoom(page);
  assert.ok(after > before, `zoom ${before} → ${after}`);
  // Fewer sites are in sight now; the count follows what is drawn.
  await page.waitForFunction((all) => Number(document.getElementById('map').dataset.sitesDrawn) < all, SITES);

  // By keyboard: a cluster takes the focus, Enter zooms in and the status line says what it held.
  const again = await zoom(page);
  if (await clusters(page).count() > 0) {
    const title = await clusters(page).first().getAttribute('title');
    await clusters(page).first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((z) => Number(new URL(location.href).searchParams.get('zoom')) > z, again);
    assert.equal(await page.locator('#map-status').innerText(), title);
  }
  // Zoomed in to the street, nothing is gathered.
  await page.goto(server.url + '/map?layers=routes,gaps,sites,basemap&lat=25.03&lon=121.5&zoom=15');
  await page.waitForSelector('body[data-map="ready"]');
  assert.equal(await clusters(page).count(), 0);
  assert.ok(await drawn(page, 'sites') < SITES, 'only what is in sight is drawn');
  assert.deepEqual(problems, []);
  await context.close();
});

test('"show on map" reaches a site far from the view, its card opens; on a phone a tap on a cluster zooms', async () => {
  // A link to a site in Miaoli or Hsinchu (south of 24.7°) from a street view of Taipei:
  // the site is not in sight, not even in the padded box the map draws.
  const sites = (await (await fetch(server.url + '/api/sites')).json()).sites;
  const far = sites.filter((s) => s.lat < 24.7).at(-1);
  const { context, page, problems } = await openMap(DESKTOP, `?layers=routes,gaps,sites,basemap&lat=25.03&lon=121.5&zoom=15&focus=${far.id}`);
  const card = page.locator('.leaflet-popup-content');
  await card.waitFor();
  assert.match(await card.innerText(), new RegExp(far.name));
  await page.waitForFunction(() => Number(new URL(location.href).searchParams.get('lat')) < 24.75);
  assert.equal(await page.locator(`#map .leaflet-popup`).count(), 1);
  assert.deepEqual(problems, []);
  await context.close();

  const phone = await openMap(PHONE);
  const before = await zoom(phone.page);
  // A cluster on the screen (the map draws a quarter screen around what is in sight too).
  const spot = await phone.page.evaluate(() => {
    const map = document.getElementById('map').getBoundingClientRect();
    for (const el of document.querySelectorAll('#map .scene-marker-sites.cluster span')) {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      if (x > map.left + 30 && x < map.right - 60 && y > map.top + 30 && y < Math.min(map.bottom, innerHeight) - 30) return { x, y };
    }
    return null;
  });
  assert.ok(spot, 'a cluster is on the first screen');
  await phone.page.touchscreen.tap(spot.x, spot.y);
  await phone.page.waitForFunction((z) => Number(new URL(location.href).searchParams.get('zoom')) > z, before);
  await phone.page.screenshot({ path: `${SCREENSHOTS}/map-clusters-phone.png` });
  assert.deepEqual(phone.problems, []);
  await phone.context.close();
});

test("1,200 routes: in the region's view each county's routes are one line; zoomed in, each route is its own", async () => {
  const ROUTES = 1200;
  const own = mkdtempSync(path.join(tmpdir(), 'beitai-routes-'));
  cpSync(path.join(ROOT, 'content'), path.join(own, 'content'), { recursive: true });
  writeFileSync(path.join(own, 'content/maps/routes.geojson'), JSON.stringify(routes(ROUTES)));
  const many = await startServer({ contentDir: path.join(own, 'content') });
  try {
    // The server's picture: eight lines, one per county, each saying how many routes it holds.
    const svg = await (await fetch(many.url + '/map.svg?layers=routes')).text();
    const lines = [...svg.matchAll(/<path class="line layer-routes" data-id="routes:(\w+)"[^>]*><title>([^<]*)<\/title>/g)];
    assert.equal(lines.length, 8, 'one line per county');
    assert.equal(lines.reduce((n, [, , title]) => n + Number(title.match(/的 (\d+) 條自行車道 · 放大可看各條$/)[1]), 0), ROUTES);

    const visit = await visitor(browser, many.url, DESKTOP, 'zh-TW');
    await visit.page.goto(many.url + '/map?layers=routes,basemap');
    await visit.page.waitForSelector('body[data-map="ready"]', { timeout: 60000 });
    assert.equal(await drawn(visit.page, 'routes'), ROUTES, "every route drawn, inside its county's line");
    // Zoomed in: the routes in sight, each itself.
    await visit.page.goto(many.url + '/map?layers=routes,basemap&lat=24.9&lon=121.3&zoom=14');
    await visit.page.waitForSelector('body[data-map="ready"]', { timeout: 60000 });
    const near = await drawn(visit.page, 'routes');
    assert.ok(near > 0 && near < 1000, `${near} routes in sight`);
    // In English (the language is a cookie), the picture's line names are English.
    const en = await (await fetch(many.url + '/map.svg?layers=routes', { headers: { cookie: 'lang=en' } })).text();
    assert.match(en, /<title>\d+ bike routes in Taipei City · zoom in to see each<\/title>/);
    assert.deepEqual(visit.problems, []);
    await visit.context.close();
  } finally {
    await many.stop();
    rmSync(own, { recursive: true, force: true });
  }
});
