// The kiosk's CJK font is a subset made at build time (assets/fonts/build_kiosk_font.py); a
// character it lacks is drawn by Dear ImGui as '?'. These tests fail when a string the kiosk
// can draw holds a character the subset does not: every string of the API documents the
// kiosk shows (as served by a real server on the content/ of this checkout, with the sample
// parking feeds) and every UI word of core/text/lang.cpp. The subset's characters are the
// list the build writes beside the font, build/wasm/generated/kiosk_font_chars.txt.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, startServer } from '../support/server.mjs';

const FONT_CHARS = path.join(ROOT, 'build/wasm/generated/kiosk_font_chars.txt');
// The characters also baked at the heading size: the UI's and the content's titles and names.
const HEADING_CHARS = path.join(ROOT, 'build/wasm/generated/kiosk_heading_chars.txt');
const HEADING_KEY = /^(title|name|name_zh)$/;
const LANG_CPP = path.join(ROOT, 'core/text/lang.cpp');

function fontCharacters() {
  assert.ok(existsSync(FONT_CHARS), `${FONT_CHARS} is missing: build the WASM tree first (./portal.sh test builds it)`);
  return new Set(readFileSync(FONT_CHARS, 'utf8').replace(/\n$/, ''));
}

const hex = (c) => 'U+' + c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0');
const isUrl = (s) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
// Ids, addresses and digests are not drawn as text (a QR code carries an address).
const SKIPPED_KEY = /(^|_)(id|ids|key|url|href|sha256)$/;

// Records in `missing` (character → where first seen) every character of `text` that the
// kiosk would draw and `held` lacks. ASCII is always held (the subset keeps all of it);
// spaces draw nothing.
function check(text, where, held, missing) {
  for (const c of text) {
    if (c.codePointAt(0) < 0x80 || /\s/u.test(c) || held.has(c) || missing.has(c)) continue;
    missing.set(c, { where, text });
  }
}

// Every string of a JSON document (object keys too), with its JSON path.
function walk(value, pathSoFar, visit) {
  if (typeof value === 'string') {
    visit(value, pathSoFar);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${pathSoFar}[${i}]`, visit));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const child = /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `${pathSoFar}.${k}` : `${pathSoFar}[${JSON.stringify(k)}]`;
      visit(k, `${child} (the key)`);
      if (typeof v === 'string' && SKIPPED_KEY.test(k)) continue;
      walk(v, child, visit);
    }
  }
}

function report(missing) {
  const lines = [...missing].map(([c, { where, text }]) =>
    `  ${c} ${hex(c)} first in ${where}: ${JSON.stringify(text.length > 60 ? text.slice(0, 60) + '…' : text)}`);
  return `the kiosk font (${path.relative(ROOT, FONT_CHARS)}) lacks ${missing.size} character(s) the kiosk can draw:\n` +
    lines.join('\n') + '\n(build_kiosk_font.py subsets from the files wasm/CMakeLists.txt lists in BEITAI_KIOSK_FONT_SOURCES)';
}

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

async function getJson(pathname) {
  const r = await fetch(server.url + pathname);
  assert.equal(r.status, 200, `GET ${pathname}: ${r.status}`);
  return r.json();
}

// /api/parking holds the car parks once the sample feeds have been read: wait for every
// county's first success, so that the names come from the feeds as a kiosk would see them.
async function parkingOnceFed() {
  const deadline = Date.now() + 30000;
  for (;;) {
    const doc = await getJson('/api/parking');
    if (doc.feeds.length > 0 && doc.feeds.every((f) => f.last_success) && doc.car_parks.length > 0) return doc;
    if (Date.now() > deadline) assert.fail(`the sample parking feeds did not all answer in 30 s: ${JSON.stringify(doc.feeds)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('every string of the API data the kiosk shows is in the kiosk font', async () => {
  const held = fontCharacters();
  const documents = new Map();
  for (const p of ['/api/counties', '/api/snapshot', '/api/campaigns', '/api/sites', '/api/routes', '/api/basemap'])
    documents.set(p, await getJson(p));
  for (const campaign of documents.get('/api/campaigns')) {
    const base = `/api/campaigns/${encodeURIComponent(campaign.id)}`;
    documents.set(`${base}/stats`, await getJson(`${base}/stats`));
    for (const draw of campaign.draws)
      documents.set(`${base}/draws/${encodeURIComponent(draw.id)}`, await getJson(`${base}/draws/${encodeURIComponent(draw.id)}`));
  }
  documents.set('/api/parking', await parkingOnceFed());

  const missing = new Map();
  const nonAscii = new Map();
  // The headings (a proposal's title on its detail, a site's name on its card, a campaign's
  // name) are drawn at the heading size, which holds fewer characters.
  assert.ok(existsSync(HEADING_CHARS), `${HEADING_CHARS} is missing: build the WASM tree first`);
  const headingHeld = new Set(readFileSync(HEADING_CHARS, 'utf8').replace(/\n$/, ''));
  const headingMissing = new Map();
  let headings = 0;
  for (const [pathname, doc] of documents) {
    let n = 0;
    walk(doc, '$', (s, where) => {
      if (isUrl(s) || !/[^\x00-\x7f]/.test(s)) return;
      n++;
      check(s, `GET ${pathname} ${where}`, held, missing);
      const key = where.match(/\.([A-Za-z_]+)$/)?.[1];
      if (key && HEADING_KEY.test(key) && pathname !== '/api/basemap') {
        headings++;
        check(s, `GET ${pathname} ${where}`, headingHeld, headingMissing);
      }
    });
    nonAscii.set(pathname, n);
  }
  assert.ok(headings > 100, `only ${headings} headings checked`);
  assert.equal(headingMissing.size, 0, report(headingMissing).replace('kiosk font', 'kiosk heading font'));
  // Not a vacuous pass: the documents hold Chinese where the kiosk shows it.
  for (const p of ['/api/counties', '/api/snapshot', '/api/campaigns', '/api/sites', '/api/routes', '/api/basemap', '/api/parking'])
    assert.ok(nonAscii.get(p) > 0, `GET ${p} holds no non-ASCII string: is it the document the kiosk shows?`);
  assert.ok(nonAscii.get('/api/snapshot') > 500, `GET /api/snapshot: only ${nonAscii.get('/api/snapshot')} Chinese strings`);
  assert.equal(missing.size, 0, report(missing));
});

// The UI words, both languages (the English screens write 中文 on the language button):
// the entries {"key", "zh", "en"} of kStrings.
function langEntries() {
  const source = readFileSync(LANG_CPP, 'utf8');
  const start = source.indexOf('kStrings[] = {');
  assert.ok(start >= 0, 'core/text/lang.cpp: kStrings not found');
  const end = source.indexOf('\n};', start);
  const body = source.slice(start, end);
  const literal = '"((?:[^"\\\\\\n]|\\\\.)*)"';
  const entry = new RegExp(`\\{\\s*${literal}\\s*,\\s*${literal}\\s*,\\s*${literal}\\s*\\}`, 'g');
  const entries = [...body.matchAll(entry)].map((m) => ({ key: JSON.parse(`"${m[1]}"`), zh: JSON.parse(`"${m[2]}"`), en: JSON.parse(`"${m[3]}"`) }));
  // Every entry must be read: one opening brace per entry after the array's own.
  const braces = (body.match(/\{\s*"/g) || []).length;
  assert.equal(entries.length, braces, `core/text/lang.cpp: read ${entries.length} of ${braces} entries of kStrings (a new form of entry?)`);
  return entries;
}

test('every UI word of core/text/lang.cpp is in the kiosk font', () => {
  const held = fontCharacters();
  const entries = langEntries();
  assert.ok(entries.length > 300, `only ${entries.length} entries read from core/text/lang.cpp`);
  const missing = new Map();
  for (const { key, zh, en } of entries) {
    check(zh, `core/text/lang.cpp "${key}" (zh)`, held, missing);
    check(en, `core/text/lang.cpp "${key}" (en)`, held, missing);
  }
  assert.equal(missing.size, 0, report(missing));
});
