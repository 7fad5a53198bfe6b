// `beitai import`: official files in, our content form out, every record reported; and
// the result is content that `beitai check` and `serve` accept in place of the sample.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, runBeitai } from '../support/server.mjs';

test('TDX cycling routes import, with refusals reported by record', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'beitai-import-'));
  try {
    const tdx = [
      { RouteName: '基隆河右岸自行車道', City: '台北市', RoadSectionStart: '大直', RoadSectionEnd: 'NULL', CyclingLength: 1500,
        FinishedTime: '1021231', Geometry: 'MULTILINESTRING((121.54 25.08,121.55 25.081,121.56 25.082))' },
      { RouteName: '壞資料', City: '新北市', Geometry: 'MULTILINESTRING((121.40 24.95,' },
    ];
    writeFileSync(path.join(dir, 'tdx.json'), JSON.stringify(tdx));
    const out = path.join(dir, 'routes.geojson');
    const r = runBeitai(['import', 'routes', path.join(dir, 'tdx.json'), '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /tdx\.json: taken 1, refused 1/);
    assert.match(r.stderr, /refused record 1 \(壞資料\): Geometry: at character/);
    const collection = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(collection.sample, false);
    assert.equal(collection.features.length, 1);
    assert.equal(collection.features[0].properties.county, 'Taipei');
    assert.equal(collection.features[0].properties.name, '基隆河右岸自行車道（大直－）');

    // The imported file replaces the sample and the content still checks.
    cpSync(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
    cpSync(out, path.join(dir, 'content/maps/routes.geojson'));
    const check = runBeitai(['check', path.join(dir, 'content')]);
    assert.equal(check.status, 0, check.stderr);
    assert.match(check.stdout, /, 1 route segments$/m);
    assert.doesNotMatch(check.stdout, /route segments \(sample\)/);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('certified sites import: placed rows taken, the rest refused with the reason; nothing taken exits 1', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'beitai-import-'));
  try {
    writeFileSync(path.join(dir, 'sites.csv'),
      'org_name,address,license_no,lat,lon\n臺北自來水園區,台北市中正區思源街1號,EC-1,25.0110,121.5290\n東眼山自然教育中心,桃園市復興區,EC-2,,\n');
    const r = runBeitai(['import', 'sites', path.join(dir, 'sites.csv')]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /taken 1, refused 1/);
    assert.match(r.stderr, /refused record 3 \(東眼山自然教育中心\): cannot place/);
    const json = JSON.parse(r.stdout);
    assert.equal(json.sample, false);
    assert.equal(json.sites[0].county, 'Taipei');

    writeFileSync(path.join(dir, 'none.csv'), 'org_name,address\n高美濕地,臺中市清水區\n');
    const none = runBeitai(['import', 'sites', path.join(dir, 'none.csv')]);
    assert.equal(none.status, 1);
    assert.match(none.stderr, /taken 0, refused 1/);
    const bad = runBeitai(['import', 'sites', path.join(dir, 'missing.csv')]);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /cannot read/);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
