// npm run eval:import [-- --misses]: precision and recall of the import's text extractors (facts by
// kind, places, partners, commitments) on the hand-labelled set in test/fixtures/labelled.
import { formatScores } from '../src/ingest/text/evaluate.js';
import { runLabelledSet } from './labelled-set.js';

const run = runLabelledSet();
const docs = run.byDocument.length;
console.log(`Labelled set: ${docs} files\n`);
for (const d of run.byDocument) {
  console.log(d.file);
  console.log(formatScores(d.evaluation.scores));
  console.log('');
}
console.log('Held-out files only (labelled before the extractors ran on them; never used to tune them)');
console.log(formatScores(run.heldOut.scores));
console.log('');
console.log('All files');
console.log(formatScores(run.all.scores));
if (process.argv.includes('--misses')) {
  console.log('\nDifferences (missed = labelled but not found; extra = found but not labelled)');
  for (const m of run.all.misses) console.log(`${m.entry}  ${m.kind.padEnd(10)} ${m.what.padEnd(6)} ${m.text}`);
}
