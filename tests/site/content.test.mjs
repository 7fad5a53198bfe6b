// `beitai check` and `beitai serve` against broken content: a clear message naming the
// file, the JSON path and the reason, and a non-zero exit; and the store across restarts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { runBeitai, startServer, ROOT } from '../support/server.mjs';

function brokenCopy(edit) {
  const dir = mkdtempSync(path.join(tmpdir(), 'beitai-content-'));
  cpSync(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
  edit(path.join(dir, 'content'));
  return dir;
}

function editJson(file, change) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  change(data);
  writeFileSync(file, JSON.stringify(data, null, 2));
}

test('check passes on the repository content and states the totals', () => {
  const r = runBeitai(['check', 'content/']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /111: 13 items, 1 open, 12 closed/);
  assert.match(r.stdout, /112: 42 items/);
});

test('check names the file, JSON path and reason of each problem', () => {
  const dir = brokenCopy((c) => {
    editJson(path.join(c, 'proposals/112.json'), (items) => { items[17].status = 'done'; items[3].year = '112'; });
    editJson(path.join(c, 'counties.json'), (counties) => { counties[0].seat.lat = 'north'; });
  });
  try {
    const r = runBeitai(['check', 'content/'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^content\/counties\.json: \[0\]\.seat\.lat: expected a number, found a string$/m);
    assert.match(r.stderr, /^content\/proposals\/112\.json: \[17\]\.status: expected "open" or "closed"$/m);
    assert.match(r.stderr, /^content\/proposals\/112\.json: \[3\]\.year: expected an integer, found a string$/m);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('check holds content to the one rule for text: the file, the field and the character named', () => {
  const dir = brokenCopy((c) => {
    editJson(path.join(c, 'maps/sites.json'), (sites) => { sites.sites[0].name += '\u0000'; });
    editJson(path.join(c, 'proposals/111.json'), (items) => { items[2].title += '\ufffe'; });
  });
  try {
    const r = runBeitai(['check', 'content/'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^content\/maps\/sites\.json: sites\[0\]\.name: .*U\+0000/m);
    assert.match(r.stderr, /^content\/proposals\/111\.json: \[2\]\.title: .*U\+FFFE/m);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('check reports a JSON syntax error with its line', () => {
  const dir = brokenCopy((c) => {
    const file = path.join(c, 'groups.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"name_en": "Transportation"', '"name_en": "Transportation",,'));
  });
  try {
    const r = runBeitai(['check', 'content/'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^content\/groups\.json: line \d+, column \d+: invalid JSON/m);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('serve refuses to start on broken content, with the same message', async () => {
  const dir = brokenCopy((c) => editJson(path.join(c, 'proposals/111.json'), (items) => { items[0].county = 'Tainan'; }));
  try {
    const r = runBeitai(['serve', '--port', '0', '--content', path.join(dir, 'content'), '--db', path.join(dir, 'db.sqlite')]);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /111\.json: \[111-01\] county: unknown county id "Tainan"/);
    assert.match(r.stderr, /not serving/);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('serve rejects a bad port', () => {
  const r = runBeitai(['serve', '--port', 'eighty']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--port: expected a number/);
});

test('the store is filled once and read back after a restart', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'beitai-store-'));
  const db = path.join(dir, 'beitai.sqlite');
  try {
    const first = await startServer({ dbPath: db });
    assert.match(first.output(), /filled from content/);
    const before = await (await fetch(first.url + '/api/proposals/112-14')).json();
    await first.stop();
    const second = await startServer({ dbPath: db });
    assert.doesNotMatch(second.output(), /filled from/);
    const after = await (await fetch(second.url + '/api/proposals/112-14')).json();
    assert.deepEqual(after, before);
    assert.equal((await (await fetch(second.url + '/api/proposals')).json()).total, 55);
    await second.stop();
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('the PORT environment variable chooses the port when --port is absent', async () => {
  const port = await new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'beitai-port-'));
  const { spawn } = await import('node:child_process');
  const child = spawn(path.join(ROOT, 'build/native/site/beitai'), ['serve', '--db', path.join(dir, 'db.sqlite')],
    { cwd: ROOT, env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const line = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => { out += d; if (/listening on/.test(out)) resolve(out); });
      child.on('exit', (code) => reject(new Error('exited ' + code)));
    });
    assert.match(line, new RegExp(`listening on http://127\\.0\\.0\\.1:${port}/`));
    assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a damaged store row stops the server with a message naming the row, not a crash', async () => {
  const { spawnSync } = await import('node:child_process');
  const dir = mkdtempSync(path.join(tmpdir(), 'beitai-damaged-'));
  const db = path.join(dir, 'beitai.sqlite');
  try {
    const first = await startServer({ dbPath: db });
    await first.stop();
    const damage = spawnSync('sqlite3', [db, "UPDATE proposals SET doc = '{\"id\": 7' WHERE id = '112-03';" +
      "UPDATE proposals SET doc = json_set(doc, '$.status', 'lost') WHERE id = '111-02';"], { encoding: 'utf8' });
    assert.equal(damage.status, 0, damage.stderr);
    const r = runBeitai(['serve', '--port', '0', '--db', db]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /proposals\[112-03\]: stored document is not JSON/);
    assert.match(r.stderr, /proposals\[111-02\]\.status: expected "open" or "closed"/);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
