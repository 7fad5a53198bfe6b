// Every acknowledged check-in survives the server being killed (SIGKILL) in the middle of a
// stream of check-ins, on both stores: after a restart each participant's progress holds
// every check-in that was answered 201. Also prints the rate at which check-ins were
// acknowledged over HTTP (a figure, not an assertion).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, addAccount, freshStore, runBeitai, staffClient, startServer, stores } from '../support/server.mjs';

const ADMIN = { name: 'dur-admin-5120', password: 'durability-admin-pass', role: 'admin', agency: '北臺區域發展推動委員會秘書處' };
const SITES = JSON.parse(readFileSync(path.join(ROOT, 'content/maps/sites.json'), 'utf8')).sites;
const taiwanDate = (days) => new Date(Date.now() + days * 86400000 + 8 * 3600 * 1000).toISOString().slice(0, 10);
const CAMPAIGN = {
  id: 'durability', proposal: '112-40', name_zh: '耐久測試', name_en: 'Durability test', start: taiwanDate(-1), end: taiwanDate(30),
  min_counties: 3, winners_stay: false, contacts_erased_after: taiwanDate(90), sites: SITES.map((s) => ({ site: s.id, radius_m: 100 })),
  draws: [{ id: 'later', cutoff: taiwanDate(20) + 'T23:59:59+08:00', date: taiwanDate(25) + 'T15:00:00+08:00',
    seed_source_zh: '測試用亂數', seed_source_en: 'a test value', prizes: [{ county: 'Taipei', count: 1, name_zh: '住宿券', name_en: 'Hotel stay' }] }],
  figures: null, external: false, sample: true, note: '測試',
};
const PARTICIPANTS = 120;
const WORKERS = 32;
const KILL_AFTER_MS = 2500;

function signboardCodes(db) {
  const out = mkdtempSync(path.join(tmpdir(), 'beitai-signs-'));
  try {
    const r = runBeitai(['signboards', CAMPAIGN.id, '--db', db, '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    return readFileSync(path.join(out, 'codes.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => {
      const [site, , code] = l.split('\t');
      return { site, code };
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// Each participant comes from an address of their own (the server trusts the proxy header
// here), so the per-address limits do not stand in for the per-participant one.
const addressOf = (i) => `10.77.${Math.floor(i / 250)}.${(i % 250) + 1}`;

async function post(base, pathname, body, headers) {
  const res = await fetch(base + pathname, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, cookie: res.headers.getSetCookie()[0]?.split(';')[0], body: await res.text() };
}

for (const store of stores()) {
  describe(`raffle durability (${store})`, () => {
    it('SIGKILL during a stream of check-ins loses none that were acknowledged', async () => {
      const { location, cleanup } = freshStore(store);
      addAccount(location, ADMIN);
      const serverArgs = { dbPath: location, extraArgs: ['--feeds', 'none', '--trust-proxy', 'yes'] };
      let server = await startServer(serverArgs);
      try {
        const admin = await staffClient(server.url, ADMIN.name, ADMIN.password);
        assert.equal((await admin.post('/api/staff/campaigns', CAMPAIGN)).status, 201);
        const sites = signboardCodes(location);
        const people = [];
        for (let i = 0; i < PARTICIPANTS; i++) {
          const headers = { 'x-forwarded-for': addressOf(i) };
          const r = await post(server.url, '/api/campaigns/durability/participants',
            { nickname: `參加者${i}`, home_county: 'Taipei', contact: `p${i}@example.com` }, headers);
          assert.equal(r.status, 201, r.body);
          people.push({ cookie: r.cookie, headers: { ...headers, cookie: r.cookie }, next: (i * 7) % sites.length, acked: [] });
        }

        // Workers take turns over the participants; each check-in goes to the next site of
        // that participant (at most 25 each: under the per-participant limit). A worker stops
        // when no participant has check-ins left to make: it must never loop without awaiting,
        // or the timer that kills the server would never run (a fast run hung here once).
        let running = true;
        let acknowledged = 0;
        let refusedOrLost = 0;
        let lastAckAt = 0;
        let turn = 0;
        const started = Date.now();
        const nextPerson = () => {
          for (let k = 0; k < PARTICIPANTS; k++) {
            const p = people[turn++ % PARTICIPANTS];
            if (!p.busy && p.acked.length < 25) return p;
          }
          return null;
        };
        const worker = async () => {
          for (let p = nextPerson(); running && p; p = nextPerson()) {
            const s = sites[p.next++ % sites.length];
            p.busy = true;
            try {
              const r = await post(server.url, '/api/campaigns/durability/checkins', { site: s.site, code: s.code }, p.headers);
              if (r.status === 201) { p.acked.push(s.site); acknowledged++; lastAckAt = Date.now(); } else refusedOrLost++;
            } catch {
              refusedOrLost++;  // the connection died with the server: not acknowledged
            } finally {
              p.busy = false;
            }
          }
        };
        const workers = Array.from({ length: WORKERS }, () => worker());
        await new Promise((r) => setTimeout(r, KILL_AFTER_MS));
        process.kill(server.pid, 'SIGKILL');
        const killedAt = Date.now();
        running = false;
        await Promise.all(workers);
        await server.stop().catch(() => {});
        const seconds = (Math.min(killedAt, lastAckAt || killedAt) - started) / 1000;
        console.log(`# ${store}: ${acknowledged} check-ins acknowledged in ${seconds.toFixed(2)} s over HTTP ` +
          `(${Math.round(acknowledged / seconds)}/s with ${WORKERS} clients), ${refusedOrLost} refused or cut off, then SIGKILL`);
        assert.ok(acknowledged > 50, 'the stream was under way when the server was killed');

        server = await startServer(serverArgs);
        let found = 0;
        for (const p of people) {
          const res = await fetch(server.url + '/api/campaigns/durability/me', { headers: { cookie: p.cookie } });
          assert.equal(res.status, 200);
          const kept = new Set((await res.json()).checkins.map((c) => c.site));
          for (const site of p.acked) {
            assert.ok(kept.has(site), `an acknowledged check-in at ${site} was lost`);
            found++;
          }
        }
        assert.equal(found, acknowledged);
      } finally {
        await server?.stop().catch(() => {});
        cleanup();
      }
    });
  });
}
