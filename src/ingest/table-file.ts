// Reads a table of cells from a CSV or XLSX file (or its content) with the line of every row, so
// that import problems can say where they are: file, line, column.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ValidationError, type FieldProblem } from '../errors.js';
import { decodeTextBytes } from './decode-text.js';
import { archiveProblem } from './zip-limit.js';
import { columnLetters } from '../present/xlsx.js';
import { readXlsxSheet, XlsxReadError, type XlsxCell, type XlsxSheet } from './xlsx-read.js';

export { columnLetters };

export interface TableRow {
  /** Line in the CSV (the last line of a quoted cell that spans several) or row number in the sheet. */
  line: number;
  cells: string[];
}

export interface Table {
  file: string;
  header: string[];
  rows: TableRow[];
}

export type TableSource = string | { name: string; content: Buffer | string };

const isXlsx = (name: string) => /\.xlsx$/i.test(name);

/** CSV without any quote character needs no quote handling: split lines and commas (several times quicker on big files). */
function splitPlainCsv(text: string): TableRow[] {
  const records: TableRow[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const raw = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    if (raw.trim() !== '') records.push({ line, cells: raw.split(',') });
    start = end + 1;
  }
  return records;
}

/** Parses CSV text; the first row is the header. */
export function parseCsvTable(text: string, file: string): Table {
  if (!text.includes('"')) return tableOf(splitPlainCsv(text), file);
  let records: TableRow[];
  try {
    // on_record turns each record into its cells with its line; csv-parse's types expect arrays back.
    const onRecord = (cells: string[], context: { lines: number }) => ({ line: context.lines, cells }) as unknown as string[];
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, on_record: onRecord }) as unknown as TableRow[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new ValidationError(`${file} is not a readable CSV file`, [{ file, line: err.lines, message: err.message }]);
  }
  return tableOf(records, file);
}

/** The most a workbook may unpack to (its sheets' XML): far more than any table of values needs. */
export const WORKBOOK_UNPACKED_LIMIT = 100 * 1024 * 1024;

function tableOf(records: TableRow[], file: string): Table {
  if (records.length === 0) throw new ValidationError(`${file} is empty`, [{ file, message: 'no header row' }]);
  if (records.length === 1) throw new ValidationError(`${file} has a header row but no data rows`, [{ file, line: records[0].line, message: 'no data rows below the header' }]);
  return { file, header: records[0].cells.map((h) => h.trim()), rows: records.slice(1) };
}

/** A cell as the text the importers read: numbers as JavaScript writes them, dates as yyyy-mm-dd. */
function cellText(cell: XlsxCell | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'text': return cell.text;
    case 'number': return String(cell.value);
    case 'date': return cell.iso;
    case 'boolean': return String(cell.value);
    case 'error': return cell.code;
  }
}


/** Reads the first worksheet (or the named one) of an XLSX workbook. */
export async function parseXlsxTable(content: Buffer, file: string, sheet?: string): Promise<Table> {
  if (!(content[0] === 0x50 && content[1] === 0x4b)) throw new ValidationError(`${file} is not a readable XLSX workbook`, [{ file, message: 'an .xlsx file is a zip archive and this is not one' }]);
  const tooBig = archiveProblem(content, WORKBOOK_UNPACKED_LIMIT);
  if (tooBig) throw new ValidationError(`${file} cannot be opened: ${tooBig}`, [{ file, message: tooBig }]);
  let ws: XlsxSheet | null;
  try {
    ws = readXlsxSheet(content, sheet);
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    // Say what it is rather than how the archive failed: that means nothing to the person uploading.
    throw new ValidationError(`${file} is not a readable XLSX workbook`, [{ file, message: 'it is damaged, or saved in another format under an .xlsx name' }]);
  }
  if (!ws) throw new ValidationError(sheet ? `${file} has no sheet "${sheet}"` : `${file} has no worksheets`, [{ file, message: 'no such worksheet' }]);
  const rows: TableRow[] = [];
  const errors: FieldProblem[] = [];
  for (const row of ws.rows) {
    row.cells.forEach((c, col) => {
      if (c?.kind === 'error') errors.push({ file, line: row.number, column: col, field: `${ws.name}!${columnLetters(col)}${row.number}`, message: `the cell holds the spreadsheet error ${c.code}` });
    });
    // Array.from, not map: a row with an empty cell between two others is a sparse array, and map
    // would leave a hole where the empty cell is.
    const cells = Array.from(row.cells.slice(1), cellText);
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: row.number, cells });
  }
  if (errors.length) {
    throw new ValidationError(`${file} has ${errors.length} cell${errors.length === 1 ? '' : 's'} holding a spreadsheet error (such as #DIV/0! or #N/A): correct ${errors.length === 1 ? 'it' : 'them'} in the workbook, or leave ${errors.length === 1 ? 'it' : 'them'} empty`, errors);
  }
  return tableOf(rows, file);
}

/** Reads a CSV or XLSX file from disk or from uploaded content, by its name's extension. */
export async function readTable(source: TableSource, options: { sheet?: string } = {}): Promise<Table> {
  const file = typeof source === 'string' ? path.basename(source) : source.name;
  let content: Buffer | string;
  try {
    content = typeof source === 'string' ? fs.readFileSync(source) : source.content;
  } catch (e) {
    throw new ValidationError(`Cannot read ${file}`, [{ file, message: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message }]);
  }
  if (isXlsx(file)) return parseXlsxTable(Buffer.isBuffer(content) ? content : Buffer.from(content), file, options.sheet);
  const decoded = Buffer.isBuffer(content) ? decodeTextBytes(content) : { text: content };
  if (!decoded || decoded.text.includes('\u0000')) throw new ValidationError(`${file} is not a text CSV file`, [{ file, message: 'it contains binary data (for a workbook, use a .xlsx name)' }]);
  return parseCsvTable(decoded.text, file);
}

/** Finds a column by any of its usual names, ignoring case, spaces, dashes and underscores. */
export function findColumn(header: string[], names: readonly string[]): number {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
  const wanted = names.map(norm);
  return header.findIndex((h) => wanted.includes(norm(h)));
}
