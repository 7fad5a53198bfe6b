// Issue 15's edges of HTTP, over real sockets: a transfer coding we cannot decode is refused
// (never read as "no body"), a long request target is a 414 and long header fields a 431,
// numbers in a query are plain decimals (NaN, infinity and hexadecimal are 400s), an address
// with nothing behind it is a 404 whatever the method, and HSTS is sent on every answer behind
// TLS (--secure-cookies yes) and never otherwise. No store is involved: SQLite alone.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer } from '../support/server.mjs';

// Raw text over a socket, for requests fetch cannot shape: the status and the whole answer.
function rawHttp(base, text) {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    let data = '';
    const socket = net.connect(Number(url.port), url.hostname, () => socket.write(text));
    socket.setEncoding('latin1');
    socket.on('data', (d) => { data += d; });
    socket.on('error', (e) => (data ? resolve(parse(data)) : reject(e)));
    socket.on('close', () => resolve(parse(data)));
    socket.setTimeout(10000, () => socket.destroy());
  });
  function parse(data) {
    const m = data.match(/^HTTP\/1\.1 (\d{3})/);
    return { status: m ? Number(m[1]) : 0, text: data };
  }
}

const post = (pathname, headers, body) =>
  `POST ${pathname} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${headers}\r\n${body}`;

async function get(base, pathname, init = {}) {
  const res = await fetch(base + pathname, { redirect: 'manual', ...init });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, text, json };
}

describe('HTTP edges', () => {
  let server;
  before(async () => { server = await startServer(); });  // with the simulator's feeds: /api/parking answers
  after(async () => { await server?.stop(); });

  it('a transfer coding other than chunked, or chunked not last, is refused and the connection closed', async () => {
    const body = '{"name":"x","password":"y"}';
    const chunked = `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    for (const [coding, status] of [['xchunked', 400], ['chunked, identity', 400], ['identity', 400], ['gzip', 400],
      ['gzip, chunked', 501], ['chunked, chunked', 400], ['CHUNKED;q=1', 400]]) {
      const r = await rawHttp(server.url, post('/api/staff/sign-in', `Transfer-Encoding: ${coding}\r\n`, chunked));
      assert.equal(r.status, status, `${coding}: ${r.text.slice(0, 200)}`);
      assert.match(r.text, /Connection: close/i, coding);
      // The body was never taken for a second request on the same connection.
      assert.equal(r.text.match(/^HTTP\/1\.1/gm).length, 1, coding);
    }
    // Two header lines make one list: "chunked" then "gzip" leaves gzip last.
    const split = await rawHttp(server.url, post('/api/staff/sign-in', 'Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n', chunked));
    assert.equal(split.status, 400);
    // Plain chunked (any case) is still read: the sign-in itself answers, refusing the password.
    for (const coding of ['chunked', 'Chunked']) {
      const ok = await rawHttp(server.url, post('/api/staff/sign-in', `Transfer-Encoding: ${coding}\r\nConnection: close\r\n`, chunked));
      assert.equal(ok.status, 401, ok.text.slice(0, 300));
    }
    const old = await rawHttp(server.url, `POST /api/staff/sign-in HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n${chunked}`);
    assert.equal(old.status, 400);
  });

  it('a request target too long is 414, header fields too long 431; a long one that fits is read', async () => {
    const long = await get(server.url, '/proposals?q=' + 'a'.repeat(100 * 1024));
    assert.equal(long.status, 414);
    assert.match(long.json.error, /request target too long/);
    const tenK = await get(server.url, '/proposals?q=' + 'a'.repeat(10 * 1024));
    assert.equal(tenK.status, 414, 'over 8 KB of target');
    const header = await get(server.url, '/proposals', { headers: { 'x-big': 'a'.repeat(20 * 1024) } });
    assert.equal(header.status, 431);
    const fits = await get(server.url, '/healthz?pad=' + 'a'.repeat(8 * 1024 - '/healthz?pad='.length));
    assert.equal(fits.status, 200, 'a target of 8 KB exactly is read');
  });

  it('numbers in a query are plain decimals: NaN, infinity, hexadecimal and junk are 400', async () => {
    assert.equal((await get(server.url, '/api/parking/near?lat=25.04&lon=121.51&within_m=3000')).status, 200);
    for (const query of ['lat=25.04&lon=121.51&within_m=NaN', 'lat=25.04&lon=121.51&within_m=nan', 'lat=25.04&lon=121.51&within_m=inf',
      'lat=0x19&lon=121.51', 'lat=25.04&lon=0x79.8', 'lat=25.04 &lon=121.51', 'lat=25.04&lon=121.51km', 'lat=25.04&lon=121.51&n=0x5',
      'lat=1e999&lon=121.51']) {
      const r = await get(server.url, '/api/parking/near?' + query.replaceAll(' ', '%20'));
      assert.equal(r.status, 400, query);
    }
    for (const pathname of ['/api/parking?bbox=0x79,24,122,25.5', '/api/parking?bbox=121,24,122,NaN', '/map.svg?bbox=121,24,122,0x19',
      '/api/bikenet/route?from=0x19,121.5&to=25.05,121.55', '/api/bikenet/route?from=25.04,121.5&to=NaN,121.55',
      '/raffle/2026-demo/nearby?lat=0x19&lon=121.5']) {
      const r = await get(server.url, pathname);
      assert.ok(r.status === 400, `${pathname}: ${r.status}`);
    }
  });

  it('an address with nothing behind it is 404 whatever the method; one that is there says which methods it takes', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      for (const pathname of ['/API/proposals', '/api/nothing', '/proposals/999-99', '/api/proposals/999-99', '/static/none.css',
        '/raffle/no-such-campaign', '/api/campaigns/none/stats']) {
        const r = await get(server.url, pathname, { method });
        assert.equal(r.status, 404, `${method} ${pathname}`);
      }
      for (const pathname of ['/proposals', '/proposals/112-01', '/api/proposals/112-01', '/healthz']) {
        const r = await get(server.url, pathname, { method });
        assert.equal(r.status, 405, `${method} ${pathname}`);
        assert.equal(r.headers.get('allow'), 'GET, HEAD', `${method} ${pathname}`);
      }
    }
  });

  it('no HSTS without --secure-cookies yes', async () => {
    for (const pathname of ['/', '/nothing', '/api/proposals'])
      assert.equal((await get(server.url, pathname)).headers.get('strict-transport-security'), null, pathname);
  });
});

describe('HSTS behind TLS (--secure-cookies yes)', () => {
  let server;
  before(async () => { server = await startServer({ extraArgs: ['--secure-cookies', 'yes', '--feeds', 'none'] }); });
  after(async () => { await server?.stop(); });

  it('every answer, pages, API, errors and redirects alike, says to come back over TLS for a year', async () => {
    const answers = [
      await get(server.url, '/'), await get(server.url, '/proposals.atom'), await get(server.url, '/api/proposals'),
      await get(server.url, '/nothing'), await get(server.url, '/proposals', { method: 'POST' }),
      await get(server.url, '/lang?to=en&back=/'), await get(server.url, '/api/staff/session'),
      await get(server.url, '/api/staff/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
    ];
    assert.deepEqual(answers.map((r) => r.status), [200, 200, 200, 404, 405, 303, 401, 400]);
    for (const r of answers) assert.equal(r.headers.get('strict-transport-security'), 'max-age=31536000');
  });
});
