// One language per page, as a reader meets it: every page, in both languages, walked in
// Chromium. A Chinese page shows no Latin-script UI words (acronyms and names aside, and the
// source's own words: what content/ holds); an English page shows Chinese only where it is the
// source's own words, marked lang="zh-Hant-TW", and in the sample-data label 示範資料. axe-core
// checks each page too (run through the DevTools protocol, so the page's CSP stays on).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { startServer, addAccount, staffClient, ROOT } from '../support/server.mjs';
import { launchBrowser } from '../support/browser.mjs';
import { axeViolations } from '../support/axe.mjs';

let server, browser, editor, admin;
before(async () => {
  server = await startServer();
  addAccount(server.db, { name: 'lang-editor', password: 'a long enough passphrase', county: 'Taoyuan', agency: '桃園市政府交通局' });
  addAccount(server.db, { name: 'lang-admin', password: 'a long enough passphrase', role: 'admin', agency: '北臺區域發展推動委員會秘書處' });
  editor = await staffClient(server.url, 'lang-editor', 'a long enough passphrase');
  admin = await staffClient(server.url, 'lang-admin', 'a long enough passphrase');
  // Something for the audit log to name besides sign-ins: a refused close (a blank reason).
  await editor.post('/api/staff/proposals/111-02/close', { kind: 'done', reason: ' ', version: 1 });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.stop(); });

// Every Latin word the source data holds (names, addresses, proposal text): a Chinese page may
// show those, since they are the source's words.
function contentWords() {
  const words = new Set();
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(json|geojson)$/.test(name)) {
        const visit = (v) => {
          if (typeof v === 'string') for (const w of v.match(/[A-Za-z][A-Za-z'’.-]*/g) || []) words.add(w.toLowerCase());
          else if (v && typeof v === 'object') Object.values(v).forEach(visit);
        };
        visit(JSON.parse(readFileSync(file, 'utf8')));
      }
    }
  };
  walk(path.join(ROOT, 'content'));
  return words;
}
const SOURCE_WORDS = contentWords();
// Names and acronyms a Chinese reader meets as they are.
const ALLOWED_LATIN = new Set(['csv', 'json', 'ods', 'atom', 'qr', 'code', 'tdx', 'openstreetmap', 'leaflet',
  'km', 'm', 'p', 'id', 'svg', 'feedly', 'thunderbird', 'inoreader', 'a4', 'e-mail', 'email', 'ev', 'sha', 'cookie',
  'exif']);

// What a person reads on the page, with the language each piece is marked in.
async function readable(page) {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const out = [];
    const langOf = (el) => (el.closest('[lang]') || document.documentElement).getAttribute('lang');
    const visible = (el) => !el.closest('script, style, noscript, [hidden], [aria-hidden="true"] *') && el.getClientRects().length > 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent.trim();
      // (samp: a record as the program wrote it, such as the audit log's detail)
      if (!text || !visible(el) || el.closest('code, samp, input, textarea')) continue;
      out.push({ text, lang: langOf(el), where: el.outerHTML.slice(0, 160) });
    }
    for (const el of document.body.querySelectorAll('[title], [alt], [aria-label], [placeholder]')) {
      for (const a of ['title', 'alt', 'aria-label', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v && v.trim()) out.push({ text: v, lang: langOf(el), where: `${a} of ` + el.outerHTML.slice(0, 120) });
      }
    }
    // The tab's title starts with the page's heading: when that is the source's words (a
    // proposal's title), so is that part of the title.
    const h1 = document.querySelector('main h1');
    const marked = h1 && (h1.closest('[lang]') !== document.documentElement || h1.querySelector('[lang]'));
    let title = document.title;
    if (marked && title.startsWith(h1.textContent.trim())) {
      out.push({ text: h1.textContent.trim(), lang: langOf(h1.querySelector('[lang]') || h1), where: '<title> (the heading)' });
      title = title.slice(h1.textContent.trim().length);
    }
    out.push({ text: title, lang: pageLang, where: '<title>' });
    return { pageLang, pieces: out };
  });
}

// `own`: words the reader brought (the address they typed, the name they signed in with).
function problems({ pageLang, pieces }, own) {
  const found = [];
  for (const p of pieces) {
    if (pageLang === 'en') {
      if (p.lang !== 'en') continue;  // marked as the source's Chinese (or another language)
      const han = p.text.replaceAll('示範資料', '').match(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+/);
      if (han) found.push(`Chinese "${han[0]}" in "${p.text.slice(0, 60)}" — ${p.where}`);
    } else {
      if (p.lang === 'en') continue;  // the language switch, marked English
      for (const w of p.text.match(/[A-Za-z][A-Za-z'’.-]*/g) || []) {
        const word = w.toLowerCase().replace(/[.’'-]+$/, '');
        if (!word || ALLOWED_LATIN.has(word) || SOURCE_WORDS.has(word) || SOURCE_WORDS.has(w.toLowerCase()) || own.includes(w)) continue;
        found.push(`Latin "${w}" in "${p.text.slice(0, 60)}" — ${p.where}`);
      }
    }
  }
  return found;
}

async function pages() {
  const campaigns = await (await fetch(server.url + '/api/campaigns')).json();
  const running = campaigns.find((c) => !c.external) || campaigns[0];
  const drawn = campaigns.find((c) => c.external) || running;
  const list = [
    '/', '/proposals', '/proposals?status=closed&sort=group', '/proposals/112-40', '/proposals/111-02', '/proposals/112-15',
    '/map', '/map/sites?county=HsinchuCounty', '/map/routes?county=Taipei', '/map/gaps',
    '/raffle', `/raffle/${running.id}`, `/raffle/${drawn.id}`, `/raffle/${drawn.id}/draws/${drawn.draws[0].id}`,
    `/raffle/${drawn.id}/draws/${drawn.draws[0].id}/verify`,
    '/no-such-page', '/proposals/999-99', '/proposals?year=abc',
  ];
  return { public: list, staff: ['/staff', '/staff/proposals/112-15', '/staff/new', '/staff/raffle'], admin: ['/staff/audit'] };
}

const cookieOf = (client) => ({ name: client.cookie.split('=')[0], value: client.cookie.split('=').slice(1).join('=') });

for (const lang of ['zh-TW', 'en']) {
  test(`every page in ${lang}: one language, and axe finds nothing`, async () => {
    const { public: publicPages, staff, admin: adminPages } = await pages();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route(/^https:\/\/tile\.openstreetmap\.org\//, (route) => route.abort());
    await context.addCookies([{ name: 'lang', value: lang, url: server.url }, { ...cookieOf(editor), url: server.url }]);
    const page = await context.newPage();
    const failures = [];
    // The secretariat's pages (the audit log) are walked signed in as the secretariat.
    const walk = [...publicPages, ...staff].map((a) => [a, editor]).concat(adminPages.map((a) => [a, admin]));
    let signedIn = editor;
    for (const [address, who] of walk) {
      if (who !== signedIn) {
        await context.addCookies([{ ...cookieOf(who), url: server.url }]);
        signedIn = who;
      }
      const response = await page.goto(server.url + address);
      if (address.startsWith('/staff')) assert.equal(response.status(), 200, `${address} (signed in)`);
      // (not networkidle: /map keeps the parking stream open) — then the scripts' first words.
      await page.waitForLoadState('load');
      await page.waitForTimeout(700);
      const read = await readable(page);
      assert.equal(read.pageLang, lang === 'en' ? 'en' : 'zh-Hant-TW', address);
      for (const p of problems(read, [address, 'lang-editor', 'lang-admin'].join(' '))) failures.push(`${address}: ${p}`);
      for (const v of await axeViolations(page)) failures.push(`${address}: axe ${v}`);
    }
    // The audit log names its actions in the page's words: the refused close is there.
    assert.equal(await page.locator('tr[data-action="refused:close"] td').nth(2).textContent(),
      lang === 'en' ? 'Refused: Closed' : '已拒絕：解除列管');
    await context.close();
    assert.deepEqual(failures, []);
  });
}
