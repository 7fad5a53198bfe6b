// The counties' own parking feeds beside TDX, over real HTTP: the server polls the feed
// simulator's imitation of Taipei's TCMSV pair ("format": "taipei") and of Yilan's one
// document ("format": "yilan") beside the other counties' TDX feeds, and their car parks come
// out live on /api/parking — Taipei's placed from TWD97 metres, free spaces as the county
// sent them, Taipei's -9 and Yilan's -1 as no data (null, never 0), a broken county document
// refused without losing the last good data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startParkingServer, countyOwnFeeds, parkingCalls, parkingFeedsConfig, until } from '../support/server.mjs';

let simulator, server;

before(async () => {
  ({ simulator, server } = await startParkingServer({
    extra: (url) => {
      const own = countyOwnFeeds(url);
      return { counties: parkingFeedsConfig(url).counties.map((c) => own[c.county] || c) };
    },
  }));
  await until(async () => (await feeds()).every((f) => f.last_success), 'every county fetched once');
});
after(async () => {
  await server?.stop();
  await simulator?.stop();
});

const { get, feeds, feed, control } = parkingCalls(() => ({ server, simulator }));
const parks = async (county) => (await get('/api/parking')).body.car_parks.filter((c) => c.county === county);
const simulated = async (p) => (await fetch(simulator.url + p)).json();

test('Taipei from its TCMSV pair: every car park placed from TWD97, live with free spaces', async () => {
  const desc = (await simulated('/blobtcmsv/TCMSV_alldesc.json')).data;
  assert.match(desc.UPDATETIME, /^\w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} CST \d{4}$/, 'the simulator writes Java times');
  assert.equal(typeof desc.park[0].tw97x, 'string');
  const mine = await parks('Taipei');
  assert.equal(mine.length, desc.park.length);
  for (const p of desc.park) {
    const c = mine.find((m) => m.id === p.id);
    assert.ok(c, p.id);
    // The simulator also writes each car park's entrance (Xcod is the latitude): the server's
    // position, converted from tw97x/tw97y, must land on it.
    const entrance = p.EntranceCoord.EntrancecoordInfo[0];
    assert.ok(Math.abs(c.lat - Number(entrance.Xcod)) < 2e-6, `${p.id}: lat ${c.lat} vs Xcod ${entrance.Xcod}`);
    assert.ok(Math.abs(c.lon - Number(entrance.Ycod)) < 2e-6, `${p.id}: lon ${c.lon} vs Ycod ${entrance.Ycod}`);
    assert.equal(c.name, p.name);
    assert.equal(c.fare, p.payex);
  }
  // Car parks in the availability document are live; the others say they have no live data.
  const available = new Set((await simulated('/blobtcmsv/TCMSV_allavailable.json')).data.park.map((p) => p.id));
  assert.ok(available.size > 0 && available.size < mine.length, 'some car parks publish no availability');
  await until(async () => (await parks('Taipei')).every((c) => c.live === available.has(c.id)), 'Taipei live exactly where published');
  const withoutLive = (await parks('Taipei')).find((c) => !available.has(c.id));
  assert.equal(withoutLive.available, null);
  assert.equal(withoutLive.level, 'unknown');
  const f = await feed('Taipei');
  assert.equal(f.publishes_live, true);
  assert.equal(f.sample, true);
  assert.equal(f.rejected_items, 0);
  assert.equal(f.car_parks, mine.length);
});

test('Yilan from its one document: car parks at X (longitude), Y (latitude), with free spaces', async () => {
  const doc = await simulated('/yilan/parking');
  const mine = await parks('YilanCounty');
  assert.equal(mine.length, doc.length);
  for (const item of doc) {
    const c = mine.find((m) => m.id === item.ID);
    assert.ok(c, item.ID);
    assert.equal(c.lat, item.Y);
    assert.equal(c.lon, item.X);
    assert.equal(c.name, item.CName);
    assert.equal(c.live, true);
  }
  const f = await feed('YilanCounty');
  assert.equal(f.publishes_live, true);
  assert.equal(f.live_items, doc.length);
  assert.ok(f.data_updated, 'the document time is its newest Updatetime');
});

test('free spaces as sent; -9 (Taipei) and -1 (Yilan) are no data, never zero', async () => {
  const taipei = (await parks('Taipei')).filter((c) => c.live);
  // Yilan's car parks whose sensors report (the document gives -1 for the others, always).
  const reporting = new Set((await simulated('/yilan/parking')).filter((i) => i.AvailableCar >= 0).map((i) => i.ID));
  const yilan = (await parks('YilanCounty')).filter((c) => reporting.has(c.id));
  const [t1, t2, t3] = taipei;
  const [y1, y2, y3] = yilan;
  await control(`/Taipei/set?car_park=${t1.id}&available=37`);
  await control(`/Taipei/set?car_park=${t2.id}&available=0`);
  await control(`/Taipei/set?car_park=${t3.id}&available=-1`);  // written as -9
  await control(`/YilanCounty/set?car_park=${y1.id}&available=12`);
  await control(`/YilanCounty/set?car_park=${y2.id}&available=0`);
  await control(`/YilanCounty/set?car_park=${y3.id}&available=-1`);
  const raw = (await simulated('/blobtcmsv/TCMSV_allavailable.json')).data.park.find((p) => p.id === t3.id);
  assert.equal(raw.availablecar, -9, 'the simulator writes Taipei\'s no-data');
  assert.equal((await simulated('/yilan/parking')).find((i) => i.ID === y3.id).AvailableCar, -1, 'and Yilan\'s unknown');
  const key = (c) => c.key;
  const expected = new Map([[key(t1), 37], [key(t2), 0], [key(t3), null], [key(y1), 12], [key(y2), 0], [key(y3), null]]);
  let last = '';
  const seen = await until(async () => {
    const all = (await get('/api/parking')).body.car_parks;
    const now = [...expected.keys()].map((k) => all.find((c) => c.key === k));
    last = now.map((c) => `${c.key}=${c.available}`).join(' ');
    return now.every((c) => c.available === expected.get(c.key)) ? now : null;
  }, 'the pinned counts on /api/parking').catch((e) => { throw new Error(e.message + ': ' + last); });
  for (const c of seen) {
    assert.equal(c.live, true, c.key);
    if (c.available === null) assert.equal(c.level, 'unknown', `${c.key}: no data is not "full"`);
    else if (c.available === 0) assert.equal(c.level, 'full', c.key);
    else assert.ok(['plenty', 'few'].includes(c.level), `${c.key}: ${c.level}`);
  }
  // The nearest car parks with space never include the ones without data or full.
  const near = (await get(`/api/parking/near?lat=${t3.lat}&lon=${t3.lon}&n=50&within_m=3000`)).body.car_parks;
  assert.ok(!near.some((c) => c.key === key(t3) || c.key === key(t2)));
  await control('/reset');
});

test('a broken county document is refused whole, naming the item and field; the last good data stays', async () => {
  const held = (await parks('Taipei')).filter((c) => c.live).map((c) => c.key).sort();
  await control('/Taipei/fault?kind=wrong_types');
  await control('/YilanCounty/fault?kind=http500');
  const taipei = await until(async () => {
    const f = await feed('Taipei');
    return f.consecutive_failures > 0 && f.last_error.includes('park[0].availablecar: expected a count') ? f : null;
  }, 'Taipei reports the wrong types', 20000);
  assert.match(taipei.last_error, /^availability: \d+ of \d+ items rejected/);
  await until(async () => (await feed('YilanCounty')).last_error.includes('HTTP 500'), 'Yilan reports HTTP 500', 20000);
  assert.deepEqual((await parks('Taipei')).filter((c) => c.live).map((c) => c.key).sort(), held, 'Taipei\'s last good data kept');
  assert.ok((await parks('YilanCounty')).every((c) => c.live), 'Yilan\'s last good data kept');
  await control('/reset');
  await until(async () => (await feed('YilanCounty')).consecutive_failures === 0 &&
    (await feed('Taipei')).consecutive_failures === 0, 'both recover', 20000);
});

test('after a restart with both county feeds hanging, their kept documents are served at once', async () => {
  // Kept as TDX JSON whatever the county's format (Yilan's one fetch as both documents). The
  // feeds hang from now on: what the restarted server shows can only come from the store.
  const described = (list) => list.map((c) => [c.key, c.name, c.lat, c.lon, c.live].join('|')).sort();
  const before = { Taipei: described(await parks('Taipei')), YilanCounty: described(await parks('YilanCounty')) };
  await control('/Taipei/fault?kind=hang');
  await control('/YilanCounty/fault?kind=hang');
  await server.restart();
  for (const county of ['Taipei', 'YilanCounty']) {
    const f = await feed(county);
    assert.ok(f.last_success, `${county} restored with the time it was fetched`);
    assert.deepEqual(described(await parks(county)), before[county], county);
  }
  await control('/reset');
});
