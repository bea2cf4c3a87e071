// npm run eval:items [-- --misses]: precision and recall of the report importer's items (titles and
// sections of titled items; one entry per achievement in untitled paragraphs) on the labelled items.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateItems } from '../src/ingest/report/evaluate-items.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scores = evaluateItems(path.join(root, 'test/fixtures/labelled-items'), path.resolve(root, '../shared/fixtures/reports'));
const pct = (x: number) => x.toFixed(3);
console.log('file                                  labelled  found  matched  precision  recall');
for (const s of scores) console.log(`${s.file.padEnd(38)}${String(s.labelled).padStart(8)}${String(s.found).padStart(7)}${String(s.matched).padStart(9)}${pct(s.precision).padStart(11)}${pct(s.recall).padStart(8)}`);
if (process.argv.includes('--misses')) {
  for (const s of scores) {
    for (const m of s.missed) console.log(`${s.file}  missed  ${m}`);
    for (const m of s.extra) console.log(`${s.file}  extra   ${m}`);
  }
}
console.log(JSON.stringify(Object.fromEntries(scores.map((s) => [s.file, { precision: Number(pct(s.precision)), recall: Number(pct(s.recall)) }]))));
