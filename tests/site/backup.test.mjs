// Backup and restore under load, over real HTTP: staff keep closing and reopening proposals
// while the store is backed up — `beitai backup` for SQLite (the online backup API), pg_dump
// for PostgreSQL (what `beitai backup` names for it) — and every status change acknowledged
// before the backup began is found, with its reason, in a new store restored from it and
// served. `beitai restore` refuses a store that holds data, and a file that is no store.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BEITAI, ROOT, addAccount, freshPostgresDatabase, freshStore, runBeitai, staffClient, startServer, stores } from '../support/server.mjs';
import { expectAllFound, statusChangeLoad } from '../support/status_load.mjs';

const ADMIN = { name: 'backup-admin-4410', password: 'backup-admin-password', role: 'admin', agency: '北臺區域發展推動委員會秘書處' };

// Runs a program without blocking the event loop (the writers keep writing meanwhile).
function run(program, args) {
  return new Promise((resolve) => {
    const child = spawn(program, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

for (const store of stores()) {
  describe(`backup and restore (${store})`, () => {
    it('a backup taken under write load holds every change acknowledged before it began', async () => {
      const { location, cleanup } = freshStore(store);
      const dir = mkdtempSync(path.join(tmpdir(), 'beitai-backup-'));
      addAccount(location, ADMIN);
      const serverArgs = { dbPath: location, extraArgs: ['--feeds', 'none'] };
      let server = await startServer(serverArgs);
      let restoredServer;
      let restoredDb;
      try {
        const admin = await staffClient(server.url, ADMIN.name, ADMIN.password);
        const snapshot = await (await fetch(server.url + '/api/snapshot')).json();
        const load = statusChangeLoad(admin, snapshot);
        await new Promise((r) => setTimeout(r, 1500));

        const backupFile = path.join(dir, store === 'sqlite' ? 'backup.sqlite' : 'backup.pgdump');
        const startedAt = Date.now();
        const before = load.acked.filter((w) => w.at < startedAt);
        const backup = store === 'sqlite'
          ? await run(BEITAI, ['backup', backupFile, '--db', location])
          : await run('pg_dump', ['--format=custom', '--file', backupFile, location]);
        const endedAt = Date.now();
        await new Promise((r) => setTimeout(r, 300));
        await load.done();
        assert.deepEqual(load.refused, [], 'every status change was accepted');
        assert.equal(backup.status, 0, backup.stderr);
        const during = load.acked.filter((w) => w.at >= startedAt && w.at <= endedAt).length;
        console.log(`# ${store}: ${before.length} changes acknowledged before the backup, ${during} while it ran ` +
          `(${endedAt - startedAt} ms), ${load.acked.length} in all`);
        assert.ok(before.length > 20, 'the writes were under way when the backup began');

        if (store === 'sqlite') {
          assert.match(backup.stdout, /backed up .* revision \d+/);
          restoredDb = path.join(dir, 'restored.sqlite');
          const restored = runBeitai(['restore', backupFile, '--db', restoredDb]);
          assert.equal(restored.status, 0, restored.stderr);
          // The live store holds data: restoring over it is refused without --replace yes.
          const over = runBeitai(['restore', backupFile, '--db', location]);
          assert.equal(over.status, 1);
          assert.match(over.stderr, /holds a store already.*--replace yes/);
        } else {
          // What `beitai backup` says to run for PostgreSQL, and its restore.
          const said = runBeitai(['backup', backupFile + '.x', '--db', location]);
          assert.equal(said.status, 2);
          assert.match(said.stderr, /pg_dump --format=custom/);
          restoredDb = freshPostgresDatabase();
          const restored = spawnSync('pg_restore', ['--no-owner', '--dbname', restoredDb, backupFile], { encoding: 'utf8' });
          assert.equal(restored.status, 0, restored.stderr);
        }
        await server.stop();
        server = null;
        restoredServer = await startServer({ dbPath: restoredDb, extraArgs: ['--feeds', 'none'] });
        await expectAllFound(restoredServer.url, before);
      } finally {
        await server?.stop().catch(() => {});
        await restoredServer?.stop().catch(() => {});
        if (store === 'postgres' && restoredDb) spawnSync('psql', [process.env.BEITAI_PG_URL, '-qc', `DROP DATABASE IF EXISTS ${restoredDb.slice(restoredDb.lastIndexOf('/') + 1)} WITH (FORCE)`]);
        rmSync(dir, { recursive: true, force: true });
        cleanup();
      }
    });
  });
}

describe('backup and restore refuse what they must', () => {
  it('refuses a backup over an existing file, a restore of a file that is no store, and bad options', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'beitai-backup-'));
    try {
      const notStore = path.join(dir, 'not-a-store.sqlite');
      writeFileSync(notStore, 'this is not a database, only text pretending to be one\n'.repeat(200));
      const exists = runBeitai(['backup', notStore, '--db', notStore]);
      assert.equal(exists.status, 1);
      assert.match(exists.stderr, /exists already/);
      const bad = runBeitai(['restore', notStore, '--db', path.join(dir, 'new.sqlite')]);
      assert.equal(bad.status, 1);
      assert.match(bad.stderr, /not-a-store\.sqlite/);
      const missing = runBeitai(['restore', path.join(dir, 'missing.sqlite'), '--db', path.join(dir, 'new.sqlite')]);
      assert.equal(missing.status, 1);
      assert.match(missing.stderr, /not a Beitai store/);
      const option = runBeitai(['restore', notStore, '--db', path.join(dir, 'new.sqlite'), '--replace', 'maybe']);
      assert.equal(option.status, 2);
      const pg = runBeitai(['restore', 'dump.pgdump', '--db', 'postgresql://someone@127.0.0.1/db']);
      assert.equal(pg.status, 2);
      assert.match(pg.stderr, /pg_restore --clean --if-exists --no-owner/);
      assert.equal(runBeitai(['backup']).status, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
