// Precision and recall of the importer's items against the hand-labelled items in
// test/fixtures/labelled-items: titled items by title and section, untitled achievements by text.
import fs from 'node:fs';
import path from 'node:path';
import { parseReport, type ParsedReport } from './parse.js';
import { joinLines, textAt } from '../text/evaluate.js';

export interface ItemScore {
  file: string;
  labelled: number;
  found: number;
  matched: number;
  precision: number;
  recall: number;
  /** Labelled but not found, and found but not labelled. */
  missed: string[];
  extra: string[];
}

interface TitledLabels { source: string; items: { title: string; section: string }[] }
interface UntitledLabels { source: string; items: { body: string; section: string }[] }

const norm = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s[–—-]\s/g, ' - ').replace(/\s+/g, ' ').trim();

function score(file: string, labelled: string[], found: string[]): ItemScore {
  const want = new Set(labelled);
  const got = new Set(found);
  const matched = [...got].filter((x) => want.has(x)).length;
  return {
    file, labelled: want.size, found: got.size, matched,
    precision: got.size ? matched / got.size : 0,
    recall: want.size ? matched / want.size : 0,
    missed: [...want].filter((x) => !got.has(x)),
    extra: [...got].filter((x) => !want.has(x)),
  };
}

/** Titled items: an item counts when its title and its section are both right. */
export function scoreTitled(file: string, report: ParsedReport, labels: TitledLabels): ItemScore {
  const key = (title: string, section: string) => `${norm(title)} @ ${norm(section)}`;
  const found = report.entries.filter((e) => e.title).map((e) => key(e.title, report.sections[e.section].title));
  return score(file, labels.items.map((i) => key(i.title, i.section)), found);
}

/** Untitled achievements: only items inside the labelled paragraphs are scored (fragments and merges count against). */
export function scoreUntitled(file: string, report: ParsedReport, labels: UntitledLabels): ItemScore {
  const key = (body: string, section: string) => `${norm(body)} @ ${norm(section)}`;
  const scope = labels.items.map((i) => norm(i.body)).join(' ');
  const found = report.entries
    .filter((e) => !e.title && scope.includes(norm(e.body)))
    .map((e) => key(e.body, report.sections[e.section].title));
  return score(file, labels.items.map((i) => key(i.body, i.section)), found);
}

/** Parses each labelled report (read from the shared fixtures) and scores its items. */
export function evaluateItems(labelledDir: string, reportsDir: string): ItemScore[] {
  const scores: ItemScore[] = [];
  for (const file of fs.readdirSync(labelledDir).filter((f) => f.endsWith('.json')).sort()) {
    const labels = JSON.parse(fs.readFileSync(path.join(labelledDir, file), 'utf8')) as { source: string; items: ({ title: string } | { body: string } | { at: [number, number]; section: string })[] };
    const text = fs.readFileSync(path.join(reportsDir, labels.source), 'utf8');
    // Untitled items are kept as offsets into the report's joined text, not as copies of its words.
    const joined = joinLines(text);
    labels.items = labels.items.map((i, n) => ('at' in i ? { body: textAt(joined, i.at, `${file}: item ${n + 1}`), section: i.section } : i));
    const report = parseReport(text, labels.source.endsWith('.md'), { name: labels.source });
    scores.push('title' in (labels.items[0] ?? {})
      ? scoreTitled(file, report, labels as TitledLabels)
      : scoreUntitled(file, report, labels as UntitledLabels));
  }
  return scores;
}
