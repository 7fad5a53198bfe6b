// axe-core (npm, devDependency) run inside a page as it is served, CSP included: the source
// goes in through the DevTools protocol (page.evaluate), which the page's Content Security
// Policy does not govern, so the test checks the page people get, not a relaxed copy.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './server.mjs';

const AXE_SOURCE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

// The WCAG 2.x A and AA rules' violations on the page now, each as one line naming the rule,
// its impact and the first elements it found: [] when there are none.
export async function axeViolations(page, { exclude = [] } = {}) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (excluded) => {
    const context = excluded.length ? { exclude: excluded.map((s) => [s]) } : document;
    const result = await window.axe.run(context, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, exclude);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}
