// Benchmark: what a visitor's browser downloads, in headless Chromium through the real server,
// for the portal's main pages — the first view with an empty cache, and a repeat view (the
// same page opened again in the same browser, as by following a link to it) — and how long
// the first view takes to be usable on a slow mobile link (1.6 Mbps down, 150 ms latency,
// CDP Network.emulateNetworkConditions). Bytes are what came over the wire (CDP's
// encodedDataLength: headers and the body as sent, compressed or not); the parking event
// stream is left out (it is live data that flows as long as the page is open, not the page's
// weight). Prints figures; asserts nothing. Run after ./portal.sh test has built both trees:
//   node tests/bench/page_weight.mjs            (PAGE_WEIGHT_DETAIL=1: every request too)
// Usable means: / its figures shown (the server writes them; no script), /proposals its load event (the
// list is server-rendered), /map its layers drawn (body[data-map=ready]).
import { startServer } from '../support/server.mjs';
import { launchBrowser } from '../support/browser.mjs';

const PAGES = [
  { path: '/', usable: (page) => page.waitForSelector('[data-figure="proposals"]', { timeout: 120000 }) },
  { path: '/proposals', usable: () => null },
  { path: '/map', usable: (page) => page.waitForSelector('body[data-map="ready"]', { timeout: 120000 }) },
];
const SLOW = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 };
const FAST = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
const detail = Boolean(process.env.PAGE_WEIGHT_DETAIL);

// Every request of a page as CDP reports it: url, status, bytes on the wire, from a cache.
function recorder(cdp) {
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.set(e.requestId, { id: e.requestId, url: e.request.url, status: 0, bytes: 0, cached: false, stream: false, done: false, start: e.timestamp });
  });
  // The status as it came over the wire: a 304 revalidation is reported as the cached 200 by
  // responseReceived, and as 304 here.
  // (It may come before requestWillBeSent: kept apart, joined in summary.)
  const wire = new Map();
  cdp.on('Network.responseReceivedExtraInfo', (e) => wire.set(e.requestId, e.statusCode));
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.status = e.response.status;
    r.cached = e.response.fromDiskCache || e.response.fromMemoryCache || e.response.fromPrefetchCache || false;
    r.stream = /event-stream/.test(e.response.mimeType);
    r.encoding = e.response.headers['content-encoding'] || e.response.headers['Content-Encoding'] || '';
  });
  cdp.on('Network.requestServedFromCache', (e) => { const r = requests.get(e.requestId); if (r) r.cached = true; });
  cdp.on('Network.dataReceived', (e) => { const r = requests.get(e.requestId); if (r && !r.done) r.partial = (r.partial || 0) + e.encodedDataLength; });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) { r.bytes = e.encodedDataLength; r.done = true; r.end = e.timestamp; }
  });
  cdp.on('Network.loadingFailed', (e) => { const r = requests.get(e.requestId); if (r) { r.failed = e.errorText; r.done = true; } });
  return {
    clear: () => { requests.clear(); wire.clear(); },
    summary(origin) {
      // The server's requests (map tiles are blocked: the test machine has no network).
      const list = [...requests.values()].filter((r) => !r.stream && !r.failed && r.url.startsWith(origin));
      for (const r of list) {
        if (!r.done) r.bytes = r.partial || 0;
        r.wireStatus = wire.get(r.id);
      }
      const network = list.filter((r) => !r.cached && !r.failed);
      const t0 = Math.min(...list.map((r) => r.start));
      return {
        // When the last byte arrived, from the first request: the link's share of the time
        // to usable (the rest is the browser's own work, which a busy machine stretches).
        lastByteMs: (Math.max(...network.map((r) => r.end || r.start)) - t0) * 1000,
        bytes: network.reduce((sum, r) => sum + r.bytes, 0),
        requests: list.length,
        overNetwork: network.length,
        notModified: list.filter((r) => (r.wireStatus || r.status) === 304).length,
        list,
      };
    },
  };
}

// Waits until no request (the event stream aside) has been running for `quietMs`.
async function settle(page, quietMs = 800) {
  await page.waitForLoadState('load');
  await page.waitForTimeout(quietMs);
}

const kb = (n) => (n / 1000).toFixed(1);  // kB: 1000 bytes, as the targets are read

const server = await startServer();
const browser = await launchBrowser();
const rows = [];
try {
  for (const { path, usable } of PAGES) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // No map tiles (the test machine has no network; the pages work without them). Blocked
    // through CDP, not page.route: Playwright's routing turns the HTTP cache off.
    await cdp.send('Network.setBlockedURLs', { urls: ['*tile.openstreetmap.org*', '*wmts.nlsc.gov.tw*'] });
    const rec = recorder(cdp);

    await cdp.send('Network.emulateNetworkConditions', SLOW);
    const start = Date.now();
    await page.goto(server.url + path, { waitUntil: 'load', timeout: 120000 });
    await usable(page);
    const usableMs = Date.now() - start;
    await cdp.send('Network.emulateNetworkConditions', FAST);
    await settle(page);
    const first = rec.summary(server.url);

    rec.clear();
    await page.goto('about:blank');
    await page.goto(server.url + path, { waitUntil: 'load', timeout: 120000 });
    await usable(page);
    await settle(page);
    const repeat = rec.summary(server.url);
    // The same first view without throttling: what of the time is the browser's own work
    // (compiling the WASM, building the network, drawing) rather than the link's.
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const quick = await fresh.newPage();
    await (await fresh.newCDPSession(quick)).send('Network.setBlockedURLs', { urls: ['*tile.openstreetmap.org*', '*wmts.nlsc.gov.tw*'] });
    const quickStart = Date.now();
    await quick.goto(server.url + path, { waitUntil: 'load', timeout: 120000 });
    await usable(quick);
    const unthrottledMs = Date.now() - quickStart;
    await fresh.close();
    const live = repeat.list.filter((r) => /\/map$|\/api\/parking$/.test(new URL(r.url).pathname)).reduce((sum, r) => sum + r.bytes, 0);
    rows.push({ path, first, repeat, usableMs, unthrottledMs, live });
    if (detail) {
      for (const [name, view] of [['first', first], ['repeat', repeat]]) {
        console.log(`${path} ${name} view:`);
        const t0 = Math.min(...view.list.map((r) => r.start));
        const ms = (t) => (t === undefined ? '?' : ((t - t0) * 1000).toFixed(0)).padStart(5);
        for (const r of view.list)
          console.log(`  ${String(r.wireStatus || r.status).padStart(3)} ${r.cached ? ' cache   ' : kb(r.bytes).padStart(6) + ' kB'} ` +
            `${ms(r.start)}–${ms(r.end)} ms ${(r.encoding || '-').padEnd(4)} ${r.url.replace(server.url, '')}`);
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

console.log('page weight: Chromium through the server; kB on the wire (encodedDataLength, 1 kB = 1000 B), the event stream left out;');
console.log('"live" is the part of the repeat view that is live parking data (/map\'s page and /api/parking), new at each poll');
console.log('page         first view   requests   repeat view (live)   over network   304s   at 1.6 Mbps / 150 ms: last byte, usable   unthrottled: usable');
for (const { path, first, repeat, usableMs, unthrottledMs, live } of rows)
  console.log(`${path.padEnd(12)} ${(kb(first.bytes) + ' kB').padStart(10)} ${String(first.requests).padStart(10)} ` +
    `${(kb(repeat.bytes) + ' kB').padStart(13)} ${('(' + kb(live) + ')').padStart(6)} ${String(repeat.overNetwork).padStart(14)} ` +
    `${String(repeat.notModified).padStart(6)} ${(first.lastByteMs / 1000).toFixed(1).padStart(26)} s ${(usableMs / 1000).toFixed(1).padStart(6)} s ` +
    `${(unthrottledMs / 1000).toFixed(1).padStart(19)} s`);
