// Time expressions in report text: days, months, seasons, parts of years, quarters, calendar,
// financial and academic years, and ranges between two of them. Each becomes a window of days
// (first and last, ISO yyyy-mm-dd). Shared by facts (dates and periods) and commitments (due dates).
//
// Windows: spring = March–May, summer = June–August, autumn = September–November, winter =
// December to February of the next year. Early / mid / late in a year: January–April, May–August,
// September–December; "the start of" a year: January–March, "the end of" a year: October–December;
// first / second half: January–June / July–December. In a financial year (April–March) the same
// words take the same share of its months. Early / mid / late in a month: days 1–10, 11–20, 21 to
// the end. Q1–Q4 of a calendar year are January–March … October–December; Q1–Q4 of a financial
// year ("Q1 2024/25") follow parsePeriod: April–June … January–March.
import { MONTH_FULL, PART, SINGLE, PMY_RE, SEASON_RE, SEASONS_RE, YEAR_PAIR_RE, PART_RE, PART_START_RE, MONTH_ONLY_RE, SECOND_MONTH_RE, OPEN_ENDED_RE, YEAR_AFTER_JOIN_RE, CANDIDATE_RE } from './date-patterns.js';
export { easterSunday } from './date-windows.js';
import { bareMonthYear, easterSunday, firstYear, futureTeller, iso, lastDay, monthOf, monthWindow, partMonths, seasonWindow, span, type CoveredPeriod, type Window } from './date-windows.js';
export { bareMonthYear, type CoveredPeriod } from './date-windows.js';
import { parsePeriod } from '../../domain/period.js';

export type TimeGrain = 'day' | 'month' | 'season' | 'part-year' | 'quarter' | 'year' | 'financial-year' | 'academic-year' | 'range';

export interface TimeExpression {
  text: string;
  start: number;
  end: number;
  /** First and last day of the window; null when the year is unknown ("in September" without a report year). */
  dateStart: string | null;
  dateEnd: string | null;
  grain: TimeGrain;
  /** 'period' for financial or academic years and quarters and explicit ranges; 'date' for the rest. */
  kind: 'date' | 'period';
}

type Found = { w: Window | null; grain: TimeGrain; kind: 'date' | 'period' } | undefined;

/** The window of an expression that names its year: a day, month, season, quarter, part of a year or a year. */
function yearWindowOf(g: Record<string, string | undefined>, text: string): Found {
  if (g.dmy || g.mdy) {
    const m = /(\d{1,2})(?:st|nd|rd|th)?\s([A-Za-z]+)\.?,?\s(\d{4})|([A-Za-z]+)\.?\s(\d{1,2})(?:st|nd|rd|th)?,\s?(\d{4})/.exec(text)!;
    const [d, mo, y] = m[1] ? [+m[1], monthOf(m[2]), +m[3]] : [+m[5], monthOf(m[4]), +m[6]];
    if (d > lastDay(y, mo)) return undefined;
    return { w: { start: iso(y, mo, d), end: iso(y, mo, d) }, grain: 'day', kind: 'date' };
  }
  if (g.pmy) {
    const m = PMY_RE.exec(text)!;
    return { w: monthWindow(+m[3], monthOf(m[2]), m[1]), grain: 'month', kind: 'date' };
  }
  if (g.sy) {
    const seasons = text.match(SEASONS_RE)!;
    const pair = YEAR_PAIR_RE.exec(text);
    // "spring 2024/25": the season that falls in that financial or academic year.
    const yearOf = (season: string) => firstYear(text) + (pair && /spring|summer/i.test(season) ? 1 : 0);
    const last = seasons[seasons.length - 1];
    if (seasons.length === 2) {
      // "autumn/winter 2020": from the first season's start to the second's end.
      const a = seasonWindow(seasons[0], yearOf(seasons[0]));
      const b = seasonWindow(last, yearOf(last));
      if (a.start < b.end) return { w: { start: a.start, end: b.end }, grain: 'range', kind: 'period' };
    }
    return { w: seasonWindow(last, yearOf(last)), grain: 'season', kind: 'date' };
  }
  if (g.qfy) {
    const q = /Q([1-4])|quarter\s([1-4])/i.exec(text);
    const ordinal = /(first|second|third|fourth|last)\squarter/i.exec(text)?.[1].toLowerCase();
    const n = q ? +(q[1] ?? q[2]) : ({ first: 1, second: 2, third: 3, fourth: 4, last: 4 } as Record<string, number>)[ordinal!];
    const pair = YEAR_PAIR_RE.exec(text)![0].replace(/\s/g, '').replace(/–/g, '-');
    const r = parsePeriod(`Q${n} ${pair}`);
    if (!r.ok) return undefined;
    return { w: { start: r.period.start, end: r.period.end }, grain: 'quarter', kind: 'period' };
  }
  if (g.qy) {
    const q = /Q([1-4])/.exec(text);
    const ordinal = /(first|second|third|fourth|last)\squarter/i.exec(text)?.[1].toLowerCase();
    const n = q ? +q[1] : ({ first: 1, second: 2, third: 3, fourth: 4, last: 4 } as Record<string, number>)[ordinal!];
    return { w: span(firstYear(text), n * 3 - 2, n * 3), grain: 'quarter', kind: 'date' };
  }
  if (g.py) {
    const part = PART_RE.exec(text)![0];
    const pairText = YEAR_PAIR_RE.exec(text)?.[0];
    const [a, b] = partMonths(part);
    if (pairText) {
      const r = parsePeriod(pairText.replace(/\s/g, ''), { yearStyle: /academic/i.test(text) ? 'academic' : 'financial' });
      if (!r.ok) return undefined;
      const offset = +r.period.start.slice(5, 7) - 1; // April → 3, September → 8
      return { w: span(+r.period.start.slice(0, 4), a + offset, b + offset), grain: 'part-year', kind: 'date' };
    }
    return { w: span(firstYear(text), a, b), grain: 'part-year', kind: 'date' };
  }
  if (g.fy) {
    const academic = /academic|\bAY/i.test(text);
    const core = YEAR_PAIR_RE.exec(text)![0].replace(/\s/g, '').replace(/–/g, '-');
    const r = parsePeriod(core, { yearStyle: academic ? 'academic' : 'financial' });
    if (!r.ok) return undefined;
    return { w: { start: r.period.start, end: r.period.end }, grain: academic ? 'academic-year' : 'financial-year', kind: 'period' };
  }
  if (g.y) {
    const y = +text;
    return { w: { start: iso(y, 1, 1), end: iso(y, 12, 31) }, grain: 'year', kind: 'date' };
  }
  return undefined;
}

/** The window of an expression whose year comes from the report ("this year", "in June") or a holiday's date. */
function relativeWindowOf(g: Record<string, string | undefined>, text: string, reportYear?: number): Found {
  if (g.rel) {
    if (reportYear === undefined) return { w: null, grain: 'year', kind: 'date' };
    const y = reportYear + (/next/i.test(text) ? 1 : /last/i.test(text) ? -1 : 0);
    const season = SEASON_RE.exec(text)?.[0];
    if (season) return { w: seasonWindow(season, y), grain: 'season', kind: 'date' };
    const part = PART_RE.exec(text)?.[0];
    if (part) {
      const [a, b] = partMonths(part);
      return { w: span(y, a, b), grain: 'part-year', kind: 'date' };
    }
    return { w: span(y, 1, 12), grain: 'year', kind: 'date' };
  }
  if (g.hol) {
    const y = firstYear(text);
    if (/Christmas/.test(text)) return { w: { start: iso(y, 12, 25), end: iso(y, 12, 25) }, grain: 'day', kind: 'date' };
    const e = easterSunday(y);
    return { w: { start: e, end: e }, grain: 'day', kind: 'date' };
  }
  if (g.dm) {
    const m = /(\d{1,2})(?:st|nd|rd|th)?\s([A-Za-z]+)/.exec(text)!;
    const mo = monthOf(m[2]);
    if (reportYear === undefined) return { w: null, grain: 'day', kind: 'date' };
    if (+m[1] > lastDay(reportYear, mo)) return undefined;
    return { w: { start: iso(reportYear, mo, +m[1]), end: iso(reportYear, mo, +m[1]) }, grain: 'day', kind: 'date' };
  }
  if (g.m) {
    const m = MONTH_ONLY_RE.exec(text)!;
    if (reportYear === undefined) return { w: null, grain: 'month', kind: 'date' };
    return { w: monthWindow(reportYear, monthOf(m[2]), m[1]), grain: 'month', kind: 'date' };
  }
  return undefined;
}

/** The window of one matched expression; null dates when the year is needed but unknown. */
function windowOf(groups: Record<string, string | undefined>, text: string, reportYear?: number): Found {
  return yearWindowOf(groups, text) ?? relativeWindowOf(groups, text, reportYear);
}

const SINGLE_RE = new RegExp(SINGLE, 'y');
/** Words before a bare year or month that make it a time: "in 2023", "since 2010", "by June". */
const TIME_PREPOSITION = /(?:^|[^A-Za-z])(?:in|since|by|until|till|to|during|from|before|after|throughout|for|of|on|at|between|and|as of|as at|year|calendar year|the year|across|over|within|than|within|early|mid|late|spring|summer|autumn|winter|end|start|beginning)\s$/i;

function matchSingleAt(text: string, at: number, reportYear: number | undefined, covered: CoveredPeriod | undefined, future: (at: number) => boolean): { text: string; end: number; w: Window | null; grain: TimeGrain; kind: 'date' | 'period' } | undefined {
  SINGLE_RE.lastIndex = at;
  const m = SINGLE_RE.exec(text);
  if (!m) return undefined;
  const t = m[0];
  const g = m.groups ?? {};
  // A match must not run into a following word or figure ("2023rd", "Mayor", "March2").
  if (/[A-Za-z0-9]/.test(text[at + t.length] ?? '')) return undefined;
  if (/[A-Za-z0-9£$€]/.test(text[at - 1] ?? '')) return undefined;
  const before = text.slice(Math.max(0, at - 16), at);
  if (g.y) {
    // A bare year needs a time word before it; "the 2023 programme" or "Awards 2020" are names, but a
    // year naming a target is a date: "the Council's 2030 Net Zero Carbon target".
    const target = /^(?:\s[A-Z][A-Za-z-]*){0,4}\s(?:target|goal|ambition|deadline|pledge|commitment)s?\b/.test(text.slice(at + 4, at + 60));
    if (!TIME_PREPOSITION.test(before) && !target) return undefined;
    if (/(?:^|\s)(?:to|from|of|and|for|than)\s$/i.test(before) && /\d[\d,.]*\s(?:\w+\s)?(?:to|from|of|and|than)\s$/i.test(text.slice(Math.max(0, at - 24), at))) return undefined; // "from 39 to 2024"
  }
  if (g.m) {
    const month = /(January|February|March|April|May|June|July|August|September|October|November|December)$/.exec(t)![1];
    // A month on its own needs a time word before it ("in May", "by June"); "May" also needs one in full.
    const hasPart = PART_START_RE.test(t);
    // Or it opens a sentence and a second month follows: "October and November will see …".
    const opensRange = /(?:^|[.!?]\s+)$/.test(before) && SECOND_MONTH_RE.test(text.slice(at + t.length, at + t.length + 16));
    if (!hasPart && !opensRange && !/(?:^|[^A-Za-z])(?:in|since|by|until|till|during|from|before|after|throughout|of|to|between|and|end of|start of|early|mid|late)\s$/i.test(before)) return undefined;
    if (month === 'May' && /\s(?:be|have|also|not|need|take|help|include)\b/.test(text.slice(at + t.length, at + t.length + 12))) return undefined;
  }
  // A month or day without a year takes the year that fits the period covered and the sentence's tense.
  const bare = covered && (g.m || g.dm) ? /(January|February|March|April|May|June|July|August|September|October|November|December)/.exec(t) : null;
  const r = windowOf(g, t, bare ? bareMonthYear(monthOf(bare[1]), covered!, future(at)) : reportYear);
  if (!r) {
    // "2020-23", "2019-2037": years that do not follow each other are a range.
    const pair = /^((?:19|20)\d{2})\s?[/–-]\s?(\d{2}|\d{4})$/.exec(t);
    if (g.fy && pair && !t.includes('/')) {
      const a = +pair[1];
      const b = pair[2].length === 2 ? Math.floor(a / 100) * 100 + +pair[2] : +pair[2];
      if (b > a && b - a <= 50) return { text: t, end: at + t.length, w: { start: iso(a, 1, 1), end: iso(b, 12, 31) }, grain: 'range', kind: 'period' };
    }
    const y = /^(?:19|20)\d{2}/.exec(t);
    if (g.fy && y && TIME_PREPOSITION.test(before)) return { text: y[0], end: at + 4, w: { start: iso(+y[0], 1, 1), end: iso(+y[0], 12, 31) }, grain: 'year', kind: 'date' };
    return undefined;
  }
  return { text: t, end: at + t.length, ...r };
}

const RANGE_JOIN = /^\s?(?:to|until|till|and|through|[-–])\s?/;

/**
 * Finds every time expression, ranges first ("between 1 August 2023 to 31 March 2024", "March to
 * June 2020", "2020-2022"), then single ones. `reportYear` dates a month or day written without a year,
 * or, when given, `covered` (the period the report looks back on) with the sentence's tense.
 */
export function findTimeExpressions(text: string, reportYear?: number, covered?: CoveredPeriod): readonly TimeExpression[] {
  // Facts and commitments both ask for the times of an item's text, which is often one sentence:
  // the last answer is given again for the same text and period.
  const last = lastTimes;
  if (last && last.text.length === text.length && last.reportYear === reportYear && last.covered?.start === covered?.start && last.covered?.end === covered?.end && last.text === text) return last.times;
  const times = timesIn(text, reportYear, covered);
  lastTimes = text.length >= REMEMBER_FROM ? { text, reportYear, covered, times } : undefined;
  return times;
}

/** Texts at least this long have their times remembered (short ones cost less to read again than to compare). */
const REMEMBER_FROM = 4096;
let lastTimes: { text: string; reportYear?: number; covered?: CoveredPeriod; times: readonly TimeExpression[] } | undefined;

function timesIn(text: string, reportYear?: number, covered?: CoveredPeriod): TimeExpression[] {
  const out: TimeExpression[] = [];
  const starts = new RegExp(CANDIDATE_RE.source, 'g');
  const future = futureTeller(text);
  let i = 0;
  while (i < text.length) {
    starts.lastIndex = i;
    const sm = starts.exec(text);
    if (!sm) break;
    const at = sm.index;
    const first = matchSingleAt(text, at, reportYear, covered, future) ?? matchOpenEnded(text, at);
    if (!first) {
      // Skip the rest of this word.
      const w = /[A-Za-z0-9]*/y;
      w.lastIndex = at + 1;
      w.exec(text);
      i = Math.max(w.lastIndex, at + 1);
      continue;
    }
    // A range: the second part may carry the year for both ("1 August to 31 March 2024", "March to June 2020").
    const join = RANGE_JOIN.exec(text.slice(first.end, first.end + 12));
    // "and" joins a range only after "between", or between two months ("October and November").
    const andOk = /between\s$/i.test(text.slice(Math.max(0, at - 8), at)) || (first.grain === 'month' && !/\d/.test(first.text));
    if (join && !(join[0].trim() === 'and' && !andOk)) {
      const second = matchSingleAt(text, first.end + join[0].length, reportYear, covered, future) ?? matchYearAfterJoin(text, first.end + join[0].length);
      if (second?.w && (second.kind === 'date' || second.grain === 'financial-year' || second.grain === 'academic-year')) {
        const end = second.w.end;
        const yearless = !/\d{4}/.test(first.text);
        let from = yearless ? inferWithYear(first.text, +end.slice(0, 4)) : first.w;
        // "1 August to 31 March 2024": the first part is in the year before when it would come after.
        if (from && yearless && from.start > end) from = inferWithYear(first.text, +end.slice(0, 4) - 1);
        if (from && from.start <= end) {
          const lead = /(?:between|from)\s$/i.exec(text.slice(Math.max(0, at - 8), at));
          const s = lead ? at - lead[0].length : at;
          out.push({ text: text.slice(s, second.end), start: s, end: second.end, dateStart: from.start, dateEnd: end, grain: 'range', kind: 'period' });
          i = second.end;
          continue;
        }
      }
    }
    if (first.grain !== undefined) {
      const lead = /(?:as of|as at)\s$/i.exec(text.slice(Math.max(0, at - 6), at));
      const s = lead ? at - lead[0].length : at;
      out.push({ text: text.slice(s, first.end), start: s, end: first.end, dateStart: first.w?.start ?? null, dateEnd: first.w?.end ?? null, grain: first.grain, kind: first.kind });
    }
    i = first.end;
  }
  return out;
}

/** The first half of a range whose year comes with the second: "1 August" or "March" in "... to 31 March 2024". */
function matchOpenEnded(text: string, at: number): { text: string; end: number; w: null; grain: undefined; kind: 'date' } | undefined {
  const re = OPEN_ENDED_RE;
  re.lastIndex = at;
  const m = re.exec(text);
  if (!m) return undefined;
  return { text: m[0], end: at + m[0].length, w: null, grain: undefined, kind: 'date' };
}

/** "2020-2022", "2020 to 2022": the second year of a range needs no time word before it. */
function matchYearAfterJoin(text: string, at: number) {
  const re = YEAR_AFTER_JOIN_RE;
  re.lastIndex = at;
  const m = re.exec(text);
  if (!m) return undefined;
  const y = +m[1];
  return { text: m[0], end: at + m[0].length, w: { start: iso(y, 1, 1), end: iso(y, 12, 31) }, grain: 'year' as TimeGrain, kind: 'date' as const };
}

function inferWithYear(firstText: string, y: number): Window | null {
  const d = /^(\d{1,2})(?:st|nd|rd|th)?\s([A-Za-z]+)$/.exec(firstText);
  if (d) {
    const mo = monthOf(d[2]);
    return { start: iso(y, mo, +d[1]), end: iso(y, mo, +d[1]) };
  }
  // "March", "March 23", "mid-March", "the end of March".
  const m = new RegExp(String.raw`^(${PART})?[\s-]?(${MONTH_FULL})(?:\s(\d{1,2}))?$`).exec(firstText);
  if (m) {
    const mo = monthOf(m[2]);
    return m[3] ? { start: iso(y, mo, +m[3]), end: iso(y, mo, +m[3]) } : monthWindow(y, mo, m[1]);
  }
  return null;
}
