// Reading and parsing a report, off the caller's thread when asked and the file is large: extraction
// (PDF, Word) and parsing are CPU work that would otherwise stop a web server answering anyone,
// /healthz included, for as long as they take. Small files are read in place, where a thread would
// cost more than it saves.
import { runInThread, type Slicing } from '../thread.js';
import { parseReport, type ParsedReport, type ParseOptions } from './parse.js';
import { readReport, type ReadOptions, type ReadReport, type ReportFile } from './read.js';

export interface ReadAndParseInput {
  file: ReportFile;
  read: ReadOptions;
  parse: Omit<ParseOptions, 'name'>;
}

export interface ReadAndParsed {
  read: ReadReport;
  parsed: ParsedReport;
}

/** Files at least this large are read and parsed in a worker thread when a thread is asked for. */
export const THREAD_FROM_BYTES = 64 * 1024;

export async function readAndParseHere(input: ReadAndParseInput): Promise<ReadAndParsed> {
  const read = await readReport(input.file, input.read);
  return { read, parsed: parseReport(read.text, read.markdown, { ...input.parse, name: read.name }) };
}

/**
 * A parsed report comes back from its thread with its entries, narrative paragraphs and measures in
 * slices (see ../thread.ts): a 400-page report's entries, copied in one message, held the server's
 * thread for a quarter of a second.
 */
export const REPORT_SLICING: Slicing<ReadAndParsed> = {
  spread: (r) => ({
    head: { ...r, parsed: { ...r.parsed, entries: [], narrative: [], measures: [] } },
    lists: [r.parsed.entries, r.parsed.narrative, r.parsed.measures],
  }),
  gather: (head, [entries, narrative, measures]) => ({
    ...head,
    parsed: { ...head.parsed, entries: entries as ParsedReport['entries'], narrative: narrative as ParsedReport['narrative'], measures: measures as ParsedReport['measures'] },
  }),
};

export function readAndParseInThread(input: ReadAndParseInput): Promise<ReadAndParsed> {
  return runInThread<ReadAndParsed>(new URL('./read-and-parse-thread.js', import.meta.url), input, REPORT_SLICING);
}

/**
 * Reads and parses one report file; with `thread`, in a worker thread when the file is large enough
 * to be worth one. (The command line reads in place: nothing else waits on it, and a batch of files
 * would pay for a thread each.)
 */
export function readAndParse(input: ReadAndParseInput, options: { thread?: boolean } = {}): Promise<ReadAndParsed> {
  return options.thread && input.file.bytes.length >= THREAD_FROM_BYTES ? readAndParseInThread(input) : readAndParseHere(input);
}
