import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { findColumn, parseCsvTable, parseXlsxTable } from './table-file.js';

describe('parseCsvTable', () => {
  it('gives each row its line, skipping blank lines, with or without quotes', () => {
    const plain = parseCsvTable('\uFEFFa,b\r\n1,2\r\n\r\n3,4\r\n', 'p.csv');
    const quoted = parseCsvTable('a,b\n"1",2\n\n"3, three",4\n', 'q.csv');
    expect(plain).toEqual({ file: 'p.csv', header: ['a', 'b'], rows: [{ line: 2, cells: ['1', '2'] }, { line: 4, cells: ['3', '4'] }] });
    expect(quoted.rows).toEqual([{ line: 2, cells: ['1', '2'] }, { line: 4, cells: ['3, three', '4'] }]);
  });
  it('refuses an empty file and a broken quote, saying where', () => {
    expect(() => parseCsvTable('\n\n', 'e.csv')).toThrow('e.csv is empty');
    expect(() => parseCsvTable('a,b\n"1,2\n', 'b.csv')).toThrow('b.csv is not a readable CSV file');
  });
});

describe('findColumn', () => {
  it('matches names ignoring case, spaces, dashes and underscores', () => {
    expect(findColumn(['Financial year', 'Local_Authority-Code'], ['local authority code'])).toBe(1);
    expect(findColumn(['x'], ['y'])).toBe(-1);
  });
});

describe('parseXlsxTable', () => {
  // Found by the fault suite's fuzz (test/faults): an empty cell between two filled ones in the header
  // row left a hole in the header, and finding a column then failed with a TypeError.
  it('reads a header row with an empty cell between filled ones', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Values');
    ws.addRow(['indicator', null, 'value']);
    ws.addRow(['ASC1', null, 12.5]);
    const table = await parseXlsxTable(Buffer.from(await wb.xlsx.writeBuffer()), 'values.xlsx');
    expect(table.header).toEqual(['indicator', '', 'value']);
    expect(table.rows).toEqual([{ line: 2, cells: ['ASC1', '', '12.5'] }]);
    expect(findColumn(table.header, ['value'])).toBe(2);
  });
});
