// Loads the labels in test/fixtures/eval-import, reads each document from ../shared/fixtures/reports
// as the importer would, parses it and scores it (src/ingest/report/evaluate-structure.ts). Used by
// `npm run eval:import` and by test/eval-others.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReport } from '../src/ingest/report/read.js';
import { parseReport } from '../src/ingest/report/parse.js';
import { scoreStructure, summarise, type SetSummary, type StructureLabels, type StructureScore } from '../src/ingest/report/evaluate-structure.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const EVAL_DIR = path.join(ROOT, 'test', 'fixtures', 'eval-import');
export const SHARED_REPORTS = path.resolve(ROOT, '../shared/fixtures/reports');

export interface OthersRun {
  scores: StructureScore[];
  tuning: SetSummary;
  heldOut: SetSummary;
}

/**
 * The extra dev set: labels committed as test/fixtures/eval-import/extra-*.json (offsets and short
 * labels only), texts kept outside the repository in `dir` (their addresses are in each label's
 * `url`). A label whose text is missing, or is not the length it was labelled at, is skipped.
 */
export function runExtra(dir: string): Promise<DevRun> {
  return runDevSet(dir, /^extra-.+\.json$/);
}

/**
 * The commitments dev set: other councils' pages and reports labelled for commitments only (every
 * promise a reader sees, with its due year or plan end, and the statements that could be taken
 * either way), as test/fixtures/eval-import/commit-*.json; texts outside the repository in `dir`.
 */
export function runCommitmentSet(dir: string): Promise<DevRun> {
  return runDevSet(dir, /^commit-.+\.json$/);
}

export interface DevRun { scores: StructureScore[]; summary: SetSummary; skipped: string[] }

async function runDevSet(dir: string, pattern: RegExp): Promise<DevRun> {
  const scores: StructureScore[] = [];
  const skipped: string[] = [];
  for (const f of fs.readdirSync(EVAL_DIR).filter((n) => pattern.test(n)).sort()) {
    const labels = JSON.parse(fs.readFileSync(path.join(EVAL_DIR, f), 'utf8')) as StructureLabels & { chars?: number };
    const file = path.join(dir, labels.source);
    if (!fs.existsSync(file)) {
      skipped.push(`${labels.source} (not found)`);
      continue;
    }
    const read = await readReport({ name: path.basename(file), bytes: fs.readFileSync(file) });
    if (labels.chars !== undefined && read.text.length !== labels.chars) {
      skipped.push(`${labels.source} (${read.text.length} characters, labelled at ${labels.chars})`);
      continue;
    }
    const report = parseReport(read.text, read.markdown, { name: read.name });
    scores.push(scoreStructure(path.basename(file), read.text, report, labels));
  }
  return { scores, summary: summarise(scores), skipped };
}

export function loadLabels(set?: 'tuning' | 'heldOut'): StructureLabels[] {
  return fs.readdirSync(EVAL_DIR).filter((f) => /^\d+\.json$/.test(f)).sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(EVAL_DIR, f), 'utf8')) as StructureLabels)
    .filter((l) => !set || l.set === set);
}

/** Reads, parses and scores every labelled document (or one set's). */
export async function runOthers(set?: 'tuning' | 'heldOut'): Promise<OthersRun> {
  const scores: StructureScore[] = [];
  for (const labels of loadLabels(set)) {
    const file = path.join(SHARED_REPORTS, labels.source);
    const read = await readReport({ name: path.basename(file), bytes: fs.readFileSync(file) });
    const report = parseReport(read.text, read.markdown, { name: read.name });
    scores.push(scoreStructure(path.basename(file), read.text, report, labels));
  }
  return { scores, tuning: summarise(scores.filter((s) => s.set === 'tuning')), heldOut: summarise(scores.filter((s) => s.set === 'heldOut')) };
}

const f3 = (x: number) => x.toFixed(3);

export function formatSet(name: string, s: SetSummary): string {
  return [
    `${name} (${s.documents} documents)`,
    `  items      precision ${f3(s.items.precision)}  recall ${f3(s.items.recall)}`,
    `  titles     ${f3(s.titles)}`,
    `  sections   precision ${f3(s.sections.precision)}  recall ${f3(s.sections.recall)}`,
    `  facts      precision ${f3(s.factsPrecision)}`,
    `  commitments recall ${f3(s.commitmentsRecall)}  precision ${f3(s.commitmentsPrecision)}  due year ${s.commitmentsDue === null ? 'not labelled' : f3(s.commitmentsDue)}  (items and narrative)`,
    `  measures   recall ${f3(s.measuresRecall)}`,
    `  not a report: ${s.notReports.flagged} of ${s.notReports.labelled} flagged; ${s.notReports.wronglyFlagged} report(s) wrongly flagged`,
  ].join('\n');
}

export function formatDocument(s: StructureScore): string {
  const i = s.items;
  return `${s.file.padEnd(58)} ${s.set.padEnd(7)} items ${i.matched}/${i.labelled} of ${i.found} found; titles ${s.titles.right}/${s.titles.labelled}; ` +
    `sections ${s.sections.matched}/${s.sections.labelled} of ${s.sections.found}; facts ${s.facts.right}/${s.facts.found}; ` +
    `commitments ${s.commitments.found}/${s.commitments.labelled} of ${s.commitments.taken} taken (${s.commitments.wrong} wrong); measures ${s.measures.found}/${s.measures.labelled} (${s.measures.offered} offered); ` +
    `not a report ${s.notReport.labelled ? 'yes' : 'no'}/${s.notReport.flagged ? 'flagged' : 'not flagged'}`;
}
