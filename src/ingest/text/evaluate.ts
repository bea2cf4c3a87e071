// Scores what the extractors find against a hand-labelled set: precision and recall per kind of
// fact, and for places, partners and commitments. Pure: the caller loads the labels and runs the
// extractors. How a found item matches a labelled one is set out in docs/extraction.md.
import type { Analysis } from './index.js';
import type { FactKind } from './facts.js';

export interface LabelledFact {
  kind: FactKind;
  text: string;
  value: number | null;
  valueMax: number | null;
  unit: string;
  approximate: boolean;
  dateStart: string | null;
  dateEnd: string | null;
}

export interface LabelledCommitment {
  dueText: string;
  dueStart: string | null;
  dueEnd: string | null;
}

export interface LabelledEntry {
  id: string;
  text: string;
  facts: LabelledFact[];
  places: string[];
  partners: string[];
  commitments: LabelledCommitment[];
  /** When set, only these kinds are labelled for the entry and only they are scored. */
  kinds?: ScoredKind[];
}

export const SCORED_KINDS = ['money', 'count', 'percent', 'date', 'period', 'duration', 'place', 'partner', 'commitment'] as const;
export type ScoredKind = (typeof SCORED_KINDS)[number];

export interface Score {
  kind: ScoredKind;
  /** Labelled items, items found, and found items that match a labelled one. */
  labelled: number;
  found: number;
  matched: number;
  precision: number;
  recall: number;
}

export interface Miss {
  entry: string;
  kind: ScoredKind;
  /** 'missed' = labelled but not found; 'extra' = found but not labelled. */
  what: 'missed' | 'extra';
  text: string;
}

export interface Evaluation {
  scores: Score[];
  misses: Miss[];
}

const normUnit = (u: string) => u.toLowerCase().replace(/[‘’'"“”]/g, '').replace(/\s+/g, ' ').trim();

/** Counts agree on what they count when one wording contains the other as whole words ("jobs" in "local jobs"). */
export function unitsAgree(a: string, b: string): boolean {
  const x = normUnit(a);
  const y = normUnit(b);
  if (!x || !y) return x === y;
  const contains = (long: string, short: string) => ` ${long} `.includes(` ${short} `);
  return contains(x, y) || contains(y, x);
}

const sameNumber = (a: number | null, b: number | null) =>
  a === b || (a !== null && b !== null && Math.abs(a - b) <= Math.max(1e-9, Math.abs(b) * 1e-9));

/** Where each labelled fact's text stands in the entry; repeated texts take successive occurrences. */
function locate(text: string, facts: LabelledFact[]): { start: number; end: number }[] {
  const used = new Map<string, number>();
  return facts.map((f) => {
    const from = used.get(f.text) ?? 0;
    let at = text.indexOf(f.text, from);
    if (at < 0) at = text.indexOf(f.text);
    used.set(f.text, at + 1);
    return { start: at, end: at + f.text.length };
  });
}

function factMatches(found: Analysis['facts'][number], gold: LabelledFact, span: { start: number; end: number }): boolean {
  if (found.kind !== gold.kind) return false;
  if (!(found.start < span.end && found.end > span.start)) return false;
  switch (gold.kind) {
    case 'date':
    case 'period':
      return gold.dateStart === null || (found.dateStart === gold.dateStart && found.dateEnd === gold.dateEnd);
    case 'count':
      return sameNumber(found.value, gold.value) && sameNumber(found.valueMax, gold.valueMax) && unitsAgree(found.unit, gold.unit);
    default:
      return sameNumber(found.value, gold.value) && sameNumber(found.valueMax, gold.valueMax);
  }
}

const normName = (s: string) => s.toLowerCase().replace(/^the\s+/, '').replace(/[’']s$/, '').replace(/\s+/g, ' ').trim();
/** Partner names agree when equal or when one contains the other as whole words ("Learn Academies Trust (Learn-AT)"). */
function namesAgree(a: string, b: string): boolean {
  const x = normName(a);
  const y = normName(b);
  return x === y || ` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `);
}

/**
 * One-to-one matching: each found item takes the first unmatched labelled item it agrees with,
 * exact agreements (when `exact` is given) being paired before looser ones.
 */
function pair<F, G>(found: F[], gold: G[], agree: (f: F, g: G) => boolean, exact?: (f: F, g: G) => boolean): { matched: number; extra: F[]; missed: G[] } {
  const taken = new Set<number>();
  const paired = new Set<number>();
  for (const test of exact ? [exact, agree] : [agree]) {
    found.forEach((f, fi) => {
      if (paired.has(fi)) return;
      const gi = gold.findIndex((g, i) => !taken.has(i) && test(f, g));
      if (gi >= 0) {
        taken.add(gi);
        paired.add(fi);
      }
    });
  }
  return { matched: taken.size, extra: found.filter((_, i) => !paired.has(i)), missed: gold.filter((_, i) => !taken.has(i)) };
}

type Tally = (kind: ScoredKind, labelled: number, found: number, matched: number) => void;
type Scorer = (entry: LabelledEntry, a: Analysis, add: Tally, misses: Miss[]) => void;

function scoreFacts(kind: FactKind): Scorer {
  return (entry, a, add, misses) => {
    const spans = locate(entry.text, entry.facts);
    const gold = entry.facts.map((f, j) => ({ f, span: spans[j] })).filter((g) => g.f.kind === kind);
    const found = a.facts.filter((f) => f.kind === kind);
    const r = pair(found, gold, (f, g) => factMatches(f, g.f, g.span));
    add(kind, gold.length, found.length, r.matched);
    for (const f of r.extra) misses.push({ entry: entry.id, kind, what: 'extra', text: `${f.text} (${f.value ?? f.dateStart ?? ''} ${f.unit})` });
    for (const g of r.missed) misses.push({ entry: entry.id, kind, what: 'missed', text: `${g.f.text} (${g.f.value ?? g.f.dateStart ?? ''} ${g.f.unit})` });
  };
}

const scorePlaces: Scorer = (entry, a, add, misses) => {
  const r = pair(a.places, entry.places, (f, g) => f.name.toLowerCase() === g.toLowerCase());
  add('place', entry.places.length, a.places.length, r.matched);
  for (const f of r.extra) misses.push({ entry: entry.id, kind: 'place', what: 'extra', text: f.name });
  for (const g of r.missed) misses.push({ entry: entry.id, kind: 'place', what: 'missed', text: g });
};

/** Partners are scored as the distinct organisations an entry names, not as mentions: a later, shorter
 *  mention of the same body ("the Development Corporation") is not another partner. */
const scorePartners: Scorer = (entry, a, add, misses) => {
  const distinct: Analysis['partners'] = [];
  for (const p of a.partners) if (!distinct.some((d) => namesAgree(d.name, p.name))) distinct.push(p);
  const gold = [...new Set(entry.partners)];
  const r = pair(distinct, gold, (f, g) => namesAgree(f.name, g), (f, g) => normName(f.name) === normName(g));
  add('partner', gold.length, distinct.length, r.matched);
  for (const f of r.extra) misses.push({ entry: entry.id, kind: 'partner', what: 'extra', text: f.name });
  for (const g of r.missed) misses.push({ entry: entry.id, kind: 'partner', what: 'missed', text: g });
};

const scoreCommitments: Scorer = (entry, a, add, misses) => {
  const r = pair(a.commitments, entry.commitments, (f, g) => f.dueStart === g.dueStart && f.dueEnd === g.dueEnd);
  add('commitment', entry.commitments.length, a.commitments.length, r.matched);
  for (const f of r.extra) misses.push({ entry: entry.id, kind: 'commitment', what: 'extra', text: `${f.dueText}: ${f.text}` });
  for (const g of r.missed) misses.push({ entry: entry.id, kind: 'commitment', what: 'missed', text: g.dueText });
};

const SCORERS: Record<ScoredKind, Scorer> = {
  money: scoreFacts('money'), count: scoreFacts('count'), percent: scoreFacts('percent'), date: scoreFacts('date'),
  period: scoreFacts('period'), duration: scoreFacts('duration'), place: scorePlaces, partner: scorePartners, commitment: scoreCommitments,
};

/** Scores one analysis per labelled entry (in the same order); an entry with `kinds` is scored on those alone. */
export function evaluate(entries: LabelledEntry[], analyses: Analysis[]): Evaluation {
  const tally = new Map<ScoredKind, { labelled: number; found: number; matched: number }>(SCORED_KINDS.map((k) => [k, { labelled: 0, found: 0, matched: 0 }]));
  const misses: Miss[] = [];
  const add: Tally = (kind, labelled, found, matched) => {
    const t = tally.get(kind)!;
    t.labelled += labelled;
    t.found += found;
    t.matched += matched;
  };
  entries.forEach((entry, i) => {
    for (const kind of entry.kinds ?? SCORED_KINDS) SCORERS[kind](entry, analyses[i], add, misses);
  });
  const scores = SCORED_KINDS.map((kind) => {
    const t = tally.get(kind)!;
    return {
      kind,
      ...t,
      precision: t.found === 0 ? 1 : t.matched / t.found,
      recall: t.labelled === 0 ? 1 : t.matched / t.labelled,
    };
  });
  return { scores, misses };
}

/** A plain-text table of scores, one row per kind, for the eval script. */
export function formatScores(scores: Score[]): string {
  const rows = [['kind', 'labelled', 'found', 'matched', 'precision', 'recall']];
  for (const s of scores) rows.push([s.kind, String(s.labelled), String(s.found), String(s.matched), s.precision.toFixed(3), s.recall.toFixed(3)]);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

/** Joins the lines of a report's paragraphs, rejoining words broken at a line end ("pop-\nup" → "pop-up"). */
export function joinLines(raw: string): string {
  return raw
    .replace(/<\/?sup>/g, '')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/-[ \t]*\n[ \t]*/g, '-').replace(/[ \t]*\n[ \t]*/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** The labelled passage at [start, end) of a report's joined text; `where` names it when the offsets do not fit. */
export function textAt(reportText: string, at: [number, number], where: string): string {
  const [start, end] = at;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= reportText.length)) {
    throw new Error(`${where}: offsets [${start}, ${end}] do not fit the report (${reportText.length} characters)`);
  }
  return reportText.slice(start, end);
}
