// The workbook writer, read back by exceljs (an independent reader) and by the product's own reader.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxSheet } from '../ingest/xlsx-read.js';
import { columnLetters, safeSheetName, writeXlsx } from './xlsx.js';

const sheet = {
  name: 'Values 2024/25 Q1',
  header: ['Indicator', 'Period', 'Value', 'Note'],
  rows: [
    ['Adults in work', '2024/25 Q1', 1234.5, ' leading space & <angle> "quotes"'],
    ['Empty value', '2024/25 Q1', null, ''],
    ['=SUM(A1)', '2024/25 Q1', 0.413, 'a formula-looking text stays text\u0007'],
  ],
};

describe('writing a workbook', () => {
  it('is read by exceljs with the same cells, text kept as text and numbers as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(writeXlsx(sheet)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Values 2024 25 Q1');
    expect(ws.getRow(1).values).toEqual([undefined, 'Indicator', 'Period', 'Value', 'Note']);
    expect(ws.getCell('C2').value).toBe(1234.5);
    expect(ws.getCell('D2').value).toBe(' leading space & <angle> "quotes"');
    expect(ws.getCell('C3').value).toBeNull();
    expect(ws.getCell('A4').value).toBe('=SUM(A1)');
    expect(ws.getCell('A4').formula).toBeUndefined();
    expect(ws.getCell('D4').value).toBe('a formula-looking text stays text');
    expect(ws.getCell('A1').font?.bold).toBe(true);
  });

  it('round-trips through the product reader', () => {
    const rows = readXlsxSheet(writeXlsx(sheet))!.rows;
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4]);
    expect(rows[1].cells[3]).toEqual({ kind: 'number', value: 1234.5 });
    expect(rows[2].cells[3]).toBeUndefined();
    expect(rows[3].cells[1]).toEqual({ kind: 'text', text: '=SUM(A1)' });
  });

  it('names columns and sheets as spreadsheet programs want them', () => {
    expect([1, 26, 27, 28, 702, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(safeSheetName('a/b:c*d?[e]')).toBe('a b c d  e');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
  });
});
