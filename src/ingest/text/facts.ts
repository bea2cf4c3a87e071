// Facts in report text: money, percentages, dates and periods, durations and counts of things.
// Matchers run in that order; each figure belongs to the first fact that claims it, so "£2.39bn"
// is money and never a count, and "2023/24" is a period and never a number.
import { findTimeExpressions } from './dates.js';
import { Claims, fact, FactSink, type FindFactsOptions, type FoundFact } from './fact-core.js';
import { findMoney, findPercents, findDurations } from './fact-amounts.js';
import { findCounts } from './fact-counts.js';

export type { FactKind, FindFactsOptions, FoundFact } from './fact-core.js';

function findDates(text: string, claims: Claims, out: FactSink, opts: FindFactsOptions): void {
  for (const t of findTimeExpressions(text, opts.reportYear, opts.covered)) {
    if (!claims.free(t.start, t.end)) continue;
    claims.take(t.start, t.end);
    out.add(t.start, () => fact(t.kind, text, t.start, t.end, { unit: t.grain, dateStart: t.dateStart, dateEnd: t.dateEnd }));
  }
}

/** Every fact in the text, in order of where it starts. */
export function findFacts(text: string, opts: FindFactsOptions = {}): FoundFact[] {
  return findFirstFacts(text, opts).facts;
}

/** The first `limit` facts of the text in order of where they start, and how many it holds in all. */
export function findFirstFacts(text: string, opts: FindFactsOptions = {}, limit = Infinity): { facts: FoundFact[]; total: number } {
  const claims = new Claims(text.length);
  const out = new FactSink(limit);
  findMoney(text, claims, out);
  findPercents(text, claims, out);
  findDates(text, claims, out, opts);
  findDurations(text, claims, out);
  findCounts(text, claims, out);
  return { facts: out.facts(), total: out.total };
}
