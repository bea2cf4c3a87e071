// What every finance preset shares: the rows of a CSV with their lines, finding the header after a
// publisher's preamble, and the shape of what a preset returns (values, skipped rows, counts, problems).
import { parse } from 'csv-parse/sync';
import type { Frequency, Unit } from '../../domain/index.js';
import { ValidationError, type FieldProblem } from '../../errors.js';
import { readFinanceCell } from './cells.js';

export interface CsvRecord {
  /** Line of the record's first cell in the file. */
  line: number;
  cells: string[];
}

export interface FinanceIndicator {
  code: string;
  title: string;
  unit: Unit;
  decimalPlaces: number;
  frequency: Frequency;
  definition: string;
  source: string;
}

export interface FinanceValue {
  line: number;
  indicatorCode: string;
  areaCode: string;
  periodKey: string;
  /** null = missing; `note` then says why, and always where the value came from. */
  value: number | null;
  note: string;
}

export interface SkippedRow {
  line: number;
  code: string;
  reason: string;
}

/** Rows read, values found in them, and where each went: they must add up. */
export interface PresetCounts {
  rowsRead: number;
  rowsSkipped: number;
  valuesRead: number;
  valuesImported: number;
  valuesMissing: number;
  valuesSkipped: number;
}

export interface PresetResult {
  preset: string;
  file: string;
  encoding: string;
  indicators: FinanceIndicator[];
  values: FinanceValue[];
  skipped: SkippedRow[];
  problems: FieldProblem[];
  counts: PresetCounts;
}

export interface PresetContext {
  /** Whether a code is one of the workspace's reference areas. */
  isArea(code: string): boolean;
}

export interface Provenance {
  publisher: string;
  licence: string;
}

export const OGL = 'Open Government Licence v3.0';

export function provenanceNote(p: Provenance, missingReason?: string): string {
  const source = `Source: ${p.publisher}; ${p.licence}`;
  return missingReason ? `Missing: ${missingReason}. ${source}` : source;
}

/** Every record of a CSV text, quoted cells with line breaks included, each with its first line. */
export function readRecords(text: string, file: string): CsvRecord[] {
  const lineStarts: number[] = [];
  try {
    const onRecord = (cells: string[], context: { lines: number }) => ({ line: context.lines, cells }) as unknown as string[];
    const records = parse(text, { relax_column_count: true, skip_empty_lines: true, on_record: onRecord }) as unknown as CsvRecord[];
    // csv-parse counts the record's last line; a header whose cells hold line breaks starts earlier.
    for (const r of records) lineStarts.push(r.line - r.cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0));
    return records.map((r, i) => ({ line: lineStarts[i], cells: r.cells }));
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new ValidationError(`${file} is not a readable CSV file`, [{ file, line: err.lines, message: err.message }]);
  }
}

export const HEADER_SEARCH_ROWS = 20;
const norm = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The index of the header row: the first of the first 20 records holding every required column.
 * When none does, one sentence naming the first column that could not be found and what was expected.
 */
export function findHeader(records: CsvRecord[], required: readonly string[], file: string, expected: string): number {
  const wanted = required.map(norm);
  const limit = Math.min(records.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const cells = new Set(records[i].cells.map(norm));
    if (wanted.every((w) => cells.has(w))) return i;
  }
  const seen = new Set(records.slice(0, limit).flatMap((r) => r.cells.map(norm)));
  const first = required.find((r) => !seen.has(norm(r))) ?? required[0];
  const message = `no column \`${first}\` in the first ${HEADER_SEARCH_ROWS} rows (expected ${expected})`;
  throw new ValidationError(`${file}: ${message}`, [{ file, message }]);
}

export function columnIndex(header: string[], name: string): number {
  return header.map(norm).indexOf(norm(name));
}

/** Collects values and counts as a preset reads; `finish` checks that the counts add up. */
export function presetCollector(preset: string, file: string, encoding: string, provenance: Provenance) {
  const result: PresetResult = {
    preset, file, encoding, indicators: [], values: [], skipped: [], problems: [],
    counts: { rowsRead: 0, rowsSkipped: 0, valuesRead: 0, valuesImported: 0, valuesMissing: 0, valuesSkipped: 0 },
  };
  const seen = new Map<string, number>();
  const c = result.counts;
  return {
    result,
    /** A data row was read; `values` = how many values it holds. */
    row() { c.rowsRead++; },
    skipRow(line: number, code: string, reason: string, values: number) {
      c.rowsSkipped++;
      c.valuesRead += values;
      c.valuesSkipped += values;
      result.skipped.push({ line, code, reason });
    },
    problem(line: number, message: string, column?: number, field?: string) {
      result.problems.push({ file, line, column, field, message });
    },
    /** One cell read as a value (or as missing, with the publisher's marker as its reason). */
    cell(at: { line: number; column: number; field: string }, key: Omit<FinanceValue, 'value' | 'note' | 'line'>, raw: string | undefined, scale = 1) {
      c.valuesRead++;
      const r = readFinanceCell(raw);
      if ('error' in r) {
        c.valuesSkipped++;
        result.problems.push({ file, line: at.line, column: at.column + 1, field: at.field, message: r.error });
        return;
      }
      this.add(at.line, key, 'value' in r ? r.value * scale : null, 'missing' in r ? r.missing : undefined);
    },
    add(line: number, key: Omit<FinanceValue, 'value' | 'note' | 'line'>, value: number | null, missingReason?: string) {
      const id = `${key.indicatorCode}\u0000${key.areaCode}\u0000${key.periodKey}`;
      const first = seen.get(id);
      if (first !== undefined) {
        c.valuesSkipped++;
        result.problems.push({ file, line, message: `${key.areaCode} ${key.indicatorCode} for ${key.periodKey} is given twice (first on line ${first}): overlapping years or a repeated row` });
        return;
      }
      seen.set(id, line);
      if (value === null) c.valuesMissing++;
      else c.valuesImported++;
      result.values.push({ line, ...key, value, note: provenanceNote(provenance, value === null ? missingReason : undefined) });
    },
    finish(): PresetResult {
      const { valuesRead, valuesImported, valuesMissing, valuesSkipped } = c;
      if (valuesRead !== valuesImported + valuesMissing + valuesSkipped) {
        throw new Error(`${file}: ${valuesRead} values read but ${valuesImported} + ${valuesMissing} + ${valuesSkipped} accounted for`);
      }
      return result;
    },
  };
}

export type Collector = ReturnType<typeof presetCollector>;
