// Benchmark: /map with 50,000 features in headless Chromium — generated sites and routes
// (tests/bench/bench_data.mjs) plus the live car parks — panned with the mouse and zoomed
// with the wheel, every layer on. Prints the frame intervals (requestAnimationFrame deltas)
// while panning and while zooming: median, p95, max. A frame of 16.7 ms is 60 fps. Figures
// only; asserts nothing. Run after the builds: node tests/bench/map_pan_zoom.mjs
// (MAP_SITES, MAP_ROUTES: other sizes).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, startServer } from '../support/server.mjs';
import { launchBrowser } from '../support/browser.mjs';
import { routes, sitesWith } from './bench_data.mjs';

const ROUTES = Number(process.env.MAP_ROUTES || 15000);
const SITES = Number(process.env.MAP_SITES || 34700);
const dir = mkdtempSync(path.join(tmpdir(), 'beitai-pan-bench-'));
cpSync(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
writeFileSync(path.join(dir, 'content/maps/routes.geojson'), JSON.stringify(routes(ROUTES)));
writeFileSync(path.join(dir, 'content/maps/sites.json'),
  JSON.stringify(sitesWith(JSON.parse(readFileSync(path.join(ROOT, 'content/maps/sites.json'), 'utf8')), SITES)));

const server = await startServer({ contentDir: path.join(dir, 'content') });
const browser = await launchBrowser();
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms (${sorted.length} frames)`;
};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.route(/^https:\/\/tile\.openstreetmap\.org\//, (route) => route.abort());
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
  console.log(`map pan/zoom benchmark: ${counts} (Leaflet Canvas renderer, 1280×800)`);
  console.log(`  pan  (mouse drag, 4 × 40 moves): ${stats(pan.frames)}${longTasks(pan.long)}${each(panRedraws)}`);
  console.log(`  zoom (wheel, 8 steps):           ${stats(zoom.frames)}${longTasks(zoom.long)}${each(zoomRedraws)}`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
