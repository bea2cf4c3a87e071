// The XLSX reader on a workbook LibreOffice saved, and on hand-built parts for the cases spreadsheet
// programs write differently: inline strings, prefixed XML, the 1904 date system, rich text.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isDateFormat, readXlsxSheet, serialToIso, XlsxReadError } from './xlsx-read.js';
import { readTable } from './table-file.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/xlsx/libreoffice-values.xlsx');

/** A workbook of the given parts, written the way some tools do (prefixed elements, inline strings). */
function workbook(sheetXml: string, extra: Record<string, string> = {}, workbookPr = ''): Uint8Array {
  const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  return zipSync({
    'xl/workbook.xml': strToU8(`<?xml version="1.0"?><x:workbook ${ns}>${workbookPr}<x:sheets><x:sheet name="First" sheetId="1" r:id="rId7"/><x:sheet name="Data &amp; notes" sheetId="2" r:id="rId8"/></x:sheets></x:workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Target="worksheets/a.xml" Type="x"/><Relationship Id="rId8" Target="/xl/worksheets/b.xml" Type="x"/></Relationships>'),
    'xl/worksheets/a.xml': strToU8(`<x:worksheet ${ns}><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>only</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`),
    'xl/worksheets/b.xml': strToU8(`<x:worksheet ${ns}><x:sheetData>${sheetXml}</x:sheetData></x:worksheet>`),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strToU8(v)])),
  });
}

describe('reading XLSX worksheets', () => {
  it('reads a workbook LibreOffice saved: strings, numbers, dates, booleans, formula results and errors', () => {
    const sheet = readXlsxSheet(fs.readFileSync(fixture))!;
    expect(sheet.name).toBe('values');
    const row = (n: number) => sheet.rows.find((r) => r.number === n)!.cells;
    expect(row(1)[1]).toEqual({ kind: 'text', text: 'Indicator' });
    expect(row(2).slice(4, 8)).toEqual([
      { kind: 'number', value: 1234.5 }, { kind: 'date', iso: '2024-03-15' }, { kind: 'boolean', value: true }, { kind: 'text', text: 'Quoted, with comma' },
    ]);
    expect(row(3)[7]).toEqual({ kind: 'text', text: 'Ünïcödé & <tags>' });
    expect(row(4)[4]).toEqual({ kind: 'number', value: 0.826 });
    expect(row(4)[5]).toBeUndefined();
    expect(row(5)[4]).toEqual({ kind: 'error', code: '#DIV/0!' });
  });

  it('refuses the LibreOffice workbook for its error cell, naming the sheet and cell', async () => {
    const xlsx = await readTable(fixture).catch((e: Error) => e);
    // The #DIV/0! cell is refused with where it is, as for any workbook.
    expect((xlsx as Error).message).toMatch(/1 cell holding a spreadsheet error/);
    expect(JSON.stringify(xlsx)).toContain('"field":"values!D5"');
  });

  it('chooses a sheet by name through the workbook relationships, with prefixed elements and inline strings', () => {
    const bytes = workbook('<x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:r><x:t>Rich </x:t></x:r><x:r><x:t xml:space="preserve">text</x:t></x:r></x:is></x:c><x:c r="D3" t="str"><x:f>A1</x:f><x:v>cached &lt;text&gt;</x:v></x:c></x:row>');
    expect(readXlsxSheet(bytes)!.rows).toEqual([
      { number: 1, cells: [undefined, { kind: 'text', text: 'only' }] },
      { number: 2, cells: [undefined, { kind: 'number', value: 1 }] },
    ]);
    const b = readXlsxSheet(bytes, 'Data & notes')!;
    expect(b.rows).toHaveLength(1);
    expect(b.rows[0].number).toBe(3);
    expect(b.rows[0].cells[2]).toEqual({ kind: 'text', text: 'Rich text' });
    expect(b.rows[0].cells[4]).toEqual({ kind: 'text', text: 'cached <text>' });
    expect(readXlsxSheet(bytes, 'Missing')).toBeNull();
  });

  it('reads shared strings with phonetic runs left out, and dates in the 1904 system from a custom format', () => {
    const bytes = workbook('<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="1"><x:v>0</x:v></x:c><x:c r="C1" s="2"><x:v>0.5</x:v></x:c></x:row>', {
      'xl/sharedStrings.xml': '<sst><si><r><t>Kan</t></r><r><t>ji</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si></sst>',
      'xl/styles.xml': '<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="dd&quot;/&quot;mm&quot;/&quot;yyyy"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>',
    }, '<x:workbookPr date1904="1"/>');
    const cells = readXlsxSheet(bytes, 'Data & notes')!.rows[0].cells;
    expect(cells[1]).toEqual({ kind: 'text', text: 'Kanji' });
    expect(cells[2]).toEqual({ kind: 'date', iso: '1904-01-01' });
    expect(cells[3]).toEqual({ kind: 'number', value: 0.5 });
  });

  it('knows date formats from number formats, and Excel serial days from dates', () => {
    expect(['yyyy-mm-dd', 'd/m/yy', '[$-809]dd mmmm yyyy', 'h:mm'].every(isDateFormat)).toBe(true);
    expect(['0.00', '#,##0', '0%', '"days"0', '[Red]0.0'].some(isDateFormat)).toBe(false);
    expect(serialToIso(45366, false)).toBe('2024-03-15');
    expect(serialToIso(1, false)).toBe('1900-01-01');
    expect(serialToIso(61, false)).toBe('1900-03-01');
    expect(serialToIso(45366.75, false)).toBe('2024-03-15');
  });

  it('says an archive without a workbook part is not a workbook', () => {
    const docx = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
    expect(() => readXlsxSheet(docx)).toThrow(XlsxReadError);
    expect(() => readXlsxSheet(strToU8('PK not really'))).toThrow(XlsxReadError);
  });
});
