// Benchmark: the verify page's work in headless Chromium for a 100,000-entry draw with 32
// prizes — the browser's WASM core reads the list, hashes it (SHA-256), re-runs the draw and
// renders the comparison (render::verify_result_html through the verifyDraw binding). The
// list is generated in the page; the published record is the core's own first answer, so the
// second run compares equal. Prints figures; asserts nothing. Run after ./portal.sh test has
// built both trees: node tests/bench/raffle_verify.mjs
import { startServer } from '../support/server.mjs';
import { launchBrowser } from '../support/browser.mjs';

const ENTRIES = Number(process.env.ENTRIES || 100000);
const PRIZES = 32;
const server = await startServer({ extraArgs: ['--feeds', 'none'] });
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(server.url + '/raffle/2026-demo/draws/2026-12/verify');
  const figures = await page.evaluate(async ({ n, prizes }) => {
    const core = await BeitaiCore();
    // Sorted, unique pseudonymous ids as the server writes them: "E" + 15 hex digits.
    const ids = new Set();
    let x = 0x2545f491;
    while (ids.size < n) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const y = (Math.imul(x ^ 0x9e3779b9, 2654435761) >>> 0);
      ids.add('E' + (x.toString(16).padStart(8, '0') + y.toString(16).padStart(8, '0')).slice(0, 15));
    }
    const list = [...ids].sort().join('\n') + '\n';
    const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(list)))]
      .map((b) => b.toString(16).padStart(2, '0')).join('');
    const record = (winners) => JSON.stringify({ campaign: 'bench', draw: 'bench', status: 'drawn', entries_sha256: digest,
      entries_url: '/x', seed_source: 'bench', seed_value: '01 02 03 04 05 06 07', frozen_at: null, drawn_at: null, winners });
    const placeholder = Array.from({ length: prizes }, (_, slot) => ({ entry: 'E-', slot, prize: 'p', name_masked: '○' }));
    let t0 = performance.now();
    const first = core.verifyDraw(list, '01 02 03 04 05 06 07', record(placeholder), prizes, 'zh-TW');
    const firstMs = performance.now() - t0;
    const div = document.createElement('div');
    div.innerHTML = first;
    const recomputed = [...div.querySelectorAll('tbody tr')].map((tr) => tr.children[2].textContent);
    const published = recomputed.map((entry, slot) => ({ entry, slot, prize: 'p', name_masked: '○' }));
    t0 = performance.now();
    const second = core.verifyDraw(list, '01 02 03 04 05 06 07', record(published), prizes, 'zh-TW');
    const secondMs = performance.now() - t0;
    const same = /data-same="yes"/.test(second);
    return { listBytes: list.length, firstMs, secondMs, same, winners: recomputed.length };
  }, { n: ENTRIES, prizes: PRIZES });
  console.log(`verify in Chromium (WASM): ${ENTRIES} entries (${(figures.listBytes / 1e6).toFixed(2)} MB list), ${figures.winners} prizes`);
  console.log(`  read + SHA-256 + draw + compare + render: ${figures.firstMs.toFixed(1)} ms (first run), ${figures.secondMs.toFixed(1)} ms (again); same winners: ${figures.same}`);
} finally {
  await browser.close();
  await server.stop();
}
