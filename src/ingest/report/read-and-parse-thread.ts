// A worker thread's entry: reads and parses the one report in workerData, and posts back the result
// or the error as data.
import { parentPort, workerData } from 'node:worker_threads';
import { isValidationError } from '../../errors.js';
import { readAndParseHere, type ReadAndParseInput, type ThreadAnswer } from './read-and-parse.js';

const post = (answer: ThreadAnswer) => parentPort!.postMessage(answer);

readAndParseHere(workerData as ReadAndParseInput).then(
  (result) => post({ ok: true, result }),
  (e: unknown) => post(isValidationError(e)
    ? { ok: false, validation: true, message: e.message, problems: e.problems }
    : { ok: false, validation: false, message: e instanceof Error ? e.message : String(e), problems: [] }),
);
