// Loads the hand-labelled evaluation set (test/fixtures/labelled/*.json) with the real reports it
// was drawn from (../shared/fixtures/reports), reads each entry's text from its report by offsets, and runs
// the text extractors over it. Used by `npm run eval:import` and by the labelled-set test.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReferenceAreas } from '../src/store/queries/loadReferenceAreas.js';
import { analyse, buildGazetteer, discoverPlaceNames, type Analysis, type Gazetteer } from '../src/ingest/text/index.js';
import { evaluate, joinLines, textAt, type Evaluation, type LabelledEntry, type ScoredKind } from '../src/ingest/text/evaluate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const LABELLED_DIR = path.join(ROOT, 'test', 'fixtures', 'labelled');
export const REPORTS_DIR = path.join(path.resolve(ROOT, '../shared'), 'fixtures', 'reports');

export interface LabelledDocument {
  file: string;
  source: string;
  reportYear: number;
  entries: LabelledEntry[];
  /** The report's text with line breaks inside paragraphs joined (a stand-in for the importer's clean-up). */
  reportText: string;
}

export { joinLines };

export function loadLabelledSet(): LabelledDocument[] {
  const docs: LabelledDocument[] = [];
  for (const file of fs.readdirSync(LABELLED_DIR).filter((f) => f.endsWith('.json')).sort()) {
    const data = JSON.parse(fs.readFileSync(path.join(LABELLED_DIR, file), 'utf8')) as { source: string; reportYear: number; kinds?: ScoredKind[]; entries: (Omit<LabelledEntry, 'text'> & { at: [number, number] })[] };
    const reportText = joinLines(fs.readFileSync(path.join(REPORTS_DIR, data.source), 'utf8'));
    // Entries hold offsets into the report, not its words; a file that labels only some kinds
    // ("kinds": ["commitment"]) is scored on those alone.
    const entries: LabelledEntry[] = data.entries.map(({ at, ...e }) => ({
      ...e, text: textAt(reportText, at, `${file}: entry ${e.id}`), ...(data.kinds ? { kinds: data.kinds } : {}),
    }));
    docs.push({ file, source: data.source, reportYear: data.reportYear, entries, reportText });
  }
  return docs;
}

/** The gazetteer for a report: the reference areas plus the towns and villages the whole report names. */
export function gazetteerFor(reportText: string): Gazetteer {
  const areas = readReferenceAreas().map((a) => ({ code: a.code, name: a.name, type: a.type, shortName: a.shortName }));
  const base = buildGazetteer(areas);
  return buildGazetteer(areas, discoverPlaceNames(reportText, base));
}

export interface LabelledRun {
  all: Evaluation;
  /** Only the held-out files (heldout-*.json): labelled before the extractors were first run on them. */
  heldOut: Evaluation;
  byDocument: { file: string; evaluation: Evaluation }[];
}

export const isHeldOut = (file: string) => file.startsWith('heldout-');

/** Runs the extractors over every labelled entry and scores them, overall and per report. */
export function runLabelledSet(docs = loadLabelledSet()): LabelledRun {
  const allEntries: LabelledEntry[] = [];
  const allAnalyses: Analysis[] = [];
  const heldEntries: LabelledEntry[] = [];
  const heldAnalyses: Analysis[] = [];
  const byDocument = docs.map((d) => {
    const g = gazetteerFor(d.reportText);
    const analyses = d.entries.map((e) => analyse(e.text, g, { reportYear: d.reportYear }));
    allEntries.push(...d.entries);
    allAnalyses.push(...analyses);
    if (isHeldOut(d.file)) {
      heldEntries.push(...d.entries);
      heldAnalyses.push(...analyses);
    }
    return { file: d.file, evaluation: evaluate(d.entries, analyses) };
  });
  return { all: evaluate(allEntries, allAnalyses), heldOut: evaluate(heldEntries, heldAnalyses), byDocument };
}
