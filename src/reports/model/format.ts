// How numbers, dates and statuses are written in reports: one place, so every format agrees.
import type { CommitmentStatus, Direction, QuartileBand, Rag, Trend, Unit } from '../../domain/index.js';
import type { Labelled } from './types.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const numberFormats = new Map<number, Intl.NumberFormat>();
/** A number the British way with a fixed number of decimals (formatters are kept: pages format thousands). */
export function formatNumber(value: number, decimalPlaces = 0): string {
  let f = numberFormats.get(decimalPlaces);
  if (!f) numberFormats.set(decimalPlaces, (f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimalPlaces, maximumFractionDigits: decimalPlaces })));
  return f.format(value);
}

/** "12 March 2024" from yyyy-mm-dd. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "March 2024" from yyyy-mm-dd. */
export function formatMonth(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

/** A value with its unit as a reader expects it: "72.4%", "£1,250", "12.3 per 1,000", "34 days". */
export function formatValue(value: number | null, unit: Unit | string, decimalPlaces: number): string {
  if (value === null || !Number.isFinite(value)) return 'No data';
  const n = formatNumber(value, decimalPlaces);
  switch (unit) {
    case 'percent': return `${n}%`;
    case 'gbp': return value < 0 ? `−£${formatNumber(-value, decimalPlaces)}` : `£${n}`;
    case 'gbp-millions': return value < 0 ? `−£${formatNumber(-value, decimalPlaces)}m` : `£${n}m`;
    case 'gbp-thousands': return value < 0 ? `−£${formatNumber(-value, decimalPlaces)}k` : `£${n}k`;
    case 'rate-per-1000': return `${n} per 1,000`;
    case 'rate-per-100000': return `${n} per 100,000`;
    case 'days': return `${n} days`;
    default: return n;
  }
}

/** The unit as an axis label: "%", "£", "per 1,000". */
export function unitLabel(unit: Unit | string): string {
  switch (unit) {
    case 'percent': return 'Per cent';
    case 'gbp': return 'Pounds (£)';
    case 'gbp-millions': return '£ million';
    case 'gbp-thousands': return '£ thousand';
    case 'rate-per-1000': return 'Rate per 1,000';
    case 'rate-per-100000': return 'Rate per 100,000';
    case 'days': return 'Days';
    case 'count': return 'Number';
    case 'score': return 'Score';
    case 'ratio': return 'Ratio';
    default: return 'Value';
  }
}

/** Money held as pence, written short: "£1.6m", "£210m", "£45,000", "£2.4bn". */
export function formatPence(pence: number): string {
  const pounds = pence / 100;
  const abs = Math.abs(pounds);
  const sign = pounds < 0 ? '−' : '';
  const short = (n: number) => formatNumber(n, Number.isInteger(Math.round(n * 10) / 10) && Math.round(n * 10) % 10 === 0 ? 0 : 1);
  if (abs >= 1e9) return `${sign}£${short(abs / 1e9)}bn`;
  if (abs >= 1e6) return `${sign}£${short(abs / 1e6)}m`;
  return `${sign}£${formatNumber(abs, Number.isInteger(abs) ? 0 : 2)}`;
}

/** A financial figure: money in pence when the unit is gbp/pence, otherwise a number with its unit. */
export function formatFigure(amount: number, unit: string): string {
  const u = unit.toLowerCase();
  if (u === 'gbp' || u === 'pence' || u === '£') return formatPence(amount);
  if (u === 'percent' || u === '%') return `${formatNumber(amount, Number.isInteger(amount) ? 0 : 1)}%`;
  const n = formatNumber(amount, Number.isInteger(amount) ? 0 : 1);
  return u === '' || u === 'count' ? n : `${n} ${unit}`;
}

/** A figure found in an entry's text, written with its unit: "£1,900,000", "53%", "41,000 street lights", "£2,000 to £10,000". */
export function formatFact(f: { value: number | null; valueMax: number | null; unit: string }): string {
  if (f.value === null) return '–';
  const one = (v: number) => {
    const n = formatNumber(v, Number.isInteger(v) ? 0 : 2);
    if (f.unit === '£') return `£${n}`;
    if (f.unit === '%') return `${n}%`;
    return f.unit ? `${n} ${f.unit}` : n;
  };
  return f.valueMax === null ? one(f.value) : `${one(f.value)} to ${one(f.valueMax)}`;
}

/** 1st, 2nd, 3rd, 11th, 22nd. */
export function ordinal(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

export const RAG_LABELS: Record<Rag, Labelled<Rag>> = {
  green: { key: 'green', label: 'Green (met)', symbol: '✓' },
  amber: { key: 'amber', label: 'Amber (close)', symbol: '!' },
  red: { key: 'red', label: 'Red (missed)', symbol: '✗' },
  'no-target': { key: 'no-target', label: 'No target', symbol: '–' },
  missing: { key: 'missing', label: 'Missing', symbol: 'M' },
};

/** What each RAG status means, for the key on the methodology page. */
export const RAG_MEANINGS: Record<Rag, string> = {
  green: 'meets or beats the target',
  amber: 'misses the target by no more than its tolerance',
  red: 'misses the target by more than its tolerance',
  'no-target': 'there is no target to judge against',
  missing: 'no value was supplied when one was due',
};

export const DIRECTION_LABELS: Record<Direction, Labelled<Direction>> = {
  improving: { key: 'improving', label: 'Improving', symbol: '▲' },
  worsening: { key: 'worsening', label: 'Worsening', symbol: '▼' },
  'no-change': { key: 'no-change', label: 'No change', symbol: '●' },
  increasing: { key: 'increasing', label: 'Increasing', symbol: '↑' },
  decreasing: { key: 'decreasing', label: 'Decreasing', symbol: '↓' },
  'not-comparable': { key: 'not-comparable', label: 'Not comparable', symbol: '–' },
};

export const TREND_LABELS: Record<Trend, Labelled<Trend>> = {
  'getting-better': { key: 'getting-better', label: 'Getting better', symbol: '▲' },
  'getting-worse': { key: 'getting-worse', label: 'Getting worse', symbol: '▼' },
  increasing: { key: 'increasing', label: 'Increasing', symbol: '↑' },
  decreasing: { key: 'decreasing', label: 'Decreasing', symbol: '↓' },
  'no-significant-change': { key: 'no-significant-change', label: 'No significant change', symbol: '●' },
  'too-few-points': { key: 'too-few-points', label: 'Too few points', symbol: '–' },
};

export const QUARTILE_LABELS: Record<QuartileBand | 'none', Labelled<QuartileBand | 'none'>> = {
  1: { key: 1, label: 'Top quartile', symbol: 'Q1' },
  2: { key: 2, label: 'Second quartile', symbol: 'Q2' },
  3: { key: 3, label: 'Third quartile', symbol: 'Q3' },
  4: { key: 4, label: 'Bottom quartile', symbol: 'Q4' },
  none: { key: 'none', label: 'Not banded', symbol: '–' },
};

export const COMMITMENT_LABELS: Record<CommitmentStatus, string> = {
  open: 'In progress', delivered: 'Delivered', late: 'Late', dropped: 'Dropped', unknown: 'Not known',
};

export const POLARITY_LABELS = { higher: 'Higher is better', lower: 'Lower is better', none: 'No judgement' } as const;

/** A URL-safe anchor, prefixed so that ids never collide across sections. */
export function anchor(prefix: string, slug: string): string {
  return `${prefix}-${slug}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/-$/, '');
}
