// Live parking on /map in a real browser: markers coloured by level with the number of free
// spaces, changing while the page is open as the simulator changes; a county whose feed
// breaks shows as stale in the freshness panel, the list and on its markers; site cards
// list the car parks with space nearby. The delay from a change in the simulator to the
// marker changing is printed (the poll interval here is 1 s).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startParkingServer } from '../support/server.mjs';
import { launchBrowser, openPage, SCREENSHOTS } from '../support/browser.mjs';

let simulator, server, browser;
before(async () => {
  ({ simulator, server } = await startParkingServer());
  browser = await launchBrowser();
  const end = Date.now() + 15000;
  for (;;) {
    const feeds = (await (await fetch(server.url + '/api/parking/feeds')).json()).feeds;
    if (feeds.every((f) => f.last_success)) break;
    if (Date.now() > end) throw new Error('feeds did not load');
    await new Promise((r) => setTimeout(r, 200));
  }
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await simulator?.stop();
});

const control = (p) => fetch(simulator.url + '/control' + p, { method: 'POST' }).then((r) => assert.equal(r.status, 200));

async function openMap(query) {
  const { page, problems } = await openPage(browser, server.url + '/map' + query, { width: 1280, height: 1000 });
  await page.waitForSelector('body[data-map="ready"]', { timeout: 20000 });
  return { page, problems };
}

// The marker of a car park: its class (level, stale) and its text (free spaces).
const marker = (page, key) => page.evaluate((id) => {
  const span = document.querySelector(`.scene-marker-parking span[data-id="${CSS.escape(id)}"]`);
  return span ? { cls: span.parentElement.className, text: span.textContent } : null;
}, 'parking:' + key);

test('a marker\'s colour and count change live when the simulator changes', async () => {
  const parks = (await (await fetch(server.url + '/api/parking')).json()).car_parks;
  const target = parks.find((c) => c.county === 'Keelung' && c.live && c.level !== 'closed');
  const { page, problems } = await openMap(`?layers=basemap,parking&lat=${target.lat}&lon=${target.lon}&zoom=15`);
  // Only what is in sight is drawn (and half a screen around it), each car park itself at
  // this zoom; the list holds them all.
  const drawn = Number(await page.locator('#map').getAttribute('data-parking-drawn'));
  assert.ok(drawn >= 1 && drawn < parks.length, `${drawn} of ${parks.length} car parks drawn`);
  assert.equal(await page.locator('#map .scene-marker-parking.cluster').count(), 0);
  assert.equal(await page.locator('#list-parking tr[data-car-park]').count(), parks.length);
  const first = await marker(page, target.key);
  assert.ok(first, 'the marker is on the map');
  assert.match(first.cls, new RegExp('level-' + target.level));

  // Full first, then three spaces: red 0, then amber 3.
  for (const [available, level, text] of [[0, 'full', '0'], [3, 'few', '3']]) {
    const changed = Date.now();
    await control(`/Keelung/set?car_park=${target.id}&available=${available}`);
    await page.waitForFunction(({ id, level, text }) => {
      const span = document.querySelector(`.scene-marker-parking span[data-id="${CSS.escape(id)}"]`);
      return span && span.textContent === text && span.parentElement.classList.contains('level-' + level);
    }, { id: 'parking:' + target.key, level, text }, { timeout: 10000 });
    console.log(`# simulator change → marker ${level} ${text}: ${Date.now() - changed} ms (poll interval 1000 ms)`);
    // The list says the same.
    const row = page.locator(`#list-parking tr[data-car-park="${target.key}"]`);
    assert.equal(await row.getAttribute('data-level'), level);
  }
  await page.screenshot({ path: path.join(SCREENSHOTS, 'map-parking.png') });
  // The car park's card opens on click, with its level and numbers.
  await page.locator(`.scene-marker-parking span[data-id="parking:${target.key}"]`).click();
  const card = page.locator('.leaflet-popup-content .parking-card');
  await card.waitFor();
  const text = await card.textContent();
  assert.ok(text.includes(target.name), text);
  assert.ok(text.includes('車位將滿'), text);
  assert.ok(text.includes('示範資料'), 'sample data is labelled');
  assert.deepEqual(problems, []);
  await control('/reset');
  await page.close();
  // The overview for the README: Taipei's car parks with the routes, a card open.
  const overview = await openMap('?layers=basemap,routes,parking&lat=25.045&lon=121.535&zoom=13');
  await overview.page.waitForTimeout(1500);
  await overview.page.screenshot({ path: path.join(SCREENSHOTS, 'map-parking-overview.png') });
  await overview.page.close();
});

test('a county whose feed breaks shows as stale: panel, markers and list', async () => {
  // Street level in Taipei, where every car park is itself (from afar they gather in clusters).
  const parks = (await (await fetch(server.url + '/api/parking')).json()).car_parks;
  const at = (county) => parks.find((c) => c.county === county && c.live && c.level !== 'closed');
  const taipeiPark = at('Taipei');
  const { page, problems } = await openMap(`?layers=basemap,parking&lat=${taipeiPark.lat}&lon=${taipeiPark.lon}&zoom=15`);
  const panel = (county) => page.locator(`#parking-feeds li[data-county="${county}"]`);
  assert.equal(await panel('Taipei').getAttribute('data-state'), 'ok');
  assert.equal(await panel('MiaoliCounty').getAttribute('data-state'), 'no-live');
  await control('/Taipei/fault?kind=http500');
  await page.waitForFunction(() => document.querySelector('#parking-feeds li[data-county="Taipei"]')?.dataset.state === 'stale',
    null, { timeout: 20000 });
  const said = await panel('Taipei').textContent();
  assert.ok(said.includes('資料逾時'), said);
  assert.ok(said.includes('HTTP 500'), said);
  assert.equal(await panel('Keelung').getAttribute('data-state'), 'ok', 'the other counties stay fresh');
  // Taipei's live markers are drawn stale (at the next redraw: an event, or the page's own
  // refresh as ages move on); Keelung's are not.
  const staleness = () => page.evaluate(() => {
    const of = (county) => [...document.querySelectorAll('.scene-marker-parking span')]
      .filter((s) => s.dataset.id.startsWith('parking:' + county + '/') && !s.textContent.match(/^P$/))
      .map((s) => s.parentElement.classList.contains('stale'));
    return { taipei: of('Taipei') };
  });
  await page.waitForFunction(() => {
    const taipei = [...document.querySelectorAll('.scene-marker-parking span')]
      .filter((s) => s.dataset.id.startsWith('parking:Taipei/') && s.textContent !== 'P');
    return taipei.length > 0 && taipei.every((s) => s.parentElement.classList.contains('stale'));
  }, null, { timeout: 10000 });
  const seen = await staleness();
  assert.ok(seen.taipei.length > 0 && seen.taipei.every(Boolean), 'Taipei markers stale');
  // Keelung's, seen at street level in Keelung meanwhile, are not.
  const keelungPark = at('Keelung');
  const keelung = await openMap(`?layers=basemap,parking&lat=${keelungPark.lat}&lon=${keelungPark.lon}&zoom=15`);
  const inKeelung = await keelung.page.evaluate(() => [...document.querySelectorAll('.scene-marker-parking span')]
    .filter((s) => s.dataset.id.startsWith('parking:Keelung/') && !s.textContent.match(/^P$/))
    .map((s) => s.parentElement.classList.contains('stale')));
  assert.ok(inKeelung.length > 0 && !inKeelung.some(Boolean), 'Keelung markers fresh');
  assert.deepEqual(keelung.problems, []);
  await keelung.page.close();
  // The panel is replaced at every event: a picture of its place, not of the element, taken
  // once it is in view (a clip reaching past the viewport is cut off). Scrolled and measured
  // in one step in the page, so that an event between the two cannot detach what was found.
  const box = await page.evaluate(() => {
    const feeds = document.querySelector('#parking-feeds');
    feeds.scrollIntoView({ block: 'nearest' });
    const r = feeds.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  assert.ok(box.height > 100, 'the panel lists the eight counties (' + box.height + ' px)');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'map-parking-feeds.png'), clip: box });
  assert.deepEqual(problems, []);
  await control('/reset');
  await page.close();
});

test('a site card lists the car parks with space nearby', async () => {
  const sites = (await (await fetch(server.url + '/api/sites')).json()).sites;
  let chosen;
  for (const site of sites) {
    const near = (await (await fetch(`${server.url}/api/parking/near?lat=${site.lat}&lon=${site.lon}&n=3&within_m=3000`)).json());
    if (near.car_parks.length > 0) {
      chosen = { site, near: near.car_parks };
      break;
    }
  }
  assert.ok(chosen, 'some site has car parks with space within 3 km');
  const { page } = await openMap(`?layers=sites&lat=${chosen.site.lat}&lon=${chosen.site.lon}&zoom=17`);
  const box = await page.locator('#map').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const nearby = page.locator('.leaflet-popup-content .nearby-parking');
  await nearby.waitFor();
  const keys = await nearby.locator('li').evaluateAll((items) => items.map((li) => li.dataset.carPark));
  // Levels move every second here; the nearest with space at this moment must include
  // most of what the API said a moment ago, and every one listed must have space.
  assert.ok(keys.length > 0 && keys.length <= 3);
  const text = await nearby.textContent();
  assert.ok(!text.includes('車位已滿'), text);
  await page.close();
});
