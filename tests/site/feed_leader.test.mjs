// Several server processes on one store poll the feeds once between them: one leads (polls and
// keeps what it takes in the store), the others follow (serve what the leader keeps, reloaded
// when the store's parking revision moves). When the leader dies — SIGKILL, no goodbye — a
// follower takes over within seconds. Both stores: PostgreSQL by an advisory lock on a
// connection of the leader's, SQLite by a lock file beside the database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFeedSimulator, startServer, freshStore, stores, until, parkingFeedsConfig } from '../support/server.mjs';

const json = async (url, init) => {
  const r = await fetch(url, init);
  assert.equal(r.status, 200, url);
  return r.json();
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const LEADS = /parking: this process polls the feeds/;
const FOLLOWS = /parking: another process polls the feeds; this one serves what it keeps in the store/;

// The simulator's count of data requests over `ms`.
async function requestsDuring(simulatorUrl, ms) {
  const before = (await json(simulatorUrl + '/control/state')).data_requests;
  await sleep(ms);
  return (await json(simulatorUrl + '/control/state')).data_requests - before;
}

for (const kind of stores()) {
  test(`${kind}: two servers on one store poll the feeds once, serve the same data, and the follower takes over from a killed leader`, async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'beitai-leader-'));
    const store = freshStore(kind);
    const simulator = await startFeedSimulator({ args: ['--threads', '1'] });
    const feeds = path.join(dir, 'feeds.json');
    const config = parkingFeedsConfig(simulator.url);
    config.keep_every_s = 1;  // what the leader takes reaches the followers within a second or two
    writeFileSync(feeds, JSON.stringify(config));
    const servers = [];
    t.after(async () => {
      for (const s of servers) await s.halt().catch(() => {});
      await simulator.stop();
      store.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    const first = await startServer({ dbPath: store.location, extraArgs: ['--feeds', feeds] });
    servers.push(first);
    await until(() => LEADS.test(first.output()), 'the first server leads');
    await until(async () => (await json(first.url + '/api/parking/feeds')).feeds.every((f) => f.last_success), 'every county fetched');
    const alone = await requestsDuring(simulator.url, 4000);

    const second = await startServer({ dbPath: store.location, extraArgs: ['--feeds', feeds] });
    servers.push(second);
    await until(() => FOLLOWS.test(second.output()), 'the second server follows');
    assert.doesNotMatch(second.output(), LEADS);
    // The feeds see one poller, not two: the request rate stays that of one server.
    const together = await requestsDuring(simulator.url, 4000);
    assert.ok(alone > 0, 'the leader polls');
    assert.ok(together < alone * 1.5, `with two servers ${together} requests in 4 s, against ${alone} with one`);

    // The follower serves what the leader takes: a number set in the simulator reaches both.
    const list = await json(`${simulator.url}/v1/Parking/OffStreet/CarPark/City/Taipei?$format=JSON`);
    const id = list.CarParks[0].CarParkID;
    const availableAt = async (server) =>
      (await json(server.url + '/api/parking')).car_parks.find((c) => c.county === 'Taipei' && c.id === id)?.available;
    await json(`${simulator.url}/control/Taipei/set?car_park=${id}&available=37`, { method: 'POST' });
    await until(async () => (await availableAt(first)) === 37, 'the leader shows the new number');
    await until(async () => (await availableAt(second)) === 37, 'the follower shows the new number');
    // … on its live stream too: the follower's subscribers hear of what the leader kept.
    const controller = new AbortController();
    const stream = await fetch(second.url + '/api/parking/stream', { signal: controller.signal });
    assert.equal(stream.status, 200);
    const reader = stream.body.getReader();
    await json(`${simulator.url}/control/Taipei/set?car_park=${id}&available=41`, { method: 'POST' });
    let text = '';
    await until(async () => {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
      return text.includes(`"key":"Taipei/${id}"`) && /"available":41/.test(text);
    }, 'the follower streams the change', 15000);
    controller.abort();

    // The leader dies without a word; the follower takes the lead within seconds and polls.
    process.kill(first.pid, 'SIGKILL');
    const killedAt = Date.now();
    await until(() => LEADS.test(second.output()), 'the follower takes over', 10000);
    const takeover = Date.now() - killedAt;
    assert.ok(takeover < 10000);
    t.diagnostic(`${kind}: the follower led ${takeover} ms after the leader's SIGKILL`);
    await json(`${simulator.url}/control/Taipei/set?car_park=${id}&available=12`, { method: 'POST' });
    await until(async () => (await availableAt(second)) === 12, 'the new leader polls');
    assert.ok(await requestsDuring(simulator.url, 2000) > 0);

    // A third process joining now follows the new leader.
    const third = await startServer({ dbPath: store.location, extraArgs: ['--feeds', feeds] });
    servers.push(third);
    await until(() => FOLLOWS.test(third.output()), 'the third server follows');
    await until(async () => (await availableAt(third)) === 12, 'the third server serves the kept data');
    assert.doesNotMatch(third.output(), LEADS);
  });
}
