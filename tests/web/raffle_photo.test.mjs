// Checking in with a photo in a real browser. On a phone with JavaScript: the photo, carrying
// an EXIF GPS position, is chosen, scaled down in the browser (at most 1600 px, a fresh JPEG)
// and sent to the API; the page says it waits for review; a file that is no image is refused
// in the same notice area. Without JavaScript: the multipart form posts the photo as it is, and
// a file over the limit gets the server's 413 naming it. At a desk, the Taipei editor sees the
// photo beside the review form and accepts it; the check-in then counts. Both languages.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, addAccount, freshStore, staffClient, startServer } from '../support/server.mjs';
import { launchBrowser, SCREENSHOTS } from '../support/browser.mjs';
import { GPS_BYTES, PHOTO, jpegSize, withGpsExif } from '../support/photos.mjs';

const WAIT = { timeout: 20000 };
const ADMIN = { name: 'photo.admin', password: 'Photo-admin-pass-2026', role: 'admin', agency: '北臺區域發展推動委員會秘書處' };
const TAIPEI = { name: 'photo.taipei', password: 'Photo-taipei-pass-2026', county: 'Taipei', agency: '臺北市政府環境保護局' };
const SITES = JSON.parse(readFileSync(path.join(ROOT, 'content/maps/sites.json'), 'utf8')).sites;
const siteIn = (county, n = 0) => SITES.filter((s) => s.county === county)[n];
const PICKS = [siteIn('Taipei'), siteIn('NewTaipei'), siteIn('Keelung')];
const CAMPAIGN = 'photo-browser-test';

const dateAt = (days) => new Date(Date.now() + days * 86400000 + 8 * 3600 * 1000).toISOString().slice(0, 10);

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

describe('a photo check-in in the browser', () => {
  let store, server, admin, phone, page;
  const problems = [];

  before(async () => {
    store = freshStore('sqlite');
    addAccount(store.location, ADMIN);
    addAccount(store.location, TAIPEI);
    server = await startServer({ dbPath: store.location });
    admin = await staffClient(server.url, ADMIN.name, ADMIN.password);
    const created = await admin.post('/api/staff/campaigns', {
      id: CAMPAIGN, proposal: '112-40', name_zh: '照片打卡測試活動', name_en: 'Photo check-in test campaign',
      start: dateAt(-1), end: dateAt(30), min_counties: 3, winners_stay: false, contacts_erased_after: dateAt(90),
      sites: PICKS.map((s) => ({ site: s.id, radius_m: 100 })),
      draws: [{ id: 'first', cutoff: dateAt(20) + 'T23:59:59+08:00', date: dateAt(25) + 'T15:00:00+08:00', seed_source_zh: '測試用亂數',
        seed_source_en: 'a test value', prizes: [{ county: 'Taipei', count: 1, name_zh: '住宿券', name_en: 'Hotel stay' }] }],
      figures: null, external: false, sample: true, note: '瀏覽器測試用',
    });
    assert.equal(created.status, 201, created.text);
    phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    page = await phone.newPage();
    page.on('pageerror', (e) => problems.push('page error: ' + e.message));
    page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(m.text()); });
    await page.goto(`${server.url}/raffle/${CAMPAIGN}`);
    await page.locator('#r-nickname').fill('王小明');
    await page.locator('#r-home').selectOption('NewTaipei');
    await page.locator('#r-contact').fill('0912345678');
    await page.locator('#register-form button[type=submit]').tap();
    await page.locator('.recovery-code').waitFor(WAIT);
    await page.goto(`${server.url}/raffle/${CAMPAIGN}`);
  });
  after(async () => { await phone?.close(); await server?.stop(); store?.cleanup(); });

  test('the photo form on a phone: its site, the file, what happens to the photo', async () => {
    const form = page.locator('#photo-form');
    await form.scrollIntoViewIfNeeded();
    assert.ok(await form.isVisible());
    assert.equal(await page.locator('#r-photo').getAttribute('accept'), 'image/jpeg,image/png');
    assert.match(await page.locator('#r-photo-hint').innerText(), /不保留拍攝位置/);
    const box = await form.boundingBox();
    assert.ok(box.width <= 390, 'the form fits the phone');
    await form.screenshot({ path: path.join(SCREENSHOTS, 'raffle-photo-form-phone.png') });
  });

  test('a file that is no image is refused in the notice area, and nothing is stored', async () => {
    await page.locator('#r-photo-site').selectOption(PICKS[1].id);
    await page.locator('#r-photo').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') });
    await page.locator('#photo-form button[type=submit]').tap();
    await page.waitForFunction(() => /^photo: /.test(document.getElementById('checkin-result').textContent), null, WAIT);
    const me = await page.evaluate((c) => fetch(`/api/campaigns/${c}/me`).then((r) => r.json()), CAMPAIGN);
    assert.deepEqual(me.checkins, []);
  });

  test('with JavaScript: scaled down in the browser, sent, "received, waiting for review"', async () => {
    await page.locator('#r-photo-site').selectOption(PICKS[0].id);
    await page.locator('#r-photo').setInputFiles({ name: 'IMG_0001.JPG', mimeType: 'image/jpeg', buffer: withGpsExif(PHOTO) });
    // What the script hands to fetch, reported to the test (a Blob's bytes are not in
    // Playwright's record of the request).
    let sent;
    await page.exposeFunction('reportPhoto', (type, bytes) => { sent = { type, bytes: Buffer.from(bytes) }; });
    await page.evaluate(() => {
      const send = window.fetch;
      window.fetch = async (url, init) => {
        if (init && init.body instanceof Blob) await window.reportPhoto(init.body.type, [...new Uint8Array(await init.body.arrayBuffer())]);
        return send(url, init);
      };
    });
    await page.locator('#photo-form button[type=submit]').tap();
    await page.waitForURL(/notice=/, WAIT);
    assert.equal(sent.type, 'image/jpeg');
    assert.deepEqual(jpegSize(sent.bytes), { width: 1600, height: 1067 }, 'the browser sent at most 1600 px');
    assert.ok(sent.bytes.length < PHOTO.length * 2, `a few hundred kilobytes at most: ${sent.bytes.length}`);
    assert.ok(!sent.bytes.includes(GPS_BYTES), 'and no GPS position');
    await page.waitForURL(/notice=photo_pending/, WAIT);
    const notice = page.locator('.notice');
    await notice.waitFor(WAIT);
    assert.equal(await notice.innerText(), `已收到「${PICKS[0].name}」的照片，將由縣市審核後採計。`);
    assert.equal(await page.locator('.counties-done').getAttribute('data-done'), '0', 'not counted before the review');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'raffle-photo-sent-phone.png') });  // the notice, on top
  });

  test('in English too', async () => {
    await page.locator('a.lang-switch').tap();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached', ...WAIT });
    await page.locator('#photo-form').scrollIntoViewIfNeeded();
    assert.match(await page.locator('#photo-form h3').innerText(), /Check in with a photo/);
    await page.locator('#photo-form').screenshot({ path: path.join(SCREENSHOTS, 'raffle-photo-form-en-phone.png') });
    await page.locator('a.lang-switch').tap();
    await page.locator('html[lang="zh-Hant-TW"]').waitFor({ state: 'attached', ...WAIT });
  });

  test('without JavaScript: the form posts the photo itself; one over 10 MB gets the limit named', async () => {
    const plain = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, javaScriptEnabled: false,
      storageState: await phone.storageState() });
    const p = await plain.newPage();
    await p.goto(`${server.url}/raffle/${CAMPAIGN}`);
    await p.locator('#r-photo-site').selectOption(PICKS[1].id);
    await p.locator('#r-photo').setInputFiles({ name: 'IMG_0002.JPG', mimeType: 'image/jpeg', buffer: PHOTO });
    await p.locator('#photo-form button[type=submit]').tap();
    await p.waitForURL(/notice=photo_pending/, WAIT);
    assert.match(await p.locator('.notice').innerText(), new RegExp(`已收到「${PICKS[1].name}」的照片`));

    await p.locator('#r-photo-site').selectOption(PICKS[2].id);
    await p.locator('#r-photo').setInputFiles({ name: 'IMG_0003.JPG', mimeType: 'image/jpeg', buffer: Buffer.concat([PHOTO, Buffer.alloc(10 * 1024 * 1024)]) });
    const [answer] = await Promise.all([p.waitForResponse((r) => r.url().endsWith('/photo'), WAIT), p.locator('#photo-form button[type=submit]').tap()]);
    assert.equal(answer.status(), 413);
    await p.waitForLoadState('load');
    assert.match(await p.locator('body').innerText(), /photo larger than 10485760 bytes \(10 MB\)/, 'the browser shows the limit');
    await plain.close();
  });

  test("at a desk, the Taipei editor sees the photo beside the review form and accepts it; it counts", async () => {
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const staff = await desk.newPage();
    await staff.goto(server.url + '/staff');
    await staff.fill('#s-signin-name', TAIPEI.name);
    await staff.fill('#s-signin-password', TAIPEI.password);
    await staff.locator('form[action="/staff/sign-in"] button[type=submit]').click();
    await staff.locator('a[href="/staff/raffle"]').waitFor(WAIT);
    await staff.goto(server.url + '/staff/raffle');
    const img = staff.locator(`img[alt="在「${PICKS[0].name}」打卡的照片"]`);
    await img.waitFor(WAIT);
    await staff.waitForFunction((alt) => [...document.images].some((i) => i.alt === alt && i.complete && i.naturalWidth === 1600), `在「${PICKS[0].name}」打卡的照片`, WAIT);
    assert.equal(await staff.locator('.review-photo img').count(), 1, "only her county's photo: the New Taipei one is not hers");
    const shown = await img.boundingBox();
    assert.ok(shown.width <= 242 && shown.height < 170, `shown width-limited (240 px and its border): ${JSON.stringify(shown)}`);
    await staff.screenshot({ path: path.join(SCREENSHOTS, 'raffle-photo-review.png'), fullPage: true });
    const row = staff.locator('tr', { has: img });
    await row.locator('button[value=accept]').click();
    await staff.waitForURL(/done=1/, WAIT);
    assert.equal(await staff.locator('.review-photo img').count(), 0);
    await desk.close();
    await page.reload();
    assert.equal(await page.locator('.counties-done').getAttribute('data-done'), '1');
    assert.deepEqual(problems, []);
  });
});
