import { describe, expect, it } from 'vitest';
import {
  comparePeriods, formatPeriod, parsePeriod, period, periodContaining, periodFromKey, periodIncludes,
  previousPeriod, nextPeriod, yearEarlier, financialYear, type Period,
} from './index.js';

const key = (text: string, opts?: Parameters<typeof parsePeriod>[1]) => {
  const r = parsePeriod(text, opts);
  return r.ok ? r.period.key : `error: ${r.error}`;
};

describe('parsePeriod: financial years', () => {
  it.each([
    ['2023/24', 'FY2023-24'], ['2023-24', 'FY2023-24'], ['FY 2023/24', 'FY2023-24'], ['FY2023/24', 'FY2023-24'],
    ['2023/2024', 'FY2023-24'], ['2023-2024', 'FY2023-24'], ['Financial year 2023-24', 'FY2023-24'],
    ['2023–24', 'FY2023-24'], [' 2023 / 24 ', 'FY2023-24'], ['1999/00', 'FY1999-00'], ['2099/00', 'FY2099-00'],
  ])('%s → %s', (text, expected) => expect(key(text)).toBe(expected));

  it('spans 1 April to 31 March', () => {
    expect(period('2023/24')).toEqual({ kind: 'financial-year', key: 'FY2023-24', start: '2023-04-01', end: '2024-03-31' });
  });

  it.each(['2023/25', '2023/22', '2023-2025'])('refuses non-consecutive years %s', (text) => {
    expect(key(text)).toMatch(/^error: .*consecutive/);
  });
});

describe('parsePeriod: academic years', () => {
  it('reads a bare pair as academic when asked', () => {
    expect(period('2023/24', { yearStyle: 'academic' })).toEqual({ kind: 'academic-year', key: 'AY2023-24', start: '2023-09-01', end: '2024-08-31' });
  });
  it.each([['AY 2023/24'], ['Academic year 2023-24'], ['2023/24 academic year']])('%s is academic', (t) => expect(key(t)).toBe('AY2023-24'));
  it('keeps academic and financial 2023/24 distinct', () => {
    expect(period('2023/24').key).not.toBe(period('2023/24', { yearStyle: 'academic' }).key);
  });
});

describe('parsePeriod: quarters', () => {
  it.each([
    ['Q1 2024/25', 'FY2024-25-Q1', '2024-04-01', '2024-06-30'],
    ['Q2 2024-25', 'FY2024-25-Q2', '2024-07-01', '2024-09-30'],
    ['Q3 FY 2024/25', 'FY2024-25-Q3', '2024-10-01', '2024-12-31'],
    ['2024/25 Q4', 'FY2024-25-Q4', '2025-01-01', '2025-03-31'],
    ['Quarter 4 2023/24', 'FY2023-24-Q4', '2024-01-01', '2024-03-31'],
  ])('%s', (text, k, start, end) => {
    expect(period(text)).toMatchObject({ kind: 'financial-quarter', key: k, start, end });
  });
  it('Q4 of 2023/24 ends on 31 March 2024, a leap year day count', () => {
    expect(period('Q4 2023/24').end).toBe('2024-03-31');
  });
  it('refuses Q5', () => expect(key('Q5 2024/25')).toMatch(/^error/));
});

describe('parsePeriod: calendar years, months, dates', () => {
  it.each([
    ['2024', 'CY2024'], ['CY 2024', 'CY2024'], ['2024-07', 'M2024-07'], ['07/2024', 'M2024-07'],
    ['July 2024', 'M2024-07'], ['Jul 2024', 'M2024-07'], ['Sept 2024', 'M2024-09'],
    ['2024-03-31', 'D2024-03-31'], ['31/03/2024', 'D2024-03-31'], ['31 March 2024', 'D2024-03-31'],
    ['as at 31 March 2024', 'D2024-03-31'], ['As of 1st April 2024', 'D2024-04-01'], ['29/02/2024', 'D2024-02-29'],
  ])('%s → %s', (text, expected) => expect(key(text)).toBe(expected));

  it.each(['2024-13', '13/2024', '29/02/2023', '31 April 2024', '2024-02-30', 'Jully 2024', '', 'next year', '24/25'])(
    'refuses %j with a message that quotes it', (text) => {
      const r = parsePeriod(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(text.trim() ? new RegExp(text.replace(/[/]/g, '\\/')) : /empty/);
    },
  );

  it('months know their length', () => {
    expect(period('February 2024').end).toBe('2024-02-29');
    expect(period('February 2023').end).toBe('2023-02-28');
    expect(period('2100-02').end).toBe('2100-02-28');
  });
});

describe('keys', () => {
  it.each(['FY2023-24', 'FY2024-25-Q1', 'AY2023-24', 'CY2024', 'M2024-07', 'D2024-03-31'])('%s round-trips', (k) => {
    expect(periodFromKey(k)?.key).toBe(k);
    expect(key(k)).toBe(k);
  });
  it.each(['FY2023-25', 'M2024-13', 'D2023-02-29', 'XY2024', 'FY2023-24-Q5'])('%s is not a key', (k) => expect(periodFromKey(k)).toBeUndefined());
});

describe('formatPeriod', () => {
  it.each([
    ['2023/24', '2023/24'], ['Q1 2024/25', 'Q1 2024/25'], ['Q4 2024/25', 'Q4 2024/25'], ['2024', '2024'],
    ['2024-07', 'July 2024'], ['2024-03-31', '31 March 2024'], ['1999/00', '1999/00'],
  ])('%s is written %s', (text, shown) => expect(formatPeriod(period(text))).toBe(shown));
  it('long forms', () => {
    expect(formatPeriod(period('2023/24'), 'long')).toBe('financial year 2023/24');
    expect(formatPeriod(period('2023/24', { yearStyle: 'academic' }))).toBe('2023/24 (academic)');
    expect(formatPeriod(period('2024-03-31'), 'long')).toBe('as at 31 March 2024');
  });
  it('formatted text parses back to the same period', () => {
    for (const t of ['2023/24', 'Q3 2024/25', '2024', 'July 2024', '31 March 2024']) expect(period(formatPeriod(period(t))).key).toBe(period(t).key);
  });
});

describe('previous, next and a year earlier', () => {
  const prev = (t: string) => previousPeriod(period(t)).key;
  const yago = (t: string) => yearEarlier(period(t)).key;
  it('financial years', () => {
    expect(prev('2023/24')).toBe('FY2022-23');
    expect(yago('2023/24')).toBe('FY2022-23');
    expect(prev('2000/01')).toBe('FY1999-00');
    expect(nextPeriod(period('1999/00')).key).toBe('FY2000-01');
  });
  it('quarters cross the financial year edge', () => {
    expect(prev('Q1 2024/25')).toBe('FY2023-24-Q4');
    expect(prev('Q4 2024/25')).toBe('FY2024-25-Q3');
    expect(nextPeriod(period('Q4 2023/24')).key).toBe('FY2024-25-Q1');
    expect(yago('Q1 2024/25')).toBe('FY2023-24-Q1');
    expect(yago('Q4 2024/25')).toBe('FY2023-24-Q4');
  });
  it('months cross the calendar year edge', () => {
    expect(prev('2024-01')).toBe('M2023-12');
    expect(nextPeriod(period('2023-12')).key).toBe('M2024-01');
    expect(yago('2024-07')).toBe('M2023-07');
  });
  it('academic and calendar years, dates', () => {
    expect(prev('AY 2023/24')).toBe('AY2022-23');
    expect(prev('2024')).toBe('CY2023');
    expect(yago('2024-03-31')).toBe('D2023-03-31');
    expect(yago('2024-02-29')).toBe('D2023-02-28');
  });
});

describe('periodContaining: the edge of each year', () => {
  it.each([
    ['2024-03-31', 'financial-year', 'FY2023-24'], ['2024-04-01', 'financial-year', 'FY2024-25'],
    ['2024-08-31', 'academic-year', 'AY2023-24'], ['2024-09-01', 'academic-year', 'AY2024-25'],
    ['2023-12-31', 'calendar-year', 'CY2023'], ['2024-01-01', 'calendar-year', 'CY2024'],
    ['2024-06-30', 'financial-quarter', 'FY2024-25-Q1'], ['2024-07-01', 'financial-quarter', 'FY2024-25-Q2'],
    ['2025-01-01', 'financial-quarter', 'FY2024-25-Q4'], ['2025-03-31', 'financial-quarter', 'FY2024-25-Q4'],
    ['2024-02-29', 'month', 'M2024-02'],
  ] as const)('%s is in %s %s', (date, kind, expected) => {
    const p = periodContaining(date, kind);
    expect(p.key).toBe(expected);
    expect(periodIncludes(p, date)).toBe(true);
  });
});

describe('comparePeriods', () => {
  it('orders by start, longer first on the same start', () => {
    const list: Period[] = ['Q1 2024/25', '2024/25', '2023/24', '2024-04', '2024', '2024-04-01'].map((t) => period(t));
    expect(list.sort(comparePeriods).map((p) => p.key)).toEqual(['FY2023-24', 'CY2024', 'FY2024-25', 'FY2024-25-Q1', 'M2024-04', 'D2024-04-01']);
  });
  it('is consistent with keys over many years', () => {
    const years = Array.from({ length: 30 }, (_, i) => financialYear(1995 + i));
    const shuffled = [...years].reverse();
    expect(shuffled.sort(comparePeriods)).toEqual(years);
  });
});

describe('ambiguous yyyy-yy', () => {
  it('reads consecutive digits as a financial year and others as a month', () => {
    expect(key('2011-12')).toBe('FY2011-12');
    expect(key('2024-07')).toBe('M2024-07');
    expect(key('2024-25')).toBe('FY2024-25');
    expect(key('2024-26')).toMatch(/^error: .*consecutive/);
  });
});
