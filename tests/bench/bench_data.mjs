// Generated map data for the browser benchmarks (map_render.mjs, kiosk_frame.mjs): routes
// and sites spread over northern Taiwan, the same every run (a fixed seed), all flagged
// sample and named as test data.
import zlib from 'node:zlib';

const counties = ['YilanCounty', 'Keelung', 'Taipei', 'NewTaipei', 'Taoyuan', 'HsinchuCounty', 'Hsinchu', 'MiaoliCounty'];
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

export function routes(n) {
  const features = [];
  for (let i = 0; i < n; i++) {
    const county = counties[i % 8];
    let lat = 24.5 + random() * 0.8, lon = 120.8 + random() * 1.1;
    const coordinates = [];
    for (let k = 0; k < 20; k++) {
      coordinates.push([Number(lon.toFixed(6)), Number(lat.toFixed(6))]);
      lat += (random() - 0.5) * 0.004;
      lon += (random() - 0.3) * 0.004;
    }
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates },
      properties: { id: `bench-${i}`, name: `測試路線 ${i}`, county, kind: 'local', sample: true } });
  }
  return { type: 'FeatureCollection', sample: true, note: 'benchmark data', features };
}

export function sites(n) {
  const list = [];
  for (let i = 0; i < n; i++) {
    list.push({ id: `bench-site-${i}`, name: `測試場所 ${i}`, county: counties[i % 8], address: '示範地址',
      lat: Number((24.5 + random() * 0.8).toFixed(6)), lon: Number((120.8 + random() * 1.1).toFixed(6)),
      activities: '示範', hours: '09:00–17:00', green_tourism: true, sample: true });
  }
  return { sample: true, note: 'benchmark data', sites: list };
}


// The content's own sites (the campaigns name them) followed by generated ones, `n` in all.
export function sitesWith(contentSites, n) {
  const generated = sites(Math.max(n - contentSites.sites.length, 0));
  return { ...generated, sites: [...contentSites.sites, ...generated.sites] };
}

// A plain 256 px map tile (PNG): the browser benchmarks answer the tile server's requests with
// it, so that Leaflet's tile layers load as they do for a visitor. Aborted tiles are kept
// and retried level after level, which costs frames a visitor never pays.
export function plainTile() {
  const { crc32, deflateSync } = zlib;
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(256, 0);
  header.writeUInt32BE(256, 4);
  header[8] = 8;  // bits per sample
  header[9] = 2;  // RGB
  const row = Buffer.alloc(1 + 256 * 3, 0xe8);
  row[0] = 0;  // no filter
  const pixels = deflateSync(Buffer.concat(Array.from({ length: 256 }, () => row)));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0))]);
}
