// The last good parking data outlives a restart: the poller keeps each county's documents in
// the store (SQLite and PostgreSQL), and a server started while every feed is down serves
// them at once, with the age they really have, marked stale once they pass the limit — and
// never as real data when they came from the sample feeds, or the other way round.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  startFeedSimulator, startServer, freshStore, storeShell, stores, until, parkingFeedsConfig, PARKING_COUNTIES as COUNTIES,
} from '../support/server.mjs';

const json = async (url) => {
  const r = await fetch(url);
  assert.equal(r.status, 200, url);
  return r.json();
};
// The kept documents' fetch times, read from the store with its own client: {county: {kind: seconds}}.
function keptAt(kind, location) {
  const r = storeShell(kind, location, 'SELECT county, kind, fetched_at FROM parking_documents');
  assert.equal(r.status, 0, r.stderr);
  const out = {};
  for (const line of r.stdout.trim().split('\n').filter(Boolean)) {
    const [county, what, at] = line.split('|');
    (out[county] ??= {})[what] = Number(at);
  }
  return out;
}

// What a car park is: the part of /api/parking that does not drift with the simulator.
const described = (body) => body.car_parks.map((c) => [c.county, c.id, c.name, c.lat, c.lon, c.live].join('|')).sort();

for (const kind of stores()) {
  test(`${kind}: a restart with every feed down serves the kept data with its age, then marks it stale`, async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'beitai-kept-'));
    const store = freshStore(kind);
    let simulator = await startFeedSimulator({ args: ['--step-seconds', '1'] });
    const feedsUrl = simulator.url;
    const config = (sample) => {
      const file = path.join(dir, `feeds-${sample}.json`);
      const c = parkingFeedsConfig(feedsUrl);
      c.defaults.sample = sample;
      c.defaults.stale_after_s = 8;
      c.keep_every_s = 1;  // each document kept again every second: rows are updated, not only made
      writeFileSync(file, JSON.stringify(c));
      return file;
    };
    const sampleFeeds = config(true);
    let server;
    t.after(async () => {
      await server?.stop();
      await simulator?.stop();
      store.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });
    // Two car parks held at numbers of our choosing, one in a JSON county and one in an XML
    // one: the rest drift each second.
    const ids = {};
    for (const [county, available] of [['Taipei', 17], ['NewTaipei', 23]]) {
      const list = await json(`${feedsUrl}/v1/Parking/OffStreet/CarPark/City/${county}?$format=JSON`);
      ids[county] = { id: list.CarParks[0].CarParkID, available };
      const r = await fetch(`${feedsUrl}/control/${county}/set?car_park=${ids[county].id}&available=${available}`, { method: 'POST' });
      assert.equal(r.status, 200);
    }
    const pinned = (body) => Object.fromEntries(Object.entries(ids).map(([county, { id }]) =>
      [county, body.car_parks.find((c) => c.county === county && c.id === id)?.available]));

    server = await startServer({ dbPath: store.location, extraArgs: ['--feeds', sampleFeeds] });
    await until(async () => (await json(server.url + '/api/parking/feeds')).feeds.every((f) => f.last_success),
      'every county fetched once');
    const before = await json(server.url + '/api/parking');
    assert.deepEqual(pinned(before), { Taipei: 17, NewTaipei: 23 });
    const first = Date.parse((await json(server.url + '/api/parking/feeds')).feeds.find((f) => f.county === 'Taipei').last_success) / 1000;
    await until(() => keptAt(kind, store.location).Taipei?.availability > first, 'Taipei availability kept again, later');
    await server.stop();
    // What the store holds once the server has stopped: when each document was fetched.
    const kept = keptAt(kind, store.location);
    const fetched = Object.fromEntries(COUNTIES.map((county) =>
      [county, kept[county][county === 'MiaoliCounty' ? 'car_parks' : 'availability']]));
    await simulator.stop();
    simulator = null;  // every feed is down from here on: connections are refused

    await new Promise((r) => setTimeout(r, 1100));  // so that the age has grown by a second at least
    server = await startServer({ dbPath: store.location, extraArgs: ['--feeds', sampleFeeds] });
    // The first answer already has the kept data, before any fetch could have succeeded.
    const after = await json(server.url + '/api/parking');
    assert.deepEqual(described(after), described(before));
    assert.deepEqual(pinned(after), { Taipei: 17, NewTaipei: 23 }, 'the live numbers kept, from JSON and XML');
    assert.ok(after.car_parks.filter((c) => c.live).length > after.car_parks.length / 2, 'the live numbers came back');
    assert.equal(after.sample, true);
    const feeds = (await json(server.url + '/api/parking/feeds')).feeds;
    assert.deepEqual(feeds.map((f) => f.county).sort(), [...COUNTIES].sort());
    for (const f of feeds) {
      assert.equal(Date.parse(f.last_success) / 1000, fetched[f.county], f.county + ': fetched when it was, not now');
      assert.ok(f.car_parks > 0, f.county + ': car parks restored');
      assert.ok(f.age_s >= 1, f.county + ': the age counts from the fetch, across the restart (' + f.age_s + ')');
      if (!f.publishes_live) continue;  // its car park list is dated hourly: stale from the start
      assert.ok(f.live_items > 0, f.county + ': live items restored');
      assert.equal(f.stale, false, f.county + ': still fresh (' + f.age_s + ' s)');
    }
    assert.match(server.output(), /parking: parking feed Taipei availability kept at the last run restored/);

    // The feeds stay down: each county records its error and goes stale past 8 s, and the
    // kept data is still served.
    const stale = await until(async () => {
      const now = (await json(server.url + '/api/parking/feeds')).feeds;
      return now.every((f) => f.stale && f.last_error) && now;
    }, 'every county stale with its error');
    for (const f of stale) assert.equal(Date.parse(f.last_success) / 1000, fetched[f.county]);
    const later = await json(server.url + '/api/parking');
    assert.deepEqual(described(later), described(before));
    assert.deepEqual(pinned(later), { Taipei: 17, NewTaipei: 23 });
    await server.stop();

    // A kept document damaged in the store is refused with the reason; the others still come back.
    const damaged = storeShell(kind, store.location,
      "UPDATE parking_documents SET body = '{\"CarParks\": [{\"CarParkID\": 5' WHERE county = 'Keelung' AND kind = 'car_parks'");
    assert.equal(damaged.status, 0, damaged.stderr);
    server = await startServer({ dbPath: store.location, extraArgs: ['--feeds', sampleFeeds] });
    const partly = await json(server.url + '/api/parking');
    assert.equal(partly.car_parks.filter((c) => c.county === 'Keelung').length, 0, 'Keelung: nothing from a broken document');
    assert.deepEqual(described(partly), described(before).filter((d) => !d.startsWith('Keelung|')));
    assert.match(server.errors(), /parking feed Keelung car_parks kept at the last run: car parks: line 1, column \d+: invalid JSON/);
    await server.stop();

    // Sample data is never restored for a real feed.
    server = await startServer({ dbPath: store.location, extraArgs: ['--feeds', config(false)] });
    const real = await json(server.url + '/api/parking');
    assert.equal(real.car_parks.length, 0, 'no sample car park served as real');
    for (const f of (await json(server.url + '/api/parking/feeds')).feeds) {
      assert.equal(f.last_success, null, f.county);
      assert.equal(f.car_parks, 0, f.county);
    }
  });
}
