// Reading and parsing a report, off the caller's thread when asked and the file is large: extraction
// (PDF, Word) and parsing are CPU work that would otherwise stop a web server answering anyone,
// /healthz included, for as long as they take. Small files are read in place, where a thread would
// cost more than it saves.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ValidationError, type FieldProblem } from '../../errors.js';
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

/** What a worker sends back: the result, or the error as data (an Error's class does not cross threads). */
export type ThreadAnswer = { ok: true; result: ReadAndParsed } | { ok: false; validation: boolean; message: string; problems: FieldProblem[] };

export async function readAndParseHere(input: ReadAndParseInput): Promise<ReadAndParsed> {
  const read = await readReport(input.file, input.read);
  return { read, parsed: parseReport(read.text, read.markdown, { ...input.parse, name: read.name }) };
}

/**
 * A worker running the entry file beside this one. From compiled JavaScript that is the file itself;
 * from the TypeScript sources (tsx, tests) the worker registers tsx first, as bin/compendium.js does.
 */
function startWorker(workerData: ReadAndParseInput): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./read-and-parse-thread.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return new Worker(entry, { workerData });
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((t) => { t.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

export function readAndParseInThread(input: ReadAndParseInput): Promise<ReadAndParsed> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(input);
    let answered = false;
    worker.once('message', (answer: ThreadAnswer) => {
      answered = true;
      if (answer.ok) resolve(answer.result);
      else reject(answer.validation ? new ValidationError(answer.message, answer.problems) : new Error(answer.message));
      void worker.terminate();
    });
    worker.once('error', (e) => {
      answered = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`The report reader stopped unexpectedly (exit code ${code})`));
    });
  });
}

/**
 * Reads and parses one report file; with `thread`, in a worker thread when the file is large enough
 * to be worth one. (The command line reads in place: nothing else waits on it, and a batch of files
 * would pay for a thread each.)
 */
export function readAndParse(input: ReadAndParseInput, options: { thread?: boolean } = {}): Promise<ReadAndParsed> {
  return options.thread && input.file.bytes.length >= THREAD_FROM_BYTES ? readAndParseInThread(input) : readAndParseHere(input);
}
