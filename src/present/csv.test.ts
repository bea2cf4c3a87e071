import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.js';

describe('the CSV writer', () => {
  it('ends every record in CRLF and quotes only what RFC 4180 needs', () => {
    const csv = toCsv([{ a: 'plain', b: 'with, comma', c: 'say "hi"', d: 'two\nlines' }, { a: null, b: undefined, c: 3, d: ' padded ' }]);
    expect(csv).toBe('a,b,c,d\r\nplain,"with, comma","say ""hi""","two\nlines"\r\n,,3," padded "\r\n');
    expect(parse(csv, { columns: true })).toEqual([
      { a: 'plain', b: 'with, comma', c: 'say "hi"', d: 'two\nlines' },
      { a: '', b: '', c: '3', d: ' padded ' },
    ]);
  });

  it('defuses every cell a spreadsheet would run as a formula with a leading apostrophe, quoted', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const s of ['=1+2', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\r=x', '＝1+1', '＋1', '－1', '＠x', '- a bullet']) {
      const cell = csvCell(s);
      expect(cell.startsWith(`"'`), JSON.stringify(s)).toBe(true);
      expect(parse(`${cell}\r\n`)[0][0]).toBe(`'${s}`);
    }
  });

  it('leaves numbers as numbers, negative ones included', () => {
    for (const v of [-3.5, '-3.5', '+12', '-1e3', 0, '42', '-.5']) expect(csvCell(v)).toBe(String(v));
    expect(csvCell('-3.5x')).toBe(`"'-3.5x"`);
  });

  it('writes the header of the given columns even with no rows', () => {
    expect(toCsv([], ['id', 'name'])).toBe('id,name\r\n');
  });
});
