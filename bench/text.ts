// npm run bench -- text: how fast the text extractors read the 2020 Annual Delivery Report (254 KB):
// the gazetteer with discovered towns, then facts, places, partners and commitments for every
// paragraph. The last line of output is one JSON object of figures (milliseconds, medians).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReferenceAreas } from '../src/store/queries/loadReferenceAreas.js';
import { analyse, buildGazetteer, discoverPlaceNames } from '../src/ingest/text/index.js';
import { joinLines } from '../scripts/labelled-set.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const text = joinLines(fs.readFileSync(path.resolve(root, '../shared/fixtures/reports/leicestershire-annual-delivery-report-2020.txt'), 'utf8'));
const areas = readReferenceAreas().map((a) => ({ code: a.code, name: a.name, type: a.type, shortName: a.shortName }));
const paragraphs = text.split('\n\n');
const runs = Number(process.argv[2] ?? 9);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

const gazetteerMs: number[] = [];
const analyseMs: number[] = [];
let counts = { facts: 0, places: 0, partners: 0, commitments: 0 };
for (let i = 0; i <= runs; i++) {
  const t0 = performance.now();
  const g = buildGazetteer(areas, discoverPlaceNames(text, buildGazetteer(areas)));
  const t1 = performance.now();
  counts = { facts: 0, places: 0, partners: 0, commitments: 0 };
  for (const p of paragraphs) {
    const a = analyse(p, g, { reportYear: 2020 });
    counts.facts += a.facts.length;
    counts.places += a.places.length;
    counts.partners += a.partners.length;
    counts.commitments += a.commitments.length;
  }
  const t2 = performance.now();
  if (i > 0) {
    // The first run warms up and is not counted.
    gazetteerMs.push(t1 - t0);
    analyseMs.push(t2 - t1);
  }
}
console.log(`2020 report: ${paragraphs.length} paragraphs, ${text.length} characters; ${runs} runs after a warm-up`);
console.log(JSON.stringify({
  gazetteerMedianMs: round(median(gazetteerMs)),
  analyseMedianMs: round(median(analyseMs)),
  totalMedianMs: round(median(gazetteerMs.map((g, i) => g + analyseMs[i]))),
  charactersPerMs: Math.round(text.length / median(analyseMs)),
  ...counts,
}));
