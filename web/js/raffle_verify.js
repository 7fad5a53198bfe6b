// The verify page: fetches the draw's published record and entry list, puts them in the
// form, and on "re-run" hands them to the WASM core, which draws again and renders the
// comparison. Change an input and the core shows where the result departs.
'use strict';

(async function main() {
  const form = document.getElementById('verify-form');
  const result = document.getElementById('verify-result');
  if (!form || !result) return;
  const lang = document.documentElement.lang.startsWith('en') ? 'en' : 'zh-TW';
  const get = async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
    return response.text();
  };
  try {
    const [core, recordText] = await Promise.all([BeitaiCore(), get(form.dataset.api)]);
    const record = JSON.parse(recordText);
    if (record.status !== 'drawn') {
      result.textContent = form.dataset.notDrawn;
      return;
    }
    form.elements.seed.value = record.seed_value;
    form.elements.entries.value = await get(record.entries_url);
    const run = () => {
      // A textarea may turn line ends into CRLF or drop the last one; the list is LF-ended.
      let entries = form.elements.entries.value.replace(/\r\n/g, '\n');
      if (entries && !entries.endsWith('\n')) entries += '\n';
      result.innerHTML = core.verifyDraw(entries, form.elements.seed.value, recordText, Number(form.dataset.slots), lang);
    };
    form.addEventListener('submit', (event) => { event.preventDefault(); run(); });
    run();
  } catch (err) {
    result.textContent = form.dataset.loadFailed + err.message;
  }
})();
