// The home page in a real browser, as a first visitor meets it on a desktop and on a phone:
// what the committee is, the live figures (each as the API counts it), and the navigation to
// every section and back, in both languages; an address with no page answers a page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer } from '../support/server.mjs';
import { launchBrowser, SCREENSHOTS, DESKTOP, PHONE, visitor } from '../support/browser.mjs';
import { axeViolations } from '../support/axe.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const visit = (device, lang) => visitor(browser, server.url, device, lang);

const withSpace = (body) => body.car_parks.filter((c) => !c.stale && (c.level === 'plenty' || c.level === 'few')).length;

test('the home page counts open proposals, car parks with space and the campaign as the APIs do', async () => {
  const { context, page, problems } = await visit(DESKTOP);
  const parkingBefore = withSpace(await (await fetch(server.url + '/api/parking')).json());
  const response = await page.goto(server.url + '/');
  const parkingAfter = withSpace(await (await fetch(server.url + '/api/parking')).json());
  assert.equal(response.status(), 200);
  assert.equal(await page.locator('h1').textContent(), '北臺區域發展推動委員會');
  assert.equal(await page.locator('.county-list a').count(), 8);

  const proposals = (await (await fetch(server.url + '/api/proposals')).json()).items;
  const open = proposals.filter((p) => p.status === 'open').length;
  const figure = page.locator('[data-figure=proposals]');
  assert.equal(Number(await figure.getAttribute('data-value')), open);
  assert.equal(await figure.locator('.figure-value').textContent(), `${open} 件列管中`);
  assert.equal(await figure.locator('a').getAttribute('href'), '/proposals?status=open');

  const parking = page.locator('[data-figure=parking]');
  const shown = Number(await parking.getAttribute('data-value'));
  assert.ok(shown === parkingBefore || shown === parkingAfter, `${shown} vs ${parkingBefore}/${parkingAfter}`);
  assert.ok(shown > 0);
  assert.equal(await parking.locator('a').getAttribute('href'), '/map?layers=parking');
  assert.match(await parking.textContent(), /示範資料/);  // the simulator's feeds are sample data

  const campaigns = await (await fetch(server.url + '/api/campaigns')).json();
  const campaign = page.locator('[data-figure=campaign]');
  const href = await campaign.locator('a').getAttribute('href');
  const featured = campaigns.find((c) => href === '/raffle/' + encodeURIComponent(c.id));
  assert.ok(featured, `${href} is one of ${campaigns.map((c) => c.id)}`);
  assert.equal(await campaign.locator(".figure-line").textContent(), featured.name_zh);

  await page.screenshot({ path: path.join(SCREENSHOTS, 'home.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [name, device] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`${name}: the navigation leads from / to every section and back home`, async () => {
    const { context, page, problems } = await visit(device);
    await page.goto(server.url + '/');
    const sections = [
      ['合作提案', /\/proposals$/, '合作提案'],
      ['地圖', /\/map$/, null],
      ['綠色旅遊打卡', /\/raffle$/, null],
      ['工作人員', /\/staff/, null],
    ];
    for (const [label, url, heading] of sections) {
      const link = page.locator('.site-header nav a', { hasText: label }).first();
      const box = await link.boundingBox();
      assert.ok(box.height >= 44, `${label}: ${box.height} px tall`);
      if (device.hasTouch) await link.tap(); else await link.click();
      await page.waitForURL(url);
      assert.equal(await page.locator('.site-header nav a[aria-current=page]').count() <= 1, true);
      if (heading) assert.match(await page.locator('main h1').first().textContent(), new RegExp(heading));
      const home = page.locator('.site-header nav a', { hasText: '首頁' });
      if (device.hasTouch) await home.tap(); else await home.click();
      await page.waitForURL(server.url + '/');
      assert.equal(await page.locator('.site-header nav a[aria-current=page]').textContent(), '首頁');
    }
    // The kiosk is a full-screen lobby app without the site's frame: the browser's Back returns.
    await page.locator('.site-header nav a', { hasText: '觸控導覽' }).click();
    await page.waitForURL(/\/kiosk$/);
    await page.goBack();
    await page.waitForURL(server.url + '/');

    // Each section card leads where its title says.
    const cards = await page.locator('.sections a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(cards, ['/proposals', '/map', '/raffle', '/kiosk', '/staff']);
    await page.screenshot({ path: path.join(SCREENSHOTS, `home-${name}.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

for (const lang of ['zh-TW', 'en']) {
  test(`phone, ${lang}: the header is compact on every page, its links 44 px tall and reached by Tab, nothing wider than the screen`, async () => {
    const { context, page, problems } = await visit(PHONE, lang);
    for (const p of ['/', '/proposals', '/map', '/raffle', '/staff']) {
      await page.goto(server.url + p);
      const header = await page.locator('.site-header').boundingBox();
      assert.ok(header.height <= PHONE.viewport.height / 5, `${p}: the header takes ${header.height} px`);
      const links = await page.locator('.site-header nav a').evaluateAll((as) => as.map((a) => {
        const r = a.getBoundingClientRect();
        return { href: a.getAttribute('href'), height: r.height, right: r.right };
      }));
      assert.equal(links.length, 7);
      for (const l of links) {
        assert.ok(l.height >= 44, `${p} ${l.href}: ${l.height} px tall`);
        assert.ok(l.right <= PHONE.viewport.width, `${p} ${l.href}: in sight (right edge ${l.right})`);
      }
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= PHONE.viewport.width, `${p}: the page is ${width} px wide`);
    }
    // Tab reaches every link of the navigation, in order, from the top of the page.
    await page.goto(server.url + '/');
    const reached = [];
    for (let i = 0; i < 12 && reached.length < 7; i++) {
      await page.keyboard.press('Tab');
      const href = await page.evaluate(() => (document.activeElement.closest('.site-header nav') ? document.activeElement.getAttribute('href') : null));
      if (href && !reached.includes(href)) reached.push(href);
    }
    assert.equal(reached.length, 7, `Tab reached ${reached.join(' ')}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the language switch on / comes back to / in English, all of it', async () => {
  const { context, page, problems } = await visit(PHONE);
  await page.goto(server.url + '/');
  await page.locator('.lang-switch').tap();
  await page.waitForURL(server.url + '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('h1').textContent(), 'Northern Taiwan Regional Development Promotion Committee');
  assert.match(await page.locator('[data-figure=proposals] .figure-value').textContent(), /^\d+ open$/);
  // Nothing Chinese is left but the sample-data label, which stays 示範資料 on every page.
  const text = await page.locator('body').evaluate((b) => b.innerText.replaceAll('示範資料', '').replace('中文', ''));
  assert.doesNotMatch(text, /[\u3400-\u9fff]/);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'home-en-phone.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('.lang-switch').tap();
  await page.waitForURL(server.url + '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant-TW');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an address with no page answers a 404 page in the visitor\'s language; the API keeps JSON', async () => {
  for (const [lang, heading] of [['zh-TW', '找不到這個網頁'], ['en', 'Page not found']]) {
    const { context, page } = await visit(DESKTOP, lang);
    const response = await page.goto(server.url + '/no/such/page?x=<b>');
    assert.equal(response.status(), 404);
    assert.match(response.headers()['content-type'], /^text\/html/);
    assert.equal(await page.locator('main h1').textContent(), heading);
    assert.equal(await page.locator('main code').textContent(), '/no/such/page');
    assert.equal(await page.locator('.site-header nav a').count() >= 6, true);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  }
  const api = await fetch(server.url + '/api/no-such-thing');
  assert.equal(api.status, 404);
  assert.match(api.headers.get('content-type'), /json/);
  assert.match((await api.json()).error, /no such resource: \/api\/no-such-thing/);
});
