// The kiosk page's glue: size the canvas to the screen, pass touches on as the mouse events
// the kiosk understands, start the ImGui app, feed it the counties from the API.
'use strict';

// Emscripten's GLFW presses the button on touchstart without moving the cursor to the finger
// (its touch position is read only for SDL), so a tap pressed wherever the last tap was: in
// Chromium with touch, 2 taps of 16 landed. These listeners come first on the canvas (before
// GLFW's), hand each touch to GLFW as the mouse events of the first finger — move there, then
// press; move; release — and stop the touch event, and the browser's own late mouse events
// (preventDefault), from reaching it a second time.
function touchAsMouse(canvas) {
  const send = (type, touch) => canvas.dispatchEvent(new MouseEvent(type, {
    bubbles: true, cancelable: true, button: 0, buttons: type === 'mouseup' ? 0 : 1,
    clientX: touch.clientX, clientY: touch.clientY, screenX: touch.screenX, screenY: touch.screenY,
  }));
  const first = (event) => event.changedTouches[0];
  canvas.addEventListener('touchstart', (event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    send('mousemove', first(event));
    send('mousedown', first(event));
  }, { capture: true, passive: false });
  canvas.addEventListener('touchmove', (event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    send('mousemove', first(event));
  }, { capture: true, passive: false });
  for (const type of ['touchend', 'touchcancel'])
    canvas.addEventListener(type, (event) => {
      event.preventDefault();
      event.stopImmediatePropagation();
      send('mouseup', first(event));
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
  touchAsMouse(canvas);

  const kiosk = await BeitaiKiosk({ canvas });
  try {
    const response = await fetch('/api/counties');
    if (!response.ok) throw new Error('HTTP ' + response.status);
    const error = kiosk.loadCounties(await response.text());
    status.textContent = error || '已載入八縣市 Loaded the eight counties';
  } catch (err) {
    status.textContent = '無法載入資料 Could not load the data: ' + err.message;
  }
  document.body.dataset.ready = 'true';
  window.beitaiKiosk = kiosk;  // tests read framesDrawn() and selectedCounty()
})();
