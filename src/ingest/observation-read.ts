// Reading a file of indicator values and checking every row: the CPU-heavy, pure part of an import
// (decoding, CSV or XLSX reading, each cell checked), which a web server runs in a worker thread
// (see ./thread.ts) so that it goes on answering meanwhile. Everything it needs from the database
// comes in as plain data: the known area codes and the academic-year indicators.
import { parseObservationTable, type ObservationTableOptions, type ObservationTableResult, type ParsedObservation } from './observation-table.js';
import { readTable } from './table-file.js';
import { runInThread } from './thread.js';

export interface ObservationReadInput {
  source: { name: string; content: Uint8Array };
  sheet?: string;
  options: ObservationTableOptions;
  areaCodes: string[];
  /** Lower-case codes of indicators whose bare "2023/24" is an academic year. */
  academicCodes: string[];
}

export interface ObservationRead {
  file: string;
  rowCount: number;
  /** What the file says about its indicators, its problems and its shape; the rows are in `rows`. */
  parsed: Omit<ObservationTableResult, 'observations'>;
  rows: PackedObservations;
}

/**
 * The checked rows packed for the trip back from a worker thread: each text column as its distinct
 * values and an index per row, the numbers in typed arrays. A worker's answer is copied into the
 * server's thread in one step that nothing else can interrupt; 120,000 row objects took about a
 * fifth of a second there (/healthz waited), these few arrays a millisecond or two.
 */
export interface PackedObservations {
  count: number;
  /** The file's line of each row. */
  lines: Uint32Array;
  codes: string[];
  code: Uint32Array;
  areas: string[];
  area: Uint32Array;
  periods: string[];
  period: Uint32Array;
  /** The value of each row; NaN where `blank` is 1. */
  values: Float64Array;
  blank: Uint8Array;
  provisional: Uint8Array;
  /** The rows that carry a note: [row, note]. */
  notes: [number, string][];
}

/** Packs rows as PackedObservations (see there). */
export function packObservations(list: ParsedObservation[]): PackedObservations {
  const n = list.length;
  const index = (values: string[], byValue: Map<string, number>, v: string) => {
    let k = byValue.get(v);
    if (k === undefined) {
      k = values.length;
      values.push(v);
      byValue.set(v, k);
    }
    return k;
  };
  const p: PackedObservations = {
    count: n, lines: new Uint32Array(n), codes: [], code: new Uint32Array(n), areas: [], area: new Uint32Array(n), periods: [], period: new Uint32Array(n),
    values: new Float64Array(n), blank: new Uint8Array(n), provisional: new Uint8Array(n), notes: [],
  };
  const [codes, areas, periods] = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  list.forEach((o, i) => {
    p.lines[i] = o.line;
    p.code[i] = index(p.codes, codes, o.indicatorCode);
    p.area[i] = index(p.areas, areas, o.areaCode);
    p.period[i] = index(p.periods, periods, o.periodKey);
    p.values[i] = o.value ?? NaN;
    p.blank[i] = o.value === null ? 1 : 0;
    p.provisional[i] = o.provisional ? 1 : 0;
    if (o.note !== null) p.notes.push([i, o.note]);
  });
  return p;
}

/** The rows of a PackedObservations as they were packed (tests, and callers that want rows). */
export function unpackObservations(p: PackedObservations): ParsedObservation[] {
  const notes = new Map(p.notes);
  return Array.from({ length: p.count }, (_, i) => ({
    line: p.lines[i], indicatorCode: p.codes[p.code[i]], areaCode: p.areas[p.area[i]], periodKey: p.periods[p.period[i]],
    value: p.blank[i] ? null : p.values[i], provisional: p.provisional[i] === 1, note: notes.get(i) ?? null,
  }));
}

export async function readObservationsHere(input: ObservationReadInput): Promise<ObservationRead> {
  const { content } = input.source;
  const table = await readTable({ name: input.source.name, content: Buffer.from(content.buffer, content.byteOffset, content.byteLength) }, { sheet: input.sheet });
  const areas = new Set(input.areaCodes);
  const academic = new Set(input.academicCodes);
  const parsed = parseObservationTable(table, { map: input.options.map, polarityFrom: input.options.polarityFrom, format: input.options.format }, {
    isArea: (code) => areas.has(code),
    yearStyle: (code) => (academic.has(code.toLowerCase()) ? 'academic' : 'financial'),
  });
  const { observations, ...rest } = parsed;
  return { file: table.file, rowCount: table.rows.length, parsed: rest, rows: packObservations(observations) };
}

/** Reads and checks the file, in a worker thread when asked (the web server does). */
export function readObservations(input: ObservationReadInput, options: { thread?: boolean } = {}): Promise<ObservationRead> {
  return options.thread ? runInThread<ObservationRead>(new URL('./observation-read-thread.js', import.meta.url), input) : readObservationsHere(input);
}
