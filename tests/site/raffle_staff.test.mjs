// The raffle's staff pages over real HTTP, on every store: a county's editor chooses the
// county's participating sites (only theirs; two counties saving at once both keep their
// choice; a colleague's newer choice is not overwritten by a stale form; frozen once
// check-ins open) and prints their signboards, whose codes check in; the admin creates and
// edits a campaign and its draws with the form, and a wrong form comes back as typed.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, addAccount, freshStore, staffClient, startServer, stores } from '../support/server.mjs';

const ADMIN = { name: 'nt-admin-5120', password: 'admin-pass-sites', role: 'admin', agency: '北臺區域發展推動委員會秘書處' };
const TAIPEI = { name: 'tp-staff-7741', password: 'taipei-pass-sites', county: 'Taipei', agency: '臺北市政府環境保護局' };
const TAIPEI_2 = { name: 'tp-staff-7742', password: 'taipei-pass-sites2', county: 'Taipei', agency: '臺北市政府環境保護局' };
const KEELUNG = { name: 'kl-staff-3310', password: 'keelung-pass-sites', county: 'Keelung', agency: '基隆市環境保護局' };

const SITES = JSON.parse(readFileSync(path.join(ROOT, 'content/maps/sites.json'), 'utf8')).sites;
const inCounty = (county) => SITES.filter((s) => s.county === county);
const taiwanDate = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86400000 + 8 * 3600 * 1000).toISOString().slice(0, 10);

const campaign = (id, startOffset, sites = []) => ({
  id, proposal: '112-40', name_zh: `測試活動 ${id}`, name_en: `Test campaign ${id}`, start: taiwanDate(startOffset), end: taiwanDate(startOffset + 40),
  min_counties: 3, winners_stay: false, contacts_erased_after: taiwanDate(startOffset + 120), sites,
  draws: [{ id: 'only', cutoff: taiwanDate(startOffset + 30) + 'T23:59:59+08:00', date: taiwanDate(startOffset + 35) + 'T15:00:00+08:00',
    seed_source_zh: '測試用亂數', seed_source_en: 'a test value', prizes: [{ county: 'Taipei', count: 1, name_zh: '住宿券', name_en: 'Hotel stay' }] }],
  figures: null, external: false, sample: true, note: '測試',
});

// A signed-in staff member's browser posting forms (the CSRF token in the form, as the pages do).
async function staffBrowser(base, account) {
  const client = await staffClient(base, account.name, account.password);
  client.form = async (pathname, fields) => {
    const body = new URLSearchParams([['csrf', client.csrf], ...fields]);
    const res = await fetch(base + pathname, {
      method: 'POST', redirect: 'manual', body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: client.cookie },
    });
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  };
  return client;
}

// The county's choice as the page shows it: {site: radius} of the ticked boxes, and the version.
function choiceOnPage(html) {
  const chosen = {};
  for (const m of html.matchAll(/name="site" value="([^"]+)" checked/g)) {
    const radius = html.match(new RegExp(`name="radius-${m[1]}" value="(\\d+)"`));
    chosen[m[1]] = Number(radius[1]);
  }
  const version = html.match(/name="version" value="([0-9a-f]+)"/)?.[1];
  return { chosen, version };
}

// The county's choice by the JSON API: {county, sites, version}.
const sitesOf = async (client, campaign, county = '') => (await client.get(`/api/staff/raffle/${campaign}/sites${county ? `?county=${county}` : ''}`)).json;

// A form as a browser would send it: every named, enabled field with its value (checked
// boxes only), nothing inside a disabled fieldset.
function formFields(html, action) {
  const start = html.indexOf(`action="${action}"`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields = [];
  let disabledUntil = -1;
  for (const m of form.matchAll(/<fieldset[^>]*?( disabled)?>|<\/fieldset>|<input ([^>]*)>/g)) {
    if (m[0].startsWith('<fieldset')) { if (m[1]) disabledUntil = Infinity; continue; }
    if (m[0] === '</fieldset>') { disabledUntil = -1; continue; }
    if (disabledUntil === Infinity) continue;
    const attrs = m[2];
    const name = attrs.match(/name="([^"]*)"/)?.[1];
    if (!name || / disabled/.test(attrs)) continue;
    const type = attrs.match(/type="([^"]*)"/)?.[1] ?? 'text';
    if ((type === 'checkbox' || type === 'radio') && !/ checked/.test(attrs)) continue;
    const value = (attrs.match(/value="([^"]*)"/)?.[1] ?? '').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'");
    fields.push([name, value]);
  }
  return fields;
}

for (const store of stores()) {
  describe(`raffle staff pages (${store})`, () => {
    let location, cleanup, server, admin, taipei, taipei2, keelung;

    before(async () => {
      ({ location, cleanup } = freshStore(store));
      for (const a of [ADMIN, TAIPEI, TAIPEI_2, KEELUNG]) addAccount(location, a);
      server = await startServer({ dbPath: location });
      admin = await staffBrowser(server.url, ADMIN);
      taipei = await staffBrowser(server.url, TAIPEI);
      taipei2 = await staffBrowser(server.url, TAIPEI_2);
      keelung = await staffBrowser(server.url, KEELUNG);
      assert.equal((await admin.post('/api/staff/campaigns', campaign('upcoming', 10))).status, 201);
      assert.equal((await admin.post('/api/staff/campaigns', campaign('running', -1, SITES.map((s) => ({ site: s.id, radius_m: 100 }))))).status, 201);
    });
    after(async () => {
      await server?.stop();
      cleanup?.();
    });

    it('an editor ticks their county\'s sites and radii on the form; the public page lists them', async () => {
      const [a, b] = inCounty('Taipei');
      const page = await taipei.get('/staff/raffle/upcoming/sites');
      assert.equal(page.status, 200);
      for (const s of inCounty('Taipei')) assert.ok(page.text.includes(`value="${s.id}"`), s.id);
      assert.ok(!page.text.includes(`value="${inCounty('Keelung')[0].id}"`), 'another county\'s site is not offered');
      const { chosen, version } = choiceOnPage(page.text);
      assert.deepEqual(chosen, {});
      const saved = await taipei.form('/staff/raffle/upcoming/sites', [['county', 'Taipei'], ['version', version], ['site', a.id], ['site', b.id], [`radius-${b.id}`, '250']]);
      assert.equal(saved.status, 303, saved.text);
      assert.equal(saved.location, '/staff/raffle/upcoming/sites?county=Taipei&done=1');
      const again = await taipei.get(saved.location);
      assert.deepEqual(choiceOnPage(again.text).chosen, { [a.id]: 100, [b.id]: 250 });
      assert.match(again.text, /role="status">已儲存。/);
      const pub = await fetch(server.url + '/raffle/upcoming').then((r) => r.text());
      assert.ok(pub.includes(a.name) && pub.includes(b.name), 'the public page lists the chosen sites');
      const audit = await admin.get('/api/staff/audit');
      assert.ok(audit.json.some((e) => e.action === 'raffle-sites' && e.detail.includes(`+${a.id}`) && e.detail.includes(`+${b.id}`)), audit.text);
    });

    it('a site of another county, another county, a bad radius: refused by name, nothing stored', async () => {
      const before = await taipei.get('/staff/raffle/upcoming/sites');
      const kl = inCounty('Keelung')[0];
      const { version } = await sitesOf(taipei, 'upcoming');
      const foreign = await taipei.post('/api/staff/raffle/upcoming/sites', { version, sites: [{ site: kl.id, radius_m: 100 }] });
      assert.equal(foreign.status, 400);
      assert.match(foreign.json.error, new RegExp(`^${kl.id}: .* is in another county$`));
      const otherCounty = await taipei.post('/api/staff/raffle/upcoming/sites', { county: 'Keelung', version, sites: [] });
      assert.equal(otherCounty.status, 403);
      const noVersion = await taipei.post('/api/staff/raffle/upcoming/sites', { sites: [] });
      assert.equal(noVersion.status, 400);
      assert.match(noVersion.json.error, /^version: required/);
      const adminNoCounty = await admin.post('/api/staff/raffle/upcoming/sites', { version, sites: [] });
      assert.equal(adminNoCounty.status, 400, 'the admin must say which county');
      assert.match(adminNoCounty.json.error, /^county: required/);
      const noCsrf = await taipei.post('/api/staff/raffle/upcoming/sites', { version, sites: [] }, { withCsrf: false });
      assert.equal(noCsrf.status, 403);
      const tooMany = await taipei.post('/api/staff/raffle/upcoming/sites', { version, sites: Array.from({ length: SITES.length + 1 }, () => ({ site: 'x', radius_m: 100 })) });
      assert.equal(tooMany.status, 400);
      const radius = await taipei.form('/staff/raffle/upcoming/sites', [['county', 'Taipei'], ['version', version], ['site', inCounty('Taipei')[0].id], [`radius-${inCounty('Taipei')[0].id}`, '5']]);
      assert.equal(radius.status, 400);
      assert.match(radius.text, /radius_m: must be between 30 and 1000 metres/);
      assert.match(radius.text, new RegExp(`name="radius-${inCounty('Taipei')[0].id}" value="5"`), 'the typed radius is shown again');
      for (const typed of ['', '0x40', ' 50', '1e2', '-40']) {
        const odd = await taipei.form('/staff/raffle/upcoming/sites', [['county', 'Taipei'], ['version', version], ['site', inCounty('Taipei')[1].id], [`radius-${inCounty('Taipei')[1].id}`, typed]]);
        assert.equal(odd.status, 400, `radius ${JSON.stringify(typed)}`);
        assert.match(odd.text, /radius_m: 請填公尺數/);
      }
      const fraction = await taipei.post('/api/staff/raffle/upcoming/sites', { version, sites: [{ site: inCounty('Taipei')[3].id, radius_m: 1000.5 }] });
      assert.equal(fraction.status, 400);
      assert.match(fraction.json.error, /radius_m: must be between 30 and 1000 metres/);
      const after = await taipei.get('/staff/raffle/upcoming/sites');
      assert.deepEqual(choiceOnPage(after.text).chosen, choiceOnPage(before.text).chosen);
      assert.equal((await keelung.get(`/staff/raffle/upcoming/sites?county=Taipei`)).status, 403);
    });

    it('two counties saving at the same moment both keep their choice', async () => {
      for (let round = 0; round < 5; round++) {
        const tp = inCounty('Taipei').slice(0, 2 + (round % 3)).map((s) => ({ site: s.id, radius_m: 100 + round * 10 }));
        const kl = inCounty('Keelung').slice(0, 1 + (round % 4)).map((s) => ({ site: s.id, radius_m: 200 }));
        const [tv, kv] = await Promise.all([sitesOf(taipei, 'upcoming'), sitesOf(keelung, 'upcoming')]);
        const [a, b] = await Promise.all([
          taipei.post('/api/staff/raffle/upcoming/sites', { version: tv.version, sites: tp }),
          keelung.post('/api/staff/raffle/upcoming/sites', { version: kv.version, sites: kl }),
        ]);
        assert.equal(a.status, 200, a.text);
        assert.equal(b.status, 200, b.text);
        const tpPage = choiceOnPage((await taipei.get('/staff/raffle/upcoming/sites')).text).chosen;
        const klPage = choiceOnPage((await keelung.get('/staff/raffle/upcoming/sites')).text).chosen;
        assert.deepEqual(tpPage, Object.fromEntries(tp.map((s) => [s.site, s.radius_m])), `round ${round}: Taipei`);
        assert.deepEqual(klPage, Object.fromEntries(kl.map((s) => [s.site, s.radius_m])), `round ${round}: Keelung`);
      }
    });

    it('a form opened before a colleague saved is refused with the colleague\'s choice shown, not saved over it', async () => {
      const stale = choiceOnPage((await taipei.get('/staff/raffle/upcoming/sites')).text);
      const first = inCounty('Taipei')[5];
      const theirs = await taipei2.post('/api/staff/raffle/upcoming/sites', { version: stale.version, sites: [{ site: first.id, radius_m: 300 }] });
      assert.equal(theirs.status, 200, theirs.text);
      const mine = await taipei.form('/staff/raffle/upcoming/sites', [['county', 'Taipei'], ['version', stale.version], ['site', inCounty('Taipei')[6].id], [`radius-${inCounty('Taipei')[6].id}`, '100']]);
      assert.equal(mine.status, 409);
      assert.match(mine.text, /同事已修改本縣市的場所/);
      assert.deepEqual(choiceOnPage(mine.text).chosen, { [first.id]: 300 }, 'the page shows the colleague\'s choice');
      const now = choiceOnPage((await taipei.get('/staff/raffle/upcoming/sites')).text);
      assert.deepEqual(now.chosen, { [first.id]: 300 });
    });

    it('once check-ins have opened the sites are frozen: shown, not offered, a change refused', async () => {
      const page = await taipei.get('/staff/raffle/running/sites');
      assert.equal(page.status, 200);
      assert.match(page.text, /已凍結/);
      assert.ok(!page.text.includes('<form method="post" action="/staff/raffle/running/sites"'));
      const { version } = await sitesOf(taipei, 'running');
      const drop = await taipei.post('/api/staff/raffle/running/sites', { version, sites: [] });
      assert.equal(drop.status, 409);
      assert.match(drop.json.error, /frozen since check-ins opened/);
      const badRadius = await taipei.form('/staff/raffle/running/sites', [['county', 'Taipei'], ['version', version], ['site', inCounty('Taipei')[0].id], [`radius-${inCounty('Taipei')[0].id}`, 'x']]);
      assert.equal(badRadius.status, 409, 'frozen is the answer, whatever was typed');
      const same = await taipei.post('/api/staff/raffle/running/sites', { version, sites: inCounty('Taipei').map((s) => ({ site: s.id, radius_m: 100 })) });
      assert.equal(same.status, 200, 'saving the same choice changes nothing and is not refused');
    });

    it('an editor downloads their sites\' signboards, whose codes check in; not another county\'s', async () => {
      const site = inCounty('Taipei')[0];
      const res = await fetch(`${server.url}/staff/raffle/running/signboards/${site.id}.svg`, { headers: { cookie: taipei.cookie } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type'), /^image\/svg\+xml/);
      const svg = await res.text();
      assert.ok(svg.includes(site.name));
      const code = svg.match(/\b(\d+-[0-9A-HJKMNP-TV-Z]{16})\b/)[1];
      assert.equal((await fetch(`${server.url}/staff/raffle/running/signboards/${site.id}.svg`, { headers: { cookie: keelung.cookie } })).status, 403);
      assert.equal((await fetch(`${server.url}/staff/raffle/upcoming/signboards/${inCounty('Taipei')[10].id}.svg`, { headers: { cookie: taipei.cookie } })).status, 404);
      const stranger = await fetch(`${server.url}/staff/raffle/running/signboards/${site.id}.svg`);
      assert.doesNotMatch(stranger.headers.get('content-type'), /svg/, 'not without signing in');
      assert.ok(!(await stranger.text()).includes(code));
      const print = await taipei.get('/staff/raffle/running/signboards?county=Taipei');
      assert.equal(print.status, 200);
      assert.equal([...print.text.matchAll(/<img src="\/staff\/raffle\/running\/signboards\/[^"]+\.svg"/g)].length, inCounty('Taipei').length);

      // The printed code is the one a participant's check-in accepts.
      const jar = [];
      const reg = await fetch(`${server.url}/api/campaigns/running/participants`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nickname: '王小明', home_county: 'Taipei', contact: 'ming@example.org' }),
      });
      assert.equal(reg.status, 201);
      jar.push(reg.headers.getSetCookie()[0].split(';')[0]);
      const checkin = await fetch(`${server.url}/api/campaigns/running/checkins`, {
        method: 'POST', headers: { 'content-type': 'application/json', cookie: jar.join('; ') }, body: JSON.stringify({ site: site.id, code }),
      });
      assert.equal(checkin.status, 201, await checkin.text());
    });

    it('the admin creates a campaign with its draw by the form, and edits it', async () => {
      const fields = [['id', 'form-made'], ['name_zh', '表單建立的活動'], ['name_en', 'Made by the form'], ['proposal', '112-40'],
        ['start', taiwanDate(20)], ['end', taiwanDate(60)], ['min_counties', '3'], ['contacts_erased_after', taiwanDate(150)], ['first_sites', 'all'],
        ['draws-0-id', 'first'], ['draws-0-cutoff', taiwanDate(40)], ['draws-0-date', taiwanDate(45) + 'T15:00'],
        ['draws-0-seed_source_zh', '威力彩開獎號碼'], ['draws-0-seed_source_en', 'Super Lotto numbers'],
        ['draws-0-prize_zh', '住宿券'], ['draws-0-prize_en', 'Hotel stay'], ['draws-0-per_county', '4'],
        ['draws-1-id', ''], ['draws-1-cutoff', ''], ['draws-1-date', ''], ['draws-1-per_county', '']];
      const made = await admin.form('/staff/raffle/campaigns', fields);
      assert.equal(made.status, 303, made.text);
      const listed = (await fetch(server.url + '/api/campaigns').then((r) => r.json())).find((c) => c.id === 'form-made');
      assert.ok(listed, 'the campaign is listed');
      assert.equal(listed.start, taiwanDate(20));
      assert.deepEqual(listed.draws.map((d) => [d.id, d.cutoff, d.status]), [['first', `${taiwanDate(40)}T23:59:59+08:00`, 'open']]);
      const sitesPage = await taipei.get('/staff/raffle/form-made/sites');
      assert.equal(Object.keys(choiceOnPage(sitesPage.text).chosen).length, inCounty('Taipei').length, 'every site to start with');

      const again = await admin.form('/staff/raffle/campaigns', fields);
      assert.equal(again.status, 409);
      assert.match(again.text, /已被其他活動使用/);

      const edit = await admin.get('/staff/raffle/form-made/edit');
      assert.equal(edit.status, 200);
      assert.match(edit.text, /name="draws-0-per_county" type="number" value="4"/);
      const renamed = await admin.form('/staff/raffle/campaigns', [['editing', 'form-made'], ...fields.filter(([k]) => k !== 'id' && k !== 'name_zh'), ['name_zh', '改名的活動']]);
      assert.equal(renamed.status, 303, renamed.text);
      assert.equal((await fetch(server.url + '/api/campaigns').then((r) => r.json())).find((c) => c.id === 'form-made').name_zh, '改名的活動');
      assert.equal((await taipei.get('/staff/raffle/new-campaign')).status, 403, 'an editor may not create campaigns');
      assert.equal((await taipei.get('/staff/raffle/form-made/edit')).status, 403);
      assert.equal((await taipei.form('/staff/raffle/campaigns', fields.map(([k, v]) => [k, k === 'id' ? 'by-editor' : v]))).status, 403);
    });

    it('an edit form saved unchanged changes nothing, to the second; after opening, a rename changes only the name', async () => {
      const odd = campaign('odd-times', 15);
      odd.draws[0].cutoff = `${taiwanDate(40)}T12:00:00+08:00`;
      odd.draws[0].date = `${taiwanDate(45)}T15:00:30+08:00`;
      odd.draws.push({ ...odd.draws[0], id: 'second', cutoff: `${taiwanDate(50)}T00:00:00+08:00`, date: `${taiwanDate(51)}T09:15:45+08:00` });
      assert.equal((await admin.post('/api/staff/campaigns', odd)).status, 201);
      const before = (await fetch(server.url + '/api/campaigns').then((r) => r.json())).find((c) => c.id === 'odd-times');
      const page = await admin.get('/staff/raffle/odd-times/edit');
      const unchanged = await admin.form('/staff/raffle/campaigns', formFields(page.text, '/staff/raffle/campaigns').filter(([k]) => k !== 'csrf'));
      assert.equal(unchanged.status, 303, unchanged.text);
      const after = (await fetch(server.url + '/api/campaigns').then((r) => r.json())).find((c) => c.id === 'odd-times');
      assert.deepEqual(after, before);

      const running = await admin.get('/staff/raffle/running/edit');
      assert.match(running.text, /role="status">活動已開始受理打卡/);
      assert.match(running.text, /<fieldset class="frozen" disabled>/);
      const sent = formFields(running.text, '/staff/raffle/campaigns').filter(([k]) => k !== 'csrf').map(([k, v]) => [k, k === 'name_zh' ? '改名後的進行中活動' : v]);
      assert.ok(!sent.some(([k]) => k === 'start'), 'a browser sends nothing of a disabled fieldset');
      const renamed = await admin.form('/staff/raffle/campaigns', sent);
      assert.equal(renamed.status, 303, renamed.text);
      const listed = (await fetch(server.url + '/api/campaigns').then((r) => r.json())).find((c) => c.id === 'running');
      assert.equal(listed.name_zh, '改名後的進行中活動');
      assert.equal(listed.start, taiwanDate(-1));
      assert.equal((await sitesOf(taipei, 'running')).sites.length, inCounty('Taipei').length, 'the sites stay');
    });

    it('a wrong campaign form comes back with each problem named and everything as typed', async () => {
      const wrong = await admin.form('/staff/raffle/campaigns', [['id', 'wrong-one'], ['name_zh', '打錯的活動'], ['name_en', ''],
        ['start', '2027/01/01'], ['end', taiwanDate(60)], ['min_counties', '12'], ['contacts_erased_after', taiwanDate(150)],
        ['draws-0-id', 'x'], ['draws-0-cutoff', taiwanDate(40)], ['draws-0-date', ''], ['draws-0-per_county', '2']]);
      assert.equal(wrong.status, 400);
      for (const problem of ['英文名稱：請填寫', '開始日期：請填日期（YYYY-MM-DD）', '至少幾個縣市：請填 1 到 8 的整數', '第 1 場抽獎的抽獎時間：請填日期與時間', '第 1 場抽獎的獎品（中文）：請填寫'])
        assert.ok(wrong.text.includes(problem), problem);
      assert.match(wrong.text, /name="name_zh" type="text" value="打錯的活動"/);
      assert.match(wrong.text, /name="start" type="date" value="2027\/01\/01"/);
      assert.ok(!(await fetch(server.url + '/api/campaigns').then((r) => r.json())).some((c) => c.id === 'wrong-one'));
      // Sound fields, unsound campaign: the rules' own message.
      const late = await admin.form('/staff/raffle/campaigns', [['id', 'late-one'], ['name_zh', '晚的'], ['name_en', 'Late'],
        ['start', taiwanDate(20)], ['end', taiwanDate(60)], ['min_counties', '3'], ['contacts_erased_after', taiwanDate(150)],
        ['draws-0-id', 'x'], ['draws-0-cutoff', taiwanDate(70)], ['draws-0-date', taiwanDate(75) + 'T10:00'],
        ['draws-0-seed_source_zh', '亂數'], ['draws-0-seed_source_en', 'value'], ['draws-0-prize_zh', '券'], ['draws-0-prize_en', 'voucher'], ['draws-0-per_county', '1']]);
      assert.equal(late.status, 400);
      assert.match(late.text, /draws\[0\]\.cutoff/);
    });
  });
}
