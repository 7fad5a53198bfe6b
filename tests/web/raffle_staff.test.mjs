// The raffle's staff pages in a real browser. A Taipei editor on a phone, by touch: opens
// the county's sites from the raffle page, ticks two sites, widens one's radius, saves and
// sees it saved; the browser itself stops an out-of-range radius; the signboard link gives
// the sheet. The admin at a desk creates a campaign with its draw by the form, first with a
// mistake that comes back named with everything as typed. Both languages.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, addAccount, freshStore, staffClient, startServer } from '../support/server.mjs';
import { launchBrowser, SCREENSHOTS } from '../support/browser.mjs';

const WAIT = { timeout: 20000 };
const ADMIN = { name: 'sites.admin', password: 'Sites-admin-pass-2026', role: 'admin', agency: '北臺區域發展推動委員會秘書處' };
const EDITOR = { name: 'taipei.sites', password: 'Taipei-sites-pass-2026', role: 'editor', county: 'Taipei', agency: '臺北市政府環境保護局' };
const SITES = JSON.parse(readFileSync(path.join(ROOT, 'content/maps/sites.json'), 'utf8')).sites;
const TAIPEI = SITES.filter((s) => s.county === 'Taipei');
const dateAt = (days) => new Date(Date.now() + days * 86400000 + 8 * 3600 * 1000).toISOString().slice(0, 10);

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

describe('raffle staff pages in the browser', () => {
  let store, server;
  before(async () => {
    store = freshStore('sqlite');
    addAccount(store.location, ADMIN);
    addAccount(store.location, EDITOR);
    server = await startServer({ dbPath: store.location });
    const admin = await staffClient(server.url, ADMIN.name, ADMIN.password);
    const made = await admin.post('/api/staff/campaigns', {
      id: 'next-spring', proposal: '112-40', name_zh: '明年春季打卡', name_en: 'Next spring check-in', start: dateAt(30), end: dateAt(90),
      min_counties: 3, winners_stay: false, contacts_erased_after: dateAt(200), sites: [],
      draws: [{ id: 'only', cutoff: `${dateAt(80)}T23:59:59+08:00`, date: `${dateAt(85)}T15:00:00+08:00`, seed_source_zh: '測試用亂數',
        seed_source_en: 'a test value', prizes: [{ county: 'Taipei', count: 1, name_zh: '住宿券', name_en: 'Hotel stay' }] }],
      figures: null, external: false, sample: true, note: '',
    });
    assert.equal(made.status, 201, made.text);
  });
  after(async () => { await server?.stop(); store?.cleanup(); });

  async function signIn(account, contextOptions) {
    const context = await browser.newContext(contextOptions);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(server.url + '/staff');
    await page.fill('#s-signin-name', account.name);
    await page.fill('#s-signin-password', account.password);
    await page.locator('form[action="/staff/sign-in"] button[type=submit]').click();
    await page.waitForSelector('.who', WAIT);
    return { context, page, problems };
  }

  test('a county editor on a phone chooses the county\'s sites by touch and gets a signboard', async () => {
    const { context, page, problems } = await signIn(EDITOR, {
      viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    });
    await page.goto(server.url + '/staff/raffle');
    await page.getByRole('listitem').filter({ hasText: '明年春季打卡' }).getByRole('link', { name: '參加場所與立牌' }).tap();
    await page.waitForURL(/\/staff\/raffle\/next-spring\/sites$/, WAIT);
    assert.equal(await page.locator('input[name="site"]').count(), TAIPEI.length, 'every Taipei site is offered, no other');
    // The page fits the phone: nothing wider than the screen but the table's own scroller.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the page is ${overflow}px wider than the phone`);

    await page.locator(`#take-${TAIPEI[0].id}`).tap();
    await page.locator(`#take-${TAIPEI[2].id}`).tap();
    await page.locator(`#radius-${TAIPEI[2].id}`).fill('5');
    await page.getByRole('button', { name: '儲存本縣市的場所' }).tap();
    // The browser refuses the out-of-range radius itself: still here, the field invalid.
    assert.equal(await page.locator(`#radius-${TAIPEI[2].id}`).evaluate((e) => e.validity.valid), false);
    await page.locator(`#radius-${TAIPEI[2].id}`).fill('250');
    await page.getByRole('button', { name: '儲存本縣市的場所' }).tap();
    await page.getByRole('status').filter({ hasText: '已儲存' }).waitFor(WAIT);
    assert.equal(await page.locator(`#take-${TAIPEI[0].id}`).isChecked(), true);
    assert.equal(await page.locator(`#take-${TAIPEI[2].id}`).isChecked(), true);
    assert.equal(await page.locator(`#take-${TAIPEI[1].id}`).isChecked(), false);
    assert.equal(await page.locator(`#radius-${TAIPEI[2].id}`).inputValue(), '250');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'raffle-county-sites-phone.png') });

    const sheet = page.locator(`a[href$="/signboards/${TAIPEI[0].id}.svg"]`);
    const res = await context.request.get(server.url + await sheet.getAttribute('href'));
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-type'], /image\/svg\+xml/);
    assert.ok((await res.text()).includes(TAIPEI[0].name));

    await page.locator('a.lang-switch').tap();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached', ...WAIT });
    assert.ok(await page.getByRole('button', { name: 'Save the county\'s sites' }).isVisible());
    await page.screenshot({ path: path.join(SCREENSHOTS, 'raffle-county-sites-phone-en.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the admin creates a campaign and its draw with the form, after a named mistake', async () => {
    const { context, page, problems } = await signIn(ADMIN, { viewport: { width: 1280, height: 900 } });
    await page.goto(server.url + '/staff/raffle');
    await page.getByRole('link', { name: '新增活動' }).click();
    await page.waitForURL(/new-campaign$/, WAIT);
    await page.getByLabel('代號', { exact: true }).first().fill('autumn');
    await page.getByLabel('中文名稱').fill('秋季打卡');
    await page.getByLabel('英文名稱').fill('Autumn check-in');
    await page.getByLabel('開始日期').fill(dateAt(40));
    await page.getByLabel('結束日期').fill(dateAt(100));
    await page.getByLabel('聯絡方式保存至').fill(dateAt(200));
    await page.locator('#c-d0-id').fill('autumn-1');
    await page.locator('#c-d0-cutoff').fill(dateAt(70));
    await page.locator('#c-d0-date').fill(`${dateAt(75)}T15:00`);
    await page.locator('#c-d0-seed_zh').fill('威力彩開獎號碼');
    await page.locator('#c-d0-seed_en').fill('Super Lotto numbers');
    await page.locator('#c-d0-prize_zh').fill('住宿券');
    // The English prize name forgotten: the form comes back saying so, with everything kept.
    await page.locator('#c-d0-per_county').fill('2');
    await page.getByRole('button', { name: '儲存' }).click();
    await page.getByRole('alert').waitFor(WAIT);
    assert.match(await page.getByRole('alert').textContent(), /第 1 場抽獎的獎品（英文）：請填寫/);
    assert.equal(await page.locator('#c-name_zh').inputValue(), '秋季打卡');
    assert.equal(await page.locator('#c-d0-date').inputValue(), `${dateAt(75)}T15:00`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'raffle-campaign-form-refused.png'), fullPage: true });
    await page.locator('#c-d0-prize_en').fill('Hotel stay');
    await page.getByRole('button', { name: '儲存' }).click();
    await page.waitForURL(/\/staff\/raffle\?done=1$/, WAIT);
    assert.ok(await page.getByText('秋季打卡').first().isVisible());
    const listed = await (await context.request.get(server.url + '/api/campaigns')).json();
    const autumn = listed.find((c) => c.id === 'autumn');
    assert.ok(autumn, 'the new campaign is listed');
    assert.deepEqual(autumn.draws.map((d) => d.id), ['autumn-1']);

    await page.goto(server.url + '/staff/raffle/autumn/edit');
    await page.locator('a.lang-switch').click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached', ...WAIT });
    assert.equal(await page.getByLabel('Name in English').inputValue(), 'Autumn check-in');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'raffle-campaign-form-en.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
