// Starts the real `beitai` binary for a test: a fresh SQLite file in a temporary folder,
// a free loopback port, and a stop() that ends it. Tests talk to it over real HTTP.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = process.env.BEITAI_ROOT || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const BEITAI = path.join(ROOT, 'build/native/site/beitai');

// Runs `beitai ARGS…` to completion: {status, stdout, stderr}.
export function runBeitai(args, options = {}) {
  const r = spawnSync(BEITAI, args, { cwd: ROOT, encoding: 'utf8', timeout: 30000, ...options });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export async function startServer({ contentDir = 'content', dbPath, extraArgs = [], env = {} } = {}) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'beitai-test-'));
  const db = dbPath || path.join(tmp, 'beitai.sqlite');
  const child = spawn(BEITAI, ['serve', '--port', '0', '--content', contentDir, '--db', db, ...extraArgs], {
    cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start: ' + stderr)), 15000);
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = stdout.match(/listening on (http:\/\/[^\s]+?)\/?\s/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}: ${stderr}`)); });
  });
  return {
    url,
    db,
    output: () => stdout,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!dbPath) rmSync(tmp, { recursive: true, force: true });
    },
  };
}
