// /map as a new visitor meets it, on a desktop (1280×800) and a phone (390×844, touch):
// the legend is the layer switch and agrees with the lists and the SVG; the keyboard
// reaches a car park's card; on a phone one finger scrolls the page and two move the map;
// the planner takes names and coordinates, pins the route and shows it whole, and a tap
// never sets the start by itself; the county filter and "show on map"; axe and screenshots
// in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer } from '../support/server.mjs';
import { launchBrowser, SCREENSHOTS, DESKTOP, PHONE, visitor } from '../support/browser.mjs';
import { axeViolations } from '../support/axe.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const api = async (p) => (await fetch(server.url + p)).json();

async function openMap(device, query = '', lang = 'zh-TW') {
  const { context, page, problems } = await visitor(browser, server.url, device, lang);
  await page.goto(server.url + '/map' + query);
  await page.waitForSelector('body[data-map="ready"]', { timeout: 30000 });
  return { context, page, problems };
}

const drawn = (page, layer) => page.locator('#map').evaluate((el, l) => Number(el.dataset[l + 'Drawn']), layer);
// The map's centre from the address the page keeps (map.js writes it on every move).
const centre = (page) => page.evaluate(() => {
  const q = new URL(location.href).searchParams;
  return { lat: Number(q.get('lat')), lon: Number(q.get('lon')), zoom: Number(q.get('zoom')) };
});

test('the legend is the layer switch: car parks off at first, each entry toggles its layer, the lists and the SVG agree', async () => {
  const { context, page, problems } = await openMap(DESKTOP);
  const sites = (await api('/api/sites')).sites.length;
  assert.equal(await drawn(page, 'parking'), 0, 'car parks are off at first');
  assert.equal(await drawn(page, 'sites'), sites);
  // Each entry shows the symbol the map draws: the break's dashed red line, the site's green dot.
  assert.equal(await page.locator('.legend-entry[data-layer=gaps] svg line[stroke-dasharray="6 4"][stroke="#C1121F"]').count(), 1);
  assert.equal(await page.locator('.legend-entry[data-layer=sites] svg circle[fill="#2E7D32"]').count(), 1);
  await page.locator('.legend-entry[data-layer=parking] > label').click();
  await page.waitForFunction(() => Number(document.getElementById('map').dataset.parkingDrawn) > 0);
  const parks = (await api('/api/parking')).car_parks.length;
  assert.equal(await drawn(page, 'parking'), parks);
  assert.equal(await page.locator('#list-parking tr[data-car-park]').count(), parks);
  await page.locator('.legend-entry[data-layer=sites] > label').click();
  await page.waitForFunction(() => document.getElementById('map').dataset.sitesDrawn === '0');
  const layers = new URL(page.url()).searchParams.get('layers');
  assert.equal(layers, 'routes,gaps,parking,basemap');
  // The SVG of the same view draws the same layers.
  const svg = await (await fetch(server.url + '/map.svg?layers=' + layers)).text();
  assert.equal(svg.split('class="marker layer-sites"').length - 1, 0);
  // Every car park once: itself, or inside a cluster that says how many (data-count).
  const inClusters = [...svg.matchAll(/class="marker layer-parking cluster" data-count="(\d+)"/g)].reduce((n, m) => n + Number(m[1]), 0);
  assert.equal(svg.split('class="marker layer-parking"').length - 1 + inClusters, parks);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'map-legend-desktop.png') });
  assert.deepEqual(problems, []);
  await context.close();

  // Without JavaScript the same boxes are a form: untick, apply, and the picture follows.
  const nojs = await browser.newContext({ ...DESKTOP, javaScriptEnabled: false });
  const plain = await nojs.newPage();
  await plain.goto(server.url + '/map');
  await plain.locator('.legend-entry[data-layer=gaps] input').uncheck();
  await plain.locator('#map-layers button[type=submit]').click();
  await plain.waitForURL(/layer=/);
  assert.match(await plain.locator('img.map-fallback').getAttribute('src'), /layers=basemap%2Croutes%2Csites$/);
  await nojs.close();
});

test('the keyboard reaches a car park on the map, and Enter or Space opens its card, which is announced', async () => {
  const park = (await api('/api/parking')).car_parks.find((c) => c.county === 'Taipei' && c.live);
  const { context, page, problems } = await openMap(DESKTOP, `?layers=basemap,parking&lat=${park.lat}&lon=${park.lon}&zoom=17`);
  await page.locator('#map').focus();
  let reached = null;
  for (let i = 0; i < 60 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.classList.contains('scene-marker-parking') ? el.querySelector('span')?.dataset.id : null;
    });
  }
  assert.ok(reached, 'Tab reaches a car park marker');
  await page.keyboard.press('Enter');
  const card = page.locator('.leaflet-popup-content .parking-card');
  await card.waitFor();
  assert.equal('parking:' + await card.getAttribute('data-car-park'), reached);
  assert.match(await card.textContent(), /剩餘車位/);
  // The card takes the focus and its name is announced.
  assert.ok(await page.evaluate(() => document.activeElement.closest('.leaflet-popup-content') !== null));
  assert.equal(await page.locator('#map-status').textContent(), await card.locator('h3').textContent());
  // Space works as Enter does.
  await page.keyboard.press('Escape');
  await page.locator(`.scene-marker-parking:has(span[data-id="${reached}"])`).focus();
  await page.evaluate(() => document.querySelector('.leaflet-popup-close-button')?.click());
  await page.keyboard.press(' ');
  await card.waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

// A touch gesture through the DevTools protocol: fingers (one or two) moving by dx, dy.
async function swipe(page, context, points, dx, dy) {
  const cdp = await context.newCDPSession(page);
  const at = (k) => points.map((p) => ({ x: p.x + dx * k, y: p.y + dy * k, id: p.id }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let k = 1; k <= 10; k++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(k / 10) });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForTimeout(400);
  await cdp.detach();
}

test('on a phone the map is the first screen; one finger scrolls the page, two move the map; controls are 44 px', async () => {
  const { context, page, problems } = await openMap(PHONE);
  const box = await page.locator('#map').boundingBox();
  assert.ok(box.y < 844 / 2 && box.y + box.height <= 844, `the map is above the fold: ${JSON.stringify(box)}`);
  for (const selector of ['.leaflet-control-zoom-in', '.leaflet-control-zoom-out', '.legend-entry label', '#map-plan button[type=submit]']) {
    const b = await page.locator(selector).first().boundingBox();
    assert.ok(b.height >= 44 && b.width >= 44, `${selector}: ${b.width}×${b.height}`);
  }
  assert.ok(await page.locator('.map-touch-hint').isVisible(), 'the page says how to move the map');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'map-phone-zh.png') });

  const before = await centre(page);
  const middle = { x: box.x + box.width / 2, y: box.y + box.height * 0.6 };
  await swipe(page, context, [{ ...middle, id: 1 }], 0, -250);
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(scrolled > 50, `one finger scrolled the page: scrollY ${scrolled}`);
  assert.deepEqual(await centre(page), before, 'and did not move the map');

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
  const top = await page.locator('#map').boundingBox();
  const y = top.y + top.height / 2;
  await swipe(page, context, [{ x: top.x + 120, y, id: 1 }, { x: top.x + 260, y, id: 2 }], -100, 0);
  const moved = await centre(page);
  assert.ok(Math.abs(moved.lon - before.lon) > 1e-4, `two fingers moved the map: ${before.lon} → ${moved.lon}`);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const lang of ['zh-TW', 'en']) {
  test(`on a phone in ${lang} the site's header stays compact and most of the first screen is map`, async () => {
    const { context, page, problems } = await openMap(PHONE, '', lang);
    const screen = PHONE.viewport.height;
    const box = await page.locator('#map').boundingBox();
    // English once wrapped the header over 263 px and pushed the map's top to 445 px.
    assert.ok(box.y < screen - 200, `the map starts on the first screen: top ${box.y}`);
    const seen = Math.min(box.y + box.height, screen) - box.y;
    assert.ok(seen >= screen / 2, `half the first screen is map: ${seen} px of ${screen}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `map-phone-first-screen-${lang}.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the planner: places by name and by coordinates, pins, the route in view; a tap alone never sets the start', async () => {
  const routes = (await api('/api/routes')).features;
  const line = routes.find((f) => f.properties.county === 'Taipei').geometry.coordinates;
  const sites = (await api('/api/sites')).sites;
  const { context, page, problems } = await openMap(PHONE);
  // A tap on the map offers the point; the fields stay as they were.
  const box = await page.locator('#map').boundingBox();
  // Open sea off Keelung, top right: no marker or cluster there to catch the tap.
  await page.touchscreen.tap(box.x + box.width - 40, box.y + 60);
  const offer = page.locator('.point-actions');
  await offer.waitFor();
  assert.equal(await page.inputValue('#plan-from'), '');
  assert.equal(await page.inputValue('#plan-to'), '');
  await offer.locator('button[data-set=from]').tap();
  assert.match(await page.inputValue('#plan-from'), /^\d+\.\d{5},\d+\.\d{5}$/);

  // A name that fits several places: the error next to the field, in Chinese, with the candidates.
  await page.fill('#plan-from', '新竹');
  await page.fill('#plan-to', `${line.at(-1)[1]},${line.at(-1)[0]}`);
  await page.locator('#map-plan button[type=submit]').tap();
  await page.waitForSelector('#plan-from-error:not([hidden])');
  assert.equal(await page.locator('#plan-from-error').textContent(), '起點：「新竹」符合 2 個地點：新竹縣、新竹市。請輸入完整名稱。');
  assert.equal(await page.getAttribute('#plan-from', 'aria-invalid'), 'true');
  // A site's name and coordinates: planned, pinned, and the map shows the route whole.
  const site = sites.find((s) => s.county === 'Taipei');
  await page.fill('#plan-from', `${line[0][1]},${line[0][0]}`);
  await page.fill('#plan-to', site.name);
  await page.locator('#map-plan button[type=submit]').tap();
  await page.waitForSelector('#plan-result .plan-result, #plan-result .error', { timeout: 5000 });
  assert.equal(await page.locator('#plan-from-error').isHidden(), true);
  if (await page.locator('#plan-result .plan-result').count() === 0) {
    // The site may be more than 2 km from any route: then by a county's name.
    await page.fill('#plan-to', '臺北市');
    await page.locator('#map-plan button[type=submit]').tap();
  }
  await page.waitForSelector('#plan-result .plan-result', { timeout: 5000 });
  assert.equal(await page.locator('.scene-marker-path').count(), 2, 'start and end pins');
  const mapBox = await page.locator('#map').boundingBox();
  for (const pin of await page.locator('.scene-marker-path span').all()) {
    const b = await pin.boundingBox();
    assert.ok(b.x >= mapBox.x && b.x + b.width <= mapBox.x + mapBox.width && b.y >= mapBox.y && b.y + b.height <= mapBox.y + mapBox.height,
      'each pin is inside the map\'s view');
  }
  await page.locator('#map').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'map-route-phone.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the county filter narrows the sites; "show on map" moves the map and opens the card, by keyboard too', async () => {
  const sites = (await api('/api/sites')).sites.filter((s) => s.county === 'HsinchuCounty');
  const { context, page, problems } = await openMap(DESKTOP);
  await page.selectOption('#map-county', 'HsinchuCounty');
  await page.waitForFunction((n) => document.getElementById('map').dataset.sitesDrawn === String(n), sites.length);
  assert.equal(await page.locator('#list-sites li[data-site]').count(), sites.length);
  assert.equal(new URL(page.url()).searchParams.get('county'), 'HsinchuCounty');
  const link = page.locator(`#list-sites li[data-site="${sites[1].id}"] a.show-on-map`);
  await link.focus();
  await page.keyboard.press('Enter');
  const popup = page.locator('.leaflet-popup-content');
  await popup.waitFor();
  assert.match(await popup.textContent(), new RegExp(sites[1].name.replace(/[()（）]/g, '.')));
  assert.ok(await page.evaluate(() => document.activeElement.closest('.leaflet-popup-content') !== null), 'the card has the focus');
  await page.waitForFunction(() => Number(new URL(location.href).searchParams.get('zoom')) >= 15);
  const c = await centre(page);
  assert.ok(Math.abs(c.lat - sites[1].lat) < 0.01 && Math.abs(c.lon - sites[1].lon) < 0.01, JSON.stringify(c));
  await page.screenshot({ path: path.join(SCREENSHOTS, 'map-show-on-map.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

for (const lang of ['zh-TW', 'en']) {
  test(`axe finds nothing on /map in ${lang}; screenshots of desktop and phone`, async () => {
    for (const [device, name] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
      const { context, page, problems } = await openMap(device, '', lang);
      await page.screenshot({ path: path.join(SCREENSHOTS, `map-first-${name}-${lang}.png`) });
      await page.screenshot({ path: path.join(SCREENSHOTS, `map-full-${name}-${lang}.png`), fullPage: true });
      if (lang === 'en') {
        assert.match(await page.locator('.legend-switch legend').textContent(), /^Legend and layers/);
        await page.fill('#plan-from', 'Atlantis');
        await page.fill('#plan-to', 'Taipei City');
        await page.locator('#map-plan button[type=submit]').click();
        assert.match(await page.locator('#plan-from-error').textContent(), /^From: no place called/);
      }
      assert.deepEqual(await axeViolations(page), [], `${lang} ${name}`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
}
