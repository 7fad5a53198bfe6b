// The portal page's glue: fetch what the server publishes, hand it to the WASM core, put
// what the core returns into the page. No rule and no markup is made here.
'use strict';

(async function main() {
  const lang = document.documentElement.lang.startsWith('en') ? 'en' : 'zh-TW';
  const summary = document.getElementById('status-summary');
  const list = document.getElementById('county-list');
  const mapElement = document.getElementById('map');
  const errorBox = document.getElementById('core-error');

  function fail(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
    summary.setAttribute('aria-busy', 'false');
  }

  async function getText(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
    return response.text();
  }

  try {
    const [core, countiesText, proposalsText] = await Promise.all([
      BeitaiCore(), getText('/api/counties'), getText('/api/proposals'),
    ]);

    const counts = core.proposalCounts(proposalsText, lang);
    if (counts.error) return fail(counts.error);
    summary.innerHTML = counts.html;
    summary.setAttribute('aria-busy', 'false');

    const seats = core.showCountySeats(mapElement.id, countiesText, lang, mapElement.dataset.tiles || '');
    if (seats.error) return fail(seats.error);
    list.innerHTML = seats.listHtml;

    document.body.dataset.ready = 'true';
  } catch (err) {
    fail('無法載入資料 Could not load the data: ' + err.message);
  }
})();
