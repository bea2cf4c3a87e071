// The one rule for the period an output shows when none is asked for: the latest period with
// published delivery or indicator values. The public pages, the JSON API, the open data and the
// reports service all take their default from here, so that they never disagree about "now".
import { comparePeriodKeys, periodContaining, periodFromKey } from '../domain/index.js';

const YEAR_KINDS = new Set(['financial-year', 'academic-year', 'calendar-year']);

/** A period key as a year: a year stays itself; a quarter or month is the financial year it ends in. */
export function asYearKey(key: string): string | undefined {
  const p = periodFromKey(key);
  if (!p) return undefined;
  return YEAR_KINDS.has(p.kind) ? p.key : periodContaining(p.end, 'financial-year').key;
}

/**
 * Every period with published delivery (`entryPeriods`) or indicator values (`valuePeriods`), newest
 * first; with `within`, only those ending inside those dates (a plan's years).
 */
export function periodsWithPublished(entryPeriods: Iterable<string>, valuePeriods: Iterable<string>, within?: { startDate: string; endDate: string }): string[] {
  const keys = new Set<string>();
  for (const k of [...entryPeriods, ...valuePeriods]) {
    const p = periodFromKey(k);
    if (!p) continue;
    if (within && (p.end < within.startDate || p.end > within.endDate)) continue;
    keys.add(k);
  }
  return [...keys].sort(comparePeriodKeys).reverse();
}

/** The default period: the latest with published delivery or indicator values (see periodsWithPublished); undefined when there is none. */
export function defaultPeriodKey(entryPeriods: Iterable<string>, valuePeriods: Iterable<string>, within?: { startDate: string; endDate: string }): string | undefined {
  return periodsWithPublished(entryPeriods, valuePeriods, within)[0];
}
