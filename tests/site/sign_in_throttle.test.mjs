// Sign-in throttling that a distributed guess cannot turn against the owner, over real HTTP
// on both stores. The server trusts X-Forwarded-For (--trust-proxy yes), so each request
// names the address it comes from. A browser that signed in before carries a device cookie
// (auth/device_cookie.h) and is not held by the per-name limits; any other browser meets
// growing delays per name (2, 4, 8 … s after the 5th failure, at most 60 s) — never the old
// 15-minute lock-out — and the admin sees the throttling in the audit log and in /metrics.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { addAccount, freshStore, startServer, staffClient, stores } from '../support/server.mjs';
import { metricValue, scrape } from '../support/prometheus.mjs';

const OWNER = { name: 'ntpc-owner-6120', password: 'owner-password-113', county: 'NewTaipei', agency: '新北市政府研究發展考核委員會' };
const NEWCOMER = { name: 'kl-new-4471', password: 'keelung-password-113', county: 'Keelung', agency: '基隆市政府' };
const STEPPER = { name: 'yl-step-2209', password: 'yilan-password-113', county: 'YilanCounty', agency: '宜蘭縣政府' };
const DEVICE = { name: 'hc-device-8810', password: 'hsinchu-password-113', county: 'Hsinchu', agency: '新竹市政府' };
const OTHER = { name: 'ml-other-3002', password: 'miaoli-password-113', county: 'MiaoliCounty', agency: '苗栗縣政府' };
const ADMIN = { name: 'nt-admin-7301', password: 'admin-password-113', role: 'admin', agency: '北臺區域發展推動委員會秘書處' };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

for (const store of stores()) {
  describe(`sign-in throttling (${store})`, () => {
    let location, cleanup, server;
    before(async () => {
      ({ location, cleanup } = freshStore(store));
      for (const a of [OWNER, NEWCOMER, STEPPER, DEVICE, OTHER, ADMIN]) addAccount(location, a);
      server = await startServer({ dbPath: location, extraArgs: ['--trust-proxy', 'yes', '--feeds', 'none'] });
    });
    after(async () => {
      await server?.stop();
      cleanup?.();
    });

    // POST /api/staff/sign-in from `from`, with the browser's device cookie if it has one.
    const signIn = async (name, password, from, device = '') => {
      const r = await fetch(server.url + '/api/staff/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': from, ...(device ? { cookie: device } : {}) },
        body: JSON.stringify({ name, password }),
      });
      await r.text();
      const set = r.headers.getSetCookie();
      return {
        status: r.status,
        retryAfter: r.headers.get('retry-after') === null ? null : Number(r.headers.get('retry-after')),
        session: set.find((c) => c.startsWith('beitai_session=')),
        device: set.find((c) => c.startsWith('beitai_device='))?.split(';')[0],
        setCookie: set,
      };
    };
    // A browser that signed in as `account` from `from`: its device cookie.
    const trustedBrowser = async (account, from) => {
      const r = await signIn(account.name, account.password, from);
      assert.equal(r.status, 200);
      assert.ok(r.device, 'a device cookie with the session');
      assert.match(r.setCookie.find((c) => c.startsWith('beitai_device=')), /HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/);
      return r.device;
    };

    it('a guess from 30 addresses at once is held back, and the owner\'s browser still signs in at once', async () => {
      const device = await trustedBrowser(OWNER, '198.51.100.20');
      const attempts = [];
      for (let i = 0; i < 30; i++)
        for (let k = 0; k < 2; k++) attempts.push(signIn(OWNER.name, `guess-${i}-${k}`, `203.0.113.${i + 10}`));
      const results = await Promise.all(attempts);
      const tried = results.filter((r) => r.status === 401).length;
      const held = results.filter((r) => r.status === 429);
      assert.equal(tried + held.length, results.length, 'only 401 and 429');
      assert.ok(tried <= 6, `at most the free failures and one more were tried (${tried})`);
      for (const r of held) assert.ok(r.retryAfter >= 1 && r.retryAfter <= 60, `Retry-After ${r.retryAfter}: a delay, not 15 minutes`);
      // The owner, from the office and from a new address, with the browser they used before.
      for (const from of ['198.51.100.20', '192.0.2.44']) {
        const r = await signIn(OWNER.name, OWNER.password, from, device);
        assert.equal(r.status, 200, `the owner from ${from}`);
        assert.ok(r.session);
      }
    });

    it('a new browser with the right password is delayed, then signs in — never locked for 15 minutes', async () => {
      for (let i = 0; i < 5; i++) assert.equal((await signIn(NEWCOMER.name, `wrong-${i}`, `203.0.113.${100 + i}`)).status, 401);
      const first = await signIn(NEWCOMER.name, NEWCOMER.password, '198.51.100.77');
      assert.equal(first.status, 429);
      assert.ok(first.retryAfter >= 1 && first.retryAfter <= 2, `Retry-After ${first.retryAfter}`);
      assert.equal(first.session, undefined, 'no session while held');
      await sleep(first.retryAfter * 1000 + 100);
      const later = await signIn(NEWCOMER.name, NEWCOMER.password, '198.51.100.77');
      assert.equal(later.status, 200);
    });

    it('the delays grow with each failure, and stay under a minute', async () => {
      const seen = [];
      let failures = 0;
      while (failures < 7) {
        const r = await signIn(STEPPER.name, `wrong-${failures}`, '203.0.113.200');
        if (r.status === 401) { failures++; continue; }
        assert.equal(r.status, 429);
        seen.push({ failures, retryAfter: r.retryAfter });
        await sleep(r.retryAfter * 1000 + 50);
      }
      const held = await signIn(STEPPER.name, STEPPER.password, '198.51.100.9');
      assert.equal(held.status, 429);
      // After 5, 6, 7 failures: 2, 4, 8 s after the latest (a second less when the clock ticked in between).
      const expected = { 5: 2, 6: 4, 7: 8 };
      for (const { failures: f, retryAfter } of [...seen, { failures: 7, retryAfter: held.retryAfter }]) {
        assert.ok(retryAfter <= expected[f] && retryAfter >= Math.max(1, expected[f] - 1), `after ${f} failures: ${retryAfter}`);
      }
      assert.ok(held.retryAfter >= 7, 'grew from 2 s');
    });

    it('a device cookie has its own small limit, and one of another name or forged is not trusted', async () => {
      const device = await trustedBrowser(DEVICE, '198.51.100.30');
      const other = await trustedBrowser(OTHER, '198.51.100.31');
      // Ten failures from the trusted browser are all tried (no per-name delay for it)…
      for (let i = 0; i < 10; i++) assert.equal((await signIn(DEVICE.name, `typo-${i}`, '198.51.100.30', device)).status, 401, `typo ${i + 1}`);
      // …then it is an untrusted browser like any other, held by the name's delay.
      const after = await signIn(DEVICE.name, DEVICE.password, '198.51.100.30', device);
      assert.equal(after.status, 429);
      // Another name's cookie, or this one's altered, does not open the way either.
      assert.equal((await signIn(DEVICE.name, DEVICE.password, '198.51.100.31', other)).status, 429);
      const forged = device.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
      assert.equal((await signIn(DEVICE.name, DEVICE.password, '198.51.100.30', forged)).status, 429);
      const renamed = device.replace(/=[^.]*/, '=' + Buffer.from(DEVICE.name).toString('base64url'));
      assert.equal((await signIn(OTHER.name, OTHER.password, '198.51.100.31', renamed.replace(DEVICE.name, OTHER.name))).status, 200,
        'the other account, with its own failures none, signs in as usual');
    });

    it('the admin sees the throttling in the audit log, and /metrics counts it', async () => {
      const admin = await staffClient(server.url, ADMIN.name, ADMIN.password);
      const log = (await admin.get('/api/staff/audit')).json;
      for (const account of [OWNER, NEWCOMER, STEPPER]) {
        const row = log.find((e) => e.action === 'sign-in-throttled' && e.user === account.name);
        assert.ok(row, `a sign-in-throttled row for ${account.name}`);
        assert.match(row.detail, /^(203\.0\.113\.\d+|198\.51\.100\.\d+)$/, 'with the address it came from');
      }
      const page = await admin.get('/staff/audit');
      assert.equal(page.status, 200);
      assert.ok(page.text.includes('sign-in-throttled') && page.text.includes(OWNER.name), 'the audit page shows it');
      const m = await scrape(server.url);
      assert.ok(metricValue(m, 'beitai_sign_in_throttled_total', { reason: 'name' }) >= 20, 'held attempts counted');
      assert.ok(metricValue(m, 'beitai_sign_in_throttled_total', { reason: 'device' }) >= 1, 'the device past its limit');
      assert.ok(metricValue(m, 'beitai_sign_ins_total', { result: 'failed' }) >= 20);
    });
  });
}
