// The staff side over real HTTP, on every store (SQLite and PostgreSQL): sign-in, its
// cookie and its throttle; CSRF and cross-site refusals; per-county roles and the close /
// reopen rules; versioned writes; bad input; the append-only audit log; sign-out; hostile
// text escaped on every page, feed and export; and the store across a restart.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { addAccount, freshStore, staffClient, startServer, storeShell, stores } from '../support/server.mjs';

// ---- accounts (the same four on every store) --------------------------------------------

const TAOYUAN = { name: 'ty-staff-7781', password: 'taoyuan-pass-113', county: 'Taoyuan', agency: '桃園市政府研究發展考核委員會' };
const TAIPEI = { name: 'tp-staff-4410', password: 'taipei-pass-113', county: 'Taipei', agency: '臺北市政府研究發展考核委員會' };
const ADMIN = { name: 'nt-admin-2290', password: 'admin-pass-113', role: 'admin', agency: '北臺區域發展推動委員會秘書處' };
// Only for the throttle test: five failures make this name wait before its next try.
const THROTTLED = { name: 'hc-staff-5523', password: 'hsinchu-pass-113', county: 'HsinchuCounty', agency: '新竹縣政府' };

const XSS_TITLE = '<script>alert(1)</script>';
const XSS_REASON = '"><img src=x onerror=alert(1)>';

// ---- local helpers ------------------------------------------------------------------------

async function request(base, pathname, { method = 'GET', cookie, body, headers = {} } = {}) {
  const res = await fetch(base + pathname, {
    method,
    redirect: 'manual',
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, text, json };
}

// Raw text over a socket, for requests fetch cannot shape; resolves with all that came back.
function rawHttp(base, text) {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    let data = '';
    const socket = net.connect(Number(url.port), url.hostname, () => socket.write(text));
    socket.setEncoding('utf8');
    socket.on('data', (d) => { data += d; });
    socket.on('error', reject);
    socket.on('close', () => resolve(data));
    socket.setTimeout(10000, () => socket.destroy());
  });
}

const signIn = (base, name, password) => request(base, '/api/staff/sign-in', { method: 'POST', body: { name, password } });

async function bytesOf(base, pathname) {
  const res = await fetch(base + pathname);
  assert.equal(res.status, 200, pathname);
  return Buffer.from(await res.arrayBuffer());
}

// One member of a zip archive, read by Python's zipfile (independent of the server's zip code).
function zipMember(bytes, member) {
  const r = spawnSync('/usr/bin/python3', ['-c',
    'import io,sys,zipfile; z=zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())); sys.stdout.buffer.write(z.read(sys.argv[1]))',
    member], { input: bytes });
  assert.equal(r.status, 0, String(r.stderr));
  return r.stdout.toString('utf8');
}

// RFC 4180: quoted cells with "" for a quote, CRLF between records.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      cell += c; i++; continue;
    }
    if (c === '"' && cell === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(cell); cell = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 2; continue; }
    cell += c; i++;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

function isoDateAfterDays(days) {
  return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
}

// ---- the tests, once per store --------------------------------------------------------------

for (const store of stores()) {
  describe(`staff (${store})`, () => {
    let location;
    let cleanup;
    let server;
    let ty;
    let tp;
    let admin;
    const proposal = async (id) => (await request(server.url, `/api/proposals/${id}`)).json;

    before(async () => {
      ({ location, cleanup } = freshStore(store));
      for (const account of [TAOYUAN, TAIPEI, ADMIN, THROTTLED]) addAccount(location, account);
      server = await startServer({ dbPath: location });
      ty = await staffClient(server.url, TAOYUAN.name, TAOYUAN.password);
      tp = await staffClient(server.url, TAIPEI.name, TAIPEI.password);
      admin = await staffClient(server.url, ADMIN.name, ADMIN.password);
    });
    after(async () => {
      await server?.stop();
      cleanup?.();
    });

    describe('sign-in', () => {
      it('the right password: 200 with a CSRF token and a strict, HttpOnly session cookie', async () => {
        const r = await signIn(server.url, TAOYUAN.name, TAOYUAN.password);
        assert.equal(r.status, 200);
        assert.equal(typeof r.json.csrf, 'string');
        assert.ok(r.json.csrf.length >= 32, 'a CSRF token of real length');
        assert.equal(r.json.user, TAOYUAN.name);
        assert.equal(r.json.county, 'Taoyuan');
        const cookie = r.headers.get('set-cookie');
        assert.match(cookie, /;\s*HttpOnly/i);
        assert.match(cookie, /;\s*SameSite=Strict/i);
        assert.match(cookie, /;\s*Path=\/(;|$)/);
        // The cookie is a working session.
        const session = await request(server.url, '/api/staff/session', { cookie: cookie.split(';')[0] });
        assert.equal(session.status, 200);
        assert.equal(session.json.user, TAOYUAN.name);
        assert.equal(session.json.csrf, r.json.csrf);
      });

      it('a wrong password and an unknown name are both 401 with the same message', async () => {
        const wrong = await signIn(server.url, TAOYUAN.name, 'not-the-password');
        const unknown = await signIn(server.url, 'nobody-here-0000', 'whatever-pass');
        assert.equal(wrong.status, 401);
        assert.equal(unknown.status, 401);
        assert.equal(typeof wrong.json.error, 'string');
        assert.equal(wrong.json.error, unknown.json.error);
        assert.equal(wrong.headers.get('set-cookie'), null);
        assert.equal(unknown.headers.get('set-cookie'), null);
      });

      it('after 5 wrong passwords for a name the next attempt from a new browser waits: 429 with Retry-After, even when right', async () => {
        for (let i = 0; i < 5; i++) {
          const r = await signIn(server.url, THROTTLED.name, `wrong-${i}`);
          assert.equal(r.status, 401, `attempt ${i + 1}`);
        }
        const r = await signIn(server.url, THROTTLED.name, THROTTLED.password);
        assert.equal(r.status, 429);
        const wait = Number(r.headers.get('retry-after'));
        assert.ok(wait > 0 && wait <= 60, `Retry-After in seconds, a delay (${wait})`);
        assert.equal(r.headers.get('set-cookie'), null);
        // Other names are not locked out by it.
        assert.equal((await signIn(server.url, TAIPEI.name, TAIPEI.password)).status, 200);
      });

      it('the session endpoint without a cookie is 401', async () => {
        const r = await request(server.url, '/api/staff/session');
        assert.equal(r.status, 401);
        assert.equal(typeof r.json.error, 'string');
        const forged = await request(server.url, '/api/staff/session', { cookie: `${ty.cookie.split('=')[0]}=${'0'.repeat(64)}` });
        assert.equal(forged.status, 401);
      });
    });

    describe('CSRF', () => {
      const edit = { version: 1, title: '桃園市農業資源合作（CSRF 測試）' };

      it('a write without X-CSRF-Token is 403 and changes nothing', async () => {
        const before = await proposal('111-10');
        const r = await ty.post('/api/staff/proposals/111-10/edit', edit, { withCsrf: false });
        assert.equal(r.status, 403);
        const now = await proposal('111-10');
        assert.equal(now.version, before.version);
        assert.equal(now.title, before.title);
      });

      it('a wrong token is 403', async () => {
        const r = await ty.post('/api/staff/proposals/111-10/edit', edit, { withCsrf: false, headers: { 'x-csrf-token': 'f'.repeat(64) } });
        assert.equal(r.status, 403);
        assert.equal((await proposal('111-10')).version, 1);
      });

      it('a request marked sec-fetch-site: cross-site is 403 even with the right token', async () => {
        const r = await ty.post('/api/staff/proposals/111-10/edit', edit, { headers: { 'sec-fetch-site': 'cross-site' } });
        assert.equal(r.status, 403);
        assert.equal((await proposal('111-10')).version, 1);
      });

      it('the same request with the token and same-origin goes through', async () => {
        const r = await ty.post('/api/staff/proposals/111-10/edit', edit, { headers: { 'sec-fetch-site': 'same-origin' } });
        assert.equal(r.status, 200, r.text);
        const now = await proposal('111-10');
        assert.equal(now.version, 2);
        assert.equal(now.title, edit.title);
      });
    });

    describe('roles and the close rules', () => {
      const closing = { version: 1, kind: 'done', reason: '已完成桃園與臺北間之交通資料介接。', decision: '依113年1月5日第1次工作會議決議', date: '2024-01-05' };

      it('the content has no open Taoyuan proposals', async () => {
        const r = await request(server.url, '/api/proposals?status=open&county=Taoyuan');
        assert.equal(r.status, 200);
        assert.equal(r.json.total, 0);
      });

      it('a Taoyuan editor creates a proposal: 201, id 113-01, county Taoyuan', async () => {
        const r = await ty.post('/api/staff/proposals', {
          year: 113, title: '桃園臺北公共運輸資料介接', group: '交通運輸組', types: ['其他'], counties: ['Taoyuan', 'Taipei'],
        });
        assert.equal(r.status, 201, r.text);
        assert.equal(r.json.id, '113-01');
        assert.equal(r.json.county, 'Taoyuan');
        assert.equal(r.json.agency, TAOYUAN.agency);
        assert.equal(r.json.status, 'open');
        assert.equal(r.json.version, 1);
        assert.equal((await request(server.url, '/api/proposals?status=open&county=Taoyuan')).json.total, 1);
      });

      it('and closes it: version 2, the history names the agency, never the account', async () => {
        const r = await ty.post('/api/staff/proposals/113-01/close', closing);
        assert.equal(r.status, 200, r.text);
        assert.equal(r.json.status, 'closed');
        assert.equal(r.json.version, 2);
        // The answer holds the event this write added and the history's length, not the history.
        assert.equal(r.json.status_history, undefined);
        assert.equal(r.json.status_history_length, 1);
        const last = r.json.status_event;
        assert.equal(last.agency, TAOYUAN.agency);
        assert.equal(last.from, 'open');
        assert.equal(last.to, 'closed');
        assert.equal(last.kind, 'done');
        assert.equal(last.reason, closing.reason);
        assert.equal(last.decision, closing.decision);
        assert.equal(last.date, '2024-01-05');
        // The stored record is the answer with its whole history in place of the event and the count.
        const stored = await request(server.url, '/api/proposals/113-01');
        const { status_event: event, status_history_length: length, ...fields } = r.json;
        assert.deepEqual(stored.json, { ...fields, status_history: [event] });
        assert.equal(length, 1);
        assert.ok(!stored.text.includes(TAOYUAN.name), 'the public record never names the account');
      });

      it('the closed item is public: in the filtered list and on its page with reason and agency', async () => {
        const list = await request(server.url, '/api/proposals?status=closed&county=Taoyuan');
        assert.ok(list.json.items.some((p) => p.id === '113-01' && p.status === 'closed'));
        const page = await request(server.url, '/proposals/113-01');
        assert.equal(page.status, 200);
        assert.ok(page.text.includes(closing.reason));
        assert.ok(page.text.includes(TAOYUAN.agency));
        assert.ok(!page.text.includes(TAOYUAN.name), 'the page never names the account');
      });

      it('a Taoyuan editor may not change a Taipei item: 403 and the item is unchanged', async () => {
        // 111-13 is Taipei's with New Taipei: Taoyuan does not cooperate on it, so not even
        // progress (a cooperating county's editor may report progress: staff_forms.test.mjs).
        const before = await proposal('111-13');
        assert.equal(before.county, 'Taipei');
        assert.ok(!before.counties.includes('Taoyuan'));
        for (const [action, body] of [
          ['close', { version: before.version, kind: 'done', reason: '越權' }],
          ['edit', { version: before.version, title: '越權修改' }],
          ['progress', { version: before.version, text: '越權進度' }],
        ]) {
          const r = await ty.post(`/api/staff/proposals/111-13/${action}`, body);
          assert.equal(r.status, 403, action);
        }
        assert.deepEqual(await proposal('111-13'), before);
      });

      it('a Taipei editor may not change the Taoyuan item either', async () => {
        const before = await proposal('113-01');
        const r = await tp.post('/api/staff/proposals/113-01/reopen', { version: before.version, reason: '越權重新列管' });
        assert.equal(r.status, 403);
        assert.deepEqual(await proposal('113-01'), before);
      });

      it('a Taoyuan editor may not file a proposal for Taipei', async () => {
        const before = (await request(server.url, '/api/proposals?year=113')).json.total;
        const r = await ty.post('/api/staff/proposals', {
          year: 113, title: '代臺北提案', group: '交通運輸組', types: ['其他'], counties: ['Taipei'], county: 'Taipei',
        });
        assert.equal(r.status, 403);
        assert.equal((await request(server.url, '/api/proposals?year=113')).json.total, before);
      });

      it('the admin may close a Taipei item', async () => {
        const before = await proposal('112-19');
        assert.equal(before.county, 'Taipei');
        assert.equal(before.status, 'open');
        const r = await admin.post('/api/staff/proposals/112-19/close', { version: before.version, kind: 'routine', reason: '回歸業務單位常態辦理。' });
        assert.equal(r.status, 200, r.text);
        assert.equal(r.json.status, 'closed');
        assert.equal(r.json.version, before.version + 1);
        assert.equal(r.json.status_event.agency, ADMIN.agency);
        assert.deepEqual((await proposal('112-19')).status_history.at(-1), r.json.status_event, 'the event the answer named is the one stored');
        assert.equal((await proposal('112-19')).status_history.length, r.json.status_history_length);
      });

      it('reopening needs a reason: 400 naming "reason"', async () => {
        const before = await proposal('113-01');
        const r = await ty.post('/api/staff/proposals/113-01/reopen', { version: before.version });
        assert.equal(r.status, 400);
        assert.match(r.json.error, /reason/);
        assert.deepEqual(await proposal('113-01'), before);
      });

      it('closing an item already closed, at its current version, is 409 "already closed"', async () => {
        const before = await proposal('113-01');
        const r = await ty.post('/api/staff/proposals/113-01/close', { version: before.version, kind: 'other', reason: '再次解除' });
        assert.equal(r.status, 409);
        assert.match(r.json.error, /already closed/);
        assert.deepEqual(await proposal('113-01'), before);
      });
    });

    describe('versions', () => {
      it('two edits from the same version: the second is 409 with the current record, the first stays', async () => {
        const base = await proposal('111-11');
        const first = await ty.post('/api/staff/proposals/111-11/edit', { version: base.version, title: '第一位編輯的標題' });
        assert.equal(first.status, 200, first.text);
        assert.equal(first.json.version, base.version + 1);
        const second = await ty.post('/api/staff/proposals/111-11/edit', { version: base.version, title: '第二位編輯的標題' });
        assert.equal(second.status, 409);
        assert.equal(typeof second.json.error, 'string');
        assert.equal(second.json.current.id, '111-11');
        assert.equal(second.json.current.version, base.version + 1);
        assert.equal(second.json.current.title, '第一位編輯的標題');
        const stored = await proposal('111-11');
        assert.equal(stored.version, base.version + 1);
        assert.equal(stored.title, '第一位編輯的標題');
        assert.deepEqual(second.json.current, stored);
      });

      it('a stale form is answered with the edit page: the conflict and only the changes stored since its version', async () => {
        const base = await proposal('111-11');
        const first = await ty.post('/api/staff/proposals/111-11/progress', { version: base.version, text: '表單衝突前的進度' });
        assert.equal(first.status, 200, first.text);
        const form = new URLSearchParams({ csrf: ty.csrf, version: String(base.version), text: '過時表單的進度' }).toString();
        const r = await ty.post('/staff/proposals/111-11/progress', form,
          { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        assert.equal(r.status, 409);
        assert.match(r.text, /<p class="notice error" role="alert">此提案在您開啟後已被更新/);
        // The changes list holds the stored changes of this item after the form's version:
        // the progress entry, not the earlier stored edit (it made the version the form had),
        // nor the earlier test's refused edit.
        const changes = r.text.match(/<ol class="changes">(.*?)<\/ol>/);
        assert.ok(changes, 'the page lists the changes since');
        const items = changes[1].split('<li>').slice(1);
        assert.equal(items.length, 1);
        assert.match(items[0], /新增辦理進度 · 帳號：ty-staff-7781/);
        assert.match(items[0], /表單衝突前的進度/);
        assert.ok(items.every((li) => !/refused/.test(li)), 'no refused attempt is listed');
        // The typed text stays in the form, which now carries the current version.
        assert.match(r.text, />過時表單的進度<\/textarea>/);
        assert.match(r.text, new RegExp(`name="version" value="${base.version + 1}"`));
        const stored = await proposal('111-11');
        assert.equal(stored.version, base.version + 1);
        assert.equal(stored.progress.at(-1).text, '表單衝突前的進度');
      });
    });

    describe('bad input', () => {
      let original;
      before(async () => { original = await proposal('111-12'); });

      it('malformed JSON: 400 naming the line and column', async () => {
        const r = await ty.post('/api/staff/proposals/111-12/edit', '{"version": 1,\n  "title": }');
        assert.equal(r.status, 400);
        assert.match(r.json.error, /line \d+/);
        assert.match(r.json.error, /column \d+/);
      });

      it('a body over 1 MiB: 413', async () => {
        // The request declares its over-limit length and waits for the answer. (Sending the
        // whole body as well makes the server's answer race its closing of the connection.)
        const length = 1024 * 1024 + 10;
        const answer = await rawHttp(server.url, 'POST /api/staff/proposals/111-12/edit HTTP/1.1\r\nHost: localhost\r\n' +
          `Content-Type: application/json\r\nCookie: ${ty.cookie}\r\nX-CSRF-Token: ${ty.csrf}\r\nContent-Length: ${length}\r\n\r\n`);
        assert.match(answer, /^HTTP\/1\.1 413 /);
        assert.match(answer, /larger than 1048576 bytes/);
        assert.equal((await request(server.url, '/healthz')).status, 200);
      });

      it('an unknown field: 400 naming it', async () => {
        const r = await ty.post('/api/staff/proposals/111-12/edit', { version: 1, colour: 'red' });
        assert.equal(r.status, 400);
        assert.match(r.json.error, /colour/);
      });

      it('a wrong type: version as a string is 400 naming "version"', async () => {
        const r = await ty.post('/api/staff/proposals/111-12/edit', { version: '1', title: '新標題' });
        assert.equal(r.status, 400);
        assert.match(r.json.error, /version/);
      });

      it('"status" in an edit: 400 (status changes by close and reopen only)', async () => {
        const r = await ty.post('/api/staff/proposals/111-12/edit', { version: 1, status: 'open' });
        assert.equal(r.status, 400);
        assert.match(r.json.error, /status/);
      });

      it('a date in the future: 400', async () => {
        const future = isoDateAfterDays(400);
        const progress = await ty.post('/api/staff/proposals/111-12/progress', { version: 1, text: '未來進度', date: future });
        assert.equal(progress.status, 400);
        assert.match(progress.json.error, /date/);
        assert.ok(progress.json.error.includes(future));
      });

      it('an unknown proposal: 404', async () => {
        const r = await ty.post('/api/staff/proposals/999-99/edit', { version: 1, title: '不存在' });
        assert.equal(r.status, 404);
        assert.equal(typeof r.json.error, 'string');
      });

      it('none of the refused writes changed the item', async () => {
        assert.deepEqual(await proposal('111-12'), original);
      });
    });

    describe('audit log', () => {
      it('the admin sees sign-ins, writes and refusals, with user names and before/after records', async () => {
        const r = await admin.get('/api/staff/audit');
        assert.equal(r.status, 200);
        const log = r.json;
        assert.ok(Array.isArray(log) && log.length > 0);
        const find = (pred, what) => {
          const e = log.find(pred);
          assert.ok(e, `audit has ${what}`);
          return e;
        };
        for (const account of [TAOYUAN, TAIPEI, ADMIN]) find((e) => e.action === 'sign-in' && e.user === account.name, `sign-in of ${account.name}`);
        find((e) => e.action === 'sign-in-failed' && e.user === TAOYUAN.name, 'the failed sign-in');
        find((e) => e.action === 'sign-in-throttled' && e.user === THROTTLED.name, 'the throttled sign-in');

        const create = find((e) => e.action === 'create' && e.proposal_id === '113-01', 'the create');
        assert.equal(create.user, TAOYUAN.name);
        assert.equal(create.before, '');
        assert.equal(JSON.parse(create.after).version, 1);

        const close = find((e) => e.action === 'close' && e.proposal_id === '113-01', 'the close');
        assert.equal(close.user, TAOYUAN.name);
        assert.equal(JSON.parse(close.before).status, 'open');
        assert.equal(JSON.parse(close.after).status, 'closed');
        find((e) => e.action === 'close' && e.proposal_id === '112-19' && e.user === ADMIN.name, "the admin's close");

        // Every stored change moves the version by exactly one.
        const changes = log.filter((e) => ['edit', 'progress', 'close', 'reopen'].includes(e.action));
        assert.ok(changes.length >= 4);
        for (const e of changes) {
          const before = JSON.parse(e.before);
          const after = JSON.parse(e.after);
          assert.equal(after.version, before.version + 1, `seq ${e.seq}`);
          assert.equal(after.id, e.proposal_id);
          assert.equal(before.id, e.proposal_id);
        }
        const edit = find((e) => e.action === 'edit' && e.proposal_id === '111-11', 'the accepted edit');
        assert.equal(JSON.parse(edit.after).title, '第一位編輯的標題');

        // Refusals are logged, with who and why, and no record.
        find((e) => e.action === 'refused:csrf' && e.user === TAOYUAN.name, 'the CSRF refusal');
        const forbidden = find((e) => e.action === 'refused:close' && e.proposal_id === '111-13', 'the refused Taipei close');
        assert.equal(forbidden.user, TAOYUAN.name);
        assert.match(forbidden.detail, /Taipei/);
        find((e) => e.action === 'refused:create' && e.user === TAOYUAN.name, 'the refused create for Taipei');
        const conflict = find((e) => e.action === 'refused:edit' && e.proposal_id === '111-11', 'the conflicting edit');
        assert.match(conflict.detail, /version/);
        find((e) => e.action === 'refused:reopen' && /reason/.test(e.detail), 'the reopen without a reason');
        for (const e of log.filter((x) => x.action.startsWith('refused:'))) {
          assert.equal(e.before, '');
          assert.equal(e.after, '');
        }
        const seqs = log.map((e) => e.seq);
        assert.equal(new Set(seqs).size, seqs.length, 'sequence numbers are unique');
        // When, in Taiwan's time as the staff reading it live by, and the instant it was.
        for (const e of log) {
          assert.match(e.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/, `seq ${e.seq}`);
          const at = Date.parse(e.at);
          assert.ok(at > Date.now() - 60 * 60 * 1000 && at <= Date.now() + 5000, `seq ${e.seq} at ${e.at}`);
        }
      });

      it('an editor may not read it: 403 on the API and the page', async () => {
        assert.equal((await ty.get('/api/staff/audit')).status, 403);
        assert.equal((await tp.get('/staff/audit')).status, 403);
      });

      it('the store itself refuses to delete or change audit rows', async () => {
        const before = (await admin.get('/api/staff/audit')).json.length;
        const count = storeShell(store, location, 'SELECT count(*) FROM audit');
        assert.equal(count.status, 0, count.stderr);
        assert.ok(Number(count.stdout.trim()) >= before, 'the client reads the same store');
        for (const sql of ['DELETE FROM audit', "UPDATE audit SET username = 'someone-else'"]) {
          const r = storeShell(store, location, sql);
          assert.notEqual(r.status, 0, sql);
          assert.match(r.stderr, /append-only/, sql);
        }
        const after = (await admin.get('/api/staff/audit')).json;
        assert.equal(after.length, before);
        assert.ok(!after.some((e) => e.user === 'someone-else'));
      });
    });

    describe('sign-out', () => {
      it('ends the session: the old cookie is then refused', async () => {
        const client = await staffClient(server.url, TAOYUAN.name, TAOYUAN.password);
        // Without the token, sign-out is refused like any other write and the session lives on.
        assert.equal((await client.post('/api/staff/sign-out', {}, { withCsrf: false })).status, 403);
        assert.equal((await client.get('/api/staff/session')).status, 200);

        const out = await client.post('/api/staff/sign-out', {});
        assert.equal(out.status, 200);
        assert.match(out.headers.get('set-cookie'), /Max-Age=0/);
        assert.equal((await client.get('/api/staff/session')).status, 401);
        const write = await client.post('/api/staff/proposals/111-02/progress', { version: 1, text: '登出後寫入' });
        assert.equal(write.status, 401);
        assert.equal((await proposal('111-02')).version, 1);
      });
    });

    describe('hostile text', () => {
      let id;
      const assertEscaped = (text, where) => {
        assert.ok(!text.includes(XSS_TITLE), `${where}: the title appears unescaped`);
        assert.ok(!text.includes('<img src=x'), `${where}: the reason appears unescaped`);
      };

      before(async () => {
        const created = await ty.post('/api/staff/proposals', {
          year: 113, title: XSS_TITLE, group: '交通運輸組', types: ['其他'], counties: ['Taoyuan'],
        });
        assert.equal(created.status, 201, created.text);
        id = created.json.id;
        const closed = await ty.post(`/api/staff/proposals/${id}/close`, { version: 1, kind: 'other', reason: XSS_REASON });
        assert.equal(closed.status, 200, closed.text);
      });

      it('is stored as given: the JSON API returns it verbatim', async () => {
        const p = await proposal(id);
        assert.equal(p.title, XSS_TITLE);
        assert.equal(p.closure.reason, XSS_REASON);
        assert.equal(p.status_history.at(-1).reason, XSS_REASON);
        const list = await request(server.url, '/api/proposals?year=113');
        assert.equal(list.json.items.find((x) => x.id === id).title, XSS_TITLE);
      });

      it('is escaped on the public pages', async () => {
        for (const pathname of ['/proposals', `/proposals/${id}`, '/proposals?q=' + encodeURIComponent('<script>')]) {
          const r = await request(server.url, pathname);
          assert.equal(r.status, 200, pathname);
          assertEscaped(r.text, pathname);
          assert.ok(r.text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), `${pathname} shows the title, escaped`);
        }
        const detail = await request(server.url, `/proposals/${id}`);
        assert.ok(detail.text.includes('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'), 'the reason, escaped');
      });

      it('is escaped on the staff pages', async () => {
        for (const [client, pathname] of [[ty, '/staff'], [ty, `/staff/proposals/${id}`], [admin, `/staff/proposals/${id}`], [admin, '/staff/audit']]) {
          const r = await client.get(pathname);
          assert.equal(r.status, 200, pathname);
          assertEscaped(r.text, pathname);
        }
        const home = await ty.get('/staff');
        assert.ok(home.text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the staff list shows the title, escaped');
      });

      it('is escaped in the Atom feeds', async () => {
        for (const pathname of ['/proposals.atom', `/proposals/${id}.atom`]) {
          const r = await request(server.url, pathname);
          assert.equal(r.status, 200, pathname);
          assertEscaped(r.text, pathname);
          assert.ok(r.text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), `${pathname} carries the title, escaped`);
        }
        const own = await request(server.url, `/proposals/${id}.atom`);
        assert.ok(own.text.includes('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'), 'the status change carries the reason, escaped');
      });

      it('is escaped in the ODS content', async () => {
        const xml = zipMember(await bytesOf(server.url, '/proposals.ods?year=113'), 'content.xml');
        assertEscaped(xml, 'content.xml');
        assert.ok(xml.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
      });

      it('is plain data in the CSV, cell for cell', async () => {
        const bytes = await bytesOf(server.url, '/proposals.csv?year=113');
        const rows = parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''));
        const row = rows.find((r) => r[0] === id);
        assert.ok(row, 'the row is there');
        assert.ok(row.includes(XSS_TITLE), 'the title cell, verbatim');
        assert.ok(row.includes(XSS_REASON), 'the reason cell, verbatim');
      });
    });

    describe('persistence', () => {
      it('after a restart on the same store the closed items are still closed, with their history', async () => {
        const before = { a: await proposal('113-01'), b: await proposal('112-19'), c: await proposal('111-11') };
        await server.stop();
        server = await startServer({ dbPath: location });
        assert.doesNotMatch(server.output(), /filled from/);
        const a = await proposal('113-01');
        assert.equal(a.status, 'closed');
        assert.equal(a.version, 2);
        assert.equal(a.status_history.length, 1);
        assert.equal(a.status_history[0].agency, TAOYUAN.agency);
        assert.deepEqual(a, before.a);
        assert.deepEqual(await proposal('112-19'), before.b);
        assert.deepEqual(await proposal('111-11'), before.c);
        assert.equal((await request(server.url, '/api/proposals')).json.total, 57);
        // Accounts live in the store too.
        assert.equal((await signIn(server.url, TAIPEI.name, TAIPEI.password)).status, 200);
      });
    });
  });
}
