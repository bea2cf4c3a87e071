// "What changed" between two periods (or two reports): outcomes and themes added, renamed or
// dropped; commitments that fell due and what became of them; figures that moved for the same
// scheme (the facts of linked entries); indicators that moved against the comparison group. Pure.
import type { QuartileBand } from '../../domain/index.js';

export interface ChangesSide {
  periodKey: string;
  /** "2019/20" */
  label: string;
  /** yyyy-mm-dd */
  start: string;
  end: string;
  planTitle: string | null;
  outcomes: { id: string; title: string; themes: string[] }[];
}

export interface ChangeCommitmentInput {
  text: string;
  dueEnd: string | null;
  dueText: string | null;
  status: string;
  statusLabel: string;
  /** Titles of the entries that show it delivered. */
  evidence: string[];
}

export interface FigureFact { kind: string; unit: string; value: number | null; text: string }

export interface SchemeLinkInput {
  scheme: string;
  slug: string;
  earlier: { periodKey: string | null; title: string; facts: FigureFact[] };
  later: { periodKey: string | null; title: string; facts: FigureFact[] };
}

export interface IndicatorPosition { code: string; title: string; rank: number | null; n: number; quartileBand: QuartileBand | null }

export interface ChangesInput {
  from: ChangesSide;
  to: ChangesSide;
  /** The confirmed plan map (outcome ids of `from` to outcome ids of `to`), when there is one. */
  outcomeMap?: { from: string; to: string[] }[];
  commitments: ChangeCommitmentInput[];
  links: SchemeLinkInput[];
  indicators: { from: IndicatorPosition[]; to: IndicatorPosition[]; group: string | null };
}

export interface IndicatorMove { code: string; title: string; from: string; to: string }

export interface ChangesModel {
  from: { periodKey: string; label: string; planTitle: string | null };
  to: { periodKey: string; label: string; planTitle: string | null };
  outcomes: { kept: string[]; renamed: { from: string; to: string }[]; added: string[]; dropped: string[]; matchedBy: 'plan map' | 'titles' };
  themes: { added: string[]; dropped: string[] };
  commitments: { text: string; due: string; status: string; statusLabel: string; evidence: string[] }[];
  figures: { scheme: string; slug: string; from: string; to: string; fromLabel: string; toLabel: string }[];
  indicators: { group: string | null; improving: IndicatorMove[]; worsening: IndicatorMove[]; steady: number; notComparable: number };
  /** One sentence for each part with nothing to show, saying why. */
  notes: string[];
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'to', 'in', 'on', 'our', 'with']);
const words = (title: string) => new Set(title.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ')
  .filter((w) => w && !SMALL_WORDS.has(w)).map((w) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)));

/**
 * How alike two outcome or theme titles are: the share of the shorter title's words the other has
 * ("A Strong Economy" and "Strong Economy, Transport and Infrastructure": 1). Stands in for the plan
 * map until one is confirmed.
 */
export function titleSimilarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.min(x.size, y.size);
}

const SAME_TITLE = (a: string, b: string) => [...words(a)].sort().join(' ') === [...words(b)].sort().join(' ');
/** Titles at least this alike are the same outcome renamed. */
const RENAMED_AT = 0.5;

function matchByTitles(from: ChangesSide['outcomes'], to: ChangesSide['outcomes']): { from: string; to: string[] }[] {
  return from.map((o) => {
    const best = to.map((t) => ({ id: t.id, s: titleSimilarity(o.title, t.title) })).sort((a, b) => b.s - a.s)[0];
    return { from: o.id, to: best && best.s >= RENAMED_AT ? [best.id] : [] };
  });
}

function outcomeChanges(input: ChangesInput): ChangesModel['outcomes'] {
  const map = input.outcomeMap ?? matchByTitles(input.from.outcomes, input.to.outcomes);
  const title = new Map([...input.from.outcomes, ...input.to.outcomes].map((o) => [o.id, o.title]));
  const reached = new Set(map.flatMap((m) => m.to));
  const result: ChangesModel['outcomes'] = { kept: [], renamed: [], added: [], dropped: [], matchedBy: input.outcomeMap ? 'plan map' : 'titles' };
  for (const m of map) {
    const from = title.get(m.from) ?? m.from;
    if (!m.to.length) result.dropped.push(from);
    for (const id of m.to) {
      const to = title.get(id) ?? id;
      if (SAME_TITLE(from, to) && m.to.length === 1) result.kept.push(to);
      else result.renamed.push({ from, to });
    }
  }
  result.added = input.to.outcomes.filter((o) => !reached.has(o.id)).map((o) => o.title);
  return result;
}

function themeChanges(input: ChangesInput): ChangesModel['themes'] {
  const before = input.from.outcomes.flatMap((o) => o.themes);
  const after = input.to.outcomes.flatMap((o) => o.themes);
  const found = (t: string, list: string[]) => list.some((x) => titleSimilarity(t, x) >= RENAMED_AT);
  return { added: after.filter((t) => !found(t, before)), dropped: before.filter((t) => !found(t, after)) };
}

/** The first fact of each kind and unit on both sides: "£5.2m" then, "£23m" now. */
function figureMoves(input: ChangesInput, labelOf: (key: string | null) => string): ChangesModel['figures'] {
  const out: ChangesModel['figures'] = [];
  for (const l of input.links) {
    for (const a of l.earlier.facts) {
      if (a.value === null || !['money', 'count', 'percent'].includes(a.kind)) continue;
      const b = l.later.facts.find((f) => f.kind === a.kind && f.unit === a.unit && f.value !== null);
      if (!b || b.value === a.value) continue;
      out.push({ scheme: l.scheme, slug: l.slug, from: a.text, to: b.text, fromLabel: labelOf(l.earlier.periodKey), toLabel: labelOf(l.later.periodKey) });
      break;
    }
  }
  return out;
}

const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
const place = (p: IndicatorPosition) => (p.rank === null ? 'no rank' : `${ordinal(p.rank)} of ${p.n}${p.quartileBand ? ` (quartile ${p.quartileBand})` : ''}`);

/** Against the group: a better quartile (1 is best) is improving, a worse one worsening; the rank is shown. */
function indicatorMoves(input: ChangesInput): ChangesModel['indicators'] {
  const before = new Map(input.indicators.from.map((p) => [p.code, p]));
  const result: ChangesModel['indicators'] = { group: input.indicators.group, improving: [], worsening: [], steady: 0, notComparable: 0 };
  for (const now of input.indicators.to) {
    const then = before.get(now.code);
    if (!then || then.quartileBand === null || now.quartileBand === null) { result.notComparable++; continue; }
    const move = { code: now.code, title: now.title, from: place(then), to: place(now) };
    if (now.quartileBand < then.quartileBand) result.improving.push(move);
    else if (now.quartileBand > then.quartileBand) result.worsening.push(move);
    else result.steady++;
  }
  return result;
}

/** What changed from one period to a later one. */
export function buildChanges(input: ChangesInput, labelOf: (key: string | null) => string): ChangesModel {
  const { from, to } = input;
  const commitments = input.commitments
    .filter((c) => c.dueEnd !== null && c.dueEnd >= from.start && c.dueEnd <= to.end)
    .sort((a, b) => (a.dueEnd ?? '').localeCompare(b.dueEnd ?? '') || a.text.localeCompare(b.text))
    .map((c) => ({ text: c.text, due: c.dueText ?? c.dueEnd ?? '', status: c.status, statusLabel: c.statusLabel, evidence: c.evidence }));
  const model: ChangesModel = {
    from: { periodKey: from.periodKey, label: from.label, planTitle: from.planTitle },
    to: { periodKey: to.periodKey, label: to.label, planTitle: to.planTitle },
    outcomes: outcomeChanges(input),
    themes: themeChanges(input),
    commitments,
    figures: figureMoves(input, labelOf),
    indicators: indicatorMoves(input),
    notes: [],
  };
  if (!commitments.length) model.notes.push(`No commitment fell due between ${from.label} and ${to.label}.`);
  if (!model.figures.length) model.notes.push(`No linked scheme has a figure in both ${from.label} and ${to.label}: accept links between their entries to compare them.`);
  if (!input.indicators.from.length || !input.indicators.to.length) {
    model.notes.push(`There are no indicator values to compare against the group for ${!input.indicators.from.length ? from.label : to.label}.`);
  }
  return model;
}
