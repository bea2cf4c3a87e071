// Import edge cases: text in UTF-16 or Windows-1252, a CSV with a header and nothing else, cells
// holding spreadsheet errors, and archives that unpack to far more than their size.
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { decodeTextBytes } from './decode-text.js';
import { readReport } from './report/read.js';
import { readTable, WORKBOOK_UNPACKED_LIMIT } from './table-file.js';
import { archiveProblem } from './zip-limit.js';

const utf16le = (s: string, bom = true) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => { const b = Buffer.from(s, 'utf16le'); b.swap16(); return Buffer.concat([Buffer.from([0xfe, 0xff]), b]); };
const latin1 = (s: string) => Buffer.from(s, 'latin1');

describe('text encodings', () => {
  it('reads UTF-8 with and without a mark, UTF-16 either way round, and Windows-1252', () => {
    const s = 'Café – “quoted”, naïve';
    expect(decodeTextBytes(Buffer.from(s))).toEqual({ text: s, encoding: 'utf-8' });
    expect(decodeTextBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)]))).toEqual({ text: s, encoding: 'utf-8' });
    expect(decodeTextBytes(utf16le(s))).toEqual({ text: s, encoding: 'utf-16le' });
    expect(decodeTextBytes(utf16le('indicator,area,period,value\n', false))).toEqual({ text: 'indicator,area,period,value\n', encoding: 'utf-16le' });
    expect(decodeTextBytes(utf16be(s))).toEqual({ text: s, encoding: 'utf-16be' });
    expect(decodeTextBytes(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]))).toEqual({ text: 'Café “q”', encoding: 'windows-1252' });
    expect(decodeTextBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 0, 0, 9]))).toBeNull();
  });

  it('imports a UTF-16 CSV and a Latin-1 CSV with their text intact', async () => {
    const csv = 'indicator,area,period,value,note\nIND1,E10000018,2023/24,1.5,Café\n';
    for (const content of [utf16le(csv), utf16be(csv), latin1(csv)]) {
      const t = await readTable({ name: 'values.csv', content });
      expect(t.header).toEqual(['indicator', 'area', 'period', 'value', 'note']);
      expect(t.rows[0].cells[4]).toBe('Café');
    }
  });

  it('reads a UTF-16 text report instead of calling it binary', async () => {
    const r = await readReport({ name: 'report-2024.txt', bytes: utf16le('# Annual report\n\nWe planted 1,200 trees in Coalville.\n') });
    expect(r.text).toContain('We planted 1,200 trees');
  });
});

describe('a CSV with a header and no rows', () => {
  it('is refused with a sentence, not imported as nothing', async () => {
    const err = await readTable({ name: 'empty.csv', content: Buffer.from('indicator,area,period,value\n') }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toBe('empty.csv has a header row but no data rows');
  });
});

async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('Values'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('spreadsheet errors', () => {
  it('lists every cell holding #DIV/0!, #N/A, #VALUE! or #REF! with its sheet, row and column', async () => {
    const content = await workbook((ws) => {
      ws.addRow(['indicator', 'area', 'period', 'value']);
      ws.addRow(['IND1', 'E10000018', '2023/24', 12]);
      ws.addRow(['IND1', 'E07000133', '2023/24', { error: '#DIV/0!' }]);
      ws.addRow(['IND1', 'E07000134', '2023/24', { formula: 'NA()', result: { error: '#N/A' } }]);
      ws.addRow(['IND1', { error: '#REF!' }, '2023/24', { error: '#VALUE!' }]);
    });
    const err = await readTable({ name: 'values.xlsx', content }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toMatch(/^values\.xlsx has 4 cells holding a spreadsheet error/);
    expect(err.problems.map((p: { field: string; message: string }) => [p.field, p.message])).toEqual([
      ['Values!D3', 'the cell holds the spreadsheet error #DIV/0!'],
      ['Values!D4', 'the cell holds the spreadsheet error #N/A'],
      ['Values!B5', 'the cell holds the spreadsheet error #REF!'],
      ['Values!D5', 'the cell holds the spreadsheet error #VALUE!'],
    ]);
  });
});

/** A zip whose one entry is `bytes` zero bytes (a few hundred KB compressed per 100 MB). */
const zerosZip = (name: string, bytes: number) => zipSync({ [name]: [new Uint8Array(bytes), { level: 1 }] });

describe('archives that unpack to too much', () => {
  it('are refused by their declared size before anything is inflated', () => {
    const bomb = zerosZip('xl/worksheets/sheet1.xml', 4 * 1024 * 1024);
    expect(archiveProblem(bomb, 1024 * 1024)).toMatch(/^it would unpack to 4 MB, over the 1 MB an archive may hold$/);
  });

  it('are refused while inflating when the declared size lies', () => {
    const bomb = zerosZip('word/document.xml', 4 * 1024 * 1024);
    // Say, in the central directory, that the entry is 1 KB.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    const central = bomb.length - 22 - (46 + 'word/document.xml'.length);
    expect(view.getUint32(central, true)).toBe(0x02014b50);
    view.setUint32(central + 24, 1024, true);
    expect(archiveProblem(bomb, 1024 * 1024)).toMatch(/^it unpacks to more than the 1 MB an archive may hold$/);
  });

  it('are refused as workbooks and Word documents in one sentence, with no reader error text', async () => {
    const xlsx = Buffer.from(zerosZip('xl/worksheets/sheet1.xml', WORKBOOK_UNPACKED_LIMIT + 1024));
    const err = await readTable({ name: 'bomb.xlsx', content: xlsx }).catch((e) => e);
    expect(err.message).toMatch(/^bomb\.xlsx cannot be opened: it would unpack to \d+ MB, over the 100 MB an archive may hold$/);
    const docx = zerosZip('word/document.xml', 6 * 1024 * 1024);
    const r = await readReport({ name: 'bomb.docx', bytes: docx }, { maxUnpackedBytes: 4 * 1024 * 1024 }).catch((e) => e);
    expect(r).toBeInstanceOf(ValidationError);
    expect(r.message).toBe('bomb.docx: the Word document cannot be opened: it would unpack to 6 MB, over the 4 MB an archive may hold');
    const damaged = await readReport({ name: 'damaged.docx', bytes: zipSync({ 'word/document.xml': strToU8('<not-word/>') }) }).catch((e) => e);
    expect(damaged.message).toMatch(/^damaged\.docx: (a zip file but not a Word document|the Word document cannot be read: it is damaged)/);
    expect(damaged.message).not.toMatch(/properties|undefined|null|TypeError/);
  });

  it('let an ordinary archive through', () => {
    expect(archiveProblem(zipSync({ 'a.xml': strToU8('<a/>') }), 1024)).toBeNull();
  });
});
