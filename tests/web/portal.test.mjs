// The portal page in a real browser: the WASM core draws the Leaflet map with the eight
// county seats and counts the proposals by status.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer } from '../support/server.mjs';
import { launchBrowser, openPage, SCREENSHOTS } from '../support/browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('the portal shows 8 county-seat markers and the counts the WASM core computed', async () => {
  const { page, problems } = await openPage(browser, server.url + '/');
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });

  assert.equal(await page.locator('#map .leaflet-marker-icon').count(), 8);
  const titles = await page.locator('#map .leaflet-marker-icon').evaluateAll((els) => els.map((e) => e.title));
  assert.ok(titles.includes('臺北市（Taipei City）'), titles.join());

  // The expected counts, computed here from the API independently of the page.
  const list = await (await fetch(server.url + '/api/proposals')).json();
  const open = list.items.filter((p) => p.status === 'open').length;
  const closed = list.items.filter((p) => p.status === 'closed').length;
  assert.equal(open + closed, 55);
  const shown = await page.locator('#status-summary dd').evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.dataset.status, Number(e.textContent)])));
  assert.deepEqual(shown, { open, closed, total: 55 });
  assert.equal(await page.locator('#status-summary dt').first().textContent(), '列管');

  // The map layer as a list, for keyboard and screen-reader users.
  assert.equal(await page.locator('#county-list li').count(), 8);
  assert.equal(await page.locator('#core-error').isHidden(), true);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'portal.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('the map markers are reachable by keyboard', async () => {
  const { page } = await openPage(browser, server.url + '/');
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  const focusable = await page.locator('#map .leaflet-marker-icon[tabindex="0"]').count();
  assert.equal(focusable, 8);
  await page.locator('#map .leaflet-marker-icon').first().focus();
  const focusedTitle = await page.evaluate(() => document.activeElement.title);
  assert.equal(focusedTitle, '宜蘭縣（Yilan County）');
  await page.close();
});

test('when the API fails the page says so instead of showing wrong numbers', async () => {
  const page = await browser.newPage();
  await page.route('**/api/proposals', (route) => route.fulfill({ status: 200, contentType: 'application/json',
    body: '{"total": 3, "items": []}' }));
  await page.route(/^https:\/\/tile\.openstreetmap\.org\//, (route) => route.abort());
  await page.goto(server.url + '/');
  await page.waitForSelector('#core-error:not([hidden])', { timeout: 20000 });
  assert.match(await page.locator('#core-error').textContent(), /total: says 3 but items holds 0/);
  assert.equal(await page.locator('#status-summary dd').count(), 0);
  await page.close();
});
