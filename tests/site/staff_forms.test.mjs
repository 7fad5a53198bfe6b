// Issue 13, the staff side over real HTTP on every store: forms that keep what was typed
// through a validation error, a session timeout and a conflict; blank reasons and a missing
// kind refused by the core (forms and the JSON API alike); cooperating counties reporting
// progress under their own agency, and nothing more; the return path after sign-in.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { addAccount, freshStore, staffClient, startServer, storeShell, stores } from '../support/server.mjs';

// Made-up accounts (no real contact person).
const TAOYUAN = { name: 'ty-coop-3391', password: 'taoyuan-coop-113', county: 'Taoyuan', agency: '桃園市政府交通局' };
const NEWTAIPEI = { name: 'ntpc-bike-5120', password: 'newtaipei-bike-113', county: 'NewTaipei', agency: '新北市政府交通局' };
const NEWTAIPEI_2 = { name: 'ntpc-bike-5121', password: 'newtaipei-bike-114', county: 'NewTaipei', agency: '新北市政府交通局' };

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function fetchText(base, pathname, { method = 'GET', cookie, body, headers = {} } = {}) {
  const res = await fetch(base + pathname, { method, redirect: 'manual', headers: { ...(cookie ? { cookie } : {}), ...headers }, body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

// A staff client's form, posted as a browser does (a redirect is not followed).
const postForm = (base, client, pathname, pairs) =>
  fetchText(base, pathname, { method: 'POST', cookie: client.cookie, headers: FORM, body: encode(pairs) });

// A form's fields, encoded as a browser sends them (pairs keep a checkbox group's repeats).
const encode = (pairs) => new URLSearchParams(pairs).toString();

// The hidden fields of a page's form, in order.
function hiddenFields(html) {
  const out = [];
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) out.push([m[1], unescapeHtml(m[2])]);
  return out;
}
function unescapeHtml(s) {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

for (const store of stores()) {
  describe(`staff forms (${store})`, () => {
    let location;
    let cleanup;
    let server;
    let ty;
    let ntpc;
    let ntpc2;
    const proposal = async (id) => JSON.parse((await fetchText(server.url, `/api/proposals/${id}`)).text);

    before(async () => {
      ({ location, cleanup } = freshStore(store));
      for (const account of [TAOYUAN, NEWTAIPEI, NEWTAIPEI_2]) addAccount(location, account);
      server = await startServer({ dbPath: location, extraArgs: ['--feeds', 'none'] });
      ty = await staffClient(server.url, TAOYUAN.name, TAOYUAN.password);
      ntpc = await staffClient(server.url, NEWTAIPEI.name, NEWTAIPEI.password);
      ntpc2 = await staffClient(server.url, NEWTAIPEI_2.name, NEWTAIPEI_2.password);
    });
    after(async () => {
      await server?.stop();
      cleanup?.();
    });

    describe('cooperating counties', () => {
      it("Taoyuan's home lists its own four items and, apart, the joint items it cooperates on, open first", async () => {
        const r = await ty.get('/staff');
        assert.equal(r.status, 200);
        const split = r.text.indexOf('id="list-cooperating"');
        assert.ok(split > 0, 'a list of its own');
        const own = [...r.text.slice(0, split).matchAll(/<li data-id="([^"]+)" data-status="(\w+)"/g)];
        const coop = [...r.text.slice(split).matchAll(/<li data-id="([^"]+)" data-status="(\w+)"/g)];
        assert.deepEqual(own.map((m) => m[1]).sort(), ['111-02', '111-10', '111-11', '111-12']);
        assert.equal(coop.filter((m) => m[2] === 'open').length, 39);
        assert.ok(coop.some((m) => m[1] === '112-15'));
        const statuses = coop.map((m) => m[2]);
        assert.equal(statuses.indexOf('closed') === -1 ? statuses.length : statuses.indexOf('closed'), 39, 'open ones first');
        assert.match(r.text, /本縣市提案/);
        assert.match(r.text, /合作項目/);
      });

      it('a cooperating editor adds progress to 112-15, attributed to their agency, and the public page says who', async () => {
        const before = await proposal('112-15');
        const r = await ty.post('/api/staff/proposals/112-15/progress', { version: before.version, text: '桃園市已提供轄內自行車道資料。' });
        assert.equal(r.status, 200, r.text);
        const entry = r.json.progress.at(-1);
        assert.equal(entry.agency, TAOYUAN.agency);
        assert.equal(entry.county, 'Taoyuan');
        assert.equal(entry.text, '桃園市已提供轄內自行車道資料。');
        const page = await fetchText(server.url, '/proposals/112-15');
        assert.equal(page.status, 200);
        assert.match(page.text, /填報：桃園市政府交通局<\/span><\/p><p>桃園市已提供轄內自行車道資料。/);
        assert.match(page.text, /填報：會議紀錄/);  // the seed's entry, from the meeting record
        const en = await fetchText(server.url, '/proposals/112-15', { headers: { cookie: 'lang=en' } });
        assert.match(en.text, /Reported by: <span lang="zh-Hant-TW">桃園市政府交通局<\/span>/);
      });

      it('the cooperating editor is offered the progress form only, and a forged close, edit or reopen is 403', async () => {
        const page = await ty.get('/staff/proposals/112-15');
        assert.equal(page.status, 200);
        assert.match(page.text, /id="form-progress"/);
        assert.doesNotMatch(page.text, /id="form-close"|id="form-edit"|id="form-reopen"/);
        const before = await proposal('112-15');
        for (const [action, fields] of [
          ['close', { kind: 'done', reason: '已完成' }],
          ['edit', { title: '越權修改' }],
          ['reopen', { reason: '越權' }],
        ]) {
          const form = await ty.post(`/staff/proposals/112-15/${action}`, encode({ csrf: ty.csrf, version: String(before.version), ...fields }),
            { headers: FORM });
          assert.equal(form.status, 403, `${action}: ${form.text.slice(0, 200)}`);
          assert.match(form.text, /您沒有權限編輯此提案/);
          const api = await ty.post(`/api/staff/proposals/112-15/${action}`, { version: before.version, ...fields });
          assert.equal(api.status, 403, action);
          assert.match(api.json.error, /cooperating county/);
        }
        assert.equal((await proposal('112-15')).version, before.version);
        // An item Taoyuan does not work on: not even progress. 111-13 is Taipei's with New Taipei.
        const stranger = await ty.post('/api/staff/proposals/111-13/progress', { version: 1, text: '越權進度' });
        assert.equal(stranger.status, 403);
        assert.equal((await ty.get('/staff/proposals/111-13')).status, 403);
      });
    });

    describe('blank reasons and the kind of closure', () => {
      it('the JSON API refuses a whitespace reason and a missing kind, every problem named by field', async () => {
        const before = await proposal('112-15');
        for (const blank of ['   ', '\u3000\u3000', '\n\t', '\u00a0\u200b']) {
          const r = await ntpc.post('/api/staff/proposals/112-15/close', { version: before.version, kind: 'done', reason: blank });
          assert.equal(r.status, 400, JSON.stringify(blank));
          assert.deepEqual(r.json.problems.map((p) => `${p.field}:${p.code}`), ['reason:blank']);
          assert.match(r.json.error, /^reason: must not be blank/);
        }
        const both = await ntpc.post('/api/staff/proposals/112-15/close', { version: before.version, reason: ' ' });
        assert.equal(both.status, 400);
        assert.deepEqual(both.json.problems.map((p) => p.field), ['kind', 'reason']);
        const reopen = await ntpc.post('/api/staff/proposals/111-13/reopen', { version: 1, reason: '\u3000' });
        assert.equal(reopen.status, 403);  // Taipei's: the rule of who comes first
        assert.equal((await proposal('112-15')).status, 'open');
        assert.equal((await proposal('112-15')).version, before.version);
      });

      it('a form with a blank reason and no kind comes back 400 with both problems beside their fields, in zh and en', async () => {
        const before = await proposal('112-15');
        const fields = { csrf: ntpc.csrf, version: String(before.version), kind: '', reason: ' \u3000 ', decision: '依113年3月1日第1次工作會議決議', date: '' };
        for (const [lang, summary, kind, reason] of [
          ['zh-TW', '尚未儲存：請修正以下 2 個問題', '結案類型：請選擇一項。', '理由：不能只填空白，請寫下內容。'],
          ['en', 'Not saved: please fix 2 problem(s)', 'Kind of closure: Please choose one.', 'Reason: Spaces alone are not enough: please write something.'],
        ]) {
          const r = await ntpc.post('/staff/proposals/112-15/close', encode(fields), { headers: { ...FORM, cookie: `${ntpc.cookie}; lang=${lang}` } });
          assert.equal(r.status, 400, lang);
          assert.ok(r.text.includes(summary), lang);
          assert.ok(r.text.includes(`<a href="#s-close-kind">${kind}</a>`), lang);
          assert.ok(r.text.includes(`<a href="#s-close-reason">${reason}</a>`), lang);
          assert.match(r.text, /<select id="s-close-kind" name="kind" required aria-required="true" aria-invalid="true" aria-describedby="s-close-kind-error">/);
          assert.match(r.text, /<textarea id="s-close-reason"[^>]*aria-invalid="true"[^>]*> \u3000 <\/textarea>/);
          assert.match(r.text, /value="依113年3月1日第1次工作會議決議"/);  // the rest of what was typed stays
          assert.doesNotMatch(r.text, /must not be blank/);  // the API's English stays out of the page
        }
        assert.equal((await proposal('112-15')).version, before.version);
      });

      it('an edit form reports every problem at once and keeps every field (no more one English error at a time)', async () => {
        const before = await proposal('112-10');
        const pairs = [['csrf', ntpc.csrf], ['version', String(before.version)], ['title', '\u3000'], ['group', before.group],
          ['subgroup', ''], ['types', '跨縣市實質合作議題'], ['counties', 'Taipei'], ['counties', 'Taoyuan'], ['ministry', ''],
          ['description', '新的說明文字'], ['approach', ''], ['benefits', '效益'], ['contact_unit', '交通局']];
        const r = await ntpc.post('/staff/proposals/112-10/edit', encode(pairs), { headers: FORM });
        assert.equal(r.status, 400);
        assert.match(r.text, /尚未儲存：請修正以下 2 個問題/);
        assert.match(r.text, /<a href="#s-edit-title">提案名稱：不能只填空白，請寫下內容。<\/a>/);
        assert.match(r.text, /<a href="#s-edit-approach">具體作法：此欄位必填。<\/a>/);
        assert.doesNotMatch(r.text, /sheet\.approach/);
        assert.match(r.text, />新的說明文字<\/textarea>/);
        assert.match(r.text, /id="s-edit-counties-\d+" name="counties" value="Taoyuan" checked/);
        assert.doesNotMatch(r.text, /name="counties" value="Keelung" checked/);
      });
    });

    describe('a timeout keeps the text', () => {
      // Sessions end after 30 idle minutes: moved into the past in the store, as time would.
      const expire = (name) => {
        const r = storeShell(store, location,
          `UPDATE sessions SET last_seen = last_seen - 7200, created = created - 7200 WHERE account_id = (SELECT id FROM accounts WHERE name = '${name}')`);
        assert.equal(r.status, 0, r.stderr);
      };

      it('a form posted after the session ended gets the sign-in form with the text; signing in brings it back in the same form', async () => {
        const client = await staffClient(server.url, TAOYUAN.name, TAOYUAN.password);
        const before = await proposal('112-19');
        const typed = '桃園市已完成轄內路段盤點，<待>新北市回覆。\n第二段。';
        expire(TAOYUAN.name);
        const posted = await client.post('/staff/proposals/112-19/progress',
          encode({ csrf: client.csrf, version: String(before.version), date: '', text: typed }), { headers: FORM });
        assert.equal(posted.status, 401);
        assert.match(posted.text, /您的登入已逾時/);
        const hidden = hiddenFields(posted.text);
        assert.deepEqual(hidden, [['return', '/staff/proposals/112-19/progress'], ['kept.version', String(before.version)],
          ['kept.date', ''], ['kept.text', typed]]);
        assert.ok(!posted.text.includes(client.csrf), 'the old CSRF token is not carried');
        assert.equal((await proposal('112-19')).version, before.version, 'nothing was written');

        // A wrong password keeps them too.
        const wrong = await fetchText(server.url, '/staff/sign-in', { method: 'POST', headers: FORM,
          body: encode([['name', TAOYUAN.name], ['password', 'not-the-password'], ...hidden]) });
        assert.equal(wrong.status, 401);
        assert.deepEqual(hiddenFields(wrong.text), hidden);

        const signed = await fetchText(server.url, '/staff/sign-in', { method: 'POST', headers: FORM,
          body: encode([['name', TAOYUAN.name], ['password', TAOYUAN.password], ...hidden]) });
        assert.equal(signed.status, 200, signed.text.slice(0, 300));
        const cookie = signed.headers.get('set-cookie').split(';')[0];
        assert.match(signed.text, /您在逾時前輸入的內容已放回表單/);
        const text = signed.text.match(/<textarea id="s-progress-text"[^>]*>([^<]*)<\/textarea>/);
        assert.ok(text, 'the progress form');
        assert.equal(unescapeHtml(text[1]), typed);
        // The form carries the new session's token and the version the editor had; sending it saves.
        const form = signed.text.slice(signed.text.indexOf('id="form-progress"'));
        const csrf = form.match(/name="csrf" value="([^"]+)"/)[1];
        assert.match(form, new RegExp(`name="version" value="${before.version}"`));
        const saved = await fetchText(server.url, '/staff/proposals/112-19/progress', { method: 'POST', cookie, headers: FORM,
          body: encode({ csrf, version: String(before.version), date: '', text: unescapeHtml(text[1]) }) });
        assert.equal(saved.status, 303, saved.text.slice(0, 300));
        assert.equal(saved.headers.get('location'), '/staff/proposals/112-19?saved=1');
        const after = await proposal('112-19');
        assert.equal(after.progress.at(-1).text, typed.trim());
        assert.equal(after.progress.at(-1).agency, TAOYUAN.agency);
      });

      it('a page asked for while signed out returns there after sign-in; a return path elsewhere is refused', async () => {
        const asked = await fetchText(server.url, '/staff/proposals/112-15');
        assert.equal(asked.status, 303);
        assert.equal(asked.headers.get('location'), '/staff?return=/staff/proposals/112-15');
        const form = await fetchText(server.url, '/staff?return=/staff/proposals/112-15');
        assert.match(form.text, /<input type="hidden" name="return" value="\/staff\/proposals\/112-15">/);
        const back = await fetchText(server.url, '/staff/sign-in', { method: 'POST', headers: FORM,
          body: encode({ name: TAOYUAN.name, password: TAOYUAN.password, return: '/staff/proposals/112-15' }) });
        assert.equal(back.status, 303);
        assert.equal(back.headers.get('location'), '/staff/proposals/112-15');
        for (const hostile of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', '/staff/../proposals', '/staff/%2e%2e/x',
          '/staff?x=1', '/staff/\t/x', '/proposals/112-15', 'javascript:alert(1)']) {
          const r = await fetchText(server.url, '/staff/sign-in', { method: 'POST', headers: FORM,
            body: encode({ name: TAOYUAN.name, password: TAOYUAN.password, return: hostile, 'kept.text': 'x' }) });
          assert.equal(r.status, 303, hostile);
          assert.equal(r.headers.get('location'), '/staff', hostile);
        }
        const page = await fetchText(server.url, '/staff?return=//evil.example/');
        assert.doesNotMatch(page.text, /name="return"/);
      });
    });

    describe('a conflict keeps the text', () => {
      it('the second editor, sending an older version, sees the other change beside theirs, in zh with +08:00 times, and resubmits', async () => {
        // A change before the version both editors opened: not to be listed.
        const early = await ntpc.post('/api/staff/proposals/112-10/progress', { version: (await proposal('112-10')).version, text: '較早的進度' });
        assert.equal(early.status, 200, early.text);
        const opened = await proposal('112-10');
        const first = await postForm(server.url, ntpc, '/staff/proposals/112-10/progress',
          { csrf: ntpc.csrf, version: String(opened.version), date: '', text: '第一位編輯：已召開研商會議。' });
        assert.equal(first.status, 303);
        const mine = '第二位編輯：已函送各縣市\u3000意見彙整表。';
        const second = await ntpc2.post('/staff/proposals/112-10/progress',
          encode({ csrf: ntpc2.csrf, version: String(opened.version), date: '', text: mine }), { headers: FORM });
        assert.equal(second.status, 409);
        const page = second.text;
        assert.match(page, /此提案在您開啟後已被其他人更新/);
        assert.match(page, new RegExp(`您開啟的是第 ${opened.version} 版，目前是第 ${opened.version + 1} 版`));
        const theirs = page.match(/<div class="theirs">(.*?)<\/div><div class="mine">/s)[1];
        assert.match(theirs, /第一位編輯：已召開研商會議。/);
        assert.doesNotMatch(theirs, /較早的進度/);
        assert.match(theirs, /<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00">\d{4}-\d\d-\d\d \d\d:\d\d \(\+08:00\)<\/time> · 新增辦理進度 · 帳號：ntpc-bike-5120/);
        assert.doesNotMatch(page, /\d\d:\d\d:\d\dZ/);
        assert.doesNotMatch(theirs, / · progress · /);
        assert.match(page.match(/<div class="mine">(.*?)<\/section>/s)[1], /第二位編輯：已函送各縣市/);
        const textarea = page.match(/<textarea id="s-progress-text"[^>]*>([^<]*)<\/textarea>/)[1];
        assert.equal(unescapeHtml(textarea), mine);
        const form = page.slice(page.indexOf('id="form-progress"'));
        assert.match(form, new RegExp(`name="version" value="${opened.version + 1}"`));
        // Resubmitted as it stands, it is saved after the first.
        const again = await postForm(server.url, ntpc2, '/staff/proposals/112-10/progress',
          { csrf: ntpc2.csrf, version: String(opened.version + 1), date: '', text: unescapeHtml(textarea) });
        assert.equal(again.status, 303);
        const stored = await proposal('112-10');
        assert.deepEqual(stored.progress.slice(-2).map((e) => e.text), ['第一位編輯：已召開研商會議。', mine]);
      });

      it('in English the same page says it in English', async () => {
        const opened = await proposal('112-10');
        await ntpc.post('/api/staff/proposals/112-10/progress', { version: opened.version, text: '再一筆進度' });
        const r = await ntpc2.post('/staff/proposals/112-10/progress',
          encode({ csrf: ntpc2.csrf, version: String(opened.version), text: 'mine' }), { headers: { ...FORM, cookie: `${ntpc2.cookie}; lang=en` } });
        assert.equal(r.status, 409);
        assert.match(r.text, /Someone else changed this proposal after you opened it/);
        assert.match(r.text, / · Progress added · /);
        assert.doesNotMatch(r.text, /此提案在您開啟後/);
      });
    });
  });
}
