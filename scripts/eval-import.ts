// npm run eval:import [-- --misses] [-- --set tuning|heldOut] [-- --extra DIR] [-- --commit DIR]: (1) precision and recall of the import's
// text extractors (facts by kind, places, partners, commitments) on the hand-labelled Leicestershire
// set in test/fixtures/labelled; (2) the importer on other councils' documents
// (test/fixtures/eval-import), tuning and held-out sets reported apart; with --extra DIR, also the
// extra dev set (labels extra-*.json, texts in DIR, kept out of the repository); with --commit DIR,
// the commitments dev set (labels commit-*.json, texts in DIR, likewise). --misses lists
// differences only with --set tuning or for the extra set: the held-out set's are never printed.
import { formatScores } from '../src/ingest/text/evaluate.js';
import { runLabelledSet } from './labelled-set.js';
import { formatDocument, formatSet, runCommitmentSet, runExtra, runOthers, type DevRun } from './eval-others.js';

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
const misses = process.argv.includes('--misses');
const others = await runOthers(only);
console.log('\nOther councils\' documents (../shared/fixtures/reports/others; labels in test/fixtures/eval-import)');
for (const s of others.scores) {
  console.log(formatDocument(s));
  if (misses && s.set === 'tuning') for (const m of s.misses) console.log(`    ${m}`);
}
function printDev(title: string, name: string, run: DevRun): void {
  console.log(`\n${title}`);
  for (const s of run.scores) {
    console.log(formatDocument(s));
    if (misses) for (const m of s.misses) console.log(`    ${m}`);
  }
  if (run.skipped.length) console.log(`Skipped: ${run.skipped.join('; ')}`);
  console.log(formatSet(name, run.summary));
}
const extraArg = process.argv.indexOf('--extra');
if (extraArg > 0) {
  printDev('Extra dev set (labels test/fixtures/eval-import/extra-*.json, texts outside the repository)', 'Extra dev set', await runExtra(process.argv[extraArg + 1] ?? '.'));
}
const commitArg = process.argv.indexOf('--commit');
if (commitArg > 0) {
  printDev('Commitments dev set (labels test/fixtures/eval-import/commit-*.json, texts outside the repository)', 'Commitments dev set', await runCommitmentSet(process.argv[commitArg + 1] ?? '.'));
}
console.log('');
if (!only || only === 'tuning') console.log(formatSet('Tuning set', others.tuning));
if (!only || only === 'heldOut') console.log(formatSet('Held-out set (never tuned on)', others.heldOut));
