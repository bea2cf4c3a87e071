// Property-based fuzz of the importers' pure parts: whatever the input, each either reads it or
// refuses it with one of the product's own errors in a sentence; none crashes or hangs.
import { describe, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { readReport } from '../../src/ingest/report/read.js';
import { parseReport } from '../../src/ingest/report/parse.js';
import { parseCsvTable, parseXlsxTable } from '../../src/ingest/table-file.js';
import { parseObservationTable } from '../../src/ingest/observation-table.js';
import { expectClearError, RUNS } from './helpers.js';

/** Pieces that look like a council's annual report, mixed with arbitrary text. */
const reportLine = fc.oneof(
  fc.constantFrom(
    '# Strong Economy', '## Skills and jobs', '### Transport', 'Great Communities – Libraries', '- Built 120 new homes in 2023/24',
    '* £4.5m invested in roads by March 2025', 'We will open the new library in Spring 2026.', 'Melton and Charnwood', '1. First',
    '| a | b |', '|---|---|', '**Bold** and _italic_', '<h2>Heading</h2>', '<p>Para &amp; more</p>', '<script>x()</script>',
    '2019/20 2020/21 2021/22', '----', '> quote', '', '   ', '\t', '12%', '£', '2024-25', 'Q3 2023', 'by the end of 2027',
  ),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const reportText = fc.array(reportLine, { maxLength: 60 }).map((lines) => lines.join('\n'));
const reportName = fc.constantFrom('report.txt', 'annual-report-2024.md', 'report.html', 'r.htm', 'report.markdown');

describe('fuzz: report files (text, Markdown, HTML)', () => {
  it('reads and parses any text, or refuses it with a sentence', async () => {
    await fc.assert(
      fc.asyncProperty(reportName, fc.oneof(reportText.map((t) => new TextEncoder().encode(t)), fc.uint8Array({ maxLength: 3000 })), async (name, bytes) => {
        let read;
        try {
          read = await readReport({ name, bytes });
        } catch (e) {
          expectClearError(e);
          return;
        }
        try {
          const parsed = parseReport(read.text, read.markdown, { name });
          for (const entry of parsed.entries) {
            if (typeof entry.title !== 'string') throw new Error('an entry without a title');
          }
        } catch (e) {
          expectClearError(e);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

/** Cells that look like an indicator table's, mixed with arbitrary ones. */
const cell = fc.oneof(
  fc.constantFrom('indicator', 'area', 'period', 'value', 'status', 'note', 'title', 'E10000018', 'E07000130', 'ASC1', '2022/23', '2023-24',
    '2022', '12.5', '-3', '1e308', 'x', '', ' ', '#DIV/0!', 'provisional', 'final', '..', 'NaN', 'Infinity', '1,234', '12%'),
  fc.string({ maxLength: 12 }),
);
const header = fc.shuffledSubarray(['indicator', 'area', 'period', 'value', 'status', 'note', 'title', '2021/22', '2022/23', 'code'], { minLength: 0 });
const grid = fc.tuple(header, fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 25 }));
const quote = (c: string) => (/[",\n\r]/.test(c) || c.startsWith(' ') ? `"${c.replace(/"/g, '""')}"` : c);
const csvText = fc.oneof(
  grid.map(([h, rows]) => [h, ...rows].map((r) => r.map(quote).join(',')).join('\n')),
  grid.map(([h, rows]) => [h, ...rows].map((r) => r.join(',')).join('\r\n')),
  fc.string({ maxLength: 400 }),
);
const lookups = { isArea: (code: string) => /^E\d{8}$/.test(code), yearStyle: () => 'financial' as const };

describe('fuzz: observation tables (CSV and XLSX)', () => {
  it('parses any CSV into rows and problems by line, or refuses it with a sentence', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom('long', 'wide', 'auto') as fc.Arbitrary<'long' | 'wide' | 'auto'>, (text, format) => {
        let table;
        try {
          table = parseCsvTable(text, 'values.csv');
        } catch (e) {
          expectClearError(e);
          return;
        }
        const result = parseObservationTable(table, { format }, lookups);
        for (const p of result.problems) {
          if (typeof p.message !== 'string' || !p.message) throw new Error('a problem without a message');
          if (p.line !== undefined && (p.line < 1 || !Number.isInteger(p.line))) throw new Error(`a problem at line ${p.line}`);
        }
        for (const o of result.observations) {
          if (o.value !== null && !Number.isFinite(o.value)) throw new Error(`value ${o.value} stored for line ${o.line}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('reads any workbook or bytes named .xlsx as a sheet, or refuses them with a sentence', async () => {
    // Real workbooks whose cells are text, numbers, dates, booleans, formulas and spreadsheet errors.
    const xlsxCell = fc.oneof(
      cell.map((c): ExcelJS.CellValue => (c !== '' && Number.isFinite(Number(c)) ? Number(c) : c)),
      fc.constantFrom<ExcelJS.CellValue>({ error: '#DIV/0!' } as ExcelJS.CellErrorValue, { error: '#N/A' } as ExcelJS.CellErrorValue, null, true,
        new Date(Date.UTC(2023, 2, 31)), { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue, { richText: [{ text: 'E10000018' }] }),
    );
    const workbook = fc.tuple(header, fc.array(fc.array(xlsxCell, { maxLength: 6 }), { maxLength: 12 })).map(async ([h, rows]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Values');
      ws.addRow(h);
      for (const r of rows) ws.addRow(r);
      return new Uint8Array(await wb.xlsx.writeBuffer());
    });
    const junk = fc.uint8Array({ maxLength: 2000 }).map(async (b) => (b.length > 4 ? Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b]) : b));
    await fc.assert(
      fc.asyncProperty(fc.oneof(workbook, junk), async (made) => {
        const bytes = await made;
        try {
          const table = await parseXlsxTable(Buffer.from(bytes), 'values.xlsx');
          parseObservationTable(table, {}, lookups);
        } catch (e) {
          expectClearError(e);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
