// Live-parking event streams at scale, over real HTTP: 5,000 streams opened and closed twice
// against one server while the feeds keep publishing. Memory per stream stays small (one
// copy of each event shared by all streams, queues bounded in bytes), the memory comes back
// after they close (the second round ends where the first did: no growth), and past
// --max-streams the answer is 503 with Retry-After. RSS is read from /proc/<pid>/status.
// Needs about 5,000 file descriptors on each side (the server raises its own soft limit to
// the hard one; this process cannot, so it checks).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { parkingFeedsConfig, startParkingServer, until } from '../support/server.mjs';
import { metricValue, scrape } from '../support/prometheus.mjs';

const STREAMS = 5000;
const BATCH = 200;
const openFilesLimit = Number(readFileSync('/proc/self/limits', 'utf8').match(/Max open files\s+(\d+)/)[1]);
const enoughFiles = openFilesLimit >= STREAMS + 1000;

let simulator, server;
before(async () => {
  if (!enoughFiles) return;
  // Events keep flowing (every county polled each 5 s, the simulator's numbers moving each
  // 10 s), but slowly enough that this one process can read 5,000 streams.
  ({ simulator, server } = await startParkingServer({
    simulatorArgs: ['--step-seconds', '10'],
    extra: { defaults: { ...parkingFeedsConfig('').defaults, interval_s: 5 } },
    serverOptions: { extraArgs: ['--max-streams', String(STREAMS)] },
  }));
});
after(async () => {
  await server?.stop();
  await simulator?.stop();
});

const rssMiB = () => Number(readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;
const openStreams = async () => metricValue(await scrape(server.url), 'beitai_event_streams_open');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// One stream: resolves {status, req, headers, body} once the stream said hello (200) or the
// server answered otherwise; what arrives after the hello is read and dropped.
function openStream() {
  const u = new URL(server.url);
  return new Promise((resolve) => {
    const req = http.request({ host: u.hostname, port: u.port, path: '/api/parking/stream', agent: false });
    const timer = setTimeout(() => { req.destroy(); resolve({ status: 'timeout', req }); }, 15000);
    req.on('response', (res) => {
      let text = '';
      let done = false;
      const finish = (status) => { if (!done) { done = true; clearTimeout(timer); resolve({ status, req, headers: res.headers, body: text }); } };
      res.on('data', (d) => {
        if (done) return;
        text += d;
        if (res.statusCode !== 200 || text.includes('event: hello')) finish(res.statusCode);
      });
      res.on('end', () => finish(res.statusCode));
      res.on('error', () => {});
    });
    req.on('error', (e) => { clearTimeout(timer); resolve({ status: e.code || 'error', req }); });
    req.end();
  });
}

// `n` open streams (a stream that failed to open is tried again, twice at most).
async function openMany(n) {
  const open = [];
  const failures = [];
  for (let i = 0; i < n; i += BATCH) {
    let want = Math.min(BATCH, n - i);
    for (let attempt = 0; attempt < 3 && want > 0; attempt++) {
      const got = await Promise.all(Array.from({ length: want }, openStream));
      for (const s of got) (s.status === 200 ? open : failures).push(s);
      want = got.filter((s) => s.status !== 200).length;
    }
  }
  return { open, failures: failures.map((s) => s.status) };
}

async function closeAll(streams) {
  for (const s of streams) s.req.destroy();
  // The server notices a vanished client at its next write (an event, or the 15 s heartbeat).
  await until(async () => (await openStreams()) === 0, 'every stream closed on the server', 60000);
  await sleep(2000);  // the memory goes back within a second of the closes
}

test(`${STREAMS} streams opened and closed twice: memory per stream is small and comes back; past the cap, 503`,
  { skip: !enoughFiles && `this process may open only ${openFilesLimit} files (ulimit -n)` }, async () => {
    await until(async () => (await fetch(server.url + '/api/parking/feeds')).status === 200, 'the server answers');
    await sleep(3000);  // the first fetches and events are done
    const start = rssMiB();
    const rounds = [];
    for (let round = 1; round <= 2; round++) {
      const { open, failures } = await openMany(STREAMS);
      assert.equal(open.length, STREAMS, `round ${round}: every stream opened (failed tries: ${failures.slice(0, 5).join(', ')})`);
      assert.equal(await openStreams(), STREAMS);
      await sleep(4000);  // events flow to all of them meanwhile
      const opened = rssMiB();
      // Past the cap: refused at once, told when to come back.
      const refused = await openStream();
      assert.equal(refused.status, 503);
      assert.ok(Number(refused.headers['retry-after']) >= 1, 'Retry-After in seconds');
      assert.match(JSON.parse(refused.body).error, /too many live connections/);
      await closeAll(open);
      const closed = rssMiB();
      rounds.push({ opened, closed });
      console.log(`round ${round}: RSS ${start.toFixed(1)} MiB before, ${opened.toFixed(1)} MiB with ${STREAMS} streams open, ${closed.toFixed(1)} MiB after they closed`);
    }
    for (const [i, r] of rounds.entries()) {
      const perStream = ((r.opened - start) * 1024) / STREAMS;
      assert.ok(perStream < 20, `round ${i + 1}: ${perStream.toFixed(1)} KiB per open stream`);
      assert.ok(r.closed - start < 24, `round ${i + 1}: ${(r.closed - start).toFixed(1)} MiB kept after the streams closed`);
    }
    assert.ok(rounds[1].closed - rounds[0].closed < 8,
      `no growth from round to round: ${rounds[0].closed.toFixed(1)} → ${rounds[1].closed.toFixed(1)} MiB`);
    // And the server serves on.
    const again = await openStream();
    assert.equal(again.status, 200);
    again.req.destroy();
  });
