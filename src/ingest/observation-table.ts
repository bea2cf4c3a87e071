// Reads indicator values from a table in long format (one value a row, as LG Inform and Oflog
// export) or wide format (one column per period). Returns the values and every problem found,
// each with its line, column and reason; writes nothing.
import { Indicator, parsePeriod, periodOf, type Period, type Polarity, type YearStyle } from '../domain/index.js';
import { ValidationError, type FieldProblem } from '../errors.js';
import { readPolarity, readValue } from './indicator-fields.js';
import { duplicateFinder, periodReader } from './row-lookups.js';
import { findColumn, type Table } from './table-file.js';

export const OBSERVATION_FIELDS = ['period', 'area', 'indicator', 'value', 'title', 'status', 'note', 'polarity', 'ignore'] as const;
export type ObservationField = (typeof OBSERVATION_FIELDS)[number];

/** Usual column names for each field, tried when --map does not name one. */
const DEFAULT_NAMES: Record<Exclude<ObservationField, 'ignore' | 'polarity'>, string[]> = {
  period: ['period', 'period key', 'financial year', 'year', 'time period', 'date'],
  area: ['area', 'area code', 'local authority code', 'la code', 'gss code', 'ons code', 'council code', 'organisation code'],
  indicator: ['indicator', 'indicator code', 'code', 'measure code', 'metric code', 'metric id'],
  value: ['value', 'observation', 'figure', 'result'],
  title: ['title', 'indicator title', 'indicator name', 'measure', 'measure name', 'metric'],
  status: ['status', 'value status'],
  note: ['note', 'notes', 'comment'],
};

export interface ObservationTableOptions {
  /** Source column name → field, as given by --map "Financial year=period,Code=indicator". */
  map?: Record<string, ObservationField>;
  /** Column whose text gives each indicator's polarity (desc/asc/None, any case). */
  polarityFrom?: string;
  format?: 'long' | 'wide' | 'auto';
}

export interface Lookups {
  isArea(code: string): boolean;
  /** How a bare "2023/24" is read for this indicator (academic for academic-year indicators). */
  yearStyle(indicatorCode: string): YearStyle;
}

export interface ParsedObservation {
  line: number;
  indicatorCode: string;
  areaCode: string;
  periodKey: string;
  value: number | null;
  provisional: boolean;
  note: string | null;
}

export interface IndicatorHints {
  title?: string;
  polarity?: Polarity;
  /** Line the polarity was read from, to point at conflicts. */
  polarityLine?: number;
  firstPeriod: Period;
}

export interface ObservationTableResult {
  observations: ParsedObservation[];
  /** What the file says about each indicator code it mentions (for creating new ones). */
  indicators: Map<string, IndicatorHints>;
  problems: FieldProblem[];
  /** Lines with at least one problem (skipped under --skip-invalid). */
  badLines: Set<number>;
  format: 'long' | 'wide';
}

/** Parses "Financial year=period,Local authority code=area" into a column map; a bad part is a ValidationError saying which. */
export function parseColumnMap(text: string): Record<string, ObservationField> {
  const map: Record<string, ObservationField> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    const column = part.slice(0, eq).trim();
    const field = part.slice(eq + 1).trim().toLowerCase() as ObservationField;
    if (eq <= 0 || !column) throw new ValidationError(`--map: "${part}" should be COLUMN=FIELD`);
    if (!OBSERVATION_FIELDS.includes(field)) throw new ValidationError(`--map: "${field}" is not a field (use ${OBSERVATION_FIELDS.join(', ')})`);
    map[column] = field;
  }
  return map;
}

const STATUS_WORDS: Record<string, boolean> = { '': false, final: false, f: false, provisional: true, p: true, prov: true, estimate: true, e: true };

/** Records a problem at a line and column (0-based; shown 1-based with its heading) and marks the line bad. */
function problemRecorder(table: Table, problems: FieldProblem[], badLines: Set<number>) {
  const { file, header } = table;
  return (line: number, column: number | undefined, message: string) => {
    problems.push({ file, line, column: column === undefined ? undefined : column + 1, field: column === undefined ? undefined : header[column], message });
    badLines.add(line);
  };
}

/** What is wrong with an indicator code (null: nothing), remembered per code. */
function codeChecker() {
  const validCode = Indicator.shape.code;
  const codeOk = new Map<string, string | null>();
  return (code: string): string | null => {
    let codeProblem = codeOk.get(code);
    if (codeProblem === undefined) {
      const r = validCode.safeParse(code);
      codeProblem = code === '' ? 'indicator code is blank' : r.success ? null : `indicator code "${code}": ${r.error.issues[0].message}`;
      codeOk.set(code, codeProblem);
    }
    return codeProblem;
  };
}

/** Which column holds which field (the map first, then the usual names), the period columns of a wide table, and the format. */
function readHeader(table: Table, options: ObservationTableOptions, problems: FieldProblem[]) {
  const { file, header } = table;
  // Which column holds which field: the map first, then the usual names.
  const columnOf = new Map<ObservationField, number>();
  const mapped = new Set<number>();
  for (const [column, field] of Object.entries(options.map ?? {})) {
    const i = findColumn(header, [column]);
    if (i < 0) {
      problems.push({ file, line: 1, message: `--map names a column "${column}" that is not in the header (${header.join(', ')})` });
      continue;
    }
    mapped.add(i);
    if (field !== 'ignore') columnOf.set(field, i);
  }
  for (const [field, names] of Object.entries(DEFAULT_NAMES) as [ObservationField, string[]][]) {
    if (columnOf.has(field)) continue;
    const i = header.findIndex((h, idx) => !mapped.has(idx) && ![...columnOf.values()].includes(idx) && findColumn([h], names) === 0);
    if (i >= 0) columnOf.set(field, i);
  }
  if (options.polarityFrom !== undefined) {
    const i = findColumn(header, [options.polarityFrom]);
    if (i < 0) problems.push({ file, line: 1, message: `--polarity-from names a column "${options.polarityFrom}" that is not in the header` });
    else columnOf.set('polarity', i);
  }

  // Wide format: every other column whose heading is a period.
  const used = new Set(columnOf.values());
  const periodColumns = header
    .map((h, i) => ({ i, parsed: used.has(i) || mapped.has(i) ? undefined : parsePeriod(h) }))
    .filter((c): c is { i: number; parsed: { ok: true; period: Period } } => c.parsed?.ok === true);
  const format = options.format && options.format !== 'auto' ? options.format : columnOf.has('value') || periodColumns.length === 0 ? 'long' : 'wide';

  const required: ObservationField[] = format === 'long' ? ['indicator', 'area', 'period', 'value'] : ['indicator', 'area'];
  const absent = required.filter((f) => !columnOf.has(f));
  if (format === 'wide' && periodColumns.length === 0) absent.push('period' as ObservationField);
  for (const f of absent) {
    problems.push({ file, line: 1, message: f === 'period' && format === 'wide'
      ? 'no column heading is a period (wide format needs headings such as 2022/23)'
      : `no ${f} column: name it with --map "YOUR COLUMN=${f}"` });
  }
  return { columnOf, periodColumns, format };
}

/** A row's status (provisional or final) and polarity, from their columns when the table has them. */
function statusAndPolarity(
  cell: (i: number | undefined) => string, col: (f: ObservationField) => number | undefined, fail: (column: number | undefined, message: string) => void,
): { provisional: boolean; polarity: Polarity | undefined } {
  let provisional = false;
  if (col('status') !== undefined) {
    const s = STATUS_WORDS[cell(col('status')).toLowerCase()];
    if (s === undefined) fail(col('status'), `status "${cell(col('status'))}" is not final or provisional`);
    else provisional = s;
  }
  let polarity: Polarity | undefined;
  if (col('polarity') !== undefined) {
    const p = readPolarity(cell(col('polarity')));
    if (p === null) fail(col('polarity'), `"${cell(col('polarity'))}" is not a polarity (desc, asc or None)`);
    else polarity = p;
  }
  return { provisional, polarity };
}

/** What the file says of an indicator: its title and first period, and one polarity (a second, different one is a problem). */
function noteIndicator(
  result: ObservationTableResult, row: { code: string; line: number; polarity: Polarity | undefined; polarityText: string; title: string; rowValues: ParsedObservation[] },
  problem: (message: string) => void,
) {
  const { code, line, polarity } = row;
  const hints = result.indicators.get(row.code);
  if (!hints) {
    if (row.rowValues.length) result.indicators.set(row.code, { title: row.title || undefined, polarity, polarityLine: polarity ? line : undefined, firstPeriod: periodOf(row.rowValues[0].periodKey) });
  } else if (polarity !== undefined) {
    if (hints.polarity === undefined) Object.assign(hints, { polarity, polarityLine: line });
    else if (hints.polarity !== polarity) {
      problem(`polarity of ${code} is "${row.polarityText}" here but ${hints.polarity} on line ${hints.polarityLine}`);
    }
  }
}

export function parseObservationTable(table: Table, options: ObservationTableOptions, lookups: Lookups): ObservationTableResult {
  const problems: FieldProblem[] = [];
  const badLines = new Set<number>();
  const problem = problemRecorder(table, problems, badLines);

  const { columnOf, periodColumns, format } = readHeader(table, options, problems);
  const result: ObservationTableResult = { observations: [], indicators: new Map(), problems, badLines, format };
  if (problems.length) return result;

  const col = (f: ObservationField) => columnOf.get(f);
  const firstLineOf = duplicateFinder();
  const longCells = [{ column: col('value') as number }];
  const wideCells = periodColumns.map((c) => ({ column: c.i, period: c.parsed.period }));
  const readPeriod = periodReader();
  const codeProblemOf = codeChecker();

  // The row being read: cell() and fail() are made once, not once a row (a million closures).
  let cells: readonly (string | undefined)[] = [];
  let line = 0;
  let rowOk = true;
  const cell = (i: number | undefined) => (i === undefined ? '' : (cells[i] ?? '').trim());
  const fail = (column: number | undefined, message: string) => {
    problem(line, column, message);
    rowOk = false;
  };
  const rowValues: ParsedObservation[] = [];

  for (const row of table.rows) {
    cells = row.cells;
    line = row.line;
    rowOk = true;
    rowValues.length = 0;
    const code = cell(col('indicator'));
    const area = cell(col('area'));

    const codeProblem = codeProblemOf(code);
    if (codeProblem) fail(col('indicator'), codeProblem);
    if (area === '') fail(col('area'), 'area code is blank');
    else if (!lookups.isArea(area)) fail(col('area'), `unknown area code "${area}"`);

    const { provisional, polarity } = statusAndPolarity(cell, col, fail);

    const style = lookups.yearStyle(code);
    const cellsToRead: { column: number; period?: Period }[] = format === 'long' ? longCells : wideCells;
    for (const c of cellsToRead) {
      let period = c.period;
      if (!period) {
        const text = cell(col('period'));
        const r = readPeriod(text, style);
        if (!r.ok) {
          fail(col('period'), text === '' ? 'period is blank' : r.error);
          continue;
        }
        period = r.period;
      }
      const text = cell(c.column);
      const value = readValue(text);
      if (value === undefined) {
        fail(c.column, `"${text}" is not a number (leave it blank for a missing value)`);
        continue;
      }
      if (format === 'wide' && value === null && text === '') continue; // an empty cell in a wide table is no row at all
      if (!rowOk) continue; // a row already wrong is not checked for duplicates (its area may be unknown)
      const first = firstLineOf(code, area, period.key, line);
      if (first !== undefined) {
        fail(format === 'long' ? col('period') : c.column, `duplicate: ${code}, ${area}, ${period.key} already given on line ${first}`);
        continue;
      }
      rowValues.push({ line, indicatorCode: code, areaCode: area, periodKey: period.key, value, provisional, note: cell(col('note')) || null });
    }
    if (!rowOk) continue;
    for (const o of rowValues) result.observations.push(o);

    noteIndicator(result, { code, line, polarity, polarityText: cell(col('polarity')), title: cell(col('title')), rowValues }, (message) => problem(line, col('polarity'), message));
  }
  return result;
}
