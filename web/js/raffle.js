// A campaign page with JavaScript on: checking in by position. The browser's geolocation
// fills the check-in form's position fields and submits the same form a code check-in
// uses; the server judges the position (core raffle/checkin.h) and renders the answer.
// And checking in with a photo: scaled down here first, so a phone sends a few hundred
// kilobytes rather than its camera's megabytes (the server re-encodes it all the same).
'use strict';

// The words the page gave for what this script says (core/text/lang.cpp's raffle.js.*).
const words = (document.getElementById('raffle-words') || { dataset: {} }).dataset;

// "Where next": the nearest sites in the counties still missing, from the phone's position.
(function nearby() {
  const button = document.getElementById('nearby-missing');
  if (!button || !('geolocation' in navigator)) return;
  button.hidden = false;
  button.addEventListener('click', () => {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      (p) => location.assign(`${button.dataset.href}?lat=${p.coords.latitude.toFixed(5)}&lon=${p.coords.longitude.toFixed(5)}`),
      () => { button.disabled = false; },
      { enableHighAccuracy: false, timeout: 20000, maximumAge: 60000 });
  });
})();

(function main() {
  const form = document.getElementById('checkin-form');
  const button = document.getElementById('checkin-position');
  const result = document.getElementById('checkin-result');
  if (!form || !button || !('geolocation' in navigator)) return;
  button.hidden = false;

  function field(name, value) {
    let input = form.querySelector(`input[type=hidden][name="${name}"]`);
    if (!input) {
      input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      form.appendChild(input);
    }
    input.value = String(value);
  }

  button.addEventListener('click', () => {
    const site = form.elements.site;
    if (!site.value) {
      site.reportValidity();
      return;
    }
    button.disabled = true;
    result.textContent = words.locating;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        field('lat', position.coords.latitude);
        field('lon', position.coords.longitude);
        field('accuracy_m', position.coords.accuracy);
        form.elements.code.value = '';
        form.submit();
      },
      (error) => {
        button.disabled = false;
        result.textContent = error.code === error.PERMISSION_DENIED
          ? words.locationDenied
          : words.locationFailed;
      },
      { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 });
  });
})();

// The photo form: the browser decodes the photo (turned upright by its EXIF orientation),
// draws it at most 1600 px on its longer side and sends that JPEG to the API; the campaign
// page then says what became of it, as after any other check-in. A file the browser cannot
// decode is sent as it is, for the server to say why it is refused. Without fetch or
// createImageBitmap the form posts itself (multipart), as without JavaScript.
(function photo() {
  const form = document.getElementById('photo-form');
  const result = document.getElementById('checkin-result');
  if (!form || !result || !window.fetch || !window.createImageBitmap) return;
  const MAX_SIDE = 1600;

  async function downscaled(file) {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  }

  form.addEventListener('submit', async (event) => {
    const file = form.elements.photo.files[0];
    const site = form.elements.site.value;
    if (!file || !site) return;  // the browser's own validation names what is missing
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    result.textContent = words.sendingPhoto;
    let body = file;
    try {
      body = (await downscaled(file)) || file;
    } catch {
      // not an image this browser can read: the server says what is wrong with it
    }
    if (body.size > Number(form.dataset.maxBytes)) {
      result.textContent = words.photoTooLarge;
      button.disabled = false;
      return;
    }
    try {
      const response = await fetch(`${form.dataset.api}?site=${encodeURIComponent(site)}`, {
        method: 'POST', headers: { 'content-type': body.type || 'application/octet-stream' }, body,
      });
      const answer = await response.json().catch(() => ({}));
      if (response.ok) {
        location.assign(`${form.dataset.page}?notice=${encodeURIComponent(answer.state)}&at=${encodeURIComponent(site)}`);
        return;
      }
      result.textContent = answer.error || words.photoFailed;
    } catch {
      result.textContent = words.offline;
    }
    button.disabled = false;
  });
})();
