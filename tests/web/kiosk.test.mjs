// The kiosk in a real browser as a lobby visitor meets it: a touch screen on a stand, in
// landscape 1920×1080 and portrait 1080×1920. Dear ImGui draws every screen on a WebGL2
// canvas; the tests tap what is labelled (with touch events, not mouse clicks), look at the
// pixels where the layout puts things (a blank or garbled canvas fails), and compare the
// figures with the APIs the pages use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer } from '../support/server.mjs';
import { launchBrowser, SCREENSHOTS } from '../support/browser.mjs';
import { KIOSK_BACKGROUND, KIOSK_PANEL, KIOSK_TILE, centre, lightSpan, openKiosk, share, worldPixel } from '../support/kiosk.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const api = async (p) => (await fetch(server.url + p)).json();
const SUBJECTS = [['map', '自行車路網'], ['campaign', '綠色旅遊打卡'], ['parking', '附近停車'], ['proposals', '合作提案']];

for (const [name, width, height] of [['landscape', 1920, 1080], ['portrait', 1080, 1920]]) {
  test(`${name} ${width}×${height}: Home's tiles fill the screen, in Chinese, with live figures; each tap opens its screen`, async () => {
    const kiosk = await openKiosk(browser, server.url, { width, height });
    try {
      const state = await kiosk.state();
      assert.equal(state.screen, 'home');
      assert.equal(state.phase, 'active');
      assert.equal(state.layout.portrait, name === 'portrait');
      assert.equal(state.layout.tiles.length, 4);
      // Portrait: one column of four; landscape: two rows of two. Either way the tiles take
      // most of the screen (the stub left two thirds of a portrait screen empty).
      const xs = new Set(state.layout.tiles.map((t) => Math.round(t[0])));
      assert.equal(xs.size, name === 'portrait' ? 1 : 2);
      const tileArea = state.layout.tiles.reduce((a, t) => a + t[2] * t[3], 0);
      assert.ok(tileArea / (width * height) > 0.5, `tiles cover ${(100 * tileArea / (width * height)).toFixed(0)}%`);
      // Touch targets and text at least as large as a lobby needs.
      for (const t of state.targets) assert.ok(Math.min(t.rect[2], t.rect[3]) >= 48, `${t.label}: ${t.rect}`);
      assert.ok(state.layout.body_px >= 24 && state.layout.small_px >= 24);

      // The figures are the APIs' own numbers.
      const snapshot = await api('/api/snapshot');
      const open = snapshot.records.filter((r) => r.status === 'open').length;
      const tile = (screen) => state.tiles.find((t) => t.screen === screen);
      assert.equal(tile('proposals').value, open);
      assert.equal(tile('proposals').figure, `${open} 件列管中`);
      assert.match(tile('campaign').figure, /^剩 \d+ 天$|^今天截止$|^\d+ 天後開始$|^明天開始$/);
      assert.match(tile('parking').figure, /^\d+ 處有空位$|^—$/);

      const img = await kiosk.screenshot(path.join(SCREENSHOTS, `kiosk-home-${name}.png`));
      assert.equal(img.width, width);
      for (const t of state.layout.tiles) assert.ok(share(img, t, KIOSK_TILE) > 0.6, `tile ${t} is drawn`);
      // The title, 北臺區域發展推動委員會: eleven glyphs of the 48 px font (about 528 px).
      const header = state.layout.header;
      const [tx, ty, tw, th] = state.layout.title;  // on Home the title also takes the Home button's room
      const title = lightSpan(img, [state.layout.home[0], ty, tx + tw - state.layout.home[0], th]);
      assert.ok(title.width > 420, `the title spans ${title.width} px`);
      // Each tile's title in Chinese, as wide as its glyphs.
      for (const [i, [, zh]] of SUBJECTS.entries()) {
        const [x, y, w] = state.layout.tiles[i];
        const span = lightSpan(img, [x, y + 20, w, 80]);
        assert.ok(span.width > zh.length * 36, `tile ${zh} spans ${span.width} px`);
      }

      for (const [screen, zh] of SUBJECTS) {
        await kiosk.tap(zh);
        const on = await kiosk.state();
        assert.equal(on.screen, screen, `a tap on ${zh}`);
        const shot = await kiosk.screenshot(path.join(SCREENSHOTS, `kiosk-${screen}-${name}.png`));
        // The screen's title in the header, in Chinese; the content is not the bare background.
        const heading = lightSpan(shot, on.layout.title);
        assert.ok(heading.width > 150, `${screen}: its title spans ${heading.width} px`);
        assert.ok(share(shot, on.layout.content, KIOSK_BACKGROUND, 4) < 0.9, `${screen}: the content is drawn`);
        await kiosk.tap('‹ 首頁');
        assert.equal((await kiosk.state()).screen, 'home');
      }
      assert.deepEqual(kiosk.problems, []);
    } finally {
      await kiosk.close();
    }
  });
}

test('the map: a finger drags it, two pinch it, the buttons zoom, a tap on a site opens its card', async () => {
  const kiosk = await openKiosk(browser, server.url);
  try {
    await kiosk.tap('自行車路網');
    let s = await kiosk.state();
    assert.equal(s.screen, 'map');
    const map = s.layout.content;
    const [cx, cy] = centre(map);

    // Drag right: the map follows the finger, so the centre moves west.
    await kiosk.drag([cx, cy], [cx + 300, cy + 100]);
    let after = await kiosk.state();
    assert.ok(after.map.lon < s.map.lon - 0.01, `lon ${s.map.lon} → ${after.map.lon}`);
    assert.ok(after.map.lat > s.map.lat, `lat ${s.map.lat} → ${after.map.lat}`);
    assert.equal(after.map.feature, '', 'a drag opens nothing');

    // Two fingers apart: closer in. The buttons: one step each.
    await kiosk.pinch([cx, cy], 100, 300);
    s = after;
    after = await kiosk.state();
    assert.ok(after.map.zoom > s.map.zoom + 1, `pinch: zoom ${s.map.zoom} → ${after.map.zoom}`);
    await kiosk.tap('−');
    const out = await kiosk.state();
    assert.ok(Math.abs(out.map.zoom - (after.map.zoom - 1)) < 1e-6, `− : ${after.map.zoom} → ${out.map.zoom}`);
    await kiosk.tap('回到本站');
    s = await kiosk.state();
    assert.ok(Math.abs(s.map.lat - 25.0375) < 1e-3 && Math.abs(s.map.lon - 121.5637) < 1e-3, 'back to the lobby');

    // A site alone on the screen (no other within 60 px), tapped where it is drawn.
    const sites = (await api('/api/sites')).sites;
    const [ox, oy] = worldPixel(s.map.lat, s.map.lon, s.map.zoom);
    const onScreen = sites.map((site) => {
      const [px, py] = worldPixel(site.lat, site.lon, s.map.zoom);
      return { site, x: map[0] + map[2] / 2 + (px - ox), y: map[1] + map[3] / 2 + (py - oy) };
    }).filter((p) => p.x > map[0] + 60 && p.x < map[0] + map[2] * 0.6 && p.y > map[1] + 60 && p.y < map[1] + map[3] - 60);
    const alone = onScreen.find((p) => onScreen.every((q) => q === p || Math.hypot(q.x - p.x, q.y - p.y) > 60));
    assert.ok(alone, 'a site to tap');
    await kiosk.tapAt(alone.x, alone.y);
    s = await kiosk.state();
    assert.equal(s.map.feature, alone.site.id, `tapped ${alone.site.name}`);
    assert.match(s.handoff, /\/map\?lat=/);
    const img = await kiosk.screenshot(path.join(SCREENSHOTS, 'kiosk-map-card.png'));
    // The card: a light panel at the right with the site's name in dark text.
    const card = [map[0] + map[2] * 0.7, map[1] + map[3] * 0.3, map[2] * 0.28, map[3] * 0.6];
    assert.ok(share(img, card, KIOSK_PANEL) > 0.7, 'the card is open');
    await kiosk.tap('關閉');
    assert.equal((await kiosk.state()).map.feature, '');
    assert.deepEqual(kiosk.problems, []);
  } finally {
    await kiosk.close();
  }
});

test('proposals: the toggles filter as /proposals does, a tap opens one, the hand-off follows', async () => {
  const kiosk = await openKiosk(browser, server.url);
  try {
    await kiosk.tap('合作提案');
    await kiosk.tap('列管');
    await kiosk.tap('臺北市');
    const s = await kiosk.state();
    assert.deepEqual(s.filters, { county: 'Taipei', group: '', status: 'open' });
    const expected = (await api('/api/proposals?county=Taipei&status=open'));
    const ids = expected.items.map((p) => p.id);
    const rows = s.targets.filter((t) => /^\d{3}-\d{2}$/.test(t.label)).map((t) => t.label);
    assert.ok(ids.length > 0);
    assert.deepEqual(rows, ids.slice(0, rows.length), 'the rows shown are the API\'s, in its order');
    assert.match(s.handoff, /\/proposals\?/);
    assert.match(s.handoff, /county=Taipei/);

    await kiosk.tap(rows[0]);
    const detail = await kiosk.state();
    assert.equal(detail.proposal, rows[0]);
    assert.ok(detail.handoff.endsWith('/proposals/' + rows[0]));
    await kiosk.screenshot(path.join(SCREENSHOTS, 'kiosk-proposal-detail.png'));
    await kiosk.tap('‹ 返回列表');
    assert.equal((await kiosk.state()).proposal, '');
  } finally {
    await kiosk.close();
  }
});

// The page's own words around the canvas — its title, the canvas's name, the live region —
// as the page shows them and as the core gives them for the visit's language now.
const pageWords = (kiosk) => kiosk.page.evaluate(() => ({
  lang: document.documentElement.lang, title: document.title,
  label: document.getElementById('canvas').getAttribute('aria-label'),
  status: document.getElementById('kiosk-status').textContent,
  core: JSON.parse(window.beitaiKiosk.pageWordsJson()),
}));
function assertWords(w, lang) {
  assert.deepEqual({ lang: w.lang, title: w.title, canvas_label: w.label, status: w.status }, w.core);
  const said = [w.title, w.label, w.status].join(' ');
  if (lang === 'en') assert.doesNotMatch(said, /[\u3000-\u9fff\uff00-\uffef]/, said);
  else assert.doesNotMatch(said, /[A-Za-z]/, said);
}

test('English on every screen: the toggle switches the visit, Home names the subjects in English', async () => {
  const kiosk = await openKiosk(browser, server.url);
  try {
    // The static page's words before the WASM runs are the core's zh-TW ones.
    const raw = await (await fetch(server.url + '/kiosk')).text();
    let w = await pageWords(kiosk);
    assertWords(w, 'zh-TW');
    assert.equal(w.lang, 'zh-Hant-TW');
    assert.equal(raw.match(/<title>([^<]*)<\/title>/)[1], w.core.title);
    assert.equal(raw.match(/<canvas[^>]* aria-label="([^"]*)"/)[1], w.core.canvas_label);
    await kiosk.tap('English');
    await kiosk.page.waitForFunction(() => document.documentElement.lang === 'en');
    w = await pageWords(kiosk);
    assertWords(w, 'en');
    assert.equal(w.status, 'Data up to date');
    let s = await kiosk.state();
    assert.equal(s.lang, 'en');
    assert.ok(s.targets.some((t) => t.label === 'Cooperation proposals'));
    assert.ok(s.targets.some((t) => t.label === '中文'));
    assert.match(s.handoff, /\/lang\?to=en&back=%2F$/);
    await kiosk.screenshot(path.join(SCREENSHOTS, 'kiosk-home-en.png'));
    for (const title of ['Bike routes', 'Green tourism check-in', 'Parking nearby', 'Cooperation proposals']) {
      await kiosk.tap(title);
      s = await kiosk.state();
      assert.equal(s.lang, 'en');
      assert.ok(s.targets.some((t) => t.label === '‹ Home'), `${title}: the Home button in English`);
      await kiosk.screenshot(path.join(SCREENSHOTS, `kiosk-${s.screen}-en.png`));
      await kiosk.tap('‹ Home');
    }
    await kiosk.tap('中文');
    assert.equal((await kiosk.state()).lang, 'zh-TW');
    await kiosk.page.waitForFunction(() => document.documentElement.lang === 'zh-Hant-TW');
    assertWords(await pageWords(kiosk), 'zh-TW');
  } finally {
    await kiosk.close();
  }
});

test('an idle frame allocates nothing on any screen; 12 simulated hours of visits leave the heap as it was', async () => {
  const kiosk = await openKiosk(browser, server.url, { query: 'county=Taipei' });
  try {
    const result = await kiosk.page.evaluate(() => {
      const k = window.beitaiKiosk;
      k.freezeClock(true);  // no second passes but the ones the test makes
      const st = () => JSON.parse(k.stateJson());
      const tapAt = (r) => { k.simulateTouch(r[0] + r[2] / 2, r[1] + r[3] / 2); k.simulateFrames(6, 50); };
      const idle = () => { k.simulateFrames(5, 0); const a = k.allocations(); k.simulateFrames(300, 0); return k.allocations() - a; };
      const out = { idle: {} };
      tapAt(st().layout.content);  // wake it from the attract loop
      out.idle.home = idle();
      for (let i = 0; i < 4; i++) {
        tapAt(st().layout.tiles[i]);
        const s = st();
        out.idle[s.screen] = idle();
        if (s.screen === 'proposals') {  // and a proposal's detail
          const row = s.targets.find((t) => /^\d{3}-\d{2}$/.test(t.label));
          tapAt(row.rect);
          out.idle.detail = st().proposal ? idle() : 'no detail';
          tapAt(st().targets.find((t) => t.label === '‹ 返回列表').rect);
        }
        tapAt(st().layout.home);
      }

      // A visitor every ten minutes touring the four screens; between them the idle reset and
      // the attract loop. 10,800 frames of 4 s = 12 hours.
      const tour = () => {
        for (let i = 0; i < 4; i++) {
          tapAt(st().layout.content);
          tapAt(st().layout.tiles[i]);
          k.simulateFrames(20, 100);
          tapAt(st().layout.home);
        }
      };
      tour();
      k.simulateFrames(150, 4000);
      out.before = k.heapInUse();
      for (let visit = 0; visit < 72; visit++) { tour(); k.simulateFrames(150, 4000); }
      out.after = k.heapInUse();
      out.phase = st().phase;
      k.freezeClock(false);
      return out;
    });
    assert.deepEqual(result.idle, { home: 0, map: 0, campaign: 0, parking: 0, proposals: 0, detail: 0 },
      'allocations in 300 idle frames on each screen');
    console.log(`# heap in use before ${result.before} B, after 12 simulated hours ${result.after} B`);
    assert.ok(result.after - result.before < 64 * 1024, `the heap grew by ${result.after - result.before} B`);
    assert.equal(result.phase, 'attract', 'left alone, it is back in the attract loop');
  } finally {
    await kiosk.close();
  }
});

test('bad data and a bad address: each refused with a message naming it, the last good data kept', async () => {
  const kiosk = await openKiosk(browser, server.url, { query: 'county=Taipai&idle=5&orientation=sideways&attract=off' });
  try {
    const s = await kiosk.state();
    // The address: every bad value named with what was used instead; the kiosk still starts.
    assert.ok(s.problems.some((p) => /county=Taipai/.test(p)), s.problems.join(' | '));
    assert.ok(s.problems.some((p) => /idle=5/.test(p) && /90/.test(p)), s.problems.join(' | '));
    assert.ok(s.problems.some((p) => /orientation=sideways/.test(p)), s.problems.join(' | '));
    assert.equal(s.phase, 'active');
    const open = s.tiles.find((t) => t.screen === 'proposals').value;
    assert.ok(open > 0);

    const answers = await kiosk.page.evaluate(() => {
      const k = window.beitaiKiosk;
      return {
        notJson: k.loadData('snapshot', '{"records": [', Date.now() / 1000),
        wrongShape: k.loadData('snapshot', '{"records": 5}', Date.now() / 1000),
        unknownPart: k.loadData('weather', '{}', Date.now() / 1000),
        campaignsNotArray: k.loadData('campaigns', '{"id": "x"}', Date.now() / 1000),
        badEvent: k.applyParkingEvent('{"changed": "nope"}'),
        confirmUnknown: k.confirmData('weather', 0),
      };
    });
    assert.match(answers.notJson, /snapshot/);
    assert.match(answers.wrongShape, /snapshot/);
    assert.match(answers.unknownPart, /unknown data part "weather"/);
    assert.match(answers.campaignsNotArray, /campaigns: expected an array/);
    assert.match(answers.badEvent, /parking event/);
    assert.match(answers.confirmUnknown, /weather/);
    await kiosk.frames(3);
    const after = await kiosk.state();
    assert.equal(after.tiles.find((t) => t.screen === 'proposals').value, open, 'the last good proposals stay');
    assert.ok(after.tiles.find((t) => t.screen === 'campaign').figure !== '—', 'the last good campaigns stay');
  } finally {
    await kiosk.close();
  }
});
