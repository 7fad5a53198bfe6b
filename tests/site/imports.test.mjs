// `beitai import`: what the agencies publish in, our content form out, every record reported
// with the counts — run from another directory than the repository's, as a county's staff
// would. The files are tests/fixtures/imports/ (hand-made from the published field lists).
// The geocoder is a tiny server on loopback, never the internet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BEITAI, ROOT, runBeitai, startServer } from '../support/server.mjs';

const FIXTURES = path.join(ROOT, 'tests/fixtures/imports');

// `beitai import …` with the working directory elsewhere (a fresh temporary folder).
function importFrom(dir, args, env = {}) {
  return runBeitai(['import', ...args], { cwd: dir, env: { ...process.env, ...env } });
}

// The same without blocking this process: the geocoder below answers from its event loop.
function importFromAsync(dir, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(BEITAI, ['import', ...args], { cwd: dir, env: { ...process.env, ...env } });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function withDir(fn) {
  const dir = mkdtempSync(path.join(tmpdir(), 'beitai-import-'));
  return Promise.resolve(fn(dir)).finally(() => rmSync(dir, { recursive: true, force: true }));
}

// A geocoder on a loopback port: answers(url) → [status, body]; {url, asked, close()}.
async function geocoder(answers) {
  const asked = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    asked.push(url);
    const [status, body] = answers(url);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, asked, close: () => new Promise((r) => server.close(r)) };
}

test('routes: each published form imported from another directory, with its counts', () => withDir((dir) => {
  const cases = [
    ['tdx-cycling-shape.json', [], 'TDX Cycling Shape JSON', 2, 2, 3],
    ['tdx-cycling-shape.xml', [], 'TDX Cycling Shape XML', 2, 1, 3],
    ['county-bike-paths.geojson', [], 'GeoJSON', 2, 2, 3],  // the county from the basemap's areas
    ['county-bike-paths.geojson', ['--county', '桃園市'], 'GeoJSON', 3, 1, 4],
    ['routes.kml', [], 'KML', 2, 2, 3],
  ];
  for (const [file, extra, format, taken, refused, lines] of cases) {
    const out = path.join(dir, 'routes.geojson');
    const r = importFrom(dir, ['routes', path.join(FIXTURES, file), '--out', out, ...extra]);
    assert.equal(r.status, 0, `${file}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`read as ${format},`));
    assert.match(r.stderr, new RegExp(`${file}: taken ${taken}, refused ${refused}\\n`));
    const collection = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(collection.sample, false);
    assert.equal(collection.features.length, lines, file);
  }
  const geojson = importFrom(dir, ['routes', path.join(FIXTURES, 'county-bike-paths.geojson')]);
  assert.match(geojson.stderr, /took record 0 \(大溪河濱自行車道\): Taoyuan \(from the basemap: its first point lies in 桃園市\)/);
  assert.match(geojson.stderr, /refused record 2 \(規劃中路段\): geometry: null/);
  const kml = importFrom(dir, ['routes', path.join(FIXTURES, 'routes.kml')]);
  assert.match(kml.stderr, /took record 1 \(基隆河谷自行車道\): Keelung \(from the basemap/);
  const tdx = importFrom(dir, ['routes', path.join(FIXTURES, 'tdx-cycling-shape.json')]);
  assert.match(tdx.stderr, /refused record 2 \(座標為TWD97的路線\): Geometry: .*TWD97 metres/);

  // The imported file replaces the sample and the content still checks.
  const out = path.join(dir, 'routes.geojson');
  assert.equal(importFrom(dir, ['routes', path.join(FIXTURES, 'tdx-cycling-shape.xml'), '--out', out]).status, 0);
  cpSync(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
  cpSync(out, path.join(dir, 'content/maps/routes.geojson'));
  const check = runBeitai(['check', path.join(dir, 'content')]);
  assert.equal(check.status, 0, check.stderr);
  assert.match(check.stdout, /, 3 route segments$/m);

  // The counties' layers one file at a time: --merge replaces the imported counties' routes in
  // --out and keeps the others'; importing a county again does not double it.
  const merged = path.join(dir, 'merged.geojson');
  const countiesOf = () => JSON.parse(readFileSync(merged, 'utf8')).features.map((f) => f.properties.county).sort();
  assert.equal(importFrom(dir, ['routes', path.join(FIXTURES, 'tdx-cycling-shape.json'), '--out', merged]).status, 0);
  const first = countiesOf();
  let r = importFrom(dir, ['routes', path.join(FIXTURES, 'county-bike-paths.geojson'), '--county', '桃園市', '--out', merged, '--merge', 'yes']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, new RegExp(`merged\\.geojson: ${first.length} route\\(s\\) of other counties kept, 0 of the imported counties replaced`));
  const both = countiesOf();
  assert.equal(both.length, first.length + 4);
  r = importFrom(dir, ['routes', path.join(FIXTURES, 'tdx-cycling-shape.json'), '--out', merged, '--merge', 'yes']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(countiesOf(), both);
  // Never mixed into sample routes; --merge needs the file it merges into.
  const sample = path.join(dir, 'sample.geojson');
  cpSync(path.join(ROOT, 'content/maps/routes.geojson'), sample);
  r = importFrom(dir, ['routes', path.join(FIXTURES, 'routes.kml'), '--out', sample, '--merge', 'yes']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /sample data/);
  assert.equal(readFileSync(sample, 'utf8'), readFileSync(path.join(ROOT, 'content/maps/routes.geojson'), 'utf8'));
  assert.equal(importFrom(dir, ['routes', path.join(FIXTURES, 'routes.kml'), '--merge', 'yes']).status, 2);

  // Mistakes said: a county not of the eight, an option of the other importer, no file.
  assert.equal(importFrom(dir, ['routes', path.join(FIXTURES, 'routes.kml'), '--county', 'Tainan']).status, 2);
  assert.equal(importFrom(dir, ['routes', path.join(FIXTURES, 'routes.kml'), '--geocoder', 'x.json']).status, 2);
  const missing = importFrom(dir, ['routes', 'missing.json']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /cannot read missing\.json/);
}));

test('sites: the certified list as JSON and as CSV (both field sets), from another directory, with its counts', () => withDir((dir) => {
  const cases = [
    ['certified-sites.json', 'JSON', 'taken 5 \\(positions: 0 from the file, 0 from the positions file, 0 from the geocoder, 5 none, listed without a marker; 1 certificate\\(s\\) expired\\), refused 3'],
    ['certified-sites.csv', 'CSV', 'taken 2 \\(positions: 0 from the file, 0 from the positions file, 0 from the geocoder, 2 none, listed without a marker; 1 certificate\\(s\\) expired\\), refused 1'],
    ['certified-sites-zh.csv', 'CSV', 'taken 2 \\(positions: 1 from the file, 0 from the positions file, 0 from the geocoder, 1 none, listed without a marker; 0 certificate\\(s\\) expired\\), refused 1'],
  ];
  for (const [file, format, counts] of cases) {
    const out = path.join(dir, 'sites.json');
    const r = importFrom(dir, ['sites', path.join(FIXTURES, file), '--out', out]);
    assert.equal(r.status, 0, `${file}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`read as ${format},`));
    assert.match(r.stderr, new RegExp(`${file}: ${counts}\\n`));
    const json = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(json.sample, false);
    // Nothing of the applicant (made-up here) is carried over.
    assert.doesNotMatch(JSON.stringify(json), /測試用|0000000/);
  }
  const json = importFrom(dir, ['sites', path.join(FIXTURES, 'certified-sites.json')]);
  assert.match(json.stderr, /took record 1 \(翡翠水庫環境學習中心\): NewTaipei; no position: listed without a marker/);
  assert.match(json.stderr, /took record 2 \(石門水庫\): Taoyuan; .*certificate expired on 2015-12-31/);
  const sites = JSON.parse(json.stdout).sites;
  assert.equal(sites[2].certificate_expired, true);
  assert.equal(sites[0].lat, undefined);

  // A positions file keyed by licence number gives the one it knows.
  const withPositions = importFrom(dir, ['sites', path.join(FIXTURES, 'certified-sites.json'),
    '--positions', path.join(FIXTURES, 'site_positions.json')]);
  assert.equal(withPositions.status, 0, withPositions.stderr);
  assert.match(withPositions.stderr, /1 from the positions file, 0 from the geocoder, 4 none/);
  assert.match(withPositions.stderr, /took record 1 \(翡翠水庫環境學習中心\): NewTaipei; position from the positions file/);
  assert.equal(JSON.parse(withPositions.stdout).sites[1].lat, 24.91);

  const none = path.join(dir, 'none.csv');
  writeFileSync(none, 'org_name,address\n高美濕地,臺中市清水區\n');
  const r = importFrom(dir, ['sites', none]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /taken 0 .*refused 1/);
}));

test('sites: positions from a Nominatim-compatible geocoder, a wrong county refused, not found said', () => withDir(async (dir) => {
  const service = await geocoder((url) => {
    assert.equal(url.pathname, '/search');
    assert.equal(url.searchParams.get('format'), 'json');
    const q = url.searchParams.get('q');
    if (q === '臺北市北投區關渡路55號') return [200, JSON.stringify([{ lat: '25.1170', lon: '121.4720', display_name: 'x' }])];
    if (q === '桃園縣大溪鎮測試路1號') return [200, JSON.stringify([{ lat: '25.0375', lon: '121.5637' }])];  // in Taipei: wrong
    if (q === '宜蘭縣羅東鎮測試路1號') return [503, 'busy'];
    return [200, '[]'];
  });
  try {
    const config = path.join(dir, 'geocoder.json');
    writeFileSync(config, JSON.stringify({ service: 'nominatim', url: service.url, min_interval_ms: 0, user_agent: 'beitai-test' }));
    const r = await importFromAsync(dir, ['sites', path.join(FIXTURES, 'certified-sites.json'), '--geocoder', config,
      '--positions', path.join(FIXTURES, 'site_positions.json')]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /4 geocoder request\(s\)/);  // the one the positions file placed is not asked
    assert.match(r.stderr, /taken 5 \(positions: 0 from the file, 1 from the positions file, 1 from the geocoder, 3 none/);
    assert.match(r.stderr, /took record 0 \(臺北市關渡自然公園\): Taipei; position from the geocoder/);
    assert.match(r.stderr, /took record 2 \(石門水庫\): .*geocoder: the geocoder's position lies in 台北市, not in the address's county/);
    assert.match(r.stderr, /took record 3 \(羅東自然教育中心\): .*geocoder: HTTP 503/);
    assert.match(r.stderr, /took record 7 \(野柳地質公園\): .*geocoder: not found/);
    assert.equal(service.asked.length, 4);
    const sites = JSON.parse(r.stdout).sites;
    assert.equal(sites[0].lat, 25.117);
    assert.equal(sites[2].lat, undefined);
  } finally { await service.close(); }
}));

test('sites: a TGOS-style geocoder with its keys from the environment; a key not set stops the import', () => withDir(async (dir) => {
  const service = await geocoder((url) => {
    if (url.searchParams.get('oAPPId') !== 'test-app') return [200, '<string>{"AddressList":[]}</string>'];
    assert.equal(url.searchParams.get('oSRS'), 'EPSG:4326');
    const address = url.searchParams.get('oAddress');
    if (address === '新竹市東區測試路1號') return [200, '<?xml version="1.0"?><string xmlns="http://tempuri.org/">{"AddressList":[{"X":"120.9790","Y":"24.8010"}]}</string>'];
    if (address === '苗栗縣測試鄉測試路1號') return [200, '<string>{"AddressList":[{"X":120.82,"Y":24.56}]}</string>'];
    return [200, '<string>{"AddressList":[]}</string>'];
  });
  try {
    const config = path.join(dir, 'tgos.json');
    writeFileSync(config, JSON.stringify({ service: 'tgos', url: service.url + '/QueryAddr', params_env: { oAPPId: 'BEITAI_TEST_TGOS_APP' }, min_interval_ms: 0 }));
    const r = await importFromAsync(dir, ['sites', path.join(FIXTURES, 'certified-sites-zh.csv'), '--geocoder', config], { BEITAI_TEST_TGOS_APP: 'test-app' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /positions: 1 from the file, 0 from the positions file, 1 from the geocoder, 0 none/);
    assert.equal(service.asked.length, 1);  // the row with lat/lon columns is not asked
    const unset = await importFromAsync(dir, ['sites', path.join(FIXTURES, 'certified-sites-zh.csv'), '--geocoder', config], { BEITAI_TEST_TGOS_APP: '' });
    assert.equal(unset.status, 2);
    assert.match(unset.stderr, /params_env\.oAPPId: the environment variable BEITAI_TEST_TGOS_APP is not set/);
  } finally { await service.close(); }
}));

test('imported sites without a position: the server lists them, draws the others, and nothing breaks', () => withDir(async (dir) => {
  const r = importFrom(dir, ['sites', path.join(FIXTURES, 'certified-sites.json'), '--positions', path.join(FIXTURES, 'site_positions.json')]);
  assert.equal(r.status, 0, r.stderr);
  // Beside the sample sites (the sample campaigns name them), so the content still checks.
  cpSync(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
  const file = path.join(dir, 'content/maps/sites.json');
  const content = JSON.parse(readFileSync(file, 'utf8'));
  content.sites.push(...JSON.parse(r.stdout).sites);
  writeFileSync(file, JSON.stringify(content));
  const check = runBeitai(['check', path.join(dir, 'content')]);
  assert.equal(check.status, 0, check.stderr);
  const server = await startServer({ contentDir: path.join(dir, 'content') });
  try {
    const list = await (await fetch(server.url + '/map/sites?county=Taipei')).text();
    assert.match(list, /data-site="\(100\)環署訓證字第EC009001-02號"/);
    assert.match(list, /尚無座標，未標示於地圖上/);
    assert.match(list, /認證有效期限/);
    const svg = await fetch(server.url + '/map.svg?layers=sites');
    assert.equal(svg.status, 200);
    const api = await (await fetch(server.url + '/api/sites')).json();
    const unplaced = (api.sites ?? api).find((s) => s.id === '(100)環署訓證字第EC009001-02號');
    assert.equal(unplaced.lat, undefined);
    const page = await fetch(server.url + '/map?focus=' + encodeURIComponent(unplaced.id));
    assert.equal(page.status, 200);
  } finally { await server.stop(); }
}));
