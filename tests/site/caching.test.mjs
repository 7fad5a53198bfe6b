// What the server does so that a page weighs little and a second view almost nothing: the
// build's hashed copies of scripts, styles and WebAssembly, kept a year and sent brotli- or
// gzip-compressed as the request's Accept-Encoding allows; public pages and API answers with
// an entity tag, and 304 Not Modified for a request that names it; private answers (staff,
// a participant's page, the event stream) with neither. Over real HTTP, with node:http so
// that nothing decodes or adds headers behind the test's back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { addAccount, freshStore, ROOT, staffClient, startServer } from '../support/server.mjs';

const EDITOR = { name: 'ty.cache', password: 'taoyuan-cache-pass-1', county: 'Taoyuan', agency: '桃園市政府研究發展考核委員會' };
let store, server;
before(async () => {
  store = freshStore('sqlite');
  addAccount(store.location, EDITOR);
  server = await startServer({ dbPath: store.location });
});
after(async () => { await server?.stop(); store?.cleanup(); });

// One request as sent: {status, headers, body (bytes as they came)}.
function raw(pathname, headers = {}, method = 'GET') {
  return new Promise((resolve, reject) => {
    const request = http.request(server.url + pathname, { method, headers }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

function decode(r) {
  const coding = r.headers['content-encoding'];
  if (coding === 'br') return zlib.brotliDecompressSync(r.body);
  if (coding === 'gzip') return zlib.gunzipSync(r.body);
  assert.equal(coding, undefined, 'an unknown coding');
  return r.body;
}

const manifests = ['build/native/assets', 'build/wasm/assets']
  .map((dir) => path.join(ROOT, dir, 'manifest.json'))
  .map((file) => JSON.parse(readFileSync(file, 'utf8')));
const assets = Object.assign({}, ...manifests);
const IMMUTABLE = 'public, max-age=31536000, immutable';

test('the manifests name every file the pages load, under a name holding its hash', () => {
  for (const logical of ['/static/css/portal.css', '/generated/css/parking.css', '/static/js/proposals.js',
    '/static/js/map.js', '/vendor/leaflet/leaflet.js', '/vendor/leaflet/leaflet.css', '/wasm/beitai_core.js',
    '/wasm/beitai_core.wasm', '/wasm/kiosk.js', '/wasm/kiosk.wasm', '/static/js/kiosk.js', '/static/css/kiosk.css']) {
    const hashed = assets[logical];
    assert.ok(hashed, logical + ' is in a manifest');
    const base = logical.replace(/\.[a-z]+$/, '');
    assert.match(hashed, new RegExp('^' + base.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') + '\\.[0-9a-f]{8}\\.[a-z]+$'), hashed);
  }
});

test('a hashed file: immutable, brotli or gzip as Accept-Encoding allows, the same bytes once decoded', async () => {
  for (const logical of ['/wasm/beitai_core.wasm', '/static/css/portal.css', '/vendor/leaflet/leaflet.js']) {
    const url = assets[logical];
    const plain = await raw(url);
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['cache-control'], IMMUTABLE);
    assert.equal(plain.headers['content-encoding'], undefined, 'no Accept-Encoding: the bytes themselves');
    assert.equal(plain.headers.vary, 'Accept-Encoding');
    assert.ok(plain.headers.etag);
    const original = readFileSync(path.join(ROOT, url.startsWith('/wasm/') ? 'build/wasm/assets' : 'build/native/assets', url));
    assert.ok(plain.body.equals(original), logical + ': the file as built');

    const cases = [
      ['br, gzip', 'br'], ['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip', 'gzip'],
      ['gzip;q=0.5, br;q=0.4', 'gzip'], ['*', 'br'], ['*;q=0, gzip', 'gzip'], ['identity', undefined],
      ['deflate', undefined], ['br;q=0, gzip;q=0', undefined], ['GZIP', 'gzip'], ['x-gzip', 'gzip'],
      ['gzip;q=nonsense', undefined], ['', undefined],
    ];
    const tags = new Set();
    for (const [accept, expected] of cases) {
      const r = await raw(url, { 'accept-encoding': accept });
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-encoding'], expected, `${logical} with Accept-Encoding "${accept}"`);
      assert.equal(r.headers['cache-control'], IMMUTABLE);
      assert.equal(r.headers.vary, 'Accept-Encoding');
      assert.ok(decode(r).equals(original), `${logical} with "${accept}": decodes to the file`);
      if (expected) assert.ok(r.body.length < original.length * 0.9, 'compressed is smaller');
      assert.equal(Number(r.headers['content-length']), r.body.length);
      tags.add(r.headers.etag + ' ' + (expected || 'identity'));
    }
    assert.equal(new Set([...tags].map((t) => t.split(' ')[0])).size, 3, 'one tag per coding: ' + [...tags].join(', '));
  }
});

test('the plain names still answer, revalidated, with a tag, and the same bytes', async () => {
  for (const logical of ['/wasm/beitai_core.wasm', '/static/css/portal.css', '/static/js/proposals.js']) {
    const r = await raw(logical, { 'accept-encoding': 'gzip' });
    assert.equal(r.status, 200, logical);
    assert.equal(r.headers['cache-control'], 'no-cache');
    assert.equal(r.headers['content-encoding'], 'gzip');
    const hashed = await raw(assets[logical]);
    assert.ok(decode(r).equals(hashed.body), logical + ': the same bytes as its hashed copy');
    const again = await raw(logical, { 'accept-encoding': 'gzip', 'if-none-match': r.headers.etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  }
});

test('a hashed name that is not in the manifest, or that climbs out, is a 404', async () => {
  const url = assets['/static/css/portal.css'];
  for (const bad of [url.replace(/\.[0-9a-f]{8}\./, '.00000000.'), url + '.br', url + '.gz',
    '/static/../build/native/assets/manifest.json', '/static/%2e%2e/CMakeLists.txt', '/wasm/..%2fweb%2fbeitai_core.js',
    '/static/css/..%2f..%2f..%2fREADME.md', '/static/.hidden', '/static//css/portal.css', '/static/css/portal.css%00.br']) {
    const r = await raw(bad);
    assert.ok(r.status === 404 || r.status === 400, `${bad}: ${r.status}`);
    assert.ok(!r.body.toString().includes('Beitai 北臺'), bad + ' leaks nothing');
  }
});

test('pages name the hashed files; /kiosk (a static page) is rewritten to name them too', async () => {
  for (const page of ['/proposals', '/map', '/raffle']) {
    const html = decode(await raw(page, { 'accept-encoding': 'gzip' })).toString();
    assert.ok(html.includes(`href="${assets['/static/css/portal.css']}"`), page + ' names the hashed portal.css');
    assert.ok(html.includes(`href="${assets['/generated/css/parking.css']}"`), page);
    const named = [...html.matchAll(/(?:href|src)="(\/(?:static|wasm|generated|vendor)\/[^"]+)"/g)].map((m) => m[1]);
    assert.ok(named.length >= 2, page);
    for (const url of named) assert.match(url, /\.[0-9a-f]{8}\.[a-z]+$/, page + ' names only hashed files');
  }
  const map = (await raw('/map')).body.toString();
  assert.ok(map.includes(`<script src="${assets['/wasm/beitai_core.js']}" defer>`));
  assert.ok(map.includes(`<link rel="preload" href="${assets['/wasm/beitai_core.wasm']}" as="fetch" crossorigin>`));
  const loader = decode(await raw(assets['/wasm/beitai_core.js'], { 'accept-encoding': 'br' })).toString();
  assert.ok(loader.includes(`"${path.basename(assets['/wasm/beitai_core.wasm'])}"`), 'the hashed loader fetches the hashed module');
  const proposals = (await raw('/proposals')).body.toString();
  assert.ok(!proposals.includes('<script src="' + assets['/wasm/beitai_core.js']), '/proposals does not load the core at once');
  assert.ok(proposals.includes(`<meta name="script:/wasm/beitai_core.js" content="${assets['/wasm/beitai_core.js']}">`));
  const kiosk = await raw('/kiosk');
  assert.equal(kiosk.headers['cache-control'], 'no-cache');
  for (const logical of ['/static/css/kiosk.css', '/wasm/kiosk.js', '/static/js/kiosk.js'])
    assert.ok(kiosk.body.toString().includes(`"${assets[logical]}"`), '/kiosk names ' + assets[logical]);
});

test('pages and API answers: an entity tag, 304 with no body for a matching If-None-Match (GET and HEAD)', async () => {
  for (const [pathname, type] of [['/proposals', /text\/html/], ['/proposals/111-01', /text\/html/], ['/api/proposals', /json/],
    ['/api/proposals/111-01', /json/], ['/api/basemap', /json/], ['/map', /text\/html/], ['/api/campaigns', /json/]]) {
    for (const accept of ['', 'gzip']) {
      const headers = accept ? { 'accept-encoding': accept } : {};
      const first = await raw(pathname, headers);
      assert.equal(first.status, 200, pathname);
      assert.match(first.headers['content-type'], type);
      const tag = first.headers.etag;
      assert.match(tag, /^"[0-9a-f]{32}(-gz)?"$/, pathname + ': a strong tag');
      if (!first.headers.vary && accept) continue;  // small: the same answer as without
      assert.equal(first.headers['content-encoding'], accept && first.headers.vary ? 'gzip' : undefined, pathname);
      // Compressed from 1 KiB on: below, nothing varies.
      const length = first.headers['content-encoding'] ? zlib.gunzipSync(first.body).length : first.body.length;
      assert.equal(first.headers.vary, length >= 1024 ? 'Accept-Encoding' : undefined, `${pathname}: ${length} B`);
      assert.match(first.headers['cache-control'], /no-cache/, pathname + ': kept, and asked about each time');
      // (/map too: its first view holds no live data, which its car parks' layer brings.)

      for (const inm of [tag, `W/${tag}`, `"nope", ${tag}`, `${tag},"other"`, '*', ` ${tag} `]) {
        for (const method of ['GET', 'HEAD']) {
          const again = await raw(pathname, { ...headers, 'if-none-match': inm }, method);
          assert.equal(again.status, 304, `${method} ${pathname} If-None-Match: ${inm}`);
          assert.equal(again.body.length, 0);
          assert.equal(again.headers.etag, tag);
          assert.equal(again.headers['content-length'], undefined, 'a 304 declares no length');
          assert.equal(again.headers['content-encoding'], undefined);
        }
      }
      for (const inm of ['"nope"', 'W/"nope"', tag.replace(/"$/, 'x"'), tag.slice(1, -1), 'garbage, ' + tag, '"unclosed']) {
        const full = await raw(pathname, { ...headers, 'if-none-match': inm });
        assert.equal(full.status, 200, `${pathname} If-None-Match: ${inm}`);
        assert.ok(full.body.length > 0);
      }
      // The tag of one coding does not stand for the other's bytes.
      if (!first.headers.vary) continue;
      const other = await raw(pathname, { ...(accept ? {} : { 'accept-encoding': 'gzip' }), 'if-none-match': tag });
      assert.equal(other.status, 200, pathname + ': a tag names one representation');
    }
  }
});

test('a gzip answer decodes to the same body as the plain one', async () => {
  for (const pathname of ['/proposals?year=112', '/api/proposals', '/api/basemap', '/api/snapshot', '/proposals.csv']) {
    const plain = await raw(pathname);
    const packed = await raw(pathname, { 'accept-encoding': 'br;q=1, gzip;q=0.8' });
    assert.equal(packed.headers['content-encoding'], 'gzip', pathname + ': only gzip is made on the fly');
    assert.ok(zlib.gunzipSync(packed.body).equals(plain.body), pathname);
    assert.ok(packed.body.length < plain.body.length / 2, `${pathname}: ${packed.body.length} of ${plain.body.length}`);
  }
  // Small answers are sent as they are.
  const small = await raw('/healthz', { 'accept-encoding': 'gzip' });
  assert.equal(small.headers['content-encoding'], undefined);
});

test('a different answer has a different tag: another query, another language, a staff edit', async () => {
  const tag = async (pathname, headers = {}) => (await raw(pathname, headers)).headers.etag;
  const all = await tag('/api/proposals');
  assert.notEqual(await tag('/api/proposals?year=111'), all);
  assert.equal(await tag('/api/proposals?status=open&year=112'), await tag('/api/proposals?year=112&status=open'), 'the same answer, the same tag');
  assert.notEqual(await tag('/proposals', { cookie: 'lang=en' }), await tag('/proposals'));

  const page = await tag('/proposals/111-11');
  const api = await tag('/api/proposals/111-11');
  const snapshot = await tag('/api/snapshot');
  const ty = await staffClient(server.url, EDITOR.name, EDITOR.password);
  const current = JSON.parse((await raw('/api/proposals/111-11')).body);
  const r = await ty.post('/api/staff/proposals/111-11/progress', { version: current.version, text: '快取測試的進度' });
  assert.equal(r.status, 200, r.text);
  for (const [pathname, before] of [['/proposals/111-11', page], ['/api/proposals/111-11', api], ['/api/snapshot', snapshot]]) {
    const after = await raw(pathname, { 'if-none-match': before });
    assert.equal(after.status, 200, pathname + ': changed, so sent whole');
    assert.notEqual(after.headers.etag, before);
    assert.ok(after.body.toString().includes('快取測試的進度'), pathname);
  }
});

test('private answers: no tag, no 304, no compression (staff pages, a participant\'s page, the event stream)', async () => {
  const ty = await staffClient(server.url, EDITOR.name, EDITOR.password);
  const cookie = { cookie: ty.cookie, 'accept-encoding': 'gzip, br' };
  for (const pathname of ['/staff', '/staff/proposals/111-11', '/api/staff/session', '/raffle/2026-demo']) {
    const r = await raw(pathname, cookie);
    assert.ok(r.status === 200 || r.status === 404, `${pathname}: ${r.status}`);
    assert.equal(r.headers['cache-control'], 'no-store', pathname);
    assert.equal(r.headers.etag, undefined, pathname);
    assert.equal(r.headers['content-encoding'], undefined, pathname + ': not compressed (BREACH)');
    const again = await raw(pathname, { ...cookie, 'if-none-match': '*' });
    assert.notEqual(again.status, 304, pathname);
  }
  // The event stream: its headers, then it stays open; no tag, no coding.
  const stream = await new Promise((resolve, reject) => {
    const request = http.get(server.url + '/api/parking/stream', { headers: { 'accept-encoding': 'gzip', 'if-none-match': '*' } }, (response) => {
      resolve({ status: response.statusCode, headers: response.headers });
      request.destroy();
    });
    request.on('error', (e) => (e.code === 'ECONNRESET' ? null : reject(e)));
  });
  assert.equal(stream.status, 200);
  assert.match(stream.headers['content-type'], /event-stream/);
  assert.equal(stream.headers.etag, undefined);
  assert.equal(stream.headers['content-encoding'], undefined);
});

test('the Content-Security-Policy allows what the pages load, and a POST is never a 304', async () => {
  const r = await raw(assets['/wasm/beitai_core.js']);
  const csp = r.headers['content-security-policy'];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  const post = await raw('/api/proposals', { 'if-none-match': '*' }, 'POST');
  assert.equal(post.status, 405);
});
