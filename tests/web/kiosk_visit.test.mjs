// A day in a lobby, sped up: the kiosk's idle warning, its reset to Home and the attract loop
// between visitors, on the fake clock (advanceClock: both of the app's clocks jump, no test
// waits 90 s); the server going away and coming back on the same address, with the last good
// data kept in IndexedDB; the hand-off QR code read back with a decoder, as a phone reads it;
// and the warning and the attract loop in portrait. Touch taps throughout, as in kiosk.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import jsQR from 'jsqr';
import { startServer, until } from '../support/server.mjs';
import { launchBrowser, SCREENSHOTS } from '../support/browser.mjs';
import { KIOSK_PANEL, KIOSK_TILE, centre, openKiosk, openKioskIn, share } from '../support/kiosk.mjs';

const KIOSK_WARNING = [255, 214, 102];  // wasm/kiosk/kiosk_ui.h palette::warning: stale data, on dark
const RETRY_S = 10;                     // web/js/kiosk.js RETRY_MS: a try every 10 s while the server is away
const PROPOSAL_ID = /^\d{3}-\d{2}$/;

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

// The fake clock moved on, then a few frames, so that the app has looked at it.
async function advance(kiosk, ms) {
  await kiosk.page.evaluate((ms) => window.beitaiKiosk.advanceClock(ms), ms);
  await kiosk.frames(2);
  return kiosk.state();
}

// The mean brightness of a rectangle (sampled): the warning's scrim darkens what it covers.
function luma(img, [x, y, w, h]) {
  let sum = 0, n = 0;
  for (let yy = Math.floor(y); yy < y + h; yy += 4)
    for (let xx = Math.floor(x); xx < x + w; xx += 4) {
      const [r, g, b] = img.pixel(xx, yy);
      sum += 0.2126 * r + 0.7152 * g + 0.0722 * b;
      n++;
    }
  return sum / n;
}

// Pixels of `rgb` in a rectangle, counted one by one (text is thin: sampling would miss it).
function count(img, [x, y, w, h], rgb, tolerance = 24) {
  let hits = 0;
  for (let yy = Math.floor(y); yy < y + h; yy++)
    for (let xx = Math.floor(x); xx < x + w; xx++) {
      const p = img.pixel(xx, yy);
      if (rgb.every((v, i) => Math.abs(p[i] - v) <= tolerance)) hits++;
    }
  return hits;
}

// The header's right part, between the title and the language toggle: the clock, or the
// data's age while the server is away.
function clockArea({ header, title, lang }) {
  const x = title[0] + title[2];
  return [x, header[1], lang[0] - x, header[3]];
}

// The QR code drawn in `rect` (with a little of the footer around it), read as a phone
// camera would: jsQR on the screenshot's pixels.
function readQr(img, [x, y, w, h], margin = 12) {
  const x0 = Math.max(0, Math.floor(x - margin)), y0 = Math.max(0, Math.floor(y - margin));
  const x1 = Math.min(img.width, Math.ceil(x + w + margin)), y1 = Math.min(img.height, Math.ceil(y + h + margin));
  const cw = x1 - x0, ch = y1 - y0;
  const rgba = new Uint8ClampedArray(cw * ch * 4);
  for (let yy = 0; yy < ch; yy++)
    for (let xx = 0; xx < cw; xx++) rgba.set(img.pixel(x0 + xx, y0 + yy), (yy * cw + xx) * 4);
  const code = jsQR(rgba, cw, ch, { inversionAttempts: 'dontInvert' });
  return code ? code.data : null;
}

test('idle: the attract loop until a touch; a warning of at least 20 s that a touch ends with the visit kept; then Home with every screen cleared and the loop again, which its button pauses', async () => {
  const kiosk = await openKiosk(browser, server.url, { query: 'county=Taipei' });  // attract=on, the default
  try {
    let s = await kiosk.state();
    assert.equal(s.phase, 'attract', 'a kiosk starts between visitors');
    assert.notEqual(s.highlight, '');
    const fresh = { screen: s.screen, lang: s.lang, proposal: s.proposal, filters: s.filters, map: s.map };
    assert.deepEqual(fresh.filters, { county: '', group: '', status: '' });

    // The first touch lands on the language toggle's place: it wakes the kiosk, and only that.
    await kiosk.tap('English');
    s = await kiosk.state();
    assert.equal(s.phase, 'active', 'a touch ends the attract loop');
    assert.equal(s.screen, 'home');
    assert.equal(s.lang, 'zh-TW', 'the waking touch pressed nothing under it');

    // A visit: the map zoomed out a step, the proposals filtered, one opened, English.
    await kiosk.tap('自行車路網');
    const mapShown = (await kiosk.state()).map;
    await kiosk.tap('−');
    s = await kiosk.state();
    assert.equal(s.screen, 'map');
    assert.ok(Math.abs(s.map.zoom - (mapShown.zoom - 1)) < 1e-6, `zoom ${mapShown.zoom} → ${s.map.zoom}`);
    await kiosk.tap('‹ 首頁');
    await kiosk.tap('合作提案');
    await kiosk.tap('列管');
    await kiosk.tap('臺北市');
    const row = (await kiosk.state()).targets.find((t) => PROPOSAL_ID.test(t.label));
    assert.ok(row, 'a proposal to open');
    await kiosk.tap(row.label);
    await kiosk.tap('English');
    const visit = await kiosk.state();
    assert.equal(visit.screen, 'proposals');
    assert.equal(visit.proposal, row.label);
    assert.deepEqual(visit.filters, { county: 'Taipei', group: '', status: 'open' });
    assert.equal(visit.lang, 'en');
    assert.notDeepEqual(visit.map, fresh.map);
    const calm = await kiosk.screenshot();

    // 55 s without a touch: nothing yet. Past idle − warning (60 s): the warning, counting down.
    s = await advance(kiosk, 55_000);
    assert.equal(s.phase, 'active', 'no warning 55 s after the last touch');
    s = await advance(kiosk, 6_000);
    assert.equal(s.phase, 'warning');
    const firstSeconds = s.warning_s;
    assert.ok(firstSeconds >= 20 && firstSeconds <= 30, `the warning gives ${firstSeconds} s (WCAG 2.2.1: at least 20)`);
    const img = await kiosk.screenshot(path.join(SCREENSHOTS, 'kiosk-warning.png'));
    const dialog = s.layout.dialog;
    assert.ok(share(img, dialog, KIOSK_PANEL) > 0.6, `the dialog's light panel fills ${dialog}`);
    assert.ok(share(calm, dialog, KIOSK_PANEL) < share(img, dialog, KIOSK_PANEL) - 0.3, 'the panel is the warning\'s, not the screen\'s');
    const above = [0, s.layout.header[3], s.layout.header[2], dialog[1] - s.layout.header[3]];
    assert.ok(luma(img, above) < luma(calm, above) * 0.6, 'the screen behind the dialog is dimmed');
    // Its button, in the dialog, in the visit's language.
    const button = [dialog[0], dialog[1] + dialog[3] / 2, dialog[2], dialog[3] / 2];
    assert.ok(share(img, button, KIOSK_TILE) > 0.15, 'the Continue button is drawn in the dialog');

    // 15 s more: still the warning, 15 s fewer to go — it really lasts.
    s = await advance(kiosk, 15_000);
    assert.equal(s.phase, 'warning');
    assert.ok(s.warning_s <= firstSeconds - 15 && s.warning_s >= 1, `${firstSeconds} s, 15 s later ${s.warning_s} s`);

    // A touch continues the visit as it was, and presses nothing (it lands on "Back to the list").
    await kiosk.tapAt(...centre(visit.targets.find((t) => /Back to the list/.test(t.label)).rect));
    s = await kiosk.state();
    assert.equal(s.phase, 'active');
    assert.equal(s.warning_s, 0);
    for (const key of ['screen', 'proposal', 'filters', 'lang', 'map']) assert.deepEqual(s[key], visit[key], `${key} kept`);

    // Left alone again: the warning after 60 s, Home 30 s later, with nothing of the visit left.
    s = await advance(kiosk, 61_000);
    assert.equal(s.phase, 'warning');
    s = await advance(kiosk, 30_000);
    assert.equal(s.phase, 'attract', 'back in the attract loop');
    assert.equal(s.warning_s, 0);
    for (const key of ['screen', 'proposal', 'filters', 'lang', 'map']) assert.deepEqual(s[key], fresh[key], `${key} cleared`);
    assert.match(s.handoff, /\/$/, 'the hand-off is Home\'s');

    // The loop moves on every 8 s …
    const first = s.highlight;
    s = await advance(kiosk, 8_000);
    assert.notEqual(s.highlight, first, 'the next highlight after 8 s');
    assert.equal(s.paused, false);

    // … until its own button pauses it (WCAG 2.2.2); that touch does not end the loop.
    const pause = s.targets.find((t) => /暫停|Pause/.test(t.label));
    assert.ok(pause, `a pause button among ${s.targets.map((t) => t.label).join(' | ')}`);
    assert.ok(Math.min(pause.rect[2], pause.rect[3]) >= 48);
    await kiosk.tapAt(...centre(pause.rect));
    s = await kiosk.state();
    assert.equal(s.phase, 'attract');
    assert.equal(s.paused, true);
    const held = s.highlight;
    s = await advance(kiosk, 24_000);
    assert.equal(s.paused, true);
    assert.equal(s.highlight, held, 'a paused loop holds its highlight');
    await kiosk.screenshot(path.join(SCREENSHOTS, 'kiosk-attract-paused.png'));

    // The same button plays it again.
    const play = s.targets.find((t) => /輪播|Play|Pause/.test(t.label));
    assert.ok(play && play.label !== pause.label, `the button now plays: ${play?.label}`);
    await kiosk.tapAt(...centre(play.rect));
    s = await kiosk.state();
    assert.equal(s.phase, 'attract');
    assert.equal(s.paused, false);
    s = await advance(kiosk, 8_000);
    assert.notEqual(s.highlight, held, 'the loop runs again');

    // A touch on a Home tile's place wakes the kiosk on Home: it does not open the tile.
    await kiosk.tapAt(...centre(s.layout.tiles[3]));
    s = await kiosk.state();
    assert.equal(s.phase, 'active');
    assert.equal(s.screen, 'home', 'the waking touch opened nothing');
    assert.deepEqual(kiosk.problems, []);
  } finally {
    await kiosk.close();
  }
});

test('offline: with the server stopped the kiosk shows its data and its age (資料更新於 N 分鐘前); back on the same address, fresh again within the glue\'s retry, without a reload', async () => {
  const own = await startServer();
  const kiosk = await openKiosk(browser, own.url);
  try {
    const online = await kiosk.state();
    assert.equal(online.reachable, true);
    for (const [part, at] of Object.entries(online.fetched_at)) assert.equal(typeof at, 'number', `${part} fetched`);
    const figures = online.tiles.map((t) => t.figure);
    assert.ok(online.tiles.find((t) => t.screen === 'proposals').value > 0);
    await kiosk.page.evaluate(() => { window.__marker = 'the same page'; });
    const clock = clockArea(online.layout);
    const before = await kiosk.screenshot();
    assert.equal(count(before, clock, KIOSK_WARNING), 0, 'online, the header shows the time, not an age');

    await own.halt();
    let s = await until(async () => { const st = await kiosk.state(); return st.reachable === false && st; },
      'the kiosk notices the server is away');
    // Twelve minutes later (the fake clock): the same figures, and their age said in the header.
    const age0 = s.data_age_s;
    s = await advance(kiosk, 12 * 60_000);
    assert.equal(s.reachable, false);
    assert.ok(s.data_age_s >= age0 + 12 * 60, `data age ${age0} s → ${s.data_age_s} s`);
    // The data is still shown; parking's 12-minute-old spaces are stale, as on /map: no count is guessed.
    for (const [i, t] of s.tiles.entries())
      assert.equal(t.figure, t.screen === 'parking' ? '—' : figures[i], `${t.screen}: ${t.figure}`);
    const img = await kiosk.screenshot(path.join(SCREENSHOTS, 'kiosk-offline.png'));
    const warned = count(img, clock, KIOSK_WARNING);
    assert.ok(warned > 150, `「資料更新於 ${Math.floor(s.data_age_s / 60)} 分鐘前」 in the header's right part: ${warned} px`);
    const status = await kiosk.page.textContent('#kiosk-status');
    assert.match(status, /無法連線/);
    // The data shown is still a visit's: proposals open, rows listed.
    await kiosk.tap('合作提案');
    assert.ok((await kiosk.state()).targets.some((t) => PROPOSAL_ID.test(t.label)), 'proposals listed offline');
    await kiosk.tap('‹ 首頁');

    // The server back on the same port: every part fresh again within the retry, same page.
    const away = (await kiosk.state()).fetched_at;
    await own.restart();
    const back = Date.now();
    s = await until(async () => {
      const st = await kiosk.state();
      return st.reachable && Object.entries(st.fetched_at).every(([p, at]) => at > away[p]) && st;
    }, 'every part fetched again after the server came back', (RETRY_S + 8) * 1000);
    const took = (Date.now() - back) / 1000;
    console.log(`# fresh again ${took.toFixed(1)} s after the server came back`);
    assert.equal(await kiosk.page.evaluate(() => window.__marker), 'the same page', 'no reload');
    await kiosk.frames(2);
    const fresh = await kiosk.screenshot();
    assert.equal(count(fresh, clock, KIOSK_WARNING), 0, 'the age is gone from the header');
    assert.match(await kiosk.page.textContent('#kiosk-status'), /資料已更新/);
    assert.deepEqual(kiosk.problems, []);
  } finally {
    await kiosk.close();
    await own.stop();
  }
});

test('a kiosk started while the server is away shows the last good copies from IndexedDB, with their age, and comes back by itself', async () => {
  const own = await startServer();
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, hasTouch: true });
  let kiosk;
  try {
    // A first visit fills IndexedDB; the page's own files are kept aside, as a browser's
    // cache (or a lobby PC's copy) would hold them.
    const shell = new Set();
    context.on('request', (r) => {
      const u = new URL(r.url());
      if (u.origin === own.url && !u.pathname.startsWith('/api/')) shell.add(r.url());
    });
    const first = await openKioskIn(context, own.url);
    const online = await first.state();
    await first.page.close();
    const files = new Map();
    for (const u of shell) {
      const r = await fetch(u);
      const headers = Object.fromEntries([...r.headers].filter(([k]) => !/^(content-length|content-encoding|transfer-encoding)$/.test(k)));
      files.set(u, { status: r.status, headers, body: Buffer.from(await r.arrayBuffer()) });
    }
    assert.ok([...files.keys()].some((u) => u.endsWith('.wasm')), `the shell: ${[...files.keys()].join(' ')}`);

    await own.halt();
    // Only the page's files come from the copy; every API request goes to the stopped server.
    await context.route((u) => files.has(u.href), (route) => route.fulfill(files.get(route.request().url())));
    kiosk = await openKioskIn(context, own.url);
    let s = await kiosk.state();
    assert.equal(s.reachable, false);
    // Each part is the copy the first visit kept: the very time it was fetched. (Parking
    // moved on with the stream's events in the first page; its kept copy is the last fetch.)
    for (const [part, at] of Object.entries(online.fetched_at)) {
      if (part === 'parking') assert.ok(s.fetched_at.parking <= at && s.fetched_at.parking >= online.fetched_at.counties, `parking ${s.fetched_at.parking}`);
      else assert.equal(s.fetched_at[part], at, `${part}: the kept copy`);
    }
    // The tiles have their figures: the kept ones (parking's from its last fetch, before the stream's events).
    const figures = (st) => st.tiles.map((t) => [t.screen, t.screen === 'parking' ? typeof t.value : t.value]);
    assert.deepEqual(figures(s), figures(online), 'the tiles have their figures');
    assert.ok(s.tiles.find((t) => t.screen === 'proposals').value > 0);
    s = await advance(kiosk, 3 * 60_000);
    assert.ok(s.data_age_s >= 180, `data age ${s.data_age_s} s`);
    const img = await kiosk.screenshot(path.join(SCREENSHOTS, 'kiosk-offline-start.png'));
    assert.ok(count(img, clockArea(s.layout), KIOSK_WARNING) > 150, 'the header says how old the data is');
    await kiosk.page.evaluate(() => { window.__marker = 'the same page'; });

    // The server back: the kiosk that never reached it comes back within its retry.
    const kept = s.fetched_at;
    await own.restart();
    s = await until(async () => {
      const st = await kiosk.state();
      return st.reachable && Object.entries(st.fetched_at).every(([p, at]) => at > kept[p]) && st;
    }, 'every part fetched after the server came back', (RETRY_S + 8) * 1000);
    assert.equal(await kiosk.page.evaluate(() => window.__marker), 'the same page', 'no reload');
    assert.deepEqual(kiosk.problems, []);
  } finally {
    await context.close();
    await own.stop();
  }
});

test('the hand-off QR code reads back (jsQR) as the address of the view: Home, a proposal, the map, in English', async () => {
  const kiosk = await openKiosk(browser, server.url);
  const origin = server.url;
  // Reads the footer's code and checks it against the state and the server.
  const check = async (name, expected) => {
    await kiosk.frames(2);
    const s = await kiosk.state();
    assert.equal(s.handoff, expected, `${name}: the hand-off address`);
    const img = await kiosk.screenshot(path.join(SCREENSHOTS, `kiosk-qr-${name}.png`));
    const read = readQr(img, s.layout.qr);
    assert.equal(read, expected, `${name}: the QR code (${s.layout.qr[2]} px) reads as its address`);
    const r = await fetch(read, { redirect: 'manual' });
    assert.ok(r.status < 400, `${name}: ${read} answers ${r.status}`);
    return s;
  };
  try {
    await check('home', origin + '/');

    await kiosk.tap('合作提案');
    const row = (await kiosk.state()).targets.find((t) => PROPOSAL_ID.test(t.label));
    await kiosk.tap(row.label);
    await check('proposal', `${origin}/proposals/${row.label}`);
    await kiosk.tap('‹ 返回列表');
    await kiosk.tap('‹ 首頁');

    await kiosk.tap('自行車路網');
    let s = await kiosk.state();
    const mapUrl = (st) => `${origin}/map?lat=${st.map.lat.toFixed(5)}&lon=${st.map.lon.toFixed(5)}&zoom=${Math.round(st.map.zoom)}`;  // the nearest whole zoom
    await check('map', mapUrl(s));
    // Dragged elsewhere: the code follows.
    const [cx, cy] = centre(s.layout.content);
    await kiosk.drag([cx, cy], [cx - 300, cy - 200]);
    s = await kiosk.state();
    await check('map-dragged', mapUrl(s));

    await kiosk.tap('English');
    s = await kiosk.state();
    const back = new URL(mapUrl(s));
    await check('map-en', `${origin}/lang?to=en&back=${encodeURIComponent(back.pathname + back.search)}`);
    await kiosk.tap('‹ Home');
    await check('home-en', `${origin}/lang?to=en&back=%2F`);
    assert.deepEqual(kiosk.problems, []);
  } finally {
    await kiosk.close();
  }
});

test('portrait 1080×1920: the attract loop and the warning are laid out inside the screen', async () => {
  const width = 1080, height = 1920;
  const kiosk = await openKiosk(browser, server.url, { width, height, query: 'county=Taipei' });
  const inside = (r, what) => assert.ok(r[0] >= 0 && r[1] >= 0 && r[0] + r[2] <= width && r[1] + r[3] <= height && r[2] > 0 && r[3] > 0,
    `${what} ${r} inside ${width}×${height}`);
  try {
    let s = await kiosk.state();
    assert.equal(s.layout.portrait, true);
    assert.equal(s.phase, 'attract');
    const attract = await kiosk.screenshot(path.join(SCREENSHOTS, 'kiosk-attract-portrait.png'));
    assert.equal(attract.width, width);
    inside(s.layout.content, 'the highlight');
    assert.ok(share(attract, s.layout.content, KIOSK_TILE) > 0.6, 'the highlight fills the content');
    const pause = s.targets.find((t) => /暫停|Pause/.test(t.label));
    assert.ok(pause, 'the pause button');
    inside(pause.rect, 'the pause button');
    assert.ok(share(attract, pause.rect, KIOSK_TILE) > 0.5, 'the pause button is drawn');
    inside(s.layout.qr, 'the QR code');
    assert.equal(readQr(attract, s.layout.qr), s.handoff, 'the QR code reads in portrait');

    await kiosk.tapAt(...centre(s.layout.content));  // wakes it on Home
    await kiosk.tap('合作提案');
    assert.equal((await kiosk.state()).screen, 'proposals');
    await advance(kiosk, 55_000);
    s = await advance(kiosk, 6_000);
    assert.equal(s.phase, 'warning');
    const dialog = s.layout.dialog;
    inside(dialog, 'the dialog');
    const img = await kiosk.screenshot(path.join(SCREENSHOTS, 'kiosk-warning-portrait.png'));
    assert.ok(share(img, dialog, KIOSK_PANEL) > 0.6, 'the dialog is drawn where the layout puts it');
    // Nothing of the panel spills out of the dialog's rectangle: the rows just outside it are dimmed, not light.
    for (const edge of [[dialog[0], dialog[1] - 12, dialog[2], 6], [dialog[0], dialog[1] + dialog[3] + 6, dialog[2], 6]])
      assert.ok(share(img, edge, KIOSK_PANEL) < 0.05, `no panel at ${edge}`);
    await kiosk.tapAt(width / 2, height / 2);
    s = await kiosk.state();
    assert.equal(s.phase, 'active');
    assert.equal(s.screen, 'proposals');
    assert.deepEqual(kiosk.problems, []);
  } finally {
    await kiosk.close();
  }
});
