// The green-tourism raffle over real HTTP, on every store (SQLite and PostgreSQL): the
// campaigns and the 112 campaign's seed figures; taking part (and every refusal of bad
// input); check-ins by signboard code and by position, each refusal (forged, foreign and
// old-key codes, outside the radius, too coarse, a duplicate, too fast, over the rate limit,
// cross-site); recovery and erasure; the admin's campaign, freeze and draw, the published
// list and its SHA-256, the masked winners and the logged contact download; a county
// editor's review; checking in with a photo (the API and the form without JavaScript, the
// photo re-encoded without its EXIF, seen only by the county's editor, deleted once reviewed).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, addAccount, freshStore, runBeitai, staffClient, startServer, stores } from '../support/server.mjs';
import { GPS_BYTES, PHOTO, jpegSize, withGpsExif } from '../support/photos.mjs';

const ADMIN = { name: 'nt-admin-3391', password: 'admin-pass-raffle', role: 'admin', agency: '北臺區域發展推動委員會秘書處' };
const YILAN = { name: 'yl-staff-2210', password: 'yilan-pass-raffle', county: 'YilanCounty', agency: '宜蘭縣政府環境保護局' };
const TAIPEI = { name: 'tp-staff-8812', password: 'taipei-pass-raffle', county: 'Taipei', agency: '臺北市政府環境保護局' };

const SITES = JSON.parse(readFileSync(path.join(ROOT, 'content/maps/sites.json'), 'utf8')).sites;
const siteIn = (county, n = 0) => SITES.filter((s) => s.county === county)[n];

// ---- helpers ------------------------------------------------------------------------------

// A browser of one participant: keeps the cookies the server sets.
function participant(base) {
  const jar = new Map();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  async function call(pathname, { method = 'GET', body, headers = {} } = {}) {
    const res = await fetch(base + pathname, {
      method,
      redirect: 'manual',
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(jar.size ? { cookie: cookie() } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (/Max-Age=0/.test(c)) jar.delete(k); else jar.set(k, v);
    }
    const text = await res.text();
    let json;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, headers: res.headers, text, json };
  }
  return { call, jar };
}

// The signboard codes as `beitai signboards` prints them for the county staff.
function signboardCodes(db, campaign) {
  const out = mkdtempSync(path.join(tmpdir(), 'beitai-signs-'));
  try {
    const r = runBeitai(['signboards', campaign, '--db', db, '--out', out, '--public-url', 'https://portal.example']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /wrote \d+ signboards/);
    const codes = new Map();
    for (const line of readFileSync(path.join(out, 'codes.tsv'), 'utf8').trim().split('\n').slice(1)) {
      const [site, , code, url] = line.split('\t');
      codes.set(site, { code, url });
    }
    const svgs = new Map(readdirSync(out).filter((f) => f.endsWith('.svg')).map((f) => [f.slice(0, -4), readFileSync(path.join(out, f), 'utf8')]));
    return { codes, svgs, svg: (site) => svgs.get(site) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const isoNow = (offsetSeconds = 0) => {
  // Taiwan time, +08:00, as the campaign files write it.
  const t = new Date(Date.now() + offsetSeconds * 1000 + 8 * 3600 * 1000);
  return t.toISOString().slice(0, 19) + '+08:00';
};
const taiwanDate = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86400000 + 8 * 3600 * 1000).toISOString().slice(0, 10);

// The campaign the participant tests run in: open from yesterday for a month, every sample
// site, so that the tests do not depend on the dates of the sample campaign in content/.
const LIVE = 'live-test';
const liveCampaign = () => ({
  id: LIVE, proposal: '112-40', name_zh: '測試活動', name_en: 'Test campaign', start: taiwanDate(-1), end: taiwanDate(30),
  min_counties: 3, winners_stay: false, contacts_erased_after: taiwanDate(90),
  sites: SITES.map((s) => ({ site: s.id, radius_m: 100 })),
  draws: [{ id: 'later', cutoff: taiwanDate(20) + 'T23:59:59+08:00', date: taiwanDate(25) + 'T15:00:00+08:00',
    seed_source_zh: '測試用亂數', seed_source_en: 'a test value', prizes: [{ county: 'Taipei', count: 1, name_zh: '住宿券', name_en: 'Hotel stay' }] }],
  figures: null, external: false, sample: true, note: '測試',
});

const register = (p, body) => p.call(`/api/campaigns/${LIVE}/participants`, { method: 'POST', body });
const checkIn = (p, body, campaign = LIVE) => p.call(`/api/campaigns/${campaign}/checkins`, { method: 'POST', body });

// ---- photos ---------------------------------------------------------------------------------

// A PNG signature and header claiming width × height, with no image data.
function pngClaiming(width, height) {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr[16] = 8; ihdr[17] = 2;
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), ihdr]);
}

// ---- the tests, once per store --------------------------------------------------------------

for (const store of stores()) {
  describe(`raffle (${store})`, () => {
    let location;
    let cleanup;
    let server;
    let admin;
    let signs;

    before(async () => {
      ({ location, cleanup } = freshStore(store));
      for (const account of [ADMIN, YILAN, TAIPEI]) addAccount(location, account);
      server = await startServer({ dbPath: location });
      admin = await staffClient(server.url, ADMIN.name, ADMIN.password);
      const created = await admin.post('/api/staff/campaigns', liveCampaign());
      assert.equal(created.status, 201, created.text);
      signs = signboardCodes(location, LIVE);
    });
    after(async () => {
      await server?.stop();
      cleanup?.();
    });

    describe('campaigns', () => {
      it('lists the 112 campaign as history and the sample campaign with its draws, dates in +08:00', async () => {
        const r = await fetch(server.url + '/api/campaigns');
        assert.equal(r.status, 200);
        const campaigns = await r.json();
        const c112 = campaigns.find((c) => c.id === '112');
        assert.equal(c112.name_zh, '北臺綠色旅遊合作計畫');
        assert.equal(c112.start, '2023-06-05');
        assert.equal(c112.end, '2023-11-30');
        assert.equal(c112.min_counties, 3);
        assert.equal(c112.sample, false);
        assert.deepEqual(c112.draws.map((d) => d.status), ['drawn', 'drawn']);
        const demo = campaigns.find((c) => c.id === '2026-demo');
        assert.equal(demo.sample, true);
        assert.equal(demo.draws.length, 2);
        assert.match(demo.draws[0].cutoff, /^2026-12-20T23:59:59\+08:00$/);
        assert.equal(demo.draws[0].status, 'open');
      });

      it('the 112 statistics are the seed table of 112-07-16', async () => {
        const stats = await (await fetch(server.url + '/api/campaigns/112/stats')).json();
        assert.equal(stats.as_of, '2023-07-16');
        assert.deepEqual(stats.total, { participants_home: 50, participations: 351, site_visits: 150 });
        const taipei = stats.counties.find((c) => c.county === 'Taipei');
        assert.deepEqual([taipei.participants_home, taipei.participations, taipei.site_visits], [3, 127, 47]);
        const newTaipei = stats.counties.find((c) => c.county === 'NewTaipei');
        assert.deepEqual([newTaipei.participants_home, newTaipei.participations, newTaipei.site_visits], [36, 65, 42]);
        assert.equal(stats.counties.length, 8);
      });

      it('an unknown campaign is a 404 naming it', async () => {
        for (const tail of ['/stats', '']) {
          const r = await fetch(server.url + '/api/campaigns/2099-nope' + tail);
          assert.equal(r.status, 404);
          assert.match((await r.json()).error, /2099-nope/);
        }
      });

      it('a campaign whole: its sites with their radii, draws and prizes, as the content file holds them', async () => {
        const r = await fetch(server.url + '/api/campaigns/2026-demo');
        assert.equal(r.status, 200);
        const demo = await r.json();
        const file = JSON.parse(readFileSync(path.join(ROOT, 'content/campaigns/2026-demo.json'), 'utf8'));
        assert.equal(demo.id, '2026-demo');
        assert.equal(demo.sites.length, file.sites.length);
        assert.ok(demo.sites.length > 0);
        assert.deepEqual(demo.sites.map((s) => [s.site, s.radius_m]), file.sites.map((s) => [s.site, s.radius_m ?? 100]));
        assert.deepEqual(demo.draws.map((d) => d.id), file.draws.map((d) => d.id));
        assert.equal(demo.min_counties, file.min_counties);
        assert.equal(demo.sample, true);
      });

      it('signboards: one printable sheet per participating site, with its code and a QR link', () => {
        assert.equal(signs.svgs.size, SITES.length);
        const site = siteIn('Taipei');
        const { code, url } = signs.codes.get(site.id);
        assert.match(code, /^\d+-[0-9A-HJKMNP-TV-Z]{16}$/);
        assert.equal(url, `https://portal.example/raffle/${LIVE}?site=${site.id}&code=${code}`);
        const svg = signs.svg(site.id);
        assert.ok(svg.includes(code), 'the code is typed out on the sheet');
        assert.ok(svg.includes(site.name), "the site's name is on the sheet");
        assert.match(svg, /<path fill="#000000" d="M\d/);
        assert.ok(svg.includes('示範資料'), 'a sample campaign says so on its sheets');
      });
    });

    describe('taking part', () => {
      it('registers with a nickname, home county and contact: 201, a participant cookie, a recovery code', async () => {
        const p = participant(server.url);
        const r = await register(p, { nickname: '王小明', home_county: 'NewTaipei', contact: '0912-345-678' });
        assert.equal(r.status, 201, r.text);
        assert.match(r.json.recovery_code, /^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
        const cookie = r.headers.getSetCookie().find((c) => c.startsWith(`beitai_raffle_${LIVE}=`));
        assert.match(cookie, /HttpOnly/);
        assert.match(cookie, /SameSite=Lax/);
        const me = await p.call(`/api/campaigns/${LIVE}/me`);
        assert.equal(me.status, 200);
        assert.equal(me.json.nickname, '王小明');
        assert.deepEqual(me.json.counties_done, []);
        // A second sign-up from the same browser is refused, not a second account.
        const again = await register(p, { nickname: '王小明二號', home_county: 'Taipei', contact: 'ming@example.com' });
        assert.equal(again.status, 409);
      });

      it('bad input is refused with every field named, and nothing is stored', async () => {
        const p = participant(server.url);
        const r = await register(p, { nickname: '', home_county: 'Tainan', contact: '12345' });
        assert.equal(r.status, 400);
        assert.match(r.json.error, /nickname/);
        assert.match(r.json.error, /home_county/);
        assert.match(r.json.error, /contact/);
        assert.equal(p.jar.size, 0, 'no cookie for a refused sign-up');
        const extra = await register(p, { nickname: '小華', home_county: 'Taipei', contact: 'hua@example.com', admin: true });
        assert.equal(extra.status, 400);
        assert.match(extra.json.error, /admin/);
        const notJson = await p.call(`/api/campaigns/${LIVE}/participants`, { method: 'POST', body: undefined, headers: { 'content-type': 'text/plain' } });
        assert.equal(notJson.status, 415);
      });

      it('the sign-up form without JavaScript: a refusal names the field in the reader\'s language and keeps what was typed', async () => {
        const res = await fetch(`${server.url}/raffle/${LIVE}/register`, {
          method: 'POST', redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ nickname: '林小雨', home_county: 'Hsinchu', contact: '12345' }).toString(),
        });
        assert.equal(res.status, 400);
        const html = await res.text();
        assert.match(html, /role="alert">contact: /);
        assert.match(html, /id="r-nickname"[^>]*value="林小雨"/);
        assert.match(html, /<option value="Hsinchu" selected>/);
        assert.match(html, /id="r-contact"[^>]*value="12345"/);
        assert.equal(res.headers.getSetCookie().length, 0, 'nothing stored, no cookie');
      });

      it('a cross-site POST is refused, by Sec-Fetch-Site or by a foreign Origin', async () => {
        const p = participant(server.url);
        const body = { nickname: '小華', home_county: 'Taipei', contact: 'hua@example.com' };
        const r = await p.call(`/api/campaigns/${LIVE}/participants`, { method: 'POST', body, headers: { 'sec-fetch-site': 'cross-site' } });
        assert.equal(r.status, 403);
        const o = await p.call(`/api/campaigns/${LIVE}/participants`, { method: 'POST', body, headers: { origin: 'https://evil.example' } });
        assert.equal(o.status, 403);
        assert.equal(p.jar.size, 0);
      });

      it("a notice in the address names only a real site (the address cannot put words in the page)", async () => {
        const forged = await (await fetch(`${server.url}/raffle/${LIVE}?notice=counted&at=${encodeURIComponent('免費抽 iPhone，請到 evil.example')}`)).text();
        assert.doesNotMatch(forged, /class="notice/, 'no notice for a site that is not on the list');
        const site = SITES[0];
        const real = await (await fetch(`${server.url}/raffle/${LIVE}?notice=counted&at=${site.id}`)).text();
        assert.ok(real.includes(`已在「${site.name}」打卡`));
      });

      it('a recovery code moves the participation to another device; the old cookie stops working', async () => {
        const phone = participant(server.url);
        const reg = await register(phone, { nickname: '陳美麗', home_county: 'Keelung', contact: 'meili@example.com' });
        assert.equal(reg.status, 201);
        const laptop = participant(server.url);
        const wrong = await laptop.call(`/api/campaigns/${LIVE}/recover`, { method: 'POST', body: { recovery_code: 'AAAAA-AAAAA-AAAAA-AAAAA' } });
        assert.equal(wrong.status, 404);
        const typed = reg.json.recovery_code.toLowerCase().replace(/-/g, ' ');
        const ok = await laptop.call(`/api/campaigns/${LIVE}/recover`, { method: 'POST', body: { recovery_code: typed } });
        assert.equal(ok.status, 200, ok.text);
        assert.equal((await laptop.call(`/api/campaigns/${LIVE}/me`)).json.nickname, '陳美麗');
        assert.equal((await phone.call(`/api/campaigns/${LIVE}/me`)).status, 401);
      });
    });

    describe('checking in', () => {
      let p;
      const taipei = siteIn('Taipei');
      const taipei2 = siteIn('Taipei', 1);
      const newTaipei = siteIn('NewTaipei');
      const yilan = siteIn('YilanCounty');
      before(async () => {
        p = participant(server.url);
        assert.equal((await register(p, { nickname: '林大同', home_county: 'Taipei', contact: '0922333444' })).status, 201);
      });

      it('without taking part first: 401', async () => {
        const stranger = participant(server.url);
        const r = await checkIn(stranger, { site: taipei.id, code: signs.codes.get(taipei.id).code });
        assert.equal(r.status, 401);
      });

      it("by the signboard's code: 201, one county done", async () => {
        const r = await checkIn(p, { site: taipei.id, code: signs.codes.get(taipei.id).code.toLowerCase() });
        assert.equal(r.status, 201, r.text);
        assert.equal(r.json.counties_done, 1);
        assert.equal(r.json.eligible, false);
        assert.equal(r.json.state, 'counted');
      });

      it('the same site again is refused as a duplicate (409), however proven', async () => {
        const byCode = await checkIn(p, { site: taipei.id, code: signs.codes.get(taipei.id).code });
        assert.equal(byCode.status, 409);
        const byPosition = await checkIn(p, { site: taipei.id, lat: taipei.lat, lon: taipei.lon, accuracy_m: 5 });
        assert.equal(byPosition.status, 409);
      });

      it('a forged code, a code of another site and a malformed code are refused (422) and change nothing', async () => {
        const forged = await checkIn(p, { site: taipei2.id, code: '1-0000000000000000' });
        assert.equal(forged.status, 422);
        assert.equal(forged.json.reason, 'code_forged');
        const foreign = await checkIn(p, { site: taipei2.id, code: signs.codes.get(newTaipei.id).code });
        assert.equal(foreign.status, 422);
        assert.equal(foreign.json.reason, 'code_other_site');
        const malformed = await checkIn(p, { site: taipei2.id, code: 'hello' });
        assert.equal(malformed.status, 422);
        const me = (await p.call(`/api/campaigns/${LIVE}/me`)).json;
        assert.equal(me.checkins.length, 1);
      });

      it('by position: outside the radius and too coarse are refused; inside, with its accuracy, counts', async () => {
        const far = await checkIn(p, { site: taipei2.id, lat: taipei2.lat + 0.01, lon: taipei2.lon, accuracy_m: 10 });
        assert.equal(far.status, 422);
        assert.equal(far.json.reason, 'outside_radius');
        assert.match(far.json.error, /1[01]\d\d|公尺|m\b/);
        const coarse = await checkIn(p, { site: taipei2.id, lat: taipei2.lat, lon: taipei2.lon, accuracy_m: 2000 });
        assert.equal(coarse.status, 422);
        assert.equal(coarse.json.reason, 'accuracy_too_coarse');
        const nan = await checkIn(p, { site: taipei2.id, lat: 'north', lon: taipei2.lon, accuracy_m: 5 });
        assert.equal(nan.status, 422);
        // 130 m north of the site with 40 m accuracy: within 100 m once the accuracy is allowed for.
        const near = await checkIn(p, { site: taipei2.id, lat: taipei2.lat + 130 / 111320, lon: taipei2.lon, accuracy_m: 40 });
        assert.equal(near.status, 201, near.text);
        assert.equal(near.json.counties_done, 1, 'a second Taipei site is still one county');
      });

      it('an unknown site is a 404 and an unknown field a 400', async () => {
        assert.equal((await checkIn(p, { site: 'site-999', code: '1-0000000000000000' })).status, 404);
        assert.equal((await checkIn(p, { site: taipei.id, code: 'x', photo: 'y' })).status, 400);
      });

      it('check-ins sent at once are judged one at a time: the travel-speed rule still holds', async () => {
        const q = participant(server.url);
        assert.equal((await register(q, { nickname: '周同時', home_county: 'Keelung', contact: 'sync@example.com' })).status, 201);
        const three = [siteIn('Keelung'), siteIn('Hsinchu'), siteIn('MiaoliCounty')];
        const answers = await Promise.all(three.map((s) => checkIn(q, { site: s.id, code: signs.codes.get(s.id).code })));
        assert.deepEqual(answers.map((a) => a.status), [201, 201, 201]);
        assert.deepEqual(answers.map((a) => a.json.state).sort(), ['counted', 'held', 'held']);
        const me = (await q.call(`/api/campaigns/${LIVE}/me`)).json;
        assert.equal(me.eligible, false);
        assert.equal(me.counties_done.length, 1);
      });

      it('a check-in too far away too soon is held for review, not counted', async () => {
        const r = await checkIn(p, { site: yilan.id, code: signs.codes.get(yilan.id).code });
        assert.equal(r.status, 201, r.text);
        assert.equal(r.json.state, 'held');
        assert.equal(r.json.counties_done, 1, 'a held check-in does not count yet');
      });

      it("the county's editor sees it and accepts it; another county's editor may not", async () => {
        const yl = await staffClient(server.url, YILAN.name, YILAN.password);
        const page = await yl.get('/staff/raffle');
        assert.equal(page.status, 200);
        const id = page.text.match(/\/staff\/raffle\/checkins\/(\d+)\/review/)[1];
        const tp = await staffClient(server.url, TAIPEI.name, TAIPEI.password);
        assert.equal((await tp.post(`/api/staff/raffle/checkins/${id}/review`, { decision: 'accept' })).status, 403);
        const empty = await yl.post(`/api/staff/raffle/checkins/${id}/review`, { decision: 'refuse', reason: '   ' });
        assert.equal(empty.status, 400, 'a refusal needs a reason');
        assert.equal((await yl.post(`/api/staff/raffle/checkins/${id}/review`, { decision: 'accept' })).status, 200);
        assert.equal((await yl.post(`/api/staff/raffle/checkins/${id}/review`, { decision: 'accept' })).status, 409, 'reviewed once');
        const me = (await p.call(`/api/campaigns/${LIVE}/me`)).json;
        assert.deepEqual(me.counties_done.sort(), ['Taipei', 'YilanCounty'].sort());
      });

      it('where next: the nearest sites in the counties still missing, each with car parks that have space', async () => {
        const r = await p.call(`/raffle/${LIVE}/nearby?lat=${taipei.lat}&lon=${taipei.lon}`);
        assert.equal(r.status, 200);
        const listed = [...r.text.matchAll(/<li data-site="([^"]+)">/g)].map((m) => m[1]);
        assert.equal(listed.length, 5);
        const countyOf = new Map(SITES.map((s) => [s.id, s.county]));
        for (const id of listed) assert.ok(!['Taipei', 'YilanCounty'].includes(countyOf.get(id)), `${id} is in a county already done`);
        assert.match(r.text, /class="nearby-parking"/);
        const bad = await p.call(`/raffle/${LIVE}/nearby?lat=north&lon=${taipei.lon}`);
        assert.equal(bad.status, 400);
      });

      it('the public statistics count it by county', async () => {
        const stats = await (await fetch(`${server.url}/api/campaigns/${LIVE}/stats`)).json();
        const taipeiRow = stats.counties.find((c) => c.county === 'Taipei');
        assert.ok(taipeiRow.participations >= 1);
        assert.ok(taipeiRow.participants_home >= 1);
        assert.equal(stats.total.participations, stats.counties.reduce((n, c) => n + c.participations, 0));
      });

      it('over the rate limit: 429 with Retry-After', async () => {
        const q = participant(server.url);
        assert.equal((await register(q, { nickname: '趙小飛', home_county: 'Hsinchu', contact: 'fei@example.com' })).status, 201);
        let last;
        for (let i = 0; i < 31; i++) last = await checkIn(q, { site: taipei.id, code: '1-0000000000000000' });
        assert.equal(last.status, 429);
        assert.ok(Number(last.headers.get('retry-after')) >= 1);
      });

      it('erasure: refused without confirmation; with it, the participation and its check-ins are gone', async () => {
        const q = participant(server.url);
        assert.equal((await register(q, { nickname: '吳小雨', home_county: 'Taoyuan', contact: 'yu@example.com' })).status, 201);
        assert.equal((await checkIn(q, { site: newTaipei.id, code: signs.codes.get(newTaipei.id).code })).status, 201);
        await new Promise((r) => setTimeout(r, 1100));  // public counts may be a second old
        const before = await (await fetch(`${server.url}/api/campaigns/${LIVE}/stats`)).json();
        assert.equal((await q.call(`/api/campaigns/${LIVE}/me/erase`, { method: 'POST', body: {} })).status, 400);
        const r = await q.call(`/api/campaigns/${LIVE}/me/erase`, { method: 'POST', body: { confirm: true } });
        assert.equal(r.status, 200);
        assert.equal((await q.call(`/api/campaigns/${LIVE}/me`)).status, 401);
        const after = await (await fetch(`${server.url}/api/campaigns/${LIVE}/stats`)).json();
        assert.equal(after.total.participations, before.total.participations - 1);
      });
    });

    describe('checking in with a photo', () => {
      let p;
      const taipei = siteIn('Taipei', 3);
      const sendPhoto = (who, site, body, type = 'image/jpeg', headers = {}) => fetch(
        `${server.url}/api/campaigns/${LIVE}/photos${site ? `?site=${site}` : ''}`,
        { method: 'POST', headers: { 'content-type': type, cookie: cookieOf(who), ...headers }, body })
        .then(async (r) => ({ status: r.status, json: await r.json().catch(() => null), headers: r.headers }));
      const cookieOf = (who) => [...who.jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const photoOf = (client, id) => fetch(`${server.url}/staff/raffle/checkins/${id}/photo`, { headers: { cookie: client.cookie }, redirect: 'manual' });
      before(async () => {
        p = participant(server.url);
        assert.equal((await register(p, { nickname: '張小攝', home_county: 'Taoyuan', contact: '0912345678' })).status, 201);
      });

      it('via the API: 201, waiting for review and not counted; the editor sees the photo, re-encoded without its EXIF', async () => {
        const sent = withGpsExif(PHOTO);
        assert.ok(sent.includes(GPS_BYTES), 'the upload carries a GPS position');
        const r = await sendPhoto(p, taipei.id, sent);
        assert.equal(r.status, 201, JSON.stringify(r.json));
        assert.equal(r.json.state, 'photo_pending');
        assert.equal(r.json.counties_done, 0);
        const me = (await p.call(`/api/campaigns/${LIVE}/me`)).json;
        assert.deepEqual(me.counties_done, []);
        assert.deepEqual(me.checkins.map((c) => [c.site, c.state]), [[taipei.id, 'photo_pending']]);

        const editor = await staffClient(server.url, TAIPEI.name, TAIPEI.password);
        const waiting = (await editor.get('/api/staff/raffle/waiting')).json.find((w) => w.site === taipei.id && w.campaign === LIVE);
        assert.equal(waiting.proof, 'photo');
        assert.equal(waiting.state, 'photo_pending');
        const photo = await photoOf(editor, waiting.id);
        assert.equal(photo.status, 200);
        assert.equal(photo.headers.get('content-type'), 'image/jpeg');
        assert.equal(photo.headers.get('cache-control'), 'no-store');
        assert.equal(photo.headers.get('x-content-type-options'), 'nosniff');
        const jpeg = Buffer.from(await photo.arrayBuffer());
        assert.deepEqual([...jpeg.subarray(0, 3)], [0xff, 0xd8, 0xff]);
        assert.ok(!jpeg.includes('Exif'), 'no EXIF in the kept photo');
        assert.ok(!jpeg.includes(GPS_BYTES), 'no GPS position in the kept photo');
        assert.deepEqual(jpegSize(jpeg), { width: 1600, height: 1067 });
        const page = await editor.get('/staff/raffle');
        assert.ok(page.text.includes(`<img src="/staff/raffle/checkins/${waiting.id}/photo" alt="在「${taipei.name}」打卡的照片"`), 'the review list shows the photo');

        const yl = await staffClient(server.url, YILAN.name, YILAN.password);
        assert.equal((await photoOf(yl, waiting.id)).status, 403, "another county's editor may not see it");
        assert.equal((await photoOf({ cookie: cookieOf(p) }, waiting.id)).status, 303, 'nor may the participant (to the sign-in)');
        assert.equal((await photoOf(admin, waiting.id)).status, 200);
        // Each look at the photo is in the audit log, by whom; the refused one is not a look.
        const looks = (await admin.get('/api/staff/audit')).json.filter((e) => e.action === 'raffle-photo-view' && e.detail.includes(`check-in ${waiting.id} `));
        assert.deepEqual(looks.map((e) => e.user).sort(), [ADMIN.name, TAIPEI.name].sort());

        assert.equal((await editor.post(`/api/staff/raffle/checkins/${waiting.id}/review`, { decision: 'accept' })).status, 200);
        assert.deepEqual((await p.call(`/api/campaigns/${LIVE}/me`)).json.counties_done, ['Taipei'], 'accepted, it counts');
        assert.equal((await photoOf(editor, waiting.id)).status, 404, 'the review deleted the photo');
      });

      it('a second photo, or any check-in, at the same site is refused as a duplicate', async () => {
        assert.equal((await sendPhoto(p, taipei.id, PHOTO)).status, 409);
        assert.equal((await checkIn(p, { site: taipei.id, code: signs.codes.get(taipei.id).code })).status, 409);
      });

      it('refusals name the photo and store nothing: not an image, unreadable, too many pixels, too large', async () => {
        const before = (await p.call(`/api/campaigns/${LIVE}/me`)).json.checkins.length;
        const site = siteIn('Keelung', 1).id;
        const text = await sendPhoto(p, site, Buffer.from('<!doctype html><p>not a photo'));
        assert.equal(text.status, 415);
        assert.equal(text.json.error, 'photo: 這不是 JPEG 或 PNG 圖片');
        const declared = await sendPhoto(p, site, PHOTO, 'text/plain');
        assert.equal(declared.status, 415);
        assert.match(declared.json.error, /^photo: /);
        const cut = await sendPhoto(p, site, PHOTO.subarray(0, PHOTO.length / 2));
        assert.equal(cut.status, 400);
        assert.match(cut.json.error, /^photo: 無法讀取/);
        const bomb = await sendPhoto(p, site, pngClaiming(100000, 100000), 'image/png', { cookie: `${cookieOf(p)}; lang=en` });
        assert.equal(bomb.status, 413);
        assert.equal(bomb.json.error, 'photo: more than 40 megapixels; send a smaller photo');
        const huge = await sendPhoto(p, site, Buffer.concat([PHOTO, Buffer.alloc(10 * 1024 * 1024)]));
        assert.equal(huge.status, 413);
        assert.equal(huge.json.error, 'photo larger than 10485760 bytes (10 MB)');
        const noSite = await sendPhoto(p, '', PHOTO);
        assert.equal(noSite.status, 400);
        assert.match(noSite.json.error, /^site: /);
        assert.equal((await p.call(`/api/campaigns/${LIVE}/me`)).json.checkins.length, before, 'nothing stored');
        // Other addresses keep the 1 MiB limit.
        const big = await p.call(`/api/campaigns/${LIVE}/checkins`, { method: 'POST', body: { site, code: 'x'.repeat(1100000) } });
        assert.equal(big.status, 413);
        assert.equal(big.json.error, 'request body larger than 1048576 bytes (1 MB)');
      });

      it('a client that asks first (Expect: 100-continue) is told to go on, or refused before it sends too much', async () => {
        const ask = (length) => new Promise((resolve, reject) => {
          const url = new URL(`${server.url}/api/campaigns/${LIVE}/photos?site=${siteIn('Hsinchu', 1).id}`);
          const req = request(url, { method: 'POST', headers: { 'content-type': 'image/jpeg', 'content-length': length, expect: '100-continue', cookie: cookieOf(p) } });
          let continued = false;
          req.on('continue', () => { continued = true; req.end(PHOTO); });
          req.on('response', (res) => {
            let text = '';
            res.on('data', (d) => { text += d; });
            res.on('end', () => { req.destroy(); resolve({ continued, status: res.statusCode, text }); });
          });
          req.on('error', reject);
          req.flushHeaders();
        });
        const ok = await ask(PHOTO.length);
        assert.equal(ok.continued, true);
        assert.equal(ok.status, 201, ok.text);
        const tooBig = await ask(20 * 1024 * 1024);
        assert.equal(tooBig.continued, false, 'refused on its header alone');
        assert.equal(tooBig.status, 413);
      });

      it('the form without JavaScript: multipart, then the page with its notice; a refusal keeps the site', async () => {
        const page = await p.call(`/raffle/${LIVE}`);
        assert.match(page.text, /<form method="post" action="\/raffle\/live-test\/photo" enctype="multipart\/form-data"/);
        assert.match(page.text, /<input type="file" id="r-photo" name="photo" accept="image\/jpeg,image\/png" required/);
        const site = siteIn('NewTaipei', 2);
        const form = new FormData();
        form.append('site', site.id);
        form.append('photo', new Blob([withGpsExif(PHOTO)], { type: 'image/jpeg' }), 'IMG_0001.JPG');
        const res = await fetch(`${server.url}/raffle/${LIVE}/photo`, { method: 'POST', body: form, redirect: 'manual', headers: { cookie: cookieOf(p) } });
        assert.equal(res.status, 303);
        assert.equal(res.headers.get('location'), `/raffle/${LIVE}?notice=photo_pending&at=${site.id}`);
        const after = await p.call(res.headers.get('location'));
        assert.ok(after.text.includes(`已收到「${site.name}」的照片，將由縣市審核後採計。`));

        const refused = new FormData();
        refused.append('site', siteIn('Taoyuan', 1).id);
        refused.append('photo', new Blob(['just text']), 'notes.txt');
        const again = await fetch(`${server.url}/raffle/${LIVE}/photo`, { method: 'POST', body: refused, redirect: 'manual', headers: { cookie: cookieOf(p) } });
        assert.equal(again.status, 415);
        const html = await again.text();
        assert.match(html, /role="alert">photo: 這不是 JPEG 或 PNG 圖片/);
        assert.match(html, new RegExp(`id="r-photo-site"[^>]*>.*<option value="${siteIn('Taoyuan', 1).id}" selected>`));
        const broken = await fetch(`${server.url}/raffle/${LIVE}/photo`, {
          method: 'POST', redirect: 'manual', headers: { cookie: cookieOf(p), 'content-type': 'multipart/form-data; boundary=xyz' },
          body: '--xyz\r\nContent-Disposition: form-data; name="site"\r\n\r\nsite-001\r\n',
        });
        assert.equal(broken.status, 400);
        assert.match(await broken.text(), /site: cut short \(no closing multipart boundary\)/);
      });

      it('cross-site, or before taking part, a photo is refused', async () => {
        assert.equal((await sendPhoto(p, siteIn('Taoyuan', 2).id, PHOTO, 'image/jpeg', { 'sec-fetch-site': 'cross-site' })).status, 403);
        assert.equal((await sendPhoto(participant(server.url), siteIn('Taoyuan', 2).id, PHOTO)).status, 401);
      });

      it("erasing the participant's data deletes their photo", async () => {
        const q = participant(server.url);
        assert.equal((await register(q, { nickname: '李小刪', home_county: 'Keelung', contact: 'erase@example.com' })).status, 201);
        const site = siteIn('MiaoliCounty', 1);
        assert.equal((await sendPhoto(q, site.id, PHOTO)).status, 201);
        const id = (await admin.get('/api/staff/raffle/waiting')).json.find((w) => w.site === site.id && w.campaign === LIVE && w.proof === 'photo').id;
        assert.equal((await photoOf(admin, id)).status, 200);
        assert.equal((await q.call(`/api/campaigns/${LIVE}/me/erase`, { method: 'POST', body: { confirm: true } })).status, 200);
        assert.equal((await photoOf(admin, id)).status, 404);
      });
    });

    describe('the draw', () => {
      const campaignId = 'draw-test-' + store;
      const cutoffIn = 4;  // seconds
      const picks = [siteIn('Taipei', 2), siteIn('Keelung'), siteIn('Hsinchu'), siteIn('MiaoliCounty')];
      let campaign;
      let codes;
      const players = [];
      const contacts = [0, 1, 2, 3, 4].map((i) => `09${String(10000000 + i * 1111111).slice(0, 8)}`);

      before(async () => {
        campaign = {
          id: campaignId, proposal: '112-40', name_zh: '抽獎測試活動', name_en: 'Draw test campaign',
          start: taiwanDate(-1), end: taiwanDate(30), min_counties: 3, winners_stay: false, contacts_erased_after: taiwanDate(90),
          sites: picks.map((s) => ({ site: s.id, radius_m: 100 })),
          draws: [{ id: 'first', cutoff: isoNow(cutoffIn), date: isoNow(cutoffIn + 60), seed_source_zh: '測試用亂數', seed_source_en: 'a test value',
            prizes: [{ county: 'Taipei', count: 2, name_zh: '住宿券', name_en: 'Hotel stay' }, { county: 'Keelung', count: 1, name_zh: '住宿券', name_en: 'Hotel stay' }] },
          { id: 'second', cutoff: isoNow(cutoffIn + 1), date: isoNow(cutoffIn + 120), seed_source_zh: '第二次測試用亂數', seed_source_en: 'a second test value',
            prizes: [{ county: 'Hsinchu', count: 1, name_zh: '住宿券', name_en: 'Hotel stay' }] }],
          figures: null, external: false, sample: true, note: '測試',
        };
        const created = await admin.post('/api/staff/campaigns', campaign);
        assert.equal(created.status, 201, created.text);
        codes = signboardCodes(location, campaignId).codes;
        const names = ['王大明', '李小華', '張美玲', '劉建國', '黃志明'];
        for (let i = 0; i < names.length; i++) {
          const p = participant(server.url);
          const r = await p.call(`/api/campaigns/${campaignId}/participants`, { method: 'POST', body: { nickname: names[i], home_county: 'Taipei', contact: contacts[i] } });
          assert.equal(r.status, 201, r.text);
          // The first four reach three counties; the fifth only two.
          const sites = i < 4 ? picks.slice(0, 3) : picks.slice(0, 2);
          for (const s of sites) {
            const c = await checkIn(p, { site: s.id, code: codes.get(s.id).code }, campaignId);
            assert.equal(c.status, 201, c.text);
          }
          players.push(p);
        }
        // Check-ins seconds apart in different counties are held as implausibly fast; the
        // admin, who reviews every county, accepts them.
        const waiting = (await admin.get('/api/staff/raffle/waiting')).json.filter((w) => w.campaign === campaignId);
        assert.equal(waiting.length, 4 * 2 + 1, 'all but the first check-in of each participant were held');
        for (const w of waiting) {
          assert.equal(w.state, 'held');
          assert.match(w.note, /too_fast/);
          assert.equal((await admin.post(`/api/staff/raffle/checkins/${w.id}/review`, { decision: 'accept' })).status, 200);
        }
      });

      it('the rules are frozen once check-ins have opened, the named random value with them', async () => {
        const r = await admin.post('/api/staff/campaigns', { ...campaign, min_counties: 2 });
        assert.equal(r.status, 409);
        assert.match(r.json.error, /min_counties/);
        const renamed = { ...campaign, draws: campaign.draws.map((d, i) => (i === 0 ? { ...d, seed_source_zh: '另一個已開出的號碼' } : d)) };
        const s = await admin.post('/api/staff/campaigns', renamed);
        assert.equal(s.status, 409);
        assert.match(s.json.error, /seed_source_zh/);
      });

      it('a bad campaign is refused with the field named', async () => {
        const r = await admin.post('/api/staff/campaigns', { ...campaign, id: 'bad-one', sites: [{ site: 'site-999', radius_m: 100 }] });
        assert.equal(r.status, 400);
        assert.match(r.json.error, /site-999/);
        const editor = await staffClient(server.url, TAIPEI.name, TAIPEI.password);
        assert.equal((await editor.post('/api/staff/campaigns', { ...campaign, id: 'editor-one' })).status, 403);
      });

      it('cannot be frozen before the cut-off', async () => {
        const r = await admin.post(`/api/staff/raffle/${campaignId}/draws/first/freeze`, {});
        assert.equal(r.status, 409);
      });

      it('after the cut-off: frozen with the eligible entries and a SHA-256 anyone can check', async () => {
        await new Promise((r) => setTimeout(r, (cutoffIn + 2.5) * 1000));
        // Winners of the first draw stay out of the second: so the first is drawn first.
        const early = await admin.post(`/api/staff/raffle/${campaignId}/draws/second/freeze`, {});
        assert.equal(early.status, 409);
        assert.match(early.json.error, /first/);
        const frozen = await admin.post(`/api/staff/raffle/${campaignId}/draws/first/freeze`, {});
        assert.equal(frozen.status, 200, frozen.text);
        assert.equal(frozen.json.entries, 4, 'four participants reached three counties by the cut-off');
        const record = await (await fetch(`${server.url}/api/campaigns/${campaignId}/draws/first`)).json();
        assert.equal(record.status, 'frozen');
        assert.equal(record.seed_source, '測試用亂數');
        const list = await (await fetch(server.url + record.entries_url)).text();
        assert.equal(createHash('sha256').update(list).digest('hex'), record.entries_sha256);
        const ids = list.trim().split('\n');
        assert.equal(ids.length, 4);
        assert.deepEqual([...ids].sort(), ids, 'the list is sorted');
        for (const id of ids) assert.match(id, /^E[0-9a-f]{15}$/);
        assert.equal((await admin.post(`/api/staff/raffle/${campaignId}/draws/first/freeze`, {})).status, 409, 'frozen once');
        // A participant sees their entry on the draw page.
        const page = await players[0].call(`/raffle/${campaignId}/draws/first`);
        assert.match(page.text, /E[0-9a-f]{15}/);
      });

      it('the draw: the winners are a pure function of the list and the value, masked in public', async () => {
        assert.equal((await admin.post(`/api/staff/raffle/${campaignId}/draws/first/draw`, { seed_value: '  ' })).status, 400);
        const drawn = await admin.post(`/api/staff/raffle/${campaignId}/draws/first/draw`, { seed_value: '07 13 22 29 31 38 05' });
        assert.equal(drawn.status, 200, drawn.text);
        const record = await (await fetch(`${server.url}/api/campaigns/${campaignId}/draws/first`)).json();
        assert.equal(record.status, 'drawn');
        assert.equal(record.seed_value, '07 13 22 29 31 38 05');
        assert.equal(record.winners.length, 3);
        assert.equal(new Set(record.winners.map((w) => w.entry)).size, 3, 'no one twice');
        for (const w of record.winners) assert.match(w.name_masked, /^.○.?$|^.○+.$/u);
        // The contacts given, not any "09" and eight digits: entry ids and hashes are hex and may hold such a run.
        const shown = JSON.stringify(record);
        for (const contact of contacts) assert.ok(!shown.includes(contact), `no contact in the public record (${contact})`);
        assert.equal((await admin.post(`/api/staff/raffle/${campaignId}/draws/first/draw`, { seed_value: 'again' })).status, 409);
      });

      it("the admin's contact download is logged; an editor may not have it", async () => {
        const r = await fetch(`${server.url}/staff/raffle/${campaignId}/draws/first/contacts.csv`, { headers: { cookie: admin.cookie } });
        assert.equal(r.status, 200);
        const csv = await r.text();
        assert.equal(csv.trim().split('\r\n').length, 4, 'a header and three winners');
        assert.equal(contacts.filter((c) => csv.includes(c)).length, 3, "the three winners' contacts");
        const editor = await staffClient(server.url, TAIPEI.name, TAIPEI.password);
        const refused = await fetch(`${server.url}/staff/raffle/${campaignId}/draws/first/contacts.csv`, { headers: { cookie: editor.cookie } });
        assert.equal(refused.status, 403);
        const audit = await admin.get('/api/staff/audit');
        assert.ok(audit.text.includes('raffle-contacts'), 'the download is in the audit log');
      });
    });
  });
}
