// Photos for the photo check-in tests: the fixture (tests/fixtures/raffle-photo.jpg, 1800 ×
// 1200, no EXIF), an EXIF block with a GPS position added to it byte by byte as a phone writes
// one, and a JPEG's size read from its frame header.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './server.mjs';

export const PHOTO = readFileSync(path.join(ROOT, 'tests/fixtures/raffle-photo.jpg'));

// GPSLatitude 25° 2′ 34.56″ as three RATIONALs: the bytes a leaked position would be.
export const GPS_BYTES = Buffer.alloc(24);
[25, 1, 2, 1, 3456, 100].forEach((v, i) => GPS_BYTES.writeUInt32LE(v, 4 * i));

// The JPEG with an APP1 Exif segment right after its start marker: IFD0 points to a GPS IFD
// holding GPSLatitudeRef "N" and GPSLatitude (GPS_BYTES).
export function withGpsExif(jpeg) {
  const tiff = Buffer.alloc(56);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8);  // IFD0: one entry, GPSInfo → 26
  tiff.writeUInt16LE(0x8825, 10); tiff.writeUInt16LE(4, 12); tiff.writeUInt32LE(1, 14); tiff.writeUInt32LE(26, 18);
  tiff.writeUInt16LE(2, 26);  // the GPS IFD: two entries, the latitude's values at 56
  tiff.writeUInt16LE(1, 28); tiff.writeUInt16LE(2, 30); tiff.writeUInt32LE(2, 32); tiff.write('N', 36, 'latin1');
  tiff.writeUInt16LE(2, 40); tiff.writeUInt16LE(5, 42); tiff.writeUInt32LE(3, 44); tiff.writeUInt32LE(56, 48);
  const data = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff, GPS_BYTES]);
  const head = Buffer.from([0xff, 0xe1, (data.length + 2) >> 8, (data.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), head, data, jpeg.subarray(2)]);
}

// {width, height} from a JPEG's first frame header, or null.
export function jpegSize(jpeg) {
  for (let pos = 2; pos + 9 < jpeg.length; pos += 2 + jpeg.readUInt16BE(pos + 2)) {
    const marker = jpeg[pos + 1];
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
      return { width: jpeg.readUInt16BE(pos + 7), height: jpeg.readUInt16BE(pos + 5) };
  }
  return null;
}
