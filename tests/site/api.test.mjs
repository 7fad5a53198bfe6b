// The server over real HTTP: the API's answers, its errors, and its headers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startServer, ROOT } from '../support/server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

async function get(pathAndQuery, init) {
  const r = await fetch(server.url + pathAndQuery, init);
  const text = await r.text();
  let json;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, headers: r.headers, text, json };
}

// The content files, read independently of the server, to compare against.
const content = ['111', '112'].flatMap((y) =>
  JSON.parse(readFileSync(path.join(ROOT, 'content/proposals', `${y}.json`), 'utf8')));

test('healthz answers ok', async () => {
  const r = await get('/healthz');
  assert.equal(r.status, 200);
  assert.deepEqual(r.json, { status: 'ok' });
});

test('counties: the eight TDX ids with names and seats', async () => {
  const r = await get('/api/counties');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /application\/json/);
  assert.deepEqual(r.json.map((c) => c.id),
    ['YilanCounty', 'Keelung', 'Taipei', 'NewTaipei', 'Taoyuan', 'HsinchuCounty', 'Hsinchu', 'MiaoliCounty']);
  const taipei = r.json.find((c) => c.id === 'Taipei');
  assert.equal(taipei.name_zh, '臺北市');
  assert.equal(taipei.name_en, 'Taipei City');
  assert.ok(taipei.seat.lat > 24.9 && taipei.seat.lat < 25.2 && taipei.seat.lon > 121.4 && taipei.seat.lon < 121.7);
});

test("proposals: the seed's totals come back from the API", async () => {
  const all = await get('/api/proposals');
  assert.equal(all.status, 200);
  assert.equal(all.json.total, 55);
  assert.equal(all.json.items.length, 55);
  const y111 = await get('/api/proposals?year=111');
  assert.equal(y111.json.total, 13);
  assert.equal((await get('/api/proposals?year=111&status=closed')).json.total, 12);
  assert.equal((await get('/api/proposals?year=111&status=open')).json.total, 1);
  const y112 = await get('/api/proposals?year=112');
  assert.equal(y112.json.total, 42);
  assert.equal(y112.json.items.filter((p) => p.asks_central).length, 8);
  assert.equal(y112.json.items.filter((p) => !p.asks_central).length, 34);
  for (const p of y112.json.items.filter((p) => p.asks_central)) assert.ok(p.ministry, p.id);
});

test('proposals: every summary field has the documented shape', async () => {
  const { json } = await get('/api/proposals?year=112');
  for (const p of json.items) {
    assert.deepEqual(Object.keys(p).sort(), ['agency', 'asks_central', 'counties', 'county', 'group', 'id', 'ministry',
      'status', 'subgroup', 'title', 'types', 'year']);
    assert.equal(p.year, 112);
    assert.ok(['open', 'closed'].includes(p.status));
    assert.ok(Array.isArray(p.counties) && Array.isArray(p.types));
  }
});

test('proposals: filters by county, group and status agree with the content files', async () => {
  // Newest year first, then the record's order (the default sort).
  const byYear = (a, b) => b.year - a.year;
  const byCounty = await get('/api/proposals?county=HsinchuCounty');
  const expected = content.filter((p) => p.county === 'HsinchuCounty').sort(byYear).map((p) => p.id);
  assert.deepEqual(byCounty.json.items.map((p) => p.id), expected);
  assert.ok(expected.length > 0);

  const group = encodeURIComponent('交通運輸組');
  const transport = await get(`/api/proposals?group=${group}&status=open`);
  assert.deepEqual(transport.json.items.map((p) => p.id),
    content.filter((p) => p.group === '交通運輸組' && p.status === 'open').sort(byYear).map((p) => p.id));
});

test('proposals: Chinese text search, percent-encoded or with + for spaces', async () => {
  const bike = await get('/api/proposals?q=' + encodeURIComponent('自行車'));
  assert.ok(bike.json.items.some((p) => p.title.includes('自行車道路網')));
  for (const p of bike.json.items) assert.ok(JSON.stringify(content.find((c) => c.id === p.id)).includes('自行車'));
  const english = await get('/api/proposals?q=Get+Out');
  assert.equal(english.json.total, 1);
  assert.equal((await get('/api/proposals?q=' + encodeURIComponent('沒有這種提案'))).json.total, 0);
});

test('proposals: unknown values and parameters are 400 with a message', async () => {
  const cases = [
    ['status=opne', /status: expected "open" or "closed", found "opne"/],
    ['year=abc', /year: expected an ROC year/],
    ['county=Tainan', /county: unknown county id "Tainan"/],
    ['group=' + encodeURIComponent('外交組'), /group: unknown issue group "外交組"/],
    ['sort=title', /sort: expected year, group or updated/],
    ['colour=red', /unknown parameter "colour"/],
  ];
  for (const [query, message] of cases) {
    const r = await get('/api/proposals?' + query);
    assert.equal(r.status, 400, query);
    assert.match(r.json.error, message);
  }
  const badEscape = await get('/api/proposals?q=%E8%8');
  assert.equal(badEscape.status, 400);
});

test('one proposal: the whole item, its progress log and status history', async () => {
  const r = await get('/api/proposals/111-01');
  assert.equal(r.status, 200);
  const source = content.find((p) => p.id === '111-01');
  assert.equal(r.json.title, source.title);
  assert.equal(r.json.status, 'closed');
  assert.deepEqual(r.json.progress, source.progress);
  assert.equal(r.json.closure.kind, source.closure.kind);
  assert.equal(r.json.status_history.length, 1);
  assert.equal(r.json.status_history[0].to, 'closed');
  assert.equal(r.json.status_history[0].date, source.closure.date);
  assert.equal(r.json.status_history[0].agency, source.agency);
  assert.equal(r.json.status_history[0].kind, source.closure.kind);
  assert.equal(r.json.version, 1);

  const sheet = await get('/api/proposals/112-09');
  assert.ok(sheet.json.sheet.description.startsWith('北管及客家八音'));
  assert.equal((await get('/api/proposals/111-13')).json.status_history.length, 0);
});

test('unknown proposal ids and paths are 404 with a JSON error', async () => {
  for (const p of ['/api/proposals/999-99', '/api/proposals/' + encodeURIComponent('<x>'), '/api/nothing']) {
    const r = await get(p);
    assert.equal(r.status, 404, p);
    assert.ok(r.json && typeof r.json.error === 'string', p);
  }
});

test('every response carries the security headers', async () => {
  for (const p of ['/', '/api/counties', '/api/proposals/none', '/wasm/beitai_core.js']) {
    const r = await get(p);
    const csp = r.headers.get('content-security-policy');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/, p);
    assert.match(csp, /object-src 'none'/, p);
    assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/, p);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', p);
  }
});

test('pages and the WASM build are served with their types; nothing outside the mounts', async () => {
  const page = await get('/');
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /text\/html/);
  assert.match(page.text, /合作提案追蹤/);
  assert.equal((await get('/kiosk')).status, 200);
  const wasm = await fetch(server.url + '/wasm/beitai_core.wasm');
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  const bytes = new Uint8Array(await wasm.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 4)], [0, 0x61, 0x73, 0x6d]);  // "\0asm"
  for (const p of ['/static/../content/counties.json', '/static/%2e%2e/content/counties.json',
    '/static/.hidden', '/wasm/../../portal.sh', '/vendor/leaflet/../../../package.json']) {
    const r = await get(p);
    assert.equal(r.status, 404, p);
  }
});

test('the core\'s colours are served as CSS the build wrote, and every page links them', async () => {
  const css = await get('/generated/css/parking.css');
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type'), /text\/css/);
  assert.match(css.text, /\.parking-level\.level-plenty \{ color: #[0-9A-Fa-f]{6}; \}/);
  assert.match(css.text, /\.feed-stale, \.feed-never \{ color: /);
  // Under its hashed name (tests/site/caching.test.mjs), the same bytes.
  const linked = (await get('/map')).text.match(/<link rel="stylesheet" href="(\/generated\/css\/parking\.[0-9a-f]{8}\.css)">/);
  assert.ok(linked);
  assert.equal((await get(linked[1])).text, css.text);
  assert.equal((await get('/generated/../web/css/portal.css')).status, 404);
});

test('writes are not allowed here yet: 405 with Allow', async () => {
  const r = await get('/api/proposals', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
  assert.equal(r.status, 405);
  assert.equal(r.headers.get('allow'), 'GET, HEAD');
});

test('a body over 1 MiB is refused with 413, and the client receives the answer', async () => {
  // The server reads and discards the rest of the body before closing, so the 413 is not
  // lost to a connection reset: every one of these must arrive.
  for (let i = 0; i < 20; i++) {
    const r = await get('/api/proposals', { method: 'POST', body: 'x'.repeat(1024 * 1024 + 10) });
    assert.equal(r.status, 413);
    assert.match(r.json.error, /larger than 1048576 bytes/);
  }
  const after = await get('/healthz');
  assert.equal(after.status, 200);
});

test('a malformed HTTP request gets 400 and the server keeps serving', async () => {
  const url = new URL(server.url);
  const answer = await new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => socket.write('GARBAGE \x01\x02 HTTP/9.9\r\n\r\n'));
    let data = '';
    socket.on('data', (d) => { data += d; });
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
    setTimeout(() => { socket.destroy(); resolve(data); }, 3000);
  });
  assert.match(answer, /^HTTP\/1\.1 400/);
  assert.equal((await get('/healthz')).status, 200);
});
