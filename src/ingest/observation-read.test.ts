// A file of indicator values is read and checked in a worker thread with the same result as in
// place, and its problems come back as the same validation errors.
import { describe, expect, it } from 'vitest';
import { isValidationError } from '../errors.js';
import { writeXlsx } from '../present/xlsx.js';
import { readObservations } from './observation-read.js';

const rows = Array.from({ length: 300 }, (_, i) => ['2022/23', i % 2 ? 'E10000018' : 'E06000016', `IND${i >> 1}`, String(i / 4)]);
const csv = ['period,area,indicator,value', ...rows.map((r) => r.join(','))].join('\n');
const base = { options: {}, areaCodes: ['E10000018', 'E06000016'], academicCodes: ['ind3'] };

describe('reading indicator values in a worker thread', () => {
  it('gives what reading in place gives, for CSV and XLSX', async () => {
    for (const source of [
      { name: 'values.csv', content: new TextEncoder().encode(csv) },
      { name: 'values.xlsx', content: writeXlsx({ name: 'Values', header: ['period', 'area', 'indicator', 'value'], rows }) },
    ]) {
      const [threaded, here] = await Promise.all([readObservations({ ...base, source }, { thread: true }), readObservations({ ...base, source })]);
      expect(threaded.parsed.observations).toHaveLength(300);
      // The academic-year indicator's bare year is read as an academic year in the thread too.
      expect(threaded.parsed.observations.find((o) => o.indicatorCode === 'IND3')?.periodKey).toBe(here.parsed.observations.find((o) => o.indicatorCode === 'IND3')?.periodKey);
      expect(threaded).toEqual(here);
    }
  }, 60_000);

  it('sends back an unreadable file as a validation error with its sentence', async () => {
    const source = { name: 'broken.xlsx', content: new TextEncoder().encode('not a workbook') };
    const err = await readObservations({ ...base, source }, { thread: true }).catch((e: unknown) => e);
    const here = await readObservations({ ...base, source }).catch((e: unknown) => e);
    expect(isValidationError(err)).toBe(true);
    expect((err as Error).message).toBe((here as Error).message);
  }, 60_000);
});
