// Benchmark: from a change in the feed simulator to the marker on /map changing, in headless
// Chromium — the whole path: the poller's next fetch (every 1 s here), the snapshot, the
// live stream, the WASM core's redraw. Ten changes of one car park's free spaces; prints
// the median and the slowest. Asserts nothing. Run after ./portal.sh test has built
// everything: node tests/bench/parking_marker_delay.mjs
import { startParkingServer } from '../support/server.mjs';
import { launchBrowser } from '../support/browser.mjs';

const { simulator, server } = await startParkingServer();
const browser = await launchBrowser();
try {
  for (let i = 0; i < 100; i++) {
    const feeds = (await (await fetch(server.url + '/api/parking/feeds')).json()).feeds;
    if (feeds.every((f) => f.last_success)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const parks = (await (await fetch(server.url + '/api/parking')).json()).car_parks;
  const target = parks.find((c) => c.county === 'Taoyuan' && c.live && c.level !== 'closed');
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route(/^https:\/\/tile\.openstreetmap\.org\//, (route) => route.abort());
  await page.goto(`${server.url}/map?layers=basemap,parking&lat=${target.lat}&lon=${target.lon}&zoom=15`);
  await page.waitForSelector('body[data-map="ready"]', { timeout: 60000 });
  const delays = [];
  for (let run = 0; run < 10; run++) {
    const available = 100 + run;  // a number the simulator itself never gives this car park twice in a row
    // Wait a random part of a poll interval, so the changes do not line up with the polls.
    await new Promise((r) => setTimeout(r, Math.random() * 1000));
    const changed = Date.now();
    await fetch(`${simulator.url}/control/Taoyuan/set?car_park=${target.id}&available=${available}`, { method: 'POST' });
    await page.waitForFunction(({ id, text }) => document.querySelector(`.scene-marker-parking span[data-id="${CSS.escape(id)}"]`)?.textContent === text,
      { id: 'parking:' + target.key, text: String(available) }, { timeout: 20000, polling: 'raf' });
    delays.push(Date.now() - changed);
  }
  delays.sort((a, b) => a - b);
  console.log(`parking marker delay: poll interval 1000 ms, 10 changes of ${target.key}`);
  console.log(`  simulator change → marker changed   ${delays[5]} ms median, ${delays[9]} ms slowest, ${delays[0]} ms fastest`);
} finally {
  await browser.close();
  await server.stop();
  await simulator.stop();
}
