// A checker of the Prometheus text exposition format (version 0.0.4), strict enough to catch
// what a scraper would choke on or misread: names and labels of the allowed characters, label
// values escaped, one TYPE per family before its samples, no series twice, counters never
// negative, histograms with cumulative buckets whose +Inf bucket equals _count.
// parseExposition(text) → Map(family → {type, help, samples: [{name, labels, value}]});
// it throws an Error naming the line for anything wrong.

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

function parseValue(text, where) {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`${where}: "${text}" is not a number`);
  return Number(text);
}

// {labels, rest} from the text after a sample's name.
function parseLabels(text, where) {
  const labels = {};
  if (!text.startsWith('{')) return { labels, rest: text };
  let i = 1;
  for (;;) {
    if (text[i] === '}') return { labels, rest: text.slice(i + 1) };
    const eq = text.indexOf('=', i);
    if (eq < 0) throw new Error(`${where}: a label without "="`);
    const name = text.slice(i, eq);
    if (!LABEL.test(name)) throw new Error(`${where}: bad label name "${name}"`);
    if (name in labels) throw new Error(`${where}: label "${name}" twice`);
    if (text[eq + 1] !== '"') throw new Error(`${where}: label "${name}" value not quoted`);
    let value = '';
    let j = eq + 2;
    for (; j < text.length && text[j] !== '"'; j++) {
      if (text[j] === '\\') {
        const next = text[++j];
        if (next === '\\') value += '\\';
        else if (next === '"') value += '"';
        else if (next === 'n') value += '\n';
        else throw new Error(`${where}: bad escape "\\${next}" in label "${name}"`);
      } else if (text[j] === '\n') {
        throw new Error(`${where}: raw newline in label "${name}"`);
      } else {
        value += text[j];
      }
    }
    if (j >= text.length) throw new Error(`${where}: label "${name}" value not closed`);
    labels[name] = value;
    i = j + 1;
    if (text[i] === ',') i++;
    else if (text[i] !== '}') throw new Error(`${where}: expected "," or "}" after label "${name}"`);
  }
}

// The family a sample belongs to: its own name, or for a histogram's lines the name without
// _bucket/_sum/_count.
function familyOf(name, families) {
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (name.endsWith(suffix)) {
      const base = name.slice(0, -suffix.length);
      const f = families.get(base);
      if (f && (f.type === 'histogram' || (f.type === 'summary' && suffix !== '_bucket'))) return base;
    }
  }
  return name;
}

export function parseExposition(text) {
  if (text.length && !text.endsWith('\n')) throw new Error('the exposition does not end with a newline');
  const families = new Map();
  const seen = new Set();
  const lines = text.split('\n');
  lines.pop();
  lines.forEach((line, index) => {
    const where = `line ${index + 1} ("${line.slice(0, 80)}")`;
    if (line === '') return;
    if (line.startsWith('#')) {
      const m = line.match(/^# (HELP|TYPE) (\S+)(?: (.*))?$/);
      if (!m) return;  // a plain comment
      const [, kind, name, rest = ''] = m;
      if (!NAME.test(name)) throw new Error(`${where}: bad metric name`);
      const f = families.get(name) || { type: 'untyped', help: '', samples: [], typed: false, helped: false };
      if (kind === 'TYPE') {
        if (f.typed) throw new Error(`${where}: a second TYPE for ${name}`);
        if (f.samples.length) throw new Error(`${where}: TYPE after samples of ${name}`);
        if (!TYPES.has(rest)) throw new Error(`${where}: unknown type "${rest}"`);
        f.type = rest;
        f.typed = true;
      } else {
        if (f.helped) throw new Error(`${where}: a second HELP for ${name}`);
        f.help = rest;
        f.helped = true;
      }
      families.set(name, f);
      return;
    }
    const m = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(.*)$/);
    if (!m) throw new Error(`${where}: not a sample`);
    const [, name, after] = m;
    const { labels, rest } = parseLabels(after, where);
    const parts = rest.trim().split(/\s+/);
    if (!rest.startsWith(' ') || parts.length < 1 || parts.length > 2) throw new Error(`${where}: expected " value [timestamp]"`);
    const value = parseValue(parts[0], where);
    const key = name + JSON.stringify(Object.entries(labels).sort());
    if (seen.has(key)) throw new Error(`${where}: the series appears twice`);
    seen.add(key);
    const family = familyOf(name, families);
    const f = families.get(family) || { type: 'untyped', help: '', samples: [], typed: false, helped: false };
    if (f.type === 'counter' && !(value >= 0)) throw new Error(`${where}: a counter below zero`);
    f.samples.push({ name, labels, value });
    families.set(family, f);
  });
  for (const [name, f] of families) if (f.type === 'histogram') checkHistogram(name, f);
  return families;
}

function checkHistogram(name, f) {
  const series = new Map();
  for (const s of f.samples) {
    const { le, ...rest } = s.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    const entry = series.get(key) || { buckets: [], sum: undefined, count: undefined };
    if (s.name === name + '_bucket') {
      if (le === undefined) throw new Error(`${name}: a bucket without "le"`);
      entry.buckets.push({ le: parseValue(le, name), value: s.value });
    } else if (s.name === name + '_sum') entry.sum = s.value;
    else if (s.name === name + '_count') entry.count = s.value;
    else throw new Error(`${name}: unexpected sample ${s.name}`);
    series.set(key, entry);
  }
  for (const [key, e] of series) {
    const where = `${name}${key}`;
    if (e.sum === undefined || e.count === undefined) throw new Error(`${where}: _sum or _count missing`);
    if (!e.buckets.length || e.buckets[e.buckets.length - 1].le !== Infinity) throw new Error(`${where}: no +Inf bucket last`);
    for (let i = 1; i < e.buckets.length; i++) {
      if (!(e.buckets[i].le > e.buckets[i - 1].le)) throw new Error(`${where}: bucket bounds not increasing`);
      if (e.buckets[i].value < e.buckets[i - 1].value) throw new Error(`${where}: buckets not cumulative`);
    }
    if (e.buckets[e.buckets.length - 1].value !== e.count) throw new Error(`${where}: the +Inf bucket is not _count`);
  }
}

// The value of one series (0 when absent): value(families, 'beitai_http_requests_total', {route: '/', status: '200'}).
export function metricValue(families, name, labels = {}) {
  for (const f of families.values())
    for (const s of f.samples)
      if (s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)) return s.value;
  return 0;
}

// Scrapes `baseUrl`/metrics and parses it (throws when refused or malformed).
export async function scrape(baseUrl, headers = {}) {
  const r = await fetch(baseUrl + '/metrics', { headers });
  if (r.status !== 200) throw new Error(`/metrics: ${r.status} ${await r.text()}`);
  return parseExposition(await r.text());
}
