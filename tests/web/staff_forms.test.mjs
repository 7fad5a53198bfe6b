// Issue 13 in a real browser, on a desktop and on a phone with touch: a staff form keeps what
// was typed through a validation error, a session timeout and a conflict; a blank reason and
// an unchosen kind are refused beside their fields in the page's language; a cooperating
// county reports progress and is offered nothing more. axe-core checks every staff page in
// both languages; screenshots of the refused form and of the 409 page land in build/screenshots.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { addAccount, freshStore, startServer, storeShell } from '../support/server.mjs';
import { launchBrowser, SCREENSHOTS } from '../support/browser.mjs';
import { axeViolations } from '../support/axe.mjs';

const WAIT = { timeout: 20000 };
// Made-up accounts.
const TAOYUAN = { name: 'ty-web-2281', password: 'taoyuan-web-pass-113', county: 'Taoyuan', agency: '桃園市政府交通局' };
const NTPC = { name: 'ntpc-web-1', password: 'newtaipei-web-pass-1', county: 'NewTaipei', agency: '新北市政府交通局' };
const NTPC_2 = { name: 'ntpc-web-2', password: 'newtaipei-web-pass-2', county: 'NewTaipei', agency: '新北市政府交通局' };

const DEVICES = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
};

let browser;
let store;
let server;
before(async () => {
  browser = await launchBrowser();
  store = freshStore('sqlite');
  for (const a of [TAOYUAN, NTPC, NTPC_2]) addAccount(store.location, a);
  server = await startServer({ dbPath: store.location, extraArgs: ['--feeds', 'none'] });
});
after(async () => { await browser?.close(); await server?.stop(); store?.cleanup(); });

const api = async (id) => (await fetch(`${server.url}/api/proposals/${id}`)).json();

// Presses a control as the device would: a tap on a touch screen, a click elsewhere.
async function press(page, device, selector) {
  const target = page.locator(selector);
  if (device.hasTouch) await target.tap(); else await target.click();
}

// Presses a form's submit button and waits for the page its POST answers with.
async function submit(page, device, form) {
  await Promise.all([page.waitForNavigation(WAIT), press(page, device, `${form} button[type=submit]`)]);
}

async function signIn(device, account, lang = 'zh-TW') {
  const context = await browser.newContext(device);
  if (lang !== 'zh-TW') await context.addCookies([{ name: 'lang', value: lang, url: server.url }]);
  const page = await context.newPage();
  await page.goto(server.url + '/staff');
  await page.fill('#s-signin-name', account.name);
  await page.fill('#s-signin-password', account.password);
  await submit(page, device, 'form[action="/staff/sign-in"]');
  await page.waitForSelector('.who', WAIT);
  return { context, page };
}

const noViolations = async (page, what) => assert.deepEqual(await axeViolations(page), [], what);

for (const [name, device] of Object.entries(DEVICES)) {
  describe(`staff forms on a ${name}`, () => {
    test('a close with no kind and a blank reason: both problems beside their fields, zh then en, the text kept', async () => {
      const { context, page } = await signIn(device, NTPC);
      await page.goto(server.url + '/staff/proposals/112-15');
      await noViolations(page, 'the edit page (zh)');
      // The status and the log are on the page; the kind starts at "please choose".
      assert.match(await page.locator('.status-now').textContent(), /列管/);
      assert.ok(await page.locator('.progress-log li').count() >= 1);
      assert.equal(await page.inputValue('#s-close-kind'), '');
      assert.equal(await page.locator('#s-close-kind option:checked').textContent(), '請選擇');

      const before = await api('112-15');
      await page.fill('#s-close-reason', '\u3000\u3000  ');
      await page.fill('#s-close-decision', '依113年3月1日第1次工作會議決議');
      await submit(page, device, '#form-close');
      // The summary takes the focus and links to both fields.
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary');
      const summary = page.locator('#form-close .error-summary');
      assert.match(await summary.textContent(), /尚未儲存：請修正以下 2 個問題/);
      assert.equal(await summary.locator('a[href="#s-close-kind"]').textContent(), '結案類型：請選擇一項。');
      assert.equal(await summary.locator('a[href="#s-close-reason"]').textContent(), '理由：不能只填空白，請寫下內容。');
      // Each field says so itself.
      for (const id of ['s-close-kind', 's-close-reason']) {
        assert.equal(await page.getAttribute(`#${id}`, 'aria-invalid'), 'true', id);
        assert.match(await page.getAttribute(`#${id}`, 'aria-describedby'), new RegExp(`${id}-error`));
        assert.ok(await page.locator(`#${id}-error`).isVisible(), id);
      }
      assert.equal(await page.locator('#s-close-reason-error').textContent(), '錯誤：不能只填空白，請寫下內容。');
      assert.equal(await page.inputValue('#s-close-decision'), '依113年3月1日第1次工作會議決議');
      assert.equal(await page.inputValue('#s-close-reason'), '\u3000\u3000  ');
      // Following a summary link lands on the field.
      await press(page, device, '#form-close .error-summary a[href="#s-close-reason"]');
      assert.equal(await page.evaluate(() => location.hash), '#s-close-reason');
      await page.locator('#form-close').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, `staff-errors-${name}.png`), fullPage: name === 'desktop' });
      await noViolations(page, 'the refused form (zh)');

      // The same refusal in English, from the kept form as it stands.
      await context.addCookies([{ name: 'lang', value: 'en', url: server.url }]);
      await submit(page, device, '#form-close');
      const en = await page.locator('#form-close .error-summary').textContent();
      assert.match(en, /Not saved: please fix 2 problem\(s\)/);
      assert.match(en, /Kind of closure: Please choose one\./);
      assert.match(en, /Reason: Spaces alone are not enough: please write something\./);
      assert.doesNotMatch(await page.locator('main').textContent(), /請選擇一項|不能只填空白/);
      assert.equal(await page.inputValue('#s-close-decision'), '依113年3月1日第1次工作會議決議');
      await page.screenshot({ path: path.join(SCREENSHOTS, `staff-errors-en-${name}.png`), fullPage: name === 'desktop' });
      await noViolations(page, 'the refused form (en)');
      assert.equal((await api('112-15')).version, before.version, 'nothing was stored');
      await context.close();
    });

    test('a session that ends while typing: sign in again, back on the same form with the text, then saved', async () => {
      const { context, page } = await signIn(device, TAOYUAN);
      await page.goto(server.url + '/staff/proposals/112-19');
      const typed = `桃園市已完成轄內路段盤點（${name}），\n並函送新北市彙整。`;
      await page.fill('#s-progress-text', typed);
      // Thirty idle minutes pass while the editor writes: the store says the session is old.
      const expired = storeShell('sqlite', store.location,
        `UPDATE sessions SET last_seen = last_seen - 7200, created = created - 7200 WHERE account_id = (SELECT id FROM accounts WHERE name = '${TAOYUAN.name}')`);
      assert.equal(expired.status, 0, expired.stderr);
      await submit(page, device, '#form-progress');
      assert.match(await page.locator('.notice.error').textContent(), /您的登入已逾時/);
      await noViolations(page, 'the sign-in page after a timeout');
      await page.fill('#s-signin-name', TAOYUAN.name);
      await page.fill('#s-signin-password', TAOYUAN.password);
      await submit(page, device, 'form[action="/staff/sign-in"]');
      assert.match(await page.locator('.notice.ok').textContent(), /您在逾時前輸入的內容已放回表單/);
      assert.equal(await page.locator('.staff-edit').getAttribute('data-id'), '112-19');
      assert.equal(await page.inputValue('#s-progress-text'), typed);
      await submit(page, device, '#form-progress');
      assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, '/staff/proposals/112-19?saved=1');
      const log = await page.locator('.progress-log li').first().textContent();
      assert.match(log, /桃園市政府交通局/);
      assert.ok(log.includes(`桃園市已完成轄內路段盤點（${name}）`));
      await context.close();
    });

    test('two editors, the second sending an older version: the other change beside mine, in zh with +08:00, my text kept', async () => {
      const first = await signIn(device, NTPC);
      const second = await signIn(device, NTPC_2);
      await first.page.goto(server.url + '/staff/proposals/112-10');
      await second.page.goto(server.url + '/staff/proposals/112-10');
      await first.page.fill('#s-progress-text', `第一位編輯（${name}）：已召開研商會議。`);
      await submit(first.page, device, '#form-progress');
      const mine = `第二位編輯（${name}）：已函送各縣市意見彙整表。`;
      await second.page.fill('#s-progress-text', mine);
      const [response] = await Promise.all([
        second.page.waitForResponse((r) => r.request().method() === 'POST', WAIT),
        press(second.page, device, '#form-progress button[type=submit]'),
      ]);
      assert.equal(response.status(), 409);
      await second.page.waitForSelector('.conflict', WAIT);
      const page = second.page;
      assert.match(await page.locator('.conflict h2').textContent(), /此提案在您開啟後已被其他人更新/);
      const theirs = await page.locator('.conflict .theirs').textContent();
      assert.ok(theirs.includes(`第一位編輯（${name}）：已召開研商會議。`));
      assert.match(theirs, /\d{4}-\d\d-\d\d \d\d:\d\d \(\+08:00\) · 新增辦理進度 · 帳號：ntpc-web-1/);
      assert.equal(await page.locator('.conflict .theirs li').count(), 1, 'only the change since my version');
      assert.ok((await page.locator('.conflict .mine').textContent()).includes(mine));
      assert.equal(await page.inputValue('#s-progress-text'), mine);
      await page.locator('.conflict').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, `staff-conflict-${name}.png`), fullPage: name === 'desktop' });
      await noViolations(page, 'the 409 page');
      // Sent again as it stands, after seeing the other change: saved, after it.
      await submit(page, device, '#form-progress');
      assert.match(page.url(), /\/staff\/proposals\/112-10\?saved=1$/);
      const stored = await api('112-10');
      assert.deepEqual(stored.progress.slice(-2).map((e) => e.text), [`第一位編輯（${name}）：已召開研商會議。`, mine]);
      await first.context.close();
      await second.context.close();
    });
  });
}

describe('a cooperating county', () => {
  test("Taoyuan's editor sees its own items and, apart, the items it cooperates on; reports progress; cannot close", async () => {
    const device = DEVICES.desktop;
    const { context, page } = await signIn(device, TAOYUAN);
    assert.match(await page.locator('#list-own').textContent(), /本縣市提案/);
    assert.match(await page.locator('#list-cooperating').textContent(), /合作項目/);
    assert.equal(await page.locator('section[aria-labelledby="list-own"] li').count(), 4);
    assert.ok(await page.locator('section[aria-labelledby="list-cooperating"] li[data-status="open"]').count() >= 39);
    await noViolations(page, 'the staff home (zh)');
    await press(page, device, 'section[aria-labelledby="list-cooperating"] a[href="/staff/proposals/112-15"]');
    await page.waitForSelector('#form-progress', WAIT);
    assert.equal(await page.locator('#form-close, #form-edit, #form-reopen').count(), 0);
    assert.match(await page.locator('.notice.info').textContent(), /新北市與秘書處/);
    await page.fill('#s-progress-text', '桃園市已提供轄內自行車專用道資料。');
    await submit(page, device, '#form-progress');
    assert.match(await page.locator('.progress-log li').first().textContent(), /桃園市政府交通局/);
    // A forged close, with the page's own CSRF token and version: 403, nothing changes.
    const before = await api('112-15');
    const csrf = await page.getAttribute('#form-progress input[name=csrf]', 'value');
    const forged = await page.request.post(`${server.url}/staff/proposals/112-15/close`, {
      form: { csrf, version: String(before.version), kind: 'done', reason: '桃園市自行解除' }, maxRedirects: 0,
    });
    assert.equal(forged.status(), 403);
    assert.equal((await api('112-15')).status, 'open');
    // The public page names the reporting agency.
    const citizen = await browser.newPage({ viewport: device.viewport });
    await citizen.goto(server.url + '/proposals/112-15');
    assert.match(await citizen.locator('.progress-log li').first().textContent(), /填報：桃園市政府交通局/);
    await noViolations(citizen, 'the public proposal page with a reported entry');
    await citizen.close();
    // And in English, every staff page stays clean too.
    await context.addCookies([{ name: 'lang', value: 'en', url: server.url }]);
    for (const p of ['/staff', '/staff/proposals/112-15', '/staff/proposals/111-02', '/staff/new']) {
      await page.goto(server.url + p);
      await noViolations(page, `${p} (en)`);
    }
    await context.close();
  });

  test('the sign-in page and a page asked for while signed out: clean in both languages, and back there after signing in', async () => {
    const device = DEVICES.phone;
    for (const lang of ['zh-TW', 'en']) {
      const context = await browser.newContext(device);
      await context.addCookies([{ name: 'lang', value: lang, url: server.url }]);
      const page = await context.newPage();
      await page.goto(server.url + '/staff/proposals/111-02');
      assert.equal(new URL(page.url()).pathname, '/staff');
      await noViolations(page, `sign-in (${lang})`);
      await page.fill('#s-signin-name', TAOYUAN.name);
      await page.fill('#s-signin-password', TAOYUAN.password);
      await submit(page, device, 'form[action="/staff/sign-in"]');
      assert.equal(new URL(page.url()).pathname, '/staff/proposals/111-02');
      await noViolations(page, `a closed item's edit page (${lang})`);
      await context.close();
    }
  });
});
