// Several stateless server processes sharing one PostgreSQL database, as behind a load
// balancer: a write through one is seen by the other, and two editors racing on the same
// version through different processes get exactly one success and one 409.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addAccount, freshStore, startServer, staffClient } from '../support/server.mjs';

const skip = process.env.BEITAI_PG_URL ? false : 'BEITAI_PG_URL is not set (portal.sh test starts PostgreSQL)';

test('two processes on one PostgreSQL database stay consistent', { skip }, async () => {
  const store = freshStore('postgres');
  addAccount(store.location, { name: 'sec.admin', password: 'secretariat-pass-1', role: 'admin', agency: '北臺區域發展推動委員會秘書處' });
  const a = await startServer({ dbPath: store.location });
  const b = await startServer({ dbPath: store.location });
  try {
    const ca = await staffClient(a.url, 'sec.admin', 'secretariat-pass-1');
    const cb = await staffClient(b.url, 'sec.admin', 'secretariat-pass-1');

    const written = await ca.post('/api/staff/proposals/112-07/progress', { version: 1, text: '經由第一個伺服器程序寫入' });
    assert.equal(written.status, 200);
    assert.equal(written.json.version, 2);

    // B notices the store's revision within about a second and reloads.
    let seen;
    for (let i = 0; i < 40; i++) {
      seen = await (await fetch(b.url + '/api/proposals/112-07')).json();
      if (seen.version === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(seen.version, 2);
    assert.equal(seen.progress.at(-1).text, '經由第一個伺服器程序寫入');

    // Both now hold version 2; each tries to write on it at the same moment.
    const [ra, rb] = await Promise.all([
      ca.post('/api/staff/proposals/112-07/progress', { version: 2, text: 'A' }),
      cb.post('/api/staff/proposals/112-07/progress', { version: 2, text: 'B' }),
    ]);
    const statuses = [ra.status, rb.status].sort();
    assert.deepEqual(statuses, [200, 409]);
    const loser = ra.status === 409 ? ra : rb;
    assert.equal(loser.json.current.version, 3);
    const final = await (await fetch(a.url + '/api/proposals/112-07')).json();
    assert.equal(final.version, 3);
    assert.equal(final.progress.length, 3);
  } finally {
    await a.stop();
    await b.stop();
    store.cleanup();
  }
});

test('a connection the database drops is re-established for the next request', { skip }, async () => {
  const { spawnSync } = await import('node:child_process');
  const store = freshStore('postgres');
  addAccount(store.location, { name: 'sec.admin', password: 'secretariat-pass-1', role: 'admin', agency: '北臺區域發展推動委員會秘書處' });
  const server = await startServer({ dbPath: store.location });
  try {
    const admin = await staffClient(server.url, 'sec.admin', 'secretariat-pass-1');
    const database = store.location.slice(store.location.lastIndexOf('/') + 1);
    // What a database restart or failover does to the server's connection.
    const kill = spawnSync('psql', [process.env.BEITAI_PG_URL, '-qAtc',
      `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '${database}' AND pid <> pg_backend_pid()`],
    { encoding: 'utf8' });
    assert.equal(kill.status, 0, kill.stderr);
    assert.ok(Number(kill.stdout.trim()) >= 1, 'the server held a connection to drop');
    // The first request after the drop may find the connection dead; the store reconnects
    // at the start of every operation, so at most one refusal, and never a crash.
    let r = await admin.post('/api/staff/proposals/112-07/progress', { version: 1, text: '重新連線後寫入' });
    if (r.status !== 200) r = await admin.post('/api/staff/proposals/112-07/progress', { version: 1, text: '重新連線後寫入' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.version, 2);
    assert.equal((await fetch(server.url + '/healthz')).status, 200);
  } finally {
    await server.stop();
    store.cleanup();
  }
});
