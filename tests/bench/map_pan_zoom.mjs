// Benchmark: /map with 50,000 features in headless Chromium — generated sites and routes
// (tests/bench/bench_data.mjs) plus the live car parks — panned with the mouse and zoomed
// with the wheel, every layer on. Prints the frame intervals (requestAnimationFrame deltas)
// while panning and while zooming: median, p95, max. A frame of 16.7 ms is 60 fps: at 60 Hz
// an interval is a multiple of it, so a p95 of 16.7 means no frame late in 95 of 100.
// The same moves are measured first on the content as it is (about 150 features), which is
// what this machine's browser gives a map with next to nothing on it: without a GPU,
// Chromium composites the tiles' zoom animation on the CPU, and the difference is what
// the features cost. Figures only; asserts nothing. Run after the builds:
// node tests/bench/map_pan_zoom.mjs (MAP_SITES, MAP_ROUTES: other sizes).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, startServer } from '../support/server.mjs';
import { launchBrowser } from '../support/browser.mjs';
import { plainTile, routes, sitesWith } from './bench_data.mjs';

const ROUTES = Number(process.env.MAP_ROUTES || 15000);
const SITES = Number(process.env.MAP_SITES || 34700);

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms (${sorted.length} frames)`;
};

// Opens /map on the content in `contentDir`, pans and zooms, and prints what it measured.
async function measure(browser, contentDir, label) {
  const server = await startServer({ contentDir });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const tile = plainTile();
    await page.route(/^https:\/\/tile\.openstreetmap\.org\//, (route) => route.fulfill({ contentType: 'image/png', body: tile }));
    await page.goto(server.url + '/map?layers=basemap,routes,gaps,sites,parking&lat=24.9&lon=121.3&zoom=11');
    await page.waitForSelector('body[data-map="ready"]', { timeout: 120000 });
    await page.waitForFunction(() => Number(document.getElementById('map').dataset.parkingDrawn) > 0, null, { timeout: 30000 });
    const counts = await page.locator('#map').evaluate((el) => ['routes', 'gaps', 'sites', 'parking', 'basemap']
      .map((l) => `${Number(el.dataset[l + 'Drawn'])} ${l}`).join(', '));
    const record = () => page.evaluate(() => {
      // Long tasks (over 50 ms) say where the time of the slow frames goes: a redraw after a move.
      window.benchLong = [];
      window.benchObserver?.disconnect();
      window.benchObserver = new PerformanceObserver((list) => { for (const e of list.getEntries()) window.benchLong.push(e.duration); });
      window.benchObserver.observe({ type: 'longtask' });
      window.benchFrames = [];
      let last = performance.now();
      const tick = (t) => { window.benchFrames.push(t - last); last = t; if (window.benchFrames) window.benchRaf = requestAnimationFrame(tick); };
      window.benchRaf = requestAnimationFrame(tick);
    });
    const stop = () => page.evaluate(() => {
      cancelAnimationFrame(window.benchRaf);
      const frames = window.benchFrames.slice(1);
      return { frames, long: window.benchLong.slice() };
    });
    const redraws = () => page.evaluate(() => {
      const d = performance.getEntriesByName('map-redraw').map((e) => e.duration);
      performance.clearMeasures('map-redraw');
      return d;
    });
    const longTasks = (long) => long.length ? `; long tasks: ${long.length}, max ${Math.max(...long).toFixed(0)} ms, total ${long.reduce((a, b) => a + b, 0).toFixed(0)} ms` : '; no long tasks';
    const box = await page.locator('#map').boundingBox();
    const cx = box.x + box.width / 2, cy = box.y + box.height / 2;

    await redraws();
    await record();
    for (let round = 0; round < 4; round++) {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let k = 1; k <= 40; k++) {
        await page.mouse.move(cx + (round % 2 ? -1 : 1) * k * 6, cy + k * 3);
        await page.waitForTimeout(16);
      }
      await page.mouse.up();
      await page.waitForTimeout(300);
    }
    const pan = await stop();
    const panRedraws = await redraws();

    await record();
    for (let k = 0; k < 8; k++) {
      await page.mouse.move(cx, cy);
      await page.mouse.wheel(0, k < 4 ? -120 : 120);
      await page.waitForTimeout(450);
    }
    const zoom = await stop();
    const zoomRedraws = await redraws();
    const each = (d) => d.length ? `; the core's redraw after a move: ${d.length}, median ${[...d].sort((a, b) => a - b)[d.length >> 1].toFixed(0)} ms` : '';
    console.log(`${label}: ${counts} drawn (Leaflet Canvas renderer, 1280×800)`);
    console.log(`  pan  (mouse drag, 4 × 40 moves): ${stats(pan.frames)}${longTasks(pan.long)}${each(panRedraws)}`);
    console.log(`  zoom (wheel, 8 steps):           ${stats(zoom.frames)}${longTasks(zoom.long)}${each(zoomRedraws)}`);
    await page.close();
  } finally {
    await server.stop();
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'beitai-pan-bench-'));
const browser = await launchBrowser();
try {
  await measure(browser, path.join(ROOT, 'content'), 'the content as it is');
  cpSync(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
  writeFileSync(path.join(dir, 'content/maps/routes.geojson'), JSON.stringify(routes(ROUTES)));
  writeFileSync(path.join(dir, 'content/maps/sites.json'),
    JSON.stringify(sitesWith(JSON.parse(readFileSync(path.join(ROOT, 'content/maps/sites.json'), 'utf8')), SITES)));
  await measure(browser, path.join(dir, 'content'), `${ROUTES + SITES} features`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
