// Running a pure, CPU-heavy step (reading and parsing a file) in a worker thread, so that a web
// server goes on answering (/healthz included) for as long as the step takes. The worker runs an
// entry file beside the caller; its answer, or its error as data, comes back by message (an Error's
// class does not cross threads, so a ValidationError is made again here).
//
// Copying an answer into the caller's thread is itself work on that thread, in one step nothing can
// interrupt: a parsed 400-page report (tens of thousands of small objects) held the server for a
// quarter of a second. So an answer's long lists may come in slices, one message each, the worker
// sending the next slice only when the caller, having taken the last one and let its event loop
// turn, asks for it (slices sent at once would all be taken in one turn).
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { isValidationError, ValidationError, type FieldProblem } from '../errors.js';

/** What a worker sends back: the result, or the error as data; before the result, its lists' slices. */
export type ThreadAnswer<T> =
  | { ok: true; result: T; lists: number }
  | { ok: false; validation: boolean; message: string; problems: FieldProblem[] }
  | { slice: number; items: unknown[] };

/** Sent to the worker for the next slice. */
const NEXT = 'next';

/**
 * How an answer is sent in slices: `spread` (in the worker) takes its long lists out, `gather` (in
 * the caller) puts them back, in the same order.
 */
export interface Slicing<T> {
  spread(result: T): { head: T; lists: unknown[][] };
  gather(head: T, lists: unknown[][]): T;
}

/** A slice holds items until their size (as JSON, a fair guide to the copying work) passes this. */
export const SLICE_CHARS = 256 * 1024;

/** The lists cut into slices of about SLICE_CHARS each (an item larger than that is a slice alone). */
export function slicesOf(lists: unknown[][], limit = SLICE_CHARS): { slice: number; items: unknown[] }[] {
  const out: { slice: number; items: unknown[] }[] = [];
  lists.forEach((list, k) => {
    let items: unknown[] = [];
    let size = 0;
    for (const item of list) {
      const chars = JSON.stringify(item)?.length ?? 0;
      if (items.length && size + chars > limit) {
        out.push({ slice: k, items });
        items = [];
        size = 0;
      }
      items.push(item);
      size += chars;
    }
    if (items.length) out.push({ slice: k, items });
  });
  return out;
}

/**
 * A worker running `entry` (a URL made with `new URL('./x-thread.js', import.meta.url)`). From
 * compiled JavaScript that is the file itself; from the TypeScript sources (tsx, tests) the worker
 * registers tsx first, as bin/compendium.js does, and runs the .ts file.
 */
function startWorker(entry: URL, data: unknown): Worker {
  const fromSource = entry.href.endsWith('.ts') || import.meta.url.endsWith('.ts');
  if (!fromSource) return new Worker(entry, { workerData: data });
  const source = new URL(entry.href.replace(/\.js$/, '.ts'));
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((t) => { t.register(); return import(${JSON.stringify(source.href)}); });`;
  return new Worker(boot, { eval: true, workerData: data });
}

/**
 * Runs the worker entry on `data`; its result, or its error (a ValidationError stays one). With
 * `slicing`, the entry must answer with the same slicing (answerFromThread's second argument).
 */
export function runInThread<T>(entry: URL, data: unknown, slicing?: Slicing<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(entry, data);
    let answered = false;
    const lists: unknown[][] = [];
    worker.on('message', (answer: ThreadAnswer<T>) => {
      if ('slice' in answer) {
        (lists[answer.slice] ??= []).push(...answer.items);
        // The next slice only after this turn of the event loop, so that requests waiting are read.
        setImmediate(() => worker.postMessage(NEXT));
        return;
      }
      answered = true;
      if (answer.ok) {
        if (slicing) resolve(slicing.gather(answer.result, Array.from({ length: answer.lists }, (_, k) => lists[k] ?? [])));
        else resolve(answer.result);
      } else reject(answer.validation ? new ValidationError(answer.message, answer.problems) : new Error(answer.message));
      void worker.terminate();
    });
    worker.once('error', (e) => {
      answered = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`The file reader stopped unexpectedly (exit code ${code})`));
    });
  });
}

/** In a worker entry: runs `work` on the worker's data and posts back its result (in slices, with `slicing`) or its error. */
export function answerFromThread<I, T>(work: (input: I) => Promise<T> | T, slicing?: Slicing<T>): void {
  const post = (answer: ThreadAnswer<T>) => parentPort!.postMessage(answer);
  const next = () => new Promise<void>((resolve) => parentPort!.once('message', () => resolve()));
  const send = async (result: T) => {
    if (!slicing) return post({ ok: true, result, lists: 0 });
    const { head, lists } = slicing.spread(result);
    for (const slice of slicesOf(lists)) {
      const asked = next();
      post(slice);
      await asked;
    }
    post({ ok: true, result: head, lists: lists.length });
  };
  Promise.resolve().then(() => work(workerData as I)).then(send).catch(
    (e: unknown) => post(isValidationError(e)
      ? { ok: false, validation: true, message: e.message, problems: e.problems }
      : { ok: false, validation: false, message: e instanceof Error ? e.message : String(e), problems: [] }),
  );
}
