// A file of indicator values is read and checked in a worker thread with the same result as in
// place, and its problems come back as the same validation errors.
import { describe, expect, it } from 'vitest';
import { isValidationError } from '../errors.js';
import { writeXlsx } from '../present/xlsx.js';
import { packObservations, readObservations, unpackObservations } from './observation-read.js';
import type { ParsedObservation } from './observation-table.js';

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
      expect(threaded.rows.count).toBe(300);
      // The academic-year indicator's bare year is read as an academic year in the thread too.
      const ind3 = (r: typeof here) => unpackObservations(r.rows).find((o) => o.indicatorCode === 'IND3')?.periodKey;
      expect(ind3(threaded)).toBe(ind3(here));
      expect(ind3(here)).toMatch(/^AY/);
      expect(threaded).toEqual(here);
    }
  }, 60_000);

  it('packs rows into a few arrays and unpacks them as they were', () => {
    const list: ParsedObservation[] = [
      { line: 2, indicatorCode: 'A1', areaCode: 'E1', periodKey: 'FY2022-23', value: 1.5, provisional: false, note: null },
      { line: 3, indicatorCode: 'A1', areaCode: 'E2', periodKey: 'FY2022-23', value: null, provisional: true, note: 'suppressed' },
      { line: 7, indicatorCode: 'B2', areaCode: 'E1', periodKey: 'FY2023-24', value: 0, provisional: false, note: '' },
      { line: 9, indicatorCode: 'B2', areaCode: 'E2', periodKey: 'FY2022-23', value: -3, provisional: false, note: null },
    ];
    const packed = packObservations(list);
    expect(packed.codes).toEqual(['A1', 'B2']);
    expect(packed.areas).toEqual(['E1', 'E2']);
    expect(packed.periods).toEqual(['FY2022-23', 'FY2023-24']);
    expect(packed.notes).toEqual([[1, 'suppressed'], [2, '']]);
    expect(unpackObservations(packed)).toEqual(list);
    // What a worker sends back is copied as it is.
    expect(unpackObservations(structuredClone(packed))).toEqual(list);
  });

  it('sends back an unreadable file as a validation error with its sentence', async () => {
    const source = { name: 'broken.xlsx', content: new TextEncoder().encode('not a workbook') };
    const err = await readObservations({ ...base, source }, { thread: true }).catch((e: unknown) => e);
    const here = await readObservations({ ...base, source }).catch((e: unknown) => e);
    expect(isValidationError(err)).toBe(true);
    expect((err as Error).message).toBe((here as Error).message);
  }, 60_000);
});
