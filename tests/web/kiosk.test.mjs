// The kiosk in a real browser: Dear ImGui on a WebGL2 canvas draws the Traditional
// Chinese title and the eight county tiles, and a touch selects a county.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { launchBrowser, openPage, SCREENSHOTS } from '../support/browser.mjs';
import { decodePng } from '../support/png.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const BACKGROUND = [11, 61, 79];   // kiosk_app.cpp kBackground
const TILE = [19, 107, 121];       // kiosk_app.cpp kTile
const near = (pixel, rgb, tolerance = 6) => rgb.every((v, i) => Math.abs(pixel[i] - v) <= tolerance);

async function openKiosk() {
  const { page, problems } = await openPage(browser, server.url + '/kiosk', { width: 1280, height: 800 });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  await page.waitForFunction(() => window.beitaiKiosk.framesDrawn() > 20, null, { timeout: 20000 });
  return { page, problems };
}

test('the kiosk canvas shows the title and eight county tiles', async () => {
  const { page, problems } = await openKiosk();
  assert.match(await page.locator('#kiosk-status').textContent(), /已載入八縣市/);
  const shot = await page.screenshot();
  writeFileSync(path.join(SCREENSHOTS, 'kiosk.png'), shot);
  const img = decodePng(shot);
  assert.equal(img.width, 1280);

  let background = 0, tile = 0;
  for (let y = 0; y < img.height; y += 2)
    for (let x = 0; x < img.width; x += 2) {
      const p = img.pixel(x, y);
      if (near(p, BACKGROUND)) background++;
      else if (near(p, TILE)) tile++;
    }
  const sampled = (img.width / 2) * (img.height / 2);
  assert.ok(background / sampled > 0.4, `background covers ${(100 * background / sampled).toFixed(1)}%`);
  // Eight tiles of about 278×140 px: roughly 30 % of the screen.
  assert.ok(tile / sampled > 0.2, `tiles cover ${(100 * tile / sampled).toFixed(1)}%`);

  // The title row: light text spanning the width of 11 CJK glyphs (each about 44 px wide at
  // the 64 px font size: about 480 px). Missing glyphs would fall back to '?', about 26 px
  // each: under 300 px.
  let minX = img.width, maxX = 0;
  for (let y = 50; y < 110; y++)
    for (let x = 0; x < img.width; x++) {
      const [r, g, b] = img.pixel(x, y);
      if (r > 200 && g > 200 && b > 200) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); }
    }
  assert.ok(maxX - minX > 420, `title spans ${maxX - minX} px`);
  assert.ok(minX < 80, `title starts at ${minX}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('touching a county tile selects it', async () => {
  const { page } = await openKiosk();
  assert.equal(await page.evaluate(() => window.beitaiKiosk.selectedCounty()), '');
  // Third tile of the first row: 臺北市.
  await page.mouse.click(790, 282);
  await page.waitForFunction(() => window.beitaiKiosk.selectedCounty() !== '', null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => window.beitaiKiosk.selectedCounty()), 'Taipei');
  await page.close();
});

// A lobby screen is touched, not clicked: every tap must land where the finger is, each one
// in turn on another tile (Emscripten's GLFW alone pressed at the previous tap's place).
test('sixteen taps on a touch screen select sixteen tiles in turn', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto(server.url + '/kiosk');
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  await page.waitForFunction(() => window.beitaiKiosk.framesDrawn() > 20, null, { timeout: 20000 });
  const counties = await (await fetch(server.url + '/api/counties')).json();
  assert.equal(counties.length, 8);
  // The tile grid of the 1280 px screen: four columns, centres as the first test's tap.
  const centre = (i) => ({ x: 187 + 302 * (i % 4), y: 282 + 164 * Math.floor(i / 4) });
  let landed = 0;
  for (let n = 0; n < 16; n++) {
    const i = (n * 3) % 8;  // a different tile each time, every one twice
    await page.touchscreen.tap(centre(i).x, centre(i).y);
    const ok = await page.waitForFunction((id) => window.beitaiKiosk.selectedCounty() === id, counties[i].id, { timeout: 3000 })
      .then(() => true, () => false);
    if (ok) landed++;
  }
  assert.equal(landed, 16, `${landed} of 16 taps selected the tile under the finger`);
  await context.close();
});
