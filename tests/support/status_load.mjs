// A stream of status changes over HTTP, for the tests that take a store away under load (backup,
// SIGKILL): staff closing and reopening items, and the check that every acknowledged one is in a
// store served afterwards.
import assert from 'node:assert/strict';

// Staff closing and reopening every item in turn, each worker its own items; each
// acknowledged change is kept with its reason and the moment its answer came.
export function statusChangeLoad(admin, snapshot, workers = 8) {
  const items = snapshot.records.map((r) => ({ id: r.id, open: r.status === 'open', version: r.version }));
  const acked = [];
  const refused = [];
  let lost = 0;
  let running = true;
  let n = 0;
  const worker = async (w) => {
    const mine = items.filter((_, i) => i % workers === w);
    for (let k = 0; running; k++) {
      const item = mine[k % mine.length];
      const reason = `狀態變更第${n++}筆`;
      const body = item.open ? { version: item.version, kind: 'done', reason } : { version: item.version, reason };
      let r;
      try {
        r = await admin.post(`/api/staff/proposals/${item.id}/${item.open ? 'close' : 'reopen'}`, body);
      } catch {
        lost++;  // the connection died with the server: not acknowledged
        continue;
      }
      if (r.status !== 200) { refused.push(`${r.status} ${r.text.slice(0, 200)}`); continue; }
      item.version = r.json.version;
      item.open = !item.open;
      acked.push({ id: item.id, reason, at: Date.now() });
    }
  };
  const all = Array.from({ length: workers }, (_, w) => worker(w));
  return { acked, refused, lost: () => lost, stop() { running = false; }, async done() { running = false; await Promise.all(all); } };
}

export async function expectAllFound(url, writes) {
  const histories = new Map();
  for (const w of writes) {
    if (!histories.has(w.id)) {
      const r = await fetch(`${url}/api/proposals/${w.id}`);
      assert.equal(r.status, 200);
      histories.set(w.id, new Set((await r.json()).status_history.map((e) => e.reason)));
    }
    assert.ok(histories.get(w.id).has(w.reason), `the acknowledged change "${w.reason}" of ${w.id} is in the restored store`);
  }
}
