// Scores the importer on other councils' documents against labels kept as offsets (test/fixtures/
// eval-import): items found (entries, narrative paragraphs and unplaced text alike), their titles,
// section headings, facts, commitments, measures and the not-a-report flag. Pure: the caller reads
// the documents and parses them. How a found unit matches a labelled one is set out in docs/import.md.
import type { ParsedReport } from './parse.js';

/** Character offsets [start, end) into a document's text. */
export type Span = [number, number];

export interface StructureLabels {
  source: string;
  /**
   * 'extra': the dev set whose texts are kept outside the repository (scripts/eval-others.ts, runExtra);
   * 'commit': the commitments dev set, labelled for commitments only (runCommitmentSet).
   */
  set: 'tuning' | 'heldOut' | 'extra' | 'commit';
  layout: string;
  notReport: boolean;
  sections?: { at: Span }[];
  ignoreSections?: Span[];
  items?: { at: Span; title: Span | null }[];
  notItems?: Span[];
  ignore?: Span[];
  measures?: Span[];
  kpiTables?: number;
  facts?: Span[];
  /** Every commitment a reader sees; `due` (commitments dev set only) is the last day it is due by, null at the plan's end. */
  commitments?: { at: Span; due?: string | null }[];
  /** Statements a reader could take either way: a commitment found there is neither required nor wrong. */
  maybeCommitments?: Span[];
}

export interface Tally {
  labelled: number;
  found: number;
  matched: number;
}

export interface StructureScore {
  file: string;
  set: StructureLabels['set'];
  items: Tally;
  /** Labelled items whose title (or lack of one) was found right. */
  titles: { labelled: number; right: number };
  sections: Tally;
  facts: { found: number; right: number };
  /**
   * found: labelled commitments found; taken: commitments the importer took; wrong: those of them that
   * meet no labelled (or either-way) one; dueLabelled/dueRight: found ones whose label gives a due
   * date (or plan end), and of those, the ones due in the labelled year (or both at plan end).
   */
  commitments: { labelled: number; found: number; taken: number; wrong: number; dueLabelled: number; dueRight: number };
  measures: { labelled: number; found: number; offered: number };
  notReport: { labelled: boolean; flagged: boolean };
  misses: string[];
}

/** How many characters two spans share (0 when they do not meet); found and labelled spans match when it is above 0. */
export const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
const len = (a: Span) => Math.max(1, a[1] - a[0]);
/** Two spans are one unit when each covers at least half of the other. */
const same = (a: Span, b: Span) => overlap(a, b) >= 0.5 * len(a) && overlap(a, b) >= 0.5 * len(b);
const tidy = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—-]/g, '-').replace(/^[\s•\-*\d.)]+/, '').replace(/[\s:.;,–-]+$/, '').replace(/\s+/g, ' ').trim().toLowerCase();

/** Every piece of text the importer kept as a unit: entries, narrative paragraphs (not lead-ins ending in ':'). */
export function foundUnits(report: ParsedReport): { at: Span; title: string }[] {
  const units: { at: Span; title: string }[] = report.entries.map((e) => ({ at: [e.start, e.end], title: e.title }));
  for (const n of report.narrative) {
    for (const p of n.paragraphs) if (!/:\s*$/.test(p.text)) units.push({ at: [p.start, p.end], title: '' });
  }
  return units;
}

export function scoreStructure(file: string, text: string, report: ParsedReport | null, labels: StructureLabels): StructureScore {
  const misses: string[] = [];
  const show = (s: Span) => `${s[0]}-${s[1]} "${text.slice(s[0], Math.min(s[1], s[0] + 50)).replace(/\s+/g, ' ')}"`;
  const score: StructureScore = {
    file, set: labels.set,
    items: { labelled: 0, found: 0, matched: 0 }, titles: { labelled: 0, right: 0 }, sections: { labelled: 0, found: 0, matched: 0 },
    facts: { found: 0, right: 0 }, commitments: { labelled: 0, found: 0, taken: 0, wrong: 0, dueLabelled: 0, dueRight: 0 }, measures: { labelled: 0, found: 0, offered: 0 },
    notReport: { labelled: labels.notReport, flagged: Boolean(report?.notReport) }, misses,
  };
  if (!report || labels.notReport) return score;

  if (labels.items) {
    const ignore = labels.ignore ?? [];
    const units = foundUnits(report).filter((u) => !ignore.some((g) => overlap(u.at, g) >= 0.5 * len(u.at)));
    const used = new Set<number>();
    score.items.labelled = labels.items.length;
    score.items.found = units.length;
    score.titles.labelled = labels.items.length;
    for (const item of labels.items) {
      const k = units.findIndex((u, i) => !used.has(i) && same(u.at, item.at));
      if (k < 0) {
        misses.push(`missed item ${show(item.at)}`);
        continue;
      }
      used.add(k);
      score.items.matched++;
      const want = item.title ? tidy(text.slice(item.title[0], item.title[1])) : '';
      if (tidy(units[k].title) === want) score.titles.right++;
      else misses.push(`title "${units[k].title}" for ${show(item.at)}`);
    }
    units.forEach((u, i) => {
      if (!used.has(i)) misses.push(`extra unit ${show(u.at)}`);
    });
  }
  if (labels.sections) {
    const skip = labels.ignoreSections ?? [];
    const found = report.sections.flatMap((s) => (s.heading ? [[s.heading.start, s.heading.end] as Span] : []))
      .filter((h) => !skip.some((g) => overlap(h, g) > 0));
    score.sections.labelled = labels.sections.length;
    score.sections.found = found.length;
    score.sections.matched = labels.sections.filter((l) => found.some((h) => overlap(h, l.at) > 0)).length;
    for (const h of found) if (!labels.sections.some((l) => overlap(h, l.at) > 0)) misses.push(`extra section ${show(h)}`);
  }
  if (labels.facts) {
    for (const e of report.entries) {
      for (const f of e.factSources) {
        score.facts.found++;
        if (labels.facts.some((l) => overlap([f.start, f.end], l) > 0)) score.facts.right++;
        else misses.push(`wrong fact ${show([f.start, f.end])}`);
      }
    }
  }
  if (labels.commitments) scoreCommitments(report, labels, score, show);
  score.measures.offered = report.measures.length;
  if (labels.measures) {
    score.measures.labelled = labels.measures.length;
    score.measures.found = labels.measures.filter((l) => report.measures.some((m) => overlap([m.start, m.end], l) > 0)).length;
  }
  return score;
}

/** Commitments: labelled ones found (and due in the labelled year), and those taken that a reader would not call one. */
function scoreCommitments(report: ParsedReport, labels: StructureLabels, score: StructureScore, show: (s: Span) => string): void {
  const misses = score.misses;
  const labelled = labels.commitments ?? [];
  const found = [...report.entries, ...report.narrative].flatMap((e) => e.commitments);
  const meets = (l: Span) => (c: { start: number; end: number }) => overlap([c.start, c.end], l) > 0;
  const c = score.commitments;
  c.labelled = labelled.length;
  c.taken = found.length;
  for (const l of labelled) {
    const hit = found.find(meets(l.at));
    if (!hit) {
      misses.push(`missed commitment ${show(l.at)}`);
      continue;
    }
    c.found++;
    if (l.due === undefined) continue;
    c.dueLabelled++;
    if (l.due === null ? hit.dueEnd === null : hit.dueEnd !== null && hit.dueEnd.slice(0, 4) === l.due.slice(0, 4)) c.dueRight++;
    else misses.push(`due ${hit.dueEnd ?? 'plan end'} (labelled ${l.due ?? 'plan end'}) for ${show(l.at)}`);
  }
  const either = [...labelled.map((l) => l.at), ...(labels.maybeCommitments ?? [])];
  for (const f of found) {
    if (either.some((l) => meets(l)(f))) continue;
    c.wrong++;
    misses.push(`wrong commitment ${show([f.start, f.end])}`);
  }
}

export interface SetSummary {
  documents: number;
  items: { precision: number; recall: number };
  titles: number;
  sections: { precision: number; recall: number };
  factsPrecision: number;
  commitmentsRecall: number;
  /** Of the commitments taken in documents whose commitments are labelled, the share a reader sees as one (or either way). */
  commitmentsPrecision: number;
  /** Of the labelled commitments found whose label gives a due date or plan end, the share due in the labelled year (null when no label gives one). */
  commitmentsDue: number | null;
  measuresRecall: number;
  notReports: { labelled: number; flagged: number; wronglyFlagged: number };
}

const ratio = (a: number, b: number) => (b ? a / b : 1);

/** Totals over a set of documents (micro-averaged: every item, fact and commitment counts once). */
export function summarise(scores: StructureScore[]): SetSummary {
  const sum = (f: (s: StructureScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  return {
    documents: scores.length,
    items: { precision: ratio(sum((s) => s.items.matched), sum((s) => s.items.found)), recall: ratio(sum((s) => s.items.matched), sum((s) => s.items.labelled)) },
    titles: ratio(sum((s) => s.titles.right), sum((s) => s.titles.labelled)),
    sections: { precision: ratio(sum((s) => s.sections.matched), sum((s) => s.sections.found)), recall: ratio(sum((s) => s.sections.matched), sum((s) => s.sections.labelled)) },
    factsPrecision: ratio(sum((s) => s.facts.right), sum((s) => s.facts.found)),
    commitmentsRecall: ratio(sum((s) => s.commitments.found), sum((s) => s.commitments.labelled)),
    commitmentsPrecision: ratio(sum((s) => s.commitments.taken - s.commitments.wrong), sum((s) => s.commitments.taken)),
    commitmentsDue: sum((s) => s.commitments.dueLabelled) ? ratio(sum((s) => s.commitments.dueRight), sum((s) => s.commitments.dueLabelled)) : null,
    measuresRecall: ratio(sum((s) => s.measures.found), sum((s) => s.measures.labelled)),
    notReports: {
      labelled: scores.filter((s) => s.notReport.labelled).length,
      flagged: scores.filter((s) => s.notReport.labelled && s.notReport.flagged).length,
      wronglyFlagged: scores.filter((s) => !s.notReport.labelled && s.notReport.flagged).length,
    },
  };
}
