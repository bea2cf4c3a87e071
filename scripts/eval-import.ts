// npm run eval:import [-- --misses] [-- --set tuning|heldOut]: (1) precision and recall of the import's
// text extractors (facts by kind, places, partners, commitments) on the hand-labelled Leicestershire
// set in test/fixtures/labelled; (2) the importer on other councils' documents
// (test/fixtures/eval-import), tuning and held-out sets reported apart.
import { formatScores } from '../src/ingest/text/evaluate.js';
import { runLabelledSet } from './labelled-set.js';
import { formatDocument, formatSet, runOthers } from './eval-others.js';

const run = runLabelledSet();
const docs = run.byDocument.length;
console.log(`Labelled set: ${docs} files\n`);
for (const d of run.byDocument) {
  console.log(d.file);
  console.log(formatScores(d.evaluation.scores));
  console.log('');
}
console.log('Held-out files only (labelled before the extractors were first run on them; docs/extraction.md gives the figures of those first runs)');
console.log(formatScores(run.heldOut.scores));
console.log('');
console.log('All files');
console.log(formatScores(run.all.scores));
if (process.argv.includes('--misses')) {
  console.log('\nDifferences (missed = labelled but not found; extra = found but not labelled)');
  for (const m of run.all.misses) console.log(`${m.entry}  ${m.kind.padEnd(10)} ${m.what.padEnd(6)} ${m.text}`);
}

const setArg = process.argv.indexOf('--set');
const only = setArg > 0 ? (process.argv[setArg + 1] as 'tuning' | 'heldOut') : undefined;
const others = await runOthers(only);
console.log('\nOther councils\' documents (../shared/fixtures/reports/others; labels in test/fixtures/eval-import)');
for (const s of others.scores) {
  console.log(formatDocument(s));
  if (process.argv.includes('--misses')) for (const m of s.misses) console.log(`    ${m}`);
}
console.log('');
if (!only || only === 'tuning') console.log(formatSet('Tuning set', others.tuning));
if (!only || only === 'heldOut') console.log(formatSet('Held-out set (never tuned on)', others.heldOut));
