// Benchmark: in headless Chromium, the time from navigation to all layers drawn on /map for
// 5,000 sites and 2,000 routes (Leaflet's Canvas renderer), from the page's performance
// marks. The data is generated into a scratch copy of content/. Prints figures; asserts
// nothing. Run after ./portal.sh test has built everything: node tests/bench/map_render.mjs
// (MAP_FEEDS=none: without the live parking layer; MAP_QUERY='?layers=…': other layers).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, startServer } from '../support/server.mjs';
import { launchBrowser } from '../support/browser.mjs';
import { routes, sitesWith } from './bench_data.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'beitai-map-bench-'));
cpSync(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
writeFileSync(path.join(dir, 'content/maps/routes.geojson'), JSON.stringify(routes(2000)));
writeFileSync(path.join(dir, 'content/maps/sites.json'), JSON.stringify(sitesWith(JSON.parse(readFileSync(path.join(ROOT, 'content/maps/sites.json'), 'utf8')), 5000)));

const server = await startServer({ contentDir: path.join(dir, 'content'), extraArgs: process.env.MAP_FEEDS ? ['--feeds', process.env.MAP_FEEDS] : [] });
const browser = await launchBrowser();
try {
  const runs = [];
  for (let run = 0; run < 5; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route(/^https:\/\/tile\.openstreetmap\.org\//, (route) => route.abort());
    await page.goto(server.url + '/map' + (process.env.MAP_QUERY || ''));
    await page.waitForSelector('body[data-map="ready"]', { timeout: 60000 });
    const marks = await page.evaluate(() => {
      const mark = (name) => performance.getEntriesByName(name)[0]?.startTime;
      return { data: mark('map-data-loaded'), built: mark('map-network-built'), drawn: mark('map-layers-drawn'),
        sites: Number(document.getElementById('map').dataset.sitesDrawn), routes: Number(document.getElementById('map').dataset.routesDrawn) };
    });
    runs.push(marks);
    await page.close();
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const last = runs.at(-1);
  console.log(`map render benchmark: ${last.sites} sites, ${last.routes} routes, 5 page loads`);
  console.log(`  navigation → data loaded   ${median(runs.map((r) => r.data)).toFixed(0)} ms median`);
  console.log(`  navigation → network built ${median(runs.map((r) => r.built)).toFixed(0)} ms median`);
  console.log(`  navigation → layers drawn  ${median(runs.map((r) => r.drawn)).toFixed(0)} ms median`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
