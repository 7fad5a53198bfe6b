// Issue 15, over real HTTP: one rule for text at every input, and XML that no stored text can
// break. On SQLite and PostgreSQL:
//   - every text field — the staff's proposal forms and JSON, accounts, campaigns, a
//     participant's nickname — refuses NUL, C0/C1 controls but tab and line breaks, and
//     noncharacters, naming the field, in the page's language, storing nothing;
//   - "the old path": a proposal carrying each forbidden character written straight into the
//     store (as text stored before the rule), then every XML the portal writes —
//     /proposals.atom, /proposals/{id}.atom, the ODS export's content.xml, /map.svg — is parsed
//     by a real XML parser (Python's expat, which refuses U+FFFE and U+FFFF as the issue's
//     readers did). Content files follow the rule when read (tests/site/content.test.mjs), so
//     a hand-edited one cannot carry the characters to /map.svg any more.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { addAccount, freshStore, staffClient, startServer, storeShell, stores } from '../support/server.mjs';

const ADMIN = { name: 'tr.admin', password: 'admin-password-1', role: 'admin', agency: '北臺區域發展推動委員會秘書處' };
const NTPC = { name: 'tr.ntpc', password: 'ntpc-password-12', county: 'NewTaipei', agency: '新北市政府研究發展考核委員會' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

// Each kind of character the rule refuses, with the name the answer gives it.
const FORBIDDEN = [
  ['\u0000', 'U+0000'], ['\u0007', 'U+0007'], ['\u000b', 'U+000B'], ['\u001b', 'U+001B'], ['\r', 'U+000D'],
  ['\u007f', 'U+007F'], ['\u0085', 'U+0085'], ['\u009b', 'U+009B'],
  ['\ufdd0', 'U+FDD0'], ['\ufdef', 'U+FDEF'], ['\ufffe', 'U+FFFE'], ['\uffff', 'U+FFFF'], ['\u{1fffe}', 'U+1FFFE'],
];

// ---- helpers --------------------------------------------------------------------------------

async function call(base, pathname, { method = 'GET', body, headers = {} } = {}) {
  const res = await fetch(base + pathname, {
    method, redirect: 'manual', headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : body instanceof URLSearchParams ? body : JSON.stringify(body),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString('utf8');
  let json;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, bytes, text, json };
}

// A signed-in staff member posting forms as the pages do (the CSRF token in the form).
async function staffBrowser(base, account) {
  const client = await staffClient(base, account.name, account.password);
  client.form = (pathname, fields, lang = 'zh-TW') => call(base, pathname, {
    method: 'POST', headers: { ...FORM, cookie: `${client.cookie}; lang=${lang}` },
    body: new URLSearchParams([['csrf', client.csrf], ...fields]),
  });
  return client;
}

// Python's expat on the bytes as served: "" when well-formed, else its complaint.
function xmlProblem(bytes) {
  const r = spawnSync('/usr/bin/python3', ['-c',
    'import sys, xml.parsers.expat as e\np = e.ParserCreate()\np.Parse(sys.stdin.buffer.read(), True)'], { input: bytes });
  return r.status === 0 ? '' : String(r.stderr).trim().split('\n').pop() || 'not well-formed';
}

// One member of a zip archive, as bytes (Python's zipfile, independent of the server's zip).
function zipMember(bytes, member) {
  const r = spawnSync('/usr/bin/python3', ['-c',
    'import io, sys, zipfile\nsys.stdout.buffer.write(zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())).read(sys.argv[1]))', member],
  { input: bytes, maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, String(r.stderr));
  return r.stdout;
}

const sql = (s) => `'${s.replaceAll("'", "''")}'`;

function storeDoc(kind, location, query) {
  const r = storeShell(kind, location, query);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

const version = async (base, id) => (await call(base, `/api/proposals/${id}`)).json.version;

// ---- the rule at every input ----------------------------------------------------------------

for (const store of stores()) {
  describe(`the text rule at every input (${store})`, () => {
    let location, cleanup, server, admin, ntpc;

    before(async () => {
      ({ location, cleanup } = freshStore(store));
      for (const a of [ADMIN, NTPC]) addAccount(location, a);
      server = await startServer({ dbPath: location, extraArgs: ['--feeds', 'none'] });
      admin = await staffBrowser(server.url, ADMIN);
      ntpc = await staffBrowser(server.url, NTPC);
    });
    after(async () => { await server?.stop(); cleanup?.(); });

    it('proposal JSON: each forbidden character is refused beside its field, naming it, and nothing is stored', async () => {
      const before = await version(server.url, '112-10');
      for (const [ch, name] of FORBIDDEN) {
        const r = await ntpc.post('/api/staff/proposals/112-10/progress', { version: before, text: `第二次${ch}會議` });
        assert.equal(r.status, 400, name);
        assert.deepEqual(r.json.problems.map((p) => [p.field, p.code]), [['text', ch.codePointAt(0) >= 0xfdd0 ? 'text_noncharacter' : 'text_control']], name);
        assert.match(r.json.error, new RegExp(`^text: .*${name.replace('+', '\\+')}`), name);
      }
      const sheet = await ntpc.post('/api/staff/proposals/112-10/edit', {
        version: before, sheet: { description: 'a', approach: 'b\uffff', benefits: 'c', contact_unit: 'd' },
      });
      assert.equal(sheet.status, 400);
      assert.equal(sheet.json.problems[0].field, 'sheet.approach');
      const created = await admin.post('/api/staff/proposals', {
        year: 113, title: '標題\u0000', group: '文化教育組', county: 'Taoyuan', types: ['跨縣市實質合作議題'], counties: ['Taoyuan'],
      });
      assert.equal(created.status, 400);
      assert.equal(created.json.problems[0].field, 'title');
      assert.equal(await version(server.url, '112-10'), before, 'nothing was stored');
      assert.equal((await call(server.url, '/api/proposals/113-01')).status, 404);
      // Tabs, LF and CR LF are text.
      const ok = await ntpc.post('/api/staff/proposals/112-10/progress', { version: before, text: '第一行\r\n第二行\t完\n' });
      assert.equal(ok.status, 200, ok.text);
    });

    it('proposal forms: the problem beside the field in the page\'s language, the text kept as typed', async () => {
      const v = String(await version(server.url, '112-10'));
      const zh = await ntpc.form('/staff/proposals/112-10/progress', [['version', v], ['text', '會議\u0000紀錄']]);
      assert.equal(zh.status, 400);
      assert.match(zh.text, /含有控制字元 U\+0000/);
      assert.match(zh.text, /會議.{0,20}紀錄/s, 'the typed text is shown again');
      const en = await ntpc.form('/staff/proposals/112-10/close', [['version', v], ['kind', 'done'], ['reason', 'done\ufffe']], 'en');
      assert.equal(en.status, 400);
      assert.match(en.text, /holds U\+FFFE, which is not a character/);
      // Bytes that are not UTF-8 (a form's %FF) are refused too.
      const bytes = await call(server.url, '/staff/proposals/112-10/progress', {
        method: 'POST', headers: { ...FORM, cookie: `${ntpc.cookie}; lang=en` }, body: `csrf=${ntpc.csrf}&version=${v}&text=%FFabc`,
      });
      assert.equal(bytes.status, 400);
      assert.match(bytes.text, /not valid UTF-8/);
      assert.equal(String(await version(server.url, '112-10')), v, 'nothing was stored');
    });

    it('accounts, sign-in and campaigns: JSON and forms name the field', async () => {
      const account = await admin.post('/api/staff/accounts', {
        name: 'tr.new', password: 'a-long-password-1', role: 'editor', county: 'Keelung', agency: '基隆市政府\ufdd0',
      });
      assert.equal(account.status, 400);
      assert.match(account.json.error, /^agency：.*U\+FDD0/);
      const form = await admin.form('/staff/accounts', [['name', 'tr.new\u0007'], ['password', 'a-long-password-1'], ['role', 'editor'],
        ['county', 'Keelung'], ['agency', '基隆市政府']], 'en');
      assert.equal(form.status, 400);
      assert.match(form.text, /name: This holds the control character U\+0007/);
      const signIn = await call(server.url, '/api/staff/sign-in', {
        method: 'POST', headers: { 'content-type': 'application/json', cookie: 'lang=en' }, body: { name: 'tr.admin\u0000', password: 'x' },
      });
      assert.equal(signIn.status, 400);
      assert.match(signIn.json.error, /^name: .*U\+0000/);
      const today = new Date(Date.now() + 8 * 3600e3);
      const day = (n) => new Date(today.getTime() + n * 86400e3).toISOString().slice(0, 10);
      const campaign = {
        id: 'tr-live', proposal: '112-40', name_zh: '測試活動', name_en: 'Test', start: day(-1), end: day(30), min_counties: 3,
        winners_stay: false, contacts_erased_after: day(90), sites: [],
        draws: [{ id: 'only', cutoff: day(20) + 'T23:59:59+08:00', date: day(25) + 'T15:00:00+08:00', seed_source_zh: '亂數',
          seed_source_en: 'a value', prizes: [{ county: 'Taipei', count: 1, name_zh: '住宿券\u0000', name_en: 'Stay' }] }],
        figures: null, external: false, sample: true, note: '測試',
      };
      const refused = await admin.post('/api/staff/campaigns', campaign);
      assert.equal(refused.status, 400);
      assert.match(refused.json.error, /^draws\[0\]\.prizes\[0\]\.name_zh：.*U\+0000/);
      assert.equal((await call(server.url, '/api/campaigns/tr-live')).status, 404, 'nothing was stored');
      campaign.draws[0].prizes[0].name_zh = '住宿券';
      assert.equal((await admin.post('/api/staff/campaigns', campaign)).status, 201);
    });

    it('a participant\'s nickname and contact: JSON and the form without JavaScript', async () => {
      const json = await call(server.url, '/api/campaigns/tr-live/participants', {
        method: 'POST', headers: { 'content-type': 'application/json', cookie: 'lang=en' },
        body: { nickname: '小\u0007明', home_county: 'Taipei', contact: 'ming@example.com' },
      });
      assert.equal(json.status, 400);
      assert.match(json.json.error, /^nickname: .*U\+0007/);
      assert.equal(json.headers.get('set-cookie'), null, 'no participant was made');
      const form = await call(server.url, '/raffle/tr-live/register', {
        method: 'POST', headers: FORM, body: new URLSearchParams({ nickname: '小明', home_county: 'Taipei', contact: '0912\uffff' }),
      });
      assert.equal(form.status, 400);
      assert.match(form.text, /contact：含有 U\+FFFE|contact：含有 U\+FFFF/);
      const stats = await call(server.url, '/api/campaigns/tr-live/stats');
      assert.equal(stats.json.total.participants_home, 0, 'nobody was registered');
    });
  });
}

// ---- the old path: forbidden characters already stored ------------------------------------

// Every forbidden character at once, and markup, in one text.
const HOSTILE = FORBIDDEN.map(([ch]) => ch).join('') + ' <&>"\' 終';

for (const store of stores()) {
  describe(`every XML export survives text stored before the rule (${store})`, () => {
    let location, cleanup, server;

    before(async () => {
      ({ location, cleanup } = freshStore(store));
      server = await startServer({ dbPath: location, extraArgs: ['--feeds', 'none'] });
      await server.halt();
      // Straight into the store, past the rule: a proposal's title, sheet and progress, and the
      // reason of a change of status (the feeds' entries), appended as the history is.
      const doc = JSON.parse(storeDoc(store, location, "SELECT doc FROM proposals WHERE id = '111-01'"));
      doc.title += HOSTILE;
      if (doc.sheet) doc.sheet.description += HOSTILE;
      if (doc.progress?.length) doc.progress[0].text += HOSTILE;
      storeDoc(store, location, `UPDATE proposals SET doc = ${sql(JSON.stringify(doc))} WHERE id = '111-01'`);
      const seq = storeDoc(store, location, "SELECT max(seq) FROM status_events WHERE proposal_id = '111-01'");
      assert.ok(seq, '111-01 has a change of status');
      const event = JSON.parse(storeDoc(store, location, `SELECT doc FROM status_events WHERE seq = ${seq}`));
      event.reason = (event.reason ?? '') + HOSTILE;  // appended: the history takes no updates
      storeDoc(store, location, `INSERT INTO status_events (proposal_id, doc) VALUES ('111-01', ${sql(JSON.stringify(event))})`);
      await server.restart();
    });
    after(async () => { await server?.stop(); cleanup?.(); });

    it('the parser used here refuses what the issue reported (so the checks below can fail)', () => {
      assert.notEqual(xmlProblem(Buffer.from('<a>\ufffe</a>')), '');
      assert.notEqual(xmlProblem(Buffer.from('<a>\uffff</a>')), '');
      assert.notEqual(xmlProblem(Buffer.from('<a>\u0001</a>')), '');
      assert.equal(xmlProblem(Buffer.from('<a>\ufffd 終</a>')), '');
    });

    it('the stored text is served (the store was written) and every XML document parses', async () => {
      const api = await call(server.url, '/api/proposals/111-01');
      assert.ok(api.json.title.endsWith(HOSTILE), 'the server reads the text as stored');
      for (const [pathname, lang] of [['/proposals.atom', 'zh-TW'], ['/proposals.atom?year=111', 'en'], ['/proposals/111-01.atom', 'zh-TW'],
        ['/proposals/111-01.atom', 'en'], ['/map.svg', 'zh-TW'], ['/map.svg?layers=sites&county=YilanCounty', 'en']]) {
        const r = await call(server.url, pathname, { headers: { cookie: `lang=${lang}` } });
        assert.equal(r.status, 200, pathname);
        assert.equal(xmlProblem(r.bytes), '', `${pathname} (${lang}) is well-formed`);
        if (pathname.includes('atom')) assert.match(r.text, /終/, `${pathname}: the text around the characters is kept`);
        assert.doesNotMatch(r.text, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/, pathname);
      }
      for (const lang of ['zh-TW', 'en']) {
        const ods = await call(server.url, '/proposals.ods?year=111', { headers: { cookie: `lang=${lang}` } });
        assert.equal(ods.status, 200);
        const content = zipMember(ods.bytes, 'content.xml');
        assert.equal(xmlProblem(content), '', `content.xml (${lang}) is well-formed`);
        assert.match(content.toString('utf8'), /終/);
      }
      // The pages and the CSV still answer.
      for (const pathname of ['/proposals/111-01', '/proposals.csv', '/map/sites?county=YilanCounty'])
        assert.equal((await call(server.url, pathname)).status, 200, pathname);
    });
  });
}
