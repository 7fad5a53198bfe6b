// /metrics over real HTTP: after some traffic the numbers move by exactly what was sent, the
// text is valid Prometheus exposition (tests/support/prometheus.mjs), labels are route
// patterns (never the raw paths a client chose), the store's writes are timed under the right
// store, the feeds' gauges and failures follow the feed simulator's faults, and anyone but a
// loopback client is refused — also through a proxy. Once per store.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { addAccount, freshStore, startServer, staffClient, stores, until } from '../support/server.mjs';
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
