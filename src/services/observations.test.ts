// Importing indicator values: formats, mapping, polarity, problems with line and column, all or nothing.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { testServices } from '../../test/helpers/store.js';

let s: Awaited<ReturnType<typeof testServices>>;
// One database for the file (each test uses its own indicator codes): a fresh one per test is slow.
beforeAll(async () => { s = await testServices(); });
afterAll(async () => { await s.close(); });

const errorOf = async (p: Promise<unknown>): Promise<ValidationError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('expected a ValidationError');
};

describe('observations.import', () => {
  it('reports every bad row with line, column and reason, and writes nothing', async () => {
    const content = [
      'period,area,indicator,value',
      '2022/23,E10000018,NI1,12.5',
      '2022/23,E99999999,NI1,3', // line 3: unknown area
      'someday,E10000007,NI1,4', // line 4: bad period
      '2022/23,E10000019,NI1,lots', // line 5: not a number
      '2022/23,E10000018,NI1,13', // line 6: duplicate of line 2
    ].join('\n');
    const e = await errorOf(s.observations.import({ name: 'bad.csv', content }));
    expect(e.message).toBe('bad.csv: 4 problem(s) in 4 row(s); nothing was imported (use --skip-invalid to import the other rows)');
    expect(e.problems).toEqual([
      { file: 'bad.csv', line: 3, column: 2, field: 'area', message: 'unknown area code "E99999999"' },
      { file: 'bad.csv', line: 4, column: 1, field: 'period', message: expect.stringContaining('"someday" is not a period') },
      { file: 'bad.csv', line: 5, column: 4, field: 'value', message: '"lots" is not a number (leave it blank for a missing value)' },
      { file: 'bad.csv', line: 6, column: 1, field: 'period', message: 'duplicate: NI1, E10000018, FY2022-23 already given on line 2' },
    ]);
    expect((await s.indicators.list()).map((i) => i.code)).not.toContain('NI1');
    expect((await s.workspace.status()).counts.observations).toBe(0);
  });

  it('imports the good rows and lists the bad ones with skipInvalid', async () => {
    const content = 'period,area,indicator,value\n2022/23,E10000018,NI2,12.5\n2022/23,NOWHERE,NI2,3\n2022/23,E10000007,NI2,\n';
    const r = await s.observations.import({ name: 'mixed.csv', content }, { skipInvalid: true });
    expect(r).toMatchObject({ rows: 2, inserted: 2, missing: 1, indicatorsCreated: ['NI2'] });
    expect(r.skipped).toEqual([{ file: 'mixed.csv', line: 3, column: 2, field: 'area', message: 'unknown area code "NOWHERE"' }]);
  });

  it('reads a wide table (periods as columns) with a column map, and blanks as missing', async () => {
    const content = 'Council,Measure,2020/21,2021/22,2022/23\nE10000018,W1,1,2,..\nE10000007,W1,,4,5\n';
    const r = await s.observations.import({ name: 'wide.csv', content }, { map: { Council: 'area', Measure: 'indicator' } });
    expect(r).toMatchObject({ format: 'wide', rows: 5, missing: 1 });
    const c = await s.performance.compendium({ area: 'E10000018', group: 'english-counties', period: '2022/23' });
    const w1 = c.rows.find((r) => r.indicator.code === 'W1');
    expect(w1).toMatchObject({ value: null, rag: 'missing', previous: { value: 2 } });
    expect(w1?.group.n).toBe(1);
  });

  it('refuses a file whose columns cannot be found, naming what is missing', async () => {
    const e = await errorOf(s.observations.import({ name: 'odd.csv', content: 'when,where,what\n2022/23,E10000018,1\n' }));
    expect(e.problems.map((p) => p.message)).toEqual([
      'no indicator column: name it with --map "YOUR COLUMN=indicator"',
      'no area column: name it with --map "YOUR COLUMN=area"',
      'no period column: name it with --map "YOUR COLUMN=period"',
      'no value column: name it with --map "YOUR COLUMN=value"',
    ]);
  });

  it('refuses conflicting polarity for one indicator and an unknown polarity word', async () => {
    const content = 'period,area,indicator,value,rank_order\n2022/23,E10000018,P,1,desc\n2022/23,E10000007,P,2,asc\n2022/23,E10000019,P,3,sideways\n';
    const e = await errorOf(s.observations.import({ name: 'p.csv', content }, { polarityFrom: 'rank_order' }));
    expect(e.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [3, 5, 'polarity of P is "asc" here but higher on line 2'],
      [4, 5, '"sideways" is not a polarity (desc, asc or None)'],
    ]);
  });

  it('updates values on re-import, counts what changed, and audits each change', async () => {
    const first = 'period,area,indicator,value\n2022/23,E10000018,R1,10\n2022/23,E10000007,R1,20\n';
    await s.observations.import({ name: 'r.csv', content: first });
    const again = 'period,area,indicator,value\n2022/23,E10000018,R1,11\n2022/23,E10000007,R1,20\n2021/22,E10000007,R1,19\n';
    const r = await s.observations.import({ name: 'r.csv', content: again }, { userId: null });
    expect(r).toMatchObject({ rows: 3, inserted: 1, updated: 1, unchanged: 1 });
    const c = await s.performance.compendium({ area: 'E10000018', group: 'english-counties', period: '2022/23' });
    expect(c.rows.find((r) => r.indicator.code === 'R1')?.value).toBe(11);
  });

  it('reads an XLSX workbook, with provisional values', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Values');
    ws.addRow(['Period', 'Area code', 'Indicator', 'Value', 'Status']);
    ws.addRow(['2023/24', 'E10000018', 'X1', 45.5, 'provisional']);
    ws.addRow(['2023/24', 'E10000007', 'X1', 50, '']);
    const content = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await s.observations.import({ name: 'values.xlsx', content });
    expect(r).toMatchObject({ rows: 2, inserted: 2 });
    const c = await s.performance.compendium({ area: 'E10000018', group: 'english-counties', period: '2023/24' });
    expect(c.rows.find((r) => r.indicator.code === 'X1')).toMatchObject({ value: 45.5, status: 'provisional' });
  });

  it('reports progress while checking and writing', async () => {
    const phases: string[] = [];
    await s.observations.import({ name: 'p.csv', content: 'period,area,indicator,value\n2022/23,E10000018,PR1,1\n' }, { onProgress: (p) => phases.push(`${p.phase} ${p.done}/${p.total}`) });
    expect(phases).toEqual(['check 0/1', 'check 1/1', 'write 1/1']);
  });
});
