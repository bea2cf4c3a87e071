// Compendium rows as pages show them: values in their units, ranks as "3 of 16", and the orders in
// which the compendium table can be sorted (server-side, so sorting works without JavaScript).
import type { CompendiumRow } from '../domain/performance.js';
import { ValidationError } from '../errors.js';
import { formatValue, periodLabel } from '../present/format.js';

export interface RowView {
  code: string;
  title: string;
  outcomeId: string | null;
  periodKey: string;
  periodLabel: string;
  display: string;
  targetDisplay: string;
  rag: CompendiumRow['rag'];
  directionPrevious: CompendiumRow['directionPrevious'];
  directionYearEarlier: CompendiumRow['directionYearEarlier'];
  rank: number | null;
  n: number;
  quartileBand: CompendiumRow['quartileBand'];
  trend: CompendiumRow['trend'];
  provisional: boolean;
  group: CompendiumRow['group'];
  previousDisplay: string;
  previousLabel: string;
  yearEarlierDisplay: string;
  yearEarlierLabel: string;
  medianDisplay: string;
  /** The lower and upper quartiles of the group. */
  q1Display: string;
  q3Display: string;
}

export function rowView(r: CompendiumRow): RowView {
  const f = (v: number | null) => formatValue(v, r.indicator.unit, r.indicator.decimalPlaces);
  return {
    code: r.indicator.code,
    title: r.indicator.title,
    outcomeId: r.indicator.outcomeId,
    periodKey: r.periodKey,
    periodLabel: periodLabel(r.periodKey),
    display: f(r.value),
    targetDisplay: r.target ? f(r.target.value) : 'None',
    rag: r.rag,
    directionPrevious: r.directionPrevious,
    directionYearEarlier: r.directionYearEarlier,
    rank: r.rank,
    n: r.group.n,
    quartileBand: r.quartileBand,
    trend: r.trend,
    provisional: r.status === 'provisional',
    group: r.group,
    previousDisplay: f(r.previous.value),
    previousLabel: periodLabel(r.previous.periodKey),
    yearEarlierDisplay: f(r.yearEarlier.value),
    yearEarlierLabel: periodLabel(r.yearEarlier.periodKey),
    medianDisplay: f(r.group.median),
    q1Display: f(r.group.q1),
    q3Display: f(r.group.q3),
  };
}

const RAG_ORDER = { green: 0, amber: 1, red: 2, missing: 3, 'no-target': 4 } as const;
const DIRECTION_ORDER = { improving: 0, increasing: 1, 'no-change': 2, decreasing: 3, worsening: 4, 'not-comparable': 5 } as const;
const TREND_ORDER = { 'getting-better': 0, increasing: 1, 'no-significant-change': 2, decreasing: 3, 'getting-worse': 4, 'too-few-points': 5 } as const;

/** Sort keys: a number (or text) where smaller is "better" first; nulls always go last. */
export const SORTS = {
  indicator: { label: 'Indicator', key: (r: RowView) => r.title.toLowerCase() },
  rag: { label: 'Against target', key: (r: RowView) => RAG_ORDER[r.rag] },
  direction: { label: 'Since last period', key: (r: RowView) => DIRECTION_ORDER[r.directionPrevious] },
  rank: { label: 'Rank', key: (r: RowView) => (r.rank === null || r.n === 0 ? null : r.rank / r.n) },
  quartile: { label: 'Quartile', key: (r: RowView) => r.quartileBand },
  trend: { label: 'Trend', key: (r: RowView) => TREND_ORDER[r.trend] },
} as const;
export type SortKey = keyof typeof SORTS;

export function parseSort(sort: string | undefined, dir: string | undefined): { sort: SortKey; dir: 'asc' | 'desc' } {
  const problems = [];
  if (sort !== undefined && sort !== '' && !(sort in SORTS)) problems.push({ field: 'sort', message: `must be one of ${Object.keys(SORTS).join(', ')}` });
  if (dir !== undefined && dir !== '' && dir !== 'asc' && dir !== 'desc') problems.push({ field: 'dir', message: 'must be asc or desc' });
  if (problems.length) throw new ValidationError('The sort order is not valid', problems);
  return { sort: (sort || 'indicator') as SortKey, dir: dir === 'desc' ? 'desc' : 'asc' };
}

export function sortRows(rows: RowView[], sort: SortKey, dir: 'asc' | 'desc'): RowView[] {
  const key = SORTS[sort].key;
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null && y === null) return a.code.localeCompare(b.code);
    if (x === null) return 1;
    if (y === null) return -1;
    const c = x < y ? -1 : x > y ? 1 : 0;
    return c === 0 ? a.code.localeCompare(b.code) : sign * c;
  });
}
