// Scores the commitment extractor, as the importer runs it, against the hand-labelled commitments of
// the 2020 report (test/fixtures/commitments): a found commitment matches a labelled one when their
// sentences overlap (as the import scores match them); its due date is right when the window is the
// same (or both are due at plan end).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { overlap, type Span } from '../src/ingest/report/evaluate-structure.js';
import { parseReport } from '../src/ingest/report/parse.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const COMMITMENT_LABELS = path.join(ROOT, 'test', 'fixtures', 'commitments');
const REPORTS = path.join(path.resolve(ROOT, '../shared'), 'fixtures', 'reports');

interface Labelled { id: string; label: string; at: Span; due: { start: string; end: string } | 'plan-end' }

export interface CommitmentScores {
  file: string;
  labelled: number;
  found: number;
  matched: number;
  precision: number;
  recall: number;
  /** Of the matched, the share whose due date (or plan end) is the labelled one. */
  dueRight: number;
  missed: string[];
  extra: string[];
}

export function scoreCommitments(file: string): CommitmentScores {
  const labels = JSON.parse(fs.readFileSync(path.join(COMMITMENT_LABELS, file), 'utf8')) as { source: string; commitments: Labelled[] };
  const text = fs.readFileSync(path.join(REPORTS, labels.source), 'utf8');
  const report = parseReport(text, labels.source.endsWith('.md'), { name: labels.source });
  const found = report.entries.flatMap((e) => e.commitments);
  // Matched as the import scores match commitments (evaluate-structure.ts): the spans share a character.
  const overlaps = (a: Span, c: { start: number; end: number }) => overlap(a, [c.start, c.end]) > 0;
  let matched = 0;
  let dueRight = 0;
  const missed: string[] = [];
  for (const l of labels.commitments) {
    const c = found.find((f) => overlaps(l.at, f));
    if (!c) {
      missed.push(`${l.id} ${l.label}`);
      continue;
    }
    matched++;
    if (l.due === 'plan-end' ? c.dueStart === null : c.dueStart === l.due.start && c.dueEnd === l.due.end) dueRight++;
  }
  const extra = found.filter((c) => !labels.commitments.some((l) => overlaps(l.at, c))).map((c) => `${c.start}-${c.end} ${c.dueText ?? '(no date)'}`);
  const hits = found.length - extra.length;
  return {
    file, labelled: labels.commitments.length, found: found.length, matched,
    precision: found.length ? hits / found.length : 1, recall: labels.commitments.length ? matched / labels.commitments.length : 1,
    dueRight: matched ? dueRight / matched : 1, missed, extra,
  };
}

export const commitmentLabelFiles = () => fs.readdirSync(COMMITMENT_LABELS).filter((f) => f.endsWith('.json')).sort();
