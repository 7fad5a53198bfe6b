// `./portal.sh kiosk`: the lobby's Chromium opened full screen on the kiosk page of the
// portal running here (or the one --url names), with the lobby flags; refused, with a reason,
// when no portal answers or the address is not http(s). A stand-in for Chromium records
// what it was started with.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, startServer } from '../support/server.mjs';

let server, dir, fake;
before(async () => {
  server = await startServer();
  dir = mkdtempSync(path.join(tmpdir(), 'beitai-kiosk-'));
  fake = path.join(dir, 'chromium');
  writeFileSync(fake, `#!/bin/sh\nprintf '%s\\n' "$@" > "${dir}/args"\n`);
  chmodSync(fake, 0o755);
});
after(async () => { await server?.stop(); rmSync(dir, { recursive: true, force: true }); });

const kiosk = (args, env = {}) => spawnSync('bash', [path.join(ROOT, 'portal.sh'), 'kiosk', ...args], {
  encoding: 'utf8', env: { ...process.env, CHROMIUM: fake, KIOSK_PROFILE: path.join(dir, 'profile'), ...env },
});

test('opens this machine\'s kiosk page full screen with the lobby flags', () => {
  const port = new URL(server.url).port;
  const r = kiosk([], { PORT: port });
  assert.equal(r.status, 0, r.stderr);
  const args = readFileSync(path.join(dir, 'args'), 'utf8').trim().split('\n');
  assert.equal(args.at(-1), `http://127.0.0.1:${port}/kiosk`);
  for (const flag of ['--kiosk', '--noerrdialogs', '--disable-session-crashed-bubble', '--disable-infobars', '--disable-translate',
    '--no-first-run', '--overscroll-history-navigation=0', '--disable-pinch', `--user-data-dir=${path.join(dir, 'profile')}`])
    assert.ok(args.includes(flag), flag);
});

test('opens the address given, the kiosk settings in it', () => {
  const url = 'https://portal.example/kiosk?county=Taipei&lang=en&orientation=portrait';
  const r = kiosk(['--url', url]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(path.join(dir, 'args'), 'utf8').trim().split('\n').at(-1), url);
});

test('refuses, saying why, when no portal answers or the address is not a web address', () => {
  const down = kiosk([], { PORT: '1' });
  assert.equal(down.status, 1);
  assert.match(down.stderr, /no portal answers on port 1; start it with \.\/portal\.sh serve, or give --url/);
  const ftp = kiosk(['--url', 'ftp://portal.example/kiosk']);
  assert.equal(ftp.status, 2);
  assert.match(ftp.stderr, /--url must be an http\(s\) address/);
  const odd = kiosk(['--fullscreen']);
  assert.equal(odd.status, 2);
  assert.match(odd.stderr, /unknown option --fullscreen/);
});
