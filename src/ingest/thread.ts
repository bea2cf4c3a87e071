// Running a pure, CPU-heavy step (reading and parsing a file) in a worker thread, so that a web
// server goes on answering (/healthz included) for as long as the step takes. The worker runs an
// entry file beside the caller; its answer, or its error as data, comes back by message (an Error's
// class does not cross threads, so a ValidationError is made again here).
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { isValidationError, ValidationError, type FieldProblem } from '../errors.js';

/** What a worker sends back: the result, or the error as data. */
export type ThreadAnswer<T> = { ok: true; result: T } | { ok: false; validation: boolean; message: string; problems: FieldProblem[] };

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

/** Runs the worker entry on `data`; its result, or its error (a ValidationError stays one). */
export function runInThread<T>(entry: URL, data: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(entry, data);
    let answered = false;
    worker.once('message', (answer: ThreadAnswer<T>) => {
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
      if (!answered) reject(new Error(`The file reader stopped unexpectedly (exit code ${code})`));
    });
  });
}

/** In a worker entry: runs `work` on the worker's data and posts back its result or its error. */
export function answerFromThread<I, T>(work: (input: I) => Promise<T> | T): void {
  const post = (answer: ThreadAnswer<T>) => parentPort!.postMessage(answer);
  Promise.resolve().then(() => work(workerData as I)).then(
    (result) => post({ ok: true, result }),
    (e: unknown) => post(isValidationError(e)
      ? { ok: false, validation: true, message: e.message, problems: e.problems }
      : { ok: false, validation: false, message: e instanceof Error ? e.message : String(e), problems: [] }),
  );
}
