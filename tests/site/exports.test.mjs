// The citizen's downloads and views over real HTTP (SQLite store): the CSV, JSON and ODS
// exports and the Atom feeds agree with /api/proposals for the same filter; a bad filter is
// a 400 everywhere; the /proposals page honours every filter; the language switch sets its
// cookie and never redirects off the site.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startServer } from '../support/server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

// ---- local helpers ------------------------------------------------------------------------

async function get(pathAndQuery, headers = {}) {
  const r = await fetch(server.url + pathAndQuery, { headers, redirect: 'manual' });
  const bytes = Buffer.from(await r.arrayBuffer());
  const text = bytes.toString('utf8');
  let json;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, headers: r.headers, bytes, text, json };
}

const api = async (query) => {
  const r = await get('/api/proposals' + (query ? '?' + query : ''));
  assert.equal(r.status, 200, query);
  return r.json;
};

// RFC 4180: quoted cells with "" for a quote, CRLF between records.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell); rows.push(row); row = []; cell = ''; i++;
    } else cell += c;
  }
  assert.ok(!quoted, 'CSV ends inside a quoted cell');
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

// A zip read by Python's zipfile: its members in order (name, stored?) and one member's text.
function readZip(bytes, member) {
  const r = spawnSync('/usr/bin/python3', ['-c', `
import io, json, sys, zipfile
z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
assert z.testzip() is None
print(json.dumps({"members": [[i.filename, i.compress_type == zipfile.ZIP_STORED] for i in z.infolist()],
                  "text": z.read(sys.argv[1]).decode("utf-8")}))`, member], { input: bytes });
  assert.equal(r.status, 0, String(r.stderr));
  return JSON.parse(r.stdout.toString('utf8'));
}

// Python's own XML parser: "" when the text is well-formed, else its complaint.
function xmlProblem(text) {
  const r = spawnSync('/usr/bin/python3', ['-c', 'import xml.dom.minidom,sys; xml.dom.minidom.parse(sys.stdin)'],
    { input: text, encoding: 'utf8' });
  return r.status === 0 ? '' : r.stderr || 'not well-formed';
}

const dataTotal = (html) => {
  const m = html.match(/data-total="(\d+)"/);
  assert.ok(m, 'the page states its total');
  return Number(m[1]);
};
const listedIds = (html) => [...html.matchAll(/<li class="proposal[^"]*" data-id="([^"]+)"/g)].map((m) => m[1]);

// ---- CSV ------------------------------------------------------------------------------------

test('CSV: UTF-8 BOM first, one row per proposal plus the header, a download', async () => {
  const r = await get('/proposals.csv');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/csv; charset=utf-8/);
  assert.match(r.headers.get('content-disposition'), /attachment; filename="[^"]+\.csv"/);
  assert.deepEqual([...r.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.ok(r.text.endsWith('\r\n'), 'CRLF line ends');
  const rows = parseCsv(r.text.slice(1));
  assert.equal(rows.length, 56);
  assert.equal(rows[0][0], '編號');
  for (const row of rows) assert.equal(row.length, rows[0].length, row[0]);
});

test('CSV: a filter narrows it (year=111: 13 rows), and the status column agrees with the API', async () => {
  for (const query of ['', 'year=111', 'status=closed', 'county=NewTaipei&type=' + encodeURIComponent('跨縣市實質合作議題')]) {
    const rows = parseCsv((await get('/proposals.csv' + (query ? '?' + query : ''))).text.slice(1));
    const header = rows[0];
    const id = header.indexOf('編號');
    const status = header.indexOf('狀態代碼');
    assert.ok(id >= 0 && status >= 0);
    const expected = (await api(query)).items;
    assert.deepEqual(rows.slice(1).map((row) => [row[id], row[status]]), expected.map((p) => [p.id, p.status]), query);
  }
  assert.equal(parseCsv((await get('/proposals.csv?year=111')).text.slice(1)).length - 1, 13);
});

// ---- JSON -----------------------------------------------------------------------------------

test('JSON: the same records as the API for the same filter — ids, statuses and versions', async () => {
  for (const query of ['', 'year=111', 'status=closed&sort=group', 'county=Taipei', 'q=' + encodeURIComponent('自行車')]) {
    const r = await get('/proposals.json' + (query ? '?' + query : ''));
    assert.equal(r.status, 200, query);
    assert.ok(Array.isArray(r.json), query);
    const expected = (await api(query)).items;
    assert.deepEqual(r.json.map((p) => [p.id, p.status]), expected.map((p) => [p.id, p.status]), query);
    for (const p of r.json) {
      const one = (await get(`/api/proposals/${p.id}`)).json;
      assert.equal(p.version, one.version, p.id);
      assert.deepEqual(p.status_history, one.status_history, p.id);
    }
  }
});

// ---- ODS ------------------------------------------------------------------------------------

test('ODS: a zip whose first member is the stored mimetype, with one table row per record plus the header', async () => {
  for (const [query, records] of [['', 55], ['year=111', 13], ['year=111&status=open', 1]]) {
    const r = await get('/proposals.ods' + (query ? '?' + query : ''));
    assert.equal(r.status, 200, query);
    assert.equal(r.headers.get('content-type'), 'application/vnd.oasis.opendocument.spreadsheet');
    assert.match(r.headers.get('content-disposition'), /attachment; filename="[^"]+\.ods"/);
    const mimetype = readZip(r.bytes, 'mimetype');
    assert.deepEqual(mimetype.members[0], ['mimetype', true], 'first and uncompressed, as ODF requires');
    assert.equal(mimetype.text, 'application/vnd.oasis.opendocument.spreadsheet');
    assert.ok(mimetype.members.some(([name]) => name === 'META-INF/manifest.xml'));
    const content = readZip(r.bytes, 'content.xml').text;
    assert.equal(xmlProblem(content), '', 'content.xml is well-formed');
    assert.equal(content.match(/<table:table-row[ >]/g).length, records + 1, query);
  }
});

// ---- Atom -----------------------------------------------------------------------------------

test('Atom: the closed view is well-formed and has an entry for every closed item, and no open one', async () => {
  const r = await get('/proposals.atom?status=closed');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^application\/atom\+xml/);
  assert.equal(xmlProblem(r.text), '');
  const closed = (await api('status=closed')).items.map((p) => p.id);
  assert.equal(closed.length, 14);
  const listed = [...r.text.matchAll(/<id>tag:beitai\.portal,2023:proposal\/([^/<]+)<\/id>/g)].map((m) => m[1]);
  assert.deepEqual([...listed].sort(), [...closed].sort());
  const open = (await api('status=open')).items.map((p) => p.id);
  for (const id of open) assert.ok(!r.text.includes(`proposal/${id}<`), id);
});

test("Atom: one proposal's feed has its status-change entry", async () => {
  const r = await get('/proposals/111-01.atom');
  assert.equal(r.status, 200);
  assert.equal(xmlProblem(r.text), '');
  const p = (await get('/api/proposals/111-01')).json;
  const entry = r.text.match(/<entry><id>tag:beitai\.portal,2023:proposal\/111-01\/status\/0<\/id>.*?<\/entry>/s);
  assert.ok(entry, 'the status-change entry');
  assert.ok(entry[0].includes(`<updated>${p.status_history[0].date}T`));
  assert.ok(entry[0].includes(`<name>${p.status_history[0].agency}</name>`));
  assert.ok(entry[0].includes('解除列管'), 'names the change');
  assert.equal((await get('/proposals/999-99.atom')).status, 404);
});

test('Atom: the pages name their feeds for readers, and a feed opened in a browser is styled', async () => {
  const alternate = (html) => [...html.matchAll(/<link rel="alternate" type="application\/atom\+xml" href="([^"]+)" title="([^"]+)">/g)]
    .map((m) => [m[1].replaceAll('&amp;', '&'), m[2]]);
  assert.deepEqual(alternate((await get('/')).text), [['/proposals.atom', '訂閱提案更新（Atom）']]);
  assert.deepEqual(alternate((await get('/proposals?status=closed&page=2')).text), [['/proposals.atom?status=closed', '訂閱更新（Atom）']]);
  assert.deepEqual(alternate((await get('/proposals/111-01')).text), [['/proposals/111-01.atom', '訂閱本案更新（Atom）']]);
  assert.deepEqual(alternate((await get('/map')).text), []);

  const feed = (await get('/proposals.atom')).text;
  const sheet = feed.match(/^<\?xml[^>]*\?>\n<\?xml-stylesheet type="text\/css" href="([^"]+)"\?>/);
  assert.ok(sheet, feed.slice(0, 200));
  const css = await get(sheet[1]);
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type'), /^text\/css/);
  assert.match(css.text, /feed:lang\(zh-Hant-TW\)::before \{ content: "這是 Atom 訂閱來源/);
  assert.match(css.text, /feed:lang\(en\)::before \{ content: "This is an Atom feed/);

  // A browser asks for HTML first and gets the same XML as XML, which it renders with the sheet;
  // a feed reader gets Atom's type.
  const asBrowser = await fetch(server.url + '/proposals/111-01.atom', { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
  assert.match(asBrowser.headers.get('content-type'), /^application\/xml/);
  assert.match(asBrowser.headers.get('vary'), /Accept/);
  assert.equal(await asBrowser.text(), (await get('/proposals/111-01.atom')).text);
  const asReader = await fetch(server.url + '/proposals/111-01.atom', { headers: { accept: 'application/atom+xml' } });
  assert.match(asReader.headers.get('content-type'), /^application\/atom\+xml/);
});

// ---- bad filters ------------------------------------------------------------------------------

test('a bad filter is a 400 with its message on every export and feed', async () => {
  for (const format of ['csv', 'json', 'ods', 'atom']) {
    for (const [query, message] of [['status=opne', /status: expected "open" or "closed"/], ['colour=red', /unknown parameter "colour"/]]) {
      const r = await get(`/proposals.${format}?${query}`);
      assert.equal(r.status, 400, `${format} ${query}`);
      assert.match(r.json.error, message, `${format} ${query}`);
    }
  }
});

// ---- the /proposals page ----------------------------------------------------------------------

test('/proposals honours every filter: data-total equals the API total', async () => {
  const queries = [
    '', 'year=111', 'year=112', 'status=open', 'status=closed', 'closure=done', 'closure=routine',
    'group=' + encodeURIComponent('交通運輸組'), 'county=NewTaipei', 'county=Taoyuan', 'partner=Taipei',
    'type=' + encodeURIComponent('促請中央修正法案'), 'track=central', 'track=joint', 'q=' + encodeURIComponent('自行車'),
    'q=Get+Out', 'year=112&status=open&group=' + encodeURIComponent('文化教育組') + '&county=NewTaipei',
  ];
  const totals = new Set();
  for (const query of queries) {
    const page = await get('/proposals' + (query ? '?' + query : ''));
    assert.equal(page.status, 200, query);
    const expected = (await api(query)).total;
    assert.equal(dataTotal(page.text), expected, query);
    totals.add(expected);
  }
  assert.ok(totals.size >= 8, 'the filters really narrow the list');
});

test('/proposals honours sort and page: the listed ids are the API order, 50 a page', async () => {
  for (const sort of ['year', 'group', 'updated']) {
    const expected = (await api(`sort=${sort}`)).items.map((p) => p.id);
    const first = await get(`/proposals?sort=${sort}`);
    assert.equal(dataTotal(first.text), 55);
    assert.deepEqual(listedIds(first.text), expected.slice(0, 50), sort);
    const second = await get(`/proposals?sort=${sort}&page=2`);
    assert.equal(second.status, 200);
    assert.deepEqual(listedIds(second.text), expected.slice(50), `${sort} page 2`);
  }
  assert.notDeepEqual((await api('sort=group')).items.map((p) => p.id), (await api('')).items.map((p) => p.id));
});

test('/proposals with an unknown filter value is a 400 page with the message', async () => {
  const cases = [
    ['year=abc', 'year: expected an ROC year'],
    ['status=opne', 'status: expected &quot;open&quot; or &quot;closed&quot;, found &quot;opne&quot;'],
    ['closure=finished', 'closure: expected done'],
    ['group=' + encodeURIComponent('外交組'), 'group: unknown issue group &quot;外交組&quot;'],
    ['county=Tainan', 'county: unknown county id &quot;Tainan&quot;'],
    ['partner=Kaohsiung', 'partner: unknown county id &quot;Kaohsiung&quot;'],
    ['type=' + encodeURIComponent('外交'), 'type: unknown proposal type'],
    ['track=local', 'track: expected &quot;central&quot; or &quot;joint&quot;'],
    ['q=' + 'x'.repeat(201), 'q: search text longer than 200 bytes'],
    ['sort=title', 'sort: expected year, group or updated'],
    ['page=0', 'page: expected a page number from 1'],
    ['colour=red', 'unknown parameter &quot;colour&quot;'],
  ];
  for (const [query, message] of cases) {
    const r = await get('/proposals?' + query);
    assert.equal(r.status, 400, query);
    assert.match(r.headers.get('content-type'), /^text\/html/, query);
    assert.ok(r.text.includes(message), `${query}: ${message}`);
    assert.match(r.text, /role="alert"/, query);
  }
});

// ---- language switch ---------------------------------------------------------------------------

test('/lang?to=en sets a lang=en cookie and goes back; with it /proposals is in English', async () => {
  const r = await get('/lang?to=en&back=/proposals');
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/proposals');
  const cookie = r.headers.get('set-cookie');
  assert.match(cookie, /^lang=en;/);
  assert.match(cookie, /Path=\//);
  const english = await get('/proposals', { cookie: cookie.split(';')[0] });
  assert.equal(english.status, 200);
  assert.match(english.text, /<html lang="en"/);
  assert.ok(english.text.includes('Closed'));
  const chinese = await get('/proposals');
  assert.match(chinese.text, /<html lang="zh-Hant-TW"/);
  assert.ok(!chinese.text.includes('>Closed<'));
  assert.ok(chinese.text.includes('解除列管'));
});

test('/lang never sends anyone off the site', async () => {
  for (const back of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'evil.example', '']) {
    const r = await get('/lang?to=en&back=' + encodeURIComponent(back));
    assert.equal(r.status, 303, back);
    assert.equal(r.headers.get('location'), '/', back);
  }
  assert.equal((await get('/lang?to=fr&back=/proposals')).status, 400);
});
