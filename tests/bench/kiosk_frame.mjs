// Benchmark: the kiosk in headless Chromium (software WebGL2) — the frame's CPU time on the
// map screen with 5,000 features (2,000 routes, 3,000 sites, plus the county areas and the
// breaks), the time from navigation to the first frame, and the bytes a lobby's browser
// downloads (kiosk.js + kiosk.wasm, which holds the font), gzip -9. Prints figures;
// asserts nothing. Run after ./portal.sh test has built everything:
//   node tests/bench/kiosk_frame.mjs
// The frame time is the app's frame, ImGui's render and the GL calls that hand the draw
// lists to WebGL (main_web.cpp measures it); the GPU's own work happens elsewhere.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, startServer } from '../support/server.mjs';
import { launchBrowser } from '../support/browser.mjs';
import { openKiosk } from '../support/kiosk.mjs';
import { routes, sitesWith } from './bench_data.mjs';

const ROUTES = 2000, SITES = 3000;
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

const bytes = (name) => readFileSync(path.join(ROOT, 'build/wasm/web', name));
const raw = bytes('kiosk.js').length + bytes('kiosk.wasm').length;
const gz = gzipSync(bytes('kiosk.js'), { level: 9 }).length + gzipSync(bytes('kiosk.wasm'), { level: 9 }).length;
const fontChars = [...readFileSync(path.join(ROOT, 'build/wasm/generated/kiosk_font_chars.txt'), 'utf8').trim()].length;
console.log(`kiosk bundle: kiosk.js + kiosk.wasm (with the ${fontChars}-character font) ${raw} B raw, ${gz} B gzip -9`);

const dir = mkdtempSync(path.join(tmpdir(), 'beitai-kiosk-bench-'));
cpSync(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
writeFileSync(path.join(dir, 'content/maps/routes.geojson'), JSON.stringify(routes(ROUTES)));
writeFileSync(path.join(dir, 'content/maps/sites.json'), JSON.stringify(sitesWith(JSON.parse(readFileSync(path.join(ROOT, 'content/maps/sites.json'), 'utf8')), SITES)));
const server = await startServer({ contentDir: path.join(dir, 'content') });
const browser = await launchBrowser();
try {
  // First frame: from navigation, on a fresh page each time.
  const first = [], atlas = [];
  for (let run = 0; run < 5; run++) {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(server.url + '/kiosk?attract=off');
    await page.waitForFunction(() => document.body.dataset.firstFrameMs, null, { timeout: 60000 });
    first.push(Number(await page.evaluate(() => document.body.dataset.firstFrameMs)));
    atlas.push(await page.evaluate(() => document.body.dataset.fontAtlas));
    await page.close();
  }
  console.log(`first frame from navigation: ${percentile(first, 0.5)} ms median of 5 (${first.join(', ')}); ` +
    `the glyph atlas ${atlas.join(', ')}`);

  for (const [name, width, height] of [['landscape', 1920, 1080], ['portrait', 1080, 1920]]) {
    // The whole data on screen: the lobby in the middle of it, zoomed out two steps.
    const kiosk = await openKiosk(browser, server.url, { width, height, query: 'lat=24.9&lon=121.35&attract=off' });
    await kiosk.tap(/^自行車路網$/);
    await kiosk.tap('−');
    await kiosk.tap('−');
    const state = await kiosk.state();
    await kiosk.frames(10);  // the scene prepared, the first paints done
    const start = await kiosk.page.evaluate(() => window.beitaiKiosk.framesDrawn());
    await kiosk.page.waitForFunction((s) => window.beitaiKiosk.framesDrawn() >= s + 300, start, { timeout: 180000 });
    const times = await kiosk.page.evaluate(() => window.beitaiKiosk.frameTimes(300));
    const label = `map screen, ${name} ${width}×${height}, zoom ${state.map.zoom}, ${ROUTES} routes + ${SITES} sites`;
    console.log(`${label}, at rest: frame CPU ${percentile(times, 0.5).toFixed(2)} ms median, ` +
      `${percentile(times, 0.95).toFixed(2)} ms p95 (300 frames)`);
    // A finger dragging the map across the screen and back: every frame moves it.
    const before = await kiosk.state();
    const dragStart = await kiosk.page.evaluate(() => window.beitaiKiosk.framesDrawn());
    const [x, y] = [width / 2, height / 2];
    await kiosk.drag([x - 300, y], [x + 300, y + 200], 20);
    await kiosk.drag([x + 300, y + 200], [x - 300, y], 20);
    const dragged = await kiosk.page.evaluate(() => window.beitaiKiosk.framesDrawn()) - dragStart;
    const panTimes = await kiosk.page.evaluate((n) => window.beitaiKiosk.frameTimes(n), dragged);
    const after = await kiosk.state();
    console.log(`${label}, dragged: frame CPU ${percentile(panTimes, 0.5).toFixed(2)} ms median, ` +
      `${percentile(panTimes, 0.95).toFixed(2)} ms p95 (${dragged} frames; the map painted again ` +
      `${after.map_repaints - before.map_repaints} times)`);
    await kiosk.close();
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
