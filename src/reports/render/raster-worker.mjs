// A worker thread that draws chart SVGs to PNG with resvg, for the Word report. Plain JavaScript so
// that it starts without a TypeScript loader; chart-images.ts starts it and is its only caller.
//
// Started with: { scale, font: { files: string[], family: string } }
// Each message: { batch: number, items: { id, svg }[] }
// Each reply:   { batch, images: { id, png: Uint8Array }[] } or { batch, error: string }
import zlib from 'node:zlib';
import { parentPort, workerData } from 'node:worker_threads';
import { renderAsync } from '@resvg/resvg-js';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** One PNG chunk: length, type, data, CRC of type and data. */
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * resvg's RGBA pixels → an 8-bit RGBA PNG, rows unfiltered, deflated at level 1. resvg's own encoder
 * compresses harder and takes about a third longer; charts are mostly long runs of one colour, so
 * level 1 loses little.
 */
let raw = Buffer.alloc(0); // reused from chart to chart: fresh megabytes for each cost more than the copying

function encodePng(rgba, width, height) {
  const row = width * 4;
  const size = (row + 1) * height;
  if (raw.length < size) raw = Buffer.alloc(size);
  for (let y = 0; y < height; y++) {
    raw[y * (row + 1)] = 0; // filter: none
    rgba.copy(raw, y * (row + 1) + 1, y * row, (y + 1) * row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw.subarray(0, size), { level: 1 })), chunk('IEND', Buffer.alloc(0))]);
}

const { scale, font } = workerData;
const options = {
  fitTo: { mode: 'zoom', value: scale },
  background: '#ffffff',
  // Only the fonts found for us: scanning every system font again for each chart would double the time.
  font: { loadSystemFonts: false, fontFiles: font.files, defaultFontFamily: font.family, sansSerifFamily: font.family },
};

async function draw({ batch, items }) {
  const images = [];
  let current = '';
  try {
    for (const item of items) {
      current = item.id;
      // renderAsync, not new Resvg().render(): the synchronous form keeps each chart's parsed SVG and
      // fonts (megabytes) alive until the garbage collector, which does not see them, happens to run.
      const rendered = await renderAsync(item.svg, options);
      images.push({ id: item.id, png: encodePng(rendered.pixels, rendered.width, rendered.height) });
    }
    parentPort.postMessage({ batch, images }); // copied, not transferred: small buffers may share Node's pool
  } catch (e) {
    parentPort.postMessage({ batch, error: `chart ${current} could not be drawn: ${e instanceof Error ? e.message : String(e)}` });
  }
}

// One batch at a time: a thread drawing many charts at once would only crowd out the others.
let queue = Promise.resolve();
parentPort.on('message', (message) => {
  queue = queue.then(() => draw(message));
});
