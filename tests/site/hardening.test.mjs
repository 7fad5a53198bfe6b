// Hostile input against the server, from a security review: each case once crashed,
// misled or exhausted something. The server must answer with a clear refusal and stay up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { addAccount, freshStore, startServer, staffClient } from '../support/server.mjs';

let store, server;
before(async () => {
  store = freshStore('sqlite');
  addAccount(store.location, { name: 'ty.editor', password: 'taoyuan-password-1', county: 'Taoyuan', agency: '桃園市政府研究發展考核委員會' });
  addAccount(store.location, { name: 'tp.editor', password: 'taipei-password-1', county: 'Taipei', agency: '臺北市政府研究發展考核委員會' });
  server = await startServer({ dbPath: store.location, extraArgs: ['--trust-proxy', 'yes'] });
});
after(async () => { await server?.stop(); store?.cleanup(); });

const signIn = (name, password, from = '10.0.0.1') => fetch(server.url + '/api/staff/sign-in', {
  method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
  body: JSON.stringify({ name, password }),
});

test('a sign-in body with a number, null or object for the name is a 400, not a crash', async () => {
  for (const name of [1, null, { a: 1 }, ['x']]) {
    const r = await fetch(server.url + '/api/staff/sign-in', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password: 'x' }),
    });
    assert.equal(r.status, 400, JSON.stringify(name));
    assert.match((await r.json()).error, /name: required, a string/);
  }
  assert.equal((await fetch(server.url + '/healthz')).status, 200);
});

test('the language switch never redirects off the site', async () => {
  for (const back of ['/\t/evil.example', '//evil.example', '/\\evil.example', 'https://evil.example', '/\x01x', '/ x']) {
    const r = await fetch(server.url + '/lang?to=en&back=' + encodeURIComponent(back), { redirect: 'manual' });
    assert.equal(r.status, 303, back);
    assert.equal(r.headers.get('location'), '/', JSON.stringify(back));
  }
  const ok = await fetch(server.url + '/lang?to=en&back=' + encodeURIComponent('/proposals?year=112'), { redirect: 'manual' });
  assert.equal(ok.headers.get('location'), '/proposals?year=112');
});

test('deeply nested JSON is refused quickly, whatever its size', async () => {
  const c = await staffClient(server.url, 'ty.editor', 'taoyuan-password-1');
  const deep = '{"version":1,"title":' + '['.repeat(200000) + ']'.repeat(200000) + '}';
  const started = Date.now();
  const r = await c.post('/api/staff/proposals/111-02/edit', deep);
  assert.equal(r.status, 400);
  assert.match(r.json.error, /nested deeper/);
  assert.ok(Date.now() - started < 5000);
  assert.equal((await fetch(server.url + '/healthz')).status, 200);
});

test('duplicates in a list of counties are refused', async () => {
  const admin = await staffClient(server.url, 'tp.editor', 'taipei-password-1');
  const before = await (await fetch(server.url + '/api/proposals/111-13')).json();
  const r = await admin.post('/api/staff/proposals/111-13/edit', { version: before.version, counties: Array(100).fill('Taipei') });
  assert.equal(r.status, 400);
  assert.match(r.json.error, /counties\[1\]: "Taipei" is listed twice/);
});

test('an editor files only under their own agency', async () => {
  const c = await staffClient(server.url, 'ty.editor', 'taoyuan-password-1');
  const year = (await (await fetch(server.url + '/api/proposals?year=112')).json()).items.length ? 112 : 113;
  const r = await c.post('/api/staff/proposals', { year, title: '冒名提案', group: '交通運輸組', agency: '臺北市政府交通局' });
  assert.equal(r.status, 403);
  assert.match(r.json.error, /own agency/);
});

test('a form value that is not UTF-8 is a 400, said beside the field it is in', async () => {
  const c = await staffClient(server.url, 'ty.editor', 'taoyuan-password-1');
  const res = await fetch(server.url + '/staff/proposals/111-02/progress', {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: c.cookie },
    body: `csrf=${c.csrf}&version=1&text=bad%FF%FE`,
  });
  assert.equal(res.status, 400);
  // The text rule (core/text/text_rule.h): beside the progress form's text field, in the page's language.
  const html = await res.text();
  assert.match(html, /<p class="field-error" id="s-progress-text-error">.*不是有效的 UTF-8 文字/);
});

test('staff answers are never stored by caches', async () => {
  const c = await staffClient(server.url, 'ty.editor', 'taoyuan-password-1');
  const r = await fetch(server.url + '/api/staff/session', { headers: { cookie: c.cookie } });
  assert.equal(r.headers.get('cache-control'), 'no-store');
  const page = await fetch(server.url + '/staff', { headers: { cookie: c.cookie } });
  assert.equal(page.headers.get('cache-control'), 'no-store');
});

test('wrong passwords from elsewhere do not lock a colleague out; a guesser is stopped', async () => {
  // The real user signed in before from their office: their browser keeps a device cookie.
  const before = await signIn('tp.editor', 'taipei-password-1', '198.51.100.20');
  assert.equal(before.status, 200);
  const device = before.headers.getSetCookie().find((c) => c.startsWith('beitai_device=')).split(';')[0];
  // Five failures for tp.editor from a guesser, then it has to wait…
  for (let i = 0; i < 5; i++) assert.equal((await signIn('tp.editor', 'wrong-' + i, '192.0.2.7')).status, 401);
  assert.equal((await signIn('tp.editor', 'taipei-password-1', '192.0.2.7')).status, 429);
  // …but the real user, from their own browser, still signs in at once.
  const r = await fetch(server.url + '/api/staff/sign-in', {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.20', cookie: device },
    body: JSON.stringify({ name: 'tp.editor', password: 'taipei-password-1' }),
  });
  assert.equal(r.status, 200);
});

test('signing in again ends the session the browser had', async () => {
  const first = await staffClient(server.url, 'ty.editor', 'taoyuan-password-1');
  const again = await fetch(server.url + '/api/staff/sign-in', {
    method: 'POST', headers: { 'content-type': 'application/json', cookie: first.cookie },
    body: JSON.stringify({ name: 'ty.editor', password: 'taoyuan-password-1' }),
  });
  assert.equal(again.status, 200);
  const old = await fetch(server.url + '/api/staff/session', { headers: { cookie: first.cookie } });
  assert.equal(old.status, 401);
  const fresh = again.headers.get('set-cookie').split(';')[0];
  assert.notEqual(fresh, first.cookie);
  assert.equal((await fetch(server.url + '/api/staff/session', { headers: { cookie: fresh } })).status, 200);
});
