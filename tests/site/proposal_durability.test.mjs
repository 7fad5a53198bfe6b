// Every acknowledged status change survives the server being killed (SIGKILL) in the middle of
// a stream of them, on both stores: after a restart each item's history holds every change that
// was answered 200. The stream runs as the write benchmark does (tests/bench/proposal_write_bench:
// concurrent staff closing and reopening, group commit); the rate it reached is printed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addAccount, freshStore, staffClient, startServer, stores } from '../support/server.mjs';
import { expectAllFound, statusChangeLoad } from '../support/status_load.mjs';

const ADMIN = { name: 'kill-admin-7731', password: 'durability-admin-pass', role: 'admin', agency: '北臺區域發展推動委員會秘書處' };
const CLIENTS = 16;
const KILL_AFTER_MS = 2500;

for (const store of stores()) {
  describe(`status-change durability (${store})`, () => {
    it('SIGKILL during a stream of status changes loses none that were acknowledged', async () => {
      const { location, cleanup } = freshStore(store);
      addAccount(location, ADMIN);
      const serverArgs = { dbPath: location, extraArgs: ['--feeds', 'none'] };
      let server = await startServer(serverArgs);
      try {
        const admin = await staffClient(server.url, ADMIN.name, ADMIN.password);
        const snapshot = await (await fetch(server.url + '/api/snapshot')).json();
        const started = Date.now();
        const load = statusChangeLoad(admin, snapshot, CLIENTS);
        await new Promise((r) => setTimeout(r, KILL_AFTER_MS));
        process.kill(server.pid, 'SIGKILL');
        const killedAt = Date.now();
        load.stop();
        await load.done();
        await server.stop().catch(() => {});
        const seconds = (killedAt - started) / 1000;
        console.log(`# ${store}: ${load.acked.length} status changes acknowledged in ${seconds.toFixed(2)} s over HTTP ` +
          `(${Math.round(load.acked.length / seconds)}/s with ${CLIENTS} clients), ${load.lost()} cut off, then SIGKILL`);
        assert.deepEqual(load.refused, [], 'no change was refused before the kill');
        assert.ok(load.acked.length > 50, 'the stream was under way when the server was killed');

        server = await startServer(serverArgs);
        await expectAllFound(server.url, load.acked);
        // And the audit log holds each, as a change (no whole records).
        const audit = await (await staffClient(server.url, ADMIN.name, ADMIN.password)).get('/api/staff/audit');
        const last = audit.json.find((e) => e.action === 'close' || e.action === 'reopen');
        assert.ok(last && !JSON.parse(last.after).status_history, 'the audit row holds the change, not the record');
        assert.ok(last.changes.some((c) => c.field === 'status'), JSON.stringify(last.changes));
      } finally {
        await server?.stop().catch(() => {});
        cleanup();
      }
    });
  });
}
