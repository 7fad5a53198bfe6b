// The kiosk page's glue: size the canvas to the screen, pass touches on (one finger as the
// mouse events the kiosk understands, two as a pinch), fetch the API's data and hand it to
// the ImGui app, keep the last good copy of each in IndexedDB for when the server is away,
// and follow the parking stream. Every decision is the app's (wasm/kiosk).
'use strict';

// Where each part the kiosk shows comes from. The campaigns are fetched whole, one by one.
const PARTS = [
  ['counties', '/api/counties'], ['snapshot', '/api/snapshot'], ['parking', '/api/parking'],
  ['routes', '/api/routes'], ['sites', '/api/sites'], ['basemap', '/api/basemap'], ['campaigns', null],
];
const REFRESH_MS = 60000;  // fresh data once a minute while the server answers
const RETRY_MS = 10000;    // and a try every 10 s while it does not

// ---- The last good copy of each part, in IndexedDB -----------------------------------------
const cache = {
  db: null,
  async open() {
    if (!('indexedDB' in window)) return;
    this.db = await new Promise((resolve) => {
      const request = indexedDB.open('beitai-kiosk', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('parts');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);  // private mode: the kiosk works without it
    });
  },
  async get(part) {
    if (!this.db) return null;
    return new Promise((resolve) => {
      const request = this.db.transaction('parts').objectStore('parts').get(part);
      request.onsuccess = () => resolve(request.result || null);
      request.onerror = () => resolve(null);
    });
  },
  async put(part, text, fetchedAt) {
    if (!this.db) return;
    await new Promise((resolve) => {
      const tx = this.db.transaction('parts', 'readwrite');
      tx.objectStore('parts').put({ text, fetchedAt }, part);
      tx.oncomplete = tx.onerror = tx.onabort = () => resolve();
    });
  },
};

async function fetchText(url) {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
  return response.text();
}

// The running and coming campaigns, each whole, as one JSON array.
async function fetchCampaigns() {
  const list = JSON.parse(await fetchText('/api/campaigns'));
  const whole = [];
  for (const c of list.filter((c) => !c.external))
    whole.push(await fetchText('/api/campaigns/' + encodeURIComponent(c.id)));
  return '[' + whole.join(',') + ']';
}

// Emscripten's GLFW presses the button on touchstart without moving the cursor to the finger
// (its touch position is read only for SDL), so a tap pressed wherever the last tap was: in
// Chromium with touch, 2 taps of 16 landed. These listeners come first on the canvas (before
// GLFW's), hand one finger to GLFW as mouse events — move there, then press; move; release —
// and two fingers to the app as a pinch, and stop the touch event, and the browser's own late
// mouse events (preventDefault), from reaching GLFW a second time.
function touchInput(canvas, kiosk) {
  const send = (type, touch) => canvas.dispatchEvent(new MouseEvent(type, {
    bubbles: true, cancelable: true, button: 0, buttons: type === 'mouseup' ? 0 : 1,
    clientX: touch.clientX, clientY: touch.clientY, screenX: touch.screenX, screenY: touch.screenY,
  }));
  const toCanvas = (touch) => {
    const box = canvas.getBoundingClientRect();
    const k = canvas.width / box.width;
    return [(touch.clientX - box.left) * k, (touch.clientY - box.top) * k];
  };
  let pressed = false, fingers = null;
  const stop = (event) => { event.preventDefault(); event.stopImmediatePropagation(); };
  canvas.addEventListener('touchstart', (event) => {
    stop(event);
    if (event.touches.length >= 2) {
      // A second finger: the press becomes a pinch (the app lets go of what it held).
      if (pressed) { send('mouseup', event.touches[0]); pressed = false; }
      fingers = [toCanvas(event.touches[0]), toCanvas(event.touches[1])];
      return;
    }
    send('mousemove', event.changedTouches[0]);
    send('mousedown', event.changedTouches[0]);
    pressed = true;
  }, { capture: true, passive: false });
  canvas.addEventListener('touchmove', (event) => {
    stop(event);
    if (fingers && event.touches.length >= 2) {
      const now = [toCanvas(event.touches[0]), toCanvas(event.touches[1])];
      kiosk.pinch(...fingers[0], ...fingers[1], ...now[0], ...now[1]);
      fingers = now;
    } else if (pressed) {
      send('mousemove', event.changedTouches[0]);
    }
  }, { capture: true, passive: false });
  for (const type of ['touchend', 'touchcancel'])
    canvas.addEventListener(type, (event) => {
      stop(event);
      if (event.touches.length < 2) fingers = null;
      if (pressed) { send('mouseup', event.changedTouches[0]); pressed = false; }
    }, { capture: true, passive: false });
}

(async function main() {
  const canvas = document.getElementById('canvas');
  const status = document.getElementById('kiosk-status');

  function fitCanvas() {
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(canvas.clientWidth * ratio);
    canvas.height = Math.round(canvas.clientHeight * ratio);
  }
  fitCanvas();
  window.addEventListener('resize', fitCanvas);

  const kiosk = await BeitaiKiosk({ canvas });
  touchInput(canvas, kiosk);
  kiosk.setOrigin(location.origin);
  kiosk.configure(location.search.replace(/^\?/, ''));  // its problems show on the kiosk's staff line
  window.beitaiKiosk = kiosk;  // the tests read stateJson() and framesDrawn()

  // The page's own words (title, the canvas's name, the live region) are the core's, in the
  // visit's language: asked for again when it changes and when the server's state does.
  function showWords() {
    const words = JSON.parse(kiosk.pageWordsJson());
    document.documentElement.lang = words.lang;
    document.title = words.title;
    canvas.setAttribute('aria-label', words.canvas_label);
    if (status.textContent !== words.status) status.textContent = words.status;
  }
  document.addEventListener('kiosklanguage', showWords);
  showWords();

  // The text each part was last loaded from: the same text again only confirms it is fresh
  // (parsing it again would rebuild the bike network and repaint the map once a minute).
  const loaded = new Map();
  function load(part, text, fetchedAt) {
    if (loaded.get(part) === text) return kiosk.confirmData(part, fetchedAt);
    const error = kiosk.loadData(part, text, fetchedAt);
    if (!error) loaded.set(part, text);
    return error;
  }

  // What the last good copies hold, at once: a kiosk that starts while the server is away
  // still shows something (with its age).
  await cache.open();
  for (const [part] of PARTS) {
    const kept = await cache.get(part);
    if (kept) load(part, kept.text, kept.fetchedAt);
  }

  // Whether the server answers, told to the app (the header's clock or data age) and to
  // the page's live region alike.
  function setReachable(reached) {
    kiosk.setReachable(reached);
    showWords();
    document.body.dataset.reachable = String(reached);
  }

  async function refresh() {
    let reached = true;
    for (const [part, url] of PARTS) {
      try {
        const text = part === 'campaigns' ? await fetchCampaigns() : await fetchText(url);
        const fetchedAt = Date.now() / 1000;
        const error = load(part, text, fetchedAt);
        if (error) console.warn('kiosk data:', error);  // the last good copy stays
        else await cache.put(part, text, fetchedAt);
      } catch (err) {
        reached = false;  // the server is away (or refused): keep what we hold
      }
    }
    setReachable(reached);
    return reached;
  }

  // One timer for the next refresh: a minute while the server answers, 10 s while it does
  // not, so that the kiosk comes back by itself, without a reload. A kiosk that starts with
  // the server away tries again in 10 s too, and one whose parking stream drops learns at
  // once that it must try soon (never later than its timer already says).
  let timer = 0, due = Infinity, running = false, again = false;
  function refreshIn(ms, { sooner = false } = {}) {
    if (sooner && Date.now() + ms >= due) return;
    clearTimeout(timer);
    due = Date.now() + ms;
    timer = setTimeout(loop, ms);
  }
  async function loop() {
    if (running) { again = true; return; }  // one refresh at a time; this one is then run again
    running = true;
    clearTimeout(timer);
    due = Infinity;
    let reached = false;
    do {
      again = false;
      reached = await refresh().catch(() => false);
    } while (again);
    running = false;
    refreshIn(reached ? REFRESH_MS : RETRY_MS);
    return reached;
  }
  await loop();
  document.body.dataset.ready = 'true';

  // Live parking: each event applied as it comes. A reconnection ("hello" again) means the
  // server was away, or the stream was lost: everything is fetched again, as events may
  // have been lost meanwhile and the other parts are as old as the outage.
  let hellos = 0;
  const stream = new EventSource('/api/parking/stream');
  stream.addEventListener('parking', (event) => {
    const error = kiosk.applyParkingEvent(event.data);
    if (error) console.warn(error);
  });
  stream.addEventListener('hello', () => {
    if (hellos++ > 0) loop();
  });
  stream.addEventListener('error', () => {
    setReachable(false);
    refreshIn(RETRY_MS, { sooner: true });
  });
})();
