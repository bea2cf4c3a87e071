// Reporting periods: UK financial years and quarters, academic years, calendar years, months and
// "as at" dates. Every period has a stable key (stored in the database and used in URLs), a start
// and end date, a previous period and the same period a year earlier.

export type PeriodKind =
  | 'financial-year'
  | 'financial-quarter'
  | 'academic-year'
  | 'calendar-year'
  | 'month'
  | 'date';

export interface Period {
  kind: PeriodKind;
  /** Stable key: FY2023-24, FY2024-25-Q1, AY2023-24, CY2024, M2024-07, D2024-03-31. */
  key: string;
  /** First day, ISO yyyy-mm-dd. */
  start: string;
  /** Last day, ISO yyyy-mm-dd. */
  end: string;
}

/** How a bare "2023/24" is read: as a financial year (the default) or an academic year. */
export type YearStyle = 'financial' | 'academic';

export interface ParseOptions {
  yearStyle?: YearStyle;
}

export type ParseResult = { ok: true; period: Period } | { ok: false; error: string };

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
const MONTH_ABBR = MONTHS.map((m) => m.slice(0, 3));

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
/** Days in month m (1–12) of year y. */
export const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const shortYear = (y: number) => pad((y + 1) % 100);

/** Builds a period from its kind and its anchor: the starting year (and quarter or month or day). */
export function financialYear(startYear: number): Period {
  return { kind: 'financial-year', key: `FY${startYear}-${shortYear(startYear)}`, start: iso(startYear, 4, 1), end: iso(startYear + 1, 3, 31) };
}

export function financialQuarter(startYear: number, quarter: 1 | 2 | 3 | 4): Period {
  const firstMonth = 4 + (quarter - 1) * 3; // 4, 7, 10, 13
  const y = firstMonth > 12 ? startYear + 1 : startYear;
  const m = firstMonth > 12 ? firstMonth - 12 : firstMonth;
  return {
    kind: 'financial-quarter',
    key: `FY${startYear}-${shortYear(startYear)}-Q${quarter}`,
    start: iso(y, m, 1),
    end: iso(y, m + 2, daysInMonth(y, m + 2)),
  };
}

export function academicYear(startYear: number): Period {
  return { kind: 'academic-year', key: `AY${startYear}-${shortYear(startYear)}`, start: iso(startYear, 9, 1), end: iso(startYear + 1, 8, 31) };
}

export function calendarYear(year: number): Period {
  return { kind: 'calendar-year', key: `CY${year}`, start: iso(year, 1, 1), end: iso(year, 12, 31) };
}

export function month(year: number, monthNumber: number): Period {
  return { kind: 'month', key: `M${pad(year, 4)}-${pad(monthNumber)}`, start: iso(year, monthNumber, 1), end: iso(year, monthNumber, daysInMonth(year, monthNumber)) };
}

export function asAt(year: number, monthNumber: number, day: number): Period {
  const d = iso(year, monthNumber, day);
  return { kind: 'date', key: `D${d}`, start: d, end: d };
}

function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Reads a period's stable key back into a period; undefined when it is not a key. */
export function periodFromKey(key: string): Period | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^FY(\d{4})-(\d{2})-Q([1-4])$/.exec(key)) && m[2] === shortYear(+m[1])) {
    return financialQuarter(+m[1], +m[3] as 1 | 2 | 3 | 4);
  }
  if ((m = /^FY(\d{4})-(\d{2})$/.exec(key)) && m[2] === shortYear(+m[1])) return financialYear(+m[1]);
  if ((m = /^AY(\d{4})-(\d{2})$/.exec(key)) && m[2] === shortYear(+m[1])) return academicYear(+m[1]);
  if ((m = /^CY(\d{4})$/.exec(key))) return calendarYear(+m[1]);
  if ((m = /^M(\d{4})-(\d{2})$/.exec(key)) && +m[2] >= 1 && +m[2] <= 12) return month(+m[1], +m[2]);
  if ((m = /^D(\d{4})-(\d{2})-(\d{2})$/.exec(key)) && validDate(+m[1], +m[2], +m[3])) return asAt(+m[1], +m[2], +m[3]);
  return undefined;
}

/** Expands a two- or four-digit second year of "2023/24" and checks it follows the first. */
function yearPair(first: string, second: string): number | undefined {
  const a = +first;
  const b = second.length === 2 ? (Math.floor(a / 100) * 100 + +second) % 10000 + (+second < a % 100 ? 100 : 0) : +second;
  return b === a + 1 ? a : undefined;
}

function monthNumber(name: string): number | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(n);
  if (full >= 0) return full + 1;
  const abbr = MONTH_ABBR.indexOf(n.slice(0, 3));
  return abbr >= 0 && (n.length === 3 || (n === 'sept')) ? abbr + 1 : undefined;
}

const YEAR_PAIR = String.raw`(\d{4})\s*[/\-–]\s*(\d{2}|\d{4})`;

/**
 * Reads a period as people write it: "2023/24", "2023-24", "FY 2023/24", "Q1 2024/25",
 * "2024/25 Q1", "AY 2023/24", "2024", "2024-07", "July 2024", "2024-03-31", "31/03/2024",
 * "as at 31 March 2024". A bare year pair is a financial year unless yearStyle says academic.
 */
export function parsePeriod(input: string, options: ParseOptions = {}): ParseResult {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, error: 'period is empty' };
  const fromKey = periodFromKey(text);
  if (fromKey) return { ok: true, period: fromKey };

  const fail = (why?: string): ParseResult => ({
    ok: false,
    error: why ?? `"${input}" is not a period (expected e.g. 2023/24, Q1 2024/25, 2024, July 2024 or 31/03/2024)`,
  });
  let m: RegExpExecArray | null;

  // Quarters: "Q1 2024/25", "2024/25 Q1", "Q1 FY 2024-25", "2024/25 Quarter 1".
  if (
    (m = new RegExp(String.raw`^(?:Q|Quarter )([1-4]),? (?:FY ?)?${YEAR_PAIR}$`, 'i').exec(text)) ||
    (m = new RegExp(String.raw`^(?:FY ?)?${YEAR_PAIR},? (?:Q|Quarter )([1-4])$`, 'i').exec(text))
  ) {
    const [q, a, b] = /^(?:Q|Quarter )/i.test(text) ? [m[1], m[2], m[3]] : [m[3], m[1], m[2]];
    const start = yearPair(a, b);
    if (start === undefined) return fail(`"${input}": the years of a financial year must be consecutive`);
    return { ok: true, period: financialQuarter(start, +q as 1 | 2 | 3 | 4) };
  }

  // "2024-07" is a month unless its two digits follow the year ("2023-24"): then it is a year pair.
  // "2011-12" is therefore 2011/12, as councils write financial years, not December 2011.
  if ((m = /^(\d{4})-(\d{2})$/.exec(text)) && yearPair(m[1], m[2]) === undefined) {
    return +m[2] >= 1 && +m[2] <= 12 ? { ok: true, period: month(+m[1], +m[2]) } : fail(`"${input}": the two years must be consecutive, as in 2023/24`);
  }

  // Year pairs: "2023/24", "FY 2023/24", "Financial year 2023-24", "AY 2023/24", "Academic year 2023/24".
  if ((m = new RegExp(String.raw`^(FY|Financial year|AY|Academic year)? ?${YEAR_PAIR}(?: (financial|academic)(?: year)?)?$`, 'i').exec(text))) {
    const start = yearPair(m[2], m[3]);
    if (start === undefined) return fail(`"${input}": the two years must be consecutive, as in 2023/24`);
    const label = (m[1] ?? m[4] ?? '').toLowerCase();
    const academic = label.startsWith('a') || (label === '' && options.yearStyle === 'academic');
    return { ok: true, period: academic ? academicYear(start) : financialYear(start) };
  }

  // Calendar year.
  if ((m = /^(?:CY ?|Calendar year )?(\d{4})$/i.exec(text))) return { ok: true, period: calendarYear(+m[1]) };

  // Month: "2024-07", "07/2024", "July 2024", "Jul 2024".
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(text))) {
    return +m[2] >= 1 && +m[2] <= 12 ? { ok: true, period: month(+m[1], +m[2]) } : fail(`"${input}": month ${m[2]} does not exist`);
  }
  if ((m = /^(\d{1,2})\/(\d{4})$/.exec(text))) {
    return +m[1] >= 1 && +m[1] <= 12 ? { ok: true, period: month(+m[2], +m[1]) } : fail(`"${input}": month ${m[1]} does not exist`);
  }
  if ((m = /^([A-Za-z]+\.?) (\d{4})$/.exec(text))) {
    const mn = monthNumber(m[1]);
    return mn ? { ok: true, period: month(+m[2], mn) } : fail();
  }

  // Dates: "2024-03-31", "31/03/2024", "31 March 2024", "as at 31 March 2024", "As of 31/03/2024".
  const dateText = text.replace(/^(?:as at|as of|at) /i, '');
  let y: number | undefined, mo: number | undefined, d: number | undefined;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateText))) [y, mo, d] = [+m[1], +m[2], +m[3]];
  else if ((m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(dateText))) [y, mo, d] = [+m[3], +m[2], +m[1]];
  else if ((m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+\.?),? (\d{4})$/.exec(dateText))) [y, mo, d] = [+m[3], monthNumber(m[2]), +m[1]];
  if (y !== undefined) {
    if (mo === undefined || d === undefined || !validDate(y, mo, d)) return fail(`"${input}" is not a real date`);
    return { ok: true, period: asAt(y, mo, d) };
  }
  return fail();
}

/** Like parsePeriod but throws; for code paths where the text is already known to be valid. */
export function period(input: string, options?: ParseOptions): Period {
  const r = parsePeriod(input, options);
  if (!r.ok) throw new RangeError(r.error);
  return r.period;
}

/** How a period is written in reports: "2023/24", "Q1 2024/25", "2023/24 (academic year)", "July 2024". */
export function formatPeriod(p: Period, style: 'short' | 'long' = 'short'): string {
  const y = +p.start.slice(0, 4);
  const mo = +p.start.slice(5, 7);
  switch (p.kind) {
    case 'financial-year': {
      const s = `${y}/${shortYear(y)}`;
      return style === 'long' ? `financial year ${s}` : s;
    }
    case 'financial-quarter': {
      const startYear = mo >= 4 ? y : y - 1;
      const q = ((mo - 4 + 12) % 12) / 3 + 1;
      return `Q${q} ${startYear}/${shortYear(startYear)}`;
    }
    case 'academic-year':
      return style === 'long' ? `academic year ${y}/${shortYear(y)}` : `${y}/${shortYear(y)} (academic)`;
    case 'calendar-year':
      return String(y);
    case 'month':
      return `${MONTHS[mo - 1][0].toUpperCase()}${MONTHS[mo - 1].slice(1)} ${y}`;
    case 'date': {
      const s = `${+p.start.slice(8, 10)} ${MONTHS[mo - 1][0].toUpperCase()}${MONTHS[mo - 1].slice(1)} ${y}`;
      return style === 'long' ? `as at ${s}` : s;
    }
  }
}
