// How numbers, dates, periods and money are written for people: one place, so the web pages, the CLI
// and every report format agree.
import { formatPeriod, periodFromKey, type Unit } from '../domain/index.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const numberFormats = new Map<number, Intl.NumberFormat>();
/** A number the British way with a fixed number of decimals (formatters are kept: pages format thousands). */
export function formatNumber(value: number, decimalPlaces = 0): string {
  let f = numberFormats.get(decimalPlaces);
  if (!f) numberFormats.set(decimalPlaces, (f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimalPlaces, maximumFractionDigits: decimalPlaces })));
  return f.format(value);
}

/** A number for open data: rounded at the stated decimal places, with no floating-point tail (83.3, not 83.30000000000001). */
export function roundAt(value: number | null, decimalPlaces: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return Number(value.toFixed(Math.max(0, Math.min(decimalPlaces, 10))));
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

/**
 * The decimal places money is shown with, whatever precision the data arrived at (a published file's
 * 2,212.4127 is £2,212.41): pounds, such as a figure per head, in whole pounds or to the penny; £
 * thousands whole; £ million to one place. Other units keep the indicator's own. Open data (CSV and
 * JSON) is not written through this: it keeps the stated precision.
 */
export function shownDecimals(unit: Unit | string, decimalPlaces: number): number {
  switch (unit) {
    case 'gbp': return decimalPlaces > 0 ? 2 : 0;
    case 'gbp-thousands': return 0;
    case 'gbp-millions': return Math.min(decimalPlaces, 1);
    default: return decimalPlaces;
  }
}

/** A value with its unit as a reader expects it: "72.4%", "£1,250", "12.3 per 1,000", "34 days". */
export function formatValue(value: number | null, unit: Unit | string, stated: number): string {
  if (value === null || !Number.isFinite(value)) return 'No data';
  const decimalPlaces = shownDecimals(unit, stated);
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

/** How a stored period key is written for people ("2023/24"); a key that is not a period is shown as it is. */
export function periodLabel(key: string): string {
  const p = periodFromKey(key);
  return p ? formatPeriod(p) : key;
}
