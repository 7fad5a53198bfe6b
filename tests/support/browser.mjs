// Debian's Chromium driven by playwright-core (no browser download). Screenshots go to
// build/screenshots/ so a person can look at them after a run.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from './server.mjs';

export const SCREENSHOTS = path.join(ROOT, 'build/screenshots');

export async function launchBrowser() {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      '--disable-sync', '--disable-quic',
      // WebGL2 for the kiosk without a GPU.
      '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
    ],
  });
}

// A page that records script errors and CSP violations, with map tiles blocked (the
// test machine has no network; the map must work without tiles).
export async function openPage(browser, url, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push('console: ' + m.text());
    if (/Content Security Policy|Refused to/.test(m.text())) problems.push('CSP: ' + m.text());
  });
  await page.route(/^https:\/\/tile\.openstreetmap\.org\//, (route) => route.abort());
  await page.goto(url);
  return { page, problems };
}

// The two screens a person tries the pages on.
export const DESKTOP = { viewport: { width: 1280, height: 800 } };
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

// A visitor of its own (a fresh profile) on `device`, reading in `lang` (the portal's cookie),
// whose page records script errors and CSP refusals; map tiles are blocked as in openPage.
// Returns {context, page, problems}; close the context when done.
export async function visitor(browser, baseUrl, device = DESKTOP, lang = 'zh-TW') {
  const context = await browser.newContext(device);
  await context.addCookies([{ name: 'lang', value: lang, url: baseUrl }]);
  await context.route(/^https:\/\/tile\.openstreetmap\.org\//, (route) => route.abort());
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) problems.push('CSP: ' + m.text()); });
  return { context, page, problems };
}
