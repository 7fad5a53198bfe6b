// /metrics over real HTTP: after some traffic the numbers move by exactly what was sent, the
// text is valid Prometheus exposition (tests/support/prometheus.mjs), labels are route
// patterns (never the raw paths a client chose), the store's writes are timed under the right
// store, the feeds' gauges and failures follow the feed simulator's faults, a process's own
// writes cause no reload of the whole store (another process's do), requests the HTTP server
// refuses itself are counted, and anyone but a loopback client is refused — also through a
// proxy. Once per store.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { addAccount, freshStore, startServer, staffClient, storeShell, stores, until } from '../support/server.mjs';
import { parseExposition, metricValue, scrape } from '../support/prometheus.mjs';

const EDITOR = { name: 'ty-metrics-3391', password: 'taoyuan-metrics-113', county: 'Taoyuan', agency: '桃園市政府研究發展考核委員會' };

describe('the exposition checker', () => {
  it('accepts a valid text and refuses each kind of mistake', () => {
    const good = '# HELP a_total A.\n# TYPE a_total counter\na_total{x="1\\"q\\\\"} 3\n' +
      '# TYPE h histogram\nh_bucket{le="0.1"} 1\nh_bucket{le="+Inf"} 2\nh_sum 0.3\nh_count 2\n';
    const f = parseExposition(good);
    assert.equal(metricValue(f, 'a_total', { x: '1"q\\' }), 3);
    for (const [bad, why] of [
      ['a 1', /newline/],
      ['# TYPE a counter\na -1\n', /below zero/],
      ['a{x="1"} 1\na{x="1"} 2\n', /twice/],
      ['a{x=1} 1\n', /not quoted/],
      ['a{x="\\t"} 1\n', /bad escape/],
      ['9a 1\n', /not a sample/],
      ['a one\n', /not a number/],
      ['a 1\n# TYPE a gauge\n', /TYPE after samples/],
      ['# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n', /not cumulative/],
      ['# TYPE h histogram\nh_bucket{le="+Inf"} 2\nh_sum 1\nh_count 3\n', /not _count/],
      ['# TYPE h histogram\nh_bucket{le="1"} 2\nh_sum 1\nh_count 2\n', /\+Inf/],
    ]) assert.throws(() => parseExposition(bad), why, JSON.stringify(bad));
  });
});

for (const store of stores()) {
  describe(`/metrics (${store})`, () => {
    let location, cleanup, server;
    before(async () => {
      ({ location, cleanup } = freshStore(store));
      addAccount(location, EDITOR);
      server = await startServer({ dbPath: location, extraArgs: ['--trust-proxy', 'yes'] });
    });
    after(async () => {
      await server?.stop();
      cleanup?.();
    });

    it('counts requests by route pattern and status, with a latency histogram', async () => {
      const before = await scrape(server.url);
      for (let i = 0; i < 3; i++) assert.equal((await fetch(server.url + '/api/proposals?year=112')).status, 200);
      assert.equal((await fetch(server.url + '/api/proposals/111-01')).status, 200);
      assert.equal((await fetch(server.url + '/api/proposals/no-such-item')).status, 404);
      const strangers = ['/zz-' + Math.random().toString(36).slice(2), '/a/b/c/' + 'x'.repeat(300), '/"quoted"\\path'];
      for (const p of strangers) await fetch(server.url + encodeURI(p));
      const after = await scrape(server.url);
      const moved = (name, labels) => metricValue(after, name, labels) - metricValue(before, name, labels);
      assert.equal(moved('beitai_http_requests_total', { route: '/api/proposals', status: '200' }), 3);
      assert.equal(moved('beitai_http_requests_total', { route: '/api/proposals/{id}', status: '200' }), 1);
      assert.equal(moved('beitai_http_requests_total', { route: '/api/proposals/{id}', status: '404' }), 1);
      assert.equal(moved('beitai_http_requests_total', { route: '(no route)', status: '404' }), strangers.length);
      assert.equal(moved('beitai_http_request_duration_seconds_count', { route: '/api/proposals' }), 3);
      assert.ok(moved('beitai_http_request_duration_seconds_sum', { route: '/api/proposals' }) > 0);
      assert.equal(after.get('beitai_http_request_duration_seconds').type, 'histogram');
      assert.equal(after.get('beitai_http_requests_total').type, 'counter');
      // No label holds a path a client made up: the label set stays bounded.
      const text = await (await fetch(server.url + '/metrics')).text();
      for (const p of strangers) assert.ok(!text.includes(p.slice(0, 20)), `${p} is not a label`);
    });

    it('times the store\'s write transactions under its own name', async () => {
      const before = await scrape(server.url);
      const c = await staffClient(server.url, EDITOR.name, EDITOR.password);
      const item = await (await fetch(server.url + '/api/proposals/111-02')).json();
      const r = await c.post('/api/staff/proposals/111-02/progress', { version: item.version, text: '量測寫入延遲' });
      assert.equal(r.status, 200, r.text);
      const after = await scrape(server.url);
      const other = store === 'sqlite' ? 'postgres' : 'sqlite';
      assert.ok(metricValue(after, 'beitai_store_write_duration_seconds_count', { store })
        > metricValue(before, 'beitai_store_write_duration_seconds_count', { store }), 'the write was timed');
      assert.ok(metricValue(after, 'beitai_store_write_duration_seconds_sum', { store }) > 0);
      assert.equal(metricValue(after, 'beitai_store_write_duration_seconds_count', { store: other }), 0);
      assert.ok(metricValue(after, 'beitai_sign_ins_total', { result: 'ok' }) >= 1);
    });

    it('its own writes are never read back; another process\'s are, item by item, not the whole store', async () => {
      // Writes for three seconds, over the once-a-second check for other processes' writes: a
      // check that caught this process between storing a write and taking it into memory used
      // to read the whole store again (seconds, on a store with long histories).
      const c = await staffClient(server.url, EDITOR.name, EDITOR.password);
      const own = (await (await fetch(server.url + '/api/proposals?county=Taoyuan')).json()).items.slice(0, 4).map((p) => p.id);
      assert.ok(own.length >= 2, 'Taoyuan has items to write to');
      const catchUps = (families, read) => metricValue(families, 'beitai_snapshot_catch_ups_total', { read });
      const before = await scrape(server.url);
      const stopAt = Date.now() + 3000;
      let written = 0;
      await Promise.all(own.map(async (id) => {
        let version = (await (await fetch(`${server.url}/api/proposals/${id}`)).json()).version;
        while (Date.now() < stopAt) {
          const r = await c.post(`/api/staff/proposals/${id}/progress`, { version, text: `寫入 ${written}` });
          assert.equal(r.status, 200, r.text);
          version = r.json.version;
          written++;
        }
      }));
      assert.ok(written > 20, `${written} writes`);
      const after = await scrape(server.url);
      for (const read of ['changed', 'whole'])
        assert.equal(catchUps(after, read) - catchUps(before, read), 0, `${written} writes of its own, nothing read back (${read})`);

      // Another process's write, as the stores make one: the item, its revision, the store's.
      const title = '另一個程序寫入的標題';
      const other = store === 'postgres'
        ? `BEGIN; UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'revision';
           UPDATE proposals SET doc = jsonb_set(doc::jsonb, '{title}', to_jsonb('${title}'::text))::text, version = version + 1 WHERE id = '111-01';
           INSERT INTO proposal_revisions (proposal_id, revision) SELECT '111-01', value::bigint FROM meta WHERE key = 'revision'
             ON CONFLICT (proposal_id) DO UPDATE SET revision = excluded.revision; COMMIT;`
        : `BEGIN; UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'revision';
           UPDATE proposals SET doc = json_set(doc, '$.title', '${title}'), version = version + 1 WHERE id = '111-01';
           INSERT INTO proposal_revisions (proposal_id, revision) SELECT '111-01', CAST(value AS INTEGER) FROM meta WHERE key = 'revision'
             ON CONFLICT (proposal_id) DO UPDATE SET revision = excluded.revision; COMMIT;`;
      const versionBefore = (await (await fetch(server.url + '/api/proposals/111-01')).json()).version;
      const shell = storeShell(store, location, other);
      assert.equal(shell.status, 0, shell.stderr);
      const seen = await until(async () => {
        const p = await (await fetch(server.url + '/api/proposals/111-01')).json();
        return p.title === title ? p : null;
      }, 'the other process\'s write is picked up');
      assert.equal(seen.version, versionBefore + 1);
      const later = await scrape(server.url);
      assert.equal(catchUps(later, 'changed') - catchUps(after, 'changed'), 1, 'the written item read back');
      assert.equal(catchUps(later, 'whole') - catchUps(after, 'whole'), 0, 'not the whole store');
      // The other items are as they were.
      assert.ok((await (await fetch(`${server.url}/api/proposals/${own[0]}`)).json()).progress.some((e) => e.text.startsWith('寫入')));
    });

    it('counts what the HTTP server refused before any route saw it, by status', async () => {
      const before = await scrape(server.url);
      assert.equal((await fetch(server.url + '/api/proposals?q=' + 'x'.repeat(100 * 1024))).status, 414);
      const malformed = await new Promise((resolve, reject) => {
        const socket = net.connect(new URL(server.url).port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'));
        let text = '';
        socket.on('data', (d) => { text += d; });
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      assert.match(malformed, /^HTTP\/1\.1 400/);
      const after = await scrape(server.url);
      const moved = (status) => metricValue(after, 'beitai_http_refused_requests_total', { status })
        - metricValue(before, 'beitai_http_refused_requests_total', { status });
      assert.equal(moved('414'), 1);
      assert.equal(moved('400'), 1);
      assert.equal(after.get('beitai_http_refused_requests_total').type, 'counter');
    });

    it('shows each feed\'s age, failures and breaker, and follows a failing feed', async () => {
      await until(async () => metricValue(await scrape(server.url), 'beitai_parking_feed_age_seconds', { county: 'Taipei' }) !== 0
        || (await scrape(server.url)).get('beitai_parking_feed_age_seconds')?.samples.length === 8, 'every feed taken once');
      const first = await scrape(server.url);
      const ages = first.get('beitai_parking_feed_age_seconds').samples;
      assert.equal(ages.length, 8);
      for (const s of ages) assert.ok(s.value >= 0 && s.value < 60, `${s.labels.county} age ${s.value}`);
      const failuresBefore = metricValue(first, 'beitai_parking_feed_failures_total', { county: 'Keelung' });
      const fault = await fetch(server.simulator.url + '/control/Keelung/fault?kind=http500', { method: 'POST' });
      assert.equal(fault.status, 200);
      try {
        await until(async () => {
          const now = await scrape(server.url);
          return metricValue(now, 'beitai_parking_feed_failures_total', { county: 'Keelung' }) > failuresBefore &&
            metricValue(now, 'beitai_parking_feed_consecutive_failures', { county: 'Keelung' }) >= 1;
        }, 'Keelung\'s failures counted', 20000);
        const now = await scrape(server.url);
        assert.equal(metricValue(now, 'beitai_parking_feed_consecutive_failures', { county: 'Taipei' }), 0);
        assert.equal(metricValue(now, 'beitai_parking_feed_breaker_open', { county: 'Taipei' }), 0);
      } finally {
        await fetch(server.simulator.url + '/control/Keelung/fault?kind=none', { method: 'POST' });
      }
    });

    it('counts the open event streams', async () => {
      const u = new URL(server.url);
      const open = () => new Promise((resolve, reject) => {
        const req = http.get({ host: u.hostname, port: u.port, path: '/api/parking/stream', agent: false }, (res) => {
          res.once('data', () => resolve(req));
        });
        req.on('error', reject);
      });
      const streams = [await open(), await open(), await open()];
      assert.equal(metricValue(await scrape(server.url), 'beitai_event_streams_open'), 3);
      for (const s of streams) s.destroy();
      await until(async () => metricValue(await scrape(server.url), 'beitai_event_streams_open') === 0, 'the streams closed', 40000);
    });

    it('answers only loopback clients: a proxied stranger is refused', async () => {
      assert.equal((await fetch(server.url + '/metrics')).status, 200);
      for (const from of ['203.0.113.5', '10.1.2.3', '::ffff:198.51.100.7', '127.0.0.1, 203.0.113.5']) {
        const r = await fetch(server.url + '/metrics', { headers: { 'x-forwarded-for': from } });
        assert.equal(r.status, 403, from);
        assert.match((await r.json()).error, /this machine only/);
      }
      // The proxy (trusted) says the client is this machine: served.
      assert.equal((await fetch(server.url + '/metrics', { headers: { 'x-forwarded-for': '127.0.0.1' } })).status, 200);
      // A Forwarded header is not what the trusted proxy writes: refused rather than guessed at.
      assert.equal((await fetch(server.url + '/metrics', { headers: { forwarded: 'for=127.0.0.1' } })).status, 403);
    });
  });
}

describe('/metrics without a trusted proxy', () => {
  let server;
  before(async () => { server = await startServer({ extraArgs: ['--feeds', 'none'] }); });
  after(async () => { await server?.stop(); });

  it('serves a direct loopback client, and refuses whatever came through a proxy', async () => {
    const r = await fetch(server.url + '/metrics');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const f = parseExposition(await r.text());
    assert.equal(f.get('beitai_event_streams_open').type, 'gauge');
    assert.equal(f.get('beitai_parking_feed_age_seconds'), undefined, 'no feeds, no feed gauges');
    // An nginx on this machine that forwards without --trust-proxy: the client is unknown.
    for (const headers of [{ 'x-forwarded-for': '127.0.0.1' }, { 'x-real-ip': '127.0.0.1' }, { forwarded: 'for=127.0.0.1' }])
      assert.equal((await fetch(server.url + '/metrics', { headers })).status, 403, JSON.stringify(headers));
  });
});
