// The kiosk page's glue: size the canvas to the screen, start the ImGui app, feed it the
// counties from the API.
'use strict';

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
