// Starts the real `beitai` binary for a test: a fresh store (a SQLite file in a temporary
// folder, or a fresh PostgreSQL database on the test server portal.sh starts), a free
// loopback port, and a stop() that ends it. Tests talk to it over real HTTP.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export const ROOT = process.env.BEITAI_ROOT || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const BEITAI = path.join(ROOT, 'build/native/site/beitai');
// The feed simulator, a program of its own (site/simulator/): never part of the server.
export const FEED_SIMULATOR = path.join(ROOT, 'build/native/site/simulator/beitai-feed-simulator');

// The stores every server test runs against: SQLite always, PostgreSQL when portal.sh
// started one (it always does; a run without it says so in the test names).
export function stores() {
  return process.env.BEITAI_PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

// Runs `beitai ARGS…` to completion: {status, stdout, stderr}.
export function runBeitai(args, options = {}) {
  return runProgram(BEITAI, args, options);
}

// Runs `beitai-feed-simulator ARGS…` to completion (for its refusals of bad options).
export function runFeedSimulator(args, options = {}) {
  return runProgram(FEED_SIMULATOR, args, options);
}

function runProgram(program, args, options) {
  const r = spawnSync(program, args, { cwd: ROOT, encoding: 'utf8', timeout: 60000, ...options });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// A new empty PostgreSQL database; returns its URL.
export function freshPostgresDatabase() {
  const admin = process.env.BEITAI_PG_URL;
  if (!admin) throw new Error('BEITAI_PG_URL is not set (portal.sh test starts PostgreSQL)');
  const name = 'beitai_test_' + randomBytes(6).toString('hex');
  const r = spawnSync('psql', [admin, '-v', 'ON_ERROR_STOP=1', '-qc', `CREATE DATABASE ${name}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('cannot create a test database: ' + r.stderr);
  return admin.replace(/\/[^/]*$/, '/' + name);
}

// A statement run on the store by its own command-line client, not through the server.
export function storeShell(kind, location, sql) {
  const r = kind === 'postgres'
    ? spawnSync('psql', [location, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], { encoding: 'utf8' })
    : spawnSync('sqlite3', [location, sql], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// A store location for `kind` ("sqlite" or "postgres") and a cleanup.
export function freshStore(kind = 'sqlite') {
  if (kind === 'postgres') {
    const url = freshPostgresDatabase();
    return {
      location: url,
      cleanup() {
        const name = url.slice(url.lastIndexOf('/') + 1);
        spawnSync('psql', [process.env.BEITAI_PG_URL, '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
      },
    };
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'beitai-test-'));
  return { location: path.join(tmp, 'beitai.sqlite'), cleanup() { rmSync(tmp, { recursive: true, force: true }); } };
}

// `beitai user add` with the password on standard input.
export function addAccount(store, { name, password, role = 'editor', county = '', agency }) {
  const args = ['user', 'add', '--name', name, '--role', role, '--agency', agency, '--db', store];
  if (county) args.push('--county', county);
  const r = runBeitai(args, { input: password + '\n' });
  if (r.status !== 0) throw new Error(`user add ${name} failed: ${r.stderr}`);
  return r;
}

// Runs `program ARGS…` (a command that prints "listening on URL") until stopped:
// {url, output(), errors(), stop()}. `what` names it in errors.
async function spawnListening(program, args, what, env = {}) {
  const child = spawn(program, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${stderr}`)), 20000);
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = stdout.match(/listening on (http:\/\/[^\s]+?)\/?\s/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${what} exited with ${code}: ${stderr}`)); });
  });
  return {
    url,
    pid: child.pid,
    output: () => stdout,
    errors: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

// A server on a fresh store. Unless `extraArgs` says which --feeds to poll, it polls the
// sample feeds of a feed simulator started for it (as `./portal.sh serve` does), stopped
// with it.
// halt() ends the server's process alone (its store and simulator stay), as a server that
// went away; restart() starts it again with the same arguments on the same port, so that
// pages and clients that knew its address find it back there.
export async function startServer({ contentDir = 'content', dbPath, store = 'sqlite', extraArgs = [], env = {} } = {}) {
  const own = dbPath ? null : freshStore(store);
  const db = dbPath || own.location;
  let simulator = null;
  let server;
  let args;
  try {
    let feeds = [];
    if (!extraArgs.includes('--feeds')) {
      simulator = await startFeedSimulator({ contentDir, args: ['--threads', '1'] });
      feeds = ['--feeds', simulator.url];
    }
    args = ['--content', contentDir, '--db', db, ...feeds, ...extraArgs];
    server = await spawnListening(BEITAI, ['serve', '--port', '0', ...args], 'server', env);
  } catch (e) {
    await simulator?.stop();
    own?.cleanup();
    throw e;
  }
  const url = server.url;
  return {
    url,
    get pid() { return server.pid; },
    output: () => server.output(),
    errors: () => server.errors(),
    db,
    simulator,
    async halt() { await server.stop(); },
    async restart() {
      await server.stop();
      server = await spawnListening(BEITAI, ['serve', '--port', new URL(url).port, ...args], 'server (restarted)', env);
      if (server.url !== url) throw new Error(`the server came back on ${server.url}, not ${url}`);
    },
    async stop() {
      await server.stop();
      await simulator?.stop();
      own?.cleanup();
    },
  };
}

// A signed-in staff client over the JSON API: keeps the session cookie and CSRF token.
export async function staffClient(baseUrl, name, password) {
  const r = await fetch(baseUrl + '/api/staff/sign-in', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }),
  });
  if (r.status !== 200) throw new Error(`sign-in ${name}: ${r.status} ${await r.text()}`);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  const { csrf } = await r.json();
  return {
    cookie,
    csrf,
    async post(pathname, body, { withCsrf = true, headers = {} } = {}) {
      const res = await fetch(baseUrl + pathname, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...(withCsrf ? { 'x-csrf-token': csrf } : {}), ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let json;
      try { json = JSON.parse(text); } catch { /* not JSON */ }
      return { status: res.status, json, text, headers: res.headers };
    },
    async get(pathname) {
      const res = await fetch(baseUrl + pathname, { headers: { cookie } });
      const text = await res.text();
      let json;
      try { json = JSON.parse(text); } catch { /* not JSON */ }
      return { status: res.status, json, text };
    },
  };
}

// Starts `beitai-feed-simulator` (TDX-shaped parking feeds of the sample car parks) on a free
// loopback port: {url, pid, stop}. `args` are passed on (e.g. ['--step-seconds', '1']).
export async function startFeedSimulator({ args = [], contentDir = 'content' } = {}) {
  return spawnListening(FEED_SIMULATOR, ['--port', '0', '--content', contentDir, ...args], 'feed simulator');
}

export const PARKING_COUNTIES = ['Taipei', 'NewTaipei', 'Keelung', 'Taoyuan', 'Hsinchu', 'HsinchuCounty', 'MiaoliCounty', 'YilanCounty'];
export const XML_COUNTIES = new Set(['NewTaipei', 'Taoyuan', 'HsinchuCounty', 'YilanCounty']);


// A feeds config (site/feeds/feed_config.h) for the simulator at `simulatorUrl`: every county,
// half in XML, polled each second, with short timeouts, backoff and breaker for tests.
export function parkingFeedsConfig(simulatorUrl, extra = {}) {
  return {
    base_url: simulatorUrl,
    defaults: { interval_s: 1, car_parks_interval_s: 30, connect_timeout_ms: 1000, timeout_ms: 2000,
      max_body_bytes: 2 * 1024 * 1024, stale_after_s: 4, sample: true },
    backoff: { initial_s: 0.3, factor: 1.6, max_s: 1.5, jitter: 0.2 },
    breaker: { failures_to_open: 4, open_s: 3 },
    counties: PARKING_COUNTIES.map((county) => ({ county, format: XML_COUNTIES.has(county) ? 'xml' : 'json',
      ...(county === 'MiaoliCounty' ? { live: false } : {}) })),
    ...extra,
  };
}

// The feeds config entries for Taipei and Yilan read from the simulator's imitations of the
// counties' own open data (format "taipei": TCMSV's pair; "yilan": one document).
export function countyOwnFeeds(simulatorUrl) {
  return {
    Taipei: { county: 'Taipei', format: 'taipei', car_parks_url: simulatorUrl + '/blobtcmsv/TCMSV_alldesc.json',
      availability_url: simulatorUrl + '/blobtcmsv/TCMSV_allavailable.json' },
    YilanCounty: { county: 'YilanCounty', format: 'yilan', availability_url: simulatorUrl + '/yilan/parking' },
  };
}

// The feed simulator and a server polling it through a config file.
// `tokenUrl(simulatorUrl)`, when given, fills in extra.auth.token_url (the simulator's port is
// known only once it runs); `extra` may be a function of the simulator's URL too.
export async function startParkingServer({ simulatorArgs = ['--step-seconds', '1'], extra = {}, serverOptions = {}, tokenUrl } = {}) {
  const simulator = await startFeedSimulator({ args: simulatorArgs });
  if (typeof extra === 'function') extra = extra(simulator.url);
  if (tokenUrl) extra = { ...extra, auth: { ...extra.auth, token_url: tokenUrl(simulator.url) } };
  const dir = mkdtempSync(path.join(tmpdir(), 'beitai-feeds-'));
  const file = path.join(dir, 'feeds.json');
  writeFileSync(file, JSON.stringify(parkingFeedsConfig(simulator.url, extra)));
  const server = await startServer({ ...serverOptions, extraArgs: ['--feeds', file, ...(serverOptions.extraArgs || [])] });
  const stop = server.stop;
  server.stop = async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return { simulator, server };
}

// What a parking test asks of a server polling a feed simulator and of the simulator, read
// through `running()` at each call (they start in before()): get(path) → {status, body},
// feeds(), feed(county), control(path) (a simulator control POST, which must answer 200).
export function parkingCalls(running) {
  const get = async (p) => {
    const r = await fetch(running().server.url + p);
    return { status: r.status, body: await r.json() };
  };
  const feeds = async () => (await get('/api/parking/feeds')).body.feeds;
  const feed = async (county) => (await feeds()).find((f) => f.county === county);
  const control = async (p) => {
    const r = await fetch(running().simulator.url + '/control' + p, { method: 'POST' });
    if (r.status !== 200) throw new Error(`simulator control ${p}: ${r.status} ${await r.text()}`);
  };
  return { get, feeds, feed, control };
}

// Polls `check` every 200 ms until it returns something truthy (returned), or fails after `ms`
// naming `what`.
export async function until(check, what, ms = 15000) {
  const end = Date.now() + ms;
  for (;;) {
    const ok = await check();
    if (ok) return ok;
    if (Date.now() > end) throw new Error('timed out waiting for: ' + what);
    await new Promise((r) => setTimeout(r, 200));
  }
}
