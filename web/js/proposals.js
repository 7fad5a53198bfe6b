// /proposals with JavaScript on: the WASM core re-renders the results in place on every
// filter change (the same core view the server rendered), and the URL carries the filter
// state so a link reproduces the view and back/forward work. Without JavaScript the form
// submits and the server renders the same thing.
'use strict';

(async function main() {
  const form = document.getElementById('proposal-filters');
  const results = document.getElementById('proposal-results');
  if (!form || !results) return;
  const lang = document.documentElement.lang.startsWith('en') ? 'en' : 'zh-TW';

  let tracker;
  try {
    const [core, snapshot] = await Promise.all([
      BeitaiCore(),
      fetch('/api/snapshot').then((r) => { if (!r.ok) throw new Error('HTTP ' + r.status); return r.text(); }),
    ]);
    tracker = new core.ProposalTracker(snapshot);
    if (tracker.error()) throw new Error(tracker.error());
  } catch (err) {
    // The server-rendered page keeps working; filters submit the form instead.
    console.warn('tracker stays server-rendered:', err.message);
    return;
  }

  function formQuery() {
    const data = new URLSearchParams(new FormData(form));
    for (const [key, value] of [...data]) if (value === '') data.delete(key);
    return data.toString();
  }

  // Puts the core's canonical parameters back into the form (after back/forward).
  function syncForm(params) {
    const values = Object.fromEntries(params);
    for (const element of form.elements) {
      if (!element.name) continue;
      element.value = values[element.name] !== undefined ? values[element.name] : (element.name === 'sort' ? 'year' : '');
    }
  }

  function show(queryString, how) {
    const view = tracker.render(queryString, lang);
    if (view.error) { results.innerHTML = ''; const p = document.createElement('p'); p.className = 'error'; p.setAttribute('role', 'alert'); p.textContent = view.error; results.append(p); return; }
    results.innerHTML = view.html;
    const url = '/proposals' + (view.query ? '?' + view.query : '');
    if (how === 'push' && url !== location.pathname + location.search) history.pushState(null, '', url);
    if (how === 'pop') syncForm(view.params);
    document.body.dataset.rendered = String(Number(document.body.dataset.rendered || 0) + 1);
  }

  let typing;
  form.addEventListener('change', () => show(formQuery(), 'push'));
  form.addEventListener('input', (event) => {
    if (event.target.name !== 'q') return;
    clearTimeout(typing);
    typing = setTimeout(() => show(formQuery(), 'push'), 250);
  });
  form.addEventListener('submit', (event) => { event.preventDefault(); show(formQuery(), 'push'); });
  results.addEventListener('click', (event) => {
    const link = event.target.closest('.pager a');
    if (!link) return;
    event.preventDefault();
    show(new URL(link.href).search.slice(1), 'push');
    results.querySelector('h2')?.focus();
  });
  window.addEventListener('popstate', () => show(location.search.slice(1), 'pop'));
  document.body.dataset.tracker = 'wasm';
})();
