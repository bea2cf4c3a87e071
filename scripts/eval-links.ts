// npm run eval:links [-- --sweep] [-- --misses]: precision and recall of the link suggestions on the
// labelled pairs of the 2020 report and the 2024 summary, at the default threshold; the threshold
// was chosen on the tuning half of the pairs, and the held-out half is reported on its own.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReport } from '../src/ingest/report/parse.js';
import { DEFAULT_LINK_THRESHOLD } from '../src/services/links/match.js';
import { scorePairs, splitLabels, suggestedPairs, unknownOffsets, type LinkLabels } from '../src/services/links/evaluate-links.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const labels = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/labelled-links.json'), 'utf8')) as LinkLabels;
const shared = path.resolve(root, '../shared/fixtures/reports');
const parse = (name: string) => parseReport(fs.readFileSync(path.join(shared, name), 'utf8'), name.endsWith('.md'), { name });
const earlier = parse(labels.earlier);
const later = parse(labels.later);
const unknown = unknownOffsets(labels, earlier, later);
if (unknown.length) {
  console.error(`These labelled offsets are not where an entry starts: ${unknown.join(', ')}`);
  process.exit(1);
}
const { tuning, heldOut } = splitLabels(labels);
const pct = (x: number) => x.toFixed(3);
if (process.argv.includes('--sweep')) {
  for (let t = 0.1; t <= 0.6; t += 0.025) {
    const s = scorePairs(suggestedPairs(earlier, later, t), tuning.same, tuning.different);
    console.log(`threshold ${t.toFixed(3)}  tuning precision ${pct(s.precision)} recall ${pct(s.recall)}`);
  }
}
const suggested = suggestedPairs(earlier, later);
const rows = { tuning: scorePairs(suggested, tuning.same, tuning.different), heldOut: scorePairs(suggested, heldOut.same, heldOut.different), all: scorePairs(suggested, labels.same, labels.different) };
console.log(`threshold ${DEFAULT_LINK_THRESHOLD}; ${later.entries.length} later entries got ${suggested.size} suggestions among ${earlier.entries.length} earlier ones`);
console.log('pairs        labelled  same  suggested  correct  precision  recall');
for (const [name, s] of Object.entries(rows)) {
  console.log(`${name.padEnd(12)}${String(s.pairs).padStart(9)}${String(s.same).padStart(6)}${String(s.suggested).padStart(11)}${String(s.correct).padStart(9)}${pct(s.precision).padStart(11)}${pct(s.recall).padStart(8)}`);
}
if (process.argv.includes('--misses')) {
  const title = (r: typeof earlier, at: number) => { const e = r.entries.find((x) => x.start === at)!; return (e.title || e.body).slice(0, 60); };
  for (const [a, b] of labels.same) if (!suggested.has(`${a}|${b}`)) console.log(`missed  ${a}|${b}  ${title(earlier, a)}  <->  ${title(later, b)}`);
  for (const [a, b] of labels.different) if (suggested.has(`${a}|${b}`)) console.log(`wrong   ${a}|${b}  ${title(earlier, a)}  <->  ${title(later, b)}`);
}
console.log(JSON.stringify({ threshold: DEFAULT_LINK_THRESHOLD, ...Object.fromEntries(Object.entries(rows).map(([k, s]) => [k, { precision: Number(pct(s.precision)), recall: Number(pct(s.recall)) }])) }));
