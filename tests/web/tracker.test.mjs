// The proposal tracker in a real browser: a county editor closes an item through the
// staff forms and a citizen sees it closed; an editor is refused another county's item;
// the list filters in place through the WASM core, loaded at the first filter (URL, back
// button, shareable links);
// the same page without JavaScript; labels and keyboard; the English switch.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, freshStore, addAccount } from '../support/server.mjs';
import { launchBrowser, openPage, SCREENSHOTS } from '../support/browser.mjs';

const WAIT = { timeout: 20000 };

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// What the page shows, read from the DOM.
const totalShown = (page) => page.locator('#proposal-results [data-total]').getAttribute('data-total').then(Number);
const idsShown = (page) => page.locator('#proposal-results li.proposal').evaluateAll((els) => els.map((e) => e.dataset.id));
const renderedCount = (page) => page.evaluate(() => Number(document.body.dataset.rendered || 0));
const waitForTotal = (page, n) => page.waitForFunction(
  (want) => document.querySelector('#proposal-results [data-total]')?.dataset.total === String(want), n, WAIT);

// The server's own answer for a query, independent of the page.
async function apiIds(base, query) {
  const body = await (await fetch(base + '/api/proposals' + (query ? '?' + query : ''))).json();
  return body.items.map((p) => p.id);
}

// ---------------------------------------------------------------------------------------
// Staff: a Taoyuan editor on a store of its own.
describe('staff forms', () => {
  const EDITOR = { name: 'taoyuan.editor', password: 'Taoyuan-editor-pass-2024', role: 'editor', county: 'Taoyuan',
    agency: '桃園市政府研究發展考核委員會' };
  let store, server;

  before(async () => {
    store = freshStore('sqlite');
    addAccount(store.location, EDITOR);   // before the server opens the store
    server = await startServer({ dbPath: store.location });
  });
  after(async () => { await server?.stop(); store?.cleanup(); });

  async function signIn() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url + '/staff');
    await page.fill('#s-signin-name', EDITOR.name);
    await page.fill('#s-signin-password', EDITOR.password);
    // The sign-in form is at /staff too, so wait for what only a signed-in page has.
    await page.click('form[action="/staff/sign-in"] button[type=submit]');
    await page.waitForSelector('.who', WAIT);
    assert.equal(new URL(page.url()).pathname, '/staff');
    assert.match(await page.locator('.who').textContent(), new RegExp(EDITOR.name.replace('.', '\\.') + '.*桃園市'));
    return { context, page };
  }

  test('a Taoyuan editor files and closes a Taoyuan proposal; a citizen sees it closed with its reason', async () => {
    const closedBefore = (await apiIds(server.url, 'status=closed')).length;
    const { context, page } = await signIn();

    // File a new Taoyuan proposal through /staff/new.
    const title = '桃園市跨縣市自行車道串連測試提案';
    await page.goto(server.url + '/staff/new');
    await page.fill('#s-new-year', '113');
    await page.fill('#s-new-title', title);
    await page.selectOption('#s-new-group', '交通運輸組');
    assert.equal(await page.inputValue('#s-new-agency'), EDITOR.agency, 'the agency field starts as the editor’s own');
    await page.check('#form-new input[name=types][value="跨縣市實質合作議題"]');
    await page.check('#form-new input[name=counties][value=Taoyuan]');
    await page.check('#form-new input[name=counties][value=HsinchuCounty]');
    await Promise.all([page.waitForURL(/\/staff\/proposals\/113-01\?saved=1$/), page.click('#form-new button[type=submit]')]);
    assert.equal(await page.locator('.notice.ok').textContent(), '已儲存。');
    assert.equal(await page.locator('.staff-edit h1').textContent(), title);

    const created = await (await fetch(server.url + '/api/proposals/113-01')).json();
    assert.equal(created.county, 'Taoyuan');
    assert.equal(created.status, 'open');
    assert.deepEqual(created.counties, ['Taoyuan', 'HsinchuCounty']);

    // Close it through the close form.
    await page.goto(server.url + '/staff/proposals/113-01');
    assert.equal(await page.locator('.notice').count(), 0, 'no notice before saving');
    const reason = '本案已於113年完成八縣市自行車道串連，經工作會議同意解除列管。';
    const decision = '依113年5月20日第2次工作會議決議';
    await page.selectOption('#s-close-kind', 'done');
    await page.fill('#s-close-reason', reason);
    await page.fill('#s-close-decision', decision);
    const [post] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/staff/proposals/113-01/close')),
      page.click('#form-close button[type=submit]'),
    ]);
    assert.equal(post.status(), 303);
    await page.waitForSelector('#form-reopen', WAIT);
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, '/staff/proposals/113-01?saved=1');
    assert.equal(await page.locator('.notice.ok').textContent(), '已儲存。');
    assert.equal(await page.locator('.staff-edit .badge-closed').textContent(), '解除列管');
    assert.equal(await page.locator('#form-close').count(), 0, 'a closed item offers no close form');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'staff-edit.png'), fullPage: true });
    await context.close();

    // A citizen: a new context without the editor's cookies.
    const citizen = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const view = await citizen.newPage();
    await view.goto(server.url + '/proposals?status=closed');
    assert.equal(await totalShown(view), closedBefore + 1);
    const item = view.locator('#proposal-results li.proposal[data-id="113-01"]');
    assert.equal(await item.count(), 1);
    assert.equal(await item.locator('.reason').textContent(), reason);
    assert.equal(await item.locator('.badge-kind').textContent(), '執行完竣');
    assert.equal(await item.locator('.badge-kind').getAttribute('data-closure'), 'done');
    assert.equal(await item.locator('.badge-closed').textContent(), '解除列管');

    await Promise.all([view.waitForURL(server.url + '/proposals/113-01'), item.locator('h3 a').click()]);
    assert.equal(await view.locator('.proposal-detail h1').textContent(), title);
    const rows = view.locator('.history tbody tr');
    assert.equal(await rows.count(), 1);
    const cells = await rows.first().locator('td').allTextContents();
    assert.equal(cells.length, 5);
    assert.equal(cells[1], '列管 → 解除列管（執行完竣）');
    assert.equal(cells[2], decision);
    assert.equal(cells[3], reason);
    assert.equal(cells[4], EDITOR.agency, 'the history names the agency');
    assert.ok(!(await view.locator('.history').textContent()).includes(EDITOR.name), 'the account name is not published');
    assert.ok(!(await view.content()).includes(EDITOR.name), 'the account name appears nowhere on the page');
    await view.screenshot({ path: path.join(SCREENSHOTS, 'tracker-detail.png'), fullPage: true });
    await citizen.close();
  });

  test('the Taoyuan editor is refused a Taipei item, on the page and on a hand-made POST', async () => {
    const TAIPEI = '111-13';
    const before = await (await fetch(server.url + '/api/proposals/' + TAIPEI)).json();
    assert.equal(before.county, 'Taipei');
    assert.equal(before.status, 'open');

    const { context, page } = await signIn();
    const response = await page.goto(server.url + '/staff/proposals/' + TAIPEI);
    assert.equal(response.status(), 403);
    assert.equal(await page.locator('main .notice.error[role=alert]').textContent(), '您沒有權限編輯此提案。');
    assert.equal(await page.locator('#form-close, #form-progress, #form-edit').count(), 0);

    // The editor's own CSRF token, from the editor's home page.
    await page.goto(server.url + '/staff');
    const csrf = await page.locator('form.sign-out input[name=csrf]').inputValue();
    assert.match(csrf, /^\S{16,}$/);
    const cookies = await context.cookies(server.url);
    assert.ok(cookies.some((c) => c.httpOnly && c.name !== 'lang'), 'the session cookie is in the browser');

    const post = await page.request.post(server.url + '/staff/proposals/' + TAIPEI + '/close', {
      form: { csrf, version: String(before.version), kind: 'done', reason: '桃園市逕行解除臺北市案件', decision: '', date: '' },
      maxRedirects: 0,
    });
    const text = await post.text();
    assert.equal(post.status(), 403, text);
    // Refused for the county, not for the token: the same token and cookie pass the CSRF check
    // (the refusal is said in the page's language; the audit log keeps the core's reason).
    assert.match(text, /您沒有權限編輯此提案。/);
    assert.doesNotMatch(text, /CSRF/);

    const afterwards = await (await fetch(server.url + '/api/proposals/' + TAIPEI)).json();
    assert.deepEqual(afterwards, before);
    await context.close();
  });
});

// ---------------------------------------------------------------------------------------
// The citizen's list on the content as shipped (nothing here writes).
describe('citizen list', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server?.stop(); });

  test('filters re-render in place, the URL follows, back restores, a link reproduces the view', async () => {
    const { page, problems } = await openPage(browser, server.url + '/proposals');
    // The glue waits for a filter; the core comes with the first one (tests/web/page_weight).
    await page.waitForSelector('body[data-tracker="server"]', WAIT);
    assert.equal(await totalShown(page), 55);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'tracker-list.png'), fullPage: true });
    await page.evaluate(() => { window.__marker = 1; });
    let rendered = await renderedCount(page);

    await page.selectOption('#f-status', 'closed');
    await waitForTotal(page, (await apiIds(server.url, 'status=closed')).length);
    assert.equal(await page.getAttribute('body', 'data-tracker'), 'wasm', 'the first filter brought the core');
    await page.selectOption('#f-year', '111');
    await waitForTotal(page, 12);
    assert.equal(await renderedCount(page), rendered + 2, 'one re-render per change');
    assert.equal(await page.evaluate(() => window.__marker), 1, 'no page reload');
    let url = new URL(page.url());
    assert.equal(url.pathname, '/proposals');
    assert.deepEqual([...url.searchParams], [['year', '111'], ['status', 'closed']]);
    const filteredIds = await idsShown(page);
    assert.deepEqual(filteredIds, await apiIds(server.url, 'year=111&status=closed'));
    assert.equal(await page.locator('#proposal-results li.proposal .badge-closed').count(), 12);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'tracker-filtered.png'), fullPage: true });

    // A search term narrows the list after the debounce, not on each keystroke.
    rendered = await renderedCount(page);
    await page.locator('#f-q').pressSequentially('交流');
    assert.equal(await renderedCount(page), rendered, 'nothing re-rendered before the debounce');
    const wanted = await apiIds(server.url, 'year=111&status=closed&q=' + encodeURIComponent('交流'));
    assert.ok(wanted.length > 0 && wanted.length < 12, 'the term narrows the list');
    await waitForTotal(page, wanted.length);
    assert.equal(await renderedCount(page), rendered + 1, 'one re-render for the typed term');
    const searchedIds = await idsShown(page);
    assert.deepEqual(searchedIds, wanted);
    url = new URL(page.url());
    assert.deepEqual([...url.searchParams], [['year', '111'], ['status', 'closed'], ['q', '交流']]);
    const searchedUrl = page.url();

    // Back: the filtered view without the term, and the form says so.
    await page.goBack();
    await waitForTotal(page, 12);
    url = new URL(page.url());
    assert.deepEqual([...url.searchParams], [['year', '111'], ['status', 'closed']]);
    assert.deepEqual(await idsShown(page), filteredIds);
    assert.equal(await page.inputValue('#f-q'), '');
    assert.equal(await page.inputValue('#f-year'), '111');
    assert.equal(await page.inputValue('#f-status'), 'closed');
    assert.equal(await page.evaluate(() => window.__marker), 1, 'back did not reload the page');

    // Back once more: the first, unfiltered view.
    await page.goBack();
    await waitForTotal(page, (await apiIds(server.url, 'status=closed')).length);
    assert.equal(await page.inputValue('#f-year'), '');
    assert.equal(await page.inputValue('#f-status'), 'closed');
    assert.deepEqual(problems, []);
    await page.close();

    // The searched view's address in a fresh page: the same items in the same order.
    const fresh = await openPage(browser, searchedUrl);
    assert.equal(await totalShown(fresh.page), searchedIds.length);
    assert.deepEqual(await idsShown(fresh.page), searchedIds);
    assert.equal(await fresh.page.inputValue('#f-q'), '交流');
    assert.equal(await fresh.page.inputValue('#f-year'), '111');
    await fresh.page.waitForSelector('body[data-tracker="server"]', WAIT);
    assert.deepEqual(await idsShown(fresh.page), searchedIds, 'the glue\'s start leaves the server-rendered list as it is');
    assert.deepEqual(fresh.problems, []);
    await fresh.page.close();
  });

  test('without JavaScript the list, the filter form, the pager and the detail links work', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url + '/proposals');
    // With scripts on, proposals.js marks the body within a second or so (see the test above).
    await page.waitForTimeout(1500);
    assert.equal(await page.getAttribute('body', 'data-tracker'), null, 'scripts are really off');

    const all = await apiIds(server.url, '');
    const open = (await apiIds(server.url, 'status=open')).length;
    assert.equal(await totalShown(page), 55);
    assert.equal(await page.locator('.status-summary dd[data-status=open]').textContent(), String(open));
    assert.equal(await page.locator('.status-summary dd[data-status=closed]').textContent(), String(55 - open));
    assert.equal(await page.locator('.status-summary dd[data-status=total]').textContent(), '55');
    const firstPage = await idsShown(page);
    assert.equal(firstPage.length, 50);
    assert.deepEqual(firstPage, all.slice(0, 50));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'tracker-nojs.png'), fullPage: true });

    // The pager.
    await Promise.all([page.waitForURL(/\/proposals\?page=2$/), page.click('.pager a[rel=next]')]);
    assert.deepEqual(await idsShown(page), all.slice(50));
    assert.match(await page.locator('.pager span').textContent(), /第 2 頁，共 2 頁/);
    await Promise.all([page.waitForURL(server.url + '/proposals'), page.click('.pager a[rel=prev]')]);
    assert.deepEqual(await idsShown(page), firstPage);

    // The form submits to the server.
    await page.selectOption('#f-status', 'closed');
    await page.selectOption('#f-year', '111');
    await Promise.all([page.waitForURL(/\/proposals\?/), page.click('#proposal-filters button[type=submit]')]);
    const url = new URL(page.url());
    assert.equal(url.pathname, '/proposals');
    assert.equal(url.searchParams.get('year'), '111');
    assert.equal(url.searchParams.get('status'), 'closed');
    assert.equal(await totalShown(page), 12);
    assert.deepEqual(await idsShown(page), await apiIds(server.url, 'year=111&status=closed'));
    assert.equal(await page.inputValue('#f-year'), '111', 'the server fills the form back in');

    // A detail link.
    const link = page.locator('#proposal-results li.proposal h3 a').first();
    const [id, title] = [await page.locator('#proposal-results li.proposal').first().getAttribute('data-id'), await link.textContent()];
    await Promise.all([page.waitForURL(server.url + '/proposals/' + id), link.click()]);
    assert.equal(await page.locator('.proposal-detail h1').textContent(), title);
    assert.equal(await page.locator('.proposal-detail').getAttribute('data-id'), id);
    await context.close();
  });

  test('every control has a label, the results are a live region, Tab goes from search to year', async () => {
    const { page, problems } = await openPage(browser, server.url + '/proposals');
    await page.waitForSelector('body[data-tracker]', WAIT);
    const controls = await page.evaluate(() => [...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea')]
      .map((el) => {
        const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
        return { name: el.name, id: el.id, label: label ? label.textContent.trim() : null };
      }));
    assert.equal(controls.length, 11, JSON.stringify(controls));   // the search box and 10 selects
    for (const c of controls) assert.ok(c.label, `control ${c.name} (#${c.id}) has no <label for>`);
    assert.equal(new Set(controls.map((c) => c.id)).size, controls.length, 'ids are unique');
    assert.equal(controls.find((c) => c.id === 'f-q').label, '關鍵字');

    assert.equal(await page.getAttribute('#proposal-results', 'aria-live'), 'polite');
    await page.focus('#f-q');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-year');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the language switch makes the tracker English, and it stays English', async () => {
    const { page, problems } = await openPage(browser, server.url + '/proposals');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant-TW');
    const [switched] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/lang'),
      page.click('a.lang-switch'),
    ]);
    assert.equal(switched.status(), 303);
    assert.equal(switched.headers()['location'], '/proposals');
    await page.waitForSelector('html[lang="en"]', WAIT);
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, '/proposals');
    assert.equal(await page.locator('.status-summary dd[data-status=closed]').locator('xpath=preceding-sibling::dt').textContent(), 'Closed');
    assert.equal(await page.locator('#f-status option[value=closed]').textContent(), 'Closed');
    assert.equal(await page.locator('#proposal-results li.proposal.status-closed .badge-closed').first().textContent(), 'Closed');
    assert.equal(await page.locator('a.lang-switch').textContent(), '中文');

    // A new load remembers the choice; the WASM re-render speaks English too.
    await page.goto(server.url + '/proposals');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.waitForSelector('body[data-tracker]', WAIT);
    await page.selectOption('#f-status', 'closed');
    await waitForTotal(page, (await apiIds(server.url, 'status=closed')).length);
    const badges = await page.locator('#proposal-results li.proposal .badge-closed').allTextContents();
    assert.ok(badges.length > 0);
    assert.deepEqual([...new Set(badges)], ['Closed']);
    assert.match(await page.locator('#proposal-results .count').textContent(), /^\d+ proposals$/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'tracker-en.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  });
});
