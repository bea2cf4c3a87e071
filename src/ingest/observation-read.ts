// Reading a file of indicator values and checking every row: the CPU-heavy, pure part of an import
// (decoding, CSV or XLSX reading, each cell checked), which a web server runs in a worker thread
// (see ./thread.ts) so that it goes on answering meanwhile. Everything it needs from the database
// comes in as plain data: the known area codes and the academic-year indicators.
import { parseObservationTable, type ObservationTableOptions, type ObservationTableResult } from './observation-table.js';
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
  parsed: ObservationTableResult;
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
  return { file: table.file, rowCount: table.rows.length, parsed };
}

/** Reads and checks the file, in a worker thread when asked (the web server does). */
export function readObservations(input: ObservationReadInput, options: { thread?: boolean } = {}): Promise<ObservationRead> {
  return options.thread ? runInThread<ObservationRead>(new URL('./observation-read-thread.js', import.meta.url), input) : readObservationsHere(input);
}
