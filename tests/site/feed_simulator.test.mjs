// `beitai-feed-simulator`: the counties' TDX parking feeds imitated from the sample car parks,
// in both formats, moving over time, with every fault the feed client must survive.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { runFeedSimulator, startFeedSimulator } from '../support/server.mjs';

const carParks = (city, format = 'JSON') => `/v1/Parking/OffStreet/CarPark/City/${city}?$format=${format}`;
const availability = (city, format = 'JSON') => `/v1/Parking/OffStreet/ParkingAvailability/City/${city}?$format=${format}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The peak resident memory of a process, in kB (Linux).
const peakKb = (pid) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)[1]);

// One raw HTTP/1.1 exchange: everything the server sends until it closes the connection.
function rawGet(url, pathname, timeoutMs = 10000) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const chunks = [];
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(`GET ${pathname} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: keep-alive\r\n\r\n`);
    });
    socket.setTimeout(timeoutMs, () => { socket.destroy(); reject(new Error('raw GET timed out')); });
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      resolve({ head: all.subarray(0, split).toString('latin1'), body: all.subarray(split + 4) });
    });
  });
}

describe('feed simulator: data, steps, faults and pins', () => {
  let sim;
  before(async () => { sim = await startFeedSimulator({ args: ['--step-seconds', '1'] }); });
  after(async () => { await sim?.stop(); });

  const get = (pathname, init) => fetch(sim.url + pathname, init);
  const control = async (pathname) => {
    const r = await fetch(sim.url + pathname, { method: 'POST' });
    assert.equal(r.status, 200, `${pathname}: ${await r.clone().text()}`);
    return r.json();
  };

  test('car parks of a county in JSON and XML, with the TDX field names', async () => {
    const r = await get(carParks('Taipei'));
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^application\/json/);
    const doc = await r.json();
    assert.match(doc.UpdateTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    assert.equal(doc.CarParks.length, 40);
    const first = doc.CarParks[0];
    assert.match(first.CarParkID, /^TPE-S\d{3}$/);
    assert.match(first.CarParkName.Zh_tw, /^示範停車場 /);
    assert.ok(first.CarParkPosition.PositionLat > 24.9 && first.CarParkPosition.PositionLat < 25.3);
    assert.match(first.Address, /（示範地址）$/);
    for (const key of ['FareDescription', 'CarParkType', 'LiveOccuppancyAvailable', 'WheelchairAccessible',
      'EVRechargingAvailable', 'TotalSpaces']) assert.ok(key in first, key);

    const x = await get(carParks('Taipei', 'XML'));
    assert.equal(x.status, 200);
    assert.match(x.headers.get('content-type'), /^application\/xml/);
    const xml = await x.text();
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<CarParkList xmlns="https:\/\/traffic.transportdata.tw\/standard\/parking\/schema\/">/);
    assert.equal(xml.match(/<CarPark>/g).length, 40);
    assert.ok(xml.includes(`<CarParkID>${first.CarParkID}</CarParkID>`));
    assert.match(xml, /<\/CarParks>\n<\/CarParkList>\n$/);

    // TDX's own base path works too; $format is case-insensitive and defaults to JSON.
    const basic = await get('/api/basic/v1/Parking/OffStreet/CarPark/City/Keelung?$format=json');
    assert.equal((await basic.json()).CarParks.length, 20);
    assert.equal((await get('/v1/Parking/OffStreet/CarPark/City/Keelung')).status, 200);
    assert.equal((await get(carParks('Tainan'))).status, 404);
    assert.equal((await get(carParks('Taipei', 'CSV'))).status, 400);
  });

  test('availability in JSON and XML: the live car parks, times in +08:00', async () => {
    const parks = (await (await get(carParks('NewTaipei'))).json()).CarParks;
    const live = parks.filter((c) => c.LiveOccuppancyAvailable === 1).map((c) => c.CarParkID);
    const doc = await (await get(availability('NewTaipei'))).json();
    assert.match(doc.UpdateTime, /\+08:00$/);
    assert.equal(doc.UpdateInterval, 1);
    assert.deepEqual(doc.ParkingAvailabilities.map((a) => a.CarParkID), live);
    for (const a of doc.ParkingAvailabilities) {
      assert.match(a.DataCollectTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
      assert.ok(Number.isInteger(a.AvailableSpaces) && a.AvailableSpaces >= -1 && a.AvailableSpaces <= a.TotalSpaces);
      assert.ok(a.Availabilities.some((s) => s.SpaceType === 1));
    }
    const xml = await (await get(availability('NewTaipei', 'XML'))).text();
    assert.match(xml, /<ParkingAvailabilityList xmlns="https:\/\/traffic.transportdata.tw\/standard\/parking\/schema\/">/);
    assert.equal(xml.match(/<ParkingAvailability>/g).length, live.length);
    assert.match(xml, /<Availabilities>\n\s+<Availability>\n\s+<SpaceType>1<\/SpaceType>/);
  });

  test('availability moves from one step to the next', async () => {
    const one = await (await get(availability('Taipei'))).json();
    await sleep(2100);
    const two = await (await get(availability('Taipei'))).json();
    assert.notEqual(one.UpdateTime, two.UpdateTime);
    const changed = one.ParkingAvailabilities.filter((a, i) => a.AvailableSpaces !== two.ParkingAvailabilities[i].AvailableSpaces);
    assert.ok(changed.length >= 5, `only ${changed.length} car parks changed`);
  });

  test('MiaoliCounty publishes car parks but no live availability (by default)', async () => {
    const parks = (await (await get(carParks('MiaoliCounty'))).json()).CarParks;
    assert.ok(parks.length >= 20);
    assert.ok(parks.every((c) => c.LiveOccuppancyAvailable === 0));
    const doc = await (await get(availability('MiaoliCounty'))).json();
    assert.deepEqual(doc.ParkingAvailabilities, []);
    assert.match(await (await get(availability('MiaoliCounty', 'XML'))).text(), /<ParkingAvailabilities>\n\s+<\/ParkingAvailabilities>/);
  });

  test('a pinned car park keeps its number until reset', async () => {
    const before = (await (await get(availability('Taoyuan'))).json()).ParkingAvailabilities;
    const id = before[0].CarParkID;
    await control(`/control/Taoyuan/set?car_park=${id}&available=0`);
    await control(`/control/Taoyuan/set?car_park=${before[1].CarParkID}&available=-1`);
    for (let i = 0; i < 2; i++) {
      const items = (await (await get(availability('Taoyuan'))).json()).ParkingAvailabilities;
      assert.equal(items[0].AvailableSpaces, 0);
      assert.equal(items[0].FullStatus, 2);
      assert.equal(items[0].ServiceStatus, 1);
      assert.equal(items[1].AvailableSpaces, -1);  // unknown, never zero
      assert.equal(items[1].FullStatus, undefined);
      if (i === 0) await sleep(1100);
    }
    const xml = await (await get(availability('Taoyuan', 'XML'))).text();
    assert.ok(xml.includes(`<CarParkID>${id}</CarParkID>\n      <TotalSpaces>`));
    const state = await (await get('/control/state')).json();
    assert.deepEqual(state.pins, [
      { city: 'Taoyuan', car_park: id, available: 0 },
      { city: 'Taoyuan', car_park: before[1].CarParkID, available: -1 },
    ]);

    let r = await fetch(sim.url + '/control/Taoyuan/set?car_park=NOPE&available=3', { method: 'POST' });
    assert.equal(r.status, 404);
    r = await fetch(sim.url + `/control/Taoyuan/set?car_park=${id}&available=many`, { method: 'POST' });
    assert.equal(r.status, 400);

    await control('/control/reset');
    assert.deepEqual((await (await get('/control/state')).json()).pins, []);
  });

  test('fault http500, empty, none', async () => {
    await control('/control/Keelung/fault?kind=http500');
    assert.equal((await get(availability('Keelung'))).status, 500);
    assert.equal((await get(carParks('Keelung'))).status, 500);
    assert.equal((await get(availability('Taipei'))).status, 200);  // other counties are not affected
    assert.deepEqual((await (await get('/control/state')).json()).faults, { Keelung: 'http500' });

    await control('/control/Keelung/fault?kind=empty');
    const empty = await (await get(availability('Keelung'))).json();
    assert.deepEqual(empty.ParkingAvailabilities, []);
    assert.match(empty.UpdateTime, /\+08:00$/);
    assert.deepEqual((await (await get(carParks('Keelung'))).json()).CarParks, []);
    assert.match(await (await get(carParks('Keelung', 'XML'))).text(), /<CarParks>\n  <\/CarParks>\n<\/CarParkList>\n$/);

    await control('/control/Keelung/fault?kind=none');
    assert.ok((await (await get(availability('Keelung'))).json()).ParkingAvailabilities.length > 0);
    const bad = await fetch(sim.url + '/control/Keelung/fault?kind=explode', { method: 'POST' });
    assert.equal(bad.status, 400);
  });

  test('fault slow answers after about 3 s, and holds up no one else', async () => {
    await control('/control/Hsinchu/fault?kind=slow');
    const started = Date.now();
    const slow = get(availability('Hsinchu')).then(async (r) => ({ status: r.status, doc: await r.json(), ms: Date.now() - started }));
    const quick = await get(availability('Taipei'));
    assert.equal(quick.status, 200);
    assert.ok(Date.now() - started < 1500, 'another county answered at once');
    const r = await slow;
    assert.equal(r.status, 200);
    assert.ok(r.ms >= 2800, `answered after ${r.ms} ms`);
    assert.ok(r.doc.ParkingAvailabilities.length > 0);
    await control('/control/reset');
  });

  test('fault hang: the client gives up; many hanging requests hold no server thread', async () => {
    await control('/control/HsinchuCounty/fault?kind=hang');
    await assert.rejects(get(availability('HsinchuCounty'), { signal: AbortSignal.timeout(800) }),
      (e) => e.name === 'TimeoutError' || e.name === 'AbortError');
    // More hanging requests than the simulator has threads (4), then a normal one.
    const hanging = Array.from({ length: 12 }, () =>
      get(carParks('HsinchuCounty', 'XML'), { signal: AbortSignal.timeout(2500) }).catch((e) => e.name));
    await sleep(200);
    const started = Date.now();
    for (let i = 0; i < 8; i++) assert.equal((await get(availability('Taipei'))).status, 200);
    assert.ok(Date.now() - started < 2000);
    for (const outcome of await Promise.all(hanging)) assert.match(String(outcome), /TimeoutError|AbortError/);
    await control('/control/reset');
  });

  test('fault truncated: the Content-Length lies and the connection closes early', async () => {
    await control('/control/Taipei/fault?kind=truncated');
    for (const path of [availability('Taipei'), carParks('Taipei', 'XML')]) {
      const { head, body } = await rawGet(sim.url, path);
      assert.match(head, /^HTTP\/1.1 200/);
      const declared = Number(head.match(/content-length: (\d+)/i)[1]);
      assert.ok(body.length > 0 && body.length < declared, `${body.length} of ${declared} bytes`);
    }
    await assert.rejects(async () => (await get(availability('Taipei'))).text());
    await control('/control/reset');
  });

  test('fault malformed: 200 with broken JSON and XML', async () => {
    await control('/control/YilanCounty/fault?kind=malformed');
    const r = await get(availability('YilanCounty'));
    assert.equal(r.status, 200);
    const text = await r.text();
    assert.throws(() => JSON.parse(text));
    const xml = await (await get(carParks('YilanCounty', 'XML'))).text();
    assert.match(xml, /^<\?xml/);
    assert.ok(xml.includes('</Wrong>') && !xml.includes('</CarParkList>'));
    await control('/control/reset');
  });

  test('fault wrong_types: AvailableSpaces as objects and booleans', async () => {
    await control('/control/Taipei/fault?kind=wrong_types');
    const doc = await (await get(availability('Taipei'))).json();
    const kinds = new Set(doc.ParkingAvailabilities.map((a) => typeof a.AvailableSpaces));
    assert.deepEqual([...kinds].sort(), ['boolean', 'object']);
    assert.ok(doc.ParkingAvailabilities.every((a) => a.Availabilities.every((s) => s.AvailableSpaces === false)));
    const parks = (await (await get(carParks('Taipei'))).json()).CarParks;
    assert.ok(parks.every((c) => typeof c.TotalSpaces !== 'number'));
    const xml = await (await get(availability('Taipei', 'XML'))).text();
    assert.match(xml, /<AvailableSpaces><Value>\d+<\/Value><\/AvailableSpaces>/);
    assert.match(xml, /<AvailableSpaces>true<\/AvailableSpaces>/);
    await control('/control/reset');
  });

  test('fault huge: over 50 MB, streamed without the simulator holding it', async () => {
    await control('/control/NewTaipei/fault?kind=huge');
    const before = peakKb(sim.pid);
    for (const [path, tail] of [[availability('NewTaipei'), ']}'], [carParks('NewTaipei', 'XML'), '</CarParkList>\n']]) {
      const r = await get(path);
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('content-length'), null);
      assert.equal(r.headers.get('transfer-encoding'), 'chunked');
      let bytes = 0;
      let first = '';
      let last = '';
      for await (const chunk of r.body) {
        if (!first) first = Buffer.from(chunk).toString('utf8', 0, 200);
        bytes += chunk.length;
        last = (last + Buffer.from(chunk).toString('latin1')).slice(-40);
      }
      assert.ok(bytes > 50 * 1024 * 1024, `${bytes} bytes`);
      assert.ok(last.endsWith(tail), JSON.stringify(last));
      assert.match(first, path.includes('XML') ? /^<\?xml/ : /^\{"UpdateTime":"[^"]+","UpdateInterval":1,/);
    }
    const peak = peakKb(sim.pid);
    assert.ok(peak - before < 32 * 1024, `peak memory grew by ${peak - before} kB`);
    assert.ok(peak < 64 * 1024, `peak memory ${peak} kB`);
    await control('/control/reset');
  });
});

describe('feed simulator: options and the token flow', () => {
  test('--no-live picks the counties without live data; an unknown county is refused', async () => {
    const sim = await startFeedSimulator({ args: ['--no-live', 'Keelung,Taipei'] });
    try {
      const taipei = await (await fetch(sim.url + availability('Taipei'))).json();
      assert.deepEqual(taipei.ParkingAvailabilities, []);
      const miaoli = await (await fetch(sim.url + availability('MiaoliCounty'))).json();
      assert.ok(miaoli.ParkingAvailabilities.length > 0);
      const state = await (await fetch(sim.url + '/control/state')).json();
      assert.deepEqual(state.no_live, ['Keelung', 'Taipei']);
    } finally { await sim.stop(); }
    const bad = runFeedSimulator(['--port', '0', '--no-live', 'Tainan']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--no-live: unknown county "Tainan"/);
  });

  test('--require-token: data needs a Bearer token from the token endpoint, whose use is counted', async () => {
    const sim = await startFeedSimulator({ args: ['--require-token'] });
    const tokenUrl = sim.url + '/auth/realms/TDXConnect/protocol/openid-connect/token';
    const post = (body) => fetch(tokenUrl, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body,
    });
    try {
      const none = await fetch(sim.url + availability('Taipei'));
      assert.equal(none.status, 401);
      assert.equal(none.headers.get('www-authenticate'), 'Bearer');

      assert.equal((await post('grant_type=password&client_id=a&client_secret=b')).status, 400);
      assert.equal((await post('grant_type=client_credentials&client_id=a')).status, 401);
      const ok = await post('grant_type=client_credentials&client_id=beitai-test&client_secret=s3cret');
      assert.equal(ok.status, 200);
      const token = await ok.json();
      assert.equal(token.expires_in, 86400);
      assert.equal(token.token_type, 'Bearer');
      assert.ok(token.access_token.length > 10);

      const auth = { headers: { authorization: 'Bearer ' + token.access_token } };
      for (let i = 0; i < 3; i++) assert.equal((await fetch(sim.url + availability('Taipei'), auth)).status, 200);
      assert.equal((await fetch(sim.url + carParks('Taipei', 'XML'), auth)).status, 200);
      assert.equal((await fetch(sim.url + availability('Taipei'), { headers: { authorization: 'Bearer forged' } })).status, 401);

      let state = await (await fetch(sim.url + '/control/state')).json();
      assert.equal(state.token_requests, 3);
      assert.equal(state.tokens_issued, 1);
      assert.equal(state.require_token, true);

      // Revoked tokens stop working, as an expired TDX token does; a new one works again.
      await fetch(sim.url + '/control/tokens/revoke', { method: 'POST' });
      assert.equal((await fetch(sim.url + availability('Taipei'), auth)).status, 401);
      const again = await (await post('grant_type=client_credentials&client_id=beitai-test&client_secret=s3cret')).json();
      assert.notEqual(again.access_token, token.access_token);
      assert.equal((await fetch(sim.url + availability('Taipei'), { headers: { authorization: 'Bearer ' + again.access_token } })).status, 200);
      state = await (await fetch(sim.url + '/control/state')).json();
      assert.equal(state.token_requests, 4);
    } finally { await sim.stop(); }
  });
});
