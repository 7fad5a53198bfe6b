// The deployment as README.md's "Deploy" section lays it out, on one machine: nginx with a
// self-signed certificate in front of two `beitai serve` processes on one PostgreSQL database,
// run with the options of site/deploy/systemd/beitai@.service. The nginx config holds two TLS
// listeners, each proxying to ONE server process through the repository's own
// site/deploy/nginx/beitai-locations.conf, so that a test knows which process answered
// (cookies are per host, not per port: the browser would send A's cookie to B).
// Checked: a session made on one process works on the other, a write through one shows
// through the other (a form of the site's own origin taken, another's refused: nginx passes
// the Host with its port), the event stream comes through nginx as it happens over HTTP/1.1
// and HTTP/2, the audit log holds the
// address nginx saw and never the one a client claims, the session cookie is __Host- and
// Secure, HSTS, the fingerprinted files' caching; and the production site file
// site/deploy/nginx/beitai.conf itself, run with test ports and paths (TLS 1.2+, HTTP/2, the
// redirect from plain HTTP, both processes behind one upstream).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import https from 'node:https';
import http from 'node:http';
import http2 from 'node:http2';
import tls from 'node:tls';
import {
  ROOT, addAccount, freshStore, parkingFeedsConfig, startFeedSimulator, startServer, until,
} from '../support/server.mjs';

const NGINX = '/usr/sbin/nginx';
const LOCATIONS = path.join(ROOT, 'site/deploy/nginx/beitai-locations.conf');
const SITE = path.join(ROOT, 'site/deploy/nginx/beitai.conf');
const UNIT = path.join(ROOT, 'site/deploy/systemd/beitai@.service');
const have = (program) => spawnSync(program, ['-v'], { encoding: 'utf8' }).error === undefined;
const skip = !process.env.BEITAI_PG_URL ? 'BEITAI_PG_URL is not set (portal.sh test starts PostgreSQL)'
  : !existsSync(NGINX) ? 'nginx is not installed (portal.sh installs it)'
  : !have('openssl') ? 'openssl is not installed (portal.sh installs it)' : false;

const EDITOR = { name: 'ty-deploy-3307', password: 'taoyuan-deploy-pass', role: 'editor', county: 'Taoyuan', agency: '桃園市政府研究發展考核委員會' };
const ADMIN = { name: 'sec-deploy-1902', password: 'secretariat-deploy-pass', role: 'admin', agency: '北臺區域發展推動委員會秘書處' };
const SPOOFED = '6.6.6.6';
const LEADS = /parking: this process polls the feeds/;
const FOLLOWS = /parking: another process polls the feeds; this one serves what it keeps in the store/;

async function freePort() {
  const server = net.createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

// The temp paths every nginx run here needs (as the current user, all inside `dir`).
function nginxMain(dir, httpBody) {
  return `daemon off;
master_process on;
worker_processes 1;
${process.getuid() === 0 ? `user ${userInfo().username};` : ''}
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
events { worker_connections 256; }
http {
    log_format beitai_test '$status $upstream_addr "$request"';
    access_log ${dir}/access.log beitai_test;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
${httpBody}
}
`;
}

// nginx on `conf` until stop(); resolves once `port` answers TLS.
async function startNginx(dir, conf, port, ca) {
  const child = spawn(NGINX, ['-p', dir, '-c', conf, '-e', path.join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  let exited = false;
  child.on('exit', () => { exited = true; });
  await until(async () => {
    if (exited) throw new Error(`nginx exited: ${stderr}\n${readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
    try { return (await request(port, ca, '/api/parking/feeds')).status > 0; } catch { return false; }
  }, 'nginx answers', 10000);
  return {
    async stop() {
      if (exited) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGQUIT');
      await gone;
    },
  };
}

// One HTTPS request to 127.0.0.1:port, trusting only the test's certificate:
// {status, headers, rawHeaders, text, json}.
function request(port, ca, pathname, { method = 'GET', headers = {}, body, options = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: '127.0.0.1', port, path: pathname, method, headers, ca, agent: false, ...options }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try { json = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode, headers: res.headers, rawHeaders: res.rawHeaders, text, json, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.setTimeout(10000, () => req.destroy(new Error(`${method} ${pathname}: no answer in 10 s`)));
    if (body !== undefined) req.write(typeof body === 'string' ? body : JSON.stringify(body));
    req.end();
  });
}

// An event stream through nginx: {text(), close()}; text() is everything received so far.
function openStream(port, ca, pathname) {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: '127.0.0.1', port, path: pathname, ca, agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`${pathname}: ${res.statusCode}`));
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('error', () => {});
      resolve({ headers: res.headers, text: () => text, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

// The same over HTTP/2, as browsers open it through nginx.
function openStream2(port, ca, pathname) {
  return new Promise((resolve, reject) => {
    const client = http2.connect(`https://127.0.0.1:${port}`, { ca });
    client.on('error', () => {});
    const s = client.request({ ':path': pathname, accept: 'text/event-stream' });
    let text = '';
    s.setEncoding('utf8');
    s.on('response', (h) => {
      if (h[':status'] !== 200) return reject(new Error(`${pathname}: ${h[':status']}`));
      resolve({ headers: h, protocol: client.alpnProtocol, text: () => text, close: () => { s.close(); client.close(); } });
    });
    s.on('data', (d) => { text += d; });
    s.on('error', reject);
  });
}

// The `event: parking` of `text` that carries car park `key` at `available`.
function parkingEventWith(text, key, available) {
  const whole = text.slice(0, text.lastIndexOf('\n\n') + 1);
  for (const e of whole.split('\n\n').filter((x) => x.startsWith('event: parking'))) {
    const data = JSON.parse(e.slice(e.indexOf('data: ') + 6));
    const changed = data.changed.find((c) => c.key === key);
    if (changed && changed.available === available) return changed;
  }
  return null;
}

describe('nginx with TLS in front of two servers on one PostgreSQL', { skip }, () => {
  let dir;
  let store;
  let simulator;
  let servers = [];
  let nginx;
  let ca;
  let portA;
  let portB;
  let session;  // {cookie, csrf} of the editor, signed in through A

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'beitai-deploy-'));
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')],
    { encoding: 'utf8' });
    assert.equal(made.status, 0, made.stderr);
    ca = readFileSync(path.join(dir, 'cert.pem'));

    store = freshStore('postgres');
    addAccount(store.location, EDITOR);
    addAccount(store.location, ADMIN);
    simulator = await startFeedSimulator({ args: ['--threads', '1'] });
    const feeds = path.join(dir, 'feeds.json');
    writeFileSync(feeds, JSON.stringify({ ...parkingFeedsConfig(simulator.url), keep_every_s: 1 }));

    [portA, portB] = [await freePort(), await freePort()];
    // As beitai@.service runs it (--host and --port aside: startServer picks a free port).
    const serve = (port) => ['--feeds', feeds, '--secure-cookies', 'yes', '--trust-proxy', 'yes', '--public-url', `https://127.0.0.1:${port}`];
    servers.push(await startServer({ dbPath: store.location, extraArgs: serve(portA) }));
    await until(() => LEADS.test(servers[0].output()), 'the first server leads the feeds');
    servers.push(await startServer({ dbPath: store.location, extraArgs: serve(portB) }));
    await until(() => FOLLOWS.test(servers[1].output()), 'the second server follows');

    const listener = (port, name) => `
    server {
        listen 127.0.0.1:${port} ssl http2;
        ssl_certificate ${dir}/cert.pem;
        ssl_certificate_key ${dir}/key.pem;
        set $beitai_upstream ${name};
        include ${LOCATIONS};
    }`;
    const upstream = (name, server) => `    upstream ${name} { server ${new URL(server.url).host}; keepalive 4; keepalive_timeout 20s; }`;
    writeFileSync(path.join(dir, 'nginx.conf'), nginxMain(dir, [upstream('beitai_a', servers[0]), upstream('beitai_b', servers[1]),
      listener(portA, 'beitai_a'), listener(portB, 'beitai_b')].join('\n')));
    nginx = await startNginx(dir, path.join(dir, 'nginx.conf'), portA, ca);
  });

  after(async () => {
    await nginx?.stop();
    for (const s of servers) await s.stop();
    await simulator?.stop();
    store?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a sign-in through A sets a __Host- cookie marked Secure, HttpOnly, Path=/ and no Domain', async () => {
    const r = await request(portA, ca, '/api/staff/sign-in', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': SPOOFED },
      body: { name: EDITOR.name, password: EDITOR.password },
    });
    assert.equal(r.status, 200, r.text);
    const cookie = r.headers['set-cookie'][0];
    assert.match(cookie, /^__Host-beitai_session=[^;]+;/);
    const attributes = cookie.split(';').slice(1).map((a) => a.trim().toLowerCase());
    assert.ok(attributes.includes('secure'), cookie);
    assert.ok(attributes.includes('httponly'), cookie);
    assert.ok(attributes.includes('path=/'), cookie);
    assert.ok(!attributes.some((a) => a.startsWith('domain=')), cookie);
    session = { cookie: cookie.split(';')[0], csrf: r.json.csrf };
  });

  it('the session made on A writes through B, and A shows the write', async () => {
    assert.ok(session, 'signed in through A');
    const id = '112-07';  // New Taipei's, all eight counties cooperating: a Taoyuan editor reports progress
    const { version } = (await request(portB, ca, `/api/proposals/${id}`)).json;
    const text = '經由 nginx 與第二個伺服器程序寫入';
    const headers = { 'content-type': 'application/json', cookie: session.cookie, 'x-forwarded-for': SPOOFED };
    // Without the CSRF token B refuses it: the session alone is not enough.
    const refused = await request(portB, ca, `/api/staff/proposals/${id}/progress`, { method: 'POST', headers, body: { version, text } });
    assert.equal(refused.status, 403, refused.text);
    // A browser's Origin names the host with its port; nginx passes the Host with it, so the
    // server's cross-site check takes a form of its own site and refuses another's.
    const foreign = await request(portB, ca, `/api/staff/proposals/${id}/progress`, {
      method: 'POST', headers: { ...headers, 'x-csrf-token': session.csrf, origin: 'https://portal.example.net' }, body: { version, text },
    });
    assert.equal(foreign.status, 403, foreign.text);
    assert.match(foreign.text, /cross-site/);
    const written = await request(portB, ca, `/api/staff/proposals/${id}/progress`, {
      method: 'POST', headers: { ...headers, 'x-csrf-token': session.csrf, origin: `https://127.0.0.1:${portB}` }, body: { version, text },
    });
    assert.equal(written.status, 200, written.text);
    assert.equal(written.json.version, version + 1);
    const seen = await until(async () => {
      const p = (await request(portA, ca, `/api/proposals/${id}`)).json;
      return p.version === version + 1 && p;
    }, 'A shows the write made through B', 5000);
    assert.equal(seen.progress.at(-1).text, text);
  });

  it('the parking event stream comes through nginx as it happens, from the leader (HTTP/1.1) and from the follower (HTTP/2)', async () => {
    const carParks = (await request(portA, ca, '/api/parking')).json.car_parks;
    const before = carParks.find((c) => c.county === 'Keelung' && c.live && c.level !== 'closed');
    const wanted = before.available === 3 ? 4 : 3;
    const viaA = await openStream(portA, ca, '/api/parking/stream');
    const viaB = await openStream2(portB, ca, '/api/parking/stream');
    try {
      assert.match(viaA.headers['content-type'], /^text\/event-stream/);
      assert.match(viaB.headers['content-type'], /^text\/event-stream/);
      assert.equal(viaB.protocol, 'h2');
      await until(() => viaA.text().includes('event: hello') && viaB.text().includes('event: hello'), 'both streams open with hello', 5000);
      const sent = Date.now();
      const r = await fetch(`${simulator.url}/control/Keelung/set?car_park=${before.id}&available=${wanted}`, { method: 'POST' });
      assert.equal(r.status, 200);
      // The leader polls each second: the event must be through nginx within a few seconds, not
      // held until a proxy buffer fills or the stream ends.
      const event = await until(() => parkingEventWith(viaA.text(), before.key, wanted), 'the change through nginx from A', 5000);
      assert.equal(event.available, wanted);
      const fromA = Date.now() - sent;
      // The follower gets it once the leader keeps it (keep_every_s 1) and it reloads.
      await until(() => parkingEventWith(viaB.text(), before.key, wanted), 'the change through nginx from B', 8000);
      console.log(`the change reached the stream through nginx in ${fromA} ms (leader), ${Date.now() - sent} ms (follower)`);
    } finally {
      viaA.close();
      viaB.close();
      await fetch(`${simulator.url}/control/reset`, { method: 'POST' });
    }
  });

  it('the audit log holds the address nginx saw, never the one the client claimed', async () => {
    const signIn = await request(portB, ca, '/api/staff/sign-in', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `${SPOOFED}, 7.7.7.7` },
      body: { name: ADMIN.name, password: ADMIN.password },
    });
    assert.equal(signIn.status, 200, signIn.text);
    const cookie = signIn.headers['set-cookie'][0].split(';')[0];
    const r = await request(portA, ca, '/api/staff/audit', { headers: { cookie } });
    assert.equal(r.status, 200, r.text);
    const signIns = r.json.filter((e) => e.action === 'sign-in');
    for (const account of [EDITOR, ADMIN]) {
      const e = signIns.find((x) => x.user === account.name);
      assert.ok(e, `the sign-in of ${account.name} is in the log`);
      assert.equal(e.detail, '127.0.0.1');
    }
    assert.ok(!r.text.includes(SPOOFED) && !r.text.includes('7.7.7.7'), 'a claimed address is nowhere in the log');
  });

  it('the fingerprinted files come through nginx with their build-time compression and a year of caching', async () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'build/native/assets/manifest.json'), 'utf8'));
    const hashed = manifest['/static/css/portal.css'];
    const r = await request(portA, ca, hashed, { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-encoding'], 'br');
    assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(r.body.length, readFileSync(path.join(ROOT, 'build/native/assets', hashed + '.br')).length, 'the build-time copy, not recompressed');
    const plain = await request(portA, ca, hashed);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.length, readFileSync(path.join(ROOT, 'build/native/assets', hashed)).length);
  });

  it('a hostile X-Forwarded-For does not reach the server: nginx replaces it', async () => {
    // The sign-in throttle counts failures per address: ten failed sign-ins, each claiming
    // another address, still count as one address's (127.0.0.1) — shown by the log.
    const name = 'nobody-' + Date.now();
    for (let i = 0; i < 3; i++) {
      const r = await request(portA, ca, '/api/staff/sign-in', {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.0.${i}` },
        body: { name, password: 'wrong-password-' + i },
      });
      assert.equal(r.status, 401);
    }
    const signIn = await request(portA, ca, '/api/staff/sign-in', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: { name: ADMIN.name, password: ADMIN.password },
    });
    const cookie = signIn.headers['set-cookie'][0].split(';')[0];
    const log = (await request(portB, ca, '/api/staff/audit', { headers: { cookie } })).json;
    const failed = log.filter((e) => e.action === 'sign-in-failed' && e.user === name);
    assert.equal(failed.length, 3);
    for (const e of failed) assert.equal(e.detail, '127.0.0.1');
  });

  it('answers through nginx carry Strict-Transport-Security once (the server sends it with --secure-cookies yes)', async () => {
    for (const [port, pathname] of [[portA, '/'], [portB, '/api/parking/feeds'], [portA, '/staff']]) {
      const r = await request(port, ca, pathname);
      const hsts = [];
      for (let i = 0; i < r.rawHeaders.length; i += 2) if (r.rawHeaders[i].toLowerCase() === 'strict-transport-security') hsts.push(r.rawHeaders[i + 1]);
      assert.equal(hsts.length, 1, `${pathname}: one Strict-Transport-Security header, found ${JSON.stringify(hsts)}`);
      assert.match(hsts[0], /max-age=\d{7,}/, pathname);
    }
  });

  it('the production site file runs: HTTP/2, TLS 1.2 and 1.3 only, plain HTTP redirected, both processes behind one upstream', async () => {
    const [tlsPort, plainPort] = [await freePort(), await freePort()];
    const siteDir = path.join(dir, 'site');
    spawnSync('mkdir', ['-p', siteDir]);
    const [a, b] = servers.map((s) => new URL(s.url).host);
    const site = readFileSync(SITE, 'utf8')
      .replace('server 127.0.0.1:8081 ', `server ${a} `).replace('server 127.0.0.1:8082 ', `server ${b} `)
      .replace(/^ *listen \[::\]:.*\n/gm, '')
      .replace('listen 443 ', `listen 127.0.0.1:${tlsPort} `).replace('listen 80;', `listen 127.0.0.1:${plainPort};`)
      .replace('/etc/ssl/beitai/fullchain.pem', path.join(dir, 'cert.pem')).replace('/etc/ssl/beitai/privkey.pem', path.join(dir, 'key.pem'))
      .replaceAll('/opt/beitai', ROOT);
    for (const port of [tlsPort, plainPort, a, b]) assert.ok(site.includes(String(port)), `substituted ${port}`);
    assert.ok(!site.includes('/opt/beitai') && !site.includes('/etc/ssl'), 'every production path substituted');
    writeFileSync(path.join(siteDir, 'beitai.conf'), site);
    const conf = path.join(siteDir, 'nginx.conf');
    writeFileSync(conf, nginxMain(siteDir, `    include ${siteDir}/beitai.conf;`));
    const checked = spawnSync(NGINX, ['-t', '-p', siteDir, '-c', conf, '-e', path.join(siteDir, 'error.log')], { encoding: 'utf8' });
    assert.equal(checked.status, 0, checked.stderr);
    assert.match(checked.stderr, /test is successful/);

    const running = await startNginx(siteDir, conf, tlsPort, ca);
    try {
      // HTTP/2 by ALPN.
      const client = http2.connect(`https://127.0.0.1:${tlsPort}`, { ca });
      try {
        const answer = await new Promise((resolve, reject) => {
          const s = client.request({ ':path': '/api/parking/feeds' });
          let status;
          s.on('response', (h) => { status = h[':status']; });
          s.on('data', () => {});
          s.on('end', () => resolve(status));
          s.on('error', reject);
        });
        assert.equal(answer, 200);
        assert.equal(client.alpnProtocol, 'h2');
      } finally {
        client.close();
      }
      // TLS 1.1 is refused, 1.2 accepted.
      const handshake = (version) => new Promise((resolve) => {
        const socket = tls.connect({ host: '127.0.0.1', port: tlsPort, ca, minVersion: version, maxVersion: version,
          ...(version === 'TLSv1.1' ? { ciphers: 'DEFAULT:@SECLEVEL=0' } : {}) });
        socket.on('secureConnect', () => { socket.end(); resolve(true); });
        socket.on('error', () => resolve(false));
      });
      assert.equal(await handshake('TLSv1.1'), false, 'TLS 1.1 refused');
      assert.equal(await handshake('TLSv1.2'), true, 'TLS 1.2 accepted');
      assert.equal(await handshake('TLSv1.3'), true, 'TLS 1.3 accepted');
      // Plain HTTP sends the browser to HTTPS.
      const redirect = await new Promise((resolve, reject) => {
        http.get({ host: '127.0.0.1', port: plainPort, path: '/map?x=1', headers: { host: 'portal.example.gov.tw' } }, (res) => {
          res.resume();
          resolve({ status: res.statusCode, location: res.headers.location });
        }).on('error', reject);
      });
      assert.deepEqual(redirect, { status: 301, location: 'https://portal.example.gov.tw/map?x=1' });
      // Both server processes answer behind the one upstream (the access log names which).
      for (let i = 0; i < 6; i++) assert.equal((await request(tlsPort, ca, '/api/parking/feeds')).status, 200);
      const upstreams = readFileSync(path.join(siteDir, 'access.log'), 'utf8').split('\n')
        .filter((l) => l.includes('/api/parking/feeds')).map((l) => l.split(' ')[1]);
      assert.deepEqual([...new Set(upstreams)].sort(), [a, b].sort());
    } finally {
      await running.stop();
    }
  });

  it('the systemd unit passes systemd-analyze verify (with the checkout for /opt/beitai)', (t) => {
    if (!have('systemd-analyze')) return t.skip('systemd-analyze is not installed');
    const unitDir = path.join(dir, 'units');
    spawnSync('mkdir', ['-p', unitDir]);
    writeFileSync(path.join(unitDir, 'beitai@.service'), readFileSync(UNIT, 'utf8').replaceAll('/opt/beitai', ROOT));
    const r = spawnSync('systemd-analyze', ['verify', path.join(unitDir, 'beitai@8081.service')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr.trim(), '', r.stderr);
  });
});
