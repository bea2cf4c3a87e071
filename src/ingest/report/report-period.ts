// When a report was published and which year it looks back on, read from what it is given, its file
// name or its text. A financial year in the file name ("…-2014-15.txt", "…-1999-00.pdf") or in the
// title lines is the year covered (the report is published in the year after it starts); a single year ("…-2020.txt") is the publication year, and
// the report covers the financial year that ended in it. Pure.
import { financialYear, parsePeriod, type Period } from '../../domain/period.js';

export interface ReportPeriod {
  /** The year the report was published. */
  reportYear: number;
  /** The financial year the report looks back on. */
  period: Period;
  /** Where it came from; 'none' when nothing said (the year is then a guess the importer refuses). */
  source: 'given' | 'file name' | 'text' | 'none';
}

const fromYear = (reportYear: number, source: ReportPeriod['source']): ReportPeriod => ({ reportYear, period: financialYear(reportYear - 1), source });

/** The second year of a pair: "00" after 1999 is 2000, as "10" after 2009 is 2010. */
function secondYear(first: number, second: string): number {
  if (second.length === 4) return Number(second);
  const b = Math.floor(first / 100) * 100 + Number(second);
  return b < first ? b + 100 : b;
}

/** In a file name the separator may be an underscore or a space, or missing; in text a dash or slash. */
const NAME_PAIR = /(?:^|[^0-9])((?:19|20)\d{2}) ?[-_ /–]? ?((?:19|20)?\d{2})(?=[^0-9]|$)/g;
const TEXT_PAIR = /(?:^|[^0-9])((?:19|20)\d{2}) ?[-/–] ?((?:19|20)?\d{2})(?=[^0-9]|$)/g;

/**
 * A financial year written as a pair of consecutive years: "2014-15", "2021_22", "2023-2024",
 * "1999-00", "1999/2000", "FY 1999-00". The first year, or undefined.
 */
function financialYearIn(text: string, pattern = NAME_PAIR): number | undefined {
  for (const m of text.matchAll(pattern)) {
    const a = Number(m[1]);
    if (secondYear(a, m[2]) === a + 1) return a;
  }
  return undefined;
}

/** The latest year the text names at least three times. */
function oftenNamedYear(text: string): number | undefined {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/\b(20\d{2})\b/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= 3).map(([y]) => y).sort((a, b) => b - a)[0];
}

/**
 * The report's year and period: a period given ("2019/20"), a year given, a financial year or a year
 * in the file name, or the latest year the text names often. Throws nothing: an unreadable given
 * period is the caller's to check with parsePeriod first.
 */
export function reportPeriodOf(text: string, name?: string, given: { year?: number; period?: string } = {}, thisYear = new Date().getFullYear()): ReportPeriod {
  if (given.period) {
    const r = parsePeriod(given.period);
    if (r.ok) {
      const start = Number(r.period.start.slice(0, 4));
      const fy = financialYear(r.period.start >= `${start}-04-01` ? start : start - 1);
      return { reportYear: Number(fy.end.slice(0, 4)), period: fy, source: 'given' };
    }
  }
  if (given.year) return fromYear(given.year, 'given');
  if (name) {
    const fy = financialYearIn(name);
    if (fy !== undefined) return { reportYear: fy + 1, period: financialYear(fy), source: 'file name' };
    // "…-2021-23": a report on two or three years covers up to the last of them.
    const span = /(?:^|[^0-9])((?:19|20)\d{2})[-_]((?:19|20)?\d{2})(?=[^0-9]|$)/.exec(name);
    const last = span ? secondYear(Number(span[1]), span[2]) : 0;
    if (span && last > Number(span[1]) + 1 && last <= Number(span[1]) + 3) return { reportYear: last, period: financialYear(last - 1), source: 'file name' };
    const single = /(?:^|[^0-9])((?:19|20)\d{2})(?:[^0-9]|$)/.exec(name);
    if (single) return fromYear(Number(single[1]), 'file name');
  }
  // A financial year in the title lines ("Annual Report 1999-00") is the year covered.
  const titled = financialYearIn(text.slice(0, 400), TEXT_PAIR);
  if (titled !== undefined) return { reportYear: titled + 1, period: financialYear(titled), source: 'text' };
  const often = oftenNamedYear(text);
  if (often !== undefined) return fromYear(often, 'text');
  return fromYear(thisYear, 'none');
}
