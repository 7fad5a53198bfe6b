// /proposals with JavaScript on. The list the server sent is the page: nothing more is
// fetched until the visitor first changes a filter. Then the WASM core (named in
// <meta name="script:/wasm/beitai_core.js">) and the snapshot it filters are loaded once, and
// from there on every filter change is rendered in place by the core, with the same core views
// the server uses; the URL carries the filter state so a link reproduces the view and
// back/forward work. Without JavaScript — or if the core cannot load — the form submits and
// the server renders the same thing.
'use strict';

(function main() {
  const form = document.getElementById('proposal-filters');
  const results = document.getElementById('proposal-results');
  if (!form || !results) return;
  const lang = document.documentElement.lang.startsWith('en') ? 'en' : 'zh-TW';
  const CORE = '/wasm/beitai_core.js';

  // The core's script, appended once; resolves when BeitaiCore is defined.
  function loadScript(url) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.onload = resolve;
      script.onerror = () => reject(new Error('cannot load ' + url));
      document.head.append(script);
    });
  }

  let loading = null;  // the tracker, once asked for
  function tracker() {
    if (!loading) {
      const url = document.querySelector(`meta[name="script:${CORE}"]`)?.content || CORE;
      results.setAttribute('aria-busy', 'true');
      loading = Promise.all([
        loadScript(url).then(() => BeitaiCore()),
        fetch('/api/snapshot').then((r) => { if (!r.ok) throw new Error('HTTP ' + r.status); return r.text(); }),
      ]).then(([core, snapshot]) => {
        const t = new core.ProposalTracker(snapshot);
        if (t.error()) throw new Error(t.error());
        document.body.dataset.tracker = 'wasm';
        return t;
      }).finally(() => results.removeAttribute('aria-busy'));
    }
    return loading;
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

  // The latest request wins: a slow first load must not draw over a later choice.
  let asked = 0;
  async function show(queryString, how) {
    const mine = ++asked;
    let t;
    try {
      t = await tracker();
    } catch (err) {
      // The server renders it instead, as without JavaScript.
      console.warn('tracker stays server-rendered:', err.message);
      if (how !== 'pop') location.assign('/proposals' + (queryString ? '?' + queryString : ''));
      else location.reload();
      return;
    }
    if (mine !== asked) return;
    const view = t.render(queryString, lang);
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
    show(new URL(link.href).search.slice(1), 'push').then(() => results.querySelector('h2')?.focus());
  });
  // Back/forward within what the core drew; before the core was needed, the history entries
  // are the server's pages and the browser loads them itself.
  window.addEventListener('popstate', () => { if (loading) show(location.search.slice(1), 'pop'); });
  document.body.dataset.tracker = 'server';
})();
