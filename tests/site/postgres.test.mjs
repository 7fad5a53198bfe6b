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
