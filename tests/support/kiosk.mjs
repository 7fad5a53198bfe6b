// Driving the kiosk (/kiosk) in Chromium as a lobby visitor does: a touch screen, taps on
// what is labelled, drags and pinches with real touch events. The app reports its state and
// what it offers to tap (label and rectangle) through window.beitaiKiosk.stateJson().
import { decodePng } from './png.mjs';

export const KIOSK_BACKGROUND = [11, 61, 79];  // wasm/kiosk/kiosk_ui.h palette::background
export const KIOSK_TILE = [19, 107, 121];      // palette::tile
export const KIOSK_PANEL = [245, 247, 248];    // palette::panel (cards)

export const near = (pixel, rgb, tolerance = 8) => rgb.every((v, i) => Math.abs(pixel[i] - v) <= tolerance);
export const centre = (r) => [r[0] + r[2] / 2, r[1] + r[3] / 2];

export async function openKiosk(browser, baseUrl, { width = 1920, height = 1080, query = 'county=Taipei&attract=off' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, hasTouch: true });
  return openKioskIn(context, baseUrl, { query });
}

// Another kiosk page in a context of its own making (one that already holds a kiosk's
// IndexedDB, say); its close() ends the whole context.
export async function openKioskIn(context, baseUrl, { query = 'county=Taipei&attract=off' } = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource|net::ERR/.test(m.text())) problems.push('console: ' + m.text());
  });
  await page.goto(baseUrl + '/kiosk' + (query ? '?' + query : ''));
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  const kiosk = new KioskDriver(page, context, problems);
  await kiosk.frames(3);
  return kiosk;
}

export class KioskDriver {
  constructor(page, context, problems) { this.page = page; this.context = context; this.problems = problems; }

  async state() { return JSON.parse(await this.page.evaluate(() => window.beitaiKiosk.stateJson())); }

  // Waits until `n` more frames are drawn (the swiftshader canvas draws a few a second).
  async frames(n = 3) {
    const start = await this.page.evaluate(() => window.beitaiKiosk.framesDrawn());
    await this.page.waitForFunction((s) => window.beitaiKiosk.framesDrawn() >= s, start + n, { timeout: 30000 });
  }

  // The target whose label is `label` (a string: equal, or a RegExp), as the last frame offered it.
  async target(label) {
    const { targets } = await this.state();
    const found = targets.find((t) => (label instanceof RegExp ? label.test(t.label) : t.label === label));
    if (!found) throw new Error(`no tap target ${label}; there are: ${targets.map((t) => t.label).join(' | ')}`);
    return found.rect;
  }

  async tapAt(x, y) {
    await this.page.touchscreen.tap(x, y);
    await this.frames(3);
  }
  async tap(label) { await this.tapAt(...centre(await this.target(label))); }

  // Touch events dispatched on the canvas: one finger dragged, or two pinched.
  async touch(type, points) {
    await this.page.evaluate(([type, points]) => {
      const canvas = document.getElementById('canvas');
      const touches = points.map(([x, y], i) => new Touch({ identifier: i + 1, target: canvas, clientX: x, clientY: y }));
      const ended = type === 'touchend';
      canvas.dispatchEvent(new TouchEvent(type, {
        bubbles: true, cancelable: true, touches: ended ? [] : touches, targetTouches: ended ? [] : touches, changedTouches: touches,
      }));
    }, [type, points]);
    await this.frames(2);
  }
  async drag([x0, y0], [x1, y1], steps = 6) {
    await this.touch('touchstart', [[x0, y0]]);
    for (let i = 1; i <= steps; i++) await this.touch('touchmove', [[x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * i) / steps]]);
    await this.touch('touchend', [[x1, y1]]);
  }
  async pinch([cx, cy], from, to, steps = 4) {
    const at = (d) => [[cx - d, cy], [cx + d, cy]];
    await this.touch('touchstart', at(from));
    for (let i = 1; i <= steps; i++) await this.touch('touchmove', at(from + ((to - from) * i) / steps));
    await this.touch('touchend', at(to));
  }

  async screenshot(file) {
    const png = await this.page.screenshot(file ? { path: file } : {});
    return decodePng(png);
  }
  async close() { await this.context.close(); }
}

// The horizontal extent of light (text) pixels in a band of rows: Chinese set in the
// kiosk's font spans its glyphs' width; missing glyphs fall back to narrow '?'s and a blank
// canvas has none.
export function lightSpan(img, [x, y, w, h]) {
  let minX = Infinity, maxX = -Infinity, count = 0;
  for (let yy = Math.floor(y); yy < y + h; yy++)
    for (let xx = Math.floor(x); xx < x + w; xx++) {
      const [r, g, b] = img.pixel(xx, yy);
      if (r > 200 && g > 200 && b > 200) { minX = Math.min(minX, xx); maxX = Math.max(maxX, xx); count++; }
    }
  return { width: count ? maxX - minX : 0, count };
}

// The share of sampled pixels of a rectangle that are `rgb`.
export function share(img, [x, y, w, h], rgb, tolerance = 8) {
  let hits = 0, all = 0;
  for (let yy = Math.floor(y); yy < y + h; yy += 3)
    for (let xx = Math.floor(x); xx < x + w; xx += 3) {
      all++;
      if (near(img.pixel(xx, yy), rgb, tolerance)) hits++;
    }
  return all ? hits / all : 0;
}

// Web Mercator as Leaflet and render::Viewport scale it: pixels at `zoom` from the world's
// top-left corner.
export function worldPixel(lat, lon, zoom) {
  const size = 256 * 2 ** zoom;
  const s = Math.sin((lat * Math.PI) / 180);
  return [((lon + 180) / 360) * size, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * size];
}
