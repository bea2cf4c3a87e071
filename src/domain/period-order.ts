// Periods in order and in time: comparing, stepping to the previous or next one, the same period a
// year earlier, and the period that holds a date.
import { daysInMonth, type Period, type PeriodKind, periodFromKey, financialYear, financialQuarter, academicYear, calendarYear, month, asAt } from './period.js';

const KIND_ORDER: Record<PeriodKind, number> = {
  'financial-year': 0, 'academic-year': 1, 'calendar-year': 2, 'financial-quarter': 3, month: 4, date: 5,
};

/** Orders periods by start, then by the longer first (a year before its first quarter), then by kind. */
export function comparePeriods(a: Period, b: Period): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.end !== b.end) return a.end > b.end ? -1 : 1;
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

export const comparePeriodKeys = (a: string, b: string): number => comparePeriods(periodOf(a), periodOf(b));

/** The period a key names; throws on a key that is not one (keys come from our own database). */
export function periodOf(key: string): Period {
  const p = periodFromKey(key);
  if (!p) throw new RangeError(`"${key}" is not a period key`);
  return p;
}

function shiftMonth(year: number, monthNumber: number, by: number): [number, number] {
  const idx = year * 12 + (monthNumber - 1) + by;
  return [Math.floor(idx / 12), (idx % 12) + 1];
}

/** The period before this one of the same kind (2022/23 before 2023/24, Q4 2023/24 before Q1 2024/25). */
export function previousPeriod(p: Period): Period {
  return shiftPeriod(p, -1);
}

export function nextPeriod(p: Period): Period {
  return shiftPeriod(p, 1);
}

/** Moves a period by whole steps of its own kind. Dates step by a year, as "as at" snapshots are annual. */
export function shiftPeriod(p: Period, steps: number): Period {
  const y = +p.start.slice(0, 4);
  const mo = +p.start.slice(5, 7);
  const d = +p.start.slice(8, 10);
  switch (p.kind) {
    case 'financial-year': return financialYear(y + steps);
    case 'academic-year': return academicYear(y + steps);
    case 'calendar-year': return calendarYear(y + steps);
    case 'financial-quarter': {
      const [ny, nm] = shiftMonth(y, mo, steps * 3);
      const startYear = nm >= 4 ? ny : ny - 1;
      return financialQuarter(startYear, (((nm - 4 + 12) % 12) / 3 + 1) as 1 | 2 | 3 | 4);
    }
    case 'month': {
      const [ny, nm] = shiftMonth(y, mo, steps);
      return month(ny, nm);
    }
    case 'date': {
      const ny = y + steps;
      return asAt(ny, mo, Math.min(d, daysInMonth(ny, mo)));
    }
  }
}

/** The same period a year earlier: 2022/23 for 2023/24, Q1 2023/24 for Q1 2024/25, July 2023 for July 2024. */
export function yearEarlier(p: Period): Period {
  switch (p.kind) {
    case 'financial-quarter': return shiftPeriod(p, -4);
    case 'month': return shiftPeriod(p, -12);
    default: return shiftPeriod(p, -1);
  }
}

/** The period of a kind that holds a date: 31 March 2024 is in 2023/24, 1 April 2024 in 2024/25. */
export function periodContaining(date: string | Date, kind: PeriodKind): Period {
  const s = typeof date === 'string' ? date : date.toISOString().slice(0, 10);
  const y = +s.slice(0, 4);
  const mo = +s.slice(5, 7);
  const d = +s.slice(8, 10);
  switch (kind) {
    case 'financial-year': return financialYear(mo >= 4 ? y : y - 1);
    case 'academic-year': return academicYear(mo >= 9 ? y : y - 1);
    case 'calendar-year': return calendarYear(y);
    case 'financial-quarter': return financialQuarter(mo >= 4 ? y : y - 1, ((((mo - 4 + 12) % 12) / 3) | 0) + 1 as 1 | 2 | 3 | 4);
    case 'month': return month(y, mo);
    case 'date': return asAt(y, mo, d);
  }
}

/** True when the date (yyyy-mm-dd) falls within the period. */
export const periodIncludes = (p: Period, date: string): boolean => date >= p.start && date <= p.end;
