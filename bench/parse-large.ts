// npm run bench -- parse-large: report parsing stays linear in the text. Single-line texts of several
// shapes (years and figures, the 2020 report run together, bare digits, money ranges, capitalised
// names, punctuation) are parsed at 1, 2, 4 and 8 MB; the figure per shape is how much longer 8 MB
// takes than 1 MB (8 for linear). Then a 50 MB single line of years and figures, the shape that was
// once quadratic, must parse within 20 s. Last, a running server previews an upload of an 8 MB report
// while /healthz is asked every 20 ms: the slowest answer must come within 100 ms, the parsing being
// done in a worker thread. Last line: one JSON object of figures.
//   --quick   sizes of 0.5, 1 and 2 MB and a 10 MB long text, to try it out
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReport } from '../src/ingest/report/parse.js';
import { readReferenceAreas } from '../src/store/queries/loadReferenceAreas.js';
import { benchServer, signIn } from './_server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const areas = readReferenceAreas().map((a) => ({ code: a.code, name: a.name, type: a.type, shortName: a.shortName }));
const report = fs.readFileSync(path.resolve(root, '../shared/fixtures/reports/leicestershire-annual-delivery-report-2020.txt'), 'utf8').replace(/\s+/g, ' ');

const SHAPES: Record<string, string> = {
  years: 'In 2021 we planted 1,200 trees and 2022 saw 34 new homes; ',
  report,
  digits: '2020 ',
  money: '£1 to £2 and ',
  names: 'Melton Borough Council and Leicestershire Police Partnership Board with ',
  punctuation: '(1) - 2, 3. "4" – 5% ',
  spaces: '2020' + ' '.repeat(200),
};

const line = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

function time(text: string): number {
  const t0 = performance.now();
  parseReport(text, false, { areas, reportYear: 2021 });
  return performance.now() - t0;
}

const MB = 1024 * 1024;
const sizes = quick ? [0.5, 1, 2] : [1, 2, 4, 8];
const scaling: Record<string, number> = {};
time(line(SHAPES.years, MB)); // warm-up
for (const [name, unit] of Object.entries(SHAPES)) {
  const ms = sizes.map((s) => time(line(unit, Math.round(s * MB))));
  scaling[name] = Math.round((ms[ms.length - 1] / ms[0]) * 10) / 10;
  console.log(`${name.padEnd(12)} ${sizes.map((s, i) => `${s} MB ${Math.round(ms[i])} ms`).join(', ')}`);
}
const longMb = quick ? 10 : 50;
const longMs = time(line(SHAPES.years, longMb * MB));
console.log(`${longMb} MB single line of years and figures: ${Math.round(longMs)} ms`);

/** The slowest /healthz answer while an upload of `bytes` of report text is previewed. */
async function healthzDuringUpload(bytes: number): Promise<{ maxMs: number; asked: number; uploadMs: number; status: number }> {
  const b = await benchServer('parse');
  try {
    const session = await signIn(b.server.url);
    const form = new FormData();
    form.append('report', new File([line(SHAPES.report, bytes)], 'large-report-2024.txt', { type: 'text/plain' }));
    const t0 = performance.now();
    let uploading = true;
    let maxMs = 0;
    let asked = 0;
    const ask = async () => {
      while (uploading) {
        const t = performance.now();
        const r = await fetch(`${b.server.url}/healthz`);
        await r.arrayBuffer();
        maxMs = Math.max(maxMs, performance.now() - t);
        asked++;
        await new Promise((done) => setTimeout(done, 20));
      }
    };
    const asking = ask();
    const r = await session.post('/manage/uploads/report', form);
    await r.arrayBuffer();
    const uploadMs = performance.now() - t0;
    uploading = false;
    await asking;
    return { maxMs: Math.round(maxMs), asked, uploadMs: Math.round(uploadMs), status: r.status };
  } finally {
    await b.close();
  }
}

const uploadMb = quick ? 2 : 8;
const health = await healthzDuringUpload(uploadMb * MB);
console.log(`/healthz during the preview of a ${uploadMb} MB upload (answered ${health.status} in ${health.uploadMs} ms): slowest of ${health.asked} answers ${health.maxMs} ms`);
const worst = Math.max(...Object.values(scaling));
console.log(JSON.stringify({
  sizeRatio: sizes[sizes.length - 1] / sizes[0],
  worstTimeRatio: worst,
  timeRatios: scaling,
  longMb,
  longMs: Math.round(longMs),
  longWithinTarget: longMs <= (20_000 * longMb) / 50,
  uploadMb,
  uploadStatus: health.status,
  healthzMaxMsDuringUpload: health.maxMs,
  healthzWithinTarget: health.maxMs <= 100,
}));
