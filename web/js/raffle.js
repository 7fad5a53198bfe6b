// A campaign page with JavaScript on: checking in by position. The browser's geolocation
// fills the check-in form's position fields and submits the same form a code check-in
// uses; the server judges the position (core raffle/checkin.h) and renders the answer.
'use strict';

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
  const say = (zh, en) => (document.documentElement.lang.startsWith('en') ? en : zh);

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
    result.textContent = say('正在取得您的位置…', 'Finding your position…');
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
          ? say('瀏覽器未允許取得位置；請改用立牌代碼打卡。', 'Location was not allowed; check in with the signboard code instead.')
          : say('無法取得位置，請再試一次或改用立牌代碼。', 'Your position could not be found; try again or use the signboard code.');
      },
      { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 });
  });
})();
