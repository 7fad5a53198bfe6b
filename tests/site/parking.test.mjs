// Live parking through real HTTP: the server polls the feed simulator on loopback (both
// formats), serves /api/parking, /near, /feeds and the live stream, and keeps going when
// counties break in every way the simulator knows — each broken county marked with its
// error while the others go on updating, and no good data lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  runBeitai, startParkingServer, parkingCalls, until, PARKING_COUNTIES as COUNTIES, XML_COUNTIES as XML,
} from '../support/server.mjs';

let simulator, server;

before(async () => {
  ({ simulator, server } = await startParkingServer());
  await until(async () => (await feeds()).every((f) => f.last_success), 'every county fetched once');
});
after(async () => {
  await server?.stop();
  await simulator?.stop();
});

const { get, feeds, feed, control } = parkingCalls(() => ({ server, simulator }));

test('every county is read, in JSON and XML; a county without live data says so', async () => {
  const { status, body } = await get('/api/parking');
  assert.equal(status, 200);
  assert.equal(body.sample, true);
  const simulated = await (await fetch(simulator.url + '/v1/Parking/OffStreet/CarPark/City/Taipei?$format=JSON')).json();
  for (const county of COUNTIES) {
    const mine = body.car_parks.filter((c) => c.county === county);
    assert.ok(mine.length > 0, county + ' has car parks');
    if (county === 'MiaoliCounty') {
      assert.ok(mine.every((c) => c.live === false && c.level === 'unknown' && c.available === null), 'Miaoli: no live data');
    } else {
      assert.ok(mine.filter((c) => c.live).length > mine.length / 2, county + ' has live numbers (' + (XML.has(county) ? 'XML' : 'JSON') + ')');
    }
  }
  assert.equal(body.car_parks.filter((c) => c.county === 'Taipei').length, simulated.CarParks.length);
  const miaoli = await feed('MiaoliCounty');
  assert.equal(miaoli.publishes_live, false);
  assert.equal(body.count, body.car_parks.length);
  for (const c of body.car_parks) assert.ok(['plenty', 'few', 'full', 'closed', 'unknown'].includes(c.level), c.level);
});

test('bbox and near answer from the same data; bad queries are 400 with the reason', async () => {
  const all = (await get('/api/parking')).body.car_parks;
  const box = [121.50, 25.00, 121.58, 25.08];
  const boxed = (await get('/api/parking?bbox=' + box.join(','))).body.car_parks;
  const inside = all.filter((c) => c.lon >= box[0] && c.lon <= box[2] && c.lat >= box[1] && c.lat <= box[3]);
  assert.ok(boxed.length > 0);
  assert.deepEqual(boxed.map((c) => c.key).sort(), inside.map((c) => c.key).sort());

  const near = (await get('/api/parking/near?lat=25.0478&lon=121.5170&n=4')).body;
  assert.ok(near.car_parks.length > 0 && near.car_parks.length <= 4);
  for (let i = 1; i < near.car_parks.length; i++) assert.ok(near.car_parks[i - 1].distance_m <= near.car_parks[i].distance_m);
  assert.ok(near.car_parks.every((c) => c.level === 'plenty' || c.level === 'few'), 'only car parks with space');

  for (const [query, message] of [
    ['/api/parking?bbox=121,25', 'bbox: expected west,south,east,north'],
    ['/api/parking?bbox=122,25,121,26', 'west must be less than east'],
    ['/api/parking?box=1', 'unknown parameter "box"'],
    ['/api/parking/near?lat=25.04', 'lat and lon are required'],
    ['/api/parking/near?lat=north&lon=121.5', 'lat: "north" is not a number'],
    ['/api/parking/near?lat=35&lon=139.7', 'outside northern Taiwan'],
    ['/api/parking/near?lat=25.04&lon=121.5&n=1000', 'n: expected a whole number from 1 to 50'],
    ['/api/parking/feeds?x=1', 'unknown parameter "x"'],
  ]) {
    const r = await get(query);
    assert.equal(r.status, 400, query);
    assert.ok(r.body.error.includes(message), `${query}: ${r.body.error}`);
  }
});

test('a change in the simulator reaches /api/parking and the live stream', async () => {
  const before = (await get('/api/parking')).body.car_parks.find((c) => c.county === 'Keelung' && c.live && c.level !== 'closed');
  const id = before.id;
  const wanted = before.available === 3 ? 4 : 3;
  // Listen first, then change.
  const controller = new AbortController();
  const response = await fetch(server.url + '/api/parking/stream', { signal: controller.signal });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/event-stream/);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  await control(`/Keelung/set?car_park=${id}&available=${wanted}`);
  try {
    const event = await until(async () => {
      const { value } = await reader.read();
      text += decoder.decode(value);
      // Only whole events: a read may end in the middle of one (it ends at a blank line).
      const whole = text.slice(0, text.lastIndexOf('\n\n') + 1);
      const events = whole.split('\n\n').filter((e) => e.startsWith('event: parking'));
      for (const e of events) {
        const data = JSON.parse(e.slice(e.indexOf('data: ') + 6));
        const changed = data.changed.find((c) => c.key === 'Keelung/' + id);
        if (changed && changed.available === wanted) return changed;
      }
      return null;
    }, 'the change in the stream', 10000);
    assert.equal(event.level, 'few');
    assert.ok(text.startsWith('retry: 2000\n\nevent: hello\n'), 'the stream opens with retry and hello');
  } finally {
    controller.abort();
  }
  const after = (await get('/api/parking')).body.car_parks.find((c) => c.key === 'Keelung/' + id);
  assert.equal(after.available, wanted);
  await control('/reset');
});

async function breakCounties(faults) {
  const held = {};
  const all = (await get('/api/parking')).body.car_parks;
  for (const county of Object.keys(faults)) held[county] = all.filter((c) => c.county === county && c.live).map((c) => c.key).sort();
  for (const [county, kind] of Object.entries(faults)) await control(`/${county}/fault?kind=${kind}`);
  return held;
}

async function checkBroken(faults, expected, held, healthy) {
  const started = Date.now();
  const successAt = Object.fromEntries((await feeds()).map((f) => [f.county, f.last_success]));
  for (const [county, text] of Object.entries(expected)) {
    const f = await until(async () => {
      const f = await feed(county);
      return f.consecutive_failures > 0 && f.last_error.includes(text) ? f : null;
    }, `${county} (${faults[county]}) reports "${text}"`, 20000);
    assert.ok(f.last_error_at, county);
  }
  // The healthy ones went on updating meanwhile.
  await until(async () => {
    const now = await feeds();
    return healthy.every((c) => now.find((f) => f.county === c).last_success !== successAt[c]);
  }, 'healthy counties still updating');
  // Broken counties keep their last good car parks, and go stale once old enough.
  await until(async () => (await Promise.all(Object.keys(faults).map(feed))).every((f) => f.stale), 'broken counties stale', 15000);
  const all = (await get('/api/parking')).body.car_parks;
  for (const county of Object.keys(faults)) {
    const mine = all.filter((c) => c.county === county && c.live);
    assert.deepEqual(mine.map((c) => c.key).sort(), held[county], county + ' kept its last good data');
    assert.ok(mine.every((c) => c.stale), county + ' car parks are marked stale');
  }
  for (const c of healthy) assert.equal((await feed(c)).stale, false, c + ' is fresh');
  // One log line per failure, naming the county.
  for (const county of Object.keys(faults)) assert.match(server.errors(), new RegExp(`parking feed ${county} availability: `));
  assert.ok(Date.now() - started < 60000);
  await control('/reset');
  await until(async () => (await Promise.all(Object.keys(faults).map(feed))).every((f) => !f.stale && f.consecutive_failures === 0),
    'recovered after the faults are lifted', 20000);
}

test('faults, first round: HTTP 500, a slow answer, a truncated body, malformed XML', async () => {
  const faults = { Taipei: 'http500', NewTaipei: 'slow', Taoyuan: 'truncated', HsinchuCounty: 'malformed' };
  const held = await breakCounties(faults);
  await checkBroken(faults, {
    Taipei: 'HTTP 500',
    NewTaipei: 'no complete answer within 2000 ms',
    Taoyuan: 'partial',
    HsinchuCounty: 'line ',
  }, held, ['Keelung', 'Hsinchu', 'YilanCounty']);
});

test('faults, second round: a hang, wrong types, a huge body, an empty list; the server answers throughout', async () => {
  const faults = { Keelung: 'hang', Hsinchu: 'wrong_types', YilanCounty: 'huge', Taipei: 'empty' };
  const held = await breakCounties(faults);
  // While a feed hangs, requests are answered as ever.
  const during = await get('/api/parking?bbox=121.5,25.0,121.6,25.1');
  assert.equal(during.status, 200);
  await checkBroken(faults, {
    Keelung: 'no complete answer within 2000 ms',
    Hsinchu: 'items rejected',
    YilanCounty: 'body larger than 2097152 bytes',
    Taipei: 'an empty list after',
  }, held, ['NewTaipei', 'Taoyuan', 'HsinchuCounty']);
});

test('a county that keeps failing trips its breaker, which closes again once it recovers', async () => {
  await control('/Taoyuan/fault?kind=http500');
  const open = await until(async () => {
    const f = await feed('Taoyuan');
    return f.breaker_open ? f : null;
  }, 'the breaker opens', 20000);
  assert.ok(open.consecutive_failures >= 4);
  assert.ok(open.next_attempt, 'says when it will try again');
  await control('/reset');
  await until(async () => {
    const f = await feed('Taoyuan');
    return !f.breaker_open && f.consecutive_failures === 0;
  }, 'the breaker closes', 20000);
});

test('TDX sign-in: the poller signs in with client credentials and keeps its token until it expires', async () => {
  const parked = await startParkingServer({
    simulatorArgs: ['--step-seconds', '1', '--require-token'],
    extra: { auth: { token_url: 'PLACEHOLDER', client_id_env: 'BEITAI_TEST_TDX_ID', client_secret_env: 'BEITAI_TEST_TDX_SECRET' } },
    serverOptions: { env: { BEITAI_TEST_TDX_ID: 'beitai-test', BEITAI_TEST_TDX_SECRET: 's3cret&=' } },
    tokenUrl: (simulatorUrl) => simulatorUrl + '/auth/realms/TDXConnect/protocol/openid-connect/token',
  });
  try {
    const feedsOf = async () => (await (await fetch(parked.server.url + '/api/parking/feeds')).json()).feeds;
    await until(async () => (await feedsOf()).every((f) => f.last_success), 'every county fetched with a token', 15000);
    // Several polls later, still the one token: 15 documents a second, one sign-in.
    await new Promise((r) => setTimeout(r, 2500));
    const state = await (await fetch(parked.simulator.url + '/control/state')).json();
    assert.equal(state.token_requests, 1);
    assert.ok(state.data_requests > 20, `data requests: ${state.data_requests}`);
    // A revoked token is answered with 401; the poller signs in again and goes on.
    const control = await fetch(parked.simulator.url + '/control/tokens/revoke', { method: 'POST' });
    assert.equal(control.status, 200);
    await until(async () => (await (await fetch(parked.simulator.url + '/control/state')).json()).token_requests === 2,
      'a second sign-in after the revocation', 15000);
    await until(async () => (await feedsOf()).every((f) => f.consecutive_failures === 0), 'updating again', 15000);
  } finally {
    await parked.server.stop();
    await parked.simulator.stop();
  }
});

test('a feeds config with mistakes stops the server before it starts, naming each mistake by its JSON path', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'beitai-badfeeds-'));
  try {
    const file = path.join(dir, 'feeds.json');
    writeFileSync(file, JSON.stringify({
      keep_every_s: 0,
      breaker: { failures_to_open: 0 },
      defaults: { interval_s: 'often' },
      counties: [{ county: 'Tainan' }, { county: 'Taipei', car_parks_url: 'ftp://example.org/parks' }, { county: 'Taipei' }],
    }));
    const r = runBeitai(['serve', '--port', '0', '--feeds', file, '--db', path.join(dir, 'db.sqlite')]);
    assert.equal(r.status, 2, r.stderr);
    for (const expected of [
      /keep_every_s: must be between 1 and 86400/,
      /breaker\.failures_to_open: failures_to_open and open_s must be at least 1/,
      /defaults\.interval_s: /,
      /counties\[0\]\.county: unknown county "Tainan"/,
      /counties\[1\]\.car_parks_url: a feed URL must be http:\/\/ or https:\/\//,
      /counties\[2\]\.county: Taipei is listed twice/,
    ]) assert.match(r.stderr, expected);
    assert.doesNotMatch(r.stdout, /listening/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
