import { describe, expect, it } from 'vitest';
import { reportPeriodOf } from './report-period.js';

describe('a report\'s year and period', () => {
  it('takes a financial year in the file name as the period covered, not the publication year', () => {
    const r = reportPeriodOf('', 'aberdeenshire-annual-performance-report-2014-15.txt');
    expect(r).toMatchObject({ reportYear: 2015, source: 'file name' });
    expect(r.period.key).toBe('FY2014-15');
  });
  it('takes a single year in the file name as the publication year, covering the year before', () => {
    expect(reportPeriodOf('', 'report-2020.txt').period.key).toBe('FY2019-20');
  });
  it('prefers what it is given: a period, then a year', () => {
    expect(reportPeriodOf('', 'report-2020.txt', { period: '2023/24' }).period.key).toBe('FY2023-24');
    expect(reportPeriodOf('', 'report-2020.txt', { year: 2017 }).period.key).toBe('FY2016-17');
  });
  it('reads the text when the name says nothing, and says when nothing did', () => {
    expect(reportPeriodOf('In 2021 we did this. 2021 again. And 2021.', 'report.txt').period.key).toBe('FY2020-21');
    expect(reportPeriodOf('A new play area opened.', 'report.txt').source).toBe('none');
  });
  it('reads a financial year across a century: "1999-00" is 1999/2000, not 1998/99', () => {
    for (const name of ['annual-report-1999-00.txt', 'Annual report FY 1999-00.pdf', 'report 1999/2000.pdf', 'report-1999_00.txt']) {
      const r = reportPeriodOf('', name);
      expect(r, name).toMatchObject({ reportYear: 2000, source: 'file name' });
      expect(r.period.key, name).toBe('FY1999-00');
    }
    expect(reportPeriodOf('', 'performance-2009-10.txt').period.key).toBe('FY2009-10');
    expect(reportPeriodOf('', 'report.txt', { period: 'FY 1999-00' }).period.key).toBe('FY1999-00');
  });
  it('takes a financial year from the title lines when the name has none', () => {
    const r = reportPeriodOf('Annual Performance Report 1999-00\n\nIn 2001 2001 2001 we will', 'report.txt');
    expect(r).toMatchObject({ reportYear: 2000, source: 'text' });
    expect(r.period.key).toBe('FY1999-00');
    expect(reportPeriodOf('Council Plan 2020-2024\n\nIn 2021 we did this. 2021 again. And 2021.', 'report.txt').period.key).toBe('FY2020-21');
  });
  it('takes a report on two or three years ("…-2021-23") to cover the financial year ending in the last', () => {
    const r = reportPeriodOf('', 'local-account-2021-23.txt');
    expect(r).toMatchObject({ reportYear: 2023, source: 'file name' });
    expect(r.period.key).toBe('FY2022-23');
    expect(reportPeriodOf('', 'plan-2020-2030.txt').period.key).toBe('FY2019-20');
  });
});
