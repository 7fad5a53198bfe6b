// The green-tourism raffle in a real browser, on a phone: a citizen takes part, checks in by
// a signboard code and by position (Chromium's geolocation override), sees 1 of 3, then —
// after a county editor accepts the check-ins held as too fast — 3 of 3; the admin freezes
// the list and draws at a desk; the citizen sees the result; the verify page re-runs the
// draw in WASM, shows the same winners, and flags a changed input. Both languages.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, addAccount, freshStore, runBeitai, staffClient, startServer } from '../support/server.mjs';
import { launchBrowser, SCREENSHOTS } from '../support/browser.mjs';

const WAIT = { timeout: 20000 };
const ADMIN = { name: 'raffle.admin', password: 'Raffle-admin-pass-2026', role: 'admin', agency: '北臺區域發展推動委員會秘書處' };
const SITES = JSON.parse(readFileSync(path.join(ROOT, 'content/maps/sites.json'), 'utf8')).sites;
const siteIn = (county, n = 0) => SITES.filter((s) => s.county === county)[n];
const PICKS = [siteIn('Taipei'), siteIn('NewTaipei'), siteIn('Keelung')];
const CAMPAIGN = 'browser-test';
const CUTOFF_IN = 45;  // seconds: time to take part and check in three times first

const taiwan = (ms) => new Date(ms + 8 * 3600 * 1000).toISOString();
const isoAt = (ms) => taiwan(ms).slice(0, 19) + '+08:00';
const dateAt = (days) => taiwan(Date.now() + days * 86400000).slice(0, 10);

function signboardCodes(db) {
  const out = mkdtempSync(path.join(tmpdir(), 'beitai-signs-'));
  try {
    const r = runBeitai(['signboards', CAMPAIGN, '--db', db, '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    const codes = new Map();
    for (const line of readFileSync(path.join(out, 'codes.tsv'), 'utf8').trim().split('\n').slice(1)) {
      const [site, , code] = line.split('\t');
      codes.set(site, code);
    }
    return codes;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

describe('raffle in the browser', () => {
  let store, server, admin, codes, phone, page;
  const problems = [];
  const cutoff = Date.now() + CUTOFF_IN * 1000;

  before(async () => {
    store = freshStore('sqlite');
    addAccount(store.location, ADMIN);
    server = await startServer({ dbPath: store.location });
    admin = await staffClient(server.url, ADMIN.name, ADMIN.password);
    const created = await admin.post('/api/staff/campaigns', {
      id: CAMPAIGN, proposal: '112-40', name_zh: '瀏覽器測試活動', name_en: 'Browser test campaign',
      start: dateAt(-1), end: dateAt(30), min_counties: 3, winners_stay: false, contacts_erased_after: dateAt(90),
      sites: PICKS.map((s) => ({ site: s.id, radius_m: 100 })),
      draws: [{ id: 'first', cutoff: isoAt(cutoff), date: isoAt(cutoff + 60000), seed_source_zh: '測試用亂數',
        seed_source_en: 'a test value', prizes: [{ county: 'Taipei', count: 2, name_zh: '住宿券', name_en: 'Hotel stay' }] }],
      figures: null, external: false, sample: true, note: '瀏覽器測試用',
    });
    assert.equal(created.status, 201, created.text);
    codes = signboardCodes(store.location);
    phone = await browser.newContext({
      viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
      geolocation: { latitude: PICKS[1].lat, longitude: PICKS[1].lon, accuracy: 15 }, permissions: ['geolocation'],
    });
    page = await phone.newPage();
    page.on('pageerror', (e) => problems.push('page error: ' + e.message));
    page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(m.text()); });
  });
  after(async () => { await phone?.close(); await server?.stop(); store?.cleanup(); });

  const acceptWaiting = async () => {
    for (const w of (await admin.get('/api/staff/raffle/waiting')).json.filter((x) => x.campaign === CAMPAIGN))
      assert.equal((await admin.post(`/api/staff/raffle/checkins/${w.id}/review`, { decision: 'accept' })).status, 200);
  };
  const done = () => page.locator('.counties-done').getAttribute('data-done').then(Number);

  test('a citizen finds the campaign from /raffle and takes part on a phone', async () => {
    await page.goto(server.url + '/raffle');
    await page.locator(`a[href="/raffle/${CAMPAIGN}"]`).tap();
    await page.waitForURL(`**/raffle/${CAMPAIGN}`);
    assert.ok(await page.getByText('示範資料').first().isVisible(), 'sample data is labelled');
    assert.ok(await page.locator('.privacy').isVisible(), 'the privacy notice is there before the form');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'raffle-register-phone.png'), fullPage: true });
    await page.locator('#r-nickname').fill('王小明');
    await page.locator('#r-home').selectOption('NewTaipei');
    await page.locator('#r-contact').fill('0912345678');
    await page.locator('#register-form button[type=submit]').tap();
    await page.locator('.recovery-code').waitFor(WAIT);
    assert.match(await page.locator('.recovery-code').innerText(), /^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    assert.equal(await page.locator('.recovery svg.qr').count(), 1, 'the recovery code has its QR');
    assert.equal(await done(), 0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'raffle-registered-phone.png'), fullPage: true });
  });

  test("checks in with a signboard's code: 1 of 3", async () => {
    await page.locator('#r-site').selectOption(PICKS[0].id);
    await page.locator('#r-code').fill(codes.get(PICKS[0].id));
    await page.locator('button[name=proof][value=code]').tap();
    await page.locator('.notice.ok').waitFor(WAIT);
    assert.equal(await done(), 1);
  });

  test('checks in by position (geolocation): held as too fast, then accepted by review: 2 of 3', async () => {
    await page.locator('#r-site').selectOption(PICKS[1].id);
    assert.ok(await page.locator('#checkin-position').isVisible(), 'the position button is shown with JavaScript on');
    await page.locator('#checkin-position').tap();
    await page.waitForLoadState('load');
    await page.locator('.notice').waitFor(WAIT);
    assert.equal(await done(), 1, 'held, not yet counted');
    await acceptWaiting();
    await page.reload();
    assert.equal(await done(), 2);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'raffle-progress-2of3-phone.png'), fullPage: true });
  });

  test('where next: the button finds the nearest sites in the counties still missing', async () => {
    await page.locator('#nearby-missing').tap();
    await page.waitForURL(/\/nearby\?lat=/, WAIT);
    const listed = await page.locator('ol.nearby-sites > li').evaluateAll((els) => els.map((e) => e.dataset.site));
    assert.deepEqual(listed, [PICKS[2].id], 'the one campaign site left, in the county still missing');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'raffle-nearby-phone.png'), fullPage: true });
    await page.goBack();
  });

  test('a wrong code is refused with a clear message and changes nothing', async () => {
    await page.locator('#r-site').selectOption(PICKS[2].id);
    await page.locator('#r-code').fill('1-0000000000000000');
    await page.locator('button[name=proof][value=code]').tap();
    await page.locator('.notice.error').waitFor(WAIT);
    assert.ok((await page.locator('.notice.error').innerText()).length > 5);
    // What was chosen and typed is still there, to correct rather than redo.
    assert.equal(await page.locator('#r-site').inputValue(), PICKS[2].id);
    assert.equal(await page.locator('#r-code').inputValue(), '1-0000000000000000');
    assert.equal(await done(), 2);
  });

  test('the third county: 3 of 3, in the draw', async () => {
    await page.locator('#r-site').selectOption(PICKS[2].id);
    await page.locator('#r-code').fill(codes.get(PICKS[2].id));
    await page.locator('button[name=proof][value=code]').tap();
    await page.locator('.notice').waitFor(WAIT);
    await acceptWaiting();
    await page.reload();
    assert.equal(await done(), 3);
    assert.match(await page.locator('.eligibility').innerText(), /符合抽獎資格/);
    // Every site on the map is also in the list, marked for this participant.
    assert.equal(await page.locator('.raffle-sites .mark.counted').count(), 3);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'raffle-progress-3of3-phone.png'), fullPage: true });
  });

  test('in English too', async () => {
    await page.locator('a.lang-switch').tap();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached', ...WAIT });
    assert.match(await page.locator('.counties-done').innerText(), /3 of 3 counties done/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'raffle-progress-en-phone.png'), fullPage: true });
    await page.locator('a.lang-switch').tap();
    await page.locator('html[lang="zh-Hant-TW"]').waitFor({ state: 'attached', ...WAIT });
  });

  test('the admin freezes the list after the cut-off and draws, at a desk', async () => {
    const wait = cutoff + 1500 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const staff = await desk.newPage();
    await staff.goto(server.url + '/staff');
    await staff.fill('#s-signin-name', ADMIN.name);
    await staff.fill('#s-signin-password', ADMIN.password);
    await staff.locator('form[action="/staff/sign-in"] button[type=submit]').click();
    await staff.locator('a[href="/staff/raffle"]').waitFor(WAIT);
    await staff.goto(server.url + '/staff/raffle');
    await staff.locator(`form[action="/staff/raffle/${CAMPAIGN}/draws/first/freeze"] button`).click();
    await staff.locator(`#seed-${CAMPAIGN}-first`).waitFor(WAIT);
    await staff.locator(`#seed-${CAMPAIGN}-first`).fill('03 11 19 24 35 38 06');
    await staff.screenshot({ path: path.join(SCREENSHOTS, 'raffle-staff-draw.png'), fullPage: true });
    await staff.locator(`form[action="/staff/raffle/${CAMPAIGN}/draws/first/draw"] button`).click();
    await staff.locator(`a[href="/staff/raffle/${CAMPAIGN}/draws/first/contacts.csv"]`).waitFor(WAIT);
    await desk.close();
  });

  test('the participant sees that they won, masked in public', async () => {
    await page.goto(`${server.url}/raffle/${CAMPAIGN}/draws/first`);
    assert.match(await page.locator('.my-result').innerText(), /恭喜您中獎/);
    assert.equal(await page.locator('table.winners tbody tr').count(), 1, 'one entrant, so one of the two prizes is drawn');
    assert.equal(await page.locator('table.winners tbody td').nth(3).innerText(), '王○明');
    assert.equal(await page.locator('table.winners tbody td').nth(4).innerText(), '09xx-xxx-678', 'the contact, masked');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'raffle-result-phone.png'), fullPage: true });
  });

  test('the verify page re-runs the draw in WASM: the same winners; a changed input is flagged', async () => {
    await page.goto(`${server.url}/raffle/${CAMPAIGN}/draws/first/verify`);
    await page.locator('#verify-result [data-same]').waitFor(WAIT);
    assert.equal(await page.locator('#verify-result [data-same]').getAttribute('data-same'), 'yes');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'raffle-verify-same-phone.png'), fullPage: true });
    // Another entry added to the list: its SHA-256 no longer matches.
    const entries = await page.locator('#v-entries').inputValue();
    await page.locator('#v-entries').fill(entries + 'Ezzzzzzzzzzzzzzz\n');
    await page.locator('#verify-run').tap();
    await page.waitForFunction(() => document.querySelector('#verify-result [data-same]')?.dataset.same === 'no', null, WAIT);
    assert.match(await page.locator('#verify-result').innerText(), /不符/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'raffle-verify-tampered-phone.png'), fullPage: true });
    assert.deepEqual(problems, []);
  });
});
