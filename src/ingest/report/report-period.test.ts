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
});
