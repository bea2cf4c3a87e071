// Windows of days for the pieces of a time expression: a month or part of one, a season, a span of
// months, Easter. ISO dates (yyyy-mm-dd); used by dates.ts.

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const pad = (n: number) => String(n).padStart(2, '0');
export const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
export const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
export const monthOf = (name: string): number => {
  const n = name.toLowerCase().replace(/\.$/, '');
  const i = MONTH_NAMES.findIndex((m) => m.startsWith(n.slice(0, 3)));
  return i + 1;
};

export interface Window { start: string; end: string }

/** A month, or its early, middle or late part (days 1–10, 11–20, 21 to the end; halves). */
export function monthWindow(y: number, m: number, part?: string): Window {
  const p = (part ?? '').toLowerCase();
  const L = lastDay(y, m);
  if (/early|start|beginning|first half/.test(p)) return { start: iso(y, m, 1), end: iso(y, m, /first half/.test(p) ? 15 : 10) };
  if (/mid|middle/.test(p)) return { start: iso(y, m, 11), end: iso(y, m, 20) };
  if (/late|end|second half/.test(p)) return { start: iso(y, m, /second half/.test(p) ? 16 : 21), end: iso(y, m, L) };
  return { start: iso(y, m, 1), end: iso(y, m, L) };
}

/** Months (1-based, may exceed 12 into the next year) covered by a part of a twelve-month span. */
export function partMonths(part: string): [number, number] {
  const p = part.toLowerCase();
  if (/first half/.test(p)) return [1, 6];
  if (/second half/.test(p)) return [7, 12];
  if (/early/.test(p)) return [1, 4];
  if (/start|beginning/.test(p)) return [1, 3];
  if (/mid|middle/.test(p)) return [5, 8];
  if (/end/.test(p)) return [10, 12];
  return [9, 12]; // late
}

/** The days from the first of one month to the end of another (months past 12 run into the next year). */
export function span(y: number, firstMonth: number, lastMonth: number): Window {
  const sy = y + Math.floor((firstMonth - 1) / 12);
  const sm = ((firstMonth - 1) % 12) + 1;
  const ey = y + Math.floor((lastMonth - 1) / 12);
  const em = ((lastMonth - 1) % 12) + 1;
  return { start: iso(sy, sm, 1), end: iso(ey, em, lastDay(ey, em)) };
}

/** A season of a year; winter runs from December into the next year. */
export function seasonWindow(season: string, y: number): Window {
  const s = season.toLowerCase();
  if (s.startsWith('spring')) return span(y, 3, 5);
  if (s.startsWith('summer')) return span(y, 6, 8);
  if (s.startsWith('autumn')) return span(y, 9, 11);
  return span(y, 12, 14);
}

/** Easter Sunday of a year (the Gregorian computus), ISO. */
export function easterSunday(y: number): string {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(y, month, day);
}

/** The first four-digit year in a text. */
export const firstYear = (s: string): number => Number(/(?:19|20)\d{2}/.exec(s)?.[0]);

/** The period a report covers, for months written without a year ("in November"). */
export interface CoveredPeriod { start: string; end: string }

/** Words that put a sentence in the future: a month it names is one still to come. */
const FUTURE_WORDS = /\b(?:will|shall|going\sto|(?:expected|due|set|scheduled|planned|intended|aiming|aims?|plans?|intends?)\sto|planned\sfor|next)\b/i;

/** Whether a character ends a sentence when a blank (or the end of the text) follows it. */
const isStop = (c: string | undefined) => c === '.' || c === '!' || c === '?';
const isBlank = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * Tells, for positions of one text, whether the sentence around each speaks of the future. A
 * sentence runs from just after a stop followed by a blank to the next such stop (or the text's
 * ends). The stops are found once, in one pass, when first asked, and each sentence is read once:
 * asking for every month of a long single line once searched all the text before each month, which
 * made that text quadratic.
 */
export function futureTeller(text: string): (at: number) => boolean {
  let stops: number[] | undefined;
  const answers = new Map<number, boolean>();
  return (at) => {
    if (!stops) {
      stops = [];
      for (let i = 0; i < text.length; i++) if (isStop(text[i]) && (i + 1 === text.length || isBlank(text[i + 1]))) stops.push(i);
    }
    // The first stop at or after `at`; the sentence starts after the stop before it.
    let lo = 0;
    let hi = stops.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (stops[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    const known = answers.get(lo);
    if (known !== undefined) return known;
    const from = lo > 0 ? stops[lo - 1] + 1 : 0;
    const to = lo < stops.length ? stops[lo] : text.length;
    const answer = FUTURE_WORDS.test(text.slice(from, to));
    answers.set(lo, answer);
    return answer;
  };
}

/** Whether the sentence around `at` speaks of the future (one question; `futureTeller` for many). */
export const futureAround = (text: string, at: number): boolean => futureTeller(text)(at);

/**
 * The year of a month written without one: in a sentence about the past or present, the month's
 * occurrence within the period the report covers ("in November" in a 2019/20 report: November 2019);
 * in a sentence about the future, its first occurrence after that period.
 */
export function bareMonthYear(month: number, covered: CoveredPeriod, future: boolean): number {
  const endYear = Number(covered.end.slice(0, 4));
  if (future) return iso(endYear, month, 1) <= covered.end ? endYear + 1 : endYear;
  const startYear = Number(covered.start.slice(0, 4));
  return iso(startYear, month, lastDay(startYear, month)) < covered.start ? startYear + 1 : startYear;
}
