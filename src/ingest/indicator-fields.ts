// How people write an indicator's polarity, unit and frequency in spreadsheets, read into our terms.
import type { Frequency, PeriodKind, Polarity, Unit } from '../domain/index.js';

const POLARITY_WORDS: Record<string, Polarity> = {
  higher: 'higher', high: 'higher', up: 'higher', desc: 'higher', 'higher is better': 'higher', 'high is good': 'higher', bigger: 'higher',
  lower: 'lower', low: 'lower', down: 'lower', asc: 'lower', 'lower is better': 'lower', 'low is good': 'lower', smaller: 'lower',
  none: 'none', neither: 'none', 'no judgement': 'none', context: 'none', 'n/a': 'none', na: 'none',
};

/** Oflog's rank_order (desc/asc/None, any case) or our own words; undefined for blank; null when unreadable. */
export function readPolarity(text: string): Polarity | undefined | null {
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  return POLARITY_WORDS[t] ?? null;
}

export function readUnit(text: string): Unit | null {
  const t = text.trim().toLowerCase().replace(/,/g, '');
  if (['percent', 'percentage', '%', 'pct', 'per cent'].includes(t)) return 'percent';
  if (/^(rate )?per 1000\b|^rate-per-1000$|^per thousand$/.test(t)) return 'rate-per-1000';
  if (/^(rate )?per 100000\b|^rate-per-100000$/.test(t)) return 'rate-per-100000';
  if (['count', 'number', 'no.', 'no', 'total', 'people'].includes(t)) return 'count';
  if (['gbp', '£', 'pounds', 'money'].includes(t)) return 'gbp';
  if (['£m', '£ million', 'gbp-millions', '£ millions'].includes(t)) return 'gbp-millions';
  if (['£k', '£000', '£ thousand', 'gbp-thousands', '£ thousands'].includes(t)) return 'gbp-thousands';
  if (['days', 'day'].includes(t)) return 'days';
  if (['score', 'points', 'index'].includes(t)) return 'score';
  if (['ratio', 'rate', 'proportion'].includes(t)) return 'ratio';
  if (['other', ''].includes(t)) return 'other';
  return null;
}

export function readFrequency(text: string): Frequency | null {
  const t = text.trim().toLowerCase().replace(/[_-]+/g, ' ');
  if (['annual', 'annually', 'yearly', 'annual financial', 'financial year', 'financial', 'fy'].includes(t)) return 'annual-financial';
  if (['annual academic', 'academic year', 'academic', 'ay'].includes(t)) return 'annual-academic';
  if (['annual calendar', 'calendar year', 'calendar', 'cy'].includes(t)) return 'annual-calendar';
  if (['quarterly', 'quarter', 'q'].includes(t)) return 'quarterly';
  if (['monthly', 'month'].includes(t)) return 'monthly';
  if (['snapshot', 'as at', 'point in time'].includes(t)) return 'snapshot';
  return null;
}

/** The frequency an indicator has when its first values are of this period kind. */
export function frequencyOfPeriodKind(kind: PeriodKind): Frequency {
  switch (kind) {
    case 'financial-year': return 'annual-financial';
    case 'academic-year': return 'annual-academic';
    case 'calendar-year': return 'annual-calendar';
    case 'financial-quarter': return 'quarterly';
    case 'month': return 'monthly';
    case 'date': return 'snapshot';
  }
}

const MISSING = new Set(['', '-', '–', '—', '..', '...', '.', ':', 'x', 'c', 'z', 'n/a', 'na', '*', 'm', 'null', 'missing', 'not available', 'suppressed']);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * A value as written in a statistics table: "1,234.5", "45%", "£2.5", "-3". Blank and the usual
 * "not available" markers (.., -, x, c, n/a, M) are missing (null), never zero. undefined when unreadable.
 */
export function readValue(text: string): number | null | undefined {
  const t = text.trim();
  if (MISSING.has(t.toLowerCase())) return null;
  let s = t.replace(/^£\s*/, '').replace(/\s*%$/, '');
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!NUMBER.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}
