// Templates of the values grid to fill offline: a CSV or XLSX of a period's indicators (with the value
// before and the target to help), read back into grid cells. A file for another period, or with an
// indicator the person does not enter, is refused with a sentence saying which row and what to do.
import { formatPeriod, periodFromKey } from '../domain/index.js';
import { ValidationError, type FieldProblem } from '../errors.js';
import { readTable, findColumn, type Table } from '../ingest/table-file.js';
import { toCsv } from '../present/csv.js';
import { writeXlsx } from '../present/xlsx.js';
import type { Grid, GridCell } from './grid.js';

export const TEMPLATE_COLUMNS = ['Period', 'Code', 'Indicator', 'Unit', 'Previous value', 'Target', 'Value', 'Commentary'] as const;

export interface TemplateFile {
  fileName: string;
  mediaType: string;
  content: Uint8Array;
}

function templateRows(g: Grid): Record<string, unknown>[] {
  return g.lines.map((l) => ({
    Period: g.period.key, Code: l.code, Indicator: l.title, Unit: l.unit,
    'Previous value': l.previousValue, Target: l.targetValue, Value: l.hasValue ? l.value : null, Commentary: l.commentary ?? '',
  }));
}

export async function gridTemplate(g: Grid, format: 'csv' | 'xlsx'): Promise<TemplateFile> {
  const base = `values-${g.period.key}`;
  if (format === 'csv') return { fileName: `${base}.csv`, mediaType: 'text/csv; charset=utf-8', content: new TextEncoder().encode(toCsv(templateRows(g), TEMPLATE_COLUMNS)) };
  const rows = templateRows(g).map((r) => TEMPLATE_COLUMNS.map((c) => r[c] as string | number | null));
  return { fileName: `${base}.xlsx`, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: writeXlsx({ name: 'Values', header: [...TEMPLATE_COLUMNS], rows }) };
}

const columnOf = (t: Table, name: string) => findColumn(t.header, [name]);

/** Reads a filled-in template into cells for the grid's period; throws one clear sentence for a file that does not fit. */
export async function readTemplate(g: Grid, file: { name: string; content: Buffer }): Promise<GridCell[]> {
  if (!/\.(csv|xlsx)$/i.test(file.name)) throw new ValidationError(`${file.name} is not a template: upload the .csv or .xlsx file downloaded from this page`);
  const table = await readTable(file);
  const col = { period: columnOf(table, 'Period'), code: columnOf(table, 'Code'), value: columnOf(table, 'Value'), commentary: columnOf(table, 'Commentary') };
  const missing = (['period', 'code', 'value'] as const).filter((k) => col[k] < 0);
  if (missing.length) throw new ValidationError(`${file.name} has no ${missing.map((m) => `“${m[0].toUpperCase()}${m.slice(1)}”`).join(' or ')} column: download the template from this page and fill it in`);
  const byCode = new Map(g.lines.map((l) => [l.code.toLowerCase(), l]));
  const problems: FieldProblem[] = [];
  const cells: GridCell[] = [];
  for (const row of table.rows) {
    const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? '').trim() : '');
    const period = cell(col.period);
    if (period && period !== g.period.key) {
      throw new ValidationError(`${file.name} is for ${labelOf(period)} (row ${row.line}), but this grid is for ${formatPeriod(g.period, 'long')}: open the grid for ${labelOf(period)} to upload it, or download this period’s template`);
    }
    const line = byCode.get(cell(col.code).toLowerCase());
    if (!line) {
      problems.push({ file: file.name, line: row.line, column: col.code + 1, field: 'Code', message: `“${cell(col.code)}” is not an indicator you enter values for in this grid: remove the row, or ask a performance officer to make you its owner` });
      continue;
    }
    cells.push({ indicatorId: line.indicatorId, value: cell(col.value), commentary: cell(col.commentary) });
  }
  if (problems.length) throw new ValidationError(`${file.name} has ${problems.length} row${problems.length === 1 ? '' : 's'} for indicators outside this grid: nothing was read`, problems);
  return cells;
}

/** A period key as people read it ("Q1 2024/25"), or the text quoted when it is not a key. */
function labelOf(key: string): string {
  const p = periodFromKey(key);
  return p ? formatPeriod(p, 'long') : `“${key}”`;
}
